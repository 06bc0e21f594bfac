// Fuzz target: Accept(parsing:) and content negotiation with it.
//
// Compiled into one module with Sources/ProblemDetails (see Fuzz/run), so it uses the core's API
// directly and does not import it.
//
// Invariants, for any field value:
// - Parsing does not crash or hang, and is deterministic.
// - At most `Accept.maximumElementCount` ranges, each with a quality in 0...1, a lowercased
//   non-empty type and subtype made of token characters, no `*/subtype`, and no `q` parameter
//   left on the media type.
// - `preferred(among:)` returns one of the offers or nil, exactly as documented: the first offer
//   with the highest `quality(of:)` above 0, or nil when every quality is 0; with no ranges, the
//   first offer.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    AcceptParsingFuzz.check(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    return 0
}

enum AcceptParsingFuzz {
    static let offers: [MediaType] = [
        .problemJSON, .json, .problemXML, .xml, .textXML, .html, .xhtml,
        MediaType(type: "text", subtype: "plain", parameters: [.init(name: "charset", value: "utf-8")]),
        MediaType(type: "text", subtype: "html", parameters: [.init(name: "level", value: "1")]),
    ]

    static func check(_ text: String) {
        let accept = Accept(parsing: text)
        guard accept == Accept(parsing: text) else {
            self.fail("parsing the same text twice gave different values", text)
        }
        guard accept.ranges.count <= Accept.maximumElementCount else {
            self.fail("\(accept.ranges.count) ranges, more than \(Accept.maximumElementCount)", text)
        }
        for range in accept.ranges {
            guard (0...1).contains(range.quality) else {
                self.fail("the quality \(range.quality) is outside 0...1", text)
            }
            let type = range.mediaType.type
            let subtype = range.mediaType.subtype
            guard self.isLowercasedToken(type), self.isLowercasedToken(subtype) else {
                self.fail("the range \(type)/\(subtype) is not two lowercased tokens", text)
            }
            guard type != "*" || subtype == "*" else {
                self.fail("the range \(type)/\(subtype) has a wildcard type and a concrete subtype", text)
            }
            guard !range.mediaType.parameters.contains(where: { $0.name == "q" }) else {
                self.fail("a q parameter was left on the media range \(range.mediaType)", text)
            }
        }

        let preferred = accept.preferred(among: self.offers)
        let qualities = self.offers.map { accept.quality(of: $0) }
        for quality in qualities where !(0...1).contains(quality) {
            self.fail("quality(of:) gave \(quality), outside 0...1", text)
        }
        let best = qualities.max() ?? 0
        let expected = best > 0 ? qualities.firstIndex(of: best).map { self.offers[$0] } : nil
        guard preferred == expected else {
            self.fail("preferred(among:) gave \(preferred.map(String.init(describing:)) ?? "nil"), "
                + "not \(expected.map(String.init(describing:)) ?? "nil"); qualities \(qualities)", text)
        }
        if accept.ranges.isEmpty, preferred != self.offers.first {
            self.fail("with no ranges, the first offer was not preferred", text)
        }
        guard accept.preferred(among: []) == nil else {
            self.fail("preferred(among: []) is not nil", text)
        }
        // The grouped form picks the same offer as the flat one when each group has one type.
        let grouped = accept.preferred(among: Array(self.offers.indices)) { [self.offers[$0]] }
        guard grouped.map({ self.offers[$0] }) == preferred else {
            self.fail("preferred(among:mediaTypes:) disagrees with preferred(among:)", text)
        }
    }

    static func isLowercasedToken(_ text: String) -> Bool {
        !text.utf8.isEmpty
            && text.utf8.allSatisfy { MediaType.Scanner.isTokenCharacter($0) && !(0x41...0x5A).contains($0) }
    }

    static func fail(_ message: String, _ input: String) -> Never {
        fatalError("AcceptParsing invariant broken: \(message)\ninput: \(String(input.prefix(2_000)).debugDescription)")
    }
}
