import HTTPTypes
import ProblemDetails
import Testing

@Suite struct ProblemHTMLRendererTests {
    private static let registry: ProblemRegistry = {
        do {
            return try ProblemRegistry(baseURI: "https://api.example.com")
        } catch {
            fatalError("the test registry is valid: \(error)")
        }
    }()

    private func render(_ problem: Problem, language: String = "en") -> String {
        String(decoding: ProblemHTMLRenderer().render(problem, in: RenderingContext(language: language)), as: UTF8.self)
    }

    private func validationProblem() -> Problem {
        var problem = Self.registry.resolve(
            .validationFailed([
                Violation(detail: "must be 13 digits", pointer: ["isbn"]),
                Violation(detail: "must be a UUID", parameter: "id"),
                Violation(detail: "must be a number", header: "X-Page"),
            ])
        )
        problem.instance = "/books"
        problem.requestID = "req-42"
        problem.traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
        return problem
    }

    /// The content of the `application/problem+json` data block.
    private func dataBlock(of html: String) throws -> Substring {
        let open = try #require(html.firstRange(of: "<script type=\"application/problem+json\">"))
        let rest = html[open.upperBound...]
        let close = try #require(rest.firstRange(of: "</script>"))
        return rest[..<close.lowerBound]
    }

    // MARK: Representation

    @Test func answersForHTMLAndXHTMLWithUTF8HTML() {
        let renderer = ProblemHTMLRenderer()
        #expect(renderer.contentType == "text/html; charset=utf-8")
        #expect(renderer.mediaTypes == [.html, .xhtml])
    }

    @Test func isChosenByBrowserAcceptFields() {
        let representations = ProblemRepresentations([ProblemJSONEncoder(), ProblemHTMLRenderer()])
        let renderer = representations.renderer(
            forAccept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
        )
        #expect(renderer is ProblemHTMLRenderer)
    }

    // MARK: Document

    @Test func writesACompleteHTML5Document() {
        let html = self.render(Problem(status: .notFound))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("<main>") && html.contains("</main>"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
    }

    @Test func titlesThePageWithStatusAndTitle() {
        let html = self.render(self.validationProblem())
        #expect(html.contains("<title>422 Your request is not valid.</title>"))
    }

    @Test func headsTheMainContentWithTheTitle() {
        let html = self.render(self.validationProblem())
        #expect(html.contains("<h1>Your request is not valid.</h1>"))
    }

    @Test func showsTheStatusCodeAndItsPhrase() {
        let html = self.render(Problem(status: .contentTooLarge))
        #expect(html.contains("<p class=\"eyebrow\">413 Content Too Large</p>"))
        #expect(html.contains("<h1>Content Too Large</h1>"))
    }

    @Test func showsTheDetail() {
        let html = self.render(Problem(status: .notFound, detail: "No route for /nope."))
        #expect(html.contains("<p class=\"lead\">No route for /nope.</p>"))
    }

    @Test func listsEveryViolationWithItsLocation() {
        let html = self.render(self.validationProblem())
        #expect(html.contains("<h2 id=\"errors\">Errors</h2>"))
        #expect(html.contains("<li>must be 13 digits <span class=\"where\">(<span>at</span> <code>#/isbn</code>)</span></li>"))
        #expect(html.contains("<li>must be a UUID <span class=\"where\">(<span>parameter</span> <code>id</code>)</span></li>"))
        #expect(html.contains("<li>must be a number <span class=\"where\">(<span>header field</span> <code>X-Page</code>)</span></li>"))
    }

    @Test func omitsTheErrorsListWithoutErrors() {
        let html = self.render(Problem(status: .notFound))
        #expect(!html.contains("<h2 id=\"errors\">"))
        #expect(!html.contains("<ul"))
    }

    @Test func showsTheRequestIDAndTraceID() {
        let html = self.render(self.validationProblem())
        #expect(html.contains("<dt>Request ID</dt><dd><code>req-42</code></dd>"))
        #expect(html.contains("<dt>Trace ID</dt><dd><code>4bf92f3577b34da6a3ce929d0e0e4736</code></dd>"))
    }

    @Test func omitsTheRequestIDAndTraceIDWhenAbsent() {
        let html = self.render(Problem(status: .notFound, instance: "/nope"))
        #expect(!html.contains("Request ID"))
        #expect(!html.contains("Trace ID"))
        #expect(html.contains("<dt>Instance</dt><dd><code>/nope</code></dd>"))
    }

    @Test func showsTheOtherExtensionMembers() {
        let html = self.render(Self.registry.resolve(.notFound(resource: "book", id: "b-1")))
        #expect(html.contains("<dt><code>resource</code></dt><dd>book</dd>"))
        #expect(html.contains("<dt><code>resource_id</code></dt><dd>b-1</dd>"))
    }

    @Test func writesNonStringMembersAsJSON() {
        let html = self.render(Problem(status: .tooManyRequests, extensions: ["limits": [1, true]]))
        #expect(html.contains("<dt><code>limits</code></dt><dd><code>[1,true]</code></dd>"))
    }

    @Test func doesNotRepeatListedErrorsAmongTheMembers() {
        let html = self.render(self.validationProblem())
        #expect(!html.contains("<code>errors</code>"))
    }

    @Test func showsAnErrorsMemberThatHoldsNoViolationsAsJSON() {
        let html = self.render(Problem(status: .badRequest, extensions: ["errors": ["just text"]]))
        #expect(html.contains("<dt><code>errors</code></dt><dd><code>[&quot;just text&quot;]</code></dd>"))
    }

    // MARK: Type link

    @Test func linksToTheTypeDocumentation() {
        let html = self.render(self.validationProblem())
        #expect(
            html.contains(
                "<dt>Type</dt><dd><a href=\"https://api.example.com/problems/validation-error\">https://api.example.com/problems/validation-error</a></dd>"
            )
        )
    }

    @Test func linksToARelativeTypeReference() {
        let html = self.render(Problem(.conflict))
        #expect(html.contains("<a href=\"/problems/conflict\">"))
    }

    @Test func showsNoTypeForAboutBlank() {
        let html = self.render(Problem(status: .methodNotAllowed))
        #expect(!html.contains("href="))
        #expect(!html.contains("<dt>Type</dt>"))
    }

    @Test(arguments: [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "tag:example@example.org,2021-09-17:OutOfLuck",
        "urn:example:out-of-luck",
        "http:no-authority",
    ])
    func neverLinksATypeURIThatIsNotHTTPOrRelative(type: String) {
        let html = self.render(Problem(type: type, title: "Out of luck", status: .forbidden))
        #expect(!html.contains("href="))
        #expect(html.contains("<dt>Type</dt><dd><code>"))
    }

    // MARK: Embedded problem

    @Test func embedsTheProblemAsAProblemJSONDataBlock() throws {
        let problem = self.validationProblem()
        let html = self.render(problem)
        let json = try self.dataBlock(of: html)
        let decoded = try ProblemJSONDecoder().decode(String(json)).problem
        #expect(decoded == problem)
        #expect(html.ranges(of: "<script").count == 1)
    }

    @Test func escapesMarkupCharactersInsideTheDataBlock() throws {
        let detail = "</script><script>alert(1)</script> & <!-- >"
        let problem = Problem(status: .badRequest, detail: detail)
        let html = self.render(problem)
        let json = try self.dataBlock(of: html)
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
        #expect(json.contains(#"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 \u003c!-- \u003e"#))
        #expect(html.ranges(of: "</script>").count == 1)
        let decoded = try ProblemJSONDecoder().decode(String(json)).problem
        #expect(decoded.detail == detail)
    }

    // MARK: Escaping

    private static let payloads = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><img src=x onerror=alert(1)>",
    ]

    private static func hostileProblems(_ payload: String) -> [Problem] {
        var problems: [Problem] = [
            Problem(type: "https://api.example.com/problems/x", title: payload, status: .badRequest),
            Problem(status: .badRequest, detail: payload),
            Problem(status: .badRequest, instance: payload),
            Problem(type: payload, title: "t", status: .badRequest),
            Problem(type: "https://x.example/?q=" + payload, title: "t", status: .badRequest),
            Problem(status: .badRequest, extensions: ["note": .string(payload)]),
            Problem(status: .badRequest, extensions: ["nested": ["list": [.string(payload)]]]),
            Problem(status: .badRequest, extensions: [payload: "value"]),
            .validationFailed([Violation(detail: payload, parameter: payload)]),
            .validationFailed([Violation(detail: "d", pointer: [payload])]),
            .validationFailed([Violation(detail: "d", header: payload)]),
        ]
        var withIDs = Problem(status: .badRequest)
        withIDs.requestID = payload
        withIDs.traceID = payload
        problems.append(withIDs)
        return problems
    }

    @Test(arguments: payloads)
    func noValueCanInjectMarkup(payload: String) {
        for problem in Self.hostileProblems(payload) {
            let html = self.render(problem)
            #expect(!html.contains("<script>"), "\(problem)")
            #expect(!html.contains("<img"), "\(problem)")
            #expect(!html.contains("\"><"), "\(problem)")
            #expect(!html.contains("'><"), "\(problem)")
            #expect(html.ranges(of: "<script").count == 1, "\(problem)")
        }
    }

    @Test func escapesAllFiveSpecialCharacters() {
        let html = self.render(Problem(status: .badRequest, detail: #"a & b < c > d " e ' f"#))
        #expect(html.contains("<p class=\"lead\">a &amp; b &lt; c &gt; d &quot; e &#39; f</p>"))
    }

    @Test func escapesTheTypeURIInsideItsHref() {
        let html = self.render(Problem(type: "https://x.example/a?b=1&c=2", title: "t", status: .badRequest))
        #expect(html.contains("<a href=\"https://x.example/a?b=1&amp;c=2\">"))
    }

    @Test func replacesControlCharacters() {
        let html = self.render(Problem(status: .badRequest, detail: "a\u{0}b\u{1B}c\u{85}d\te"))
        #expect(html.contains("<p class=\"lead\">a\u{FFFD}b\u{FFFD}c\u{FFFD}d\te</p>"))
    }

    // MARK: Language

    @Test(arguments: [
        ("de", "de"), ("pt-BR", "pt-BR"), ("zh-Hant-TW", "zh-Hant-TW"), ("de-CH-1996", "de-CH-1996"),
        ("en-US-x-twain", "en-US-x-twain"), ("x-klingon", "x-klingon"),
        ("", "en"), ("e", "en"), ("en_US", "en"), ("de\"><script>alert(1)</script>", "en"),
        ("en US", "en"), ("de-", "en"), ("-de", "en"), ("abcdefghi", "en"), ("en-a", "en"), ("en-x", "en"),
    ])
    func usesTheContextLanguageOnlyWhenItIsAValidTag(language: String, expected: String) {
        let html = self.render(Problem(status: .notFound), language: language)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(expected)\">"))
    }

    @Test func marksEnglishLabelsOnPagesInOtherLanguages() {
        let german = self.render(self.validationProblem(), language: "de")
        #expect(german.contains("<dt lang=\"en\">Request ID</dt>"))
        #expect(german.contains("<h2 id=\"errors\" lang=\"en\">Errors</h2>"))
        let english = self.render(self.validationProblem(), language: "en-GB")
        #expect(english.contains("<dt>Request ID</dt>"))
    }

    // MARK: Self-contained

    @Test func loadsAndRunsNothing() {
        let html = self.render(self.validationProblem())
        #expect(!html.contains("src="))
        #expect(!html.contains("<link"))
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        #expect(!html.contains(#/\son[a-z]+\s*=/#))
        #expect(html.ranges(of: "<script").count == 1)
        #expect(html.contains("<style>"))
        #expect(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">"
            )
        )
    }
}
