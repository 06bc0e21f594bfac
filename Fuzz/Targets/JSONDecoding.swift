// Fuzz target: ProblemJSONDecoder and ProblemJSONEncoder.
//
// Compiled into one module with Sources/ProblemDetails (see Fuzz/run), so it uses the core's API
// directly and does not import it.
//
// Invariants, for any bytes:
// - Neither `decode` nor `decodeValue` crashes, hangs or grows without bound.
// - `decode` succeeds exactly when `decodeValue` reads an object: both apply the same limits, and
//   the §3.1 rules that `decode` adds never refuse a document.
// - A decoded problem is stable: encode → decode gives an equal problem, and encoding that again
//   gives the same bytes. The same holds for any value `decodeValue` reads.
// - With a base URI, resolved references stay put: decoding the re-encoding with the same base
//   gives the same problem.
// - Decoding the bytes as a String gives the same result when they are UTF-8.
// - Numbers are kept as documented (ExtensionValue): an integer literal is never read as a
//   Double, a `bigNumber` is always a valid JSON number and a `double` always finite.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    JSONDecodingFuzz.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

enum JSONDecodingFuzz {
    static let decoder = ProblemJSONDecoder()
    static let encoder = ProblemJSONEncoder()
    static let baseURI = "https://api.example.com/books/1?page=2#top"

    static func check(_ bytes: [UInt8]) {
        let value: ExtensionValue?
        do {
            value = try self.decoder.decodeValue(bytes)
        } catch {
            value = nil
        }
        if let value {
            self.checkValue(value, bytes)
        }

        let decoded: DecodedProblem
        do {
            decoded = try self.decoder.decode(bytes)
        } catch {
            if case .object? = value {
                self.fail("decodeValue read an object but decode refused it: \(error)", bytes)
            }
            return
        }
        guard case .object? = value else {
            self.fail("decode read a problem but decodeValue did not read an object", bytes)
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
    }

    /// decode → encode → decode gives an equal problem, and encoding it again the same bytes.
    static func checkRoundTrip(_ problem: Problem, baseURI: String?, _ bytes: [UInt8]) {
        let first = self.encoder.encode(problem)
        let second: Problem
        do {
            second = try self.decoder.decode(first, baseURI: baseURI).problem
        } catch {
            self.fail("the encoder's output of a decoded problem does not decode: \(error)\n\(self.show(first))", bytes)
        }
        guard second == problem else {
            self.fail(
                "decode → encode → decode changed the problem (base \(baseURI ?? "none"))\n"
                    + "first:  \(self.show(first))\nsecond: \(self.show(self.encoder.encode(second)))",
                bytes
            )
        }
        let again = self.encoder.encode(second)
        guard again == first else {
            self.fail("re-encoding gave other bytes\nfirst:  \(self.show(first))\nsecond: \(self.show(again))", bytes)
        }
        for member in problem.extensions {
            self.checkNumbers(member.value, bytes)
        }
    }

    static func checkValue(_ value: ExtensionValue, _ bytes: [UInt8]) {
        self.checkNumbers(value, bytes)
        if let literal = self.soleNumberLiteral(bytes), self.isIntegerLiteral(literal) {
            switch value {
            case .integer, .bigNumber: break
            default:
                self.fail("the integer literal \(String(decoding: literal, as: UTF8.self)) was read as \(value)", bytes)
            }
        }
        let first = self.encoder.encode(value)
        let second: ExtensionValue
        do {
            second = try self.decoder.decodeValue(first)
        } catch {
            self.fail("the encoder's output of a decoded value does not decode: \(error)\n\(self.show(first))", bytes)
        }
        guard second == value else {
            self.fail("decodeValue → encode → decodeValue changed the value\n\(self.show(first))", bytes)
        }
        guard self.encoder.encode(second) == first else {
            self.fail("re-encoding a value gave other bytes\n\(self.show(first))", bytes)
        }
    }

    static func checkNumbers(_ value: ExtensionValue, _ bytes: [UInt8]) {
        switch value {
        case .double(let double):
            if !double.isFinite { self.fail("a decoded double is not finite: \(double)", bytes) }
        case .bigNumber(let text):
            if !JSONNumberText.isValid(text) { self.fail("a decoded bigNumber is not a JSON number: \(text)", bytes) }
        case .array(let elements):
            for element in elements { self.checkNumbers(element, bytes) }
        case .object(let object):
            for member in object { self.checkNumbers(member.value, bytes) }
        case .null, .bool, .integer, .string:
            break
        }
    }

    /// The input without surrounding JSON whitespace when that is a single number literal.
    static func soleNumberLiteral(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        let isWhitespace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = bytes.firstIndex(where: { !isWhitespace($0) }),
            let last = bytes.lastIndex(where: { !isWhitespace($0) })
        else { return nil }
        let literal = bytes[first...last]
        guard let lead = literal.first, lead == UInt8(ascii: "-") || lead.isASCIIDigit else { return nil }
        return literal
    }

    /// `-?[0-9]+`: no fraction and no exponent.
    static func isIntegerLiteral(_ literal: ArraySlice<UInt8>) -> Bool {
        let digits = literal.first == UInt8(ascii: "-") ? literal.dropFirst() : literal
        return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
    }

    static func show(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(2_000), as: UTF8.self).debugDescription
    }

    static func fail(_ message: String, _ input: [UInt8]) -> Never {
        fatalError("JSONDecoding invariant broken: \(message)\ninput: \(self.show(input))")
    }
}
