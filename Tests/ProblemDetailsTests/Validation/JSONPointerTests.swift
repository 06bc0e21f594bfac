import ProblemDetails
import PropertyBased
import Testing

@Suite struct JSONPointerTests {
    @Test func stringFormEscapesTildeAndSlash() {
        #expect(JSONPointer(tokens: ["a/b", "m~n", "3"]).description == "/a~1b/m~0n/3")
        #expect(JSONPointer.root.description == "")
    }

    @Test func fragmentFormIsPrefixedAndPercentEncoded() {
        #expect(JSONPointer(tokens: ["tags", "3"]).fragment == "#/tags/3")
        #expect(JSONPointer(tokens: ["c%d"]).fragment == "#/c%25d")
        #expect(JSONPointer(tokens: ["e^f", "g|h", "i\\j", "k\"l", " "]).fragment == "#/e%5Ef/g%7Ch/i%5Cj/k%22l/%20")
        #expect(JSONPointer(tokens: ["größe"]).fragment == "#/gr%C3%B6%C3%9Fe")
        #expect(JSONPointer(tokens: ["a/b"]).fragment == "#/a~1b")
        #expect(JSONPointer.root.fragment == "#")
    }

    /// RFC 6901 §5 and §6 list the same pointers in both forms.
    @Test(arguments: [
        ("", "#", [String]()), ("/foo", "#/foo", ["foo"]), ("/foo/0", "#/foo/0", ["foo", "0"]), ("/", "#/", [""]),
        ("/a~1b", "#/a~1b", ["a/b"]), ("/c%d", "#/c%25d", ["c%d"]), ("/e^f", "#/e%5Ef", ["e^f"]),
        ("/g|h", "#/g%7Ch", ["g|h"]), ("/i\\j", "#/i%5Cj", ["i\\j"]), ("/k\"l", "#/k%22l", ["k\"l"]),
        ("/ ", "#/%20", [" "]), ("/m~0n", "#/m~0n", ["m~n"]),
    ])
    func rfc6901ExamplesParseInBothForms(string: String, fragment: String, tokens: [String]) throws {
        #expect(try JSONPointer(parsing: string).tokens == tokens)
        #expect(try JSONPointer(parsing: fragment).tokens == tokens)
        #expect(JSONPointer(tokens: tokens).description == string)
        #expect(JSONPointer(tokens: tokens).fragment == fragment)
    }

    /// Tokens weighted towards the characters a pointer escapes (`~`, `/`), a fragment
    /// percent-encodes (`%`, `#`, space) or lets through (`?`, `@`), and multi-byte scalars.
    static let token = Gen.oneOf(
        Gen.element(of: Array("~/%# ?@a0~1é\u{301}\u{10FFFF}")).map { $0! }.eraseToAnySequence(),
        Gen<UInt32>.value(in: 0...0x10FFFF).map { Character(Unicode.Scalar($0) ?? "~") }.eraseToAnySequence()
    )
    .array(of: 0...8).map { String($0) }

    @Test func fragmentIsTheStringFormPercentEncodedAndParsesBack() async {
        await propertyCheck(count: 2_000, input: Self.token.array(of: 0...4)) { tokens in
            let pointer = JSONPointer(tokens: tokens)
            #expect(pointer.fragment == Self.plainFragment(of: pointer), "\(tokens)")
            #expect((try? JSONPointer(parsing: pointer.fragment)) == pointer, "\(tokens)")
        }
    }

    /// RFC 6901 §6 spelled out: `#`, then the string form with every byte a fragment cannot hold
    /// percent-encoded.
    static func plainFragment(of pointer: JSONPointer) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?".utf8)
        var text = "#"
        for byte in pointer.description.utf8 {
            text += allowed.contains(byte) ? String(UnicodeScalar(byte)) : "%" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
        }
        return text
    }

    @Test(arguments: ["foo", "#foo", "/a~2b", "/a~", "#/%zz", "#/%4", "#/%FF"])
    func malformedPointersAreRefused(text: String) {
        #expect(throws: JSONPointer.ParseError.self) {
            try JSONPointer(parsing: text)
        }
    }

    @Test func tildeOneThenZeroDecodesInOrder() throws {
        #expect(try JSONPointer(parsing: "/~01").tokens == ["~1"])
    }

    @Test func appendingBuildsPaths() {
        let pointer = JSONPointer.root.appending("tags").appending(index: 3)
        #expect(pointer == ["tags", "3"])
        #expect(pointer.fragment == "#/tags/3")
    }

    @Test func parseErrorExplainsItself() {
        #expect(throws: JSONPointer.ParseError.self) { try JSONPointer(parsing: "x") }
        do {
            _ = try JSONPointer(parsing: "x")
        } catch {
            #expect(error.description == "'x' is not a JSON Pointer: it does not start with '/'")
        }
    }
}
