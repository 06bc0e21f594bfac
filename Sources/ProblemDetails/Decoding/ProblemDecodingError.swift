/// The error thrown for input that is not a problem document at all.
///
/// A document that is well-formed but has members of the wrong type is still a problem document:
/// it decodes, with diagnostics. This error is for the rest: malformed syntax, something other than
/// an object, input past the size or depth limits, encodings other than UTF-8, and XML with a
/// document type declaration.
public struct ProblemDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public let reason: Reason
    /// What exactly is wrong.
    public let message: String
    /// The 1-based line where reading stopped, when known.
    public let line: Int?
    /// The 1-based column (in bytes) where reading stopped, when known.
    public let column: Int?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - reason: The kind of failure.
    ///   - message: What exactly is wrong.
    ///   - line: The 1-based line where reading stopped.
    ///   - column: The 1-based column where reading stopped.
    public init(_ reason: Reason, _ message: String, line: Int? = nil, column: Int? = nil) {
        self.reason = reason
        self.message = message
        self.line = line
        self.column = column
    }

    /// The message, with the position when known.
    public var description: String {
        if let line, let column { return "\(self.message) at line \(line), column \(column)" }
        return self.message
    }

    /// A kind of failure.
    public struct Reason: Sendable, Hashable, CustomStringConvertible {
        let name: String

        /// The input is not well-formed JSON or XML.
        public static let malformed = Reason(name: "malformed")
        /// The input is well-formed but is not a problem: not a JSON object, or not a `problem`
        /// element in the `urn:ietf:rfc:7807` namespace.
        public static let notAProblem = Reason(name: "not a problem")
        /// The input is larger than the reader's size limit.
        public static let tooLarge = Reason(name: "too large")
        /// The input nests deeper than the reader's depth limit.
        public static let tooDeep = Reason(name: "too deep")
        /// The input is not UTF-8.
        public static let notUTF8 = Reason(name: "not UTF-8")
        /// The XML input declares a document type or entities, which are refused (XXE).
        public static let forbiddenDeclaration = Reason(name: "forbidden declaration")

        /// The reason's name.
        public var description: String { self.name }
    }
}
