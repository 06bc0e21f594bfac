/// The outcome of one conformance rule applied to what an API answered.
///
/// ```swift
/// let checks = ResponseConformance(exchange).checks
/// for check in checks where check.outcome == .failed { print(check) }
/// ```
public struct ConformanceCheck: Sendable, Hashable, CustomStringConvertible {
    /// Whether the rule held.
    public enum Outcome: String, Sendable, Hashable {
        /// The rule held.
        case passed
        /// The rule was broken.
        case failed
        /// The rule did not apply, or could not be tried.
        case skipped
    }

    /// A stable identifier, such as `status-member-matches`, for scripts and `--format json`.
    public var id: String
    /// What the rule requires, in a few words.
    public var title: String
    /// The specification the rule rests on, such as `RFC 9457 §3.1.2`.
    public var reference: String
    /// Whether it held.
    public var outcome: Outcome
    /// What was seen: the request it was seen on and the evidence.
    public var observed: String

    /// Creates a check result.
    ///
    /// - Parameters:
    ///   - id: A stable identifier.
    ///   - title: What the rule requires.
    ///   - reference: The specification it rests on.
    ///   - outcome: Whether it held.
    ///   - observed: What was seen.
    public init(id: String, title: String, reference: String, outcome: Outcome, observed: String) {
        self.id = id
        self.title = title
        self.reference = reference
        self.outcome = outcome
        self.observed = observed
    }

    /// One line: outcome, identifier, reference and what was seen.
    public var description: String {
        "\(self.outcome.rawValue.uppercased()) \(self.id) (\(self.reference)): \(self.observed)"
    }
}
