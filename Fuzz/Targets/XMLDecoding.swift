// Fuzz target: ProblemXMLDecoder and ProblemXMLEncoder (RFC 9457 Appendix B; the XML trait).
//
// Compiled into one module with Sources/ProblemDetails and `-D XML` (see Fuzz/run), so it uses
// the core's API directly and does not import it.
//
// Invariants, for any bytes:
// - `decode` does not crash, hang or grow without bound.
// - A decoded problem is stable: encode → decode gives an equal problem, and encoding that again
//   gives the same bytes. One difference is by design (ProblemXMLDecoder's documentation): an
//   element whose only children are in other namespaces reads as an empty object, which the
//   encoder writes as `<name/>`, which reads back as the empty string. So the first decoding is
//   compared with empty objects replaced by empty strings, and byte identity is required from
//   the second encoding on (and from the first when there was no empty object).
// - Extension values read from XML are strings, arrays and objects only: XML has no other types.
// - With a base URI, resolved references stay put through the round trip.
// - Decoding the bytes as a String gives the same result when they are UTF-8.
// - What XML reads, JSON can carry: the JSON round trip of the problem is exact too.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    XMLDecodingFuzz.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

enum XMLDecodingFuzz {
    static let decoder = ProblemXMLDecoder()
    static let encoder = ProblemXMLEncoder()
    static let baseURI = "https://api.example.com/books/1?page=2#top"

    static func check(_ bytes: [UInt8]) {
        let decoded: DecodedProblem
        do {
            decoded = try self.decoder.decode(bytes)
        } catch {
            return
        }
        for member in decoded.problem.extensions {
            self.checkTypes(member.value, bytes)
        }
        self.checkRoundTrip(decoded.problem, baseURI: nil, bytes)

        if bytes.withUnsafeBufferPointer({ UTF8Validation.isValid($0) }) {
            let text = String(decoding: bytes, as: UTF8.self)
            guard let fromText = try? self.decoder.decode(text), fromText == decoded else {
                self.fail("decoding the bytes as a String gave another result", bytes)
            }
        }

        guard let based = try? self.decoder.decode(bytes, baseURI: self.baseURI) else {
            self.fail("decode with a base URI refused what decode without one read", bytes)
        }
        self.checkRoundTrip(based.problem, baseURI: self.baseURI, bytes)

        let json = ProblemJSONEncoder().encode(decoded.problem)
        guard let fromJSON = try? ProblemJSONDecoder().decode(json).problem, fromJSON == decoded.problem else {
            self.fail("the JSON round trip of a problem read from XML changed it\n\(self.show(json))", bytes)
        }
    }

    static func checkRoundTrip(_ problem: Problem, baseURI: String?, _ bytes: [UInt8]) {
        let first = self.encoder.encode(problem)
        let second = self.decode(first, baseURI: baseURI, bytes)
        var expected = problem
        expected.extensions = Problem.Extensions(unchecked: self.withoutEmptyObjects(problem.extensions.object))
        guard second == expected else {
            self.fail(
                "decode → encode → decode changed the problem (base \(baseURI ?? "none"))\n"
                    + "first:  \(self.show(first))\nsecond: \(self.show(self.encoder.encode(second)))",
                bytes
            )
        }
        let again = self.encoder.encode(second)
        if expected.extensions == problem.extensions, again != first {
            self.fail("re-encoding gave other bytes\nfirst:  \(self.show(first))\nsecond: \(self.show(again))", bytes)
        }
        let third = self.decode(again, baseURI: baseURI, bytes)
        guard third == second, self.encoder.encode(third) == again else {
            self.fail("the second round trip is not stable\n\(self.show(again))", bytes)
        }
    }

    static func decode(_ document: [UInt8], baseURI: String?, _ bytes: [UInt8]) -> Problem {
        do {
            return try self.decoder.decode(document, baseURI: baseURI).problem
        } catch {
            self.fail("the encoder's output of a decoded problem does not decode: \(error)\n\(self.show(document))", bytes)
        }
    }

    /// The object with every empty object in it, at any depth, replaced by the empty string.
    static func withoutEmptyObjects(_ object: ExtensionValue.Object) -> ExtensionValue.Object {
        var result = ExtensionValue.Object()
        for member in object {
            result.appendUnchecked(member.name, self.withoutEmptyObjects(member.value))
        }
        return result
    }

    static func withoutEmptyObjects(_ value: ExtensionValue) -> ExtensionValue {
        switch value {
        case .object(let object):
            return object.isEmpty ? .string("") : .object(self.withoutEmptyObjects(object))
        case .array(let elements):
            return .array(elements.map { self.withoutEmptyObjects($0) })
        default:
            return value
        }
    }

    static func checkTypes(_ value: ExtensionValue, _ bytes: [UInt8]) {
        switch value {
        case .string:
            break
        case .array(let elements):
            if elements.isEmpty { self.fail("XML read an empty array", bytes) }
            for element in elements { self.checkTypes(element, bytes) }
        case .object(let object):
            for member in object {
                if !XMLName.isValid(member.name) { self.fail("XML read a member name that is not an XML name", bytes) }
                self.checkTypes(member.value, bytes)
            }
        case .null, .bool, .integer, .double, .bigNumber:
            self.fail("XML read a typed extension value \(value); XML has only text", bytes)
        }
    }

    static func show(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(2_000), as: UTF8.self).debugDescription
    }

    static func fail(_ message: String, _ input: [UInt8]) -> Never {
        fatalError("XMLDecoding invariant broken: \(message)\ninput: \(self.show(input))")
    }
}
