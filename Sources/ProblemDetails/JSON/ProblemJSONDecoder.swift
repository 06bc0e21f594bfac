/// Reads `application/problem+json` documents as RFC 9457 §3.1 asks consumers to.
///
/// The reader is lenient where the RFC says to be and strict where safety needs it:
/// - A standard member of the wrong type is ignored, as if absent, and reported as a diagnostic;
///   `status` must be an integer from 100 to 599. An empty `type` reads as `about:blank`.
/// - An absent `type` means `about:blank`; relative `type` and `instance` references are resolved
///   against the base URI when one is given (RFC 3986 §5).
/// - Extension members are kept intact, in order, recognised or not.
/// - A leading UTF-8 byte order mark is skipped (RFC 8259 §8.1 allows it); UTF-16 and UTF-32 are
///   refused.
/// - Input over ``maximumSize`` bytes or nesting past ``maximumDepth`` is refused before or while
///   reading, so no document can make the reader hang or exhaust memory.
/// ```swift
/// let decoded = try ProblemJSONDecoder().decode(body, baseURI: "https://api.example.com/books/1")
/// decoded.problem.type        // absolute
/// decoded.diagnostics         // what the producer got wrong
/// ```
/// https://www.rfc-editor.org/rfc/rfc9457#section-3.1
public struct ProblemJSONDecoder: Sendable {
    /// The largest document read, in bytes; 1 MiB by default.
    public var maximumSize: Int
    /// The deepest nesting of objects and arrays read, the document's own object included; 32 by
    /// default.
    ///
    /// A value above 256 reads as 256: the decoders keep their own stack, but the encoders and
    /// `==` recurse into a decoded value, and 256 levels fit a 512 KiB thread stack (a secondary
    /// thread's on Apple platforms) in a debug build.
    public var maximumDepth: Int

    /// Creates a decoder.
    ///
    /// - Parameters:
    ///   - maximumSize: The largest document read, in bytes.
    ///   - maximumDepth: The deepest nesting read.
    public init(maximumSize: Int = 1 << 20, maximumDepth: Int = 32) {
        self.maximumSize = maximumSize
        self.maximumDepth = maximumDepth
    }

    /// Reads a problem document.
    ///
    /// - Parameters:
    ///   - bytes: The document, UTF-8.
    ///   - baseURI: The URI the document was retrieved from, to resolve relative references
    ///     against; ignored (with a diagnostic) unless absolute.
    /// - Returns: The problem and what was overlooked while reading it.
    /// - Throws: ``ProblemDecodingError`` when the input is not a problem document at all.
    public func decode(
        _ bytes: some Collection<UInt8>,
        baseURI: String? = nil
    ) throws(ProblemDecodingError) -> DecodedProblem {
        if let result = bytes.withContiguousStorageIfAvailable({ self.decode(buffer: $0, baseURI: baseURI) }) {
            return try result.get()
        }
        try Self.checkSize(bytes.count, maximumSize: self.maximumSize)
        let result = Array(bytes).withUnsafeBufferPointer { self.decode(buffer: $0, baseURI: baseURI) }
        return try result.get()
    }

    /// Reads a problem document from bytes in an array.
    ///
    /// - Parameters:
    ///   - bytes: The document, UTF-8.
    ///   - baseURI: The URI to resolve relative references against.
    /// - Throws: ``ProblemDecodingError`` when the input is not a problem document at all.
    public func decode(_ bytes: [UInt8], baseURI: String? = nil) throws(ProblemDecodingError) -> DecodedProblem {
        // A concrete overload: the generic one cannot be specialised across modules, and its
        // runtime generic metadata lookups cost more than the parse itself.
        try bytes.withUnsafeBufferPointer { self.decode(buffer: $0, baseURI: baseURI) }.get()
    }

    /// Reads a problem document from a string.
    ///
    /// - Parameters:
    ///   - text: The document.
    ///   - baseURI: The URI to resolve relative references against.
    /// - Throws: ``ProblemDecodingError`` when the text is not a problem document at all.
    public func decode(_ text: String, baseURI: String? = nil) throws(ProblemDecodingError) -> DecodedProblem {
        var text = text
        return try text.withUTF8 { self.decode(buffer: $0, baseURI: baseURI) }.get()
    }

    private func decode(
        buffer: UnsafeBufferPointer<UInt8>,
        baseURI: String?
    ) -> Result<DecodedProblem, ProblemDecodingError> {
        Result { () throws(ProblemDecodingError) -> DecodedProblem in
            var diagnostics: [ProblemDiagnostic] = []
            let start = try Self.contentStart(of: buffer, maximumSize: self.maximumSize, diagnostics: &diagnostics)
            var parser = JSONParser(buffer, startingAt: start, maximumDepth: self.maximumDepth)
            let members = try parser.parseObjectDocument()
            diagnostics += parser.diagnostics
            let base = Self.base(baseURI, diagnostics: &diagnostics)
            let problem = ConsumerRules.problem(from: members, baseURI: base, diagnostics: &diagnostics)
            return DecodedProblem(problem: problem, diagnostics: diagnostics)
        }
    }

    /// Reads any JSON value, with the same limits; for extension values and tools.
    ///
    /// - Parameter bytes: The document, UTF-8.
    /// - Throws: ``ProblemDecodingError`` when the input is not JSON within the limits.
    public func decodeValue(_ bytes: some Collection<UInt8>) throws(ProblemDecodingError) -> ExtensionValue {
        let body = { (buffer: UnsafeBufferPointer<UInt8>) -> Result<ExtensionValue, ProblemDecodingError> in
            Result { () throws(ProblemDecodingError) -> ExtensionValue in
                var diagnostics: [ProblemDiagnostic] = []
                let start = try Self.contentStart(of: buffer, maximumSize: self.maximumSize, diagnostics: &diagnostics)
                var parser = JSONParser(buffer, startingAt: start, maximumDepth: self.maximumDepth)
                return try parser.parseValueDocument()
            }
        }
        if let result = bytes.withContiguousStorageIfAvailable(body) { return try result.get() }
        try Self.checkSize(bytes.count, maximumSize: self.maximumSize)
        let result = Array(bytes).withUnsafeBufferPointer(body)
        return try result.get()
    }

    static func contentStart(
        of buffer: UnsafeBufferPointer<UInt8>,
        maximumSize: Int,
        diagnostics: inout [ProblemDiagnostic]
    ) throws(ProblemDecodingError) -> Int {
        try Self.checkSize(buffer.count, maximumSize: maximumSize)
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            diagnostics.append(.init(member: nil, message: "a UTF-8 byte order mark was skipped"))
            return 3
        }
        if buffer.count >= 2, (buffer[0] == 0xFE && buffer[1] == 0xFF) || (buffer[0] == 0xFF && buffer[1] == 0xFE)
            || (buffer[0] == 0 || buffer[1] == 0)
        {
            throw ProblemDecodingError(.notUTF8, "the document is UTF-16 or UTF-32; problem documents are UTF-8")
        }
        return 0
    }

    /// Refuses input over the size limit, before anything is copied or read.
    static func checkSize(_ count: Int, maximumSize: Int) throws(ProblemDecodingError) {
        guard count <= maximumSize else {
            throw ProblemDecodingError(.tooLarge, "the document is larger than \(maximumSize) bytes")
        }
    }

    static func base(_ baseURI: String?, diagnostics: inout [ProblemDiagnostic]) -> URIReference? {
        guard let baseURI else { return nil }
        guard let base = URIReference(parsing: baseURI), base.isAbsolute else {
            diagnostics.append(
                .init(member: nil, message: "the base URI '\(baseURI)' is not absolute; relative references are kept")
            )
            return nil
        }
        return base
    }
}
