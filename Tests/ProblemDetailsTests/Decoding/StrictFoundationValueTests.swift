@testable import ProblemDetails
import Testing

@Suite struct StrictFoundationValueTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", 0.0),
        ("1970-01-01T00:00:01.5Z", 1.5),
        ("2001-01-01T00:00:00Z", 978_307_200.0),
        ("2024-02-29T12:00:00+01:00", 1_709_204_400.0),
        ("1969-12-31T23:00:00-01:00", 0.0),
        ("0001-01-01T00:00:00Z", -62_135_596_800.0),
        ("9999-12-31T23:59:59Z", 253_402_300_799.0),
    ])
    func readsRFC3339DateTimes(text: String, seconds: Double) {
        #expect(StrictFoundationValue.internetDateTime(text) == seconds)
    }

    @Test(arguments: [
        "", "2024-01-01", "2024-01-01T00:00:00", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z",
        "2024-01-01T24:00:00Z", "2024-01-01T00:60:00Z", "2024-01-01T00:00:60Z", "2024-01-01 00:00:00Z",
        "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00.1234567890Z", "2024-01-01T00:00:00+0100", "2024-01-01T00:00:00+24:00",
        "+2024-01-01T00:00:00Z", "2024-1-01T00:00:00Z", "2024-01-01T00:00:00Zjunk", "２０２４-01-01T00:00:00Z",
    ])
    func refusesEverythingElse(text: String) {
        #expect(StrictFoundationValue.internetDateTime(text) == nil)
    }

    @Test(arguments: [
        ("", [UInt8]()), ("Zg==", Array("f".utf8)), ("Zm8=", Array("fo".utf8)), ("Zm9v", Array("foo".utf8)),
        ("Zm9vYmFy", Array("foobar".utf8)), ("+/+/", [0xFB, 0xFF, 0xBF]),
    ])
    func decodesBase64(text: String, bytes: [UInt8]) {
        #expect(StrictFoundationValue.base64Decoded(text) == bytes)
    }

    @Test(arguments: ["Zg", "Zg=", "Z===", "Zg==Zg==", "Zm 9v", "Zm9v\n", "Zm-v", "=Zm9", "Zg=a"])
    func refusesBase64ThatIsNotStrict(text: String) {
        #expect(StrictFoundationValue.base64Decoded(text) == nil)
    }

    @Test func recognisesFoundationTypesByNameOnly() {
        struct Date {}
        struct URL {}
        #expect(StrictFoundationValue(Date.self) == nil)
        #expect(StrictFoundationValue(URL.self) == nil)
        #expect(StrictFoundationValue(Int.self) == nil)
        #expect(StrictFoundationValue(String.self) == nil)
    }

    @Test func datesFollowTheStrategy() {
        #expect(StrictFoundationValue.date.adapt(1000, dateStrategy: .deferredToDate) == nil)
        #expect(StrictFoundationValue.date.adapt(978_307_200, dateStrategy: .secondsSince1970) == .success(.double(0)))
        #expect(StrictFoundationValue.date.adapt(978_307_200_000, dateStrategy: .millisecondsSince1970) == .success(.double(0)))
        #expect(StrictFoundationValue.date.adapt("2001-01-01T00:00:00Z", dateStrategy: .iso8601) == .success(.double(0)))
    }

    @Test func decimalsBecomeTheirCodingForm() {
        #expect(
            StrictFoundationValue.decimal.adapt(.bigNumber("-1234.500"), dateStrategy: .deferredToDate)
                == .success([
                    "exponent": -1, "length": 1, "isNegative": true, "isCompact": false,
                    "mantissa": [12345, 0, 0, 0, 0, 0, 0, 0],
                ])
        )
        #expect(
            StrictFoundationValue.decimal.adapt(65536, dateStrategy: .deferredToDate)
                == .success([
                    "exponent": 0, "length": 2, "isNegative": false, "isCompact": false,
                    "mantissa": [0, 1, 0, 0, 0, 0, 0, 0],
                ])
        )
        #expect(
            StrictFoundationValue.decimal.adapt(.bigNumber("1e-400"), dateStrategy: .deferredToDate)
                == .success([
                    "exponent": 0, "length": 0, "isNegative": false, "isCompact": false,
                    "mantissa": [0, 0, 0, 0, 0, 0, 0, 0],
                ])
        )
        #expect(StrictFoundationValue.decimal.adapt(.bigNumber("1e400"), dateStrategy: .deferredToDate) == .failure(.outOfRange))
        #expect(StrictFoundationValue.decimal.adapt(.bigNumber("1e999999999999"), dateStrategy: .deferredToDate) == .failure(.outOfRange))
        #expect(StrictFoundationValue.decimal.adapt("1", dateStrategy: .deferredToDate) == .failure(.expected(.number)))
    }
}
