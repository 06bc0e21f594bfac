/// The ISBN-13 rules: thirteen digits whose weighted sum (weights 1 and 3, alternating) is a
/// multiple of ten.
///
/// https://www.isbn-international.org/content/isbn-users-manual
public enum ISBN13 {
    /// Whether the text is exactly thirteen ASCII digits.
    ///
    /// - Parameter text: The candidate ISBN, without hyphens or spaces.
    public static func hasThirteenDigits(_ text: String) -> Bool {
        text.utf8.count == 13 && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// The check digit the first twelve digits call for, or `nil` when the text does not start
    /// with twelve digits.
    ///
    /// - Parameter text: The ISBN, or its first twelve digits.
    public static func checkDigit(for text: String) -> Int? {
        let digits = text.utf8.prefix(12).map { Int($0) - Int(UInt8(ascii: "0")) }
        guard digits.count == 12, digits.allSatisfy({ (0...9).contains($0) }) else { return nil }
        var sum = 0
        for (index, digit) in digits.enumerated() {
            sum += index.isMultiple(of: 2) ? digit : 3 * digit
        }
        return (10 - sum % 10) % 10
    }

    /// Whether the text is a valid ISBN-13: thirteen digits with the right check digit.
    ///
    /// - Parameter text: The candidate ISBN, without hyphens or spaces.
    public static func isValid(_ text: String) -> Bool {
        guard hasThirteenDigits(text), let expected = checkDigit(for: text), let last = text.utf8.last else {
            return false
        }
        return Int(last) - Int(UInt8(ascii: "0")) == expected
    }
}
