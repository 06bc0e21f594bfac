#if XML
import HTTPTypes

/// Writes problems as `application/problem+xml`, the format of RFC 9457 Appendix B.
///
/// The document is UTF-8 with an XML declaration; its root is `problem` in the namespace
/// `urn:ietf:rfc:7807`, and every member is a child element in that same namespace, each on its own
/// line and indented two spaces per level, exactly as in the RFC's example. Members come in a
/// fixed order: `type` (always written, even when it is `about:blank`), `title`, `status`,
/// `detail`, `instance`, then the extension members in insertion order, so equal problems give
/// equal bytes.
/// ```swift
/// let body: [UInt8] = ProblemXMLEncoder().encode(problem)
/// ```
/// XML has no types, so values are written as text (RFC 9457 is silent; these are the library's
/// choices, and ``ProblemXMLDecoder`` documents how they read back):
/// - A string is character data with `&`, `<` and `>` escaped, and CR written `&#xD;` so that it
///   survives XML line-end normalisation.
/// - An integer, a double or a big number is its JSON number text; a Boolean is `true` or `false`.
/// - Null, a non-finite double, an empty array and an empty object are the empty element
///   `<name/>`.
/// - An array is one `<i>` child per element, and an object one child per member; both nest. An
///   object whose only member is named `i` therefore reads back as a one-element array.
///
/// Two things JSON can say cannot be said in XML 1.0, and are dropped rather than written as a
/// document no parser would accept:
/// - Characters XML 1.0 cannot carry at all (the C0 controls other than TAB, LF and CR, and the
///   noncharacters U+FFFE and U+FFFF) are replaced with U+FFFD.
/// - A member whose name is not an XML Name (`1abc`, `a b`, `a:b`), at the top level or inside an
///   object, is left out; ``Problem/Extensions/nameIssues()`` reports such names as
///   ``ExtensionNameIssue/Rule/notAnXMLName``.
///
/// Like the JSON encoder, it measures the document first so that the output buffer is its only
/// allocation. ``Problem/headers`` are not part of the document and are not written.
/// https://www.rfc-editor.org/rfc/rfc9457#appendix-B
public struct ProblemXMLEncoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// The problem as a UTF-8 XML document.
    ///
    /// The document ends with the `</problem>` end tag, without a final line break.
    ///
    /// - Parameter problem: The problem to write.
    public func encode(_ problem: Problem) -> [UInt8] {
        let title = problem.title
        let status = problem.status.map { ExtensionValue.integer($0.code) }
        var size = Self.prologue.utf8CodeUnitCount + Self.epilogue.utf8CodeUnitCount
        size += XMLOutput.size(ofLine: "type", .string(problem.type), level: 1)
        if let title { size += XMLOutput.size(ofLine: "title", .string(title), level: 1) }
        if let status { size += XMLOutput.size(ofLine: "status", status, level: 1) }
        if let detail = problem.detail { size += XMLOutput.size(ofLine: "detail", .string(detail), level: 1) }
        if let instance = problem.instance {
            size += XMLOutput.size(ofLine: "instance", .string(instance), level: 1)
        }
        for member in problem.extensions where XMLName.isValid(member.name) {
            size += XMLOutput.size(ofLine: member.name, member.value, level: 1)
        }
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            var output = XMLOutput(base)
            output.write(literal: Self.prologue)
            output.write(line: "type", .string(problem.type), level: 1)
            if let title { output.write(line: "title", .string(title), level: 1) }
            if let status { output.write(line: "status", status, level: 1) }
            if let detail = problem.detail { output.write(line: "detail", .string(detail), level: 1) }
            if let instance = problem.instance { output.write(line: "instance", .string(instance), level: 1) }
            for member in problem.extensions where XMLName.isValid(member.name) {
                output.write(line: member.name, member.value, level: 1)
            }
            output.write(literal: Self.epilogue)
            count = output.offset
            assert(count <= size, "the measured size of a problem document was too small")
        }
    }

    /// The XML declaration and the root's start tag.
    private static let prologue: StaticString =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<problem xmlns=\"urn:ietf:rfc:7807\">"

    /// The root's end tag, on its own line.
    private static let epilogue: StaticString = "\n</problem>"
}

extension ProblemXMLEncoder: ProblemRenderer {
    /// `application/problem+xml`.
    ///
    /// RFC 9457 keeps the registration of RFC 7807, which has no required parameters.
    /// https://www.rfc-editor.org/rfc/rfc7807#section-6.2
    public var contentType: String { "application/problem+xml" }

    /// `application/problem+xml`, `application/xml` and `text/xml`.
    ///
    /// A client that accepts generic XML can read a problem document, as RFC 9457 §3 allows for
    /// the generic JSON type.
    public var mediaTypes: [MediaType] { Self.offeredMediaTypes }

    // Stored once: negotiation asks every renderer for its media types on each response.
    private static let offeredMediaTypes: [MediaType] = [.problemXML, .xml, .textXML]

    /// The problem as XML; the context is not needed.
    ///
    /// - Parameters:
    ///   - problem: A resolved problem.
    ///   - context: Unused.
    public func render(_ problem: Problem, in context: RenderingContext) -> [UInt8] {
        self.encode(problem)
    }
}
#endif
