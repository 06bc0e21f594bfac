#if XML
/// A cursor that writes the XML of ``ProblemXMLEncoder`` into memory measured beforehand.
///
/// Each `size(…)` function returns at least the number of bytes the matching `write(…)` writes;
/// the encoder allocates their sum once and writes without bounds checks or growth. Elements are
/// laid out as in RFC 9457 Appendix B: each child on its own line, indented two spaces per level.
struct XMLOutput {
    let base: UnsafeMutablePointer<UInt8>
    var offset = 0

    init(_ base: UnsafeMutablePointer<UInt8>) {
        self.base = base
    }

    // MARK: Measuring

    /// The bytes of a string written as character data.
    ///
    /// U+FFFE and U+FFFF become U+FFFD, which has the same length, so only the one-byte controls
    /// grow when replaced.
    static func size(ofText string: String) -> Int {
        var string = string
        return string.withUTF8 { bytes in
            var size = bytes.count
            for byte in bytes where byte <= 0x3E {
                switch byte {
                case UInt8(ascii: "&"): size += 4
                case UInt8(ascii: "<"), UInt8(ascii: ">"): size += 3
                case 0x0D: size += 4
                case 0x09, 0x0A: break
                case 0x00..<0x20: size += 2
                default: break
                }
            }
            return size
        }
    }

    /// The bytes of one element on its own line at an indentation level, the line break included.
    static func size(ofLine name: String, _ value: ExtensionValue, level: Int) -> Int {
        1 + 2 * level + Self.size(ofElement: name, value, level: level)
    }

    /// The bytes of one element whose start tag sits at an indentation level.
    static func size(ofElement name: String, _ value: ExtensionValue, level: Int) -> Int {
        let name = name.utf8.count
        let empty = name + 3
        let enclosing = 2 * name + 5
        switch value {
        case .null: return empty
        case .bool: return enclosing + 5
        case .integer: return enclosing + JSONOutput.maximumIntegerSize
        case .double(let double): return double.isFinite ? enclosing + JSONOutput.maximumDoubleSize : empty
        case .bigNumber(let text), .string(let text): return enclosing + Self.size(ofText: text)
        case .array(let elements):
            guard !elements.isEmpty else { return empty }
            var size = enclosing + 1 + 2 * level
            for element in elements { size += Self.size(ofLine: "i", element, level: level + 1) }
            return size
        case .object(let object):
            var size = enclosing + 1 + 2 * level
            var written = 0
            for member in object where XMLName.isValid(member.name) {
                size += Self.size(ofLine: member.name, member.value, level: level + 1)
                written += 1
            }
            return written == 0 ? empty : size
        }
    }

    // MARK: Writing

    mutating func write(byte: UInt8) {
        self.base[self.offset] = byte
        self.offset += 1
    }

    mutating func write(literal text: StaticString) {
        let count = text.utf8CodeUnitCount
        (self.base + self.offset).update(from: text.utf8Start, count: count)
        self.offset += count
    }

    /// A line break and two spaces per level.
    mutating func write(lineAt level: Int) {
        self.write(byte: UInt8(ascii: "\n"))
        (self.base + self.offset).update(repeating: UInt8(ascii: " "), count: 2 * level)
        self.offset += 2 * level
    }

    /// A string as character data.
    ///
    /// `&`, `<` and `>` are escaped (`>` so that `]]>` can never appear); CR becomes `&#xD;`
    /// because a parser turns a literal CR into LF. Characters XML 1.0 cannot carry become U+FFFD.
    mutating func write(text: String) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                // Bytes above '>' other than 0xEF (the lead byte of U+FFFE and U+FFFF) are copied.
                guard byte <= 0x3E || byte == 0xEF else {
                    index += 1
                    continue
                }
                let consumed: Int
                switch byte {
                case UInt8(ascii: "&"):
                    self.copy(bytes, from: runStart, to: index)
                    self.write(literal: "&amp;")
                    consumed = 1
                case UInt8(ascii: "<"):
                    self.copy(bytes, from: runStart, to: index)
                    self.write(literal: "&lt;")
                    consumed = 1
                case UInt8(ascii: ">"):
                    self.copy(bytes, from: runStart, to: index)
                    self.write(literal: "&gt;")
                    consumed = 1
                case 0x0D:
                    self.copy(bytes, from: runStart, to: index)
                    self.write(literal: "&#xD;")
                    consumed = 1
                case 0x00..<0x20 where byte != 0x09 && byte != 0x0A:
                    self.copy(bytes, from: runStart, to: index)
                    self.write(literal: "\u{FFFD}")
                    consumed = 1
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                    self.copy(bytes, from: runStart, to: index)
                    self.write(literal: "\u{FFFD}")
                    consumed = 3
                default:
                    index += 1
                    continue
                }
                index += consumed
                runStart = index
            }
            self.copy(bytes, from: runStart, to: bytes.count)
        }
    }

    /// A name known to be an XML Name, which needs no escaping.
    mutating func write(name: String) {
        var name = name
        name.withUTF8 { bytes in self.copy(bytes, from: 0, to: bytes.count) }
    }

    private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        guard end > start, let source = bytes.baseAddress else { return }
        (self.base + self.offset).update(from: source + start, count: end - start)
        self.offset += end - start
    }

    /// One element on its own line at an indentation level.
    mutating func write(line name: String, _ value: ExtensionValue, level: Int) {
        self.write(lineAt: level)
        self.write(element: name, value, level: level)
    }

    /// One element whose start tag sits at an indentation level.
    ///
    /// Null, a non-finite double, an empty array and an object without members XML can carry are
    /// all the empty element `<name/>`.
    mutating func write(element name: String, _ value: ExtensionValue, level: Int) {
        switch value {
        case .null:
            self.writeEmpty(name)
        case .bool(let bool):
            self.writeStart(name)
            bool ? self.write(literal: "true") : self.write(literal: "false")
            self.writeEnd(name)
        case .integer(let integer):
            self.writeStart(name)
            // The number text is the JSON one, so both formats spell numbers alike.
            var json = JSONOutput(self.base + self.offset)
            json.write(integer: integer)
            self.offset += json.offset
            self.writeEnd(name)
        case .double(let double):
            guard double.isFinite else {
                self.writeEmpty(name)
                return
            }
            self.writeStart(name)
            var json = JSONOutput(self.base + self.offset)
            json.write(double: double)
            self.offset += json.offset
            self.writeEnd(name)
        case .bigNumber(let text), .string(let text):
            self.writeStart(name)
            self.write(text: text)
            self.writeEnd(name)
        case .array(let elements):
            guard !elements.isEmpty else {
                self.writeEmpty(name)
                return
            }
            self.writeStart(name)
            for element in elements { self.write(line: "i", element, level: level + 1) }
            self.write(lineAt: level)
            self.writeEnd(name)
        case .object(let object):
            guard object.contains(where: { XMLName.isValid($0.name) }) else {
                self.writeEmpty(name)
                return
            }
            self.writeStart(name)
            for member in object where XMLName.isValid(member.name) {
                self.write(line: member.name, member.value, level: level + 1)
            }
            self.write(lineAt: level)
            self.writeEnd(name)
        }
    }

    private mutating func writeStart(_ name: String) {
        self.write(byte: UInt8(ascii: "<"))
        self.write(name: name)
        self.write(byte: UInt8(ascii: ">"))
    }

    private mutating func writeEnd(_ name: String) {
        self.write(literal: "</")
        self.write(name: name)
        self.write(byte: UInt8(ascii: ">"))
    }

    private mutating func writeEmpty(_ name: String) {
        self.write(byte: UInt8(ascii: "<"))
        self.write(name: name)
        self.write(literal: "/>")
    }
}
#endif
