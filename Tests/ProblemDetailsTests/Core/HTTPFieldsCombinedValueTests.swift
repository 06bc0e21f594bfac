import HTTPTypes
@testable import ProblemDetails
import PropertyBased
import Testing

struct HTTPFieldsCombinedValueTests {
    static let names: [HTTPField.Name] = [.accept, .acceptLanguage, HTTPField.Name("X-Request-ID")!, .contentType]
    /// The same names spelled as clients spell them, in other cases.
    static let spellings = [
        "Accept", "accept", "ACCEPT-LANGUAGE", "Accept-Language", "x-request-id", "X-Request-Id", "content-type",
    ]
    static let values = [
        "*/*", "application/json;q=0.9", "", "en-GB, de;q=0.5", "0f8fad5bd9cb469fa16570867728950e", "a\tb",
    ]

    static let field = Gen.element(
        of: spellings.flatMap { name in values.map { HTTPField(name: HTTPField.Name(name)!, value: $0) } }
    ).map { $0! }

    @Test func givesWhatTheSubscriptGivesForAnyFields() async {
        await propertyCheck(count: 2_000, input: Self.field.array(of: 0...6)) { fields in
            let headerFields = HTTPFields(fields)
            for name in Self.names {
                #expect(headerFields.combinedValue(of: name) == headerFields[name], "\(fields) \(name)")
            }
        }
    }

    @Test func joinsRepeatedLinesInOrderAndKeepsASingleLineAsItIs() {
        var fields = HTTPFields()
        fields.append(HTTPField(name: .accept, value: "application/xml"))
        fields.append(HTTPField(name: .acceptLanguage, value: "de"))
        fields.append(HTTPField(name: HTTPField.Name("ACCEPT")!, value: "application/json;q=0.5"))
        #expect(fields.combinedValue(of: .accept) == "application/xml, application/json;q=0.5")
        #expect(fields.combinedValue(of: .acceptLanguage) == "de")
        #expect(fields.combinedValue(of: .contentType) == nil)
    }
}
