import HTTPTypes
import ProblemDetails
import Testing
import TestEnvironment

/// Input nested to the decoders' depth ceiling, read and used on a 512 KiB thread stack: the
/// stack a secondary thread has on Apple platforms, in this debug build, whose frames are the
/// largest. A stage that recursed once per level crashed here: the JSON parser at some 160
/// levels, the XML reader at some 80.
@Suite struct DepthCeilingTests {
    /// The ceiling that `maximumDepth: .max` is clamped to.
    static let ceiling = 256

    /// A problem document whose `deep` member alternates arrays and objects down to `depth`
    /// levels, the document's own object counted.
    static func json(depth: Int) -> String {
        var value = "1"
        for level in 0..<(depth - 1) { value = level.isMultiple(of: 2) ? "[\(value)]" : #"{"a":\#(value)}"# }
        return #"{"title":"Deep","deep":\#(value)}"#
    }

    /// The same in XML, where an element that holds other elements is a level.
    static func xml(depth: Int) -> String {
        let inner = String(repeating: "<a>", count: depth - 1) + "1" + String(repeating: "</a>", count: depth - 1)
        return #"<problem xmlns="urn:ietf:rfc:7807"><title>Deep</title><deep>\#(inner)</deep></problem>"#
    }

    @Test func aJSONProblemAtTheCeilingIsReadWrittenAndComparedOnASmallStack() throws {
        let outcome = SmallStack.run { () -> String? in
            let decoder = ProblemJSONDecoder(maximumDepth: .max)
            guard let decoded = try? decoder.decode(Self.json(depth: Self.ceiling)).problem else {
                return "the document at the ceiling was refused"
            }
            let json = ProblemJSONEncoder().encode(decoded)
            guard let again = try? decoder.decode(json).problem, again == decoded, again.hashValue == decoded.hashValue else {
                return "the JSON encoding did not read back equal"
            }
            #if XML
            guard !ProblemXMLEncoder().encode(decoded).isEmpty else { return "the XML encoding is empty" }
            #endif
            guard (try? decoder.decodeValue(json)) != nil else { return "decodeValue refused it" }
            return nil
        }
        #expect(outcome == nil)
    }

    @Test func oneLevelPastTheCeilingIsRefusedWhateverTheConfiguration() {
        let reason = SmallStack.run { () -> ProblemDecodingError.Reason? in
            do throws(ProblemDecodingError) {
                _ = try ProblemJSONDecoder(maximumDepth: .max).decode(Self.json(depth: Self.ceiling + 1))
                return nil
            } catch {
                return error.reason
            }
        }
        #expect(reason == .tooDeep)
    }

    @Test func aRequestBodyAtTheCeilingIsJudgedOnASmallStack() {
        let corrupted = DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not the expected value"))
        let (atCeiling, pastCeiling) = SmallStack.run { () -> (Problem, Problem) in
            let atCeiling = Problem.decodingFailed(corrupted, body: Array(Self.json(depth: Self.ceiling).utf8))
            let pastCeiling = Problem.decodingFailed(corrupted, body: Array(Self.json(depth: Self.ceiling + 1).utf8))
            return (atCeiling, pastCeiling)
        }
        #expect(atCeiling.status == .unprocessableContent)
        #expect(pastCeiling.status == .badRequest)
        #expect(pastCeiling.detail?.contains("nests deeper than \(Self.ceiling) levels") == true)
    }

    @Test func aStrictlyDecodedBodyWithADeepUnknownMemberIsRefusedOnASmallStack() {
        struct Book: Decodable, Sendable { var title: String }
        let problem = SmallStack.run { () -> Problem? in
            do throws(Problem) {
                _ = try StrictJSONDecoder(maximumDepth: .max).decode(Book.self, from: Array(Self.json(depth: Self.ceiling).utf8))
                return nil
            } catch {
                return error
            }
        }
        #expect(problem?.status == .unprocessableContent)
    }

    /// A recursive type recurses through its own `init(from:)` once per level, as it does under
    /// `JSONDecoder`: no decoder can keep that off the stack. The default depth leaves room for it
    /// on a small stack (this one holds some 130 levels), so only an application that raises
    /// `maximumDepth` takes on the risk, as StrictJSONDecoder's documentation says.
    @Test func aRecursiveTypeDecodedStrictlyToTheDefaultDepthFitsASmallStack() {
        let depth = StrictJSONDecoder().maximumDepth
        let body = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let tooDeep = "[" + body + "]"
        let (decoded, refused) = SmallStack.run { () -> (Bool, Problem?) in
            let decoder = StrictJSONDecoder()
            let decoded = (try? decoder.decode(NestedArrays.self, from: Array(body.utf8))) != nil
            do throws(Problem) {
                _ = try decoder.decode(NestedArrays.self, from: Array(tooDeep.utf8))
                return (decoded, nil)
            } catch {
                return (decoded, error)
            }
        }
        #expect(decoded)
        #expect(refused?.status == .badRequest)
    }

    #if XML
    @Test func anXMLProblemAtTheCeilingIsReadOnASmallStack() {
        let outcome = SmallStack.run { () -> String? in
            let decoder = ProblemXMLDecoder(maximumDepth: .max)
            guard let decoded = try? decoder.decode(Self.xml(depth: Self.ceiling)).problem else {
                return "the document at the ceiling was refused"
            }
            guard decoded.extensions["deep"] != nil else { return "the deep member is missing" }
            do throws(ProblemDecodingError) {
                _ = try decoder.decode(Self.xml(depth: Self.ceiling + 1))
                return "one level past the ceiling was accepted"
            } catch {
                return error.reason == .tooDeep ? nil : "one level past the ceiling failed as \(error.reason)"
            }
        }
        #expect(outcome == nil)
    }
    #endif
}

/// Arrays nested in arrays, decoded by a type that recurses once per level, as a recursive
/// `Decodable` type does.
indirect enum NestedArrays: Decodable {
    case leaf
    case node([NestedArrays])

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var children: [NestedArrays] = []
        while !container.isAtEnd { children.append(try container.decode(NestedArrays.self)) }
        self = children.isEmpty ? .leaf : .node(children)
    }
}
