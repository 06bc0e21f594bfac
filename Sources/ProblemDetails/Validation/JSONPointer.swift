/// An RFC 6901 JSON Pointer: the path to one value inside a JSON document.
///
/// Problems use pointers to say which member of a request body is wrong, in the fragment form the
/// RFC 9457 §3 example uses (`#/age`, `#/tags/3`).
/// ```swift
/// let pointer = JSONPointer(tokens: ["tags", "3"])
/// pointer.description   // "/tags/3"
/// pointer.fragment      // "#/tags/3"
/// ```
/// https://www.rfc-editor.org/rfc/rfc6901
public struct JSONPointer: Sendable, Hashable {
    /// The reference tokens, unescaped: `["a/b"]` points at the member named `a/b`.
    public var tokens: [String]

    /// The pointer to the whole document.
    public static let root = JSONPointer(tokens: [])

    /// Creates a pointer from unescaped reference tokens.
    ///
    /// - Parameter tokens: Member names and array indices, outermost first.
    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses a pointer in string form (`/a/b`) or URI fragment form (`#/a/b`).
    ///
    /// The fragment form is percent-decoded first, as RFC 6901 §6 requires.
    /// https://www.rfc-editor.org/rfc/rfc6901#section-5
    /// - Parameter text: The pointer.
    /// - Throws: ``ParseError`` when the text is not a pointer: it does not start with `/`, has a
    ///   `~` not followed by `0` or `1`, or has a bad percent-encoding in fragment form.
    public init(parsing text: String) throws(ParseError) {
        var bytes = Array(text.utf8)
        if bytes.first == UInt8(ascii: "#") {
            bytes.removeFirst()
            guard let decoded = URIReference.percentDecoded(bytes) else {
                throw ParseError(text: text, reason: "has an invalid percent-encoding")
            }
            bytes = decoded
        }
        guard !bytes.isEmpty else {
            self.tokens = []
            return
        }
        guard bytes.first == UInt8(ascii: "/") else {
            throw ParseError(text: text, reason: "does not start with '/'")
        }
        var tokens: [String] = []
        var token: [UInt8] = []
        var index = 1
        while index <= bytes.count {
            if index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                tokens.append(String(decoding: token, as: UTF8.self))
                token.removeAll(keepingCapacity: true)
            } else if bytes[index] == UInt8(ascii: "~") {
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                switch next {
                case UInt8(ascii: "0"): token.append(UInt8(ascii: "~"))
                case UInt8(ascii: "1"): token.append(UInt8(ascii: "/"))
                default: throw ParseError(text: text, reason: "has '~' not followed by '0' or '1'")
                }
                index += 1
            } else {
                token.append(bytes[index])
            }
            index += 1
        }
        self.tokens = tokens
    }

    /// The pointer with one more token.
    ///
    /// - Parameter token: A member name, unescaped.
    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(tokens: self.tokens + [token])
    }

    /// The pointer with one more array index.
    ///
    /// - Parameter index: An array index.
    public func appending(index: Int) -> JSONPointer {
        JSONPointer(tokens: self.tokens + [String(index)])
    }

    /// The pointer as a URI fragment, `#/tags/3`, percent-encoding what a fragment cannot hold.
    ///
    /// https://www.rfc-editor.org/rfc/rfc6901#section-6
    public var fragment: String {
        // Escaped and percent-encoded in one pass, straight into the string's storage: every
        // `pointer` of a 422's `errors` is written this way, and going through `description` and
        // a growing byte array made three allocations a pointer.
        // Counted exactly, so that a short pointer stays a small string, stored inline.
        var capacity = 1
        for token in self.tokens {
            capacity += 1
            for byte in token.utf8 {
                if byte == UInt8(ascii: "~") || byte == UInt8(ascii: "/") {
                    capacity += 2
                } else {
                    capacity += Self.isFragmentCharacter(byte) ? 1 : 3
                }
            }
        }
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var count = 0
            func write(_ byte: UInt8) {
                buffer[count] = byte
                count += 1
            }
            write(UInt8(ascii: "#"))
            for token in self.tokens {
                write(UInt8(ascii: "/"))
                // Byte by byte is scalar by scalar for `~` and `/`: in UTF-8 no other scalar's
                // bytes can equal an ASCII byte.
                for byte in token.utf8 {
                    switch byte {
                    case UInt8(ascii: "~"):
                        write(UInt8(ascii: "~"))
                        write(UInt8(ascii: "0"))
                    case UInt8(ascii: "/"):
                        write(UInt8(ascii: "~"))
                        write(UInt8(ascii: "1"))
                    case _ where Self.isFragmentCharacter(byte):
                        write(byte)
                    default:
                        write(UInt8(ascii: "%"))
                        write(Self.hexDigits[Int(byte >> 4)])
                        write(Self.hexDigits[Int(byte & 0x0F)])
                    }
                }
            }
            return count
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// RFC 3986 `fragment = *( pchar / "/" / "?" )`.
    private static func isFragmentCharacter(_ byte: UInt8) -> Bool {
        if byte.isASCIILetter || byte.isASCIIDigit { return true }
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"),
            UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
            UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }

}

extension JSONPointer: CustomStringConvertible {
    /// The pointer in string form, `/tags/3`, with `~` written `~0` and `/` written `~1`.
    public var description: String {
        var text = ""
        for token in self.tokens {
            text.append("/")
            if token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
                // Scalar by scalar: `replacing` compares Characters, and a `~` or `/` followed by a
                // combining mark is one Character that it would leave unescaped.
                var escaped = String.UnicodeScalarView()
                for scalar in token.unicodeScalars {
                    switch scalar {
                    case "~": escaped.append(contentsOf: "~0".unicodeScalars)
                    case "/": escaped.append(contentsOf: "~1".unicodeScalars)
                    default: escaped.append(scalar)
                    }
                }
                text.append(String(escaped))
            } else {
                text.append(token)
            }
        }
        return text
    }
}

extension JSONPointer: ExpressibleByArrayLiteral {
    /// Creates a pointer from unescaped reference tokens.
    ///
    /// - Parameter elements: Member names and array indices, outermost first.
    public init(arrayLiteral elements: String...) {
        self.init(tokens: elements)
    }
}

extension JSONPointer {
    /// The error thrown for text that is not a JSON Pointer.
    public struct ParseError: Error, Hashable, CustomStringConvertible {
        /// The text that failed to parse.
        public let text: String
        let reason: String

        /// A sentence saying what is wrong.
        public var description: String { "'\(self.text)' is not a JSON Pointer: it \(self.reason)" }
    }
}
