import HTTPTypes
import ProblemDetails
import Testing

@Suite struct ProblemJSONDecoderTests {
    let decoder = ProblemJSONDecoder()

    /// RFC 9457 §3's first example.
    static let outOfCredit = """
        {
         "type": "https://example.com/probs/out-of-credit",
         "title": "You do not have enough credit.",
         "detail": "Your current balance is 30, but that costs 50.",
         "instance": "/account/12345/msgs/abc",
         "balance": 30,
         "accounts": ["/account/12345",
                      "/account/67890"]
        }
        """

    /// RFC 9457 §3's validation example.
    static let validation = """
        {
        "type": "https://example.net/validation-error",
        "title": "Your request is not valid.",
        "errors": [
                    {
                      "detail": "must be a positive integer",
                      "pointer": "#/age"
                    },
                    {
                      "detail": "must be 'green', 'red' or 'blue'",
                      "pointer": "#/profile/color"
                    }
                  ]
        }
        """

    @Test func readsTheRFCExample() throws {
        let decoded = try decoder.decode(Self.outOfCredit)
        #expect(decoded.diagnostics.isEmpty)
        let problem = decoded.problem
        #expect(problem.type == "https://example.com/probs/out-of-credit")
        #expect(problem.title == "You do not have enough credit.")
        #expect(problem.detail == "Your current balance is 30, but that costs 50.")
        #expect(problem.instance == "/account/12345/msgs/abc")
        #expect(problem.status == nil)
        #expect(problem.extensions["balance"] == 30)
        #expect(problem.extensions["accounts"] == ["/account/12345", "/account/67890"])
    }

    @Test func rfcExamplesRoundTrip() throws {
        for example in [Self.outOfCredit, Self.validation] {
            let problem = try decoder.decode(example).problem
            let again = try decoder.decode(ProblemJSONEncoder().encode(problem)).problem
            #expect(again == problem)
        }
        let validation = try decoder.decode(Self.validation).problem
        #expect(validation.errors.map { $0.location?.pointer } == [["age"], ["profile", "color"]])
    }

    @Test func absentTypeMeansAboutBlank() throws {
        let problem = try decoder.decode(#"{"status": 404}"#).problem
        #expect(problem.isAboutBlank)
        #expect(problem.title == "Not Found")
    }

    @Test func emptyTypeReadsAsAboutBlankWithADiagnostic() throws {
        let decoded = try decoder.decode(#"{"type": ""}"#)
        #expect(decoded.problem.isAboutBlank)
        #expect(decoded.diagnostics.map(\.member) == ["type"])
    }

    @Test(arguments: [
        (#"{"type": 5}"#, "type"), (#"{"title": ["x"]}"#, "title"), (#"{"status": "404"}"#, "status"),
        (#"{"status": 404.0}"#, "status"), (#"{"status": 99}"#, "status"), (#"{"status": 600}"#, "status"),
        (#"{"status": 1e400}"#, "status"), (#"{"detail": null}"#, "detail"), (#"{"instance": {}}"#, "instance"),
        (#"{"status": true}"#, "status"),
    ])
    func membersOfTheWrongTypeAreIgnoredAndReported(json: String, member: String) throws {
        let decoded = try decoder.decode(json)
        #expect(decoded.diagnostics.count == 1)
        #expect(decoded.diagnostics.first?.member == member)
        #expect(decoded.diagnostics.first?.message.contains("ignored") == true)
        let problem = decoded.problem
        #expect(problem.isAboutBlank && problem.status == nil && problem.detail == nil && problem.instance == nil)
        #expect(problem.extensions.isEmpty)
    }

    @Test func processingContinuesPastAWrongMember() throws {
        let problem = try decoder.decode(#"{"status": "bad", "title": "Still read", "detail": "ok"}"#).problem
        #expect(problem.title == "Still read")
        #expect(problem.detail == "ok")
    }

    @Test func relativeReferencesResolveAgainstTheBaseURI() throws {
        let decoded = try decoder.decode(
            #"{"type": "/problems/out-of-stock", "instance": "../orders/7"}"#,
            baseURI: "https://shop.example/api/orders/5"
        )
        #expect(decoded.problem.type == "https://shop.example/problems/out-of-stock")
        #expect(decoded.problem.instance == "https://shop.example/api/orders/7")
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test func absoluteReferencesAreKeptAndRelativeOnesWithoutBaseToo() throws {
        let decoded = try decoder.decode(#"{"type": "tag:example@example.org,2021-09-17:OutOfLuck", "instance": "x"}"#)
        #expect(decoded.problem.type == "tag:example@example.org,2021-09-17:OutOfLuck")
        #expect(decoded.problem.instance == "x")
    }

    @Test func aRelativeBaseIsIgnoredWithADiagnostic() throws {
        let decoded = try decoder.decode(#"{"type": "/p"}"#, baseURI: "/relative")
        #expect(decoded.problem.type == "/p")
        #expect(decoded.diagnostics.count == 1)
        #expect(decoded.diagnostics.first?.member == nil)
    }

    @Test func typeThatIsNotAURIReferenceIsKeptWithADiagnostic() throws {
        let decoded = try decoder.decode(#"{"type": "not a uri"}"#)
        #expect(decoded.problem.type == "not a uri")
        #expect(decoded.diagnostics.map(\.member) == ["type"])
    }

    @Test func unknownExtensionsAreKeptIntactAndInOrder() throws {
        let problem = try decoder.decode(#"{"z": {"nested": [1, 2.5, "x", null, true]}, "a-b": false, "type": "about:blank"}"#).problem
        #expect(problem.extensions.map(\.name) == ["z", "a-b"])
        #expect(problem.extensions["z"] == ["nested": [1, 2.5, "x", .null, true]])
    }

    @Test func duplicateMembersKeepTheLastValueWithADiagnostic() throws {
        let decoded = try decoder.decode(#"{"status": 400, "x_y": 1, "status": 404, "x_y": 2}"#)
        #expect(decoded.problem.status == .notFound)
        #expect(decoded.problem.extensions["x_y"] == 2)
        #expect(decoded.diagnostics.count == 2)
        let nested = try decoder.decode(#"{"outer": {"k": 1, "k": 2}}"#)
        #expect(nested.problem.extensions["outer"] == ["k": 2])
        #expect(nested.diagnostics.map(\.member) == ["outer"])
    }

    /// RFC 8259 §8.3 compares names code unit by code unit, as JavaScript does; Swift's `==`
    /// would call "é" and "e" with a combining accent one name and drop a member.
    @Test func namesThatDifferOnlyInNormalisationAreDifferentMembers() throws {
        let precomposed = "\u{E9}"
        let decomposed = "e\u{301}"
        for filler in [0, 20] {
            // Twenty members first, so that the names are also told apart past the linear scan.
            let members = (0..<filler).map { "\"m\($0)\": 0, " }.joined()
            let decoded = try decoder.decode(
                "{" + members + "\"\(precomposed)\": 1, \"\(decomposed)\": 2, \"\(precomposed)\": 3}")
            let names = decoded.problem.extensions.map(\.name).suffix(2)
            #expect(names.map { Array($0.utf8) } == [Array(precomposed.utf8), Array(decomposed.utf8)])
            #expect(decoded.problem.extensions.map(\.value).suffix(2) == [3, 2])
            #expect(decoded.diagnostics.count == 1)
        }
        let escaped = try decoder.decode(#"{"\u00e9": 1, "e\u0301": 2}"#)
        #expect(escaped.problem.extensions.count == 2)
        #expect(escaped.diagnostics.isEmpty)
    }

    @Test func manyDuplicateMembersStayFast() throws {
        let members = (0..<20_000).map { "\"m\($0 % 100)\": \($0)" }.joined(separator: ",")
        let decoded = try decoder.decode("{" + members + "}")
        #expect(decoded.problem.extensions.count == 100)
        #expect(decoded.problem.extensions["m99"] == 19_999)
    }

    @Test func integersStayExactBeyondTwoToThe53() throws {
        let problem = try decoder.decode(
            #"{"a_b": 9007199254740993, "big": 18446744073709551616, "neg": -9223372036854775809, "min": -9223372036854775808, "exp": 1e400, "tiny": 1e-400, "zero": 0e-400, "frac": 0.1}"#
        ).problem
        #expect(problem.extensions["a_b"] == .integer(9_007_199_254_740_993))
        #expect(problem.extensions["big"] == .bigNumber("18446744073709551616"))
        #expect(problem.extensions["neg"] == .bigNumber("-9223372036854775809"))
        #expect(problem.extensions["min"] == .integer(Int.min))
        #expect(problem.extensions["exp"] == .bigNumber("1e400"))
        #expect(problem.extensions["tiny"] == .bigNumber("1e-400"))
        #expect(problem.extensions["zero"] == .double(0))
        #expect(problem.extensions["frac"] == .double(0.1))
        let again = String(decoding: ProblemJSONEncoder().encode(problem), as: UTF8.self)
        #expect(again.contains("18446744073709551616") && again.contains("-9223372036854775809") && again.contains("1e400"))
    }

    @Test func aLeadingByteOrderMarkIsSkipped() throws {
        let decoded = try decoder.decode([0xEF, 0xBB, 0xBF] + Array(#"{"status": 410}"#.utf8))
        #expect(decoded.problem.status == .gone)
        #expect(decoded.diagnostics.count == 1)
    }

    @Test func utf16IsRefused() {
        #expect(throws: ProblemDecodingError.self) {
            try decoder.decode([0xFF, 0xFE, UInt8(ascii: "{"), 0, UInt8(ascii: "}"), 0])
        }
        #expect(throws: ProblemDecodingError.self) {
            try decoder.decode([UInt8(ascii: "{"), 0, UInt8(ascii: "}"), 0])
        }
    }

    @Test func invalidUTF8IsRefused() {
        do {
            _ = try decoder.decode([UInt8](#"{"detail": ""#.utf8) + [0xC3, 0x28] + [UInt8](#""}"#.utf8))
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.reason == .notUTF8)
        }
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        let decoded = try decoder.decode(#"{"detail": "a\ud800b\udc00c\ud83d\ude80"}"#)
        #expect(decoded.problem.detail == "a\u{FFFD}b\u{FFFD}c🚀")
        #expect(decoded.diagnostics.map(\.member) == ["detail"])
    }

    @Test func highSurrogateFollowedByAnotherEscapeKeepsThatEscape() throws {
        #expect(try decoder.decode(#"{"detail": "\ud800\u0041"}"#).problem.detail == "\u{FFFD}A")
    }

    @Test func escapesAreDecoded() throws {
        #expect(try decoder.decode(#"{"detail": "\"\\\/\b\f\n\r\t\u00e9\u20AC"}"#).problem.detail == "\"\\/\u{8}\u{C}\n\r\té€")
    }

    @Test func depthIsLimited() throws {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        do {
            _ = try decoder.decode(#"{"x_y": "# + deep + "}")
            Issue.record("a 41-level document was accepted")
        } catch {
            #expect(error.reason == .tooDeep)
        }
        let allowed = String(repeating: "[", count: 31) + String(repeating: "]", count: 31)
        #expect(throws: Never.self) { try decoder.decode(#"{"x_y": "# + allowed + "}") }
    }

    @Test func deepNestingOfAMillionLevelsFailsFastWithoutOverflowingTheStack() {
        let deep = String(repeating: "[", count: 1_000_000)
        let decoder = ProblemJSONDecoder(maximumSize: 2_000_000)
        #expect(throws: ProblemDecodingError.self) { try decoder.decode(#"{"a": "# + deep) }
    }

    @Test func sizeIsLimited() {
        let decoder = ProblemJSONDecoder(maximumSize: 64)
        do {
            _ = try decoder.decode(#"{"detail": ""# + String(repeating: "x", count: 100) + #""}"#)
            Issue.record("an oversized document was accepted")
        } catch {
            #expect(error.reason == .tooLarge)
        }
    }

    @Test(arguments: [#"[]"#, #""text""#, "42", "null", "true"])
    func documentsThatAreNotObjectsAreNotProblems(json: String) {
        do {
            _ = try decoder.decode(json)
            Issue.record("\(json) was accepted")
        } catch {
            #expect(error.reason == .notAProblem)
        }
    }

    @Test(arguments: [
        "", "{", "{\"a\"", "{\"a\":}", "{\"a\":1,}", "{'a':1}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":-}",
        "{\"a\":1e}", "{\"a\":tru}", "{\"a\":\"\u{1}\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{} {}", "{}x",
        "{\"a\":[1,]}", "{\"a\" 1}", "{1:2}", "{\"a\":NaN}", "{\"a\":Infinity}",
    ])
    func malformedJSONIsRefused(json: String) {
        do {
            _ = try decoder.decode(json)
            Issue.record("\(json) was accepted")
        } catch {
            #expect(error.reason == .malformed || error.reason == .notAProblem)
        }
    }

    @Test func syntaxErrorsNameLineAndColumn() {
        do {
            _ = try decoder.decode("{\n  \"status\": 404,\n  \"title\": ?\n}")
            Issue.record("malformed JSON was accepted")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 12)
            #expect(error.description.hasSuffix("at line 3, column 12"))
        }
    }

    @Test func everyTruncationOfTheRFCExampleFailsCleanly() {
        let bytes = Array(Self.outOfCredit.utf8)
        for end in 0..<bytes.count {
            #expect(throws: ProblemDecodingError.self) { try decoder.decode(bytes[0..<end]) }
        }
    }

    @Test func readsNonContiguousCollections() throws {
        let bytes = Array(#"{"status": 404}"#.utf8).reversed().reversed()
        #expect(try decoder.decode(bytes).problem.status == .notFound)
    }

    @Test func decodesStandaloneValues() throws {
        #expect(try decoder.decodeValue(Array("[1, {\"a\": null}]".utf8)) == [1, ["a": .null]])
        #expect(throws: ProblemDecodingError.self) { try decoder.decodeValue(Array("[1".utf8)) }
    }
}

extension ProblemJSONDecoderTests {
    @Test func decimalsWithMoreDigitsThanADoubleHoldAreKeptAsWritten() throws {
        let problem = try decoder.decode(#"{"pi": 3.14159265358979323846, "e": 12345678901234567890123e0, "ok": 2.5}"#).problem
        #expect(problem.extensions["pi"] == .bigNumber("3.14159265358979323846"))
        #expect(problem.extensions["e"] == .bigNumber("12345678901234567890123e0"))
        #expect(problem.extensions["ok"] == .double(2.5))
    }

    /// 16 or 17 significant digits survive a Double only when the Double's shortest text has
    /// their value; the others would be rewritten on the way back out.
    @Test(arguments: [
        ("9007199254740993.0", ExtensionValue.bigNumber("9007199254740993.0")),
        ("9007199254740993e0", .bigNumber("9007199254740993e0")),
        ("0.10000000000000001", .bigNumber("0.10000000000000001")),
        ("-1234567890123456.7", .bigNumber("-1234567890123456.7")),
        ("9007199254740992.0", .double(9007199254740992)),
        ("0.30000000000000004", .double(0.30000000000000004)),
        ("-0.30000000000000004e-10", .bigNumber("-0.30000000000000004e-10")),
        ("-3.0000000000000006e-11", .double(-3.0000000000000006e-11)),
        ("1.7976931348623157e308", .double(1.7976931348623157e308)),
        ("2.2250738585072014E-308", .double(2.2250738585072014e-308)),
        ("1234567890123456.000e+2", .double(123456789012345600)),
        ("0.1", .double(0.1)),
    ])
    func decimalsOfSixteenOrSeventeenDigitsAreDoublesOnlyWhenExact(literal: String, value: ExtensionValue) throws {
        #expect(try decoder.decodeValue(Array(literal.utf8)) == value)
    }

    @Test func diagnosticsAreCapped() throws {
        let members = (0..<1000).map { _ in #""a": 1"# }.joined(separator: ",")
        let decoded = try decoder.decode("{" + members + "}")
        #expect(decoded.diagnostics.count == ProblemDiagnosticLimit.count + 1)
        #expect(decoded.diagnostics.last?.message == "further diagnostics were left out")
    }

    @Test func longNamesAreShortenedInDiagnostics() throws {
        let name = String(repeating: "n", count: 10_000)
        let decoded = try decoder.decode(#"{""# + name + #"": 1, ""# + name + #"": 2}"#)
        #expect((decoded.diagnostics.first?.message.utf8.count ?? .max) < 200)
    }

    @Test func aBadLiteralIsReportedWhereItGoesWrong() {
        do {
            _ = try decoder.decode(#"{"a": trux}"#)
            Issue.record("a bad literal was accepted")
        } catch {
            #expect(error.column == 10)
        }
    }

    @Test func depthHasACeilingWhateverTheConfiguration() {
        let decoder = ProblemJSONDecoder(maximumSize: 4_000_000, maximumDepth: .max)
        do {
            _ = try decoder.decode(#"{"a": "# + String(repeating: "[", count: 1_000_000))
            Issue.record("a million levels were accepted")
        } catch {
            #expect(error.reason == .tooDeep)
        }
    }

    @Test func oversizedNonContiguousInputIsRefusedBeforeCopying() {
        do {
            _ = try ProblemJSONDecoder(maximumSize: 1_000).decode(repeatElement(UInt8(ascii: " "), count: 2_000))
            Issue.record("oversized input was accepted")
        } catch {
            #expect(error.reason == .tooLarge)
        }
    }
}

/// The cap the decoders put on diagnostics, as the tests see it.
enum ProblemDiagnosticLimit {
    static let count = 100
}
