/// Finds the bytes a JSON string cannot hold as they are: `"`, `\\` and control characters.
///
/// The writer escapes them and the parser stops at them; everything between is copied as a block.
enum JSONStringScan {
    /// The position of the first byte at or after `start` that JSON must escape (`"`, `\` or a
    /// control character), or `bytes.count`.
    ///
    /// Eight bytes are tested at a time: most text needs no escaping, and this scan is most of
    /// the encoder's work.
    static func firstSpecialByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= bytes.count, !Self.mayHaveSpecialByte(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return bytes.count
    }

    /// Whether any of eight bytes may be `"`, `\` or below 0x20.
    ///
    /// The classic "has a byte less than n" and "has a zero byte" tricks: they can report a false
    /// match only in a word that also has a true one, so the byte loop after them stays exact.
    @inline(__always)
    static func mayHaveSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highBits
        let quotes = word ^ (ones &* 0x22)
        let quote = (quotes &- ones) & ~quotes & highBits
        let backslashes = word ^ (ones &* 0x5C)
        let backslash = (backslashes &- ones) & ~backslashes & highBits
        return control | quote | backslash != 0
    }
}
