/// Strict UTF-8 validation (RFC 3629) for readers that must refuse, not repair, invalid input.
///
/// The standard library's `String(validating:as:)` is generic and not specialised outside the
/// standard library, so its metadata lookups cost more than parsing a whole problem; it also needs
/// macOS 15. This check is concrete, and ASCII, which nearly all problem text is, takes eight bytes
/// at a time.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        self.firstInvalidOffset(in: bytes) == nil
    }

    /// The offset of the first byte that does not start a well-formed sequence, at or after
    /// `start`, or `nil` when the rest of the bytes are valid UTF-8.
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var index = start
        let count = bytes.count
        while index < count {
            if index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F  // no UTF-16 surrogates
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F  // nothing above U+10FFFF
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= lower && second <= upper else { return index }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }

    /// A string from bytes known to be valid UTF-8, or `nil` when they are not.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard self.isValid(bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A string from bytes in an array, or `nil` when they are not valid UTF-8.
    static func string(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { self.string($0) }
    }
}
