#if XML
import HTTPTypes
import ProblemDetails
import PropertyBased
import Testing

@Suite struct ProblemXMLRoundTripTests {
    /// Any Unicode scalar, weighted towards the ones XML treats specially.
    private static let scalar = Gen.uint32().map { raw -> Unicode.Scalar in
        let value = raw >> 2
        switch raw & 3 {
        case 0:
            return Unicode.Scalar(UInt8(value & 0x7F))
        case 1:
            let special: [Unicode.Scalar] = [
                "\u{0}", "\u{B}", "\u{1F}", "\t", "\n", "\r", "<", "&", ">", "]", "\"", "'", "\u{7F}", "\u{85}",
                "\u{2028}", "\u{FEFF}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{1F600}", "\u{10FFFF}", "\u{301}",
            ]
            return special[Int(value % UInt32(special.count))]
        case 2:
            return Unicode.Scalar(value & 0xFFFF) ?? "\u{D7FF}"
        default:
            return Unicode.Scalar(0x10000 + value % 0x100000) ?? "\u{10000}"
        }
    }

    private static let text = scalar.array(of: 0...24).map { String(String.UnicodeScalarView($0)) }

    private static let name = Gen.letter.string(of: 3...8).map {
        Problem.Extensions.isReserved($0) ? "ext" + $0 : $0
    }

    /// The text as XML 1.0 can carry it: the characters it cannot carry become U+FFFD.
    private static func carried(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: scalars.append(scalar)
            case 0x00..<0x20, 0xFFFE, 0xFFFF: scalars.append("\u{FFFD}")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    @Test func decodingWhatWasEncodedGivesTheProblemBackWithUncarriableCharactersReplaced() async {
        await propertyCheck(
            count: 300,
            input: Self.text.optional,
            Self.text.optional,
            Gen.int(in: 100...599).optional,
            zip(Self.name, Self.text).array(of: 0...4)
        ) { title, detail, status, members in
            var problem = Problem(
                type: "https://example.com/probs/x",
                title: title,
                status: status.map { HTTPResponse.Status(code: $0) },
                detail: detail,
                instance: "/requests/1"
            )
            var expected = problem
            expected.title = title.map(Self.carried)
            expected.detail = detail.map(Self.carried)
            for (name, value) in members {
                problem.extensions[name] = .string(value)
                expected.extensions[name] = .string(Self.carried(value))
            }
            let bytes = ProblemXMLEncoder().encode(problem)
            let decoded = try ProblemXMLDecoder().decode(bytes)
            #expect(decoded.problem == expected)
            #expect(decoded.diagnostics.isEmpty)
        }
    }
}
#endif
