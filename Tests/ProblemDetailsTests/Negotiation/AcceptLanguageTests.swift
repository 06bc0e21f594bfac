import ProblemDetails
import PropertyBased
import Testing

@Suite struct AcceptLanguageTests {
    private func bestMatch(for field: String, among available: [String]) -> String? {
        AcceptLanguage(parsing: field).bestMatch(among: available)
    }

    // MARK: Parsing

    @Test func parsesRangesWithQualities() {
        let accept = AcceptLanguage(parsing: "de-CH, de;q=0.9, en;Q=0.5, *;q=0.1")
        #expect(accept.ranges.map(\.language) == ["de-CH", "de", "en", "*"])
        #expect(accept.ranges.map(\.quality) == [1, 0.9, 0.5, 0.1])
    }

    @Test func keepsTheSpellingOfTheRange() {
        #expect(AcceptLanguage(parsing: "zh-Hant-TW").ranges.first?.language == "zh-Hant-TW")
    }

    @Test(arguments: [
        "", "-", "de-", "-de", "de--CH", "d e", "de_CH", "123", "abcdefghi", "de-abcdefghi", "de-*", "*-de", "dé",
        "de;q=2", "de;q=0.1234", "de;q=", "de;level=1", "de;q=0.5;q=0.5", "de;q", "de q=0.5",
    ])
    func skipsInvalidElements(_ element: String) {
        let accept = AcceptLanguage(parsing: "\(element), en")
        #expect(accept.ranges.map(\.language) == ["en"])
    }

    @Test func acceptsSubtagsOfUpToEightCharactersAndDigitsAfterTheFirst() {
        let accept = AcceptLanguage(parsing: "abcdefgh-12345678, es-419")
        #expect(accept.ranges.map(\.language) == ["abcdefgh-12345678", "es-419"])
    }

    @Test func skipsRangesLongerThanTheMaximumLength() {
        let atLimit = "en" + String(repeating: "-abcdefg", count: 7) + "-abcde"
        #expect(atLimit.count == AcceptLanguage.maximumRangeLength)
        let accept = AcceptLanguage(parsing: "\(atLimit)a, \(atLimit);q=0.5")
        #expect(accept.ranges.map(\.language) == [atLimit])
    }

    @Test func skipsElementsLongerThanTheMaximumLength() {
        let padding = String(repeating: " ", count: AcceptLanguage.maximumElementLength)
        let accept = AcceptLanguage(parsing: "de;\(padding)q=0.5, en;\(padding.dropFirst(8))q=0.5")
        #expect(accept.ranges.map(\.language) == ["en"])
    }

    @Test func considersOnlyTheFirstSixtyFourElements() {
        let field = Array(repeating: "de", count: 64).joined(separator: ",") + ",en"
        let accept = AcceptLanguage(parsing: field)
        #expect(accept.ranges.count == AcceptLanguage.maximumElementCount)
        #expect(accept.bestMatch(among: ["en"]) == nil)
    }

    @Test func clampsQualityGivenToTheInitializer() {
        #expect(AcceptLanguage.Range(language: "de", quality: 2).quality == 1)
        #expect(AcceptLanguage.Range(language: "de", quality: -2).quality == 0)
        #expect(AcceptLanguage.Range(language: "de", quality: .nan).quality == 0)
    }

    // MARK: Matching

    @Test func fallsBackFromARegionToItsLanguage() {
        #expect(self.bestMatch(for: "de-CH, en;q=0.5", among: ["en", "de"]) == "de")
    }

    @Test func returnsNilWhenNothingMatches() {
        #expect(self.bestMatch(for: "fr", among: ["en", "de"]) == nil)
        #expect(self.bestMatch(for: "fr", among: []) == nil)
    }

    @Test func picksTheFirstAvailableForAnyLanguage() {
        #expect(self.bestMatch(for: "*", among: ["en", "de"]) == "en")
    }

    @Test func picksTheFirstAvailableWhenTheFieldIsEmptyOrInvalid() {
        #expect(self.bestMatch(for: "", among: ["en", "de"]) == "en")
        #expect(self.bestMatch(for: ";;,q=", among: ["en", "de"]) == "en")
    }

    @Test func excludesLanguagesWithZeroQuality() {
        #expect(self.bestMatch(for: "de;q=0, *", among: ["de", "en"]) == "en")
        #expect(self.bestMatch(for: "de;q=0, *", among: ["de-AT", "en"]) == "en")
        #expect(self.bestMatch(for: "de;q=0", among: ["de"]) == nil)
    }

    @Test func letsAMoreSpecificRangeOverrideAnExclusion() {
        #expect(self.bestMatch(for: "de;q=0, de-CH", among: ["de", "de-CH"]) == "de-CH")
        #expect(self.bestMatch(for: "de-CH;q=0, de", among: ["de-CH", "de"]) == "de")
        #expect(self.bestMatch(for: "de-CH;q=0, de", among: ["de-CH", "de-AT"]) == "de-AT")
    }

    @Test func doesNotLetLookupFallBackToAnExcludedTag() {
        #expect(self.bestMatch(for: "de-CH-1996, de-CH;q=0, en;q=0.1", among: ["de-CH", "en"]) == "en")
    }

    @Test func matchesCaseInsensitivelyAndReturnsTheOriginalSpelling() {
        #expect(self.bestMatch(for: "EN-gb", among: ["de", "en-GB"]) == "en-GB")
        #expect(self.bestMatch(for: "zh-hant", among: ["zh-Hant"]) == "zh-Hant")
    }

    @Test func prefersAnExactMatchToALookupFallback() {
        #expect(self.bestMatch(for: "de-CH", among: ["de", "de-CH"]) == "de-CH")
    }

    @Test func looksUpEverShorterRanges() {
        #expect(self.bestMatch(for: "de-CH-1996", among: ["de", "de-CH"]) == "de-CH")
        #expect(self.bestMatch(for: "de-CH-1996", among: ["en", "de"]) == "de")
    }

    @Test func dropsASingletonLeftAtTheEndDuringLookup() {
        #expect(self.bestMatch(for: "zh-Hant-CN-x-private1", among: ["zh-Hant-CN-x", "zh-Hant-CN"]) == "zh-Hant-CN")
    }

    @Test func letsAShortRangeMatchALongerTagWhenNoExactTagExists() {
        #expect(self.bestMatch(for: "de", among: ["en", "de-DE", "de-AT"]) == "de-DE")
        #expect(self.bestMatch(for: "de", among: ["de-DE", "de"]) == "de")
        #expect(self.bestMatch(for: "de", among: ["deu"]) == nil)
    }

    @Test func prefersLookupToFilteringForTheSameRange() {
        #expect(self.bestMatch(for: "de-CH", among: ["de-CH-1996", "de"]) == "de")
    }

    @Test func triesRangesFromTheHighestQualityDown() {
        #expect(self.bestMatch(for: "en;q=0.5, fr;q=0.8, de;q=0.8", among: ["en", "de", "fr"]) == "fr")
        #expect(self.bestMatch(for: "en;q=0.5, *;q=0.1", among: ["de", "en"]) == "en")
    }

    // The limit guards against a hang; speed itself is measured by the benchmarks, not here.
    @Test(.timeLimit(.minutes(1)))
    func handlesHugeFieldsWithinBoundedWork() {
        let available = (0..<50).map { "x\($0)" } + ["en"]
        let fields = [
            String(repeating: ",", count: 10_000),
            String(repeating: "a", count: 1 << 20),
            String(repeating: "abcdefgh-", count: 1 << 16),
            String(repeating: "de-CH-1996-a-b-c;q=0.5,", count: 1 << 14),
        ]
        for field in fields {
            _ = self.bestMatch(for: field, among: available)
        }
    }

    // MARK: Against a plain implementation

    /// RFC 4647 lookup and filtering as plainly as they can be written, sorting the ranges and
    /// listing each one's fallbacks: `bestMatch` does the same work without those allocations.
    private static func plainBestMatch(for accept: AcceptLanguage, among available: [String]) -> String? {
        func filters(_ range: String, _ tag: String) -> Bool {
            tag == range || tag.hasPrefix(range + "-")
        }
        func excludes(_ tag: String) -> Bool {
            let filtering = accept.ranges.filter { $0.language != "*" && filters($0.language.lowercased(), tag) }
            return filtering.max { $0.language.utf8.count < $1.language.utf8.count }?.quality == 0
        }
        let candidates = available.map { $0.lowercased() }
        let allowed = candidates.indices.filter { !excludes(candidates[$0]) }
        func first(where isMatch: (String) -> Bool) -> String? {
            allowed.first { isMatch(candidates[$0]) }.map { available[$0] }
        }
        guard !accept.ranges.isEmpty else { return first { _ in true } }
        let ordered = accept.ranges.enumerated().filter { $0.element.quality > 0 }
            .sorted { ($0.element.quality, -$0.offset) > ($1.element.quality, -$1.offset) }
        for (_, range) in ordered {
            let key = range.language.lowercased()
            if key == "*" {
                if let match = first(where: { _ in true }) { return match }
                continue
            }
            var fallbacks = [key]
            var remaining = Substring(key)
            while let hyphen = remaining.lastIndex(of: "-") {
                remaining = remaining[..<hyphen]
                if let previous = remaining.lastIndex(of: "-"), remaining.distance(from: previous, to: remaining.endIndex) == 2 {
                    remaining = remaining[..<previous]
                }
                fallbacks.append(String(remaining))
            }
            for fallback in fallbacks {
                if let match = first(where: { $0 == fallback }) { return match }
            }
            if let match = first(where: { filters(key, $0) }) { return match }
        }
        return nil
    }

    static let range = zip(
        Gen.element(of: ["de", "DE-ch", "de-CH-1996", "de-x-a", "en", "en-GB", "fr", "zh-Hant-TW", "pt", "*"]).map { $0! },
        Gen.element(of: ["", ";q=0", ";q=0.1", ";q=0.5", ";q=0.5", ";q=1"]).map { $0! }
    ).map { $0 + $1 }
    static let offers = Gen.element(of: ["en", "de", "de-CH", "pt-BR", "fr-CA", "zh-Hant", "de-CH-1996"])
        .map { $0! }.array(of: 0...5)

    @Test func choosesWhatThePlainImplementationChooses() async {
        await propertyCheck(count: 2_000, input: Self.range.array(of: 0...6), Self.offers) { ranges, offers in
            let accept = AcceptLanguage(parsing: ranges.joined(separator: ", "))
            #expect(
                accept.bestMatch(among: offers) == Self.plainBestMatch(for: accept, among: offers),
                "\(ranges) among \(offers)"
            )
        }
    }
}
