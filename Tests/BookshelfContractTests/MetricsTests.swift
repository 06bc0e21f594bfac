import Foundation
import Testing
import HTTPTypes

/// `/metrics`: the Prometheus text format, with the problem counter.
@Suite struct MetricsTests {
    @Test(arguments: Demo.allCases) func metricsCountProblemsByTypeAndStatus(demo: Demo) async throws {
        try await Bookshelf.run(demo) { shelf in
            _ = try await shelf.send(.GET, "/books/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d")
            _ = try await shelf.send(.GET, "/books/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d")
            _ = try await shelf.send(.GET, "/boom")
            _ = try await shelf.send(.GET, "/nowhere")

            let response = try await shelf.send(.GET, "/metrics")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType) == "text/plain; version=0.0.4; charset=utf-8")
            let text = response.body.string
            #expect(text.contains("# TYPE problem_details_responses counter"))
            #expect(text.contains(#"problem_details_responses{type="resource-not-found",status="404"} 2"#))
            #expect(text.contains(#"problem_details_responses{type="internal-error",status="500"} 1"#))
            #expect(text.contains(#"problem_details_responses{type="about:blank",status="404"} 1"#))
        }
    }
}
