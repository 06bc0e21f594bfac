/// Checks the language tags that go into `lang` attributes.
///
/// The language of a page comes from the response's `Content-Language`, which may have been
/// chosen from a client's `Accept-Language`; only a tag that is well-formed by RFC 5646 §2.1
/// reaches the page, and anything else is replaced by `en`. Whether the tag is registered is not
/// checked: browsers and screen readers handle unknown tags, not malformed ones.
/// https://www.rfc-editor.org/rfc/rfc5646#section-2.1
enum LanguageTag {
    /// The tag used when none, or a malformed one, is given.
    static let fallback = "en"

    /// The longest tag accepted. Well-formed tags can be longer, but no real one is, and the cap
    /// bounds what a hostile value costs.
    static let maximumLength = 64

    /// The tag when it is well-formed, else ``fallback``.
    static func sanitized(_ tag: String?) -> String {
        guard let tag, self.isWellFormed(tag) else { return self.fallback }
        return tag
    }

    /// Whether the tag is English or a variety of it, so that English labels need no `lang`.
    static func isEnglish(_ tag: String) -> Bool {
        let primary = tag.split(separator: "-", maxSplits: 1).first.map { $0.lowercased() }
        return primary == "en"
    }

    /// Whether a tag follows the `langtag` or `privateuse` rule of RFC 5646.
    ///
    /// `langtag = language ["-" script] ["-" region] *("-" variant) *("-" extension) ["-" privateuse]`.
    /// The irregular grandfathered tags such as `i-klingon` are not accepted; they are deprecated.
    static func isWellFormed(_ tag: String) -> Bool {
        guard !tag.isEmpty, tag.utf8.count <= self.maximumLength else { return false }
        let subtags = tag.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard subtags.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy(Self.isAlphanumeric) }) else {
            return false
        }
        var index = 0
        func current() -> Substring.UTF8View? { index < subtags.count ? subtags[index] : nil }

        // A tag that is private use from the start.
        if let first = current(), Self.isPrivateUseSingleton(first) {
            return Self.isPrivateUse(subtags[...])
        }

        // language: 2–3 letters with up to three extlangs, or 4–8 letters.
        guard let language = current(), language.allSatisfy(Self.isLetter), language.count >= 2 else { return false }
        index += 1
        if language.count <= 3 {
            var extlangs = 0
            while extlangs < 3, let subtag = current(), subtag.count == 3, subtag.allSatisfy(Self.isLetter) {
                index += 1
                extlangs += 1
            }
        }
        // script: 4 letters.
        if let subtag = current(), subtag.count == 4, subtag.allSatisfy(Self.isLetter) {
            index += 1
        }
        // region: 2 letters or 3 digits.
        if let subtag = current(),
            (subtag.count == 2 && subtag.allSatisfy(Self.isLetter))
                || (subtag.count == 3 && subtag.allSatisfy(Self.isDigit))
        {
            index += 1
        }
        // variants: 5–8 alphanumerics, or a digit and 3 alphanumerics.
        while let subtag = current(),
            subtag.count >= 5 || (subtag.count == 4 && subtag.first.map(Self.isDigit) == true)
        {
            index += 1
        }
        // extensions: a singleton other than x, then subtags of 2–8 alphanumerics.
        while let subtag = current(), subtag.count == 1, !Self.isPrivateUseSingleton(subtag) {
            index += 1
            var count = 0
            while let part = current(), part.count >= 2 {
                index += 1
                count += 1
            }
            guard count > 0 else { return false }
        }
        if index < subtags.count {
            return Self.isPrivateUse(subtags[index...])
        }
        return true
    }

    /// `privateuse = "x" 1*("-" (1*8alphanum))`.
    private static func isPrivateUse(_ subtags: ArraySlice<Substring.UTF8View>) -> Bool {
        guard let first = subtags.first, Self.isPrivateUseSingleton(first) else { return false }
        return subtags.count > 1
    }

    private static func isPrivateUseSingleton(_ subtag: Substring.UTF8View) -> Bool {
        subtag.count == 1 && (subtag.first == UInt8(ascii: "x") || subtag.first == UInt8(ascii: "X"))
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        self.isLetter(byte) || self.isDigit(byte)
    }
}
