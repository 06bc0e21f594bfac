import ProblemDetails
import Testing

@Suite struct ViolationTests {
    @Test func pointerIsWrittenInFragmentForm() {
        #expect(
            Violation(detail: "must be positive", pointer: ["age"]).extensionValue
                == ["detail": "must be positive", "pointer": "#/age"]
        )
    }

    @Test func parameterAndHeaderLocations() {
        #expect(Violation(detail: "d", parameter: "id").extensionValue == ["detail": "d", "parameter": "id"])
        #expect(Violation(detail: "d", header: "If-Match").extensionValue == ["detail": "d", "header": "If-Match"])
        #expect(Violation(detail: "d", location: nil).extensionValue == ["detail": "d"])
    }

    @Test func readsItemsInEitherPointerForm() {
        #expect(Violation(["detail": "x", "pointer": "#/tags/3"])?.location?.pointer == ["tags", "3"])
        #expect(Violation(["detail": "x", "pointer": "/tags/3"])?.location?.pointer == ["tags", "3"])
        #expect(Violation(["detail": "x", "parameter": "id"])?.location?.parameter == "id")
        #expect(Violation(["detail": "x", "header": "Accept"])?.location?.header == "Accept")
    }

    @Test func itemsWithoutAStringDetailAreNotViolations() {
        #expect(Violation(["pointer": "#/a"]) == nil)
        #expect(Violation(["detail": 1]) == nil)
        #expect(Violation("text") == nil)
    }

    @Test func malformedPointerIsDroppedNotFatal() {
        let violation = Violation(["detail": "x", "pointer": "no-slash"])
        #expect(violation?.detail == "x")
        #expect(violation?.location == nil)
    }
}
