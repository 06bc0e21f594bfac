import ProblemDetails
import Testing

@Suite struct MediaTypeTests {
    // MARK: Parsing

    @Test func parsesTypeSubtypeAndParameters() throws {
        let mediaType = try #require(MediaType(parsing: "application/problem+json; charset=utf-8"))
        #expect(mediaType.type == "application")
        #expect(mediaType.subtype == "problem+json")
        #expect(mediaType.parameters == [MediaType.Parameter(name: "charset", value: "utf-8")])
    }

    @Test func lowercasesTypeSubtypeAndParameterNamesButNotValues() throws {
        let mediaType = try #require(MediaType(parsing: "Multipart/Form-Data; Boundary=AbC"))
        #expect(mediaType.type == "multipart")
        #expect(mediaType.subtype == "form-data")
        #expect(mediaType.parameters.first?.name == "boundary")
        #expect(mediaType.parameters.first?.value == "AbC")
    }

    @Test func toleratesWhitespaceAroundTheValueAndItsSeparators() throws {
        let mediaType = try #require(MediaType(parsing: " \ttext/html \t; charset = utf-8 ;level=1\t "))
        #expect(mediaType.subtype == "html")
        #expect(mediaType[parameter: "charset"] == "utf-8")
        #expect(mediaType[parameter: "level"] == "1")
    }

    @Test func keepsParametersInOrder() throws {
        let mediaType = try #require(MediaType(parsing: "text/plain;b=2;a=1;c=3"))
        #expect(mediaType.parameters.map(\.name) == ["b", "a", "c"])
    }

    @Test func unquotesQuotedStringValuesWithEscapes() throws {
        let mediaType = try #require(MediaType(parsing: #"text/plain; title="a \"b\" \\ c, d;e""#))
        #expect(mediaType[parameter: "title"] == #"a "b" \ c, d;e"#)
    }

    @Test func acceptsEmptyQuotedStringsAndEmptyParameters() throws {
        let mediaType = try #require(MediaType(parsing: #"text/plain;;a="";"#))
        #expect(mediaType.parameters == [MediaType.Parameter(name: "a", value: "")])
    }

    @Test(arguments: [
        "", " ", "text", "text/", "/html", "text/ html", "text /html", "te xt/html", "text/html/x",
        "text/html; charset", "text/html; charset=", "text/html; =utf-8", #"text/html; a="unterminated"#,
        "text/html; a=b c", "text/h(tml", "tëxt/html", "text/html\r\n", "text/html;a=\u{1}", #"text/plain; a="x\"#,
        "text/html, application/json",
    ])
    func rejectsMalformedMediaTypes(_ text: String) {
        #expect(MediaType(parsing: text) == nil)
    }

    @Test func rejectsInputLongerThanTheMaximumLength() {
        let parameter = String(repeating: "a", count: MediaType.maximumLength)
        #expect(MediaType(parsing: "text/plain;x=" + parameter) == nil)
        #expect(MediaType(parsing: "text/plain;x=" + parameter.dropFirst(13)) != nil)
    }

    @Test func parsesEveryShortCombinationOfAwkwardPiecesWithoutCrashingAndRoundTrips() {
        let pieces = ["", "text", "/", "*", ";", "q=", "0.5", "\"", "\\", ",", " ", "=", "\u{0}", "é"]
        for combination in 0..<(pieces.count * pieces.count * pieces.count * pieces.count) {
            var text = ""
            var remaining = combination
            for _ in 0..<4 {
                text += pieces[remaining % pieces.count]
                remaining /= pieces.count
            }
            if let mediaType = MediaType(parsing: text) {
                #expect(MediaType(parsing: mediaType.description) == mediaType)
            }
        }
    }

    // MARK: Equality

    @Test func comparesTheCharsetCaseInsensitively() throws {
        let lower = try #require(MediaType(parsing: "text/plain; charset=utf-8"))
        let upper = try #require(MediaType(parsing: #"TEXT/PLAIN; CHARSET="UTF-8""#))
        #expect(lower == upper)
        #expect(lower.hashValue == upper.hashValue)
    }

    @Test func comparesOtherParameterValuesCaseSensitively() throws {
        let lower = try #require(MediaType(parsing: "multipart/mixed; boundary=abc"))
        let upper = try #require(MediaType(parsing: "multipart/mixed; boundary=ABC"))
        #expect(lower != upper)
    }

    @Test func lowercasesThePartsGivenToTheInitializer() {
        let mediaType = MediaType(type: "Text", subtype: "HTML", parameters: [.init(name: "Level", value: "1")])
        #expect(mediaType.type == "text")
        #expect(mediaType.subtype == "html")
        #expect(mediaType.parameters.first?.name == "level")
    }

    // MARK: Matching

    @Test func matchesOnTypeAndSubtypeIgnoringParameters() throws {
        let withParameters = try #require(MediaType(parsing: "application/problem+json; charset=utf-8; v=2"))
        #expect(withParameters.matches(.problemJSON))
        #expect(MediaType.problemJSON.matches(withParameters))
        #expect(!withParameters.matches(.json))
        #expect(!MediaType.json.matches(.textXML))
    }

    @Test func doesNotExpandWildcards() throws {
        let any = try #require(MediaType(parsing: "*/*"))
        #expect(!any.matches(.json))
    }

    @Test func recognisesProblemJSONAndProblemXML() throws {
        #expect(try #require(MediaType(parsing: "Application/Problem+JSON")).isProblemJSON)
        #expect(try #require(MediaType(parsing: "application/problem+xml;charset=utf-8")).isProblemXML)
        #expect(!MediaType.json.isProblemJSON)
        #expect(!MediaType.problemJSON.isProblemXML)
    }

    @Test func recognisesJSONAndTheJSONSuffix() throws {
        #expect(try #require(MediaType(parsing: "Application/JSON; charset=utf-8")).isJSON)
        #expect(try #require(MediaType(parsing: "application/merge-patch+json")).isJSON)
        #expect(MediaType.problemJSON.isJSON)
        #expect(!MediaType.xml.isJSON)
        #expect(!(try #require(MediaType(parsing: "text/json-like"))).isJSON)
        #expect(!(try #require(MediaType(parsing: "text/plain"))).isJSON)
    }

    @Test(arguments: [
        "application/problem+json", "application/problem+json; charset=utf-8", "Application/Problem+JSON",
        #"application/problem+xml;charset="UTF-8""#, " application/problem+xml ",
    ])
    func recognisesProblemDocumentContentTypes(_ contentType: String) {
        #expect(MediaType.isProblemDocument(contentType: contentType))
    }

    @Test(arguments: [
        "application/json", "text/html", "application/problem", "application/problem+jsonx",
        "application/problem+json; charset", "", "application/problem+json, text/html",
    ])
    func rejectsOtherContentTypesAsProblemDocuments(_ contentType: String) {
        #expect(!MediaType.isProblemDocument(contentType: contentType))
    }

    @Test func providesTheWellKnownMediaTypes() {
        #expect(MediaType.problemJSON.description == "application/problem+json")
        #expect(MediaType.problemXML.description == "application/problem+xml")
        #expect(MediaType.json.description == "application/json")
        #expect(MediaType.xml.description == "application/xml")
        #expect(MediaType.textXML.description == "text/xml")
        #expect(MediaType.html.description == "text/html")
        #expect(MediaType.xhtml.description == "application/xhtml+xml")
    }

    // MARK: Rendering

    @Test func rendersParametersAfterASemicolonAndSpace() throws {
        let mediaType = try #require(MediaType(parsing: "TEXT/html;charset=UTF-8;level=1"))
        #expect(mediaType.description == "text/html; charset=UTF-8; level=1")
    }

    @Test func quotesValuesThatAreNotTokens() {
        let mediaType = MediaType(
            type: "text",
            subtype: "plain",
            parameters: [.init(name: "title", value: #"a "b" \c"#), .init(name: "empty", value: "")]
        )
        #expect(mediaType.description == #"text/plain; title="a \"b\" \\c"; empty="""#)
    }

    @Test func leavesControlCharactersOutOfTheRendering() {
        let mediaType = MediaType(
            type: "text",
            subtype: "plain",
            parameters: [.init(name: "x", value: "a\r\nSet-Cookie: b\tc")]
        )
        #expect(mediaType.description == "text/plain; x=\"aSet-Cookie: b\tc\"")
    }

    @Test func looksUpParametersByCaseInsensitiveName() throws {
        let mediaType = try #require(MediaType(parsing: "text/plain; Charset=utf-8"))
        #expect(mediaType[parameter: "CHARSET"] == "utf-8")
        #expect(mediaType[parameter: "level"] == nil)
    }
}
