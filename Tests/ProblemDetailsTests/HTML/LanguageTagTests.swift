import Testing

@testable import ProblemDetails

@Suite struct LanguageTagTests {
    @Test(arguments: [
        "en", "de", "EN", "gsw", "de-CH", "pt-BR", "es-419", "zh-Hant", "zh-Hant-TW", "sr-Latn-RS", "de-CH-1996",
        "sl-rozaj-biske", "zh-yue-HK", "en-US-u-islamcal", "en-a-bbb-x-a-ccc", "x-whatever", "qaa-Qaaa-QM-x-southern",
        "de-1901",
    ])
    func acceptsWellFormedTags(tag: String) {
        #expect(LanguageTag.isWellFormed(tag))
        #expect(LanguageTag.sanitized(tag) == tag)
    }

    @Test(arguments: [
        "", "e", "1a", "en_US", "en-", "-en", "en--US", "en-US-", "abcdefghi", "en-a", "en-x", "en-abcdefghi",
        "en-US-a", "de CH", "de\"", "<script>", "de-ÄT", "en-Latn-Latn-Latn-Latn",
        String(repeating: "en-abcde-", count: 10) + "x",
    ])
    func refusesMalformedTags(tag: String) {
        #expect(!LanguageTag.isWellFormed(tag))
        #expect(LanguageTag.sanitized(tag) == "en")
    }

    @Test func fallsBackToEnglishWithoutATag() {
        #expect(LanguageTag.sanitized(nil) == "en")
    }

    @Test(arguments: [("en", true), ("en-GB", true), ("EN-us", true), ("de", false), ("eng", false), ("x-en", false)])
    func recognisesEnglish(tag: String, isEnglish: Bool) {
        #expect(LanguageTag.isEnglish(tag) == isEnglish)
    }
}
