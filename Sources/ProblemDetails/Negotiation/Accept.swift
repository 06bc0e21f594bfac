/// The media types a client is willing to receive, parsed from an `Accept` field.
///
/// A problem is rendered in whichever format the client prefers among those the server can
/// produce. Parsing never fails: invalid elements are skipped, and a field with no valid element
/// is treated like an absent one, which accepts anything. Selection never answers "not
/// acceptable" either, because an error response should still be sent; when nothing offered is
/// acceptable, the caller falls back to its default format.
///
/// https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1
public struct Accept: Sendable, Hashable {
    /// One element of an `Accept` field: a media range and its weight.
    ///
    /// The media type may use wildcards, as in `*/*` or `text/*`. Parameters other than the
    /// weight `q` stay on the media type and narrow the range to media types that carry them.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1
    public struct Range: Sendable, Hashable {
        /// The media range, possibly with `*` as subtype or as both type and subtype.
        public let mediaType: MediaType

        /// The weight, from 0 (not acceptable) to 1 (most preferred).
        ///
        /// https://www.rfc-editor.org/rfc/rfc9110#section-12.4.2
        public let quality: Double

        /// Creates a media range.
        ///
        /// - Parameters:
        ///   - mediaType: The media range; `*` as the type or subtype matches any.
        ///   - quality: The weight, clamped to 0...1; a NaN counts as 0.
        public init(mediaType: MediaType, quality: Double = 1) {
            self.mediaType = mediaType
            self.quality = quality.isNaN ? 0 : min(max(quality, 0), 1)
        }

        /// Whether the range includes the media type.
        ///
        /// The type and subtype must be equal or `*`, and every parameter of the range must
        /// also be a parameter of the media type.
        ///
        /// https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1
        ///
        /// - Parameters:
        ///   - mediaType: A concrete media type, such as one the server can produce.
        public func matches(_ mediaType: MediaType) -> Bool {
            (self.mediaType.type == "*" || self.mediaType.type == mediaType.type)
                && (self.mediaType.subtype == "*" || self.mediaType.subtype == mediaType.subtype)
                && self.mediaType.parameters.allSatisfy { mediaType.parameters.contains($0) }
        }

        /// How specific the range is: a concrete type and subtype beat `type/*`, which beats
        /// `*/*`, and among equals, more parameters beat fewer.
        fileprivate var specificity: (concreteParts: Int, parameters: Int) {
            let concreteParts = (self.mediaType.type == "*" ? 0 : 1) + (self.mediaType.subtype == "*" ? 0 : 1)
            return (concreteParts, self.mediaType.parameters.count)
        }
    }

    /// The most elements of a field that are considered; later ones are ignored.
    ///
    /// Real clients send a handful. The cap bounds the work a hostile field can cause, and
    /// counts invalid elements as well as valid ones.
    public static let maximumElementCount = 64

    /// The longest element, in UTF-8 bytes, that is parsed; longer ones are skipped.
    public static let maximumElementLength = 1024

    /// The valid elements of the field, in the order they were given.
    ///
    /// Empty when the field is absent, empty or has no valid element, which means that any
    /// media type is acceptable.
    public let ranges: [Range]

    /// Creates a value from media ranges.
    ///
    /// - Parameters:
    ///   - ranges: The media ranges; none means that any media type is acceptable.
    public init(ranges: [Range]) {
        self.ranges = ranges
    }

    /// Parses the value of an `Accept` field.
    ///
    /// Pass the empty string when the field is absent. Type, subtype and parameter names are
    /// case-insensitive, and so is the weight's name, `q`. Elements that do not follow the
    /// grammar are skipped, including those with an invalid weight, more than one weight, or a
    /// wildcard type with a concrete subtype such as `*/html`. Only the first
    /// ``maximumElementCount`` non-empty elements are considered.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1
    ///
    /// - Parameters:
    ///   - string: The field value; combine repeated fields with commas first.
    public init(parsing string: String) {
        var text = string
        var ranges: [Range] = []
        // Clients send one to five elements: room for most at once, rather than growing to it.
        ranges.reserveCapacity(4)
        text.withUTF8 { bytes in
            MediaType.Scanner.forEachListElement(in: bytes, maximumCount: Self.maximumElementCount) { scanner in
                guard scanner.remainingCount <= Self.maximumElementLength,
                    let range = Self.parseRange(from: &scanner)
                else {
                    return
                }
                ranges.append(range)
            }
        }
        self.ranges = ranges
    }

    /// How much the client wants the media type, from 0 (not at all) to 1.
    ///
    /// The weight comes from the most specific range that matches: a concrete type and subtype
    /// whose parameters the media type all has, then the bare type and subtype, then `type/*`,
    /// then `*/*`. Among equally specific ranges, the first one wins. A media type no range
    /// matches is not acceptable; with no ranges at all, everything is.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1
    ///
    /// - Parameters:
    ///   - mediaType: A concrete media type, such as one the server can produce.
    public func quality(of mediaType: MediaType) -> Double {
        guard !self.ranges.isEmpty else {
            return 1
        }
        var best: Range?
        for range in self.ranges where range.matches(mediaType) {
            if let current = best, range.specificity <= current.specificity {
                continue
            }
            best = range
        }
        return best?.quality ?? 0
    }

    /// Whether the client refuses a media type: the most specific range that matches it has
    /// weight 0, as in `application/problem+json;q=0, */*`.
    ///
    /// A type that no range matches is not refused, only not asked for.
    /// https://www.rfc-editor.org/rfc/rfc9110#section-12.4.2
    ///
    /// - Parameter mediaType: A concrete media type.
    public func refuses(_ mediaType: MediaType) -> Bool {
        guard !self.ranges.isEmpty else { return false }
        return self.quality(of: mediaType) == 0 && self.ranges.contains { $0.matches(mediaType) }
    }

    /// The offer the client prefers, or `nil` when it accepts none of them.
    ///
    /// An offer stands for one way of answering, such as a JSON renderer that can label its
    /// output `application/problem+json` or `application/json`; its weight is the highest weight
    /// of its media types. The offer with the highest weight above 0 wins, and ties go to the
    /// earlier offer, so list offers in the server's order of preference.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1
    ///
    /// - Parameters:
    ///   - offers: The candidates, most preferred by the server first.
    ///   - mediaTypes: The media types an offer can be labelled with.
    public func preferred<Offer>(among offers: [Offer], mediaTypes: (Offer) -> [MediaType]) -> Offer? {
        var preferred: Offer?
        var preferredQuality = 0.0
        for offer in offers {
            let quality = mediaTypes(offer).reduce(0.0) { max($0, self.quality(of: $1)) }
            if quality > preferredQuality {
                preferred = offer
                preferredQuality = quality
                if quality >= 1 {
                    break
                }
            }
        }
        return preferred
    }

    /// The media type the client prefers, or `nil` when it accepts none of them.
    ///
    /// The media type with the highest weight above 0 wins, and ties go to the earlier one.
    ///
    /// https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1
    ///
    /// - Parameters:
    ///   - mediaTypes: The candidates, most preferred by the server first.
    public func preferred(among mediaTypes: [MediaType]) -> MediaType? {
        self.preferred(among: mediaTypes) { [$0] }
    }

    private static func parseRange(from scanner: inout MediaType.Scanner) -> Range? {
        guard let mediaType = MediaType.parse(from: &scanner),
            mediaType.type != "*" || mediaType.subtype == "*"
        else {
            return nil
        }
        var quality: Double?
        var parameters: [MediaType.Parameter] = []
        for parameter in mediaType.parameters {
            guard parameter.name == "q" else {
                // After `q` come accept extensions, not media type parameters (RFC 9110 §12.5.1).
                // `charset=utf-8` asks for nothing every representation here does not already do.
                let isUTF8Charset = parameter.name == "charset" && parameter.value.lowercased() == "utf-8"
                if quality == nil && !isUTF8Charset { parameters.append(parameter) }
                continue
            }
            guard quality == nil, let weight = MediaType.Scanner.parseQuality(parameter.value) else {
                return nil
            }
            quality = weight
        }
        return Range(
            mediaType: MediaType(type: mediaType.type, subtype: mediaType.subtype, parameters: parameters),
            quality: quality ?? 1
        )
    }
}
