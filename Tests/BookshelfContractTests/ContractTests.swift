import BookshelfContract
import Foundation
import HTTPTypes
import ProblemDetails
import Testing

/// The framework-free parts both demo apps share: rules, flags, registry, limiter and access.
@Suite struct ContractTests {
    @Test(arguments: ["9780306406157", "9781861972712", "9780262033848", "9780131103627", "9780201633610"])
    func validISBNs(isbn: String) {
        #expect(ISBN13.isValid(isbn))
    }

    @Test(arguments: ["9780306406158", "978030640615", "97803064061570", "978-0306406157", "978030640615X", ""])
    func invalidISBNs(isbn: String) {
        #expect(!ISBN13.isValid(isbn))
    }

    @Test func titlesAreMeasuredAfterTrimming() {
        let fine = BookRules.violations(title: "  Dune  ", isbn: "9780306406157", year: 1965, tags: [], currentYear: 2025)
        #expect(fine.isEmpty)
        #expect(BookRules.normalizedTitle("  Dune \n") == "Dune")
        let blank = BookRules.violations(title: " \t\n", isbn: "9780306406157", year: 1965, tags: [], currentYear: 2025)
        #expect(blank.map(\.location?.pointer) == [["title"]])
        let longest = String(repeating: "é", count: 200)
        #expect(BookRules.violations(title: " \(longest) ", isbn: "9780306406157", year: 1965, tags: [], currentYear: 2025).isEmpty)
        let tooLong = BookRules.violations(title: longest + "x", isbn: "9780306406157", year: 1965, tags: [], currentYear: 2025)
        #expect(tooLong.map(\.location?.pointer) == [["title"]])
    }

    @Test func yearsRunFrom1450ToTheCurrentYear() {
        func fails(_ year: Int) -> Bool {
            !BookRules.violations(title: "T", isbn: "9780306406157", year: year, tags: [], currentYear: 2025).isEmpty
        }
        #expect(fails(1449))
        #expect(!fails(1450))
        #expect(!fails(2025))
        #expect(fails(2026))
        #expect(BookRules.currentYear(now: Date(timeIntervalSince1970: 0)) == 1970)
    }

    @Test func tagsAreAtMostTenOfOneToThirtyCharacters() {
        let tooMany = Array(repeating: "tag", count: 11)
        let violations = BookRules.violations(
            title: "T",
            isbn: "9780306406157",
            year: 2000,
            tags: tooMany + ["", String(repeating: "x", count: 31), String(repeating: "x", count: 30)],
            currentYear: 2025
        )
        #expect(violations.map(\.location?.pointer) == [["tags"], ["tags", "11"], ["tags", "12"]])
        #expect(violations.map(\.location?.pointer?.fragment) == ["#/tags", "#/tags/11", "#/tags/12"])
    }

    @Test func theInputReportsItsViolations() {
        let input = BookInput(title: "", isbn: "123", year: 3000, tags: nil)
        #expect(Set(input.violations().compactMap(\.location?.pointer?.fragment)) == ["#/title", "#/isbn", "#/year"])
        let id = UUID()
        let book = BookInput(title: " Dune ", isbn: "9780306406157", year: 1965).book(id: id)
        #expect(book == Book(id: id, title: "Dune", isbn: "9780306406157", year: 1965, tags: []))
        #expect(book.path == "/books/" + id.uuidString.lowercased())
    }

    @Test func booksEncodeTheirIdInLowercaseAndRoundTrip() throws {
        let book = Book(
            id: try #require(UUID(uuidString: "3F2504E0-4F89-41D3-9A0C-0305E82C3301")),
            title: "Dune",
            isbn: "9780306406157",
            year: 1965,
            tags: ["sf"]
        )
        let data = try JSONEncoder().encode(book)
        #expect(String(decoding: data, as: UTF8.self).contains(#""id":"3f2504e0-4f89-41d3-9a0c-0305e82c3301""#))
        #expect(try JSONDecoder().decode(Book.self, from: data) == book)
    }

    @Test func optionsDefaultToTheContractsValues() throws {
        let command = try BookshelfOptions.parse([])
        #expect(command == .serve(BookshelfOptions()))
        let options = BookshelfOptions()
        #expect(options.hostname == "127.0.0.1")
        #expect(options.port == 8080)
        #expect(options.databasePath == "bookshelf.sqlite")
        #expect(options.logLevel == "info")
        #expect(options.publicURL == "http://127.0.0.1:8080")
        #expect(!options.isInMemory)
    }

    @Test func optionsReadEveryFlagInBothForms() throws {
        let command = try BookshelfOptions.parse([
            "--hostname", "0.0.0.0", "--port=8081", "--database", ":memory:", "--log-level", "DEBUG",
            "--public-url=https://books.example.com",
        ])
        let expected = BookshelfOptions(
            hostname: "0.0.0.0",
            port: 8081,
            databasePath: ":memory:",
            logLevel: "debug",
            publicURL: "https://books.example.com"
        )
        #expect(command == .serve(expected))
        #expect(expected.isInMemory)
        #expect(try BookshelfOptions.parse(["-p", "9000", "-H", "::1"]) == .serve(BookshelfOptions(hostname: "::1", port: 9000)))
        #expect(BookshelfOptions(hostname: "::1", port: 9000).publicURL == "http://[::1]:9000")
        #expect(BookshelfOptions(port: 8081).publicURL == "http://127.0.0.1:8081")
        #expect(try BookshelfOptions.parse(["--port", "1", "--help"]) == .help)
    }

    @Test(arguments: [
        ["--port"], ["--port", "http"], ["--port", "70000"], ["--log-level", "loud"], ["--verbose"],
        ["--public-url", "ftp://x"], ["--database", ""], ["serve"],
    ])
    func badFlagsAreUsageErrors(arguments: [String]) {
        #expect(throws: BookshelfOptions.UsageError.self) { try BookshelfOptions.parse(arguments) }
    }

    @Test func theRegistryHasEveryTypeWithAGermanTitleUnderThePublicURL() throws {
        let registry = try BookshelfRegistry.make(publicURL: "http://127.0.0.1:8081/")
        #expect(registry.types.count == 12)
        #expect(registry.languages == ["en", "de"])
        for type in registry.types {
            #expect(type.localizedTitle(in: "de") != nil, "\(type.reference)")
            #expect(registry.typeURI(of: type) == "http://127.0.0.1:8081" + type.reference)
        }
        #expect(registry.type(forSlug: "conflict")?.members.map(\.name) == ["conflicting_id"])
        #expect(registry.localizedStatusTitles["de"] == [404: "Nicht gefunden", 405: "Methode nicht erlaubt", 413: "Inhalt zu groß"])
        #expect(registry.nameIssues().isEmpty)
        #expect(throws: ProblemRegistry.RegistrationError.self) { try BookshelfRegistry.make(publicURL: "not a url") }
    }

    @Test func theLimiterAllowsTheLimitPerKeyAndWindow() async throws {
        let limiter = FixedWindowRateLimiter(limit: 2, window: .seconds(1))
        #expect(await limiter.acquire(key: "a").isAllowed)
        let second = await limiter.acquire(key: "a")
        #expect(second.isAllowed)
        #expect(second.remaining == 0)
        let third = await limiter.acquire(key: "a")
        #expect(!third.isAllowed)
        #expect(third.resetSeconds == 1)
        #expect(await limiter.acquire(key: "b").isAllowed)
        try await Task.sleep(for: .milliseconds(1100))
        let renewed = await limiter.acquire(key: "a")
        #expect(renewed.isAllowed)
        #expect(renewed.remaining == 1)
    }

    @Test func theRouteTimeLimitAnswersWithTheWorksResultOrA504() async throws {
        #expect(try await RouteTimeLimit.run(.seconds(5)) { 7 } == 7)
        await #expect(throws: Problem.self) {
            try await RouteTimeLimit.run(.milliseconds(50)) {
                try await Task.sleep(for: .seconds(30))
                return 1
            }
        }
    }

    @Test func theRouteTimeLimitPassesTheCallersCancellationOn() async {
        let call = Task {
            try await RouteTimeLimit.run(.seconds(60)) {
                try await Task.sleep(for: .seconds(60))
                return 1
            }
        }
        try? await Task.sleep(for: .milliseconds(50))
        call.cancel()
        // Without passing cancellation on, the work would sleep its minute and then succeed.
        let result = await call.result
        #expect((try? result.get()) == nil)
    }

    @Test func theLimiterIsSafeUnderConcurrency() async {
        let limiter = FixedWindowRateLimiter(limit: 10, window: .seconds(60))
        let allowed = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<100 { group.addTask { await limiter.acquire(key: "k").isAllowed } }
            var count = 0
            for await isAllowed in group where isAllowed { count += 1 }
            return count
        }
        #expect(allowed == 10)
    }

    @Test func rateLimitFieldsFollowTheDraft() {
        let decision = RateLimitDecision(isAllowed: false, limit: 3, remaining: 0, resetSeconds: 42, windowSeconds: 60)
        #expect(decision.policyField(policy: "default") == #""default";q=3;w=60"#)
        #expect(decision.rateLimitField(policy: "default") == #""default";r=0;t=42"#)
        #expect(decision.policyField(policy: #"a"b"#) == #""a\"b";q=3;w=60"#)
    }

    @Test func adminAccessNeedsTheAdministratorsToken() throws {
        #expect(try AdminAccess.authorize("Bearer admin") == "admin")
        #expect(try AdminAccess.authorize("bearer  admin") == "admin")
        for missing in [nil, "", "Bearer", "Basic YWRtaW4=", "Bearer nobody"] as [String?] {
            #expect {
                try AdminAccess.authorize(missing)
            } throws: { error in
                let problem = error as? Problem
                return problem?.status == .unauthorized
                    && problem?.headers[.wwwAuthenticate]?.hasPrefix(#"Bearer realm="bookshelf""#) == true
            }
        }
        #expect {
            try AdminAccess.authorize("Bearer reader")
        } throws: { error in
            (error as? Problem)?.status == .forbidden
        }
    }
}
