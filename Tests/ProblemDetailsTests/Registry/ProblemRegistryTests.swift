import HTTPTypes
import ProblemDetails
import Testing

@Suite struct ProblemRegistryTests {
    static let outOfCredit = ProblemType(
        slug: "out-of-credit",
        title: "You do not have enough credit.",
        status: .forbidden,
        summary: "The balance does not cover the price.",
        members: [.init(name: "balance", kind: .integer, summary: "The balance in cents.")],
        localizedTitles: ["de": "Ihr Guthaben reicht nicht aus."]
    )

    func makeRegistry() throws -> ProblemRegistry {
        try ProblemRegistry(
            baseURI: "https://api.example.com/",
            types: [Self.outOfCredit],
            localizedStatusTitles: ["de": [404: "Nicht gefunden"]]
        )
    }

    @Test func slugTypesLiveUnderTheBaseURI() throws {
        let registry = try makeRegistry()
        #expect(registry.baseURI == "https://api.example.com")
        #expect(registry.typeURI(of: Self.outOfCredit) == "https://api.example.com/problems/out-of-credit")
        #expect(registry.documentationURI(forSlug: "x") == "https://api.example.com/problems/x")
        #expect(registry.indexURI == "https://api.example.com/problems")
        let uriType = ProblemType(uri: "tag:example@example.org,2021-09-17:OutOfLuck", title: "Out of luck", status: .conflict)
        #expect(registry.typeURI(of: uriType) == "tag:example@example.org,2021-09-17:OutOfLuck")
    }

    @Test func builtInTypesAreRegisteredUnlessReplaced() throws {
        let german = ProblemType.validationError.localized(["de": "Ungültige Anfrage"])
        let registry = try ProblemRegistry(baseURI: "https://x.example", types: [german])
        #expect(registry.types.count == ProblemType.builtIn.count)
        #expect(registry.type(forSlug: "validation-error")?.localizedTitles["de"] == "Ungültige Anfrage")
        #expect(registry.type(forSlug: "internal-error") != nil)
        let bare = try ProblemRegistry(baseURI: "https://x.example", types: [], includingBuiltInTypes: false)
        #expect(bare.types.isEmpty)
    }

    @Test func typesAreFoundByAbsoluteURIOrReference() throws {
        let registry = try makeRegistry()
        #expect(registry.type(forURI: "https://api.example.com/problems/out-of-credit") == Self.outOfCredit)
        #expect(registry.type(forURI: "/problems/out-of-credit") == Self.outOfCredit)
        #expect(registry.type(forURI: "https://other.example/problems/out-of-credit") == nil)
        #expect(registry.type(forSlug: "nope") == nil)
    }

    @Test(arguments: ["relative/path", "", "https://x.example?q=1", "https://x.example#f", "not a uri"])
    func baseURIMustBeAbsolute(base: String) {
        #expect(throws: ProblemRegistry.RegistrationError.self) {
            try ProblemRegistry(baseURI: base)
        }
    }

    @Test(arguments: ["Upper", "with space", "double--hyphen", "-leading", "trailing-", "", "ünïcode"])
    func malformedSlugsAreRefused(slug: String) {
        #expect(throws: ProblemRegistry.RegistrationError.self) {
            try ProblemRegistry(baseURI: "https://x.example", types: [ProblemType(slug: slug, title: "t", status: .badRequest)])
        }
    }

    @Test func duplicateDeclarationsAreRefused() {
        let type = ProblemType(slug: "twice", title: "t", status: .badRequest)
        #expect(throws: ProblemRegistry.RegistrationError.self) {
            try ProblemRegistry(baseURI: "https://x.example", types: [type, type])
        }
    }

    @Test func reservedMemberNamesAreRefusedAtRegistration() {
        let type = ProblemType(
            slug: "clash",
            title: "t",
            status: .badRequest,
            members: [.init(name: "status", kind: .integer, summary: "clashes")]
        )
        #expect(throws: ProblemRegistry.RegistrationError.self) {
            try ProblemRegistry(baseURI: "https://x.example", types: [type])
        }
    }

    @Test func statusesOutsideErrorsAreRefused() {
        #expect(throws: ProblemRegistry.RegistrationError.self) {
            try ProblemRegistry(baseURI: "https://x.example", types: [ProblemType(slug: "ok", title: "t", status: .ok)])
        }
    }

    @Test func unknownErrorsBecomeAnInternalErrorThatSaysNothing() throws {
        struct DatabaseFailure: Error, CustomStringConvertible {
            var description: String { "SELECT * FROM users -- SECRET-7f3a at /srv/app/db.swift:42" }
        }
        let registry = try makeRegistry()
        let problem = registry.problem(for: DatabaseFailure())
        #expect(problem.type == "https://api.example.com/problems/internal-error")
        #expect(problem.status == .internalServerError)
        #expect(problem.detail == nil)
        #expect(problem.extensions.isEmpty)
        let json = String(decoding: ProblemJSONEncoder().encode(problem), as: UTF8.self)
        #expect(!json.contains("SECRET"))
        #expect(!json.contains("DatabaseFailure"))
    }

    @Test func debugInformationIsOptInAndClearlyNamed() throws {
        struct DatabaseFailure: Error, CustomStringConvertible {
            var description: String { "connection refused" }
        }
        let problem = try makeRegistry().problem(for: DatabaseFailure(), includingDebugInformation: true)
        let debug = try #require(problem.extensions["debug"]?.objectValue)
        #expect(debug["description"] == "connection refused")
        #expect(debug["error_type"]?.stringValue?.contains("DatabaseFailure") == true)
    }

    @Test func theInternalErrorIsTheDeclaredOneAndNeverCarriesAnotherErrorsDebugMember() throws {
        struct DatabaseFailure: Error {}
        let registry = try ProblemRegistry(
            baseURI: "https://api.example.com",
            types: [ProblemType(slug: "internal-error", title: "Something broke", status: .internalServerError)]
        )
        _ = registry.problem(for: DatabaseFailure(), includingDebugInformation: true)
        let problem = registry.problem(for: DatabaseFailure())
        #expect(problem.title == "Something broke")
        #expect(problem.status == .internalServerError)
        #expect(problem.type == "https://api.example.com/problems/internal-error")
        #expect(problem.extensions["debug"] == nil)
    }

    @Test func convertibleErrorsGiveTheirOwnProblemWithHeaders() throws {
        struct OutOfCredit: ProblemConvertible {
            var problem: Problem {
                Problem(
                    ProblemRegistryTests.outOfCredit,
                    detail: "Balance 30, price 50.",
                    extensions: ["balance": 30],
                    headers: [.retryAfter: "60"]
                )
            }
        }
        let problem = try makeRegistry().problem(for: OutOfCredit())
        #expect(problem.type == "https://api.example.com/problems/out-of-credit")
        #expect(problem.status == .forbidden)
        #expect(problem.detail == "Balance 30, price 50.")
        #expect(problem.extensions["balance"] == 30)
        #expect(problem.headers[.retryAfter] == "60")
        #expect(problem.extensions["retry_after"] == 60)
    }

    @Test func resolveFillsTitleAndStatusFromTheRegisteredType() throws {
        let registry = try makeRegistry()
        let problem = registry.resolve(Problem(type: "/problems/out-of-credit"))
        #expect(problem.title == Self.outOfCredit.title)
        #expect(problem.status == .forbidden)
        let unknown = registry.resolve(Problem(type: "https://elsewhere.example/x"))
        #expect(unknown.status == .internalServerError)
        #expect(registry.resolve(Problem(type: "")).isAboutBlank)
    }

    @Test func resolveMakesRetryAfterAgree() throws {
        let registry = try makeRegistry()
        let fromMember = registry.resolve(Problem(.rateLimitExceeded, extensions: ["retry_after": 7]))
        #expect(fromMember.headers[.retryAfter] == "7")
        let fromHeader = registry.resolve(Problem(.rateLimitExceeded, headers: [.retryAfter: "9"]))
        #expect(fromHeader.extensions["retry_after"] == 9)
        let conflicting = registry.resolve(
            Problem(.rateLimitExceeded, extensions: ["retry_after": 1], headers: [.retryAfter: "2"])
        )
        #expect(conflicting.extensions["retry_after"] == 2)
        let fractional = registry.resolve(Problem(.serviceUnavailable, extensions: ["retry_after": 1.2]))
        #expect(fractional.headers[.retryAfter] == "2")
        #expect(fractional.extensions["retry_after"] == 2)
        let date = registry.resolve(
            Problem(.serviceUnavailable, headers: [.retryAfter: "Fri, 31 Dec 1999 23:59:59 GMT"])
        )
        #expect(date.extensions["retry_after"] == "Fri, 31 Dec 1999 23:59:59 GMT")
        let dateMember = registry.resolve(
            Problem(.serviceUnavailable, extensions: ["retry_after": "Fri, 31 Dec 1999 23:59:59 GMT"])
        )
        #expect(dateMember.headers[.retryAfter] == "Fri, 31 Dec 1999 23:59:59 GMT")
        let unreadableHeader = registry.resolve(
            Problem(.rateLimitExceeded, extensions: ["retry_after": 9], headers: [.retryAfter: "soon"])
        )
        #expect(unreadableHeader.headers[.retryAfter] == "9")
        #expect(unreadableHeader.extensions["retry_after"] == 9)
    }

    @Test func titlesAreLocalisedOnlyWhenTheyAreTheDeclaredOnes() throws {
        let registry = try makeRegistry()
        let declared = registry.resolve(Problem(Self.outOfCredit))
        #expect(registry.localized(declared, language: "de").title == "Ihr Guthaben reicht nicht aus.")
        #expect(registry.localized(declared, language: "en").title == Self.outOfCredit.title)
        #expect(registry.localized(declared, language: nil).title == Self.outOfCredit.title)
        #expect(registry.localized(declared, language: "fr").title == Self.outOfCredit.title)
        var custom = declared
        custom.title = "Written for this one"
        #expect(registry.localized(custom, language: "de").title == "Written for this one")
        #expect(registry.localized(Problem(status: .notFound), language: "de").title == "Nicht gefunden")
        #expect(registry.localized(Problem(status: .gone), language: "de").title == "Gone")
    }

    @Test func languagesListTheDefaultFirst() throws {
        #expect(try makeRegistry().languages == ["en", "de"])
    }

    @Test func nameIssuesCoverDeclaredMembers() throws {
        let type = ProblemType(slug: "odd", title: "t", status: .badRequest, members: [.init(name: "x-y", kind: .string, summary: "")])
        let registry = try ProblemRegistry(baseURI: "https://x.example", types: [type])
        #expect(registry.nameIssues().map(\.name).contains("x-y"))
    }

    @Test func everyBuiltInTypeHasADocumentedTitleStatusAndSummary() throws {
        let registry = try ProblemRegistry(baseURI: "https://x.example")
        for type in ProblemType.builtIn {
            #expect(!type.title.isEmpty)
            #expect(!type.summary.isEmpty)
            #expect(registry.type(forSlug: type.slug ?? "") == type)
        }
        #expect(ProblemType.builtIn.map(\.status.code) == [422, 400, 400, 401, 403, 404, 409, 415, 429, 500, 503, 504])
    }
}

extension ProblemRegistryTests {
    @Test(arguments: [100, 200, 204, 302] as [Int])
    func statusesThatAreNotErrorsBecome500(code: Int) throws {
        let problem = try makeRegistry().resolve(Problem(status: HTTPResponse.Status(code: code)))
        #expect(problem.status == .internalServerError)
    }

    @Test func aTypeThatTakesABuiltInsURIIsRefused() {
        let clash = ProblemType(uri: "https://x.example/problems/conflict", title: "t", status: .conflict)
        #expect(throws: ProblemRegistry.RegistrationError.self) {
            try ProblemRegistry(baseURI: "https://x.example", types: [clash])
        }
    }

    @Test(arguments: ["https://", "https:", "mailto:"])
    func baseURIWithoutAuthorityOrPathIsRefused(base: String) {
        #expect(throws: ProblemRegistry.RegistrationError.self) { try ProblemRegistry(baseURI: base) }
    }
}
