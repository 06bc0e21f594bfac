import ProblemDetails
import Testing

@Suite struct RequestIDTests {
    @Test(arguments: [
        "a", "abc-123", "ABC_def.ghi:jkl-0", "0af7651916cd43dd8448eb211c80319c", "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        String(repeating: "x", count: RequestID.maximumLength),
    ])
    func acceptsIdentifiersFromTheAllowedAlphabet(_ text: String) throws {
        let id = try #require(RequestID(validating: text))
        #expect(id.value == text)
        #expect(id.description == text)
    }

    @Test(arguments: [
        "", " ", "a b", " abc", "abc ", "abc\r\nX-Injected: 1", "abc\n", "a\tb", "a/b", "a\\b", "a\"b", "a<b>",
        "a%20b", "a+b", "a,b", "a;b", "a=b", "é", "a\u{0}b", "👍",
        String(repeating: "x", count: RequestID.maximumLength + 1),
    ])
    func rejectsIdentifiersOutsideTheAllowedAlphabetOrLength(_ text: String) {
        #expect(RequestID(validating: text) == nil)
    }

    @Test func generatesThirtyTwoLowercaseHexadecimalCharacters() {
        let id = RequestID.generate()
        #expect(id.value.utf8.count == 32)
        #expect(id.value.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) })
    }

    @Test func generatesUniqueIdentifiersThatValidate() {
        var seen = Set<RequestID>()
        for _ in 0..<10_000 {
            let id = RequestID.generate()
            #expect(RequestID(validating: id.value) == id)
            seen.insert(id)
        }
        #expect(seen.count == 10_000)
    }

    @Test func usesEveryHexadecimalDigitInEveryPosition() {
        var digitsByPosition = Array(repeating: Set<UInt8>(), count: 32)
        for _ in 0..<2_000 {
            for (position, digit) in RequestID.generate().value.utf8.enumerated() {
                digitsByPosition[position].insert(digit)
            }
        }
        #expect(digitsByPosition.allSatisfy { $0.count == 16 })
    }
}
