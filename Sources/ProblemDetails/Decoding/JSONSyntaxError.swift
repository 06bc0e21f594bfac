/// Where and why a request body is not JSON: the first syntax error, with its line and column.
///
/// Framework integrations use it to answer a malformed body with a 400 `malformed-body` problem
/// that tells the client exactly where parsing stopped:
/// ```swift
/// if let error = JSONSyntaxError.find(in: body) {
///     throw Problem.malformedBody(error)
///     // "The request body is not valid JSON: expected ',' or '}' after an object member at line 3, column 12."
/// }
/// ```
/// The parser is this library's strict RFC 8259 reader, with the same limits as
/// ``ProblemJSONDecoder``, so hostile input is refused rather than read without bound. Besides
/// syntax, the error is about the body as a whole when it is empty, too large or not UTF-8; those
/// have no position worth naming (``line`` and ``column`` are 1) and the problem's detail names
/// none.
/// https://www.rfc-editor.org/rfc/rfc8259
public struct JSONSyntaxError: Error, Sendable, Hashable {
    /// The 1-based line where parsing stopped.
    public let line: Int
    /// The 1-based column where parsing stopped, counted in bytes.
    public let column: Int
    /// What is wrong, written for the client: "expected ',' or '}' after an object member".
    public let message: String
    /// Whether ``line`` and ``column`` locate the error, rather than the error being about the
    /// whole body.
    let isPositioned: Bool

    /// Creates an error at a position.
    ///
    /// - Parameters:
    ///   - line: The 1-based line.
    ///   - column: The 1-based column, in bytes.
    ///   - message: What is wrong, for the client.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
        self.isPositioned = true
    }

    /// Creates an error about the body as a whole.
    init(wholeBody message: String) {
        self.line = 1
        self.column = 1
        self.message = message
        self.isPositioned = false
    }

    /// The first syntax error in a request body, or `nil` when the body is one well-formed JSON
    /// value.
    ///
    /// An empty body (or one of whitespace only), a body over `maximumSize` bytes, one nesting deeper
    /// than `maximumDepth`, and one that is not UTF-8 are errors too.
    /// - Parameters:
    ///   - bytes: The request body.
    ///   - maximumSize: The largest body read, in bytes; 1 MiB by default.
    ///   - maximumDepth: The deepest nesting of arrays and objects read; 32 by default.
    public static func find(
        in bytes: some Collection<UInt8>,
        maximumSize: Int = 1 << 20,
        maximumDepth: Int = 32
    ) -> JSONSyntaxError? {
        guard case .failure(let error) = Self.parse(bytes, maximumSize: maximumSize, maximumDepth: maximumDepth) else {
            return nil
        }
        return error
    }

    /// Parses a request body, or says where it is not JSON.
    static func parse(
        _ bytes: some Collection<UInt8>,
        maximumSize: Int,
        maximumDepth: Int
    ) -> Result<ExtensionValue, JSONSyntaxError> {
        do {
            let decoder = ProblemJSONDecoder(maximumSize: maximumSize, maximumDepth: maximumDepth)
            return .success(try decoder.decodeValue(bytes))
        } catch {
            return .failure(JSONSyntaxError(error, body: bytes, maximumSize: maximumSize))
        }
    }

    /// The parser's error in a request's terms: its messages speak of "the document", which to an
    /// API client is the request body.
    private init(_ error: ProblemDecodingError, body: some Collection<UInt8>, maximumSize: Int) {
        switch error.reason {
        case .tooLarge:
            self.init(wholeBody: "the request body is larger than \(maximumSize) bytes")
            return
        case .malformed where Self.isBlank(body):
            self.init(wholeBody: "the request body is empty")
            return
        default:
            break
        }
        guard let line = error.line, let column = error.column else {
            let message = error.reason == .notUTF8 ? "the request body is not UTF-8" : "the request body is not JSON"
            self.init(wholeBody: message)
            return
        }
        let message = error.message
            .replacing("the JSON document", with: "the JSON value")
            .replacing("the document", with: "the request body")
        self.init(line: line, column: column, message: message)
    }

    /// Whether a body holds nothing but whitespace, after an optional byte order mark.
    private static func isBlank(_ body: some Collection<UInt8>) -> Bool {
        var bytes = body[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return bytes.allSatisfy {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        }
    }
}

extension JSONSyntaxError: CustomStringConvertible {
    /// The message, with the line and column when they locate the error.
    public var description: String {
        guard self.isPositioned else { return self.message }
        return "\(self.message) at line \(self.line), column \(self.column)"
    }
}

extension Problem {
    /// A `malformed-body` (400) for a request body that is not JSON, naming where parsing stopped.
    ///
    /// The detail reads "The request body is not valid JSON: expected ',' or '}' after an object
    /// member at line 3, column 12." An error about the whole body names no position.
    /// https://www.rfc-editor.org/rfc/rfc9457#section-3.1.4
    /// - Parameter error: The syntax error, from ``JSONSyntaxError/find(in:maximumSize:maximumDepth:)``.
    public static func malformedBody(_ error: JSONSyntaxError) -> Problem {
        Problem(.malformedBody, detail: "The request body is not valid JSON: \(error.description).")
    }
}
