import ProblemDetails
import Testing

@Suite struct HTTPDateTests {
    // RFC 9110 §5.6.7's example, in its three forms.
    static let example: Int64 = 784_111_777

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
    ])
    func readsAllThreeForms(text: String) {
        #expect(HTTPDate(text)?.secondsSince1970 == Self.example)
    }

    @Test func writesIMFFixdate() {
        #expect(HTTPDate(secondsSince1970: Self.example).description == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate(secondsSince1970: 0).description == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate(secondsSince1970: 951_782_400).description == "Tue, 29 Feb 2000 00:00:00 GMT")
        #expect(HTTPDate(secondsSince1970: -1).description == "Wed, 31 Dec 1969 23:59:59 GMT")
    }

    @Test func roundTripsAcrossCenturiesAndLeapDays() {
        for seconds in stride(from: Int64(-5_000_000_000), through: 10_000_000_000, by: 86_399 * 37) {
            let date = HTTPDate(secondsSince1970: seconds)
            #expect(HTTPDate(date.description) == date)
        }
    }

    @Test(arguments: [
        "", "Sun, 6 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 31 Feb 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:49:37 GMT ", "Mon, 29 Feb 2100 00:00:00 GMT",
        "Sunday, 06-Nov-1994 08:49:37 GMT", "Sun Nov 06 08:49:37 94", "120", "Xyz, 06 Nov 1994 08:49:37 GMT",
    ])
    func refusesWhatIsNotAnHTTPDate(text: String) {
        #expect(HTTPDate(text) == nil)
    }

    @Test func twoDigitYearsStayWithinFiftyYears() {
        let now = HTTPDate("Sat, 21 Nov 2026 00:00:00 GMT")!
        #expect(HTTPDate("Monday, 01-Jan-30 00:00:00 GMT", now: now)?.description == "Tue, 01 Jan 2030 00:00:00 GMT")
        #expect(HTTPDate("Monday, 01-Jan-99 00:00:00 GMT", now: now)?.description == "Fri, 01 Jan 1999 00:00:00 GMT")
        // Fifty calendar years, not 50 × 365 days, which fall twelve leap days short.
        #expect(HTTPDate("Sunday, 15-Nov-76 00:00:00 GMT", now: now)?.description == "Sun, 15 Nov 2076 00:00:00 GMT")
        #expect(HTTPDate("Saturday, 21-Nov-76 00:00:00 GMT", now: now)?.description == "Sat, 21 Nov 2076 00:00:00 GMT")
        #expect(HTTPDate("Saturday, 21-Nov-76 00:00:01 GMT", now: now)?.description == "Sun, 21 Nov 1976 00:00:01 GMT")
    }

    @Test func extremeValuesNeitherCrashNorLie() {
        for seconds in [Int64.min, Int64.min + 1, Int64.max, Int64.max - 1] {
            let date = HTTPDate(secondsSince1970: seconds)
            #expect(!date.description.isEmpty)
            #expect(RetryAfter.date(date).delay(from: HTTPDate(secondsSince1970: ~seconds)) >= 0)
        }
        #expect(RetryAfter.date(HTTPDate(secondsSince1970: .max)).delay(from: HTTPDate(secondsSince1970: .min)) == Int.max)
        #expect(RetryAfter.date(HTTPDate(secondsSince1970: .min)).delay(from: HTTPDate(secondsSince1970: .max)) == 0)
        #expect(HTTPDate("Monday, 01-Jan-30 00:00:00 GMT", now: HTTPDate(secondsSince1970: .max)) != nil)
        // Two-digit years placed beside the earliest `now` fall before any Int64 can count.
        _ = HTTPDate("Monday, 01-Jan-30 00:00:00 GMT", now: HTTPDate(secondsSince1970: .min))
    }
}
