import HTTPTypes
import ProblemDetails
import Testing

@Suite struct InputValidatingTests {
    struct Event: Decodable, InputValidating {
        struct Venue: Decodable, InputValidating {
            var name: String
            var seats: Int

            func violations() -> [Violation] {
                // Never consulted: only the top-level type is.
                [Violation(detail: "nested rule", pointer: ["name"])]
            }
        }

        var title: String
        var venue: Venue
        var tags: [String]
        var start: Int
        var end: Int

        func violations() -> [Violation] {
            var found: [Violation] = []
            if self.title.isEmpty { found.append(Violation(detail: "must not be empty", pointer: ["title"])) }
            if self.title.count > 5 { found.append(Violation(detail: "must be at most 5 characters", pointer: ["title"])) }
            if self.title.contains(" ") { found.append(Violation(detail: "must not contain spaces", pointer: ["title"])) }
            if self.venue.seats < 1 { found.append(Violation(detail: "must be positive", pointer: ["venue", "seats"])) }
            if self.venue.name.isEmpty { found.append(Violation(detail: "must not be empty", pointer: ["venue", "name"])) }
            if self.tags.count > 2 { found.append(Violation(detail: "must have at most 2 items", pointer: ["tags"])) }
            for (index, tag) in self.tags.enumerated() where tag.isEmpty {
                found.append(Violation(detail: "must not be empty", pointer: ["tags", String(index)]))
            }
            if self.end < self.start {
                found.append(Violation(detail: "must not be before start", pointer: ["end"]))
                found.append(Violation(detail: "end must not be before start", parameter: "range"))
            }
            return found
        }
    }

    func violations(_ json: String) -> [Violation] {
        do {
            _ = try StrictJSONDecoder().decode(Event.self, from: Array(json.utf8))
            return []
        } catch {
            #expect(error.status == .unprocessableContent)
            return error.errors
        }
    }

    @Test func aValidValueThatKeepsTheRulesDecodes() throws {
        let event = try StrictJSONDecoder().decode(
            Event.self,
            from: Array(#"{"title": "Gig", "venue": {"name": "Hall", "seats": 10}, "tags": [], "start": 1, "end": 2}"#.utf8)
        )
        #expect(event.title == "Gig")
    }

    @Test func theApplicationsRulesAreReportedInTheBodysOrder() {
        let body = #"{"end": 1, "start": 2, "tags": ["", "a", "b"], "title": "A long title", "venue": {"seats": 0, "name": "Hall"}}"#
        #expect(
            self.violations(body) == [
                Violation(detail: "must not be before start", pointer: ["end"]),
                Violation(detail: "must have at most 2 items", pointer: ["tags"]),
                Violation(detail: "must not be empty", pointer: ["tags", "0"]),
                Violation(detail: "must be at most 5 characters", pointer: ["title"]),
                Violation(detail: "must not contain spaces", pointer: ["title"]),
                Violation(detail: "must be positive", pointer: ["venue", "seats"]),
                Violation(detail: "end must not be before start", parameter: "range"),
            ]
        )
    }

    @Test func aMemberThatFailedToDecodeGetsNoRuleOnItsPlaceholder() {
        let body = #"{"title": 5, "venue": "Hall", "tags": ["", 1, "c"], "start": 1, "end": 2, "x": 0}"#
        #expect(
            self.violations(body) == [
                Violation(detail: "must be a string", pointer: ["title"]),
                Violation(detail: "must be an object", pointer: ["venue"]),
                Violation(detail: "must have at most 2 items", pointer: ["tags"]),
                Violation(detail: "must not be empty", pointer: ["tags", "0"]),
                Violation(detail: "must be a string", pointer: ["tags", "1"]),
                Violation(detail: "is not a known member", pointer: ["x"]),
            ]
        )
    }

    @Test func aMissingMemberGetsOneEntry() {
        let body = #"{"venue": {"name": "", "seats": 3}, "tags": [], "start": 1, "end": 2}"#
        #expect(
            self.violations(body) == [
                Violation(detail: "must not be empty", pointer: ["venue", "name"]),
                Violation(detail: "is required", pointer: ["title"]),
            ]
        )
    }

    @Test func rulesAreNotAskedWhenNoValueCouldBeMade() {
        enum Kind: String, Decodable { case a }
        struct Strict: Decodable, InputValidating {
            var kind: Kind
            func violations() -> [Violation] {
                Issue.record("violations() was called on a value that could not be made")
                return []
            }
        }
        let problem = #expect(throws: Problem.self) {
            try StrictJSONDecoder().decode(Strict.self, from: Array(#"{"kind": "b"}"#.utf8))
        }
        #expect(problem?.errors == [Violation(detail: "is not valid", pointer: ["kind"])])
    }
}
