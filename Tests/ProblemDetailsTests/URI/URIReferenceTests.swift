import ProblemDetails
import Testing
import TestEnvironment

@Suite struct URIReferenceTests {
    /// The wall-clock limit of the hostile-input tests: far above linear work (under 0.1 s in a
    /// debug build), far below quadratic work; a sanitizer slows linear work alone past 1 s.
    static let limit: Duration = Sanitizer.isActive ? .seconds(10) : .seconds(1)

    // MARK: Parsing into components

    @Test func splitsAURIIntoAllFiveComponents() throws {
        let string = "https://user@example.com:8443/probs/out-of-credit?lang=en#top"
        let reference = try #require(URIReference(parsing: string))
        #expect(reference.scheme == "https")
        #expect(reference.authority == "user@example.com:8443")
        #expect(reference.path == "/probs/out-of-credit")
        #expect(reference.query == "lang=en")
        #expect(reference.fragment == "top")
    }

    @Test func distinguishesAnEmptyComponentFromAMissingOne() throws {
        let empty = try #require(URIReference(parsing: "file://?#"))
        #expect(empty.authority == "")
        #expect(empty.query == "")
        #expect(empty.fragment == "")

        let missing = try #require(URIReference(parsing: "file:"))
        #expect(missing.authority == nil)
        #expect(missing.query == nil)
        #expect(missing.fragment == nil)
        #expect(empty != missing)
    }

    @Test func parsesTheEmptyStringAsASameDocumentReference() throws {
        let reference = try #require(URIReference(parsing: ""))
        #expect(reference.scheme == nil)
        #expect(reference.authority == nil)
        #expect(reference.path == "")
        #expect(reference.query == nil)
        #expect(reference.fragment == nil)
        #expect(reference.isRelative)
    }

    @Test func treatsTheFirstColonBeforeAnyOtherDelimiterAsEndingTheScheme() throws {
        let urn = try #require(URIReference(parsing: "urn:ietf:rfc:7807"))
        #expect(urn.scheme == "urn")
        #expect(urn.path == "ietf:rfc:7807")

        let tag = try #require(URIReference(parsing: "tag:example@example.org,2021-09-17:OutOfLuck"))
        #expect(tag.scheme == "tag")
        #expect(tag.authority == nil)
        #expect(tag.path == "example@example.org,2021-09-17:OutOfLuck")
    }

    @Test func doesNotTreatAColonAfterAnotherDelimiterAsAScheme() throws {
        let query = try #require(URIReference(parsing: "?a:b"))
        #expect(query.scheme == nil)
        #expect(query.query == "a:b")

        let laterSegment = try #require(URIReference(parsing: "a/b:c"))
        #expect(laterSegment.scheme == nil)
        #expect(laterSegment.path == "a/b:c")
    }

    @Test func keepsTheSchemeInTheCaseItWasWritten() throws {
        let reference = try #require(URIReference(parsing: "HTTP://example.com/"))
        #expect(reference.scheme == "HTTP")
        #expect(reference != URIReference(parsing: "http://example.com/"))
    }

    @Test func parsesAnIPv6LiteralWithAPort() throws {
        let reference = try #require(URIReference(parsing: "http://[::1]:8080/p"))
        #expect(reference.authority == "[::1]:8080")
        #expect(reference.path == "/p")
    }

    @Test func parsesAPathThatLooksLikeAnAuthorityOnlyAfterTheScheme() throws {
        let reference = try #require(URIReference(parsing: "/a//b"))
        #expect(reference.authority == nil)
        #expect(reference.path == "/a//b")
    }

    // MARK: Accepted and rejected input

    @Test(arguments: [
        "about:blank",
        "urn:ietf:rfc:7807",
        "tag:example@example.org,2021-09-17:OutOfLuck",
        "https://example.com/probs/out-of-credit",
        "/problems/x",
        "problems/x",
        "#frag",
        "?q",
        "",
        "./1abc:x",
        "http://[::1]:8080/p",
        "http://[2001:db8::7]/c=GB?objectClass?one",
        "http://[::ffff:192.0.2.1]/",
        "http://[1:2:3:4:5:6:7:8]/",
        "http://[1:2:3:4:5:6:192.0.2.1]/",
        "http://[1:2:3:4:5:6:7::]/",
        "http://[::]/",
        "http://[v1.fe80::a+en1]/",
        "http://192.0.2.16:80/",
        "http://example.com:/",
        "http://a:b@example.com/",
        "mailto:John.Doe@example.com",
        "news:comp.infosystems.www.servers.unix",
        "tel:+1-816-555-1212",
        "ldap://[2001:db8::7]/c=GB?objectClass?one",
        "telnet://192.0.2.16:80/",
        "a+b-c.d:x",
        "https://example.com/%E2%82%AC?q=%7e#%2F",
        "https://example.com/!$&'()*+,;=:@-._~?/?#/?",
        "file:///etc/hosts",
    ])
    func acceptsValidReferences(_ string: String) {
        #expect(URIReference(parsing: string) != nil)
    }

    @Test(arguments: [
        "http://example.com/a b",
        "http://example.com/a\tb",
        "http://example.com/a\u{0}b",
        "http://example.com/a\u{7F}b",
        "http://example.com/a\nb",
        "http://example.com/<x>",
        "http://example.com/\"x\"",
        "http://example.com/{x}",
        "http://example.com/a|b",
        "http://example.com/a\\b",
        "http://example.com/a^b",
        "http://example.com/a`b",
        "http://example.com/caf\u{E9}",
        "https://b\u{FC}cher.example/",
        "http://example.com/%G1",
        "http://example.com/%4",
        "http://example.com/%",
        "http://example.com/?%zz",
        "http://example.com/#%4",
        "http://example.com/#a#b",
        "http://example.com/[x]",
        "http://example.com/?[x]",
        "1abc:x",
        "+abc:x",
        "a_b:x",
        ":x",
        ":",
        "-:x",
        " http://example.com/",
        "http://example.com/ ",
    ])
    func rejectsInvalidReferences(_ string: String) {
        #expect(URIReference(parsing: string) == nil)
    }

    @Test(arguments: [
        "http://a b/",
        "http://exa%mple.com/",
        "http://example.com:8o/",
        "http://a:b:80/",
        "http://a@b@c/",
        "http://[::1/",
        "http://::1]/",
        "http://[::1]x/",
        "http://[::1]:x/",
        "http://[]/",
        "http://[1:2:3:4:5:6:7:8:9]/",
        "http://[1:2:3:4:5:6:7]/",
        "http://[1::2::3]/",
        "http://[:::]/",
        "http://[:1::]/",
        "http://[1::2:]/",
        "http://[12345::]/",
        "http://[g::]/",
        "http://[1:2:3:4:5:6:7::192.0.2.1]/",
        "http://[192.0.2.1::]/",
        "http://[::256.0.0.1]/",
        "http://[::01.0.0.1]/",
        "http://[::1.2.3]/",
        "http://[::1.2.3.4.5]/",
        "http://[::1%25eth0]/",
        "http://[v.x]/",
        "http://[v1.]/",
        "http://[v1x]/",
        "http://[vg.x]/",
        "http://[v1.a/b]/",
        "http://a[b]/",
        "http://a]/",
        "http://us[er@a/",
    ])
    func rejectsMalformedAuthorities(_ string: String) {
        #expect(URIReference(parsing: string) == nil)
    }

    @Test func acceptsInputAtTheLengthLimit() {
        let prefix = "http://a/"
        let atLimit = prefix + String(repeating: "a", count: URIReference.maximumLength - prefix.utf8.count)
        let accepted = URIReference(parsing: atLimit) != nil
        #expect(accepted)
    }

    @Test func rejectsInputOverTheLengthLimitQuickly() {
        // Results are compared as Booleans so a failure does not print megabytes of input.
        let prefix = "http://a/"
        let justOver = prefix + String(repeating: "a", count: URIReference.maximumLength - prefix.utf8.count + 1)
        let huge = String(repeating: "a", count: 1_000_000)
        let clock = ContinuousClock()
        var rejectedJustOver = false
        var rejectedHuge = false
        let elapsed = clock.measure {
            rejectedJustOver = URIReference(parsing: justOver) == nil
            rejectedHuge = URIReference(parsing: huge) == nil
        }
        #expect(rejectedJustOver)
        #expect(rejectedHuge)
        #expect(elapsed < Self.limit)
    }

    // MARK: Absolute and relative

    @Test func isAbsoluteExactlyWhenThereIsAScheme() throws {
        let absolute = try #require(URIReference(parsing: "https://example.com/a#frag"))
        #expect(absolute.isAbsolute)
        #expect(!absolute.isRelative)

        for string in ["//example.com/a", "/a", "a", "?q", "#f", ""] {
            let relative = try #require(URIReference(parsing: string))
            #expect(relative.isRelative)
            #expect(!relative.isAbsolute)
        }
    }

    // MARK: Recomposition

    @Test(arguments: [
        "",
        "#",
        "?",
        "?#",
        "//",
        "///",
        "file://",
        "file:",
        "file:///etc/hosts",
        "about:blank",
        "urn:ietf:rfc:7807",
        "tag:example@example.org,2021-09-17:OutOfLuck",
        "https://user:pw@example.com:8443/probs/out-of-credit?lang=en&x=%20#top",
        "http://[::1]:8080/p",
        "./1abc:x",
        "../../g?y#s",
        "g;x=1/../y",
        "//g",
    ])
    func recomposesTheParsedString(_ string: String) throws {
        let reference = try #require(URIReference(parsing: string))
        #expect(reference.description == string)
        #expect(URIReference(parsing: reference.description) == reference)
    }

    // MARK: Resolution (RFC 3986 section 5.4)

    static let base = "http://a/b/c/d;p?q"

    @Test(arguments: [
        ("g:h", "g:h"),
        ("g", "http://a/b/c/g"),
        ("./g", "http://a/b/c/g"),
        ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"),
        ("//g", "http://g"),
        ("?y", "http://a/b/c/d;p?y"),
        ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"),
        ("g#s", "http://a/b/c/g#s"),
        ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"),
        ("g;x", "http://a/b/c/g;x"),
        ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        ("", "http://a/b/c/d;p?q"),
        (".", "http://a/b/c/"),
        ("./", "http://a/b/c/"),
        ("..", "http://a/b/"),
        ("../", "http://a/b/"),
        ("../g", "http://a/b/g"),
        ("../..", "http://a/"),
        ("../../", "http://a/"),
        ("../../g", "http://a/g"),
    ])
    func resolvesTheNormalExamples(_ reference: String, _ target: String) {
        #expect(URIReference.resolve(reference, against: Self.base) == target)
    }

    @Test(arguments: [
        ("../../../g", "http://a/g"),
        ("../../../../g", "http://a/g"),
        ("/./g", "http://a/g"),
        ("/../g", "http://a/g"),
        ("g.", "http://a/b/c/g."),
        (".g", "http://a/b/c/.g"),
        ("g..", "http://a/b/c/g.."),
        ("..g", "http://a/b/c/..g"),
        ("./../g", "http://a/b/g"),
        ("./g/.", "http://a/b/c/g/"),
        ("g/./h", "http://a/b/c/g/h"),
        ("g/../h", "http://a/b/c/h"),
        ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
        ("g;x=1/../y", "http://a/b/c/y"),
        ("g?y/./x", "http://a/b/c/g?y/./x"),
        ("g?y/../x", "http://a/b/c/g?y/../x"),
        ("g#s/./x", "http://a/b/c/g#s/./x"),
        ("g#s/../x", "http://a/b/c/g#s/../x"),
        ("http:g", "http:g"),
    ])
    func resolvesTheAbnormalExamples(_ reference: String, _ target: String) {
        #expect(URIReference.resolve(reference, against: Self.base) == target)
    }

    @Test func removesDotSegmentsFromAReferenceWithAScheme() {
        #expect(URIReference.resolve("http://x/a/./b/../c", against: Self.base) == "http://x/a/c")
    }

    @Test(arguments: [
        ("foo:../a", "foo:a"),
        ("foo:./a", "foo:a"),
        ("foo:.", "foo:"),
        ("foo:..", "foo:"),
        ("foo:a/.", "foo:a/"),
        // The algorithm, followed exactly, roots a rootless path once a ".." consumes its first segment.
        ("foo:a/../b", "foo:/b"),
    ])
    func removesLeadingDotSegmentsFromARootlessPath(_ reference: String, _ target: String) {
        #expect(URIReference.resolve(reference, against: Self.base) == target)
    }

    @Test func removesDotSegmentsFromAReferenceWithAnAuthority() {
        #expect(URIReference.resolve("//x/a/../../b", against: Self.base) == "http://x/b")
    }

    @Test func mergesWithARootWhenTheBaseHasAnAuthorityButNoPath() {
        #expect(URIReference.resolve("g", against: "http://a") == "http://a/g")
    }

    @Test func mergesWithoutARootWhenTheBaseHasNeitherAuthorityNorSlash() {
        #expect(URIReference.resolve("g", against: "urn:x") == "urn:g")
    }

    @Test func mergesWithoutARootWhenTheBaseHasNeitherAuthorityNorPath() {
        #expect(URIReference.resolve("g", against: "foo:") == "foo:g")
    }

    @Test func keepsTheReferenceFragmentAndDropsTheBaseFragment() {
        #expect(URIReference.resolve("g", against: "http://a/b#base") == "http://a/g")
        #expect(URIReference.resolve("", against: "http://a/b#base") == "http://a/b")
    }

    @Test func keepsTheBasePathVerbatimForAnEmptyPathReference() {
        #expect(URIReference.resolve("?y", against: "http://a/b/../c") == "http://a/b/../c?y")
    }

    @Test func returnsTheReferenceUnchangedWhenTheBaseIsNotAbsolute() throws {
        let reference = try #require(URIReference(parsing: "../g?y#s"))
        let base = try #require(URIReference(parsing: "//a/b/c"))
        #expect(reference.resolved(against: base) == reference)
    }

    @Test func returnsNilWhenEitherStringFailsToParse() {
        #expect(URIReference.resolve("a b", against: Self.base) == nil)
        #expect(URIReference.resolve("g", against: "http://a/b c") == nil)
    }

    @Test func doesNotUnderflowOnMoreParentSegmentsThanThePathHas() {
        let reference = String(repeating: "../", count: 2000) + "g"
        #expect(URIReference.resolve(reference, against: Self.base) == "http://a/g")
        #expect(URIReference.resolve("/" + String(repeating: "../", count: 2000), against: Self.base) == "http://a/")
        #expect(URIReference.resolve(String(repeating: "/..", count: 2000), against: Self.base) == "http://a/")
    }

    @Test func keepsAnAuthoritylessTargetFromStartingWithTwoSlashes() throws {
        // Plain remove_dot_segments turns "/.//g" into "//g", which would read back as authority "g".
        let base = try #require(URIReference(parsing: "foo:a/b"))
        for string in ["/.//g", "foo:/.//g", "/a/..//g"] {
            let reference = try #require(URIReference(parsing: string))
            let target = reference.resolved(against: base)
            #expect(target.authority == nil)
            #expect(target.path == "/.//g")
            #expect(URIReference(parsing: target.description) == target)
        }
    }

    @Test func leavesATwoSlashPathAloneWhenTheTargetHasAnAuthority() {
        // With an authority present the recomposed string is unambiguous, so the path stays as computed.
        #expect(URIReference.resolve("/.//g", against: Self.base) == "http://a//g")
    }

    @Test func resolvesLongHostileReferencesQuickly() throws {
        let half = URIReference.maximumLength / 2
        let base = try #require(URIReference(parsing: "http://a/" + String(repeating: "b/", count: half - 10)))
        let references = [
            String(repeating: "../", count: URIReference.maximumLength / 3),
            String(repeating: "./", count: half),
            String(repeating: "a/../", count: URIReference.maximumLength / 5),
            String(repeating: "/.", count: half),
            String(repeating: "x/", count: half),
        ]
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for string in references {
                let reference = try #require(URIReference(parsing: string))
                _ = reference.resolved(against: base)
            }
        }
        #expect(elapsed < Self.limit)
    }
}
