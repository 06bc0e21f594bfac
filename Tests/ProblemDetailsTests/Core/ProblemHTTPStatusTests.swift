import HTTPTypes
import ProblemDetails
import Testing

@Suite struct ProblemHTTPStatusTests {
    @Test(arguments: [
        (401, "/problems/unauthorized"), (403, "/problems/forbidden"), (409, "/problems/conflict"),
        (415, "/problems/unsupported-media-type"), (429, "/problems/rate-limit-exceeded"),
        (500, "/problems/internal-error"), (503, "/problems/service-unavailable"), (504, "/problems/timeout"),
        (400, "about:blank"), (404, "about:blank"), (405, "about:blank"), (413, "about:blank"), (418, "about:blank"),
    ])
    func statusChoosesTheType(code: Int, type: String) {
        let problem = Problem.httpError(status: HTTPResponse.Status(code: code))
        #expect(problem.type == type)
        #expect(problem.status?.code == code)
    }

    @Test func reasonIsTheDetailOfClientErrorsOnly() {
        #expect(Problem.httpError(status: .badRequest, reason: "The id is not a UUID.").detail == "The id is not a UUID.")
        #expect(Problem.httpError(status: .internalServerError, reason: "db password wrong").detail == nil)
        #expect(Problem.httpError(status: .badGateway, reason: "upstream 10.0.0.3 refused").detail == nil)
    }

    @Test func reasonThatRepeatsThePhraseIsDropped() {
        #expect(Problem.httpError(status: .notFound, reason: "Not Found").detail == nil)
        #expect(Problem.httpError(status: .contentTooLarge, reason: "Payload Too Large").detail == nil)
        #expect(Problem.httpError(status: .notFound, reason: "").detail == nil)
    }

    @Test func phraseIsMatchedIgnoringASCIICaseOnly() {
        #expect(Problem.httpError(status: .notFound, reason: "NOT FOUND").detail == nil)
        #expect(Problem.httpError(status: .contentTooLarge, reason: "payload too LARGE").detail == nil)
        #expect(Problem.httpError(status: .unprocessableContent, reason: "unprocessable entity").detail == nil)
        // Same letters after case folding only by accident of the bit trick: `@` and `` ` ``, `[`
        // and `{` differ in bit 5 like cases do, but are not letters.
        #expect(Problem.httpError(status: .notFound, reason: "Not@Found").detail == "Not@Found")
        #expect(Problem.httpError(status: .notFound, reason: "Not Found.").detail == "Not Found.")
        #expect(Problem.httpError(status: .notFound, reason: "Not Foun").detail == "Not Foun")
        #expect(Problem.httpError(status: .notFound, reason: "Not Ｆound").detail == "Not Ｆound")
        #expect(Problem.httpError(status: .conflict, reason: "Conflict\u{0}").detail == "Conflict\u{0}")
    }

    @Test func headersAreKeptButNotTheFrameworksContentType() {
        let problem = Problem.httpError(
            status: .unauthorized,
            headers: [.wwwAuthenticate: "Bearer", .contentType: "application/json", .contentLength: "12"]
        )
        #expect(problem.headers[.wwwAuthenticate] == "Bearer")
        #expect(problem.headers[.contentType] == nil)
        #expect(problem.headers[.contentLength] == nil)
    }

    @Test func statusesThatAreNotErrorsBecome500() {
        #expect(Problem.httpError(status: .ok).status == .internalServerError)
    }
}
