/// What a ``ProblemAssertion`` found wrong, every mismatch at once.
public struct ProblemAssertionFailure: Error, Sendable, CustomStringConvertible {
    /// Each mismatch, one sentence each.
    public let mismatches: [String]

    /// Creates a failure.
    ///
    /// - Parameter mismatches: Each mismatch.
    public init(mismatches: [String]) {
        self.mismatches = mismatches
    }

    /// The mismatches, one per line.
    public var description: String {
        "not the problem expected:\n" + self.mismatches.map { "- " + $0 }.joined(separator: "\n")
    }
}
