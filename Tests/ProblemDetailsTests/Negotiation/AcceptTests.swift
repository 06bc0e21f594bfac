import ProblemDetails
import Testing

@Suite struct AcceptTests {
    /// The renderers a server might offer, in its order of preference.
    private enum Renderer: CaseIterable {
        case json
        case xml
        case html

        var mediaTypes: [MediaType] {
            switch self {
            case .json: [.problemJSON, .json]
            case .xml: [.problemXML, .xml, .textXML]
            case .html: [.html, .xhtml]
            }
        }
    }

    private func preferredRenderer(for field: String, among offers: [Renderer] = Renderer.allCases) -> Renderer? {
        Accept(parsing: field).preferred(among: offers) { $0.mediaTypes }
    }

    // MARK: Parsing

    @Test func parsesRangesWithQualitiesAndParameters() throws {
        let accept = Accept(parsing: "text/html;level=1;q=0.5, application/*, */*;q=0.1")
        #expect(accept.ranges.count == 3)
        let first = try #require(accept.ranges.first)
        #expect(first.mediaType == MediaType(type: "text", subtype: "html", parameters: [.init(name: "level", value: "1")]))
        #expect(first.quality == 0.5)
        #expect(accept.ranges[1].mediaType.subtype == "*")
        #expect(accept.ranges[1].quality == 1)
        #expect(accept.ranges[2].quality == 0.1)
    }

    @Test func readsTheWeightInEitherCaseAndWhatFollowsItAsExtensions() throws {
        let accept = Accept(parsing: "text/html;Q=0.3;level=1")
        let range = try #require(accept.ranges.first)
        #expect(range.quality == 0.3)
        #expect(range.mediaType.parameters.isEmpty)
    }

    @Test(arguments: [
        ("0", 0.0), ("0.", 0.0), ("0.5", 0.5), ("0.25", 0.25), ("0.125", 0.125), ("1", 1.0), ("1.", 1.0), ("1.000", 1.0),
    ])
    func acceptsValidQualityValues(_ text: String, _ quality: Double) throws {
        let range = try #require(Accept(parsing: "text/html;q=\(text)").ranges.first)
        #expect(range.quality == quality)
    }

    @Test(arguments: ["", "2", "1.001", "1.5", "0.1234", ".5", "-0", "0.5.5", "0 5", "0.5x", "abc", "0x1", "00.5"])
    func skipsElementsWithInvalidQualityValues(_ text: String) {
        let accept = Accept(parsing: "text/html;q=\(text), application/json")
        #expect(accept.ranges.map(\.mediaType) == [.json])
    }

    @Test func skipsElementsWithMoreThanOneWeight() {
        #expect(Accept(parsing: "text/html;q=0.5;q=0.5, application/json").ranges.map(\.mediaType) == [.json])
    }

    @Test func skipsAWildcardTypeWithAConcreteSubtype() {
        #expect(Accept(parsing: "*/html, application/json").ranges.map(\.mediaType) == [.json])
    }

    @Test func doesNotSplitElementsAtCommasInsideQuotedStrings() throws {
        let accept = Accept(parsing: #"text/html;title="a, b", application/json"#)
        #expect(accept.ranges.count == 2)
        #expect(accept.ranges.first?.mediaType[parameter: "title"] == "a, b")
    }

    @Test func skipsEmptyAndInvalidElements() {
        let accept = Accept(parsing: ",, text/html ,;;, foo, /json, application/json;level, ,application/json")
        #expect(accept.ranges.map(\.mediaType) == [.html, .json])
    }

    @Test func considersOnlyTheFirstSixtyFourElements() {
        let field = Array(repeating: "image/png", count: 64).joined(separator: ",") + ",text/html"
        let accept = Accept(parsing: field)
        #expect(accept.ranges.count == Accept.maximumElementCount)
        #expect(accept.quality(of: .html) == 0)
    }

    @Test func countsInvalidElementsTowardsTheLimit() {
        let field = Array(repeating: "nonsense", count: 64).joined(separator: ",") + ",text/html"
        #expect(Accept(parsing: field).ranges.isEmpty)
    }

    @Test func skipsElementsLongerThanTheMaximumLength() {
        let long = "text/html;x=" + String(repeating: "a", count: Accept.maximumElementLength)
        #expect(Accept(parsing: long + ", application/json").ranges.map(\.mediaType) == [.json])
    }

    @Test func clampsQualityGivenToTheInitializer() {
        #expect(Accept.Range(mediaType: .json, quality: 7).quality == 1)
        #expect(Accept.Range(mediaType: .json, quality: -1).quality == 0)
        #expect(Accept.Range(mediaType: .json, quality: .nan).quality == 0)
    }

    // MARK: Quality

    @Test func takesTheQualityOfTheMostSpecificMatchingRange() throws {
        let accept = Accept(parsing: "text/*;q=0.3, text/plain;q=0.7, text/plain;format=flowed, */*;q=0.5")
        let flowed = try #require(MediaType(parsing: "text/plain;format=flowed"))
        let fixed = try #require(MediaType(parsing: "text/plain;format=fixed"))
        #expect(accept.quality(of: flowed) == 1)
        #expect(accept.quality(of: fixed) == 0.7)
        #expect(accept.quality(of: MediaType(type: "text", subtype: "plain")) == 0.7)
        #expect(accept.quality(of: .html) == 0.3)
        #expect(accept.quality(of: .json) == 0.5)
    }

    @Test func prefersTheFirstOfEquallySpecificRanges() {
        #expect(Accept(parsing: "text/html;q=0.2, text/html;q=0.9").quality(of: .html) == 0.2)
    }

    @Test func matchesRangeParametersRegardlessOfCharsetCase() throws {
        let accept = Accept(parsing: "text/html;charset=UTF-8;q=0.4, */*;q=0.1")
        let html = try #require(MediaType(parsing: "text/html; charset=utf-8"))
        #expect(accept.quality(of: html) == 0.4)
    }

    @Test func givesZeroToMediaTypesNoRangeMatches() {
        #expect(Accept(parsing: "text/html").quality(of: .json) == 0)
    }

    @Test func acceptsEverythingWhenTheFieldIsEmptyOrInvalid() {
        #expect(Accept(parsing: "").quality(of: .json) == 1)
        #expect(Accept(parsing: ";;;,,q=").quality(of: .json) == 1)
        #expect(Accept(ranges: []).quality(of: .html) == 1)
    }

    // MARK: Selection

    @Test func picksHTMLForABrowser() {
        let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
        #expect(self.preferredRenderer(for: browser) == .html)
    }

    @Test func picksJSONForAJSONClient() {
        #expect(self.preferredRenderer(for: "application/json") == .json)
        #expect(self.preferredRenderer(for: "application/problem+json") == .json)
    }

    @Test func picksXMLForAnXMLClient() {
        #expect(self.preferredRenderer(for: "text/xml") == .xml)
    }

    @Test func honoursAnExplicitRefusal() {
        #expect(self.preferredRenderer(for: "application/problem+json;q=0, text/html") == .html)
    }

    @Test func picksTheFirstOfferForAnyMediaType() {
        #expect(self.preferredRenderer(for: "*/*") == .json)
        #expect(self.preferredRenderer(for: "*/*", among: [.html, .json]) == .html)
    }

    @Test func picksTheFirstOfferWhenTheFieldIsAbsent() {
        #expect(self.preferredRenderer(for: "") == .json)
        #expect(self.preferredRenderer(for: "", among: [.xml, .json]) == .xml)
    }

    @Test func picksTheFirstMatchingOfferForATypeWildcard() {
        #expect(self.preferredRenderer(for: "application/*", among: [.xml, .json]) == .xml)
        #expect(self.preferredRenderer(for: "application/*", among: [.json, .xml]) == .json)
        #expect(self.preferredRenderer(for: "image/*", among: [.json, .xml]) == nil)
        #expect(self.preferredRenderer(for: "text/*", among: [.json, .xml, .html]) == .xml)
    }

    @Test func picksTheOfferWithTheHighestQuality() {
        #expect(self.preferredRenderer(for: "application/json;q=0.5, application/xml;q=0.6") == .xml)
    }

    @Test func breaksTiesByTheOrderOfOffers() {
        #expect(self.preferredRenderer(for: "application/xml, application/json") == .json)
        #expect(self.preferredRenderer(for: "application/xml, application/json", among: [.xml, .json]) == .xml)
    }

    @Test func returnsNilWhenNoOfferIsAcceptable() {
        #expect(self.preferredRenderer(for: "image/png") == nil)
        #expect(self.preferredRenderer(for: "*/*;q=0") == nil)
        #expect(self.preferredRenderer(for: "*/*", among: []) == nil)
    }

    @Test func ignoresCase() {
        #expect(self.preferredRenderer(for: "TEXT/HTML") == .html)
    }

    @Test func letsAZeroForASpecificTypeOverrideAWildcard() {
        #expect(self.preferredRenderer(for: "text/*;q=0.5, text/html;q=0", among: [.html]) == nil)
        #expect(self.preferredRenderer(for: "text/*;q=0.5, text/html;q=0") == .xml)
    }

    @Test func picksAmongMediaTypesDirectly() {
        let accept = Accept(parsing: "application/xml;q=0.5, application/json")
        #expect(accept.preferred(among: [.xml, .json]) == .json)
        #expect(accept.preferred(among: [.html]) == nil)
    }

    @Test func survivesGarbage() {
        for field in [";;;,,q=", "\"", "\\", ",", "*/*;q=\"", "text/html;q=0.5;;;q", "\u{0}/\u{0}", "é/é;é=é"] {
            _ = self.preferredRenderer(for: field)
        }
        #expect(self.preferredRenderer(for: ";;;,,q=") == .json)
    }

    // The limit guards against a hang; speed itself is measured by the benchmarks, not here.
    @Test(.timeLimit(.minutes(1)))
    func handlesHugeFieldsWithinBoundedWork() {
        let fields = [
            String(repeating: ",", count: 10_000),
            String(repeating: "a", count: 1 << 20),
            String(repeating: "text/html;q=0.5,", count: 1 << 16),
            "text/html;x=\"" + String(repeating: "\\,", count: 1 << 19),
            String(repeating: " ", count: 1 << 20) + "application/json",
        ]
        for field in fields {
            _ = self.preferredRenderer(for: field)
        }
        #expect(self.preferredRenderer(for: String(repeating: ",", count: 10_000) + "text/html") == .html)
    }
}

extension AcceptTests {
    @Test func utf8CharsetInARangeIsSatisfiedByEveryRepresentation() {
        let accept = Accept(parsing: "application/problem+xml; charset=utf-8")
        #expect(accept.quality(of: .problemXML) == 1)
        #expect(Accept(parsing: "text/html;charset=UTF-8").quality(of: .html) == 1)
        #expect(Accept(parsing: "text/html;charset=iso-8859-1").quality(of: .html) == 0)
    }

    @Test func parametersAfterQualityAreExtensionsNotMediaTypeParameters() {
        #expect(Accept(parsing: "application/xml;q=0.9;foo=bar").quality(of: .xml) == 0.9)
    }

    @Test func refusesOnlyWhatItsMostSpecificMatchingRangeWeighsZero() {
        let accept = Accept(parsing: "application/problem+json;q=0, application/*;q=0.5, text/*;q=0")
        #expect(accept.refuses(.problemJSON))
        #expect(!accept.refuses(.json))
        #expect(accept.refuses(.html))
        #expect(!accept.refuses(MediaType(type: "image", subtype: "png")))
        #expect(!Accept(parsing: "").refuses(.problemJSON))
        #expect(!Accept(parsing: "*/*;q=0, application/problem+json").refuses(.problemJSON))
        #expect(Accept(parsing: "*/*;q=0").refuses(.problemJSON))
    }
}
