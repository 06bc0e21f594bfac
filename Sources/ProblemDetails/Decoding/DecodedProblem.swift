/// A problem read from a document, with what the reader had to overlook.
///
/// RFC 9457 §3.1 tells consumers to ignore a member whose value has the wrong type and carry on;
/// each such leniency is recorded as a diagnostic, so tools can report what a producer got wrong.
public struct DecodedProblem: Sendable, Hashable {
    /// The problem, with the consumer rules applied.
    public var problem: Problem
    /// What was ignored, repaired or questionable, in document order.
    public var diagnostics: [ProblemDiagnostic]

    /// Creates a decoded problem.
    ///
    /// - Parameters:
    ///   - problem: The problem.
    ///   - diagnostics: What the reader overlooked.
    public init(problem: Problem, diagnostics: [ProblemDiagnostic] = []) {
        self.problem = problem
        self.diagnostics = diagnostics
    }
}
