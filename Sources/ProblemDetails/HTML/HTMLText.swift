/// An HTML document under construction, built so that no value can become markup.
///
/// Markup can only be appended as a `StaticString`, which is fixed when the package is compiled;
/// every value that comes from a problem, a registry or a request goes through ``text(_:)``, which
/// escapes it for both element content and quoted attribute values. So the page's structure is
/// decided by this package alone, whatever the values hold.
struct HTMLText {
    private(set) var bytes: [UInt8] = []

    /// Whether labels, which are written in English, need `lang="en"` because the page is in
    /// another language.
    var labelsNeedLanguage = false

    init(reservingCapacity capacity: Int = 4096) {
        self.bytes.reserveCapacity(capacity)
    }

    // MARK: Writing

    /// Appends markup written in this package's source.
    mutating func markup(_ literal: StaticString) {
        literal.withUTF8Buffer { self.bytes.append(contentsOf: $0) }
    }

    /// Appends a value as text, escaped so it is safe inside element content and inside an
    /// attribute value in double or single quotes.
    ///
    /// `&`, `<`, `>`, `"` and `'` become character references. Control characters other than tab,
    /// line feed and carriage return, which HTML forbids in a document, become U+FFFD so a value
    /// cannot make the page malformed either.
    mutating func text(_ value: String) {
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": self.markup("&amp;")
            case "<": self.markup("&lt;")
            case ">": self.markup("&gt;")
            case "\"": self.markup("&quot;")
            case "'": self.markup("&#39;")
            case "\t", "\n", "\r": self.bytes.append(UInt8(scalar.value))
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}": self.bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
            default: self.bytes.append(contentsOf: String(scalar).utf8)
            }
        }
    }

    /// Appends a value inside `open` and `close` markup, such as `<dd>` and `</dd>`.
    mutating func element(_ open: StaticString, _ value: String, _ close: StaticString) {
        self.markup(open)
        self.text(value)
        self.markup(close)
    }

    /// Appends a label written in English, such as a `<dt>` or a table heading.
    ///
    /// - Parameters:
    ///   - open: The start tag without its closing `>`, such as `<dt` or `<th scope="col"`.
    ///   - label: The label.
    ///   - close: The end tag.
    mutating func label(_ open: StaticString, _ label: StaticString, _ close: StaticString) {
        self.markup(open)
        if self.labelsNeedLanguage { self.markup(" lang=\"en\"") }
        self.markup(">")
        self.markup(label)
        self.markup(close)
    }

    /// Appends ` lang="tag"` for a well-formed language tag, and nothing for any other.
    mutating func languageAttribute(_ tag: String?) {
        guard let tag, LanguageTag.isWellFormed(tag) else { return }
        self.markup(" lang=\"")
        self.text(tag)
        self.markup("\"")
    }

    /// Appends a JSON document as the content of a `<script>` data block.
    ///
    /// The content of a script element ends at the first `</script`, and `<!--` changes how it is
    /// parsed, whatever the `type`; so `<`, `>` and `&`, which in JSON can only occur inside
    /// strings, are written as the escapes `\u003c`, `\u003e` and `\u0026`. The JSON means the
    /// same, and nothing in it can close the element.
    /// https://html.spec.whatwg.org/multipage/scripting.html#restrictions-for-contents-of-script-elements
    mutating func scriptJSON(_ json: [UInt8]) {
        for byte in json {
            switch byte {
            case UInt8(ascii: "<"): self.markup("\\u003c")
            case UInt8(ascii: ">"): self.markup("\\u003e")
            case UInt8(ascii: "&"): self.markup("\\u0026")
            default: self.bytes.append(byte)
            }
        }
    }

    // MARK: Values

    /// The value escaped as ``text(_:)`` would write it.
    static func escaped(_ value: String) -> String {
        var html = HTMLText(reservingCapacity: value.utf8.count)
        html.text(value)
        return String(decoding: html.bytes, as: UTF8.self)
    }

    /// Whether a URI reference may become an `href`: an `http` or `https` URI, or a relative
    /// reference.
    ///
    /// Anything else, above all `javascript:` and `data:`, runs code or loads content when
    /// followed, so it is shown as text only. The reference must parse as RFC 3986 strictly
    /// requires, which rules out the spaces and control characters browsers strip before they
    /// look at the scheme.
    static func isLinkable(_ reference: String) -> Bool {
        guard !reference.isEmpty, let parsed = URIReference(parsing: reference) else { return false }
        guard let scheme = parsed.scheme else { return true }
        switch scheme.lowercased() {
        case "http", "https": return parsed.authority.map { !$0.isEmpty } ?? false
        default: return false
        }
    }
}
