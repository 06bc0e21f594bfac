extension Problem {
    /// A 422 `validation-error` for an error thrown by a `Decodable` type's decoding, such as
    /// Foundation's `JSONDecoder`, with one violation pointing at the member at fault.
    ///
    /// The pointer is built from the error's coding path in the member names the client sent
    /// (`CodingKey.stringValue`, array indices from `intValue`); for a missing member the missing
    /// key is appended. The detail is written for the client and never quotes the error, whose
    /// description names Swift types:
    /// - a type mismatch: "must be a string", "must be an integer", "must be a number", "must be a
    ///   boolean", "must be an array", "must be an object" ("has the wrong type" when the expected
    ///   type has no JSON kind);
    /// - a missing value: "must not be null"; a missing key: "is required";
    /// - corrupted data: "is not valid".
    ///
    /// Corrupted data at the root means the body itself is not JSON: that is a 400
    /// `malformed-body`, not a validation failure. Without the body its position is unknown; call
    /// ``decodingFailed(_:body:)`` to name the line and column. (Foundation's `JSONDecoder` on Linux
    /// also reports a number it cannot hold, such as 300 for an `Int8` or 1.5 for an `Int`, as
    /// corrupted data at the root; only the body tells that apart from a syntax error.)
    /// https://www.rfc-editor.org/rfc/rfc9457#section-3
    /// - Parameter error: The decoding error.
    public static func validationFailed(decoding error: DecodingError) -> Problem {
        if case .dataCorrupted(let context) = error, context.codingPath.isEmpty, context.strictDetail == nil {
            return Problem(.malformedBody, detail: "The request body is not valid JSON.")
        }
        let (detail, codingPath) = error.clientDescription
        return .validationFailed([Violation(detail: detail, pointer: JSONPointer(codingPath: codingPath))])
    }

    /// The problem for a `DecodingError` thrown while decoding a request body, using the body to
    /// tell a syntax error from a validation failure.
    ///
    /// When the error is corrupted data at the root and the body is not JSON, this is
    /// ``malformedBody(_:)`` naming the line and column of the first syntax error; when the body is
    /// JSON after all, the value as a whole is refused: a 422 with the pointer `#`. Any other error
    /// is ``validationFailed(decoding:)``.
    /// https://www.rfc-editor.org/rfc/rfc9457#section-3
    /// - Parameters:
    ///   - error: The decoding error.
    ///   - body: The request body that was being decoded; read only for corrupted data at the root.
    public static func decodingFailed(_ error: DecodingError, body: some Collection<UInt8>) -> Problem {
        guard case .dataCorrupted(let context) = error, context.codingPath.isEmpty else {
            return .validationFailed(decoding: error)
        }
        // The body was already accepted by the framework's size limit. A body nesting deeper than
        // the decoders' ceiling is called malformed, naming the depth, even where JSONDecoder
        // (whose limit is 512) read it: the client learns what to change either way.
        if let syntaxError = JSONSyntaxError.find(in: body, maximumSize: .max, maximumDepth: JSONParser.depthCeiling) {
            return .malformedBody(syntaxError)
        }
        return .validationFailed([Violation(detail: StrictIssue.invalid.detail, pointer: .root)])
    }
}

extension DecodingError {
    /// What the client should read about this failure, and the coding path of the member at fault
    /// (with the missing key appended for `keyNotFound`).
    ///
    /// An error thrown by the strict decoder carries the client's words as its underlying error;
    /// those are used as they are.
    var clientDescription: (detail: String, codingPath: [any CodingKey]) {
        switch self {
        case .typeMismatch(let type, let context):
            let expectation = JSONValueKind(expecting: type)?.expectation ?? "has the wrong type"
            return (context.strictDetail ?? expectation, context.codingPath)
        case .valueNotFound(_, let context):
            return (context.strictDetail ?? StrictIssue.null.detail, context.codingPath)
        case .keyNotFound(let key, let context):
            return (context.strictDetail ?? StrictIssue.required.detail, context.codingPath + [key])
        case .dataCorrupted(let context):
            return (context.strictDetail ?? StrictIssue.invalid.detail, context.codingPath)
        @unknown default:
            return (StrictIssue.invalid.detail, [])
        }
    }
}

extension DecodingError.Context {
    /// The client's words, when the strict decoder threw this.
    var strictDetail: String? { (self.underlyingError as? StrictIssue)?.detail }
}

extension JSONPointer {
    /// The pointer to the member a coding path leads to, in the member names the client sent.
    ///
    /// - Parameter codingPath: A decoder's coding path.
    init(codingPath: some Sequence<any CodingKey>) {
        self.init(tokens: codingPath.map(Self.token(for:)))
    }

    /// A coding key as a pointer token: an array index as its number, any other key as its
    /// `stringValue`, which is the member name the client sent.
    ///
    /// Decoders mark an index with an `intValue` and a string value of `Index 3` (Foundation) or of
    /// the number itself; a key from an enumeration with integer raw values has an `intValue` too
    /// but keeps its name.
    static func token(for key: any CodingKey) -> String {
        if let index = key.intValue, key.stringValue == "Index \(index)" || key.stringValue == String(index) {
            return String(index)
        }
        return key.stringValue
    }
}
