#if XML
import HTTPTypes
import ProblemDetails
import Testing

@Suite struct ProblemXMLEncoderTests {
    private func text(_ problem: Problem) -> String {
        String(decoding: ProblemXMLEncoder().encode(problem), as: UTF8.self)
    }

    private func text(of value: ExtensionValue, named name: String = "value") -> String {
        self.text(Problem(extensions: [name: value]))
    }

    // MARK: Layout

    @Test func writesTheAppendixBExampleByteForByte() {
        let bytes = ProblemXMLEncoder().encode(XMLFixtures.appendixBProblem)
        #expect(bytes == Array(XMLFixtures.appendixB.utf8))
    }

    @Test func writesStandardMembersInAFixedOrderWithTypeAlways() {
        var problem = Problem(status: .forbidden, detail: "d", instance: "/i", extensions: ["extra": "e"])
        problem.title = "t"
        #expect(
            self.text(problem)
                == XMLFixtures.encoded(
                    "  <title>t</title>",
                    "  <status>403</status>",
                    "  <detail>d</detail>",
                    "  <instance>/i</instance>",
                    "  <extra>e</extra>"
                )
        )
    }

    @Test func writesTheStatusPhraseAsTheTitleOfAnAboutBlankProblem() {
        #expect(
            self.text(Problem(status: .notFound))
                == XMLFixtures.encoded("  <title>Not Found</title>", "  <status>404</status>")
        )
    }

    @Test func doesNotWriteHeaderFields() {
        let problem = Problem(headers: [.retryAfter: "120"])
        #expect(self.text(problem) == XMLFixtures.encoded())
    }

    // MARK: Text

    @Test func escapesAmpersandAndAngleBracketsButNotQuotes() {
        #expect(
            self.text(of: "a < b & c > d \"q\" 'a' ]]>")
                == XMLFixtures.encoded("  <value>a &lt; b &amp; c &gt; d \"q\" 'a' ]]&gt;</value>")
        )
    }

    @Test func writesCarriageReturnAsACharacterReference() {
        #expect(self.text(of: "a\r\nb\rc") == XMLFixtures.encoded("  <value>a&#xD;\nb&#xD;c</value>"))
    }

    @Test func replacesCharactersXMLCannotCarryWithTheReplacementCharacter() {
        let value: ExtensionValue =
            "\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}|\t\n|\u{FFFE}\u{FFFF}|\u{7F}\u{85}\u{FFFD}\u{10FFFF}"
        #expect(
            self.text(of: value)
                == XMLFixtures.encoded(
                    "  <value>\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}|\t\n|\u{FFFD}\u{FFFD}|\u{7F}\u{85}\u{FFFD}\u{10FFFF}</value>"
                )
        )
    }

    @Test func replacesCharactersXMLCannotCarryInStandardMembers() {
        let problem = Problem(type: "urn:x\u{1}", title: "\u{2}", detail: "\u{FFFF}", instance: "\u{1B}[0m")
        #expect(
            self.text(problem)
                == [
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                    "<problem xmlns=\"urn:ietf:rfc:7807\">",
                    "  <type>urn:x\u{FFFD}</type>",
                    "  <title>\u{FFFD}</title>",
                    "  <detail>\u{FFFD}</detail>",
                    "  <instance>\u{FFFD}[0m</instance>",
                    "</problem>",
                ].joined(separator: "\n")
        )
    }

    @Test func writesAnEmptyStringAsAnElementWithNoText() {
        #expect(self.text(of: "") == XMLFixtures.encoded("  <value></value>"))
    }

    // MARK: Other values

    @Test func writesNumbersAsTheirJSONText() {
        let problem = Problem(extensions: [
            "integer": .integer(-9_223_372_036_854_775_808),
            "double": 1.5,
            "tiny": 1e-300,
            "big": .bigNumber("123456789012345678901234567890"),
            "yes": true,
            "no": false,
        ])
        #expect(
            self.text(problem)
                == XMLFixtures.encoded(
                    "  <integer>-9223372036854775808</integer>",
                    "  <double>1.5</double>",
                    "  <tiny>1e-300</tiny>",
                    "  <big>123456789012345678901234567890</big>",
                    "  <yes>true</yes>",
                    "  <no>false</no>"
                )
        )
    }

    @Test func writesABigNumberThatIsNotNumberTextAsEscapedText() {
        #expect(self.text(of: .bigNumber("1<2")) == XMLFixtures.encoded("  <value>1&lt;2</value>"))
    }

    @Test func writesNullNonFiniteDoublesAndEmptyCollectionsAsEmptyElements() {
        let problem = Problem(extensions: [
            "null": .null,
            "infinity": .double(.infinity),
            "nan": .double(.nan),
            "array": [],
            "object": .object([:]),
        ])
        #expect(
            self.text(problem)
                == XMLFixtures.encoded("  <null/>", "  <infinity/>", "  <nan/>", "  <array/>", "  <object/>")
        )
    }

    @Test func writesArraysAsIElementsAndObjectsAsChildElements() {
        let problem = Problem(extensions: [
            "errors": [
                ["detail": "must be positive", "pointer": "#/age"],
                [1, [true, .null], []],
            ]
        ])
        #expect(
            self.text(problem)
                == XMLFixtures.encoded(
                    "  <errors>",
                    "    <i>",
                    "      <detail>must be positive</detail>",
                    "      <pointer>#/age</pointer>",
                    "    </i>",
                    "    <i>",
                    "      <i>1</i>",
                    "      <i>",
                    "        <i>true</i>",
                    "        <i/>",
                    "      </i>",
                    "      <i/>",
                    "    </i>",
                    "  </errors>"
                )
        )
    }

    // MARK: Names

    @Test func leavesOutMembersWhoseNamesAreNotXMLNames() {
        let problem = Problem(extensions: [
            "1abc": "digit first",
            "a b": "space",
            "a:b": "colon",
            "": "empty",
            "ok": ["-x": 1, "fine": 2, "x y": 3],
            "none": ["1": 1],
        ])
        #expect(problem.extensions.nameIssues().contains { $0.rule == .notAnXMLName })
        #expect(
            self.text(problem)
                == XMLFixtures.encoded("  <ok>", "    <fine>2</fine>", "  </ok>", "  <none/>")
        )
    }

    @Test func writesNonASCIINamesThatAreXMLNames() {
        #expect(self.text(of: "x", named: "größe") == XMLFixtures.encoded("  <größe>x</größe>"))
    }

    // MARK: Size

    @Test func measuresTheWorstCaseOfEveryValueKind() {
        // The output buffer is allocated from the measurement; a value that wrote more than it
        // measured would trip the encoder's assertion.
        let hostile = String(repeating: "\u{0}&<>\r\u{FFFF}", count: 1000)
        let problem = Problem(
            type: hostile,
            title: hostile,
            status: .init(code: 599),
            detail: hostile,
            instance: hostile,
            extensions: [
                "integers": [.integer(.min), .integer(.max)],
                "doubles": [
                    .double(-2.2250738585072014e-308), .double(-1.7976931348623157e308),
                    .double(.leastNonzeroMagnitude),
                ],
                "deep": [[[[["x": [.string(hostile)]]]]]],
            ]
        )
        let bytes = ProblemXMLEncoder().encode(problem)
        #expect(bytes.count > 4 * 6000)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("\u{0}"))
    }

    // MARK: Rendering

    @Test func rendersAsProblemXML() {
        let encoder = ProblemXMLEncoder()
        #expect(encoder.contentType == "application/problem+xml")
        #expect(encoder.mediaTypes == [.problemXML, .xml, .textXML])
        let problem = XMLFixtures.appendixBProblem
        #expect(encoder.render(problem, in: RenderingContext(language: "de")) == encoder.encode(problem))
    }
}
#endif
