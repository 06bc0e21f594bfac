import ProblemDetails
import Testing

@Suite struct ProblemExtensionsTests {
    @Test func membersKeepInsertionOrder() {
        var extensions: Problem.Extensions = ["zeta": 1, "alpha": 2]
        extensions["middle"] = 3
        #expect(extensions.map(\.name) == ["zeta", "alpha", "middle"])
    }

    @Test func replacingAValueKeepsItsPosition() {
        var extensions: Problem.Extensions = ["one": 1, "two": 2]
        extensions["one"] = "first"
        #expect(extensions.map(\.name) == ["one", "two"])
        #expect(extensions["one"] == "first")
        extensions["one"] = nil
        #expect(extensions.map(\.name) == ["two"])
    }

    @Test(arguments: ["type", "title", "status", "detail", "instance"])
    func reservedNamesAreRefused(name: String) {
        var extensions = Problem.Extensions()
        #expect(throws: Problem.Extensions.ReservedNameError(name: name)) {
            try extensions.setValue("x", forName: name)
        }
        #expect(throws: Problem.Extensions.ReservedNameError.self) {
            try Problem.Extensions([name: 1])
        }
        #expect(Problem.Extensions.isReserved(name))
        #expect(extensions.isEmpty)
    }

    @Test func unreservedNamesAreAccepted() throws {
        var extensions = Problem.Extensions()
        try extensions.setValue(1, forName: "types")
        #expect(extensions["types"] == 1)
        #expect(!Problem.Extensions.isReserved("Type"))
    }

    @Test func nameIssuesReportUnadvisedNames() {
        let extensions: Problem.Extensions = ["ok_name": 1, "ab": 2, "1abc": 3, "has-hyphen": 4]
        let issues = extensions.nameIssues()
        #expect(issues.contains(ExtensionNameIssue(name: "ab", rule: .tooShort)))
        #expect(issues.contains(ExtensionNameIssue(name: "1abc", rule: .doesNotStartWithLetter)))
        #expect(issues.contains(ExtensionNameIssue(name: "1abc", rule: .notAnXMLName)))
        #expect(issues.contains(ExtensionNameIssue(name: "has-hyphen", rule: .unadvisedCharacters)))
        #expect(!issues.contains { $0.name == "ok_name" })
    }
}

extension ProblemExtensionsTests {
    @Test func reservedNamesListAndCheckAgree() {
        #expect(Problem.Extensions.reservedNames.allSatisfy(Problem.Extensions.isReserved))
        for name in ["types", "Type", "titles", "statuses", "details", "instances", "", "typ"] {
            #expect(!Problem.Extensions.isReserved(name))
        }
    }
}
