#if XML
import HTTPTypes
import ProblemDetails
import Testing

@Suite struct ProblemXMLDecoderTests {
    private func decode(
        _ text: String,
        baseURI: String? = nil,
        with decoder: ProblemXMLDecoder = ProblemXMLDecoder()
    ) throws -> DecodedProblem {
        try decoder.decode(text, baseURI: baseURI)
    }

    /// The members of a document whose root holds `members`.
    private func decodeMembers(_ members: String) throws -> DecodedProblem {
        try self.decode(XMLFixtures.problem(members))
    }

    private func failure(_ text: String, with decoder: ProblemXMLDecoder = ProblemXMLDecoder())
        -> ProblemDecodingError?
    {
        self.failure(Array(text.utf8), with: decoder)
    }

    private func failure(_ bytes: [UInt8], with decoder: ProblemXMLDecoder = ProblemXMLDecoder())
        -> ProblemDecodingError?
    {
        do {
            _ = try decoder.decode(bytes)
            return nil
        } catch {
            return error
        }
    }

    // MARK: The Appendix B example

    @Test func readsTheAppendixBExample() throws {
        let decoded = try self.decode(XMLFixtures.appendixB)
        let problem = decoded.problem
        #expect(problem.type == "https://example.com/probs/out-of-credit")
        #expect(problem.title == "You do not have enough credit.")
        #expect(problem.status == nil)
        #expect(problem.detail == "Your current balance is 30, but that costs 50.")
        #expect(problem.instance == "https://example.net/account/12345/msgs/abc")
        #expect(problem.extensions.map(\.name) == ["balance", "accounts"])
        #expect(problem.extensions["balance"] == .string("30"))
        #expect(
            problem.extensions["accounts"] == [
                "https://example.net/account/12345", "https://example.net/account/67890",
            ])
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test func reencodesTheAppendixBExampleToTheSameBytes() throws {
        let decoded = try self.decode(XMLFixtures.appendixB)
        #expect(ProblemXMLEncoder().encode(decoded.problem) == Array(XMLFixtures.appendixB.utf8))
    }

    @Test func readsBytesFromAnyCollection() throws {
        let bytes = Array(XMLFixtures.appendixB.utf8)
        let fromArray = try ProblemXMLDecoder().decode(bytes)
        let fromSlice = try ProblemXMLDecoder().decode(bytes[...])
        let fromLazy = try ProblemXMLDecoder().decode(bytes.lazy.map { $0 })
        #expect(fromArray == fromSlice)
        #expect(fromArray == fromLazy)
        #expect(fromArray == (try self.decode(XMLFixtures.appendixB)))
    }

    @Test func neverCrashesOnAnyTruncationOfTheAppendixBExample() {
        let bytes = Array(XMLFixtures.appendixB.utf8)
        for count in 0..<bytes.count {
            let error = self.failure(Array(bytes[..<count]))
            #expect(error?.reason == .malformed, "prefix of \(count) bytes")
            #expect(error?.line != nil)
        }
    }

    @Test func neverCrashesOnTruncationsOrSingleByteChangesOfARichDocument() {
        let document = """
            \u{FEFF}<?xml version='1.0' encoding='utf-8' standalone="no"?>
            <?xml-stylesheet type="text/xsl" href="problem.xsl"?>
            <!-- a comment -->
            <p:problem xmlns:p="urn:ietf:rfc:7807" xmlns:x="urn:example" xml:lang="en">
              <p:title>a &amp; b &#x3C; &#60; &apos;&quot; é 😀</p:title>
              <p:status> 403 </p:status>
              <p:detail><![CDATA[<raw> & ]]]><!-- c --><?pi x?></p:detail>
              <x:ignored a="1"><p:x/></x:ignored>
              <p:list><p:i>1</p:i><p:i><p:i/></p:i></p:list>
              <p:empty/>
            </p:problem>
            """
        let bytes = Array(document.utf8)
        #expect(self.failure(bytes) == nil)
        for count in 0..<bytes.count {
            #expect(self.failure(Array(bytes[..<count])) != nil, "prefix of \(count) bytes")
        }
        let replacements: [UInt8] = [0x00, 0x0D, 0x20, 0x22, 0x26, 0x2F, 0x3A, 0x3C, 0x3E, 0x5D, 0x80, 0xFF]
        for offset in bytes.indices {
            for replacement in replacements {
                var mutated = bytes
                mutated[offset] = replacement
                _ = self.failure(mutated)
            }
        }
    }

    // MARK: Typing

    @Test func readsNumbersAndBooleansOfExtensionsAsStrings() throws {
        let problem = Problem(extensions: ["count": 3, "ratio": 0.5, "ok": true, "huge": .bigNumber("1e400")])
        let decoded = try ProblemXMLDecoder().decode(ProblemXMLEncoder().encode(problem))
        #expect(decoded.problem.extensions["count"] == "3")
        #expect(decoded.problem.extensions["ratio"] == "0.5")
        #expect(decoded.problem.extensions["ok"] == "true")
        #expect(decoded.problem.extensions["huge"] == "1e400")
    }

    @Test func readsNullEmptyArraysAndEmptyObjectsBackAsEmptyStrings() throws {
        let problem = Problem(extensions: ["null": .null, "array": [], "object": .object([:]), "string": ""])
        let decoded = try ProblemXMLDecoder().decode(ProblemXMLEncoder().encode(problem))
        #expect(decoded.problem.extensions.map(\.value) == ["", "", "", ""])
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test func readsAnElementWhoseChildrenAreAllIAsAnArray() throws {
        let decoded = try self.decodeMembers("<one><i>x</i></one><many><i>1</i><i/><i>3</i></many>")
        #expect(decoded.problem.extensions["one"] == ["x"])
        #expect(decoded.problem.extensions["many"] == ["1", "", "3"])
    }

    @Test func readsArraysNestedInArrays() throws {
        let decoded = try self.decodeMembers("<a><i><i>1</i><i>2</i></i><i>3</i><i><b>4</b></i></a>")
        #expect(decoded.problem.extensions["a"] == [["1", "2"], "3", ["b": "4"]])

        let problem = Problem(extensions: ["a": [["x", ["y", "z"]], ["w"]]])
        #expect(try ProblemXMLDecoder().decode(ProblemXMLEncoder().encode(problem)).problem == problem)
    }

    @Test func readsAnObjectWhoseOnlyMemberIsIAsAnArray() throws {
        let problem = Problem(extensions: ["o": ["i": "x"]])
        let decoded = try ProblemXMLDecoder().decode(ProblemXMLEncoder().encode(problem))
        #expect(decoded.problem.extensions["o"] == ["x"])
    }

    @Test func readsAnElementWithOtherChildrenAsAnObject() throws {
        let decoded = try self.decodeMembers("<a><i>x</i><b>y</b><c><d>z</d></c></a>")
        #expect(decoded.problem.extensions["a"] == ["i": "x", "b": "y", "c": ["d": "z"]])
    }

    @Test func readsAnElementWithOnlyTextOrNothingAsAString() throws {
        let decoded = try self.decodeMembers("<a/><b></b><c>  </c><d> x </d>")
        #expect(decoded.problem.extensions.map(\.value) == ["", "", "  ", " x "])
    }

    @Test func ignoresWhitespaceBetweenChildElements() throws {
        let decoded = try self.decodeMembers("\n  <a>\n    <b>1</b>\r\n\t<![CDATA[ ]]>\n  </a>\n")
        #expect(decoded.problem.extensions["a"] == ["b": "1"])
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test func keepsTheElementsOfMixedContentWithADiagnostic() throws {
        let decoded = try self.decodeMembers("<a>text<b>1</b>more</a>")
        #expect(decoded.problem.extensions["a"] == ["b": "1"])
        #expect(decoded.diagnostics.map(\.member) == ["a"])
    }

    @Test func reportsTextBetweenTheProblemsMembers() throws {
        let decoded = try self.decodeMembers("stray<title>t</title>")
        #expect(decoded.problem.title == "t")
        #expect(decoded.diagnostics.count == 1)
        #expect(decoded.diagnostics.first?.member == nil)
    }

    @Test func keepsTheFirstPositionAndLastValueOfARepeatedName() throws {
        let decoded = try self.decodeMembers("<a>1</a><b>2</b><a>3</a><c><x>1</x><x>2</x></c>")
        #expect(decoded.problem.extensions.map(\.name) == ["a", "b", "c"])
        #expect(decoded.problem.extensions["a"] == "3")
        #expect(decoded.problem.extensions["c"] == ["x": "2"])
        #expect(decoded.diagnostics.map(\.member) == ["a", "c"])

        let array = try self.decodeMembers("<l><i>1</i><i>2</i></l><o><i>1</i><i>2</i><b/></o>")
        #expect(array.problem.extensions["l"] == ["1", "2"])
        #expect(array.problem.extensions["o"] == ["i": "2", "b": ""])
        #expect(array.diagnostics.map(\.member) == ["o"])
    }

    /// XML names are the same when their characters are: "é" and "e" with a combining accent
    /// are two elements, which Swift's `==` would merge.
    @Test func namesThatDifferOnlyInNormalisationAreDifferentMembers() throws {
        for filler in [0, 20] {
            let members = (0..<filler).map { "<m\($0)/>" }.joined()
            let decoded = try self.decodeMembers(members + "<\u{E9}>1</\u{E9}><e\u{301}>2</e\u{301}>")
            let names = decoded.problem.extensions.map(\.name).suffix(2)
            #expect(names.map { Array($0.utf8) } == [Array("\u{E9}".utf8), Array("e\u{301}".utf8)])
            #expect(decoded.diagnostics.isEmpty)
        }
    }

    @Test func staysLinearWithManyRepeatedAndDistinctNames() throws {
        let repeated = String(repeating: "<a>1</a>", count: 20_000)
        let distinct = (0..<20_000).map { "<m\($0)/>" }.joined()
        let decoded = try self.decodeMembers(repeated + distinct)
        #expect(decoded.problem.extensions.count == 20_001)
        // Every repeat is found; only the first hundred are kept as diagnostics.
        #expect(decoded.diagnostics.count == 101)
    }

    // MARK: Standard members

    @Test func readsADecimalStatusAsAnInteger() throws {
        #expect(try self.decodeMembers("<status>403</status>").problem.status == .forbidden)
        #expect(try self.decodeMembers("<status>\n  403\n</status>").problem.status == .forbidden)
        #expect(try self.decodeMembers("<status>+0403</status>").problem.status == .forbidden)
        #expect(try self.decodeMembers("<status>403</status>").diagnostics.isEmpty)
    }

    @Test func ignoresAStatusThatIsNotAnIntegerInRange() throws {
        for (text, described) in [
            ("abc", "a string"), ("4 03", "a string"), ("700", "the integer 700"),
            ("99999999999999999999", "a string"), ("", "a string"),
        ] {
            let decoded = try self.decodeMembers("<status>\(text)</status>")
            #expect(decoded.problem.status == nil)
            #expect(decoded.problem.extensions.isEmpty)
            #expect(decoded.diagnostics.count == 1)
            #expect(decoded.diagnostics.first?.member == "status")
            #expect(decoded.diagnostics.first?.message.contains(described) == true, "\(text)")
        }
    }

    @Test func ignoresAStandardMemberThatIsNotText() throws {
        let decoded = try self.decodeMembers(
            "<title><i>a</i></title><detail><b/></detail><status><i>1</i></status>")
        #expect(decoded.problem.title == nil)
        #expect(decoded.problem.detail == nil)
        #expect(decoded.problem.status == nil)
        #expect(decoded.diagnostics.map(\.member) == ["title", "detail", "status"])
    }

    @Test func leavesANestedStatusAsAString() throws {
        let decoded = try self.decodeMembers("<nested><status>404</status></nested>")
        #expect(decoded.problem.extensions["nested"] == ["status": "404"])
    }

    @Test func trimsWhitespaceAroundTypeAndInstanceButNotText() throws {
        let decoded = try self.decodeMembers(
            "<type>\n  https://example.com/probs/x\n</type><instance> /a </instance><title> t </title><detail>\td\n</detail>"
        )
        #expect(decoded.problem.type == "https://example.com/probs/x")
        #expect(decoded.problem.instance == "/a")
        #expect(decoded.problem.title == " t ")
        #expect(decoded.problem.detail == "\td\n")
    }

    @Test func readsAnAbsentOrEmptyTypeAsAboutBlank() throws {
        #expect(try self.decodeMembers("").problem.type == Problem.aboutBlank)
        let empty = try self.decodeMembers("<type> </type>")
        #expect(empty.problem.type == Problem.aboutBlank)
        #expect(empty.diagnostics.map(\.member) == ["type"])
        #expect(try self.decode("<problem xmlns='urn:ietf:rfc:7807'/>").problem == Problem())
    }

    @Test func resolvesRelativeReferencesAgainstTheBaseURI() throws {
        let decoded = try self.decode(
            XMLFixtures.problem("<type>/probs/out-of-credit</type><instance>msgs/abc</instance>"),
            baseURI: "https://example.com/account/12345/"
        )
        #expect(decoded.problem.type == "https://example.com/probs/out-of-credit")
        #expect(decoded.problem.instance == "https://example.com/account/12345/msgs/abc")
        #expect(decoded.diagnostics.isEmpty)

        let relativeBase = try self.decode(XMLFixtures.problem("<type>/probs/x</type>"), baseURI: "/relative")
        #expect(relativeBase.problem.type == "/probs/x")
        #expect(relativeBase.diagnostics.count == 1)
    }

    /// RFC 3986 §5.1.1: a base embedded in the document wins over the retrieval URI; XML Base
    /// embeds it as `xml:base`, whose `xml` prefix needs no declaration.
    @Test func anXMLBaseOnTheProblemIsTheBaseOfEveryMember() throws {
        let members = "<type>probs/out-of-credit</type><instance>/accounts/1</instance><title>t</title>"
        let absolute = try self.decode(
            "<problem xmlns=\"urn:ietf:rfc:7807\" xml:base=\"https://api.example.com/v1/\">\(members)</problem>"
        )
        #expect(absolute.problem.type == "https://api.example.com/v1/probs/out-of-credit")
        #expect(absolute.problem.instance == "https://api.example.com/accounts/1")
        #expect(absolute.diagnostics.isEmpty)
        #expect(absolute.problem.extensions.isEmpty)

        let prefixed = try self.decode(
            "<p:problem xmlns:p=\"urn:ietf:rfc:7807\" xml:base=\"/v2/\"><p:type>probs/x</p:type></p:problem>",
            baseURI: "https://api.example.com/books/1"
        )
        #expect(prefixed.problem.type == "https://api.example.com/v2/probs/x")
        #expect(prefixed.diagnostics.isEmpty)

        let withoutBase = try self.decode(XMLFixtures.problem(members), baseURI: "https://api.example.com/books/1")
        #expect(withoutBase.problem.type == "https://api.example.com/books/probs/out-of-credit")
    }

    @Test func anXMLBaseOnAMemberIsTheBaseOfThatMemberAlone() throws {
        let decoded = try self.decode(
            "<problem xmlns=\"urn:ietf:rfc:7807\" xml:base=\"https://api.example.com/v1/\">"
                + "<type xml:base=\"https://types.example.org/problems/\">out-of-credit</type>"
                + "<instance xml:base=\"accounts/\">1</instance><detail xml:base=\"https://x.example/\">d</detail>"
                + "</problem>"
        )
        #expect(decoded.problem.type == "https://types.example.org/problems/out-of-credit")
        #expect(decoded.problem.instance == "https://api.example.com/v1/accounts/1")
        #expect(decoded.problem.detail == "d")
        #expect(decoded.diagnostics.isEmpty)

        // A repeated member keeps its last value, and with it the last element's base.
        let repeated = try self.decode(
            XMLFixtures.problem("<type xml:base=\"https://a.example/\">x</type><type>y</type>"),
            baseURI: "https://b.example/"
        )
        #expect(repeated.problem.type == "https://b.example/y")
    }

    @Test func anXMLBaseThatCannotBeUsedIsReportedAndRelativeReferencesAreKept() throws {
        let relative = try self.decode(
            "<problem xmlns=\"urn:ietf:rfc:7807\" xml:base=\"/v1/\"><type>probs/x</type></problem>"
        )
        #expect(relative.problem.type == "probs/x")
        #expect(relative.diagnostics.map(\.message) == [
            "xml:base '/v1/' is relative and there is no base URI to resolve it against; relative references are kept"
        ])

        let invalid = try self.decode(
            "<problem xmlns=\"urn:ietf:rfc:7807\" xml:base=\"https://exa mple.com/\"><type>probs/x</type></problem>",
            baseURI: "https://api.example.com/"
        )
        #expect(invalid.problem.type == "https://api.example.com/probs/x")
        #expect(invalid.diagnostics.count == 1)
        #expect(invalid.diagnostics.first?.message.contains("is not a URI reference") == true)

        // Only `xml:base` counts: another namespace's `base` is an ignored attribute.
        let other = try self.decode(
            "<problem xmlns=\"urn:ietf:rfc:7807\" xmlns:b=\"urn:b\" b:base=\"https://b.example/\">"
                + "<type>probs/x</type></problem>",
            baseURI: "https://api.example.com/"
        )
        #expect(other.problem.type == "https://api.example.com/probs/x")
    }

    // MARK: Namespaces

    @Test func refusesARootThatIsNotAProblemInTheRFCNamespace() {
        for document in [
            "<error xmlns=\"urn:ietf:rfc:7807\"/>",
            "<problem xmlns=\"urn:ietf:rfc:9457\"><title>t</title></problem>",
            "<problem><title>t</title></problem>",
            "<p:problem xmlns:p=\"urn:example\" xmlns=\"urn:ietf:rfc:7807\"/>",
            "<Problem xmlns=\"urn:ietf:rfc:7807\"/>",
        ] {
            let error = self.failure(document)
            #expect(error?.reason == .notAProblem, "\(document)")
        }
    }

    @Test func reportsMalformedInputBeforeAWrongRoot() {
        #expect(self.failure("<error><a></error>")?.reason == .malformed)
    }

    @Test func acceptsAPrefixedRoot() throws {
        let decoded = try self.decode(
            "<p:problem xmlns:p=\"urn:ietf:rfc:7807\"><p:title>t</p:title><p:balance>30</p:balance></p:problem>"
        )
        #expect(decoded.problem.title == "t")
        #expect(decoded.problem.extensions["balance"] == "30")
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test func ignoresUnprefixedChildrenOfAPrefixedRootWithADiagnostic() throws {
        let decoded = try self.decode("<p:problem xmlns:p=\"urn:ietf:rfc:7807\"><title>t</title></p:problem>")
        #expect(decoded.problem.title == nil)
        #expect(decoded.diagnostics.count == 1)
        #expect(decoded.diagnostics.first?.message.contains("no namespace") == true)
    }

    @Test func ignoresChildrenInOtherNamespacesWithADiagnostic() throws {
        let decoded = try self.decodeMembers(
            "<title>t</title><x:title xmlns:x=\"urn:example\">other</x:title>"
                + "<ext xmlns=\"urn:example\"><inner>1</inner></ext>"
                + "<obj><x:a xmlns:x=\"urn:example\"/><b>2</b></obj>"
        )
        #expect(decoded.problem.title == "t")
        #expect(decoded.problem.extensions.map(\.name) == ["obj"])
        #expect(decoded.problem.extensions["obj"] == ["b": "2"])
        #expect(decoded.diagnostics.map(\.member) == [nil, nil, "obj"])
        #expect(decoded.diagnostics.allSatisfy { $0.message.contains("urn:example") })
    }

    @Test func readsAnElementWhoseOnlyChildrenAreForeignAsAnEmptyObject() throws {
        let decoded = try self.decodeMembers("<a><x:b xmlns:x=\"urn:example\">1</x:b></a>")
        #expect(decoded.problem.extensions["a"] == .object([:]))
        #expect(decoded.diagnostics.count == 1)
    }

    @Test func readsElementsWithAnotherPrefixForTheRFCNamespace() throws {
        let decoded = try self.decode(
            "<problem xmlns=\"urn:ietf:rfc:7807\" xmlns:q=\"urn:ietf:rfc:7807\"><q:title>t</q:title></problem>"
        )
        #expect(decoded.problem.title == "t")
    }

    @Test func scopesNamespaceDeclarationsToTheirElement() {
        let document = XMLFixtures.problem("<a xmlns:x=\"urn:x\"><x:b/></a><x:c/>")
        #expect(self.failure(document)?.reason == .malformed)
        let redeclared = "<problem xmlns=\"urn:ietf:rfc:7807\"><a xmlns=\"urn:x\"/><title>t</title></problem>"
        #expect((try? self.decode(redeclared))?.problem.title == "t")
    }

    @Test func refusesUndeclaredPrefixesAndUndeclaredPrefixBindings() {
        #expect(self.failure(XMLFixtures.problem("<x:a/>"))?.reason == .malformed)
        #expect(self.failure(XMLFixtures.problem("<a x:attribute=\"1\"/>"))?.reason == .malformed)
        #expect(self.failure(XMLFixtures.problem("<x:a xmlns:x=\"\"/>"))?.reason == .malformed)
        #expect(self.failure(XMLFixtures.problem("<a xmlns:xmlns=\"urn:x\"/>"))?.reason == .malformed)
        #expect(self.failure(XMLFixtures.problem("<a:b:c/>"))?.reason == .malformed)
    }

    @Test func ignoresAttributesButReadsReferencesInNamespaceDeclarations() throws {
        let decoded = try self.decode(
            "<problem xmlns=\"urn:ietf:rfc:&#55;807\" xml:lang='en' version=\"&lt;1&gt;\"><title lang=\"en\">t</title></problem>"
        )
        #expect(decoded.problem.title == "t")
        #expect(decoded.problem.extensions.isEmpty)
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test func refusesMalformedAttributes() {
        for members in [
            "<a b=\"1\" b=\"2\"/>", "<a b=1/>", "<a b=\"<\"/>", "<a b=\"1\"c=\"2\"/>", "<a b/>", "<a b=\"1/>",
        ] {
            #expect(self.failure(XMLFixtures.problem(members))?.reason == .malformed, "\(members)")
        }
    }

    @Test func keepsMessagesShortWhateverTheLengthOfNamesInTheDocument() throws {
        let uri = "urn:" + String(repeating: "x", count: 10_000)
        let name = "n" + String(repeating: "a", count: 10_000)
        let foreign = String(repeating: "<y:\(name)/>", count: 50)
        let decoded = try self.decodeMembers("<a xmlns:y=\"\(uri)\">\(foreign)<b/></a><\(name)/><\(name)/>")
        #expect(decoded.diagnostics.count == 51)
        #expect(decoded.diagnostics.allSatisfy { $0.message.utf8.count < 400 })
        let error = try #require(self.failure("<\(name) xmlns=\"\(uri)\"/>"))
        #expect(error.message.utf8.count < 400)
    }

    // MARK: Declarations and entities

    @Test func refusesADocumentTypeDeclarationAnywhere() {
        for document in [
            "<!DOCTYPE problem>" + XMLFixtures.problem(""),
            "<?xml version=\"1.0\"?>\n<!DOCTYPE problem SYSTEM \"problem.dtd\">\n" + XMLFixtures.problem(""),
            XMLFixtures.problem("<!DOCTYPE problem>"),
            XMLFixtures.problem("") + "<!DOCTYPE problem>",
            "<!doctype problem>" + XMLFixtures.problem(""),
        ] {
            #expect(self.failure(document)?.reason == .forbiddenDeclaration, "\(document)")
        }
    }

    @Test func refusesExternalEntities() {
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE problem [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <problem xmlns="urn:ietf:rfc:7807"><detail>&xxe;</detail></problem>
            """
        let error = self.failure(document)
        #expect(error?.reason == .forbiddenDeclaration)
        #expect(error?.line == 2)
        #expect(error?.column == 1)
    }

    @Test func refusesTheBillionLaughs() {
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
             <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
             <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
             <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
             <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
             <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <problem xmlns="urn:ietf:rfc:7807"><detail>&lol9;</detail></problem>
            """
        #expect(self.failure(document)?.reason == .forbiddenDeclaration)
    }

    @Test func refusesAnEntityDeclarationOutsideADocumentType() {
        #expect(self.failure(XMLFixtures.problem("<!ENTITY lol \"lol\">"))?.reason == .forbiddenDeclaration)
        #expect(self.failure("<!ENTITY lol \"lol\">" + XMLFixtures.problem(""))?.reason == .forbiddenDeclaration)
    }

    @Test func refusesOtherMarkupDeclarations() {
        #expect(self.failure(XMLFixtures.problem("<!ELEMENT a ANY>"))?.reason == .malformed)
        #expect(self.failure("<![CDATA[x]]>" + XMLFixtures.problem(""))?.reason == .malformed)
    }

    @Test func readsThePredefinedEntitiesAndCharacterReferences() throws {
        let decoded = try self.decodeMembers(
            "<detail>&amp;&lt;&gt;&apos;&quot;&#65;&#x42;&#x1F600;&#xe9;&#9;</detail>")
        #expect(decoded.problem.detail == "&<>'\"AB😀é\t")
    }

    @Test func refusesUnknownEntitiesAndBareAmpersands() {
        for text in ["&nbsp;", "&foo;", "& b", "&amp", "&;", "&#;", "&#x;", "&#X41;", "&#12a;", "&#x1G;"] {
            let error = self.failure(XMLFixtures.problem("<detail>\(text)</detail>"))
            #expect(error?.reason == .malformed, "\(text)")
        }
    }

    @Test func refusesCharacterReferencesToCharactersXMLCannotCarry() {
        for reference in [
            "&#0;", "&#x1;", "&#x1F;", "&#xD800;", "&#xDFFF;", "&#xFFFE;", "&#xFFFF;", "&#x110000;",
            "&#99999999999999999999999;", "&#x0000000000000000000000041;",
        ] {
            let error = self.failure(XMLFixtures.problem("<detail>\(reference)</detail>"))
            let expected: ProblemDecodingError.Reason? = reference.hasSuffix("41;") ? nil : .malformed
            #expect(error?.reason == expected, "\(reference)")
        }
    }

    // MARK: Other syntax

    @Test func readsCDATASectionsAsText() throws {
        let decoded = try self.decodeMembers("<detail>a<![CDATA[ <b> & c ]]]>d<![CDATA[]]></detail>")
        #expect(decoded.problem.detail == "a <b> & c ]d")
    }

    @Test func refusesTheCDATAEndInText() {
        #expect(self.failure(XMLFixtures.problem("<detail>a]]>b</detail>"))?.reason == .malformed)
        #expect(self.failure(XMLFixtures.problem("<detail>a]>b]</detail>")) == nil)
        #expect(self.failure(XMLFixtures.problem("<detail><![CDATA[a]]</detail>"))?.reason == .malformed)
    }

    @Test func skipsComments() throws {
        let document =
            "<!-- before -->" + XMLFixtures.problem("<!-- - --><title>a<!---->b<!-- <c> -->c</title>")
            + "<!-- after -->\n"
        #expect(try self.decode(document).problem.title == "abc")
    }

    @Test func refusesMalformedComments() {
        #expect(self.failure(XMLFixtures.problem("<!-- a -- b -->"))?.reason == .malformed)
        #expect(self.failure(XMLFixtures.problem("<!-- a --->"))?.reason == .malformed)
        #expect(self.failure(XMLFixtures.problem("<!-- a "))?.reason == .malformed)
    }

    @Test func skipsProcessingInstructions() throws {
        let document =
            "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"problem.xsl\"?>\n"
            + XMLFixtures.problem("<?app?><title>a<?app some data?>b</title>") + "<?app after?>"
        #expect(try self.decode(document).problem.title == "ab")
    }

    @Test func refusesAnXMLDeclarationThatDoesNotComeFirst() {
        #expect(self.failure(" <?xml version=\"1.0\"?>" + XMLFixtures.problem(""))?.reason == .malformed)
        #expect(self.failure(XMLFixtures.problem("<?xml version=\"1.0\"?>"))?.reason == .malformed)
        #expect(self.failure(XMLFixtures.problem("<?XML ?>"))?.reason == .malformed)
        #expect(self.failure(XMLFixtures.problem("<?a:b x?>"))?.reason == .malformed)
    }

    @Test func refusesAnEncodingOtherThanUTF8() {
        let error = self.failure("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + XMLFixtures.problem(""))
        #expect(error?.reason == .notUTF8)
        #expect(error?.line == 1)
        #expect(
            self.failure("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + XMLFixtures.problem(""))?.reason
                == .notUTF8)
    }

    @Test func acceptsTheXMLDeclarationsVariants() {
        for declaration in [
            "<?xml version=\"1.0\"?>", "<?xml version='1.0' encoding='utf-8'?>",
            "<?xml version=\"1.1\" encoding=\"Utf-8\" ?>",
            "<?xml version = \"1.0\" standalone = 'yes'?>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>",
        ] {
            #expect(self.failure(declaration + XMLFixtures.problem("")) == nil, "\(declaration)")
        }
    }

    @Test func refusesMalformedXMLDeclarations() {
        for declaration in [
            "<?xml?>", "<?xml ?>", "<?xml version=\"2.0\"?>", "<?xml encoding=\"UTF-8\"?>",
            "<?xml version=\"1.0\"encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" standalone=\"maybe\"?>",
            "<?xml version=\"1.0\" standalone=\"yes\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" other=\"x\"?>",
            "<?xml version=1.0?>",
        ] {
            #expect(self.failure(declaration + XMLFixtures.problem(""))?.reason == .malformed, "\(declaration)")
        }
    }

    @Test func normalisesLineEndsButKeepsReferencedCarriageReturns() throws {
        let decoded = try self.decodeMembers("<detail>a\r\nb\rc&#xD;d<![CDATA[\r\n]]></detail>")
        #expect(decoded.problem.detail == "a\nb\nc\rd\n")
    }

    @Test func skipsAByteOrderMarkWithoutADiagnostic() throws {
        let decoded = try ProblemXMLDecoder().decode([0xEF, 0xBB, 0xBF] + Array(XMLFixtures.appendixB.utf8))
        #expect(decoded.problem.title == "You do not have enough credit.")
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test func refusesInputThatIsNotUTF8() {
        for bytes: [UInt8] in [
            [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF],
        ] {
            let start = Array("<problem xmlns=\"urn:ietf:rfc:7807\"><detail>".utf8)
            let error = self.failure(start + bytes + Array("</detail></problem>".utf8))
            #expect(error?.reason == .notUTF8, "\(bytes)")
            #expect(error?.column == 44)
        }
        #expect(self.failure([0xFE, 0xFF, 0x00, 0x3C])?.reason == .notUTF8)
        #expect(self.failure(Array("<p".utf16).flatMap { [UInt8($0 & 0xFF), 0] })?.reason == .notUTF8)
    }

    @Test func refusesCharactersXMLCannotCarry() {
        for character in ["\u{0}", "\u{1}", "\u{1B}", "\u{FFFE}", "\u{FFFF}"] {
            #expect(self.failure(XMLFixtures.problem("<detail>\(character)</detail>"))?.reason == .malformed)
        }
    }

    @Test func reportsTheLineAndColumnOfAMismatchedTag() throws {
        let error = try #require(
            self.failure("<problem xmlns=\"urn:ietf:rfc:7807\">\n  <title>x</detail>\n</problem>"))
        #expect(error.reason == .malformed)
        #expect(error.line == 2)
        #expect(error.column == 11)
    }

    @Test func refusesMalformedStructure() {
        for document in [
            "",
            "   ",
            "text",
            "<problem xmlns=\"urn:ietf:rfc:7807\">",
            "<problem xmlns=\"urn:ietf:rfc:7807\"><title>t</problem>",
            "text" + XMLFixtures.problem(""),
            XMLFixtures.problem("") + "text",
            XMLFixtures.problem("") + XMLFixtures.problem(""),
            XMLFixtures.problem("") + "</problem>",
            XMLFixtures.problem("</title>"),
            XMLFixtures.problem("<1a/>"),
            XMLFixtures.problem("< a/>"),
            XMLFixtures.problem("<a/ >"),
            XMLFixtures.problem("<a></a >x</a>"),
            "<problem xmlns=\"urn:ietf:rfc:7807\"></problem\n",
        ] {
            let error = self.failure(document)
            #expect(error?.reason == .malformed, "\(document)")
            #expect(error?.line != nil)
        }
        #expect(self.failure(XMLFixtures.problem("<a></a >")) == nil)
    }

    /// Each side of a qualified name's colon must be an XML name: ASCII names are checked by their
    /// first byte alone, others scalar by scalar.
    @Test func checksEachPartOfAQualifiedName() {
        for name in ["1a", "-a", ".a", "·a", ":a", "a:", "x:1a", "x:-a", "1x:a", "x:·a", "a:b:c"] {
            let document = XMLFixtures.problem("<\(name) xmlns:x=\"urn:example\" xmlns:1x=\"urn:example\"/>")
            #expect(self.failure(document)?.reason == .malformed, "\(name)")
            let attribute = XMLFixtures.problem("<a \(name)=\"v\"/>")
            #expect(self.failure(attribute)?.reason == .malformed, "attribute \(name)")
        }
        for name in ["a", "_a", "a.b-c_1", "é", "a·b", "e\u{301}", "x:a", "x:é", "é:a"] {
            let document = XMLFixtures.problem("<\(name) xmlns:x=\"urn:example\" xmlns:é=\"urn:example\"/>")
            #expect(self.failure(document) == nil, "\(name)")
        }
    }

    // MARK: Limits

    /// A problem whose extension nests `levels` objects, so `levels + 1` objects in JSON.
    private func nested(_ levels: Int) -> Problem {
        var value: ExtensionValue = "leaf"
        for level in 0..<levels { value = level.isMultiple(of: 2) ? ["x": value] : [value] }
        return Problem(extensions: ["a": value])
    }

    @Test func allowsTheSameDepthAsTheJSONDecoder() throws {
        let fits = self.nested(31)
        #expect(try ProblemJSONDecoder().decode(ProblemJSONEncoder().encode(fits)).problem == fits)
        let decoded = try ProblemXMLDecoder().decode(ProblemXMLEncoder().encode(fits))
        #expect(decoded.problem.extensions.count == 1)

        let tooDeep = self.nested(32)
        #expect(self.failure(ProblemXMLEncoder().encode(tooDeep))?.reason == .tooDeep)
        #expect(throws: ProblemDecodingError.self) {
            try ProblemJSONDecoder().decode(ProblemJSONEncoder().encode(tooDeep))
        }
    }

    @Test func honoursACustomDepth() throws {
        let shallow = ProblemXMLDecoder(maximumDepth: 1)
        #expect(try self.decode(XMLFixtures.problem("<title>t</title>"), with: shallow).problem.title == "t")
        #expect(self.failure(XMLFixtures.problem("<a><b/></a>"), with: shallow)?.reason == .tooDeep)
        #expect(
            self.failure(XMLFixtures.problem("<a/>"), with: ProblemXMLDecoder(maximumDepth: 0))?.reason == .tooDeep)
    }

    @Test func refusesHostileNestingWithoutRecursingIntoIt() {
        let depth = 100_000
        let document = XMLFixtures.problem(
            String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth))
        #expect(self.failure(document)?.reason == .tooDeep)
        let foreign = XMLFixtures.problem(
            "<x:a xmlns:x=\"urn:x\">" + String(repeating: "<x:a>", count: 40) + "</x:a>")
        #expect(self.failure(foreign)?.reason == .tooDeep)
    }

    @Test func depthHasACeilingWhateverTheConfiguration() {
        let depth = 300_000
        let document = XMLFixtures.problem(String(repeating: "<a>", count: depth))
        let decoder = ProblemXMLDecoder(maximumSize: 4_000_000, maximumDepth: .max)
        #expect(self.failure(document, with: decoder)?.reason == .tooDeep)
    }

    @Test func refusesADocumentLargerThanTheLimit() throws {
        let size = XMLFixtures.appendixB.utf8.count
        #expect(
            self.failure(XMLFixtures.appendixB, with: ProblemXMLDecoder(maximumSize: size - 1))?.reason == .tooLarge
        )
        #expect(
            try self.decode(XMLFixtures.appendixB, with: ProblemXMLDecoder(maximumSize: size)).problem.title != nil)
        #expect(ProblemXMLDecoder().maximumSize == 1 << 20)
        #expect(ProblemXMLDecoder().maximumDepth == 32)
    }
}
#endif
