import Foundation
import Testing
import HTTPTypes

/// `X-Request-ID`, `X-Correlation-ID` and `traceparent` on successes and problems.
@Suite struct RequestIDTests {
    static let missing = "/books/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"

    @Test(arguments: Demo.allCases) func aValidRequestIDIsEchoedInTheHeaderAndBody(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(.GET, Self.missing, headers: ["X-Request-ID": "req-42.a_b:c"])
            #expect(response.headers.first(name: "X-Request-ID") == "req-42.a_b:c")
            #expect(try JSON.object(response)["request_id"] as? String == "req-42.a_b:c")

            let success = try await shelf.send(.GET, "/health", headers: ["X-Request-ID": "req-43"])
            #expect(success.headers.first(name: "X-Request-ID") == "req-43")
        }
    }

    @Test(arguments: Demo.allCases, ["has spaces", String(repeating: "a", count: 129), "<script>", "semi;colon", "ü"])
    func anInvalidRequestIDIsNeverReflected(demo: Demo, requestID: String) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(.GET, Self.missing, headers: ["X-Request-ID": requestID])
            let generated = try #require(response.headers.first(name: "X-Request-ID"))
            #expect(generated != requestID)
            #expect(!generated.isEmpty)
            #expect(try JSON.object(response)["request_id"] as? String == generated)
            #expect(!response.body.string.contains(requestID))
        }
    }

    /// `X-Request-ID` is a single value, so two lines of it are no valid ID, whichever comes first.
    @Test(arguments: Demo.allCases) func aRequestIDSentTwiceIsNeverReflected(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            for path in [Self.missing, "/health"] {
                let twice: ShelfHeaders = ["X-Request-ID": "req-a", "X-Request-ID": "req-b"]
                let response = try await shelf.send(.GET, path, headers: twice)
                let generated = try #require(response.headers.first(name: "X-Request-ID"))
                #expect(!["req-a", "req-b", "req-a, req-b"].contains(generated))
                #expect(response.headers["X-Request-ID"].count == 1)
            }
            let correlated = try await shelf.send(
                .GET,
                Self.missing,
                headers: ["X-Correlation-ID": "corr-a", "X-Correlation-ID": "corr-b", "X-Request-ID": "req-c"]
            )
            #expect(correlated.headers.first(name: "X-Request-ID") == "req-c")
            #expect(correlated.headers.first(name: "X-Correlation-ID") == nil)
        }
    }

    @Test(arguments: Demo.allCases) func aRequestIDIsGeneratedWhenThereIsNone(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let first = try await shelf.send(.GET, Self.missing)
            let second = try await shelf.send(.GET, Self.missing)
            let id = try #require(first.headers.first(name: "X-Request-ID"))
            #expect(try JSON.object(first)["request_id"] as? String == id)
            #expect(second.headers.first(name: "X-Request-ID") != id)
            #expect(first.headers.first(name: "X-Correlation-ID") == nil)
        }
    }

    @Test(arguments: Demo.allCases) func aCorrelationIDAloneBecomesTheRequestIDAndIsEchoed(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(.GET, Self.missing, headers: ["X-Correlation-ID": "corr-7"])
            #expect(response.headers.first(name: "X-Correlation-ID") == "corr-7")
            #expect(response.headers.first(name: "X-Request-ID") == "corr-7")
            #expect(try JSON.object(response)["request_id"] as? String == "corr-7")
        }
    }

    @Test(arguments: Demo.allCases) func bothHeadersAreEchoedUnderTheirOwnNames(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(
                .GET,
                Self.missing,
                headers: ["X-Request-ID": "req-1", "X-Correlation-ID": "corr-1"]
            )
            // Each once: the problem's own fields and the echo on every response must not add up.
            #expect(response.headers["X-Request-ID"] == ["req-1"])
            #expect(response.headers["X-Correlation-ID"] == ["corr-1"])
            #expect(try JSON.object(response)["request_id"] as? String == "req-1")

            let success = try await shelf.send(.GET, "/health", headers: ["X-Request-ID": "req-2", "X-Correlation-ID": "corr-2"])
            #expect(success.headers["X-Request-ID"] == ["req-2"])
            #expect(success.headers["X-Correlation-ID"] == ["corr-2"])
        }
    }

    @Test(arguments: Demo.allCases) func anInvalidCorrelationIDIsNotEchoed(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(.GET, Self.missing, headers: ["X-Correlation-ID": "bad id"])
            #expect(response.headers.first(name: "X-Correlation-ID") == nil)
            #expect(response.headers.first(name: "X-Request-ID") != "bad id")
        }
    }

    @Test(arguments: Demo.allCases) func aValidTraceparentPutsItsTraceIDInTheProblem(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(
                .GET,
                Self.missing,
                headers: ["traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"]
            )
            let body = try ProblemChecks.expectProblem(
                response,
                status: .notFound,
                slug: "resource-not-found",
                instance: Self.missing
            )
            #expect(body["trace_id"] as? String == "4bf92f3577b34da6a3ce929d0e0e4736")
        }
    }

    @Test(arguments: Demo.allCases, [
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "garbage",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
    ])
    func anInvalidTraceparentGivesNoTraceID(demo: Demo, traceparent: String) async throws {
        try await Bookshelf.run(demo) { shelf in
            let response = try await shelf.send(.GET, Self.missing, headers: ["traceparent": traceparent])
            #expect(response.status == .notFound)
            #expect(try JSON.object(response)["trace_id"] == nil)
        }
    }
}
