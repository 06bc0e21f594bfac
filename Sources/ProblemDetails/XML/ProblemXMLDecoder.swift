#if XML
/// Reads `application/problem+xml` documents (RFC 9457 Appendix B) as RFC 9457 §3.1 asks
/// consumers to.
///
/// The root must be `problem` in the namespace `urn:ietf:rfc:7807`, with or without a prefix
/// (`<p:problem xmlns:p="urn:ietf:rfc:7807">`). Its child elements in that namespace are the
/// members; the §3.1 rules are then the same as for JSON (see ``ProblemJSONDecoder``): a standard
/// member of the wrong type is ignored with a diagnostic, an absent `type` means `about:blank`, and
/// relative `type` and `instance` references are resolved against the document's base URI.
///
/// That base is the URI the document was retrieved from, changed by any `xml:base` attribute, as
/// RFC 3986 §5.1.1 and XML Base say: one on `problem` applies to every member, one on the `type`
/// or `instance` element to that member, and a relative one is resolved against the base around
/// it. An `xml:base` that is not a URI reference is ignored with a diagnostic.
/// ```swift
/// let decoded = try ProblemXMLDecoder().decode(body, baseURI: "https://api.example.com/books/1")
/// decoded.problem.extensions["balance"]   // .string("30")
/// ```
/// XML has no types, and RFC 9457 does not say how to read them back, so the reader decides by
/// structure:
/// - An element with child elements is an object, except that one whose children are all named
///   `i` is an array (as Appendix B describes).
/// - An element with only text, or nothing, is a string: `<a/>` is the empty string. Numbers and
///   Booleans of extension members therefore come back as strings: an XML consumer cannot tell
///   `30` from `"30"`. Null, empty arrays and empty objects, which ``ProblemXMLEncoder`` writes as
///   `<a/>`, come back as empty strings; an element whose only children are in other namespaces
///   is an empty object.
/// - The schema of Appendix B types `status` as `xsd:positiveInteger` and `type` and `instance` as
///   `xsd:anyURI`, all of which collapse whitespace: so surrounding whitespace is trimmed from
///   those three, and `status` text that is a decimal integer is read as an integer before the
///   §3.1 rules see it (`<status>abc</status>` is ignored, with a diagnostic).
/// - Whitespace-only text between child elements is layout and ignored; other text beside child
///   elements (mixed content) is ignored with a diagnostic. A repeated member name keeps its first
///   position and its last value, with a diagnostic, as in JSON.
/// - Elements in other namespaces are ignored with a diagnostic: Appendix B says they are not
///   implied. Attributes other than namespace declarations and `xml:base` are ignored.
///
/// The parser is written for hostile input. It does not read document type declarations at all:
/// `<!DOCTYPE` or `<!ENTITY` anywhere is ``ProblemDecodingError/Reason/forbiddenDeclaration``, so
/// neither external entities (XXE) nor entity expansion can happen; only the five predefined
/// entities and character references are read. Input over ``maximumSize`` bytes or nesting past
/// ``maximumDepth`` is refused, and the work done is linear in the input. The document must be
/// UTF-8: a leading byte order mark is skipped (XML allows it, so no diagnostic), and an XML
/// declaration naming another encoding is refused as ``ProblemDecodingError/Reason/notUTF8``.
/// https://www.rfc-editor.org/rfc/rfc9457#appendix-B
public struct ProblemXMLDecoder: Sendable {
    /// The largest document read, in bytes; 1 MiB by default.
    public var maximumSize: Int
    /// The deepest nesting of elements that hold other elements, the `problem` element included;
    /// 32 by default.
    ///
    /// Leaf elements do not count, so a problem within ``ProblemJSONDecoder/maximumDepth`` as JSON
    /// is within the same limit as XML.
    ///
    /// A value above 256 reads as 256: the decoders keep their own stack, but the encoders and
    /// `==` recurse into a decoded value, and 256 levels fit a 512 KiB thread stack (a secondary
    /// thread's on Apple platforms) in a debug build.
    public var maximumDepth: Int

    /// Creates a decoder.
    ///
    /// - Parameters:
    ///   - maximumSize: The largest document read, in bytes.
    ///   - maximumDepth: The deepest nesting of elements that hold other elements.
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
        try ProblemJSONDecoder.checkSize(bytes.count, maximumSize: self.maximumSize)
        let result = Array(bytes).withUnsafeBufferPointer { self.decode(buffer: $0, baseURI: baseURI) }
        return try result.get()
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
            // A byte order mark is part of XML's own encoding detection, not something overlooked,
            // so the JSON reader's diagnostic about it is dropped.
            var byteOrderMark: [ProblemDiagnostic] = []
            let start = try ProblemJSONDecoder.contentStart(
                of: buffer,
                maximumSize: self.maximumSize,
                diagnostics: &byteOrderMark
            )
            var reader = XMLReader(buffer, startingAt: start, maximumDepth: self.maximumDepth)
            var members = try reader.parseProblemDocument()
            var diagnostics = reader.diagnostics
            Self.applySchemaTypes(to: &members)
            var base = ProblemJSONDecoder.base(baseURI, diagnostics: &diagnostics)
            if let problemBase = reader.problemBase {
                base = Self.base(problemBase, within: base, member: nil, diagnostics: &diagnostics)
            }
            // A member with a base of its own is resolved here; the §3.1 rules keep it, now absolute.
            // In a fixed order, not the dictionary's, which differs from one instance to the next:
            // the diagnostics, and so the result, must be the same for the same document.
            for name in ["type", "instance"] {
                guard let memberBase = reader.memberBases[name], case .string(let text)? = members[name],
                    let reference = URIReference(parsing: text),
                    !reference.isAbsolute,
                    let base = Self.base(memberBase, within: base, member: name, diagnostics: &diagnostics)
                else { continue }
                members[name] = .string(reference.resolved(against: base).description)
            }
            let problem = ConsumerRules.problem(from: members, baseURI: base, diagnostics: &diagnostics)
            return DecodedProblem(problem: problem, diagnostics: diagnostics)
        }
    }

    /// The base an `xml:base` attribute gives: its value resolved against the base around it.
    ///
    /// - Parameters:
    ///   - value: The attribute's value.
    ///   - enclosing: The base around the element, when there is an absolute one.
    ///   - member: The member whose element carries the attribute; `nil` for `problem`.
    ///   - diagnostics: Where an attribute that cannot be used is reported.
    /// - Returns: The absolute base, or `nil` when there is none to resolve against.
    private static func base(
        _ value: String,
        within enclosing: URIReference?,
        member: String?,
        diagnostics: inout [ProblemDiagnostic]
    ) -> URIReference? {
        guard let reference = URIReference(parsing: value) else {
            diagnostics.append(
                .init(member: member, message: "xml:base '\(ProblemDiagnostic.excerpt(value))' is not a URI reference; ignored")
            )
            return enclosing
        }
        if reference.isAbsolute { return reference }
        guard let enclosing else {
            diagnostics.append(
                .init(
                    member: member,
                    message: "xml:base '\(ProblemDiagnostic.excerpt(value))' is relative and there is no base URI to "
                        + "resolve it against; relative references are kept"
                )
            )
            return nil
        }
        return reference.resolved(against: enclosing)
    }

    /// Reads the standard members as the types of the Appendix B schema, which collapse whitespace:
    /// `status` as an integer when its text is one, `type` and `instance` trimmed.
    private static func applySchemaTypes(to members: inout ExtensionValue.Object) {
        if case .string(let text)? = members["status"], let code = Int(Self.trimmingWhitespace(text)) {
            members["status"] = .integer(code)
        }
        for name in ["type", "instance"] {
            if case .string(let text)? = members[name] {
                members[name] = .string(Self.trimmingWhitespace(text))
            }
        }
    }

    /// The text without leading and trailing XML whitespace (space, TAB, LF, CR).
    private static func trimmingWhitespace(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !XMLReader.isWhitespace($0) }),
            let last = utf8.lastIndex(where: { !XMLReader.isWhitespace($0) })
        else { return "" }
        return String(decoding: utf8[first...last], as: UTF8.self)
    }
}
#endif
