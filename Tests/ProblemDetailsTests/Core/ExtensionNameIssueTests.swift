import ProblemDetails
import Testing

@Suite struct ExtensionNameIssueTests {
    @Test func advisedNameHasNoIssues() {
        #expect(ExtensionNameIssue.issues(forName: "balance").isEmpty)
        #expect(ExtensionNameIssue.issues(forName: "retry_after").isEmpty)
        #expect(ExtensionNameIssue.issues(forName: "abc").isEmpty)
    }

    @Test func shortNamesAreReported() {
        #expect(ExtensionNameIssue.issues(forName: "id").map(\.rule) == [.tooShort])
    }

    @Test func namesNotStartingWithALetterAreReported() {
        let rules = ExtensionNameIssue.issues(forName: "_private").map(\.rule)
        #expect(rules == [.doesNotStartWithLetter])
        #expect(ExtensionNameIssue.issues(forName: "").map(\.rule).contains(.doesNotStartWithLetter))
    }

    @Test func hyphenatedNamesFromIETFDraftsAreReportedButStayXMLNames() {
        let rules = ExtensionNameIssue.issues(forName: "violated-policies").map(\.rule)
        #expect(rules == [.unadvisedCharacters])
    }

    @Test func namesXMLCannotCarryAreReported() {
        #expect(ExtensionNameIssue.issues(forName: "a b c").map(\.rule).contains(.notAnXMLName))
        #expect(ExtensionNameIssue.issues(forName: "ns:name").map(\.rule).contains(.notAnXMLName))
        #expect(!ExtensionNameIssue.issues(forName: "größe").map(\.rule).contains(.notAnXMLName))
    }

    @Test func descriptionNamesMemberAndRule() {
        #expect(
            ExtensionNameIssue(name: "id", rule: .tooShort).description
                == "extension member 'id' should be three characters or longer"
        )
    }
}
