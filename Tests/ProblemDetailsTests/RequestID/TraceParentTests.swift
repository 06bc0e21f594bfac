import ProblemDetails
import Testing

@Suite struct TraceParentTests {
    private static let example = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"

    @Test func parsesTheSpecificationsExample() throws {
        let traceParent = try #require(TraceParent(parsing: Self.example))
        #expect(traceParent.version == 0)
        #expect(traceParent.traceID == "0af7651916cd43dd8448eb211c80319c")
        #expect(traceParent.parentID == "b7ad6b7169203331")
        #expect(traceParent.flags == 0x01)
        #expect(traceParent.isSampled)
    }

    @Test func readsTheSampledFlagFromTheLowestBit() throws {
        let unsampled = try #require(TraceParent(parsing: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00"))
        #expect(!unsampled.isSampled)
        let otherFlags = try #require(TraceParent(parsing: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-fe"))
        #expect(otherFlags.flags == 0xFE)
        #expect(!otherFlags.isSampled)
    }

    @Test func trimsSpacesAndTabs() throws {
        let traceParent = try #require(TraceParent(parsing: " \t\(Self.example)\t "))
        #expect(traceParent.traceID == "0af7651916cd43dd8448eb211c80319c")
    }

    @Test(arguments: [
        "00-00000000000000000000000000000000-b7ad6b7169203331-01",
        "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01",
    ])
    func rejectsAllZeroIdentifiers(_ text: String) {
        #expect(TraceParent(parsing: text) == nil)
    }

    @Test(arguments: [
        "", "00", "0-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        "00-0af7651916cd43dd8448eb211c80319-b7ad6b7169203331-01",
        "00-0af7651916cd43dd8448eb211c80319c0-b7ad6b7169203331-01",
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b716920333-01",
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b71692033310-01",
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-1",
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-001",
    ])
    func rejectsFieldsOfTheWrongLength(_ text: String) {
        #expect(TraceParent(parsing: text) == nil)
    }

    @Test(arguments: [
        "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01",
        "00-0af7651916cd43dd8448eb211c80319c-B7AD6B7169203331-01",
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-0A",
        "0A-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    ])
    func rejectsUppercaseHexadecimal(_ text: String) {
        #expect(TraceParent(parsing: text) == nil)
    }

    @Test(arguments: [
        "00-0af7651916cd43dd8448eb211c80319g-b7ad6b7169203331-01",
        "00_0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        "00-0af7651916cd43dd8448eb211c80319c_b7ad6b7169203331-01",
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331_01",
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b716920333 -01",
        "00-0af7651916cd43dd8448eb211c8031é-b7ad6b7169203331-01",
        "\n00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    ])
    func rejectsCharactersOtherThanHexadecimalDigitsAndHyphens(_ text: String) {
        #expect(TraceParent(parsing: text) == nil)
    }

    @Test func rejectsVersionFF() {
        #expect(TraceParent(parsing: "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01") == nil)
        #expect(TraceParent(parsing: "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra") == nil)
    }

    @Test func rejectsExtraDataAfterVersion00() {
        #expect(TraceParent(parsing: Self.example + "-extra") == nil)
        #expect(TraceParent(parsing: Self.example + "0") == nil)
    }

    @Test func parsesTheKnownFieldsOfAFutureVersionAndIgnoresTheRest() throws {
        let exact = try #require(TraceParent(parsing: "cc-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
        #expect(exact.version == 0xCC)
        let extended = try #require(
            TraceParent(parsing: "cc-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-what-the-future-holds")
        )
        #expect(extended.traceID == "0af7651916cd43dd8448eb211c80319c")
        #expect(extended.parentID == "b7ad6b7169203331")
        #expect(extended.isSampled)
    }

    @Test func requiresAHyphenBeforeTheFieldsOfAFutureVersion() {
        #expect(TraceParent(parsing: "cc-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01.future") == nil)
        #expect(TraceParent(parsing: "cc-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-010") == nil)
    }

    @Test func comparesByValue() {
        #expect(TraceParent(parsing: Self.example) == TraceParent(parsing: " \(Self.example)"))
    }
}
