/// A way in which an extension member's name goes against RFC 9457's advice.
///
/// Such names are allowed, and a consumer must accept them (IETF drafts register hyphenated ones),
/// but producers should avoid them: RFC 9457 §4 asks that names start with a letter, use only
/// ALPHA, DIGIT and `_`, and be three characters or longer, and §3.2 notes that a name must be an
/// XML Name to survive the XML format.
/// https://www.rfc-editor.org/rfc/rfc9457#section-4
public struct ExtensionNameIssue: Sendable, Hashable, CustomStringConvertible {
    /// The member name.
    public let name: String
    /// The rule the name breaks.
    public let rule: Rule

    /// Creates an issue.
    ///
    /// - Parameters:
    ///   - name: The member name.
    ///   - rule: The rule it breaks.
    public init(name: String, rule: Rule) {
        self.name = name
        self.rule = rule
    }

    /// A rule from RFC 9457's naming advice.
    public struct Rule: Sendable, Hashable, CustomStringConvertible {
        let text: String

        /// Names should be three characters or longer.
        public static let tooShort = Rule(text: "should be three characters or longer")
        /// Names should start with a letter.
        public static let doesNotStartWithLetter = Rule(text: "should start with a letter")
        /// Names should use only ALPHA, DIGIT and `_`.
        public static let unadvisedCharacters = Rule(text: "should use only letters, digits and '_'")
        /// The name is not an XML Name, so the XML format cannot carry the member.
        public static let notAnXMLName = Rule(text: "is not an XML name, so XML cannot carry it")

        /// The rule as a sentence fragment.
        public var description: String { self.text }
    }

    /// A sentence naming the member and the rule.
    public var description: String { "extension member '\(self.name)' \(self.rule)" }

    /// The issues of one name, empty when it follows every rule.
    ///
    /// - Parameter name: A member name.
    public static func issues(forName name: String) -> [ExtensionNameIssue] {
        var issues: [ExtensionNameIssue] = []
        let bytes = Array(name.utf8)
        if name.unicodeScalars.count < 3 {
            issues.append(.init(name: name, rule: .tooShort))
        }
        if let first = bytes.first, !first.isASCIILetter {
            issues.append(.init(name: name, rule: .doesNotStartWithLetter))
        } else if bytes.isEmpty {
            issues.append(.init(name: name, rule: .doesNotStartWithLetter))
        }
        if !bytes.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == UInt8(ascii: "_") }) {
            issues.append(.init(name: name, rule: .unadvisedCharacters))
        }
        if !XMLName.isValid(name) {
            issues.append(.init(name: name, rule: .notAnXMLName))
        }
        return issues
    }
}

extension UInt8 {
    @inlinable
    var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }

    @inlinable
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
