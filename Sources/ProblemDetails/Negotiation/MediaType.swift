/// A media type such as `application/problem+json; charset=utf-8`.
///
/// The type and subtype are case-insensitive, so they are stored lowercased; parameter names are
/// lowercased for the same reason. Parameter values keep their spelling, except that the value of
/// `charset`, which is case-insensitive, compares equal regardless of case.
///
/// https://www.rfc-editor.org/rfc/rfc9110#section-8.3.1
public struct MediaType: Sendable, Hashable, CustomStringConvertible {
    /// A media type parameter: a name and a value, such as `charset=utf-8`.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9110#section-5.6.6
    public struct Parameter: Sendable, Hashable {
        /// The parameter's name, lowercased.
        public let name: String

        /// The parameter's value, without the quotes and escapes of a quoted string.
        public let value: String

        /// Creates a parameter.
        ///
        /// Parameter names are case-insensitive, so the name is lowercased.
        ///
        /// - Parameters:
        ///   - name: The parameter's name; it should be a token.
        ///   - value: The parameter's value, unquoted.
        public init(name: String, value: String) {
            self.name = name.lowercased()
            self.value = value
        }

        /// Whether two parameters have the same name and value.
        ///
        /// The value of `charset` is compared case-insensitively, because character set names are.
        ///
        /// https://www.rfc-editor.org/rfc/rfc9110#section-8.3.2
        ///
        /// - Parameters:
        ///   - lhs: A parameter.
        ///   - rhs: Another parameter.
        public static func == (lhs: Parameter, rhs: Parameter) -> Bool {
            lhs.name == rhs.name && lhs.comparableValue == rhs.comparableValue
        }

        /// Hashes the name and the value, in the form used by ``==(_:_:)``.
        ///
        /// - Parameters:
        ///   - hasher: The hasher to feed.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(self.name)
            hasher.combine(self.comparableValue)
        }

        private var comparableValue: String {
            self.name == "charset" ? self.value.lowercased() : self.value
        }
    }

    /// The longest input, in UTF-8 bytes, that ``init(parsing:)`` accepts.
    ///
    /// Real media types are far shorter; the cap bounds the work hostile input can cause.
    /// Longer input is rejected, not truncated.
    public static let maximumLength = 1024

    /// The top-level type, such as `application`, lowercased.
    public let type: String

    /// The subtype, such as `problem+json`, lowercased.
    public let subtype: String

    /// The parameters, in the order they were given.
    public let parameters: [Parameter]

    /// Creates a media type from its parts without validating them.
    ///
    /// Meant for media types known in advance; use ``init(parsing:)`` for text from the network.
    /// The type and subtype are lowercased because they are case-insensitive.
    ///
    /// - Parameters:
    ///   - type: The top-level type, such as `application`.
    ///   - subtype: The subtype, such as `problem+json`.
    ///   - parameters: The parameters, in order.
    public init(type: String, subtype: String, parameters: [Parameter] = []) {
        self.type = type.lowercased()
        self.subtype = subtype.lowercased()
        self.parameters = parameters
    }

    /// Parses a media type, such as the value of a `Content-Type` field.
    ///
    /// Whitespace around the value, around `;` and around `=` is tolerated, and case is
    /// normalised; parameter values may be quoted strings with backslash escapes. Returns `nil`
    /// for anything else that does not follow the grammar: a missing subtype, an empty token,
    /// a character not allowed in a token, a parameter without a value, an unterminated quoted
    /// string, or input longer than ``maximumLength``.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9110#section-8.3.1
    ///
    /// - Parameters:
    ///   - string: The text to parse.
    public init?(parsing string: String) {
        guard string.utf8.count <= Self.maximumLength else {
            return nil
        }
        var text = string
        let parsed = text.withUTF8 { bytes in
            var scanner = Scanner(bytes, from: 0, to: bytes.count)
            return Self.parse(from: &scanner)
        }
        guard let parsed else {
            return nil
        }
        self = parsed
    }

    /// The value of the first parameter with the given name, or `nil` when there is none.
    ///
    /// - Parameters:
    ///   - name: The parameter's name, in any case.
    public subscript(parameter name: String) -> String? {
        let name = name.lowercased()
        return self.parameters.first { $0.name == name }?.value
    }

    /// Whether the two media types have the same type and subtype.
    ///
    /// Parameters are ignored, as RFC 7807 asks of parameters a recipient does not recognise.
    /// Wildcards such as `*/*` are not expanded: they are only meaningful in an `Accept` field,
    /// where ``Accept/Range`` handles them.
    ///
    /// https://www.rfc-editor.org/rfc/rfc7807#section-6
    ///
    /// - Parameters:
    ///   - other: The media type to compare with.
    public func matches(_ other: MediaType) -> Bool {
        self.type == other.type && self.subtype == other.subtype
    }

    /// Whether this is `application/problem+json`, whatever its parameters.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9457#section-6.1
    public var isProblemJSON: Bool {
        self.matches(.problemJSON)
    }

    /// Whether this is `application/problem+xml`, whatever its parameters.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9457#section-6.2
    public var isProblemXML: Bool {
        self.matches(.problemXML)
    }

    /// Whether this is JSON: `application/json`, or any type with the `+json` structured syntax
    /// suffix, such as `application/merge-patch+json`.
    ///
    /// https://www.rfc-editor.org/rfc/rfc6839#section-3.1
    public var isJSON: Bool {
        (self.type == "application" && self.subtype == "json") || self.subtype.hasSuffix("+json")
    }

    /// Whether a `Content-Type` field value announces a problem details document.
    ///
    /// True for `application/problem+json` and `application/problem+xml` in any case and with any
    /// parameters, such as `application/problem+json; charset=utf-8`. A value that is not a valid
    /// media type is not a problem document.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9457#section-3
    ///
    /// - Parameters:
    ///   - contentType: The value of a `Content-Type` field.
    public static func isProblemDocument(contentType: String) -> Bool {
        guard let mediaType = MediaType(parsing: contentType) else {
            return false
        }
        return mediaType.isProblemJSON || mediaType.isProblemXML
    }

    /// The media type as field text, such as `text/html; charset=utf-8`.
    ///
    /// Values that are not tokens are written as quoted strings. Control characters, which no
    /// field value may contain, are left out so the text is always safe to send.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9110#section-5.6.4
    public var description: String {
        var text = "\(self.type)/\(self.subtype)"
        for parameter in self.parameters {
            text += "; \(parameter.name)="
            Self.appendValue(parameter.value, to: &text)
        }
        return text
    }

    private static func appendValue(_ value: String, to text: inout String) {
        if !value.utf8.isEmpty, value.utf8.allSatisfy(Scanner.isTokenCharacter) {
            text += value
            return
        }
        text.append("\"")
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"", "\\":
                text.append("\\")
                text.unicodeScalars.append(scalar)
            case "\t":
                text.unicodeScalars.append(scalar)
            case "\u{00}"..."\u{1F}", "\u{7F}":
                continue
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        text.append("\"")
    }
}

// MARK: - Well-known media types

extension MediaType {
    /// `application/problem+json`, the JSON problem details format.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9457#section-6.1
    public static let problemJSON = MediaType(type: "application", subtype: "problem+json")

    /// `application/problem+xml`, the XML problem details format.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9457#section-6.2
    public static let problemXML = MediaType(type: "application", subtype: "problem+xml")

    /// `application/json`.
    ///
    /// https://www.rfc-editor.org/rfc/rfc8259#section-11
    public static let json = MediaType(type: "application", subtype: "json")

    /// `application/xml`.
    ///
    /// https://www.rfc-editor.org/rfc/rfc7303#section-9.1
    public static let xml = MediaType(type: "application", subtype: "xml")

    /// `text/xml`, the older alias of `application/xml` that some clients still ask for.
    ///
    /// https://www.rfc-editor.org/rfc/rfc7303#section-9.2
    public static let textXML = MediaType(type: "text", subtype: "xml")

    /// `text/html`.
    ///
    /// https://www.iana.org/assignments/media-types/text/html
    public static let html = MediaType(type: "text", subtype: "html")

    /// `application/xhtml+xml`, which browsers list in their `Accept` fields next to `text/html`.
    ///
    /// https://www.iana.org/assignments/media-types/application/xhtml+xml
    public static let xhtml = MediaType(type: "application", subtype: "xhtml+xml")
}

// MARK: - Parsing

extension MediaType {
    /// Parses `type "/" subtype parameters` and requires nothing but whitespace after it.
    ///
    /// Shared by ``init(parsing:)`` and the media ranges of ``Accept``, which have the same shape.
    static func parse(from scanner: inout Scanner) -> MediaType? {
        scanner.skipWhitespace()
        guard let type = scanner.readToken(lowercasing: true),
            scanner.skip(UInt8(ascii: "/")),
            let subtype = scanner.readToken(lowercasing: true),
            let parameters = scanner.readParameters()
        else {
            return nil
        }
        scanner.skipWhitespace()
        guard scanner.isAtEnd else {
            return nil
        }
        return MediaType(lowercasedType: type, subtype: subtype, parameters: parameters)
    }

    private init(lowercasedType type: String, subtype: String, parameters: [Parameter]) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    /// A cursor over the bytes of a field value that reads the grammar shared by `Content-Type`,
    /// `Accept` and `Accept-Language`.
    ///
    /// It works on bytes rather than characters because the grammar is defined on octets and
    /// these fields are parsed on every request.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9110#section-5.6
    struct Scanner {
        private let bytes: UnsafeBufferPointer<UInt8>
        private(set) var position: Int
        let end: Int

        init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
            self.bytes = bytes
            self.position = start
            self.end = end
        }

        var isAtEnd: Bool {
            self.position >= self.end
        }

        var remainingCount: Int {
            self.end - self.position
        }

        var current: UInt8? {
            self.isAtEnd ? nil : self.bytes[self.position]
        }

        mutating func advance() {
            self.position += 1
        }

        /// Skips optional whitespace: spaces and horizontal tabs.
        mutating func skipWhitespace() {
            while let byte = self.current, Self.isWhitespace(byte) {
                self.position += 1
            }
        }

        /// Consumes `byte` if it comes next.
        mutating func skip(_ byte: UInt8) -> Bool {
            guard self.current == byte else {
                return false
            }
            self.position += 1
            return true
        }

        /// Reads a non-empty token, or returns `nil` without moving when none comes next.
        mutating func readToken(lowercasing: Bool) -> String? {
            let start = self.position
            while let byte = self.current, Self.isTokenCharacter(byte) {
                self.position += 1
            }
            return self.text(from: start, lowercasing: lowercasing)
        }

        /// Returns the bytes from `start` to the current position as text, or `nil` when empty.
        func text(from start: Int, lowercasing: Bool) -> String? {
            let count = self.position - start
            guard count > 0 else {
                return nil
            }
            let bytes = self.bytes
            return String(unsafeUninitializedCapacity: count) { buffer in
                for offset in 0..<count {
                    let byte = bytes[start + offset]
                    buffer[offset] = lowercasing ? Self.lowercased(byte) : byte
                }
                return count
            }
        }

        /// Reads a quoted string, starting at its opening quote, and returns its unescaped content.
        ///
        /// https://www.rfc-editor.org/rfc/rfc9110#section-5.6.4
        mutating func readQuotedString() -> String? {
            guard self.skip(UInt8(ascii: "\"")) else {
                return nil
            }
            var content: [UInt8] = []
            while let byte = self.current {
                self.position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: content, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let escaped = self.current, Self.isQuotedPairCharacter(escaped) else {
                        return nil
                    }
                    self.position += 1
                    content.append(escaped)
                default:
                    guard Self.isQuotedTextCharacter(byte) else {
                        return nil
                    }
                    content.append(byte)
                }
            }
            return nil
        }

        /// Reads `*( OWS ";" OWS [ parameter ] )`, stopping before anything that does not start
        /// another parameter; returns `nil` when a parameter is malformed.
        ///
        /// Empty parameters, as in `text/html;;level=1`, are allowed by RFC 9110. Whitespace
        /// around `=` is not, but some senders write it, so it is tolerated.
        ///
        /// https://www.rfc-editor.org/rfc/rfc9110#section-5.6.6
        mutating func readParameters() -> [Parameter]? {
            var parameters: [Parameter] = []
            while true {
                let beforeSeparator = self.position
                self.skipWhitespace()
                guard self.skip(UInt8(ascii: ";")) else {
                    self.position = beforeSeparator
                    return parameters
                }
                self.skipWhitespace()
                guard let name = self.readToken(lowercasing: true) else {
                    continue
                }
                self.skipWhitespace()
                guard self.skip(UInt8(ascii: "=")) else {
                    return nil
                }
                self.skipWhitespace()
                let value: String?
                if self.current == UInt8(ascii: "\"") {
                    value = self.readQuotedString()
                } else {
                    value = self.readToken(lowercasing: false)
                }
                guard let value else {
                    return nil
                }
                parameters.append(Parameter(lowercasedName: name, value: value))
            }
        }

        /// Calls `body` with a scanner over each non-empty element of a comma-separated list,
        /// trimmed of surrounding whitespace, stopping after `maximumCount` elements.
        ///
        /// Commas inside quoted strings do not separate elements. Empty elements are skipped
        /// without counting, as RFC 9110 requires; every other element counts, valid or not, so
        /// the number of elements parsed is bounded whatever the input.
        ///
        /// https://www.rfc-editor.org/rfc/rfc9110#section-5.6.1.2
        static func forEachListElement(
            in bytes: UnsafeBufferPointer<UInt8>,
            maximumCount: Int,
            _ body: (inout Scanner) -> Void
        ) {
            var count = 0
            var elementStart = 0
            var index = 0
            var isInQuotedString = false
            while index <= bytes.count {
                let isEnd = index == bytes.count
                let byte = isEnd ? UInt8(ascii: ",") : bytes[index]
                if isInQuotedString && !isEnd {
                    if byte == UInt8(ascii: "\\") {
                        index = min(index + 2, bytes.count)
                        continue
                    }
                    if byte == UInt8(ascii: "\"") {
                        isInQuotedString = false
                    }
                } else if byte == UInt8(ascii: "\"") {
                    isInQuotedString = true
                } else if byte == UInt8(ascii: ",") {
                    var start = elementStart
                    var end = index
                    while start < end, Self.isWhitespace(bytes[start]) {
                        start += 1
                    }
                    while end > start, Self.isWhitespace(bytes[end - 1]) {
                        end -= 1
                    }
                    if start < end {
                        var scanner = Scanner(bytes, from: start, to: end)
                        body(&scanner)
                        count += 1
                        if count >= maximumCount {
                            return
                        }
                    }
                    elementStart = index + 1
                }
                index += 1
            }
        }

        /// Parses a weight's value, `qvalue`, into a number from 0 to 1.
        ///
        /// At most three decimals are allowed, and nothing above 1, so `1.000` is valid while
        /// `1.001`, `0.1234`, `.5` and `-0` are not.
        ///
        /// https://www.rfc-editor.org/rfc/rfc9110#section-12.4.2
        static func parseQuality(_ text: String) -> Double? {
            var bytes = text.utf8.makeIterator()
            guard let whole = bytes.next(), whole == UInt8(ascii: "0") || whole == UInt8(ascii: "1") else {
                return nil
            }
            guard let point = bytes.next() else {
                return whole == UInt8(ascii: "1") ? 1 : 0
            }
            guard point == UInt8(ascii: ".") else {
                return nil
            }
            var thousandths = 0
            var scale = 100
            while let byte = bytes.next() {
                guard scale > 0, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                    return nil
                }
                thousandths += Int(byte - UInt8(ascii: "0")) * scale
                scale /= 10
            }
            if whole == UInt8(ascii: "1") {
                return thousandths == 0 ? 1 : nil
            }
            return Double(thousandths) / 1000
        }

        static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
        }

        /// `tchar`, the characters allowed in a token.
        ///
        /// https://www.rfc-editor.org/rfc/rfc9110#section-5.6.2
        static func isTokenCharacter(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
                UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                true
            default:
                false
            }
        }

        /// `qdtext`: whitespace, visible characters other than `"` and `\`, and `obs-text`.
        private static func isQuotedTextCharacter(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "\t") || byte == UInt8(ascii: " ") || byte == 0x21
                || (0x23...0x5B).contains(byte) || (0x5D...0x7E).contains(byte) || byte >= 0x80
        }

        /// The characters that may follow `\` in a `quoted-pair`.
        private static func isQuotedPairCharacter(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "\t") || byte == UInt8(ascii: " ") || (0x21...0x7E).contains(byte) || byte >= 0x80
        }

        static func lowercased(_ byte: UInt8) -> UInt8 {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
        }
    }
}

extension MediaType.Parameter {
    fileprivate init(lowercasedName name: String, value: String) {
        self.name = name
        self.value = value
    }
}
