/// A URI reference: either a URI or a relative reference.
///
/// Problem details use URI references for the `type` and `instance` members, and consumers
/// resolve relative references against the base URI of the document before using them, so
/// this type both validates a reference and resolves it.
///
/// Parsing is strict: it accepts exactly the strings matched by the `URI-reference` rule and
/// nothing else. Non-ASCII text (an IRI is not a URI), spaces, control characters and malformed
/// percent-encodings are rejected rather than silently repaired, because a repaired identifier
/// would no longer compare equal to the one the producer meant. No component is normalized or
/// percent-decoded, and the scheme keeps the case it was written in. Equality is therefore the
/// simple string comparison of RFC 3986 section 6.2.1: `HTTP://a` and `http://a` are different
/// values even though they identify the same resource.
///
/// https://www.rfc-editor.org/rfc/rfc3986#section-4.1
/// https://www.rfc-editor.org/rfc/rfc9457#section-3.1.1
public struct URIReference: Sendable, Hashable, CustomStringConvertible {
    /// The longest input, in UTF-8 bytes, that ``init(parsing:)`` accepts.
    ///
    /// Neither RFC sets a limit, but problem type and instance identifiers are short, and a cap
    /// keeps hostile input from costing more than a bounded amount of work. Longer input is
    /// rejected, not truncated.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9457#section-3.1
    public static let maximumLength = 8192

    /// The scheme, without the trailing `:`, or `nil` for a relative reference.
    ///
    /// Kept exactly as written. Schemes are case-insensitive, so compare them with that in mind
    /// if `HTTP` and `http` must be treated alike.
    ///
    /// https://www.rfc-editor.org/rfc/rfc3986#section-3.1
    public let scheme: String?

    /// The authority, without the leading `//`, or `nil` when the reference has none.
    ///
    /// An empty string means the reference has an empty authority, as in `file:///etc`, which is
    /// different from having none, as in `file:/etc`.
    ///
    /// https://www.rfc-editor.org/rfc/rfc3986#section-3.2
    public let authority: String?

    /// The path, which may be empty.
    ///
    /// A path is always present in a URI reference, so it is never `nil`.
    ///
    /// https://www.rfc-editor.org/rfc/rfc3986#section-3.3
    public let path: String

    /// The query, without the leading `?`, or `nil` when the reference has none.
    ///
    /// An empty string means the reference ends with a bare `?`.
    ///
    /// https://www.rfc-editor.org/rfc/rfc3986#section-3.4
    public let query: String?

    /// The fragment, without the leading `#`, or `nil` when the reference has none.
    ///
    /// An empty string means the reference ends with a bare `#`.
    ///
    /// https://www.rfc-editor.org/rfc/rfc3986#section-3.5
    public let fragment: String?

    /// Whether the reference has a scheme, and so can be used without a base URI.
    ///
    /// A reference with a scheme counts as absolute even if it has a fragment: what matters to a
    /// consumer is whether resolution against a base is needed, not whether the reference
    /// matches the narrower `absolute-URI` rule.
    ///
    /// https://www.rfc-editor.org/rfc/rfc3986#section-4.3
    public var isAbsolute: Bool {
        scheme != nil
    }

    /// Whether the reference lacks a scheme and so must be resolved against a base URI.
    ///
    /// This is always the opposite of ``isAbsolute``.
    ///
    /// https://www.rfc-editor.org/rfc/rfc3986#section-4.2
    public var isRelative: Bool {
        scheme == nil
    }

    /// The reference recomposed into its string form.
    ///
    /// For a reference created by ``init(parsing:)`` this is the parsed string itself.
    ///
    /// https://www.rfc-editor.org/rfc/rfc3986#section-5.3
    public var description: String {
        var result = ""
        if let scheme {
            result += scheme
            result += ":"
        }
        if let authority {
            result += "//"
            result += authority
        }
        result += path
        if let query {
            result += "?"
            result += query
        }
        if let fragment {
            result += "#"
            result += fragment
        }
        return result
    }

    /// Parses a string as a URI reference, or returns `nil` if it is not one.
    ///
    /// The empty string is valid: it is a reference to the current document. A string whose first
    /// path segment contains a `:` but does not start with a valid scheme, such as `1abc:x`, is
    /// rejected; write `./1abc:x` for a relative reference of that shape. Input longer than
    /// ``maximumLength`` UTF-8 bytes is rejected.
    ///
    /// https://www.rfc-editor.org/rfc/rfc3986#section-4.1
    ///
    /// - Parameters:
    ///   - string: The text of the reference, with no surrounding whitespace or delimiters.
    public init?(parsing string: String) {
        guard string.utf8.count <= Self.maximumLength else { return nil }
        var string = string
        guard let reference = string.withUTF8({ Self.parse($0, building: true) }) else { return nil }
        self = reference
    }

    /// Whether a string is a URI reference, without building one: no allocation, for readers
    /// that only need to know.
    static func isValid(_ string: String) -> Bool {
        guard string.utf8.count <= Self.maximumLength else { return false }
        var string = string
        return string.withUTF8 { Self.parse($0, building: false) } != nil
    }

    private init(
        scheme: String?,
        authority: String?,
        path: String,
        query: String?,
        fragment: String?
    ) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// Resolves this reference against a base URI, producing the target URI.
    ///
    /// Follows the strict algorithm exactly, including merging paths and removing dot segments,
    /// so a reference with a scheme is never interpreted relative to a base with the same scheme.
    /// The base's fragment is ignored. If `base` has no scheme it cannot serve as a base URI, and
    /// this reference is returned unchanged. One departure keeps the result well-formed: when the
    /// target has no authority and its path would start with `//`, the path is prefixed with `/.`,
    /// because otherwise the recomposed string would be read back with an authority.
    ///
    /// The target can be longer than ``maximumLength`` when both inputs are near it; its description
    /// is then too long for ``init(parsing:)``, which is the price of never truncating an identifier.
    ///
    /// https://www.rfc-editor.org/rfc/rfc3986#section-5.2
    ///
    /// - Parameters:
    ///   - base: The base URI, typically the URI of the problem document.
    /// - Returns: The resolved reference, or this reference if `base` is not absolute.
    public func resolved(against base: URIReference) -> URIReference {
        guard let baseScheme = base.scheme else { return self }

        let targetScheme: String
        let targetAuthority: String?
        var targetPath: String
        let targetQuery: String?

        if let scheme {
            targetScheme = scheme
            targetAuthority = authority
            targetPath = Self.removingDotSegments(from: path)
            targetQuery = query
        } else {
            targetScheme = baseScheme
            if let authority {
                targetAuthority = authority
                targetPath = Self.removingDotSegments(from: path)
                targetQuery = query
            } else {
                targetAuthority = base.authority
                if path.isEmpty {
                    targetPath = base.path
                    targetQuery = query ?? base.query
                } else {
                    if path.utf8.first == ASCII.slash {
                        targetPath = Self.removingDotSegments(from: path)
                    } else {
                        targetPath = Self.removingDotSegments(from: Self.merging(path, into: base))
                    }
                    targetQuery = query
                }
            }
        }

        if targetAuthority == nil, targetPath.utf8.starts(with: Self.doubleSlash) {
            targetPath = "/." + targetPath
        }

        return URIReference(
            scheme: targetScheme,
            authority: targetAuthority,
            path: targetPath,
            query: targetQuery,
            fragment: fragment
        )
    }

    /// Resolves a reference string against a base URI string.
    ///
    /// A convenience for callers that hold both as text, such as a problem's `type` member and the
    /// URI the document was retrieved from. If `base` parses but has no scheme, `reference` is
    /// returned as parsed, unresolved.
    ///
    /// https://www.rfc-editor.org/rfc/rfc3986#section-5.2
    ///
    /// - Parameters:
    ///   - reference: The URI reference to resolve.
    ///   - base: The base URI to resolve it against.
    /// - Returns: The target URI as a string, or `nil` if either string is not a URI reference.
    public static func resolve(_ reference: String, against base: String) -> String? {
        guard
            let reference = URIReference(parsing: reference),
            let base = URIReference(parsing: base)
        else { return nil }
        return reference.resolved(against: base).description
    }
}

// MARK: - Parsing

extension URIReference {
    private static let doubleSlash: [UInt8] = [ASCII.slash, ASCII.slash]

    /// Splits on the first delimiters as in RFC 3986 Appendix B, validating each component.
    ///
    /// Without `building`, the components of the result are left empty, so validation allocates
    /// nothing.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, building: Bool) -> URIReference? {
        var index = bytes.startIndex

        // A ':' before any other delimiter can only end a scheme: a relative reference may not
        // have one in its first segment, so an invalid scheme makes the whole string invalid.
        var scheme: String?
        let firstDelimiter = bytes.firstIndex { $0 == ASCII.colon || ASCII.endsAuthority($0) }
        if let delimiter = firstDelimiter, bytes[delimiter] == ASCII.colon {
            let range = bytes.startIndex..<delimiter
            guard isValidScheme(bytes[range]) else { return nil }
            scheme = string(from: bytes[range], building: building)
            index = delimiter + 1
        }

        var authority: String?
        if bytes[index...].starts(with: doubleSlash) {
            let start = index + 2
            let end = bytes[start...].firstIndex(where: ASCII.endsAuthority) ?? bytes.endIndex
            guard isValidAuthority(bytes[start..<end]) else { return nil }
            authority = string(from: bytes[start..<end], building: building)
            index = end
        }

        let pathEnd = bytes[index...].firstIndex { $0 == ASCII.question || $0 == ASCII.hash } ?? bytes.endIndex
        guard isValid(bytes[index..<pathEnd], allowing: ASCII.isPathOrSlash) else { return nil }
        let path = string(from: bytes[index..<pathEnd], building: building)
        index = pathEnd

        var query: String?
        if index < bytes.endIndex, bytes[index] == ASCII.question {
            let start = index + 1
            let end = bytes[start...].firstIndex(of: ASCII.hash) ?? bytes.endIndex
            guard isValid(bytes[start..<end], allowing: ASCII.isQueryOrFragmentCharacter) else { return nil }
            query = string(from: bytes[start..<end], building: building)
            index = end
        }

        var fragment: String?
        if index < bytes.endIndex {
            let start = index + 1
            guard isValid(bytes[start...], allowing: ASCII.isQueryOrFragmentCharacter) else { return nil }
            fragment = string(from: bytes[start...], building: building)
        }

        return URIReference(scheme: scheme, authority: authority, path: path, query: query, fragment: fragment)
    }

    private static func string(from bytes: Slice<UnsafeBufferPointer<UInt8>>, building: Bool) -> String {
        building ? String(decoding: bytes, as: UTF8.self) : ""
    }

    /// Checks that every byte is allowed or starts a well-formed percent-encoding.
    private static func isValid(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, allowing isAllowed: (UInt8) -> Bool) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == ASCII.percent {
                guard
                    index + 2 < bytes.endIndex,
                    ASCII.isHexDigit(bytes[index + 1]),
                    ASCII.isHexDigit(bytes[index + 2])
                else { return false }
                index += 3
            } else {
                guard isAllowed(byte) else { return false }
                index += 1
            }
        }
        return true
    }

    private static func isValidScheme(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = bytes.first, ASCII.isLetter(first) else { return false }
        return bytes.dropFirst().allSatisfy {
            ASCII.isLetter($0) || ASCII.isDigit($0) || $0 == ASCII.plus || $0 == ASCII.hyphen || $0 == ASCII.period
        }
    }

    /// Validates `[ userinfo "@" ] host [ ":" port ]`.
    private static func isValidAuthority(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var hostStart = bytes.startIndex
        // Neither host nor port may contain '@', so the first one ends the userinfo.
        if let at = bytes.firstIndex(of: ASCII.at) {
            guard isValid(bytes[..<at], allowing: ASCII.isUserinfoCharacter) else { return false }
            hostStart = at + 1
        }
        let hostAndPort = bytes[hostStart...]

        let portDelimiter: Int?
        if hostAndPort.first == ASCII.leftBracket {
            guard
                let close = hostAndPort.firstIndex(of: ASCII.rightBracket),
                isValidIPLiteral(hostAndPort[(hostStart + 1)..<close])
            else { return false }
            let afterClose = close + 1
            if afterClose < hostAndPort.endIndex {
                guard hostAndPort[afterClose] == ASCII.colon else { return false }
                portDelimiter = afterClose
            } else {
                portDelimiter = nil
            }
        } else {
            // A reg-name cannot contain ':', so only the last one can start the port.
            portDelimiter = hostAndPort.lastIndex(of: ASCII.colon)
            let hostEnd = portDelimiter ?? hostAndPort.endIndex
            guard isValid(hostAndPort[..<hostEnd], allowing: ASCII.isRegisteredNameCharacter) else { return false }
        }

        if let portDelimiter {
            return hostAndPort[(portDelimiter + 1)...].allSatisfy(ASCII.isDigit)
        }
        return true
    }

    /// Validates the contents of `[` ... `]`: an IPv6 address or an `IPvFuture` literal.
    private static func isValidIPLiteral(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = bytes.first else { return false }
        if first == UInt8(ascii: "v") || first == UInt8(ascii: "V") {
            return isValidIPvFuture(bytes.dropFirst())
        }
        return isValidIPv6Address(bytes)
    }

    /// Validates `1*HEXDIG "." 1*( unreserved / sub-delims / ":" )`, the part after the `v`.
    private static func isValidIPvFuture(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let period = bytes.firstIndex(of: ASCII.period) else { return false }
        let version = bytes[..<period]
        let address = bytes[(period + 1)...]
        return !version.isEmpty
            && version.allSatisfy(ASCII.isHexDigit)
            && !address.isEmpty
            && address.allSatisfy(ASCII.isUserinfoCharacter)
    }

    /// Validates an IPv6 address: eight 16-bit pieces, the last two of which may be written as an
    /// IPv4 address, with at most one `::` standing for one or more zero pieces.
    private static func isValidIPv6Address(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var elision: Int?
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == ASCII.colon, bytes[index + 1] == ASCII.colon {
                elision = index
                break
            }
            index += 1
        }
        guard let elision else {
            return countOfIPv6Pieces(in: bytes, allowingTrailingIPv4: true) == 8
        }
        guard
            let leading = countOfIPv6Pieces(in: bytes[..<elision], allowingTrailingIPv4: false),
            let trailing = countOfIPv6Pieces(in: bytes[(elision + 2)...], allowingTrailingIPv4: true)
        else { return false }
        return leading + trailing <= 7
    }

    /// Counts the 16-bit pieces in a `:`-separated run, or returns `nil` if the run is malformed.
    /// A trailing IPv4 address counts as two pieces.
    private static func countOfIPv6Pieces(in bytes: Slice<UnsafeBufferPointer<UInt8>>, allowingTrailingIPv4: Bool) -> Int? {
        guard !bytes.isEmpty else { return 0 }
        var count = 0
        var start = bytes.startIndex
        while true {
            let end = bytes[start...].firstIndex(of: ASCII.colon) ?? bytes.endIndex
            let piece = bytes[start..<end]
            let isLast = end == bytes.endIndex
            if isLast, allowingTrailingIPv4, piece.contains(ASCII.period) {
                return isValidIPv4Address(piece) ? count + 2 : nil
            }
            guard (1...4).contains(piece.count), piece.allSatisfy(ASCII.isHexDigit) else { return nil }
            count += 1
            if isLast { return count }
            start = end + 1
        }
    }

    /// Validates four dotted decimal octets, each without leading zeros and at most 255.
    private static func isValidIPv4Address(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var octets = 0
        var start = bytes.startIndex
        while true {
            let end = bytes[start...].firstIndex(of: ASCII.period) ?? bytes.endIndex
            let octet = bytes[start..<end]
            guard
                (1...3).contains(octet.count),
                octet.allSatisfy(ASCII.isDigit),
                octet.count == 1 || octet.first != UInt8(ascii: "0"),
                octet.reduce(0, { $0 * 10 + Int($1 - UInt8(ascii: "0")) }) <= 255
            else { return false }
            octets += 1
            if end == bytes.endIndex { return octets == 4 }
            start = end + 1
        }
    }
}

// MARK: - Resolution

extension URIReference {
    /// Appends a relative path to the base path's directory, as in RFC 3986 section 5.2.3.
    private static func merging(_ relativePath: String, into base: URIReference) -> String {
        if base.authority != nil, base.path.isEmpty {
            return "/" + relativePath
        }
        guard let lastSlash = base.path.utf8.lastIndex(of: ASCII.slash) else {
            return relativePath
        }
        return String(base.path[...lastSlash]) + relativePath
    }

    /// Interprets `.` and `..` segments, as in RFC 3986 section 5.2.4.
    ///
    /// Works on an input cursor and an output buffer rather than rebuilding strings, so the cost
    /// stays linear in the length of the path: each byte is appended to the output at most once,
    /// and removing a segment only walks back over bytes that are then discarded.
    private static func removingDotSegments(from path: String) -> String {
        var input = Array(path.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)

        func removeLastOutputSegment() {
            if let lastSlash = output.lastIndex(of: ASCII.slash) {
                output.removeSubrange(lastSlash...)
            } else {
                output.removeAll(keepingCapacity: true)
            }
        }

        var index = input.startIndex
        while index < input.endIndex {
            let remaining = input[index...]
            if remaining.starts(with: DotPattern.parentPrefix) {
                index += 3
            } else if remaining.starts(with: DotPattern.currentPrefix) {
                index += 2
            } else if remaining.starts(with: DotPattern.slashCurrentSlash) {
                index += 2
            } else if remaining.elementsEqual(DotPattern.slashCurrent) {
                // Replacing "/." with "/" in place: overwrite the '.' and step onto it.
                input[index + 1] = ASCII.slash
                index += 1
            } else if remaining.starts(with: DotPattern.slashParentSlash) {
                index += 3
                removeLastOutputSegment()
            } else if remaining.elementsEqual(DotPattern.slashParent) {
                input[index + 2] = ASCII.slash
                index += 2
                removeLastOutputSegment()
            } else if remaining.elementsEqual(DotPattern.current) || remaining.elementsEqual(DotPattern.parent) {
                index = input.endIndex
            } else {
                let segmentStart = input[index] == ASCII.slash ? index + 1 : index
                let segmentEnd = input[segmentStart...].firstIndex(of: ASCII.slash) ?? input.endIndex
                output.append(contentsOf: input[index..<segmentEnd])
                index = segmentEnd
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private enum DotPattern {
        static let parentPrefix: [UInt8] = [ASCII.period, ASCII.period, ASCII.slash]
        static let currentPrefix: [UInt8] = [ASCII.period, ASCII.slash]
        static let slashCurrentSlash: [UInt8] = [ASCII.slash, ASCII.period, ASCII.slash]
        static let slashCurrent: [UInt8] = [ASCII.slash, ASCII.period]
        static let slashParentSlash: [UInt8] = [ASCII.slash, ASCII.period, ASCII.period, ASCII.slash]
        static let slashParent: [UInt8] = [ASCII.slash, ASCII.period, ASCII.period]
        static let current: [UInt8] = [ASCII.period]
        static let parent: [UInt8] = [ASCII.period, ASCII.period]
    }
}

// MARK: - Character classes

extension URIReference {
    /// The ASCII bytes and character classes of the RFC 3986 grammar.
    private enum ASCII {
        static let slash = UInt8(ascii: "/")
        static let colon = UInt8(ascii: ":")
        static let question = UInt8(ascii: "?")
        static let hash = UInt8(ascii: "#")
        static let at = UInt8(ascii: "@")
        static let percent = UInt8(ascii: "%")
        static let period = UInt8(ascii: ".")
        static let plus = UInt8(ascii: "+")
        static let hyphen = UInt8(ascii: "-")
        static let leftBracket = UInt8(ascii: "[")
        static let rightBracket = UInt8(ascii: "]")

        static func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        }

        static func isDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }

        static func isHexDigit(_ byte: UInt8) -> Bool {
            isDigit(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }

        /// `unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"`
        static func isUnreserved(_ byte: UInt8) -> Bool {
            isLetter(byte) || isDigit(byte)
                || byte == hyphen || byte == period || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
        }

        /// `sub-delims = "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="`
        static func isSubDelimiter(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
                UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
                UInt8(ascii: "="):
                true
            default:
                false
            }
        }

        /// Whether the byte ends an authority: `/`, `?` or `#`.
        static func endsAuthority(_ byte: UInt8) -> Bool {
            byte == slash || byte == question || byte == hash
        }

        /// `reg-name` characters without `pct-encoded`, which is checked separately.
        static func isRegisteredNameCharacter(_ byte: UInt8) -> Bool {
            isUnreserved(byte) || isSubDelimiter(byte)
        }

        /// `userinfo` characters without `pct-encoded`; also the address part of `IPvFuture`.
        static func isUserinfoCharacter(_ byte: UInt8) -> Bool {
            isRegisteredNameCharacter(byte) || byte == colon
        }

        /// `pchar` without `pct-encoded`, which is checked separately.
        static func isPathCharacter(_ byte: UInt8) -> Bool {
            isUnreserved(byte) || isSubDelimiter(byte) || byte == colon || byte == at
        }

        /// Path characters: `pchar` and the segment separator.
        static func isPathOrSlash(_ byte: UInt8) -> Bool {
            isPathCharacter(byte) || byte == slash
        }

        /// `query` and `fragment` characters without `pct-encoded`, which is checked separately.
        static func isQueryOrFragmentCharacter(_ byte: UInt8) -> Bool {
            isPathCharacter(byte) || byte == slash || byte == question
        }
    }
}

extension URIReference {
    /// Bytes with `%XX` escapes decoded (RFC 3986 §2.1), or `nil` when an escape is malformed or
    /// the result is not UTF-8; shared by the pointer parser and the OpenAPI query reader.
    package static func percentDecoded(_ bytes: [UInt8]) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]),
                    let low = hexValue(bytes[index + 2])
                else { return nil }
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(byte)
                index += 1
            }
        }
        // Percent-decoding can produce bytes that are not UTF-8; a pointer names JSON strings.
        guard UTF8Validation.string(result) != nil else { return nil }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
