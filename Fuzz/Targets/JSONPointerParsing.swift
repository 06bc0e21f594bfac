// Fuzz target: JSONPointer(parsing:), `description` and `fragment` (RFC 6901).
//
// Compiled into one module with Sources/ProblemDetails (see Fuzz/run), so it uses the core's API
// directly and does not import it.
//
// Invariants:
// - For any text, parsing does not crash or hang.
// - A pointer that parses round-trips through both of its forms: `description` (`/a~1b`) and
//   `fragment` (`#/a~1b`) parse back to an equal pointer. The string form is empty or starts with
//   `/`; the fragment starts with `#` and is ASCII, as a URI fragment must be.
// - The same holds for pointers built from arbitrary tokens (the input split at NUL bytes), so
//   escaping is checked for every token, not only for those the parser can produce.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    JSONPointerParsingFuzz.check(String(decoding: bytes, as: UTF8.self))
    let tokens = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
        String(decoding: $0, as: UTF8.self)
    }
    JSONPointerParsingFuzz.checkRoundTrip(JSONPointer(tokens: tokens), input: "tokens \(tokens)")
    return 0
}

enum JSONPointerParsingFuzz {
    static func check(_ text: String) {
        guard let pointer = try? JSONPointer(parsing: text) else { return }
        self.checkRoundTrip(pointer, input: text.debugDescription)
    }

    static func checkRoundTrip(_ pointer: JSONPointer, input: String) {
        let string = pointer.description
        guard string.isEmpty || string.utf8.first == UInt8(ascii: "/") else {
            self.fail("the string form \(string.debugDescription) does not start with '/'", input)
        }
        do {
            let reparsed = try JSONPointer(parsing: string)
            guard reparsed == pointer else {
                self.fail(
                    "the string form \(string.debugDescription) parses to \(reparsed.tokens), not \(pointer.tokens)", input)
            }
        } catch {
            self.fail("the string form \(string.debugDescription) does not parse: \(error)", input)
        }

        let fragment = pointer.fragment
        guard fragment.utf8.first == UInt8(ascii: "#"), fragment.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            self.fail("the fragment \(fragment.debugDescription) is not '#' and visible ASCII", input)
        }
        do {
            let reparsed = try JSONPointer(parsing: fragment)
            guard reparsed == pointer else {
                self.fail("the fragment \(fragment) parses to \(reparsed.tokens), not \(pointer.tokens)", input)
            }
        } catch {
            self.fail("the fragment \(fragment) does not parse: \(error)", input)
        }
    }

    static func fail(_ message: String, _ input: String) -> Never {
        fatalError("JSONPointerParsing invariant broken: \(message)\ninput: \(String(input.prefix(2_000)))")
    }
}
