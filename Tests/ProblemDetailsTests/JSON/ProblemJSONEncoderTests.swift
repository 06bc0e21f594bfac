import HTTPTypes
import ProblemDetails
import Testing

@Suite struct ProblemJSONEncoderTests {
    func json(_ problem: Problem) -> String {
        String(decoding: ProblemJSONEncoder().encode(problem), as: UTF8.self)
    }

    @Test func membersComeInTheStandardOrderThenExtensionsInInsertionOrder() {
        let problem = Problem(
            type: "https://example.com/probs/out-of-credit",
            title: "You do not have enough credit.",
            status: .forbidden,
            detail: "Your current balance is 30, but that costs 50.",
            instance: "/account/12345/msgs/abc",
            extensions: ["balance": 30, "accounts": ["/account/12345", "/account/67890"]]
        )
        #expect(
            json(problem)
                == #"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#
        )
    }

    @Test func aboutBlankIsWrittenWithItsStatusPhrase() {
        #expect(json(Problem(status: .notFound)) == #"{"type":"about:blank","title":"Not Found","status":404}"#)
        #expect(json(Problem()) == #"{"type":"about:blank"}"#)
    }

    @Test func headersAreNotPartOfTheDocument() {
        #expect(!json(Problem.rateLimitExceeded(retryAfter: 3)).contains("Retry-After"))
    }

    @Test func everyControlCharacterIsEscaped() {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        let text = json(Problem(detail: controls + "\"\\/\u{7F}"))
        let expected =
            #"\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#
            + #"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"#
            + #"\"\\/"# + "\u{7F}"
        #expect(text == #"{"type":"about:blank","detail":""# + expected + #""}"#)
    }

    @Test func unicodeIsWrittenAsUTF8() {
        #expect(json(Problem(detail: "Grüße 🚀 ☃")) == #"{"type":"about:blank","detail":"Grüße 🚀 ☃"}"#)
    }

    @Test func valuesOfEveryKindAreWritten() {
        let problem = Problem(extensions: [
            "nothing": .null, "yes": true, "no": false, "int": .integer(Int.min), "max": .integer(Int.max),
            "double": 0.5, "huge": .bigNumber("123456789012345678901234567890"), "nan": .double(.nan),
            "inf": .double(-.infinity), "not_a_number": .bigNumber("12abc"), "empty": [], "nested": ["a": [["b": []]]],
            "empty_object": .object([:]),
        ])
        #expect(
            json(problem)
                == #"{"type":"about:blank","nothing":null,"yes":true,"no":false,"int":-9223372036854775808,"max":9223372036854775807,"double":0.5,"huge":123456789012345678901234567890,"nan":null,"inf":null,"not_a_number":"12abc","empty":[],"nested":{"a":[{"b":[]}]},"empty_object":{}}"#
        )
    }

    @Test func memberNamesAreEscapedToo() {
        #expect(json(Problem(extensions: ["quote\"name": 1])) == #"{"type":"about:blank","quote\"name":1}"#)
    }

    /// Small documents are sized by a bound, large ones exactly: both must hold every byte.
    @Test(arguments: [10, 1000, 20_000])
    func escapeHeavyDocumentsOfAnySizeAreWrittenCompletely(repeats: Int) throws {
        let detail = String(repeating: "\u{1}\"é\\", count: repeats)
        let problem = Problem(detail: detail, extensions: ["x_y": 1.0e-300, "nested": [.string(detail)]])
        let bytes = ProblemJSONEncoder().encode(problem)
        #expect(bytes.last == UInt8(ascii: "}"))
        let decoded = try ProblemJSONDecoder(maximumSize: 1 << 24).decode(bytes).problem
        #expect(decoded == problem)
    }

    @Test func encodesStandaloneValues() {
        #expect(String(decoding: ProblemJSONEncoder().encode(["a": [1, "b"]] as ExtensionValue), as: UTF8.self) == #"{"a":[1,"b"]}"#)
    }

    @Test func rendererAnswersForProblemJSONAndJSON() {
        let encoder = ProblemJSONEncoder()
        #expect(encoder.contentType == "application/problem+json")
        #expect(encoder.mediaTypes == [.problemJSON, .json])
        #expect(encoder.render(Problem(status: .gone), in: RenderingContext()) == encoder.encode(Problem(status: .gone)))
    }
}
