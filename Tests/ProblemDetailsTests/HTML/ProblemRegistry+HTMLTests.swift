import HTTPTypes
import ProblemDetails
import Testing

@Suite struct ProblemRegistryHTMLTests {
    private static let outOfCredit = ProblemType(
        slug: "out-of-credit",
        title: "You do not have enough credit.",
        status: .forbidden,
        summary: "The account's balance does not cover the price of the request.",
        members: [
            .init(name: "balance", kind: .integer, summary: "The balance, in cents."),
            .init(name: "accounts", kind: .array, summary: "The accounts that could pay."),
        ],
        headers: [.retryAfter],
        localizedTitles: ["de": "Ihr Guthaben reicht nicht aus.", "pt-BR": "Você não tem crédito suficiente."]
    )

    private func registry(
        baseURI: String = "https://api.example.com",
        types: [ProblemType] = [Self.outOfCredit],
        defaultLanguage: String = "en"
    ) throws -> ProblemRegistry {
        try ProblemRegistry(baseURI: baseURI, types: types, defaultLanguage: defaultLanguage)
    }

    private func page(_ slug: String, language: String? = nil, in registry: ProblemRegistry? = nil) throws -> String {
        let registry = try registry ?? self.registry()
        let bytes = try #require(registry.documentationPage(forSlug: slug, language: language))
        return String(decoding: bytes, as: UTF8.self)
    }

    private func index(language: String? = nil, in registry: ProblemRegistry? = nil) throws -> String {
        let registry = try registry ?? self.registry()
        return String(decoding: registry.indexPage(language: language), as: UTF8.self)
    }

    /// The text of the example, with the HTML escapes undone.
    private func example(in html: String) throws -> String {
        let open = try #require(html.firstRange(of: "<pre aria-labelledby=\"example\" tabindex=\"0\"><code>"))
        let rest = html[open.upperBound...]
        let close = try #require(rest.firstRange(of: "</code></pre>"))
        return String(rest[..<close.lowerBound])
            .replacing("&quot;", with: "\"").replacing("&#39;", with: "'")
            .replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&amp;", with: "&")
    }

    // MARK: Type pages

    @Test func hasNoPageForAnUnknownSlug() throws {
        #expect(try self.registry().documentationPage(forSlug: "no-such-type") == nil)
        #expect(try self.registry().documentationPage(forSlug: "") == nil)
    }

    @Test func hasAPageForEveryRegisteredSlug() throws {
        let registry = try self.registry()
        for slug in registry.types.compactMap(\.slug) {
            #expect(registry.documentationPage(forSlug: slug) != nil, "\(slug)")
        }
    }

    @Test func pageForSlugEqualsPageForType() throws {
        let registry = try self.registry()
        #expect(registry.documentationPage(forSlug: "out-of-credit") == registry.documentationPage(for: Self.outOfCredit))
    }

    @Test func documentsTheTypeURITitleAndStatus() throws {
        let html = try self.page("out-of-credit")
        #expect(html.contains("<h1>You do not have enough credit.</h1>"))
        #expect(html.contains("<dt>Type URI</dt><dd><code>https://api.example.com/problems/out-of-credit</code></dd>"))
        #expect(html.contains("<dt>Status</dt><dd>403 Forbidden</dd>"))
        #expect(html.contains("<dt>Title</dt><dd>You do not have enough credit.</dd>"))
        #expect(html.contains("<title>You do not have enough credit. – Problem type</title>"))
    }

    @Test func showsTheSummary() throws {
        let html = try self.page("out-of-credit")
        #expect(html.contains("<p class=\"lead\">The account&#39;s balance does not cover the price of the request.</p>"))
    }

    @Test func tabulatesTheExtensionMembers() throws {
        let html = try self.page("out-of-credit")
        #expect(html.contains("<th scope=\"col\">Name</th><th scope=\"col\">Kind</th><th scope=\"col\">Meaning</th>"))
        #expect(html.contains("<tr><td><code>balance</code></td><td>integer</td><td>The balance, in cents.</td></tr>"))
        #expect(html.contains("<tr><td><code>accounts</code></td><td>array</td><td>The accounts that could pay.</td></tr>"))
    }

    @Test func saysWhenThereAreNoExtensionMembers() throws {
        let html = try self.page("forbidden")
        #expect(html.contains("<p>Problems of this type have only the standard members.</p>"))
        #expect(!html.contains("<th scope=\"col\">Meaning</th>"))
    }

    @Test func listsTheHeaderFields() throws {
        #expect(try self.page("out-of-credit").contains("<dt>Header fields</dt><dd><code>Retry-After</code></dd>"))
        #expect(try self.page("unauthorized").contains("<dd><code>WWW-Authenticate</code></dd>"))
        #expect(try self.page("conflict").contains("<dt>Header fields</dt><dd>None</dd>"))
    }

    @Test func showsTheLocalizedTitleMarkedWithItsLanguage() throws {
        let html = try self.page("out-of-credit", language: "de")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<h1 lang=\"de\">Ihr Guthaben reicht nicht aus.</h1>"))
        #expect(html.contains("<dt>Title</dt><dd>You do not have enough credit.</dd>"))
    }

    @Test func matchesTheLanguageWithoutRegardToCase() throws {
        let html = try self.page("out-of-credit", language: "PT-br")
        #expect(html.contains("<h1 lang=\"pt-BR\">Você não tem crédito suficiente.</h1>"))
    }

    @Test func fallsBackToTheDefaultTitle() throws {
        let html = try self.page("out-of-credit", language: "fr")
        #expect(html.contains("<h1>You do not have enough credit.</h1>"))
    }

    @Test func listsTheTitlesInOtherLanguages() throws {
        let html = try self.page("out-of-credit")
        #expect(html.contains("<h2 id=\"titles\">Titles in other languages</h2>"))
        #expect(html.contains("<tr><td><code>de</code></td><td lang=\"de\">Ihr Guthaben reicht nicht aus.</td></tr>"))
        #expect(html.contains("<tr><td><code>pt-BR</code></td><td lang=\"pt-BR\">Você não tem crédito suficiente.</td></tr>"))
        #expect(try !self.page("forbidden").contains("Titles in other languages"))
    }

    @Test func leavesOutTheLangOfAMalformedTag() throws {
        let type = ProblemType(slug: "odd", title: "Odd", status: .badRequest, localizedTitles: ["de_DE": "Seltsam"])
        let html = try self.page("odd", language: "de_DE", in: self.registry(types: [type]))
        #expect(html.contains("<h1>Seltsam</h1>"))
        #expect(html.contains("<td>Seltsam</td>"))
    }

    @Test func showsAnExampleProblemBuiltFromTheType() throws {
        let html = try self.page("out-of-credit")
        #expect(html.contains("<h2 id=\"example\">Example</h2>"))
        let example = try self.example(in: html)
        let problem = try ProblemJSONDecoder().decode(example).problem
        #expect(problem.type == "https://api.example.com/problems/out-of-credit")
        #expect(problem.title == "You do not have enough credit.")
        #expect(problem.status == .forbidden)
        #expect(problem.extensions.map(\.name) == ["balance", "accounts"])
        #expect(problem.extensions["balance"]?.integerValue != nil)
        #expect(problem.extensions["accounts"]?.arrayValue != nil)
    }

    @Test func indentsTheExample() throws {
        let example = try self.example(in: self.page("validation-error"))
        #expect(example.hasPrefix("{\n  \"type\": \"https://api.example.com/problems/validation-error\",\n"))
        #expect(example.contains("  \"errors\": [\n    {\n      \"detail\": "))
        #expect(example.hasSuffix("\n}"))
    }

    @Test func showsTheExampleInTheRequestedLanguage() throws {
        let example = try self.example(in: self.page("out-of-credit", language: "de"))
        #expect(example.contains("\"title\": \"Ihr Guthaben reicht nicht aus.\""))
    }

    @Test func linksBackToTheIndex() throws {
        #expect(try self.page("out-of-credit").contains("<nav><a href=\"/problems\">All problem types</a></nav>"))
        let nested = try self.registry(baseURI: "https://example.com/api/v1/")
        #expect(try self.page("conflict", in: nested).contains("<nav><a href=\"/api/v1/problems\">"))
    }

    @Test func documentsATypeDeclaredByURI() throws {
        let registry = try self.registry()
        let type = ProblemType(uri: "https://example.net/probs/out-of-luck", title: "Out of luck.", status: .conflict)
        let html = String(decoding: registry.documentationPage(for: type), as: UTF8.self)
        #expect(html.contains("<dd><code>https://example.net/probs/out-of-luck</code></dd>"))
        #expect(html.contains("<dd>409 Conflict</dd>"))
    }

    @Test func marksEnglishLabelsWhenTheDefaultLanguageIsAnother() throws {
        let html = try self.page("conflict", in: self.registry(defaultLanguage: "de"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">"))
        #expect(html.contains("<dt lang=\"en\">Type URI</dt>"))
    }

    // MARK: Index

    @Test func indexListsEveryRegisteredType() throws {
        let registry = try self.registry()
        let html = try self.index(in: registry)
        #expect(html.contains("<th scope=\"col\">Status</th><th scope=\"col\">Problem type</th>"))
        for type in registry.types {
            let slug = try #require(type.slug)
            let link = "<a href=\"/problems/\(slug)\">\(HTMLEscaping.escape(type.title))</a>"
            #expect(html.contains(link + "<br><code class=\"where\">\(slug)</code>"), "\(slug)")
        }
        #expect(
            html.contains(
                "<tr><td>422 Unprocessable Content</td><td><a href=\"/problems/validation-error\">Your request is not valid.</a>"
            )
        )
    }

    @Test func indexOrdersTypesByStatus() throws {
        let html = try self.index()
        let badRequest = try #require(html.firstRange(of: "400 Bad Request"))
        let timeout = try #require(html.firstRange(of: "504 Gateway Timeout"))
        let forbidden = try #require(html.firstRange(of: "403 Forbidden"))
        #expect(badRequest.lowerBound < forbidden.lowerBound && forbidden.lowerBound < timeout.lowerBound)
    }

    @Test func indexLinksUnderTheBasePath() throws {
        let html = try self.index(in: self.registry(baseURI: "https://example.com/api"))
        #expect(html.contains("<a href=\"/api/problems/conflict\">"))
    }

    @Test func indexLinksURIDeclaredTypesAbsolutely() throws {
        let type = ProblemType(uri: "https://example.net/probs/out-of-luck", title: "Out of luck.", status: .conflict)
        let html = try self.index(in: self.registry(types: [type]))
        #expect(
            html.contains(
                "<a href=\"https://example.net/probs/out-of-luck\">Out of luck.</a><br><code class=\"where\">https://example.net/probs/out-of-luck</code>"
            )
        )
    }

    @Test(arguments: ["javascript:alert(1)", "data:text/html,hi", "tag:example@example.org,2021-09-17:OutOfLuck"])
    func indexNeverLinksATypeURIThatIsNotHTTP(uri: String) throws {
        let type = ProblemType(uri: uri, title: "Out of luck.", status: .conflict)
        let html = try self.index(in: self.registry(types: [type]))
        #expect(!html.contains("<a href=\"\(HTMLEscaping.escape(uri))\""))
        #expect(html.contains("<span>Out of luck.</span><br><code class=\"where\">\(HTMLEscaping.escape(uri))</code>"))
    }

    @Test func indexShowsLocalizedTitles() throws {
        let html = try self.index(language: "de")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<a href=\"/problems/out-of-credit\" lang=\"de\">Ihr Guthaben reicht nicht aus.</a>"))
        #expect(html.contains("<a href=\"/problems/resource-not-found\">The resource does not exist.</a>"))
    }

    // MARK: Safety

    @Test func noDeclaredTextCanInjectMarkup() throws {
        for payload in ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'><img src=x onerror=alert(1)>"] {
            let type = ProblemType(
                slug: "hostile",
                title: payload,
                status: .badRequest,
                summary: payload,
                members: [.init(name: payload, kind: .string, summary: payload)],
                localizedTitles: ["de": payload, payload: payload]
            )
            let registry = try self.registry(types: [type])
            for html in try [self.page("hostile", in: registry), self.page("hostile", language: "de", in: registry),
                self.index(in: registry), self.index(language: "de", in: registry)]
            {
                #expect(!html.contains("<script"))
                #expect(!html.contains("<img"))
                #expect(!html.contains("\"><i") && !html.contains("'><i"))
            }
        }
    }

    @Test func pagesAreCompleteSelfContainedDocuments() throws {
        for html in try [self.page("validation-error"), self.index()] {
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
            #expect(html.contains("<meta charset=\"utf-8\">"))
            #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
            #expect(html.contains("<main>") && html.contains("</main>"))
            #expect(html.contains("Content-Security-Policy"))
            #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"))
        }
    }
}

/// The escaping the pages are expected to apply, written out independently of the package.
private enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
            .replacing("\"", with: "&quot;").replacing("'", with: "&#39;")
    }
}
