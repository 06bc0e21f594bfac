/// The natural languages a client prefers, parsed from an `Accept-Language` field.
///
/// A problem's human-readable members can be localised into the language that best suits the
/// client. Parsing never fails: invalid elements are skipped, and a field with no valid element
/// is treated like an absent one, which accepts any language.
///
/// https://www.rfc-editor.org/rfc/rfc9110#section-12.5.4
public struct AcceptLanguage: Sendable, Hashable {
    /// One element of an `Accept-Language` field: a basic language range and its weight.
    ///
    /// https://www.rfc-editor.org/rfc/rfc4647#section-2.1
    public struct Range: Sendable, Hashable {
        /// The language range as written, such as `de-CH` or `*`.
        public let language: String

        /// The weight, from 0 (not acceptable) to 1 (most preferred).
        ///
        /// https://www.rfc-editor.org/rfc/rfc9110#section-12.4.2
        public let quality: Double

        /// The language range lowercased, because language tags are case-insensitive.
        let key: String

        /// Creates a language range.
        ///
        /// - Parameters:
        ///   - language: A basic language range, such as `de-CH`, or `*` for any language.
        ///   - quality: The weight, clamped to 0...1; a NaN counts as 0.
        public init(language: String, quality: Double = 1) {
            self.language = language
            self.quality = quality.isNaN ? 0 : min(max(quality, 0), 1)
            self.key = language.lowercased()
        }

        /// Whether the range matches the lowercased tag by basic filtering: it equals the tag or
        /// is a prefix of it that ends at a subtag boundary, as `de` is of `de-CH`.
        ///
        /// https://www.rfc-editor.org/rfc/rfc4647#section-3.3.1
        fileprivate func filters(_ tag: String) -> Bool {
            guard tag.utf8.starts(with: self.key.utf8) else {
                return false
            }
            let rest = tag.utf8.dropFirst(self.key.utf8.count)
            return rest.isEmpty || rest.first == UInt8(ascii: "-")
        }

        /// The next shorter range that lookup falls back to, or `nil` after the last: `de-CH-1996`
        /// gives `de-CH`, which gives `de`. A single-character subtag left at the end is removed
        /// with the subtag after it, since it only introduces that subtag.
        ///
        /// https://www.rfc-editor.org/rfc/rfc4647#section-3.4
        fileprivate static func lookupFallback(after range: Substring) -> Substring? {
            guard let hyphen = range.lastIndex(of: "-") else {
                return nil
            }
            let shorter = range[..<hyphen]
            if let previousHyphen = shorter.lastIndex(of: "-"),
                shorter.distance(from: previousHyphen, to: shorter.endIndex) == 2
            {
                return shorter[..<previousHyphen]
            }
            return shorter
        }
    }

    /// The most elements of a field that are considered; later ones are ignored.
    ///
    /// The cap bounds the work a hostile field can cause, and counts invalid elements as well
    /// as valid ones.
    public static let maximumElementCount = 64

    /// The longest element, in UTF-8 bytes, that is parsed; longer ones are skipped.
    ///
    /// An element is a language range and a weight, so anything longer is hostile; skipping it
    /// unread keeps a huge element from costing more than a scan for the next comma.
    public static let maximumElementLength = 256

    /// The longest language range, in characters, that is accepted; longer ones are skipped.
    ///
    /// Real language tags are much shorter; the cap bounds the work of matching.
    public static let maximumRangeLength = 64

    /// The valid elements of the field, in the order they were given.
    ///
    /// Empty when the field is absent, empty or has no valid element, which means that any
    /// language is acceptable.
    public let ranges: [Range]

    /// Creates a value from language ranges.
    ///
    /// - Parameters:
    ///   - ranges: The language ranges; none means that any language is acceptable.
    public init(ranges: [Range]) {
        self.ranges = ranges
    }

    /// Parses the value of an `Accept-Language` field.
    ///
    /// Pass the empty string when the field is absent. Elements that do not follow the grammar
    /// are skipped, including those with an invalid weight, more than one weight, a parameter
    /// other than the weight, a range longer than ``maximumRangeLength``, or more than
    /// ``maximumElementLength`` bytes in all. Only the first
    /// ``maximumElementCount`` non-empty elements are considered.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9110#section-12.5.4
    ///
    /// - Parameters:
    ///   - string: The field value; combine repeated fields with commas first.
    public init(parsing string: String) {
        var text = string
        var ranges: [Range] = []
        // Browsers send two to four elements: room for them at once, rather than growing to it.
        ranges.reserveCapacity(4)
        text.withUTF8 { bytes in
            MediaType.Scanner.forEachListElement(in: bytes, maximumCount: Self.maximumElementCount) { scanner in
                guard scanner.remainingCount <= Self.maximumElementLength,
                    let range = Self.parseRange(from: &scanner)
                else {
                    return
                }
                ranges.append(range)
            }
        }
        self.ranges = ranges
    }

    /// The available language tag that best suits the client, in its original spelling, or
    /// `nil` when none does.
    ///
    /// Ranges are tried from the highest weight down, ties in the order they were given. For
    /// each range, an available tag equal to it wins, ignoring case; then lookup, which
    /// shortens the range until it equals an available tag (`de-CH-1996`, then `de-CH`, then
    /// `de`); then basic filtering, which takes the first available tag the range is a prefix
    /// of (`de` matches `de-DE`). The range `*` takes the first available tag.
    ///
    /// A tag is excluded when the most specific range that filters it has weight 0, so
    /// `de;q=0, *` never chooses `de` or `de-AT`, while `de;q=0, de-CH` still allows `de-CH`.
    /// With no ranges at all, the first available tag is chosen.
    ///
    /// https://www.rfc-editor.org/rfc/rfc4647#section-3.4
    /// https://www.rfc-editor.org/rfc/rfc4647#section-3.3.1
    ///
    /// - Parameters:
    ///   - available: The language tags the server can produce, most preferred first.
    public func bestMatch(among available: [String]) -> String? {
        // Every error response in a language negotiates one, so this allocates as little as it
        // can: the tags are lowercased only when one is not, and the ranges are visited in order
        // of weight without sorting them into a new array, and their fallbacks without a list.
        let candidates = available.contains(where: Self.hasUppercase) ? available.map { $0.lowercased() } : available
        let isExcluded = candidates.map { self.excludes($0) }

        func firstAvailable(where isMatch: (String) -> Bool) -> String? {
            for (index, candidate) in candidates.enumerated() where !isExcluded[index] && isMatch(candidate) {
                return available[index]
            }
            return nil
        }

        guard !self.ranges.isEmpty else {
            return firstAvailable { _ in true }
        }
        var previous: (offset: Int, quality: Double)?
        while let next = self.acceptableRange(after: previous) {
            previous = (next, self.ranges[next].quality)
            let range = self.ranges[next]
            if range.key == "*" {
                if let match = firstAvailable(where: { _ in true }) {
                    return match
                }
                continue
            }
            var fallback: Substring? = Substring(range.key)
            while let current = fallback {
                if let match = firstAvailable(where: { $0 == current }) {
                    return match
                }
                fallback = Range.lookupFallback(after: current)
            }
            if let match = firstAvailable(where: { range.filters($0) }) {
                return match
            }
        }
        return nil
    }

    /// The offset of the range with weight above 0 that comes after `previous` when the ranges
    /// are ordered by weight, highest first, ties in the order given; the first when `previous`
    /// is `nil`, and `nil` after the last.
    ///
    /// Visiting all of them this way is quadratic in their number, which ``maximumElementCount``
    /// bounds at 64: at most 4,096 steps for a hostile field, against a few for a real one.
    private func acceptableRange(after previous: (offset: Int, quality: Double)?) -> Int? {
        var best: Int?
        for (offset, range) in self.ranges.enumerated() where range.quality > 0 {
            if let previous,
                range.quality > previous.quality || (range.quality == previous.quality && offset <= previous.offset)
            {
                continue
            }
            if let best, self.ranges[best].quality >= range.quality {
                continue
            }
            best = offset
        }
        return best
    }

    /// Whether lowercasing could change the tag: it has an ASCII capital or a byte outside ASCII.
    private static func hasUppercase(_ tag: String) -> Bool {
        tag.utf8.contains { ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || $0 >= 0x80 }
    }

    /// Whether the most specific range that filters the lowercased tag has weight 0.
    ///
    /// `*` is left out: `*;q=0` only says that languages not listed are unwanted, and unlisted
    /// languages are never chosen except through `*`.
    private func excludes(_ tag: String) -> Bool {
        var mostSpecific: Range?
        for range in self.ranges where range.key != "*" && range.filters(tag) {
            if let current = mostSpecific, range.key.utf8.count <= current.key.utf8.count {
                continue
            }
            mostSpecific = range
        }
        return mostSpecific?.quality == 0
    }

    /// Parses `language-range [ weight ]`.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9110#section-12.5.4
    private static func parseRange(from scanner: inout MediaType.Scanner) -> Range? {
        guard let language = Self.readLanguageRange(from: &scanner),
            let parameters = scanner.readParameters()
        else {
            return nil
        }
        scanner.skipWhitespace()
        guard scanner.isAtEnd else {
            return nil
        }
        var quality: Double?
        for parameter in parameters {
            guard parameter.name == "q", quality == nil,
                let weight = MediaType.Scanner.parseQuality(parameter.value)
            else {
                return nil
            }
            quality = weight
        }
        return Range(language: language, quality: quality ?? 1)
    }

    /// Reads `*` or `1*8ALPHA *("-" 1*8alphanum)`.
    ///
    /// https://www.rfc-editor.org/rfc/rfc4647#section-2.1
    private static func readLanguageRange(from scanner: inout MediaType.Scanner) -> String? {
        let start = scanner.position
        if scanner.skip(UInt8(ascii: "*")) {
            return "*"
        }
        var subtagLength = 0
        var isFirstSubtag = true
        while let byte = scanner.current {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                subtagLength += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where !isFirstSubtag:
                subtagLength += 1
            case UInt8(ascii: "-") where subtagLength > 0:
                subtagLength = 0
                isFirstSubtag = false
            default:
                return subtagLength > 0 ? scanner.text(from: start, lowercasing: false) : nil
            }
            guard subtagLength <= 8, scanner.position - start < Self.maximumRangeLength else {
                return nil
            }
            scanner.advance()
        }
        return subtagLength > 0 ? scanner.text(from: start, lowercasing: false) : nil
    }
}
