import HTTPTypes
import ProblemDetails
import PropertyBased
import Testing

/// Random problems with arbitrary Unicode survive encode → decode unchanged.
@Suite struct ProblemJSONRoundTripTests {
    /// Any Unicode scalar, weighted towards ASCII and the control characters that need escaping.
    static let scalar = Gen.oneOf(
        Gen<UInt32>.value(in: 0...0x7F).eraseToAnySequence(),
        Gen<UInt32>.value(in: 0...0x10FFFF).eraseToAnySequence()
    )
    .map { Character(Unicode.Scalar($0) ?? "\u{FFFD}") }

    static let text = scalar.array(of: 0...24).map { String($0) }

    static let leaf = Gen.oneOf(
        text.map { ExtensionValue.string($0) }.eraseToAnySequence(),
        Gen<Int>.value(in: Int.min...Int.max).map { ExtensionValue.integer($0) }.eraseToAnySequence(),
        Gen<Double>.value(in: -1e300...1e300).map { ExtensionValue.double($0) }.eraseToAnySequence(),
        Gen.bool.map { ExtensionValue.bool($0) }.eraseToAnySequence(),
        Gen.always(ExtensionValue.null).eraseToAnySequence()
    )

    static let value = Gen.oneOf(
        leaf.eraseToAnySequence(),
        leaf.array(of: 0...4).map { ExtensionValue.array($0) }.eraseToAnySequence(),
        zip(text, leaf).array(of: 0...4).map { ExtensionValue.object(ExtensionValue.Object($0)) }.eraseToAnySequence()
    )

    static let problem = zip(
        text.optional,
        text.optional,
        Gen<Int>.value(in: 100...599).optional,
        text.optional,
        zip(text.filter { !Problem.Extensions.isReserved($0) }, value).array(of: 0...5)
    )
    .map { title, detail, status, instance, members in
        Problem(
            type: "https://example.com/problems/random",
            title: title,
            status: status.map { HTTPResponse.Status(code: $0) },
            detail: detail,
            instance: instance.map { "/instances/" + String($0.unicodeScalars.filter(\.isASCII).filter { $0.properties.isAlphabetic }) },
            extensions: (try? Problem.Extensions(ExtensionValue.Object(members))) ?? [:]
        )
    }

    @Test func randomProblemsSurviveARoundTrip() async {
        await propertyCheck(count: 300, input: Self.problem) { problem in
            let bytes = ProblemJSONEncoder().encode(problem)
            let decoded = try ProblemJSONDecoder().decode(bytes)
            #expect(decoded.problem == problem)
            #expect(decoded.diagnostics.isEmpty)
            #expect(ProblemJSONEncoder().encode(decoded.problem) == bytes)
        }
    }
}
