/// A cursor that writes JSON into memory measured beforehand.
///
/// Each `size(…)` function returns at least the number of bytes the matching `write(…)` writes;
/// the encoder allocates their sum once and writes without bounds checks or growth.
struct JSONOutput {
    let base: UnsafeMutablePointer<UInt8>
    var offset = 0

    init(_ base: UnsafeMutablePointer<UInt8>) {
        self.base = base
    }

    // MARK: Measuring

    /// The longest `Int` is 20 characters (`-9223372036854775808`).
    static let maximumIntegerSize = 20
    /// Swift's shortest round-trip form of a `Double` is at most 24 characters.
    static let maximumDoubleSize = 32

    /// At least the size of any string of this length once quoted and escaped.
    static func bound(ofString string: String) -> Int {
        2 + 6 * string.utf8.count
    }

    /// The exact size of a string once quoted and escaped.
    static func size(ofString string: String) -> Int {
        var string = string
        return string.withUTF8 { bytes in
            var size = 2 + bytes.count
            var index = JSONStringScan.firstSpecialByte(in: bytes, from: 0)
            while index < bytes.count {
                size += Self.escapeTable[Int(bytes[index] & 0x7F)] == 0 ? 5 : 1
                index = JSONStringScan.firstSpecialByte(in: bytes, from: index + 1)
            }
            return size
        }
    }

    static func size(of value: ExtensionValue, stringSize: (String) -> Int) -> Int {
        switch value {
        case .null: return 4
        case .bool: return 5
        case .integer: return maximumIntegerSize
        case .double: return maximumDoubleSize
        case .bigNumber(let text): return stringSize(text)
        case .string(let string): return stringSize(string)
        case .array(let elements):
            var size = 2 + elements.count
            for element in elements { size += Self.size(of: element, stringSize: stringSize) }
            return size
        case .object(let object):
            var size = 2 + object.count * 2
            for member in object { size += stringSize(member.name) + Self.size(of: member.value, stringSize: stringSize) }
            return size
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

    mutating func write(integer: Int) {
        var magnitude = integer.magnitude
        if integer < 0 { self.write(byte: UInt8(ascii: "-")) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let count = withUnsafeMutableBytes(of: &digits) { scratch -> Int in
            var end = scratch.count
            repeat {
                end -= 1
                scratch[end] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            let count = scratch.count - end
            (self.base + self.offset).update(
                from: scratch.baseAddress!.assumingMemoryBound(to: UInt8.self) + end,
                count: count
            )
            return count
        }
        self.offset += count
    }

    mutating func write(double: Double) {
        guard double.isFinite else {
            self.write(literal: "null")
            return
        }
        var text = double.description
        text.withUTF8 { bytes in
            (self.base + self.offset).update(from: bytes.baseAddress!, count: bytes.count)
            self.offset += bytes.count
        }
    }

    mutating func write(string: String) {
        var string = string
        string.withUTF8 { bytes in
            self.write(byte: UInt8(ascii: "\""))
            var runStart = 0
            var index = JSONStringScan.firstSpecialByte(in: bytes, from: 0)
            while index < bytes.count {
                let byte = bytes[index]
                self.copy(bytes, from: runStart, to: index)
                runStart = index + 1
                let short = Self.escapeTable[Int(byte & 0x7F)]
                self.write(byte: UInt8(ascii: "\\"))
                if short != 0 {
                    self.write(byte: short)
                } else {
                    self.write(literal: "u00")
                    self.write(byte: Self.hexDigits[Int(byte >> 4)])
                    self.write(byte: Self.hexDigits[Int(byte & 0x0F)])
                }
                index = JSONStringScan.firstSpecialByte(in: bytes, from: runStart)
            }
            self.copy(bytes, from: runStart, to: bytes.count)
            self.write(byte: UInt8(ascii: "\""))
        }
    }

    private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        guard end > start, let source = bytes.baseAddress else { return }
        (self.base + self.offset).update(from: source + start, count: end - start)
        self.offset += end - start
    }

    mutating func write(value: ExtensionValue) {
        switch value {
        case .null: self.write(literal: "null")
        case .bool(let bool): bool ? self.write(literal: "true") : self.write(literal: "false")
        case .integer(let integer): self.write(integer: integer)
        case .double(let double): self.write(double: double)
        case .bigNumber(let text):
            if JSONNumberText.isValid(text) {
                var text = text
                text.withUTF8 { bytes in self.copy(bytes, from: 0, to: bytes.count) }
            } else {
                self.write(string: text)
            }
        case .string(let string): self.write(string: string)
        case .array(let elements):
            self.write(byte: UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { self.write(byte: UInt8(ascii: ",")) }
                self.write(value: element)
            }
            self.write(byte: UInt8(ascii: "]"))
        case .object(let object):
            self.write(byte: UInt8(ascii: "{"))
            for (index, member) in object.enumerated() {
                if index > 0 { self.write(byte: UInt8(ascii: ",")) }
                self.write(string: member.name)
                self.write(byte: UInt8(ascii: ":"))
                self.write(value: member.value)
            }
            self.write(byte: UInt8(ascii: "}"))
        }
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The letter after `\` for characters with a short escape, 0 for those written `\u00XX`.
    static let escapeTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 128)
        table[0x08] = UInt8(ascii: "b")
        table[0x09] = UInt8(ascii: "t")
        table[0x0A] = UInt8(ascii: "n")
        table[0x0C] = UInt8(ascii: "f")
        table[0x0D] = UInt8(ascii: "r")
        table[Int(UInt8(ascii: "\""))] = UInt8(ascii: "\"")
        table[Int(UInt8(ascii: "\\"))] = UInt8(ascii: "\\")
        return table
    }()
}
