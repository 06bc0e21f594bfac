// Fuzz target: AcceptLanguage(parsing:) and bestMatch(among:).
//
// Compiled into one module with Sources/ProblemDetails (see Fuzz/run), so it uses the core's API
// directly and does not import it.
//
// Invariants, for any field value:
// - Parsing does not crash or hang, and is deterministic.
// - At most `AcceptLanguage.maximumElementCount` ranges; each is `*` or a basic language range
//   (`1*8ALPHA *("-" 1*8alphanum)`) of at most `maximumRangeLength` characters, with a quality in
//   0...1.
// - `bestMatch(among:)` returns one of the offered tags, in its original spelling, or nil; nil
//   for no offers; the first offer when there are no ranges; and a tag it returns is reached by a
//   range of weight above 0 (`*`, lookup or basic filtering).
// - Language tags are case-insensitive: the field with ASCII letters uppercased gives the same
//   qualities and the same best match.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    AcceptLanguageParsingFuzz.check(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    return 0
}

enum AcceptLanguageParsingFuzz {
    static let offers = ["en", "en-US", "de", "de-CH", "de-CH-1996", "fr-CA", "zh-Hant-TW", "x-klingon", "i-default"]

    static func check(_ text: String) {
        let field = AcceptLanguage(parsing: text)
        guard field == AcceptLanguage(parsing: text) else {
            self.fail("parsing the same text twice gave different values", text)
        }
        guard field.ranges.count <= AcceptLanguage.maximumElementCount else {
            self.fail("\(field.ranges.count) ranges, more than \(AcceptLanguage.maximumElementCount)", text)
        }
        for range in field.ranges {
            guard (0...1).contains(range.quality) else {
                self.fail("the quality \(range.quality) is outside 0...1", text)
            }
            guard range.language.utf8.count <= AcceptLanguage.maximumRangeLength else {
                self.fail("the range \(range.language) is longer than \(AcceptLanguage.maximumRangeLength)", text)
            }
            guard range.language == "*" || self.isBasicLanguageRange(range.language) else {
                self.fail("the range \(range.language.debugDescription) is not a basic language range", text)
            }
        }

        let match = field.bestMatch(among: self.offers)
        if let match {
            guard self.offers.contains(match) else {
                self.fail("bestMatch returned \(match), which was not offered", text)
            }
            let tag = match.lowercased()
            let isReached =
                field.ranges.isEmpty
                || field.ranges.contains { range in
                    let key = range.language.lowercased()
                    return range.quality > 0
                        && (key == "*" || self.isPrefixAtBoundary(key, of: tag) || self.isPrefixAtBoundary(tag, of: key))
                }
            guard isReached else {
                self.fail("bestMatch returned \(match), which no range of weight above 0 reaches", text)
            }
        }
        if field.ranges.isEmpty, match != self.offers.first {
            self.fail("with no ranges, the first offer was not chosen", text)
        }
        guard field.bestMatch(among: []) == nil else {
            self.fail("bestMatch(among: []) is not nil", text)
        }

        let uppercased = String(decoding: text.utf8.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }, as: UTF8.self)
        let other = AcceptLanguage(parsing: uppercased)
        guard other.ranges.map(\.quality) == field.ranges.map(\.quality),
            other.ranges.map({ $0.language.lowercased() }) == field.ranges.map({ $0.language.lowercased() })
        else {
            self.fail("uppercasing the field changed its ranges", text)
        }
        guard other.bestMatch(among: self.offers) == match else {
            self.fail("uppercasing the field changed the best match", text)
        }
    }

    /// `1*8ALPHA *("-" 1*8alphanum)`, RFC 4647 §2.1.
    static func isBasicLanguageRange(_ text: String) -> Bool {
        let subtags = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        for (index, subtag) in subtags.enumerated() {
            guard (1...8).contains(subtag.count) else { return false }
            for byte in subtag {
                let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                let isDigit = (0x30...0x39).contains(byte)
                guard isLetter || (index > 0 && isDigit) else { return false }
            }
        }
        return true
    }

    /// Whether `prefix` equals `text` or is a prefix of it that ends before a `-`.
    static func isPrefixAtBoundary(_ prefix: String, of text: String) -> Bool {
        guard text.utf8.starts(with: prefix.utf8) else { return false }
        let rest = text.utf8.dropFirst(prefix.utf8.count)
        return rest.isEmpty || rest.first == UInt8(ascii: "-")
    }

    static func fail(_ message: String, _ input: String) -> Never {
        fatalError(
            "AcceptLanguageParsing invariant broken: \(message)\ninput: \(String(input.prefix(2_000)).debugDescription)")
    }
}
