/// Something a reader overlooked in a problem document that was still usable.
public struct ProblemDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The member it concerns, as a JSON Pointer in string form for nested members (`/errors/0`);
    /// `nil` for the document as a whole.
    public let member: String?
    /// What was wrong and what the reader did about it.
    public let message: String

    /// Creates a diagnostic.
    ///
    /// - Parameters:
    ///   - member: The member it concerns, or `nil` for the whole document.
    ///   - message: What was wrong and what was done.
    public init(member: String?, message: String) {
        self.member = member
        self.message = message
    }

    /// The member and message on one line.
    public var description: String {
        if let member { return "\(member): \(self.message)" }
        return self.message
    }
}
