import Foundation
import HTTPTypes
import ProblemDetails
import Testing

@Suite struct StrictJSONDecoderTests {
    // MARK: Helpers

    /// The problem the strict decoder throws for a body, or `nil` when it decodes.
    func problem<T: Decodable>(
        _ type: T.Type,
        _ json: String,
        decoder: StrictJSONDecoder = StrictJSONDecoder()
    ) -> Problem? {
        do {
            _ = try decoder.decode(T.self, from: Array(json.utf8))
            return nil
        } catch {
            return error
        }
    }

    func violations<T: Decodable>(
        _ type: T.Type,
        _ json: String,
        decoder: StrictJSONDecoder = StrictJSONDecoder()
    ) -> [Violation] {
        self.problem(T.self, json, decoder: decoder)?.errors ?? []
    }

    func decode<T: Decodable>(_ type: T.Type, _ json: String, decoder: StrictJSONDecoder = StrictJSONDecoder()) throws -> T {
        try decoder.decode(T.self, from: Array(json.utf8))
    }

    func violation(_ detail: String, _ tokens: String...) -> Violation {
        Violation(detail: detail, pointer: JSONPointer(tokens: tokens))
    }

    // MARK: The contract's book

    struct Book: Decodable, Equatable, InputValidating {
        var title: String
        var isbn: String
        var year: Int
        var tags: [String]

        enum CodingKeys: String, CodingKey { case title, isbn, year, tags }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.title = try container.decode(String.self, forKey: .title)
            self.isbn = try container.decode(String.self, forKey: .isbn)
            self.year = try container.decode(Int.self, forKey: .year)
            self.tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
        }

        func violations() -> [Violation] {
            var found: [Violation] = []
            let title = self.title.trimmingCharacters(in: .whitespacesAndNewlines)
            if !(1...200).contains(title.count) {
                found.append(Violation(detail: "must be 1 to 200 characters", pointer: ["title"]))
            }
            if !Self.isISBN13(self.isbn) {
                found.append(Violation(detail: "must be 13 digits with a valid ISBN-13 check digit", pointer: ["isbn"]))
            }
            if !(1450...2026).contains(self.year) {
                found.append(Violation(detail: "must be from 1450 to 2026", pointer: ["year"]))
            }
            if self.tags.count > 10 {
                found.append(Violation(detail: "must have at most 10 items", pointer: ["tags"]))
            }
            for (index, tag) in self.tags.enumerated() where !(1...30).contains(tag.count) {
                found.append(Violation(detail: "must be 1 to 30 characters", pointer: ["tags", String(index)]))
            }
            return found
        }

        static func isISBN13(_ text: String) -> Bool {
            let digits = text.compactMap(\.wholeNumberValue)
            guard text.count == 13, digits.count == 13 else { return false }
            let sum = digits.enumerated().reduce(0) { $0 + $1.element * ($1.offset.isMultiple(of: 2) ? 1 : 3) }
            return sum.isMultiple(of: 10)
        }
    }

    @Test func theContractsBookReportsEveryFailureAtOnce() throws {
        let body = #"{"title": "Dune", "year": "1965", "tags": ["sf", "classic", "desert", 4], "colour": "blue"}"#
        let problem = try #require(self.problem(Book.self, body))
        #expect(problem.status == .unprocessableContent)
        #expect(problem.type == ProblemType.validationError.reference)
        #expect(problem.detail == "4 values in the request are not valid.")
        #expect(
            problem.errors == [
                self.violation("must be an integer", "year"),
                self.violation("must be a string", "tags", "3"),
                self.violation("is not a known member", "colour"),
                self.violation("is required", "isbn"),
            ]
        )
        #expect(
            problem.extensions["errors"]
                == [
                    ["detail": "must be an integer", "pointer": "#/year"],
                    ["detail": "must be a string", "pointer": "#/tags/3"],
                    ["detail": "is not a known member", "pointer": "#/colour"],
                    ["detail": "is required", "pointer": "#/isbn"],
                ]
        )
    }

    @Test func theBooksOwnRulesJoinTheDecodingFailures() throws {
        let longTag = String(repeating: "x", count: 31)
        let body = """
            {"title": "  ", "isbn": "9780441013594", "year": 1200, "tags": ["sf", "a", "b", "\(longTag)"], "colour": 1}
            """
        #expect(
            self.violations(Book.self, body) == [
                self.violation("must be 1 to 200 characters", "title"),
                self.violation("must be 13 digits with a valid ISBN-13 check digit", "isbn"),
                self.violation("must be from 1450 to 2026", "year"),
                self.violation("must be 1 to 30 characters", "tags", "3"),
                self.violation("is not a known member", "colour"),
            ]
        )
    }

    @Test func aValidBookDecodes() throws {
        let book = try self.decode(Book.self, #"{"title": "Dune", "isbn": "9780441013593", "year": 1965}"#)
        #expect(book.tags == [])
        #expect(book.isbn == "9780441013593")
        let tagged = try self.decode(Book.self, #"{"title": "Dune", "isbn": "9780441013593", "year": 1965, "tags": ["sf"]}"#)
        #expect(tagged.tags == ["sf"])
        #expect(try self.decode(Book.self, #"{"title": "Dune", "isbn": "9780441013593", "year": 1965, "tags": null}"#).tags == [])
    }

    @Test func noDetailNamesASwiftType() throws {
        let bodies = [
            #"{"title": 1, "isbn": null, "year": 1.5, "tags": {"a": 1}, "x": []}"#,
            #"{"title": [], "isbn": false, "year": 1e300, "tags": [null, 1, true, {}]}"#,
            #"[]"#, #""book""#, #"null"#,
        ]
        for body in bodies {
            let problem = try #require(self.problem(Book.self, body))
            for text in [problem.detail ?? ""] + problem.errors.map(\.detail) {
                for forbidden in ["Int", "String", "Double", "Bool", "Array", "Dictionary", "CodingKeys", "Swift.", "Index"] {
                    #expect(!text.contains(forbidden), "\(text) in \(body)")
                }
            }
        }
    }

    // MARK: Parity with JSONDecoder

    struct Everything: Codable, Equatable {
        struct Inner: Codable, Equatable {
            var a: Int
            var b: [Double]
        }

        enum Colour: String, Codable { case red, green }
        enum Level: Int, Codable { case low = 1, high = 2 }
        enum Shape: Codable, Equatable {
            case circle(radius: Double)
            case square(side: Double)
        }

        var inner: Inner
        var list: [Inner]
        var optional: String?
        var absentOptional: Int?
        var nullOptional: Bool?
        var colour: Colour
        var level: Level
        var shape: Shape
        var counts: [String: Int]
        var numbered: [Int: String]
        var id: UUID
        var date: Date
        var flag: Bool
        var small: Int8
        var unsigned: UInt16
        var big: UInt64
        var negative: Int64
        var float: Float
        var double: Double
        var grid: [[Int]]
        var unique: Set<String>
        var url: URL
        var decimal: Decimal
        var data: Data
    }

    static let everything = """
        {
          "inner": {"a": 1, "b": [1.5, 2, -3e2]},
          "list": [{"a": 2, "b": []}, {"a": 3, "b": [0.1]}],
          "optional": "here",
          "nullOptional": null,
          "colour": "green",
          "level": 2,
          "shape": {"square": {"side": 2.5}},
          "counts": {"a": 1, "b": 2, "c": -3},
          "numbered": {"1": "one", "20": "twenty"},
          "id": "E621E1F8-C36C-495A-93FC-0C247A3E6E5F",
          "date": 725857445.5,
          "flag": true,
          "small": -128,
          "unsigned": 65535,
          "big": 18446744073709551615,
          "negative": -9223372036854775808,
          "float": 3.25,
          "double": 12345678901234567890123,
          "grid": [[1, 2], [], [3]],
          "unique": ["x", "y"],
          "url": "https://example.com/books?page=2#top",
          "decimal": 12.50,
          "data": "aGVsbG8="
        }
        """

    @Test func validInputDecodesAsJSONDecoderDecodesIt() throws {
        let expected = try JSONDecoder().decode(Everything.self, from: Data(Self.everything.utf8))
        let decoded = try self.decode(Everything.self, Self.everything)
        #expect(decoded == expected)
        #expect(decoded.data == Data("hello".utf8))
        #expect(decoded.decimal == Decimal(string: "12.5"))
        #expect(decoded.url.absoluteString == "https://example.com/books?page=2#top")
    }

    @Test(arguments: [
        "0", "1", "-1", "12.5", "0.001", "-0.001", "1e3", "1E-3", "123456789012345678901234567890", "1.10",
        "99999999999999999999999999999999999999", "0.000000000000000000000000000000000000001", "-0",
        "3.14159265358979323846264338327950288419716939937510", "1e127", "1e-127",
    ])
    func decimalsDecodeAsJSONDecoderDecodesThem(literal: String) throws {
        let expected = try JSONDecoder().decode([Decimal].self, from: Data("[\(literal)]".utf8))
        #expect(try self.decode([Decimal].self, "[\(literal)]") == expected, "\(literal)")
    }

    @Test(arguments: ["\"\"", "\"aGk=\"", "\"aGVsbG8gd29ybGQ=\"", "\"AAECAwQFBgcICQ==\"", "\"/+8=\""])
    func dataDecodesAsJSONDecoderDecodesIt(json: String) throws {
        #expect(try self.decode(Data.self, json) == JSONDecoder().decode(Data.self, from: Data(json.utf8)))
    }

    @Test(arguments: [
        "\"2024-01-02T03:04:05Z\"", "\"2024-01-02T03:04:05.123Z\"", "\"2024-01-02T03:04:05+02:00\"",
        "\"1969-12-31T23:59:59-00:30\"", "\"2000-02-29T00:00:00Z\"", "\"1999-12-31T23:59:59.999Z\"",
    ])
    func iso8601DatesDecodeAsJSONDecoderDecodesThem(json: String) throws {
        let foundation = JSONDecoder()
        foundation.dateDecodingStrategy = .iso8601
        var strict = StrictJSONDecoder()
        strict.dateDecodingStrategy = .iso8601
        let expected = try foundation.decode(Date.self, from: Data(json.utf8))
        let decoded = try self.decode(Date.self, json, decoder: strict)
        #expect(abs(decoded.timeIntervalSince(expected)) < 0.000_001, "\(json)")
    }

    @Test func epochDatesDecodeAsJSONDecoderDecodesThem() throws {
        for (strategy, foundationStrategy) in [
            (StrictJSONDecoder.DateDecodingStrategy.secondsSince1970, JSONDecoder.DateDecodingStrategy.secondsSince1970),
            (.millisecondsSince1970, .millisecondsSince1970),
            (.deferredToDate, .deferredToDate),
        ] {
            let foundation = JSONDecoder()
            foundation.dateDecodingStrategy = foundationStrategy
            var strict = StrictJSONDecoder()
            strict.dateDecodingStrategy = strategy
            for json in ["0", "1700000000", "-86400.5", "1700000000123"] {
                let expected = try foundation.decode(Date.self, from: Data(json.utf8))
                #expect(try self.decode(Date.self, json, decoder: strict) == expected)
            }
        }
    }

    @Test func badDatesAreReportedInTheStrategysTerms() {
        var strict = StrictJSONDecoder()
        strict.dateDecodingStrategy = .iso8601
        struct Event: Decodable { var at: Date }
        let message = "must be an RFC 3339 date-time such as 2024-01-31T12:00:00Z"
        for json in ["\"2024-02-30T00:00:00Z\"", "\"2024-01-02\"", "\"2024-01-02T03:04:05\"", "\"2024-01-02t03:04:05z\"", "\"2024-01-02T24:00:00Z\""] {
            #expect(self.violations(Event.self, #"{"at": \#(json)}"#, decoder: strict) == [self.violation(message, "at")], "\(json)")
        }
        #expect(self.violations(Event.self, #"{"at": 5}"#, decoder: strict) == [self.violation("must be a string", "at")])
        strict.dateDecodingStrategy = .secondsSince1970
        #expect(self.violations(Event.self, #"{"at": "now"}"#, decoder: strict) == [self.violation("must be a number", "at")])
        #expect(self.violations(Event.self, #"{"at": "now"}"#) == [self.violation("must be a number", "at")])
    }

    @Test func foundationValuesReportWhatIsWrong() {
        struct Resource: Decodable {
            var url: URL
            var data: Data
            var decimal: Decimal
            var id: UUID
            var count: Int
        }
        #expect(
            self.violations(Resource.self, #"{"url": "", "data": "aGk", "decimal": "1.5", "id": "E621E1F8", "count": "x"}"#) == [
                self.violation("is not valid", "url"),
                self.violation("must be Base64-encoded", "data"),
                self.violation("must be a number", "decimal"),
                self.violation("is not valid", "id"),
                self.violation("must be an integer", "count"),
            ]
        )
        #expect(
            self.violations(Resource.self, #"{"url": 1, "data": null, "decimal": 1e200, "id": 4}"#) == [
                self.violation("must be a string", "url"),
                self.violation("must not be null", "data"),
                self.violation("is out of range", "decimal"),
                self.violation("must be a string", "id"),
                self.violation("is required", "count"),
            ]
        )
        #expect(
            self.violations(Resource.self, #"{"count": 1}"#) == [
                self.violation("is required", "url"), self.violation("is required", "data"),
                self.violation("is required", "decimal"), self.violation("is required", "id"),
            ]
        )
    }

    // MARK: Types and values

    struct Primitives: Decodable, Equatable {
        var text: String
        var integer: Int
        var number: Double
        var flag: Bool
        var list: [Int]
        var object: [String: Int]
    }

    @Test func wrongTypesNameTheJSONKind() {
        #expect(
            self.violations(Primitives.self, #"{"text": 1, "integer": "1", "number": true, "flag": "no", "list": {}, "object": []}"#) == [
                self.violation("must be a string", "text"),
                self.violation("must be an integer", "integer"),
                self.violation("must be a number", "number"),
                self.violation("must be a boolean", "flag"),
                self.violation("must be an array", "list"),
                self.violation("must be an object", "object"),
            ]
        )
    }

    @Test func nullAndMissingAreDistinguished() {
        #expect(
            self.violations(Primitives.self, #"{"text": null, "integer": null, "number": 1, "flag": true, "list": null}"#) == [
                self.violation("must not be null", "text"),
                self.violation("must not be null", "integer"),
                self.violation("must not be null", "list"),
                self.violation("is required", "object"),
            ]
        )
    }

    @Test func optionalsAcceptNullAndAbsenceButNotTheWrongType() throws {
        struct Optionals: Decodable, Equatable {
            var a: Int?
            var b: String?
            var c: [Int]?
            var d: Primitives?
        }
        let decoded = try self.decode(Optionals.self, #"{"a": null, "c": [1]}"#)
        #expect(decoded == Optionals(a: nil, b: nil, c: [1], d: nil))
        #expect(
            self.violations(Optionals.self, #"{"a": "1", "b": 2, "c": [1, null], "d": {"text": 1}}"#) == [
                self.violation("must be an integer", "a"),
                self.violation("must be a string", "b"),
                self.violation("must not be null", "c", "1"),
                self.violation("must be a string", "d", "text"),
                self.violation("is required", "d", "integer"),
                self.violation("is required", "d", "number"),
                self.violation("is required", "d", "flag"),
                self.violation("is required", "d", "list"),
                self.violation("is required", "d", "object"),
            ]
        )
    }

    @Test func optionalElementsAndValuesTakeNull() throws {
        #expect(try self.decode([Int?].self, "[1, null, 3]") == [1, nil, 3])
        #expect(try self.decode([String: Int?].self, #"{"a": null, "b": 2}"#) == ["a": nil, "b": 2])
        #expect(self.violations([Int?].self, #"[1, "2", null]"#) == [self.violation("must be an integer", "1")])
    }

    @Test(arguments: [
        ("Int8", "300", "must be an integer from -128 to 127"),
        ("Int8", "-129", "must be an integer from -128 to 127"),
        ("UInt8", "-1", "must be an integer from 0 to 255"),
        ("Int16", "1e10", "must be an integer from -32768 to 32767"),
        ("Int", "1.5", "must be an integer"),
        ("Int", "1e-2", "must be an integer"),
        ("Int", "12345678901234567890", "must be an integer from -9223372036854775808 to 9223372036854775807"),
        ("Int", "1e400", "must be an integer from -9223372036854775808 to 9223372036854775807"),
        ("UInt64", "18446744073709551616", "must be an integer from 0 to 18446744073709551615"),
        ("Double", "1e400", "is out of range"),
        ("Float", "1e300", "is out of range"),
    ])
    func numbersOutOfRangeSayWhatFits(type: String, literal: String, detail: String) {
        let found: [Violation] =
            switch type {
            case "Int8": self.violations([Int8].self, "[\(literal)]")
            case "UInt8": self.violations([UInt8].self, "[\(literal)]")
            case "Int16": self.violations([Int16].self, "[\(literal)]")
            case "UInt64": self.violations([UInt64].self, "[\(literal)]")
            case "Double": self.violations([Double].self, "[\(literal)]")
            case "Float": self.violations([Float].self, "[\(literal)]")
            default: self.violations([Int].self, "[\(literal)]")
            }
        #expect(found == [self.violation(detail, "0")])
    }

    @Test func wholeNumbersWrittenWithAFractionOrExponentAreIntegers() throws {
        #expect(try self.decode([Int].self, "[1.0, 1e2, -0.0, 2.50e1]") == [1, 100, 0, 25])
        #expect(try self.decode([UInt64].self, "[18446744073709551615, 1.8e19]") == [.max, 18_000_000_000_000_000_000])
        #expect(try self.decode([Double].self, "[1, 12345678901234567890123, 1e-400]") == [1, 12_345_678_901_234_567_741_440, 0])
        #expect(try self.decode([Float].self, "[0.1, 16777217]") == [0.1, 16_777_216])
    }

    @Test func hugeIntegersDecodeExactly() throws {
        guard #available(macOS 15.0, *) else { return }
        #expect(try self.decode([Int128].self, "[170141183460469231731687303715884105727]") == [.max])
        #expect(try self.decode([UInt128].self, "[340282366920938463463374607431768211455]") == [.max])
        #expect(self.violations([UInt128].self, "[-1]") == [self.violation("must be an integer from 0 to 340282366920938463463374607431768211455", "0")])
    }

    @Test func topLevelValuesOfAnyKind() throws {
        #expect(try self.decode(Int.self, "5") == 5)
        #expect(try self.decode(String.self, "\"x\"") == "x")
        #expect(try self.decode(Int?.self, "null") == nil)
        #expect(self.violations(Int.self, "\"x\"") == [Violation(detail: "must be an integer", pointer: .root)])
        #expect(self.violations([Int].self, #"[1, "x", 3, null]"#) == [
            self.violation("must be an integer", "1"), self.violation("must not be null", "3"),
        ])
    }

    @Test func aBodyOfTheWrongKindIsOneViolation() {
        #expect(self.violations(Primitives.self, "[1, 2]") == [Violation(detail: "must be an object", pointer: .root)])
        #expect(self.violations(Primitives.self, "null") == [Violation(detail: "must not be null", pointer: .root)])
        #expect(self.violations([Int].self, "{}") == [Violation(detail: "must be an array", pointer: .root)])
        #expect(self.violations(Primitives.self, #"{"text": {"a": 1}}"#).first == self.violation("must be a string", "text"))
    }

    // MARK: Unknown members

    struct Outer: Decodable {
        struct Inner: Decodable { var a: Int }
        var inner: Inner
        var list: [Inner]
        var map: [String: Inner]?
    }

    @Test func unknownMembersAreFoundAtEveryLevel() {
        let body = #"{"inner": {"a": 1, "zzz": 1}, "list": [{"a": 1}, {"a": 2, "q": {"deep": 1}}], "extra": null, "map": {"k": {"a": 1, "r": 0}}}"#
        #expect(
            self.violations(Outer.self, body) == [
                self.violation("is not a known member", "inner", "zzz"),
                self.violation("is not a known member", "list", "1", "q"),
                self.violation("is not a known member", "extra"),
                self.violation("is not a known member", "map", "k", "r"),
            ]
        )
    }

    @Test func unknownMemberNamesAreEscapedInPointers() throws {
        let problem = try #require(self.problem(Outer.Inner.self, #"{"a": 1, "a/b": 1, "c~d": 2, "e f": 3, "ü": 4}"#))
        #expect(
            problem.extensions["errors"]?.arrayValue?.compactMap { $0.objectValue?["pointer"]?.stringValue }
                == ["#/a~1b", "#/c~0d", "#/e%20f", "#/%C3%BC"]
        )
    }

    @Test func dictionaryMembersAreAllKnown() throws {
        struct Tally: Decodable {
            var counts: [String: Int]
            var wrapped: Wrapped
        }
        struct Wrapped: Decodable {
            var values: [String: Int]
            init(from decoder: any Decoder) throws {
                self.values = try decoder.singleValueContainer().decode([String: Int].self)
            }
        }
        #expect(throws: Never.self) {
            try self.decode(Tally.self, #"{"counts": {"a": 1, "b": 2}, "wrapped": {"x": 1, "y": 2}}"#)
        }
        #expect(
            self.violations(Tally.self, #"{"counts": {"a": 1, "b": "2"}, "wrapped": {"x": true}}"#) == [
                self.violation("must be an integer", "counts", "b"),
                self.violation("must be an integer", "wrapped", "x"),
            ]
        )
    }

    @Test func membersAskedForWithContainsAreKnown() throws {
        struct Flagged: Decodable {
            var hasLegacy: Bool
            enum CodingKeys: String, CodingKey { case legacy }
            init(from decoder: any Decoder) throws {
                self.hasLegacy = try decoder.container(keyedBy: CodingKeys.self).contains(.legacy)
            }
        }
        #expect(try self.decode(Flagged.self, #"{"legacy": [1, {"x": 2}]}"#).hasLegacy)
        #expect(self.violations(Flagged.self, #"{"other": 1}"#) == [self.violation("is not a known member", "other")])
    }

    @Test func objectsOfATypeThatStoppedPartWayAreNotCheckedForUnknownMembers() {
        struct Picky: Decodable {
            var a: Int
            var b: Int
            enum CodingKeys: String, CodingKey { case a, b }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                self.a = try container.decode(Int.self, forKey: .a)
                guard self.a > 0 else {
                    throw DecodingError.dataCorruptedError(forKey: .a, in: container, debugDescription: "Swift.Int must be positive")
                }
                self.b = try container.decode(Int.self, forKey: .b)
            }
        }
        struct Holder: Decodable {
            var picky: Picky?
            var other: Int
        }
        #expect(
            self.violations(Holder.self, #"{"picky": {"a": 0, "b": 1, "c": 2}, "other": "x", "more": 1}"#) == [
                self.violation("is not valid", "picky", "a"),
                self.violation("must be an integer", "other"),
                self.violation("is not a known member", "more"),
            ]
        )
    }

    // MARK: Containers

    @Test func nestedContainersTrackTheirPaths() throws {
        struct Flattened: Decodable, Equatable {
            var name: String
            var first: Int
            var rest: [Int]
            enum CodingKeys: String, CodingKey { case meta, values }
            enum MetaKeys: String, CodingKey { case name }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                let meta = try container.nestedContainer(keyedBy: MetaKeys.self, forKey: .meta)
                self.name = try meta.decode(String.self, forKey: .name)
                var values = try container.nestedUnkeyedContainer(forKey: .values)
                self.first = try values.decode(Int.self)
                var rest: [Int] = []
                while !values.isAtEnd { rest.append(try values.decode(Int.self)) }
                self.rest = rest
            }
        }
        let flattened = try self.decode(Flattened.self, #"{"meta": {"name": "n"}, "values": [1, 2, 3]}"#)
        #expect(flattened.name == "n" && flattened.first == 1 && flattened.rest == [2, 3])
        #expect(
            self.violations(Flattened.self, #"{"meta": {"name": 1, "x": 0}, "values": [1, "2"]}"#) == [
                self.violation("must be a string", "meta", "name"),
                self.violation("is not a known member", "meta", "x"),
                self.violation("must be an integer", "values", "1"),
            ]
        )
        #expect(
            self.violations(Flattened.self, #"{"meta": [], "values": []}"#) == [
                self.violation("must be an object", "meta"),
                self.violation("is required", "values", "0"),
            ]
        )
        #expect(
            self.violations(Flattened.self, #"{"values": {"a": 1}}"#) == [
                self.violation("must be an array", "values"),
                self.violation("is required", "meta"),
            ]
        )
    }

    @Test func nestedContainersInArrays() throws {
        struct Pairs: Decodable, Equatable {
            var names: [String]
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                var names: [String] = []
                while !container.isAtEnd {
                    enum Keys: String, CodingKey { case name }
                    let element = try container.nestedContainer(keyedBy: Keys.self)
                    names.append(try element.decode(String.self, forKey: .name))
                }
                self.names = names
            }
        }
        #expect(try self.decode(Pairs.self, #"[{"name": "a"}, {"name": "b"}]"#).names == ["a", "b"])
        #expect(
            self.violations(Pairs.self, #"[{"name": "a", "x": 1}, 3, {}]"#) == [
                self.violation("is not a known member", "0", "x"),
                self.violation("must be an object", "1"),
                self.violation("is required", "2", "name"),
            ]
        )
    }

    class Animal: Decodable {
        let name: String
        enum CodingKeys: String, CodingKey { case name }
        required init(from decoder: any Decoder) throws {
            self.name = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .name)
        }
    }

    final class Dog: Animal {
        let barks: Bool
        enum DogKeys: String, CodingKey { case barks }
        required init(from decoder: any Decoder) throws {
            self.barks = try decoder.container(keyedBy: DogKeys.self).decode(Bool.self, forKey: .barks)
            try super.init(from: decoder)
        }
    }

    final class Cat: Animal {
        let indoor: Bool
        enum CatKeys: String, CodingKey { case indoor }
        required init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CatKeys.self)
            self.indoor = try container.decode(Bool.self, forKey: .indoor)
            try super.init(from: container.superDecoder())
        }
    }

    @Test func subclassesShareTheirObjectWithTheirSuperclass() throws {
        let dog = try self.decode(Dog.self, #"{"name": "Rex", "barks": true}"#)
        #expect(dog.name == "Rex" && dog.barks)
        #expect(self.violations(Dog.self, #"{"name": 1, "barks": true, "tail": 1}"#) == [
            self.violation("must be a string", "name"), self.violation("is not a known member", "tail"),
        ])
    }

    @Test func superDecodersReadTheSuperMember() throws {
        let body = #"{"indoor": true, "super": {"name": "Tom"}}"#
        let cat = try self.decode(Cat.self, body)
        let reference = try JSONDecoder().decode(Cat.self, from: Data(body.utf8))
        #expect(cat.name == reference.name && cat.indoor == reference.indoor)
        #expect(self.violations(Cat.self, #"{"indoor": true, "super": {"name": 2, "x": 1}}"#) == [
            self.violation("must be a string", "super", "name"), self.violation("is not a known member", "super", "x"),
        ])
        #expect(self.violations(Cat.self, #"{"indoor": true}"#) == [self.violation("is required", "super")])
    }

    @Test func decodeNilReadsNullWithoutConsumingOtherValues() throws {
        struct Sparse: Decodable, Equatable {
            var values: [Int?]
            var marker: Bool
            enum CodingKeys: String, CodingKey { case values, marker }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                self.marker = try container.decodeNil(forKey: .marker)
                var list = try container.nestedUnkeyedContainer(forKey: .values)
                var values: [Int?] = []
                while !list.isAtEnd {
                    if try list.decodeNil() {
                        values.append(nil)
                    } else {
                        values.append(try list.decode(Int.self))
                    }
                }
                self.values = values
            }
        }
        let sparse = try self.decode(Sparse.self, #"{"values": [1, null, 2], "marker": null}"#)
        #expect(sparse.values == [1, nil, 2] && sparse.marker)
        #expect(self.violations(Sparse.self, #"{"values": []}"#) == [self.violation("is required", "marker")])
    }

    @Test func allKeysListsTheBodysMembers() throws {
        #expect(try self.decode(Everything.Shape.self, #"{"circle": {"radius": 1}}"#) == .circle(radius: 1))
        #expect(self.violations(Everything.Shape.self, #"{"circle": {"radius": 1, "x": 2}}"#) == [
            self.violation("is not a known member", "circle", "x"),
        ])
        #expect(self.violations(Everything.Shape.self, #"{"circle": {"radius": 1}, "square": {"side": 1}}"#) == [
            Violation(detail: "has the wrong type", pointer: .root),
        ])
    }

    // MARK: Types that fail on their own

    @Test func aTypesOwnErrorIsNotValidWhereItPoints() {
        struct Positive: Decodable {
            var value: Int
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                self.value = try container.decode(Int.self)
                guard self.value >= 0 else {
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: "Swift.Int \(self.value) < 0")
                }
            }
        }
        struct Oops: Error {}
        struct Refuses: Decodable {
            init(from decoder: any Decoder) throws { throw Oops() }
        }
        struct Holder: Decodable {
            var amount: Positive
            var refuses: Refuses?
            var count: Int
        }
        #expect(
            self.violations(Holder.self, #"{"amount": -1, "refuses": {"a": 1}, "count": "x"}"#) == [
                self.violation("is not valid", "amount"),
                self.violation("is not valid", "refuses"),
                self.violation("must be an integer", "count"),
            ]
        )
        #expect(self.violations(Holder.self, #"{"amount": "1", "count": 1}"#) == [self.violation("must be an integer", "amount")])
    }

    @Test func typesThatTryOneReadingAfterAnotherWork() throws {
        enum IntOrString: Decodable, Equatable {
            case int(Int)
            case string(String)
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let value = try? container.decode(Int.self) {
                    self = .int(value)
                } else {
                    self = .string(try container.decode(String.self))
                }
            }
        }
        let body = #"[1, "two", 3]"#
        #expect(try self.decode([IntOrString].self, body) == JSONDecoder().decode([IntOrString].self, from: Data(body.utf8)))
        #expect(self.violations([IntOrString].self, #"[1, true]"#) == [self.violation("must be a string", "1")])
    }

    indirect enum JSONValue: Decodable, Equatable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONValue])
        case object([String: JSONValue])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([JSONValue].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: JSONValue].self))
            }
        }
    }

    @Test func typesThatTryOneShapeAfterAnotherWork() throws {
        struct Document: Decodable {
            var title: String
            var meta: JSONValue
        }
        let body = #"{"a": [1, "x", {"b": null, "c": [true, {}]}], "d": {"e": 2.5}, "f": "g"}"#
        let expected = try JSONDecoder().decode(JSONValue.self, from: Data(body.utf8))
        #expect(try self.decode(JSONValue.self, body) == expected)
        #expect(
            self.violations(Document.self, #"{"title": 1, "meta": \#(body), "x": 1}"#) == [
                self.violation("must be a string", "title"),
                self.violation("is not a known member", "x"),
            ]
        )
    }

    enum Colour: String, Decodable { case red, green }
    enum Size: String, Decodable, CaseIterable { case small, large }

    @Test func enumerationsThatListTheirCasesKeepDecodingGoing() {
        struct Shirt: Decodable {
            var size: Size
            var count: Int
        }
        #expect(self.violations(Shirt.self, #"{"size": "huge", "count": "x"}"#) == [
            self.violation("is not valid", "size"), self.violation("must be an integer", "count"),
        ])
        #expect(self.violations(Shirt.self, #"{"count": "x"}"#) == [
            self.violation("must be an integer", "count"), self.violation("is required", "size"),
        ])
    }

    @Test func withoutAPlaceholderTheEnclosingValueIsReplaced() {
        struct Item: Decodable { var colour: Colour }
        struct Order: Decodable {
            var items: [Item]
            var count: Int
        }
        #expect(
            self.violations(Order.self, #"{"items": [{"colour": "red"}, {"colour": "purple", "x": 1}, {"colour": 1}], "count": "x"}"#) == [
                self.violation("is not valid", "items", "1", "colour"),
                self.violation("must be an integer", "count"),
            ]
        )
    }

    @Test func withoutAnyPlaceholderDecodingStopsAndReportsWhatItFound() throws {
        struct Painted: Decodable {
            var name: String
            var colour: Colour
            var count: Int
        }
        let problem = try #require(self.problem(Painted.self, #"{"name": 1, "colour": "purple", "count": "x", "extra": 1}"#))
        #expect(problem.errors == [self.violation("must be a string", "name"), self.violation("is not valid", "colour")])
        #expect(self.violations(Colour.self, #""blue""#) == [Violation(detail: "is not valid", pointer: .root)])
    }

    @Test func typesThatNeedThemselvesHaveNoPlaceholder() {
        final class Node: Decodable {
            let value: Int
            let next: Node
        }
        #expect(self.violations(Node.self, #"{"value": "x"}"#) == [
            self.violation("must be an integer", "value"), self.violation("is required", "next"),
        ])
        final class Tree: Decodable {
            let children: [Tree]
            let label: String?
        }
        #expect(self.violations(Tree.self, #"{"children": [{"children": [], "label": 1}, {}]}"#) == [
            self.violation("must be a string", "children", "0", "label"),
            self.violation("is required", "children", "1", "children"),
        ])
    }

    @Test func placeholdersForStructuredMembersAreMade() {
        struct Profile: Decodable {
            struct Address: Decodable {
                var street: String
                var zip: Int
            }
            var id: UUID
            var site: URL
            var born: Date
            var balance: Decimal
            var avatar: Data
            var address: Address
            var last: Int
        }
        #expect(self.violations(Profile.self, #"{"last": "x"}"#) == [
            self.violation("must be an integer", "last"),
            self.violation("is required", "id"), self.violation("is required", "site"), self.violation("is required", "born"),
            self.violation("is required", "balance"), self.violation("is required", "avatar"),
            self.violation("is required", "address"),
        ])
    }

    // MARK: Order, limits and hostile input

    @Test func violationsComeInTheBodysOrder() {
        struct Reversed: Decodable {
            var c: Int
            var b: Int
            var a: Int
            var missing: Int
        }
        #expect(self.violations(Reversed.self, #"{"a": "1", "z": 0, "b": "2", "c": "3"}"#) == [
            self.violation("must be an integer", "a"),
            self.violation("is not a known member", "z"),
            self.violation("must be an integer", "b"),
            self.violation("must be an integer", "c"),
            self.violation("is required", "missing"),
        ])
    }

    @Test func aMalformedBodyIsA400NamingLineAndColumn() throws {
        let problem = try #require(self.problem(Book.self, "{\n  \"title\": \"Dune\"\n  \"year\": 1965\n}"))
        #expect(problem.status == .badRequest)
        #expect(problem.type == ProblemType.malformedBody.reference)
        #expect(problem.detail == "The request body is not valid JSON: expected ',' or '}' after an object member at line 3, column 3.")
        #expect(self.problem(Book.self, "")?.detail == "The request body is not valid JSON: the request body is empty.")
    }

    @Test func limitsAreTheDecodersOwn() {
        let small = StrictJSONDecoder(maximumSize: 8, maximumDepth: 2)
        #expect(self.problem([Int].self, "[1, 2, 3, 4]", decoder: small)?.detail
            == "The request body is not valid JSON: the request body is larger than 8 bytes.")
        #expect(self.problem([[[Int]]].self, "[[[1]]]", decoder: small)?.detail
            == "The request body is not valid JSON: the request body nests deeper than 2 levels at line 1, column 3.")
    }

    @Test func deepNestingIsRefusedWithoutCrashing() throws {
        let hostile = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        #expect(self.problem(NestedArrays.self, hostile)?.status == .badRequest)
        let deepest = String(repeating: "[", count: 32) + String(repeating: "]", count: 32)
        #expect(throws: Never.self) { try self.decode(NestedArrays.self, deepest) }
        // The ceiling that `maximumDepth: .max` is clamped to.
        let deep = StrictJSONDecoder(maximumSize: 1 << 20, maximumDepth: .max)
        let atTheCeiling = String(repeating: "[", count: 256) + "1" + String(repeating: "]", count: 256)
        #expect(self.problem(NestedArrays.self, atTheCeiling, decoder: deep)?.errors.first?.location?.pointer?.tokens.count == 256)
    }

    @Test func aMegabyteOfFailuresIsCappedAndQuick() throws {
        let elements = Array(repeating: "1", count: 500_000).joined(separator: ",")
        let body = "[" + elements + "]"
        #expect(body.utf8.count < 1 << 20)
        let clock = ContinuousClock()
        var problem: Problem?
        let elapsed = clock.measure { problem = self.problem([String].self, body) }
        #expect(elapsed < .seconds(10))
        #expect(problem?.errors.count == 1000)
        #expect(problem?.errors.first == self.violation("must be a string", "0"))
        #expect(problem?.detail == "More than 1000 values in the request are not valid; the first 1000 are listed.")
        var decoder = StrictJSONDecoder()
        decoder.maximumViolations = 3
        #expect(self.violations([String].self, body, decoder: decoder).count == 3)
    }

    @Test func aMegabyteOfValidInputDecodes() throws {
        let elements = (0..<150_000).map(String.init).joined(separator: ",")
        let decoded = try self.decode([Int].self, "[" + elements + "]")
        #expect(decoded.count == 150_000 && decoded.last == 149_999)
        let members = (0..<50_000).map { "\"k\($0)\": \($0)" }.joined(separator: ",")
        let map = try self.decode([String: Int].self, "{" + members + "}")
        #expect(map.count == 50_000 && map["k49999"] == 49_999)
        #expect(self.violations(Outer.Inner.self, "{\"a\": 1, " + members + "}").count == 1000)
        #expect(self.problem([Int].self, "[" + String(repeating: "1,", count: 600_000) + "1]")?.status == .badRequest)
    }

    @Test func userInfoReachesTheTypes() throws {
        struct Scaled: Decodable {
            var value: Double
            init(from decoder: any Decoder) throws {
                let factor = CodingUserInfoKey(rawValue: "factor").flatMap { decoder.userInfo[$0] as? Double } ?? 1
                self.value = try decoder.singleValueContainer().decode(Double.self) * factor
            }
        }
        var decoder = StrictJSONDecoder()
        decoder.userInfo[try #require(CodingUserInfoKey(rawValue: "factor"))] = 10.0
        #expect(try self.decode(Scaled.self, "2", decoder: decoder).value == 20)
    }

    @Test func readsAnyCollectionOfBytes() throws {
        let decoder = StrictJSONDecoder()
        #expect(try decoder.decode([Int].self, from: "[1, 2]".utf8) == [1, 2])
        #expect(try decoder.decode([Int].self, from: Data("[3]".utf8)) == [3])
        #expect(try decoder.decode([Int].self, from: Array("[4]".utf8).lazy.map { $0 }) == [4])
    }
}
