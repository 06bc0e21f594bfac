/// A strict RFC 8259 parser into ``ExtensionValue``, bounded in depth, for problem documents.
///
/// Choices where JSON leaves room, each pinned by a test:
/// - A repeated member name keeps its first position and its last value, as JavaScript does, so
///   this reader agrees with the most common one; each repeat is a diagnostic.
/// - An integer beyond `Int`, or a number beyond `Double`'s range, is kept verbatim
///   (``ExtensionValue/bigNumber(_:)``) rather than rounded.
/// - A `\u` escape of a lone surrogate becomes U+FFFD, with a diagnostic.
/// - Invalid UTF-8 makes the input not JSON (RFC 8259 §8.1) and is refused.
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index: Int
    private let maximumDepth: Int
    private var depth = 0
    private var topLevelMember: String?
    var diagnostics: [ProblemDiagnostic] = []

    /// The deepest nesting any decoder allows, whatever it is configured with: the parser keeps
    /// its own stack, but what reads a value afterwards (the encoders, equality) recurses, and
    /// this keeps that far from the limit of a small thread stack.
    static let depthCeiling = 256

    init(_ bytes: UnsafeBufferPointer<UInt8>, startingAt index: Int = 0, maximumDepth: Int) {
        self.bytes = bytes
        self.index = index
        self.maximumDepth = min(maximumDepth, Self.depthCeiling)
    }

    // MARK: Documents

    /// Parses a document whose top level must be an object.
    mutating func parseObjectDocument() throws(ProblemDecodingError) -> ExtensionValue.Object {
        self.skipWhitespace()
        guard self.index < self.bytes.count else {
            throw self.error(.malformed, "the document is empty")
        }
        guard self.bytes[self.index] == UInt8(ascii: "{") else {
            let value = try self.parseValue(isProblem: false)
            throw self.error(
                .notAProblem,
                "a problem document is a JSON object, not \(ConsumerRules.describe(value))",
                position: false
            )
        }
        guard case .object(let object) = try self.parseValue(isProblem: true) else {
            preconditionFailure("a value that starts with '{' is an object")
        }
        self.skipWhitespace()
        guard self.index == self.bytes.count else {
            throw self.error(.malformed, "unexpected data after the JSON document")
        }
        return object
    }

    /// Parses a document holding any JSON value.
    mutating func parseValueDocument() throws(ProblemDecodingError) -> ExtensionValue {
        self.skipWhitespace()
        let value = try self.parseValue(isProblem: false)
        self.skipWhitespace()
        guard self.index == self.bytes.count else {
            throw self.error(.malformed, "unexpected data after the JSON document")
        }
        return value
    }

    // MARK: Values

    /// An array or object whose members are being read.
    private struct OpenContainer {
        /// Whether this is an object; otherwise it is an array.
        let isObject: Bool
        /// Whether this is the problem object itself, whose member names diagnostics name.
        let isProblem: Bool
        var object = ObjectBuilder()
        var elements: [ExtensionValue] = []
        /// The name of the member being read, kept here while the reader is inside its value.
        var name = ""

        init(isObject: Bool, isProblem: Bool) {
            self.isObject = isObject
            self.isProblem = isProblem
            // Problems have a handful of members: one allocation instead of growing 1, 2, 4, 8.
            if isObject { self.object.reserveCapacity(8) }
        }
    }

    /// The start of a value: a whole value, or a container whose entries come next.
    private enum Opening {
        case value(ExtensionValue)
        case container(OpenContainer)
    }

    /// Parses one value, however deeply nested, with the cursor on its first byte.
    ///
    /// A loop over an explicit stack of the containers being read, not recursion: the stack a
    /// thread has is small (512 KiB on Apple platforms), and a debug build's frames are large,
    /// so recursing once per level crashed on a hostile body well inside the depth ceiling.
    /// - Parameter isProblem: Whether an object at the top is the problem document.
    private mutating func parseValue(isProblem: Bool) throws(ProblemDecodingError) -> ExtensionValue {
        var current: OpenContainer
        switch try self.parseOpening(isProblem: isProblem) {
        case .value(let value): return value
        case .container(let container): current = container
        }
        var enclosing: [OpenContainer] = []
        // The name of the member being read, when `current` is an object.
        var name = current.isObject ? try self.parseMemberName(isProblem: current.isProblem) : ""
        while true {
            var value: ExtensionValue
            switch try self.parseOpening(isProblem: false) {
            case .container(let child):
                current.name = consume name
                enclosing.append(current)
                current = child
                name = child.isObject ? try self.parseMemberName(isProblem: false) : ""
                continue
            case .value(let complete):
                value = complete
            }
            // Hand the value to the containers it completes, innermost first, until one has more.
            // The value and the name are consumed, not copied: both live on across iterations,
            // and a copy of each would cost a retain and a release per member.
            while true {
                self.add(consume value, named: consume name, to: &current)
                self.skipWhitespace()
                guard self.index < self.bytes.count else {
                    throw self.error(
                        .malformed,
                        current.isObject ? "the document ends inside an object" : "the document ends inside an array"
                    )
                }
                let byte = self.bytes[self.index]
                if byte == UInt8(ascii: ",") {
                    self.index += 1
                    if current.isObject {
                        name = try self.parseMemberName(isProblem: current.isProblem)
                    } else {
                        name = ""
                        self.skipWhitespace()
                    }
                    break
                }
                guard byte == (current.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw self.error(
                        .malformed,
                        current.isObject
                            ? "expected ',' or '}' after an object member" : "expected ',' or ']' after an array element"
                    )
                }
                self.index += 1
                self.depth -= 1
                value = current.isObject ? .object(current.object.object) : .array(current.elements)
                guard let parent = enclosing.popLast() else { return value }
                current = parent
                name = current.name
            }
        }
    }

    /// Reads a scalar or an empty container whole, or opens a container, with the cursor on the
    /// value's first byte.
    /// - Parameter isProblem: Whether an object here is the problem document.
    @inline(__always)
    private mutating func parseOpening(isProblem: Bool) throws(ProblemDecodingError) -> Opening {
        guard self.index < self.bytes.count else {
            throw self.error(.malformed, "the document ends where a value was expected")
        }
        switch self.bytes[self.index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isObject = self.bytes[self.index] == UInt8(ascii: "{")
            try self.enter()
            self.index += 1
            self.skipWhitespace()
            if self.index < self.bytes.count, self.bytes[self.index] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                self.index += 1
                self.depth -= 1
                return .value(isObject ? .object(ExtensionValue.Object()) : .array([]))
            }
            return .container(OpenContainer(isObject: isObject, isProblem: isProblem && isObject))
        case UInt8(ascii: "\""): return .value(.string(try self.parseString()))
        case UInt8(ascii: "t"):
            try self.expectLiteral("true")
            return .value(.bool(true))
        case UInt8(ascii: "f"):
            try self.expectLiteral("false")
            return .value(.bool(false))
        case UInt8(ascii: "n"):
            try self.expectLiteral("null")
            return .value(.null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .value(try self.parseNumber())
        default:
            throw self.error(.malformed, "unexpected character \(self.describeCurrentByte()) where a value was expected")
        }
    }

    private mutating func enter() throws(ProblemDecodingError) {
        self.depth += 1
        guard self.depth <= self.maximumDepth else {
            throw self.error(.tooDeep, "the document nests deeper than \(self.maximumDepth) levels")
        }
    }

    /// Reads a member's name and the `:` after it, leaving the cursor on its value.
    /// - Parameter isProblem: Whether the member is one of the problem object's own.
    @inline(__always)
    private mutating func parseMemberName(isProblem: Bool) throws(ProblemDecodingError) -> String {
        self.skipWhitespace()
        guard self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "\"") else {
            throw self.error(.malformed, "expected a member name in double quotes")
        }
        let name = try self.parseString()
        self.skipWhitespace()
        guard self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: ":") else {
            throw self.error(.malformed, "expected ':' after the member name")
        }
        self.index += 1
        self.skipWhitespace()
        if isProblem { self.topLevelMember = name }
        return name
    }

    /// Adds a value read to its container: an array's next element, or the value of the member
    /// named `name`.
    ///
    /// A repeated member name keeps its first position and its last value, with a diagnostic.
    @inline(__always)
    private mutating func add(
        _ value: consuming ExtensionValue,
        named name: consuming String,
        to container: inout OpenContainer
    ) {
        guard container.isObject else {
            container.elements.append(value)
            return
        }
        if let position = container.object.add(name, value) {
            self.recordRepeat(of: container.object.object[position].name, isProblemMember: container.isProblem)
        }
    }

    /// Reports a member name that appears twice in one object.
    @inline(never)
    private mutating func recordRepeat(of name: String, isProblemMember: Bool) {
        self.diagnostics.record(
            .init(
                member: isProblemMember ? name : self.topLevelMember,
                message: "the member name '\(ProblemDiagnostic.excerpt(name))' appears more than once; the last value is used"
            )
        )
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(ProblemDecodingError) {
        let count = literal.utf8CodeUnitCount
        guard self.index + count <= self.bytes.count else {
            throw self.error(.malformed, "the document ends inside a literal")
        }
        for offset in 0..<count where self.bytes[self.index + offset] != literal.utf8Start[offset] {
            self.index += offset
            throw self.error(.malformed, "unexpected character \(self.describeCurrentByte()) in a literal")
        }
        self.index += count
    }

    // MARK: Strings

    private mutating func parseString() throws(ProblemDecodingError) -> String {
        self.index += 1
        let start = self.index
        while self.index < self.bytes.count {
            self.index = JSONStringScan.firstSpecialByte(in: self.bytes, from: self.index)
            guard self.index < self.bytes.count else { break }
            let byte = self.bytes[self.index]
            if byte == UInt8(ascii: "\"") {
                let string = try self.makeString(UnsafeBufferPointer(rebasing: self.bytes[start..<self.index]))
                self.index += 1
                return string
            }
            if byte == UInt8(ascii: "\\") { return try self.parseEscapedString(from: start) }
            if byte < 0x20 { throw self.error(.malformed, "a control character must be escaped inside a string") }
            self.index += 1
        }
        throw self.error(.malformed, "the document ends inside a string")
    }

    private mutating func parseEscapedString(from start: Int) throws(ProblemDecodingError) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(self.index - start + 16)
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: self.bytes[start..<self.index]))
        var repairedSurrogate = false
        while self.index < self.bytes.count {
            let byte = self.bytes[self.index]
            if byte == UInt8(ascii: "\"") {
                self.index += 1
                if repairedSurrogate {
                    self.diagnostics.record(
                        .init(
                            member: self.topLevelMember,
                            message: "a string escapes a lone UTF-16 surrogate; replaced with U+FFFD"
                        )
                    )
                }
                return try self.makeString(buffer)
            }
            if byte < 0x20 { throw self.error(.malformed, "a control character must be escaped inside a string") }
            guard byte == UInt8(ascii: "\\") else {
                buffer.append(byte)
                self.index += 1
                continue
            }
            guard self.index + 1 < self.bytes.count else { break }
            let escape = self.bytes[self.index + 1]
            self.index += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try self.parseHexQuad()
                if (0xD800...0xDBFF).contains(scalar) {
                    if self.index + 1 < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "\\"),
                        self.bytes[self.index + 1] == UInt8(ascii: "u")
                    {
                        let resume = self.index
                        self.index += 2
                        let low = try self.parseHexQuad()
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            self.index = resume
                            scalar = 0xFFFD
                            repairedSurrogate = true
                        }
                    } else {
                        scalar = 0xFFFD
                        repairedSurrogate = true
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                    repairedSurrogate = true
                }
                Self.appendUTF8(scalar, to: &buffer)
            default:
                self.index -= 1
                throw self.error(.malformed, "\\\(self.describeCurrentByte()) is not a JSON escape")
            }
        }
        throw self.error(.malformed, "the document ends inside a string")
    }

    private mutating func parseHexQuad() throws(ProblemDecodingError) -> UInt32 {
        guard self.index + 4 <= self.bytes.count else {
            throw self.error(.malformed, "a \\u escape needs four hexadecimal digits")
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = self.bytes[self.index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw self.error(.malformed, "a \\u escape needs four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
            self.index += 1
        }
        return value
    }

    private static func appendUTF8(_ scalar: UInt32, to buffer: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            buffer.append(UInt8(scalar))
        case 0x80..<0x800:
            buffer.append(UInt8(0xC0 | scalar >> 6))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            buffer.append(UInt8(0xE0 | scalar >> 12))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        default:
            buffer.append(UInt8(0xF0 | scalar >> 18))
            buffer.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    private func makeString(_ bytes: UnsafeBufferPointer<UInt8>) throws(ProblemDecodingError) -> String {
        guard let string = UTF8Validation.string(bytes) else {
            throw self.error(.notUTF8, "a string is not valid UTF-8")
        }
        return string
    }

    private func makeString(_ bytes: [UInt8]) throws(ProblemDecodingError) -> String {
        guard let string = UTF8Validation.string(bytes) else {
            throw self.error(.notUTF8, "a string is not valid UTF-8")
        }
        return string
    }

    // MARK: Numbers

    private mutating func parseNumber() throws(ProblemDecodingError) -> ExtensionValue {
        let start = self.index
        var isInteger = true
        if self.bytes[self.index] == UInt8(ascii: "-") { self.index += 1 }
        guard self.index < self.bytes.count, self.bytes[self.index].isASCIIDigit else {
            throw self.error(.malformed, "a number needs a digit after '-'")
        }
        if self.bytes[self.index] == UInt8(ascii: "0") {
            self.index += 1
        } else {
            self.skipDigits()
        }
        if self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: ".") {
            isInteger = false
            self.index += 1
            guard self.index < self.bytes.count, self.bytes[self.index].isASCIIDigit else {
                throw self.error(.malformed, "a number needs a digit after '.'")
            }
            self.skipDigits()
        }
        if self.index < self.bytes.count, self.bytes[self.index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            self.index += 1
            if self.index < self.bytes.count,
                self.bytes[self.index] == UInt8(ascii: "+") || self.bytes[self.index] == UInt8(ascii: "-")
            {
                self.index += 1
            }
            guard self.index < self.bytes.count, self.bytes[self.index].isASCIIDigit else {
                throw self.error(.malformed, "a number needs a digit in its exponent")
            }
            self.skipDigits()
        }
        let literal = UnsafeBufferPointer(rebasing: self.bytes[start..<self.index])
        if isInteger, let integer = Self.integer(literal) { return .integer(integer) }
        let text = String(decoding: literal, as: UTF8.self)
        // An integer beyond `Int` is kept as written even when it has few significant digits: a
        // Double would round most of them (12345678901234567000 reads as ...7168).
        if isInteger { return .bigNumber(text) }
        // A Double's shortest text has at most 17 significant digits, so every number an encoder
        // wrote from a Double reads back as one; longer literals are kept as written, not rounded.
        // Up to 15 digits always survive the trip through a Double (DBL_DIG); 16 or 17 do only
        // when the Double's shortest text has the literal's value (9007199254740993.0 does not).
        let digits = Self.significantDigits(literal)
        if digits <= 17, let double = Double(text), double.isFinite,
            double != 0 || !Self.hasNonZeroMantissa(literal),
            digits <= 15 || Self.decimal(literal) == Self.decimal(Array(double.description.utf8))
        {
            return .double(double)
        }
        return .bigNumber(text)
    }

    /// A number's value as its significant digits and the power of ten just above the first,
    /// whatever its spelling: `12.50e1`, `125` and `1.25e+2` are all (`125`, 3).
    private static func decimal(_ text: some Collection<UInt8>) -> (digits: [UInt8], exponent: Int) {
        var mantissa: [UInt8] = []
        var integerDigits: Int?
        var exponent = 0
        var exponentSign = 1
        var isExponent = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9") where isExponent:
                // Saturated: a finite Double's exponent is far inside this, and the digits decide.
                exponent = min(exponent * 10 + Int(byte - UInt8(ascii: "0")), 1 << 20)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): mantissa.append(byte)
            case UInt8(ascii: "."): integerDigits = mantissa.count
            case UInt8(ascii: "e"), UInt8(ascii: "E"): isExponent = true
            case UInt8(ascii: "-") where isExponent: exponentSign = -1
            default: continue
            }
        }
        var power = (integerDigits ?? mantissa.count) + exponentSign * exponent
        let leadingZeros = mantissa.prefix { $0 == UInt8(ascii: "0") }.count
        power -= leadingZeros
        var digits = mantissa.dropFirst(leadingZeros)
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return (Array(digits), digits.isEmpty ? 0 : power)
    }

    private mutating func skipDigits() {
        while self.index < self.bytes.count, self.bytes[self.index].isASCIIDigit { self.index += 1 }
    }

    private static func integer(_ literal: UnsafeBufferPointer<UInt8>) -> Int? {
        var iterator = literal.makeIterator()
        var byte = iterator.next()
        let negative = byte == UInt8(ascii: "-")
        if negative { byte = iterator.next() }
        var value = 0
        while let digit = byte {
            let (multiplied, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            let (added, overflowAdding) =
                negative
                ? multiplied.subtractingReportingOverflow(Int(digit - UInt8(ascii: "0")))
                : multiplied.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
            guard !overflowAdding else { return nil }
            value = added
            byte = iterator.next()
        }
        return value
    }

    /// The digits of a literal's mantissa from its first to its last non-zero digit.
    private static func significantDigits(_ literal: UnsafeBufferPointer<UInt8>) -> Int {
        var first: Int?
        var last = 0
        var position = 0
        for byte in literal {
            if byte | 0x20 == UInt8(ascii: "e") { break }
            guard byte.isASCIIDigit else { continue }
            if byte != UInt8(ascii: "0") {
                if first == nil { first = position }
                last = position
            }
            position += 1
        }
        return first.map { last - $0 + 1 } ?? 0
    }

    /// Whether a literal that reads as zero has a non-zero digit before its exponent: an underflow.
    private static func hasNonZeroMantissa(_ literal: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in literal {
            if byte | 0x20 == UInt8(ascii: "e") { return false }
            if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") { return true }
        }
        return false
    }

    // MARK: Whitespace and errors

    private mutating func skipWhitespace() {
        while self.index < self.bytes.count {
            switch self.bytes[self.index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): self.index += 1
            default: return
            }
        }
    }

    private func describeCurrentByte() -> String {
        guard self.index < self.bytes.count else { return "end of input" }
        let byte = self.bytes[self.index]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private func error(_ reason: ProblemDecodingError.Reason, _ message: String, position: Bool = true)
        -> ProblemDecodingError
    {
        guard position else { return ProblemDecodingError(reason, message) }
        let (line, column) = Self.lineAndColumn(of: min(self.index, self.bytes.count), in: self.bytes)
        return ProblemDecodingError(reason, message, line: line, column: column)
    }

    /// The 1-based line and column of a byte offset; columns count bytes.
    static func lineAndColumn(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for position in 0..<offset where bytes[position] == UInt8(ascii: "\n") {
            line += 1
            lineStart = position + 1
        }
        return (line, offset - lineStart + 1)
    }
}
