/// The RFC 8259 §6 number grammar, for number literals kept as text.
///
/// `number = [ minus ] int [ frac ] [ exp ]`
/// https://www.rfc-editor.org/rfc/rfc8259#section-6
enum JSONNumberText {
    static func isValid(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        var byte = bytes.next()
        if byte == UInt8(ascii: "-") { byte = bytes.next() }
        guard let first = byte, first.isASCIIDigit else { return false }
        byte = bytes.next()
        if first != UInt8(ascii: "0") {
            while let digit = byte, digit.isASCIIDigit { byte = bytes.next() }
        }
        if byte == UInt8(ascii: ".") {
            byte = bytes.next()
            guard let digit = byte, digit.isASCIIDigit else { return false }
            while let digit = byte, digit.isASCIIDigit { byte = bytes.next() }
        }
        if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            byte = bytes.next()
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { byte = bytes.next() }
            guard let digit = byte, digit.isASCIIDigit else { return false }
            while let digit = byte, digit.isASCIIDigit { byte = bytes.next() }
        }
        return byte == nil
    }
}
