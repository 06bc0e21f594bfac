import HTTPTypes
import ProblemDetails
import Testing

@Suite struct JSONSyntaxErrorTests {
    func find(_ text: String) -> JSONSyntaxError? {
        JSONSyntaxError.find(in: Array(text.utf8))
    }

    @Test(arguments: ["{}", "[]", "1", "-0.5e3", "\"text\"", "null", "true", " \n{\"a\": [1, {\"b\": null}]}\n ", "\u{FEFF}{}"])
    func wellFormedJSONHasNoError(text: String) {
        #expect(self.find(text) == nil)
    }

    @Test func namesTheLineAndColumnWhereParsingStopped() throws {
        let error = try #require(self.find("{\n  \"title\": \"Dune\",\n  \"year\": 1965\n  \"isbn\": \"x\"\n}"))
        #expect(error.line == 4)
        #expect(error.column == 3)
        #expect(error.message == "expected ',' or '}' after an object member")
        #expect(error.description == "expected ',' or '}' after an object member at line 4, column 3")
    }

    @Test(arguments: [
        ("{\"a\": }", "unexpected character '}' where a value was expected", 1, 7),
        ("{\"a\" 1}", "expected ':' after the member name", 1, 6),
        ("[1, 2", "the request body ends inside an array", 1, 6),
        ("{\"a\": ", "the request body ends where a value was expected", 1, 7),
        ("{} x", "unexpected data after the JSON value", 1, 4),
        ("{'a': 1}", "expected a member name in double quotes", 1, 2),
        ("[tru]", "unexpected character ']' in a literal", 1, 5),
        ("\"a\u{1}b\"", "a control character must be escaped inside a string", 1, 3),
        ("[01]", "expected ',' or ']' after an array element", 1, 3),
    ])
    func messagesAreForClients(text: String, message: String, line: Int, column: Int) throws {
        let error = try #require(self.find(text))
        #expect(error.message == message)
        #expect(error.line == line)
        #expect(error.column == column)
    }

    @Test(arguments: ["", "   ", "\n\t\r\n", "\u{FEFF}", "\u{FEFF}  "])
    func anEmptyBodyIsAnError(text: String) throws {
        let error = try #require(self.find(text))
        #expect(error.message == "the request body is empty")
        #expect(error.description == "the request body is empty")
        #expect(Problem.malformedBody(error).detail == "The request body is not valid JSON: the request body is empty.")
    }

    @Test func aBodyOverTheSizeLimitIsAnErrorWithoutBeingRead() throws {
        let error = try #require(JSONSyntaxError.find(in: Array("[1, 2, 3]".utf8), maximumSize: 4))
        #expect(error.message == "the request body is larger than 4 bytes")
        #expect(Problem.malformedBody(error).detail == "The request body is not valid JSON: the request body is larger than 4 bytes.")
    }

    @Test func nestingPastTheDepthLimitIsAnError() throws {
        let error = try #require(self.find(String(repeating: "[", count: 100_000)))
        #expect(error.message == "the request body nests deeper than 32 levels")
        #expect(error.line == 1 && error.column == 33)
        #expect(JSONSyntaxError.find(in: Array("[[[]]]".utf8), maximumDepth: 2)?.message == "the request body nests deeper than 2 levels")
    }

    @Test func bytesThatAreNotUTF8AreAnError() throws {
        let inString = try #require(JSONSyntaxError.find(in: [0x22, 0xFF, 0x22]))
        #expect(inString.message == "a string is not valid UTF-8")
        let utf16 = try #require(JSONSyntaxError.find(in: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00]))
        #expect(utf16.message == "the request body is not UTF-8")
        #expect(Problem.malformedBody(utf16).detail == "The request body is not valid JSON: the request body is not UTF-8.")
        let bare = try #require(JSONSyntaxError.find(in: [0x5B, 0xC3, 0x5D]))
        #expect(bare.message == "unexpected character byte 0xC3 where a value was expected")
    }

    @Test func readsAnyCollectionOfBytes() throws {
        #expect(JSONSyntaxError.find(in: "[1, 2]".utf8) == nil)
        #expect(JSONSyntaxError.find(in: Array("[1, 2]".utf8).lazy.map { $0 }) == nil)
        let error = try #require(JSONSyntaxError.find(in: "[1,, 2]".utf8.reversed().reversed()))
        #expect(error.column == 4)
        #expect(JSONSyntaxError.find(in: repeatElement(UInt8(ascii: " "), count: 2 << 20))?.message
            == "the request body is larger than 1048576 bytes")
    }

    @Test func malformedBodyIsA400NamingThePosition() {
        let problem = Problem.malformedBody(JSONSyntaxError(line: 3, column: 12, message: "expected ',' or '}' after an object member"))
        #expect(problem.status == .badRequest)
        #expect(problem.type == ProblemType.malformedBody.reference)
        #expect(problem.title == ProblemType.malformedBody.title)
        #expect(problem.detail == "The request body is not valid JSON: expected ',' or '}' after an object member at line 3, column 12.")
    }

    @Test func errorsCompareByValue() {
        #expect(JSONSyntaxError(line: 1, column: 2, message: "m") == JSONSyntaxError(line: 1, column: 2, message: "m"))
        #expect(JSONSyntaxError(line: 1, column: 2, message: "m") != JSONSyntaxError(line: 1, column: 3, message: "m"))
        #expect(self.find("") != JSONSyntaxError(line: 1, column: 1, message: "the request body is empty"))
    }
}
