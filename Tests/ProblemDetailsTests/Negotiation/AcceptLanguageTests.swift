import ProblemDetails
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
}
