import HTTPTypes
import ProblemDetails
import Testing

@Suite struct ProblemTests {
    @Test func defaultTypeIsAboutBlank() {
        let problem = Problem()
        #expect(problem.type == "about:blank")
        #expect(problem.isAboutBlank)
        #expect(problem.title == nil)
    }

    @Test(arguments: [
        (422, "Unprocessable Content"), (413, "Content Too Large"), (404, "Not Found"),
        (405, "Method Not Allowed"), (429, "Too Many Requests"), (500, "Internal Server Error"),
        (418, nil), (421, "Misdirected Request"), (451, "Unavailable For Legal Reasons"),
        (511, "Network Authentication Required"), (425, "Too Early"), (103, "Early Hints"),
    ] as [(Int, String?)])
    func aboutBlankTitleIsTheStatusPhrase(code: Int, phrase: String?) {
        let problem = Problem(status: HTTPResponse.Status(code: code))
        #expect(problem.title == phrase)
    }

    @Test func explicitTitleWinsOverStatusPhrase() {
        let problem = Problem(title: "Nope", status: .notFound)
        #expect(problem.title == "Nope")
    }

    @Test func typedProblemHasNoPhraseTitle() {
        let problem = Problem(type: "https://example.com/probs/x", status: .notFound)
        #expect(problem.title == nil)
    }

    @Test func problemFromTypeTakesItsTitleAndStatus() {
        let problem = Problem(.validationError, detail: "bad")
        #expect(problem.type == "/problems/validation-error")
        #expect(problem.title == ProblemType.validationError.title)
        #expect(problem.status == .unprocessableContent)
        #expect(problem.detail == "bad")
    }

    @Test func problemIsThrowable() {
        #expect(throws: Problem(.notFound)) {
            throw Problem(.notFound)
        }
    }

    @Test func equalityReadsTitlesThroughTheStatusPhrase() {
        #expect(Problem(status: .notFound) == Problem(title: "Not Found", status: .notFound))
        #expect(Problem(status: .notFound) != Problem(title: "Gone", status: .notFound))
        let set: Set<Problem> = [Problem(status: .notFound), Problem(title: "Not Found", status: .notFound)]
        #expect(set.count == 1)
    }

    @Test func equalityIncludesExtensionsAndHeaders() {
        var one = Problem(status: .badRequest)
        var two = one
        one.extensions["a_b_c"] = 1
        #expect(one != two)
        two.extensions["a_b_c"] = 1
        #expect(one == two)
        two.headers[.retryAfter] = "3"
        #expect(one != two)
    }

    @Test func descriptionIsOneLineForLogs() {
        let problem = Problem(status: .notFound, detail: "No such book")
        #expect(problem.description == "404 about:blank \"Not Found\": No such book")
    }

    @Test func retryAfterKeepsMemberAndHeaderEqual() {
        var problem = Problem.rateLimitExceeded(retryAfter: 30)
        #expect(problem.headers[.retryAfter] == "30")
        #expect(problem.extensions["retry_after"] == 30)
        problem.retryAfter = 5
        #expect(problem.headers[.retryAfter] == "5")
        #expect(problem.extensions["retry_after"] == 5)
        problem.retryAfter = nil
        #expect(problem.headers[.retryAfter] == nil)
        #expect(problem.extensions["retry_after"] == nil)
    }

    @Test func retryAfterPrefersTheHeaderField() {
        var problem = Problem(.rateLimitExceeded, extensions: ["retry_after": 10], headers: [.retryAfter: "20"])
        #expect(problem.retryAfter == 20)
        problem.headers[.retryAfter] = nil
        #expect(problem.retryAfter == 10)
    }

    @Test func errorsRoundTripThroughTheExtensionMember() {
        var problem = Problem(.validationError)
        problem.errors = [
            Violation(detail: "must be positive", pointer: ["age"]),
            Violation(detail: "must be a UUID", parameter: "id"),
            Violation(detail: "must be set", header: "X-Client-ID"),
        ]
        #expect(
            problem.extensions["errors"]
                == [
                    ["detail": "must be positive", "pointer": "#/age"],
                    ["detail": "must be a UUID", "parameter": "id"],
                    ["detail": "must be set", "header": "X-Client-ID"],
                ]
        )
        #expect(problem.errors.count == 3)
        problem.errors = []
        #expect(problem.extensions["errors"] == nil)
    }

    @Test func wellKnownFactoriesSetTheirHeaders() {
        #expect(Problem.unauthorized(challenge: "Bearer realm=\"x\"").headers[.wwwAuthenticate] == "Bearer realm=\"x\"")
        let notAllowed = Problem.methodNotAllowed(allowedMethods: [.get, .head])
        #expect(notAllowed.headers[.allow] == "GET, HEAD")
        #expect(notAllowed.title == "Method Not Allowed")
        #expect(Problem.serviceUnavailable(retryAfter: 120).extensions["retry_after"] == 120)
        #expect(Problem.timeout(seconds: 1).extensions["timeout_seconds"] == 1)
        #expect(Problem.timeout(seconds: 1.5).extensions["timeout_seconds"] == 1.5)
        let notFound = Problem.notFound(resource: "book", id: "42")
        #expect(notFound.extensions["resource"] == "book")
        #expect(notFound.extensions["resource_id"] == "42")
        let parameter = Problem.invalidParameter("id", detail: "must be a UUID")
        #expect(parameter.errors == [Violation(detail: "must be a UUID", parameter: "id")])
        #expect(parameter.status == .badRequest)
    }

    @Test func validationFailedCountsItsViolations() {
        let one = Problem.validationFailed([Violation(detail: "x", pointer: ["a"])])
        #expect(one.detail == "One value in the request is not valid.")
        let two = Problem.validationFailed([Violation(detail: "x", pointer: ["a"]), Violation(detail: "y", pointer: ["b"])])
        #expect(two.detail == "2 values in the request are not valid.")
        #expect(two.status == .unprocessableContent)
    }
}

extension ProblemTests {
    @Test(arguments: ["+5", "-5", "5 s", "0x10", "", "1.5", "9e9"])
    func retryAfterThatIsNotDelaySecondsIsNotReadAsSeconds(field: String) {
        let problem = Problem(.rateLimitExceeded, headers: [.retryAfter: field])
        #expect(problem.retryAfter == nil)
    }
}
