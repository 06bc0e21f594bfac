import HTTPTypes
import ProblemDetails
import Testing

@Suite struct RetryAfterTests {
    static let date = "Fri, 31 Dec 1999 23:59:59 GMT"

    @Test func headerAndMemberAreOneValue() {
        #expect(Problem(headers: [.retryAfter: "120"]).retryAfter == .seconds(120))
        #expect(Problem(extensions: ["retry_after": 120]).retryAfter == .seconds(120))
        #expect(Problem(extensions: ["retry_after": 1.2]).retryAfter == .seconds(2))
        #expect(Problem(extensions: ["retry_after": .string("30")]).retryAfter == .seconds(30))
        let fromHeader = Problem(headers: [.retryAfter: Self.date]).retryAfter
        #expect(fromHeader == .date(HTTPDate(Self.date)!))
        let fromMember = Problem(extensions: ["retry_after": .string(Self.date)]).retryAfter
        #expect(fromMember == fromHeader)
    }

    @Test func theHeaderFieldWins() {
        let problem = Problem(extensions: ["retry_after": 10], headers: [.retryAfter: "20"])
        #expect(problem.retryAfter == 20)
    }

    @Test func unreadableValuesAreIgnored() {
        #expect(Problem(headers: [.retryAfter: "soon"]).retryAfter == nil)
        #expect(Problem(extensions: ["retry_after": -5]).retryAfter == nil)
        #expect(Problem(extensions: ["retry_after": true]).retryAfter == nil)
        // An unreadable header falls back to a readable member.
        #expect(Problem(extensions: ["retry_after": 9], headers: [.retryAfter: "soon"]).retryAfter == 9)
    }

    /// delay-seconds is `1*DIGIT` with no limit (RFC 9110 §10.2.3): a long or zero-padded value is
    /// a delay, capped as RFC 9111 §1.2.2 caps delta-seconds, never "retry now".
    @Test func longAndZeroPaddedDelaysAreReadAndCapped() {
        let most = RetryAfter.seconds(RetryAfter.maximumSeconds)
        #expect(Problem(headers: [.retryAfter: "0000000000000000120"]).retryAfter == 120)
        #expect(Problem(headers: [.retryAfter: "99999999999999999999"]).retryAfter == most)
        #expect(Problem(headers: [.retryAfter: "2147483649"]).retryAfter == most)
        #expect(Problem(headers: [.retryAfter: "2147483647"]).retryAfter == 2_147_483_647)
        #expect(Problem(extensions: ["retry_after": 1e15]).retryAfter == most)
        #expect(Problem(extensions: ["retry_after": .integer(.max)]).retryAfter == most)
        #expect(Problem(extensions: ["retry_after": .bigNumber("99999999999999999999")]).retryAfter == most)
        #expect(Problem(extensions: ["retry_after": .bigNumber("1e400")]).retryAfter == most)
        #expect(Problem(extensions: ["retry_after": .bigNumber("12345678901234567890.5")]).retryAfter == most)
        #expect(Problem(extensions: ["retry_after": .bigNumber("1e-400")]).retryAfter == 0)
        #expect(Problem(extensions: ["retry_after": .bigNumber("-99999999999999999999")]).retryAfter == nil)
        #expect(Problem(extensions: ["retry_after": .double(.nan)]).retryAfter == nil)
    }

    @Test func settingADateWritesBoth() {
        var problem = Problem()
        problem.retryAfter = .date(HTTPDate(Self.date)!)
        #expect(problem.headers[.retryAfter] == Self.date)
        #expect(problem.extensions["retry_after"] == .string(Self.date))
        problem.retryAfter = nil
        #expect(problem.headers[.retryAfter] == nil)
        #expect(problem.extensions["retry_after"] == nil)
    }

    @Test func delayCountsFromNow() {
        let now = HTTPDate(Self.date)!
        #expect(RetryAfter.seconds(30).delay(from: now) == 30)
        #expect(RetryAfter.date(HTTPDate(secondsSince1970: now.secondsSince1970 + 90)).delay(from: now) == 90)
        #expect(RetryAfter.date(HTTPDate(secondsSince1970: now.secondsSince1970 - 90)).delay(from: now) == 0)
    }

    @Test func fieldValuesParse() {
        #expect(RetryAfter(fieldValue: " 42 ") == .seconds(42))
        #expect(RetryAfter(fieldValue: "-1") == nil)
        #expect(RetryAfter(fieldValue: "1.5") == nil)
        #expect(RetryAfter(fieldValue: Self.date)?.fieldValue == Self.date)
    }
}
