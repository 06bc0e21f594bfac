import Foundation
import HTTPTypes
import ProblemDetails
import Testing

@Suite struct ProblemDecodingErrorMappingTests {
    struct Book: Decodable {
        var title: String
        var year: Int
        var price: Double?
        var available: Bool?
        var tags: [String]?
        var author: Author?
        var ratings: [String: Int]?
        var id: UUID?
        var genre: Genre?
    }

    struct Author: Decodable {
        var name: String
    }

    enum Genre: String, Decodable {
        case fiction, poetry
    }

    /// The error Foundation's `JSONDecoder` throws for a body.
    func decodingError<T: Decodable>(_ type: T.Type, _ json: String) -> DecodingError? {
        do {
            _ = try JSONDecoder().decode(T.self, from: Data(json.utf8))
            return nil
        } catch let error as DecodingError {
            return error
        } catch {
            return nil
        }
    }

    func violation<T: Decodable>(_ type: T.Type, _ json: String) throws -> Violation {
        let error = try #require(self.decodingError(T.self, json))
        let problem = Problem.validationFailed(decoding: error)
        #expect(problem.status == .unprocessableContent)
        #expect(problem.type == ProblemType.validationError.reference)
        #expect(problem.errors.count == 1)
        return try #require(problem.errors.first)
    }

    @Test(arguments: [
        (#"{"title": 1, "year": 1}"#, "title", "must be a string"),
        (#"{"title": "t", "year": "1965"}"#, "year", "must be an integer"),
        (#"{"title": "t", "year": 1, "price": "cheap"}"#, "price", "must be a number"),
        (#"{"title": "t", "year": 1, "available": "yes"}"#, "available", "must be a boolean"),
        (#"{"title": "t", "year": 1, "tags": "a"}"#, "tags", "must be an array"),
        (#"{"title": "t", "year": 1, "author": "Herbert"}"#, "author", "must be an object"),
        (#"{"title": "t", "year": 1, "ratings": [1]}"#, "ratings", "must be an object"),
    ])
    func typeMismatchNamesTheJSONKind(json: String, member: String, detail: String) throws {
        let violation = try self.violation(Book.self, json)
        #expect(violation == Violation(detail: detail, pointer: [member]))
    }

    @Test func arrayIndicesComeFromIntValue() throws {
        let violation = try self.violation(Book.self, #"{"title": "t", "year": 1, "tags": ["a", "b", "c", 4]}"#)
        #expect(violation == Violation(detail: "must be a string", pointer: ["tags", "3"]))
        #expect(violation.extensionValue == ["detail": "must be a string", "pointer": "#/tags/3"])
    }

    @Test func missingKeyIsAppendedToThePath() throws {
        #expect(try self.violation(Book.self, #"{"year": 1}"#) == Violation(detail: "is required", pointer: ["title"]))
        #expect(
            try self.violation(Book.self, #"{"title": "t", "year": 1, "author": {}}"#)
                == Violation(detail: "is required", pointer: ["author", "name"])
        )
    }

    @Test func nullIsNotAValue() throws {
        #expect(
            try self.violation(Book.self, #"{"title": "t", "year": null}"#)
                == Violation(detail: "must not be null", pointer: ["year"])
        )
    }

    @Test func corruptedMemberIsNotValid() throws {
        #expect(
            try self.violation(Book.self, #"{"title": "t", "year": 1, "id": "abc"}"#)
                == Violation(detail: "is not valid", pointer: ["id"])
        )
        #expect(
            try self.violation(Book.self, #"{"title": "t", "year": 1, "genre": "saga"}"#)
                == Violation(detail: "is not valid", pointer: ["genre"])
        )
    }

    @Test func numbersJSONDecoderCannotHoldNeedTheBodyToBeTold() throws {
        // Foundation reports an integer out of range (or with a fraction) as corrupt data at the
        // root, like a syntax error: only the body tells them apart.
        struct Small: Decodable { var value: Int8 }
        let body = #"{"value": 300}"#
        let error = try #require(self.decodingError(Small.self, body))
        let problem = Problem.decodingFailed(error, body: Array(body.utf8))
        #expect(problem.status == .unprocessableContent)
        #expect(problem.errors == [Violation(detail: "is not valid", pointer: .root)])
    }

    @Test func memberNamesAreTheClientsNotTheSwiftNames() throws {
        struct Renamed: Decodable {
            var publishedYear: Int
            enum CodingKeys: String, CodingKey { case publishedYear = "published_year" }
        }
        #expect(
            try self.violation(Renamed.self, #"{"published_year": "x"}"#)
                == Violation(detail: "must be an integer", pointer: ["published_year"])
        )
    }

    @Test func keysWithIntegerRawValuesKeepTheirNames() {
        enum Key: Int, CodingKey { case first = 1, second = 2 }
        let error = DecodingError.keyNotFound(Key.second, .init(codingPath: [Key.first], debugDescription: ""))
        #expect(Problem.validationFailed(decoding: error).errors == [Violation(detail: "is required", pointer: ["first", "second"])])
    }

    @Test func pointerTokensAreEscaped() throws {
        struct Odd: Decodable {
            var value: Int
            enum CodingKeys: String, CodingKey { case value = "a/b~c" }
        }
        let violation = try self.violation(Odd.self, #"{"a/b~c": true}"#)
        #expect(violation.extensionValue == ["detail": "must be an integer", "pointer": "#/a~1b~0c"])
    }

    @Test func unknownExpectedTypeHasTheWrongType() {
        struct Opaque {}
        let error = DecodingError.typeMismatch(Opaque.self, .init(codingPath: [], debugDescription: "Opaque"))
        #expect(Problem.validationFailed(decoding: error).errors == [Violation(detail: "has the wrong type", pointer: .root)])
    }

    @Test func detailsNeverQuoteTheError() throws {
        struct Secret: CodingKey {
            var stringValue: String { "field" }
            var intValue: Int? { nil }
            init() {}
            init?(stringValue: String) { nil }
            init?(intValue: Int) { nil }
        }
        let errors: [DecodingError] = [
            .typeMismatch(Int.self, .init(codingPath: [Secret()], debugDescription: "Swift.Int CodingKeys(stringValue: x)")),
            .valueNotFound(String.self, .init(codingPath: [Secret()], debugDescription: "Swift.String SECRET")),
            .keyNotFound(Secret(), .init(codingPath: [], debugDescription: "CodingKeys(stringValue: \"field\")")),
            .dataCorrupted(.init(codingPath: [Secret()], debugDescription: "Swift.Decimal SECRET")),
        ]
        for error in errors {
            let problem = Problem.validationFailed(decoding: error)
            let text = [problem.detail ?? ""] + problem.errors.map(\.detail)
            for forbidden in ["Swift.", "Int", "String", "CodingKeys", "SECRET", "Decimal"] {
                #expect(!text.contains { $0.contains(forbidden) }, "\(error)")
            }
            #expect(problem.errors.first?.location?.pointer == ["field"])
        }
    }

    @Test func corruptedDataAtTheRootIsAMalformedBody() throws {
        let error = try #require(self.decodingError(Book.self, #"{"title": "t",, }"#))
        let problem = Problem.validationFailed(decoding: error)
        #expect(problem.status == .badRequest)
        #expect(problem.type == ProblemType.malformedBody.reference)
        #expect(problem.detail == "The request body is not valid JSON.")
        #expect(problem.errors.isEmpty)
    }

    @Test func withTheBodyASyntaxErrorNamesLineAndColumn() throws {
        let body = "{\n  \"title\": \"t\"\n  \"year\": 1\n}"
        let error = try #require(self.decodingError(Book.self, body))
        let problem = Problem.decodingFailed(error, body: Array(body.utf8))
        #expect(problem.status == .badRequest)
        #expect(
            problem.detail
                == "The request body is not valid JSON: expected ',' or '}' after an object member at line 3, column 3."
        )
    }

    @Test func withTheBodyAValidJSONValueRefusedAtTheRootIsAValidationFailure() throws {
        let error = try #require(self.decodingError(UUID.self, #""abc""#))
        let problem = Problem.decodingFailed(error, body: Array(#""abc""#.utf8))
        #expect(problem.status == .unprocessableContent)
        #expect(problem.errors == [Violation(detail: "is not valid", pointer: .root)])
    }

    @Test func withTheBodyOtherErrorsAreValidationFailures() throws {
        let body = #"{"title": "t", "year": "x"}"#
        let error = try #require(self.decodingError(Book.self, body))
        #expect(Problem.decodingFailed(error, body: Array(body.utf8)) == Problem.validationFailed(decoding: error))
    }

    @Test func anEmptyBodyIsMalformed() throws {
        let error = try #require(self.decodingError(Book.self, ""))
        let problem = Problem.decodingFailed(error, body: [UInt8]())
        #expect(problem.detail == "The request body is not valid JSON: the request body is empty.")
    }
}
