import ProblemDetails
import ProblemDetailsTesting

/// `problem check`'s output: a table for people, JSON for CI.
struct CheckReport {
    let checks: [ConformanceCheck]
    let requests: Int

    var failed: Int { self.checks.count { $0.outcome == .failed } }
    var passed: Int { self.checks.count { $0.outcome == .passed } }
    var skipped: Int { self.checks.count { $0.outcome == .skipped } }

    /// One line per check, failures first within each rule, then a summary.
    func table(colour: Bool) -> String {
        var lines: [String] = []
        for check in self.checks {
            let mark: String
            switch check.outcome {
            case .passed: mark = colour ? "\u{1B}[32mPASS\u{1B}[0m" : "PASS"
            case .failed: mark = colour ? "\u{1B}[31mFAIL\u{1B}[0m" : "FAIL"
            case .skipped: mark = colour ? "\u{1B}[33mSKIP\u{1B}[0m" : "SKIP"
            }
            lines.append("\(mark)  \(Self.padded(check.id, 26))  \(Self.padded(check.reference, 28))  \(check.observed)")
        }
        lines.append("")
        lines.append("\(self.passed) passed, \(self.failed) failed, \(self.skipped) skipped, in \(self.requests) requests")
        return lines.joined(separator: "\n")
    }

    /// `{"summary": {...}, "checks": [{"id", "title", "reference", "outcome", "observed"}]}`.
    var json: String {
        let checks = ExtensionValue.array(
            self.checks.map { check in
                [
                    "id": .string(check.id), "title": .string(check.title), "reference": .string(check.reference),
                    "outcome": .string(check.outcome.rawValue), "observed": .string(check.observed),
                ]
            }
        )
        let summary: ExtensionValue = [
            "passed": .integer(self.passed), "failed": .integer(self.failed), "skipped": .integer(self.skipped),
            "requests": .integer(self.requests),
        ]
        return String(decoding: ProblemJSONEncoder().encode(["summary": summary, "checks": checks] as ExtensionValue), as: UTF8.self)
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
