/// The Foundation types whose `Decodable` form differs from their JSON form, recognised by name
/// because the core cannot import Foundation.
///
/// `JSONDecoder` special-cases them: a `URL` is a string, a `Decimal` a number, `Data` a Base64
/// string and a `Date` follows the date strategy. Their own `init(from:)` expects something else (a
/// `relative` member, the parts of a decimal, an array of bytes, seconds since 2001), so the strict
/// decoder rewrites the client's value into that form and lets the type build itself.
enum StrictFoundationValue: Sendable, Hashable {
    case date
    case url
    case decimal
    case data

    /// Seconds from 1970-01-01 to 2001-01-01, Foundation's reference date.
    static let referenceDateOffset = 978_307_200.0

    /// The Foundation type this is, or `nil` for any other type.
    ///
    /// - Parameter type: A type the decoder was asked for.
    init?(_ type: Any.Type) {
        let name = String(reflecting: type)
        guard name.hasPrefix("Foundation") else { return nil }
        switch name {
        case "Foundation.Date", "FoundationEssentials.Date": self = .date
        case "Foundation.URL", "FoundationEssentials.URL": self = .url
        case "Foundation.Decimal", "FoundationEssentials.Decimal": self = .decimal
        case "Foundation.Data", "FoundationEssentials.Data": self = .data
        default: return nil
        }
    }

    /// The value in the form the type's own `init(from:)` reads, `nil` when it reads the client's
    /// value as it is, or what is wrong with it.
    ///
    /// - Parameters:
    ///   - value: The client's value, not `null`.
    ///   - dateStrategy: How dates are written.
    func adapt(
        _ value: ExtensionValue,
        dateStrategy: StrictJSONDecoder.DateDecodingStrategy
    ) -> Result<ExtensionValue, StrictIssue>? {
        switch self {
        case .url:
            guard case .string(let text) = value else { return .failure(.expected(.string)) }
            return .success(["relative": .string(text)])
        case .data:
            guard case .string(let text) = value else { return .failure(.expected(.string)) }
            guard let bytes = Self.base64Decoded(text) else {
                return .failure(StrictIssue(kind: .dataCorrupted, detail: "must be Base64-encoded"))
            }
            return .success(.array(bytes.map { .integer(Int($0)) }))
        case .decimal:
            return Self.decimal(value)
        case .date:
            return Self.date(value, strategy: dateStrategy)
        }
    }

    // MARK: Dates

    private static func date(
        _ value: ExtensionValue,
        strategy: StrictJSONDecoder.DateDecodingStrategy
    ) -> Result<ExtensionValue, StrictIssue>? {
        let sinceEpoch: Double
        switch strategy.kind {
        case .deferredToDate:
            return nil
        case .secondsSince1970, .millisecondsSince1970:
            guard case .success(let number) = Double.strictRead(value) else { return .failure(.expected(.number)) }
            sinceEpoch = strategy.kind == .secondsSince1970 ? number : number / 1000
        case .iso8601:
            guard case .string(let text) = value else { return .failure(.expected(.string)) }
            guard let seconds = Self.internetDateTime(text) else {
                return .failure(
                    StrictIssue(
                        kind: .dataCorrupted,
                        detail: "must be an RFC 3339 date-time such as 2024-01-31T12:00:00Z"
                    )
                )
            }
            sinceEpoch = seconds
        }
        // Date's own init(from:) reads seconds since its reference date.
        return .success(.double(sinceEpoch - Self.referenceDateOffset))
    }

    /// Seconds since 1970 of an RFC 3339 `date-time`: `2024-01-31T12:00:00Z`, with optional
    /// fractional seconds and a `Z` or `±hh:mm` offset; `nil` for anything else, including dates
    /// that do not exist.
    ///
    /// https://www.rfc-editor.org/rfc/rfc3339#section-5.6
    static func internetDateTime(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + digits] {
                guard byte.isASCIIDigit else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += digits
            return value
        }
        func expect(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            expect("T"), let hour = number(2), expect(":"), let minute = number(2), expect(":"),
            let second = number(2)
        else { return nil }
        var fraction = 0.0
        if expect(".") {
            let start = index
            while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
            // Nanoseconds are more than any clock gives; the digit limit keeps the parse cheap.
            guard index > start, index - start <= 9,
                let value = Double("0." + String(decoding: bytes[start..<index], as: UTF8.self))
            else { return nil }
            fraction = value
        }
        var offset = 0
        if expect("Z") {
            offset = 0
        } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let hours = number(2), expect(":"), let minutes = number(2), hours <= 23, minutes <= 59 else {
                return nil
            }
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard index == bytes.count, (1...12).contains(month), day >= 1,
            day <= Self.daysInMonth(month, year: year), hour <= 23, minute <= 59, second <= 59
        else { return nil }
        let days = Self.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Double(seconds) + fraction
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
    /// `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    // MARK: Base64

    /// RFC 4648 §4 Base64 with padding and nothing else, as `Data(base64Encoded:)` requires.
    ///
    /// https://www.rfc-editor.org/rfc/rfc4648#section-4
    static func base64Decoded(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        guard bytes.count % 4 == 0 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 4 * 3)
        var quad = 0
        while quad < bytes.count {
            var values: [UInt8] = [0, 0, 0, 0]
            var padding = 0
            for offset in 0..<4 {
                let byte = bytes[quad + offset]
                if byte == UInt8(ascii: "=") {
                    // Padding only at the end of the last group, and at most two.
                    guard quad + 4 == bytes.count, offset >= 2 else { return nil }
                    padding += 1
                    continue
                }
                guard padding == 0, let value = Self.base64Value(byte) else { return nil }
                values[offset] = value
            }
            output.append(values[0] << 2 | values[1] >> 4)
            if padding < 2 { output.append(values[1] << 4 | values[2] >> 2) }
            if padding < 1 { output.append(values[2] << 6 | values[3]) }
            quad += 4
        }
        return output
    }

    private static func base64Value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }

    // MARK: Decimals

    /// A JSON number as the members of Foundation's `Decimal` coding: a 128-bit mantissa in eight
    /// 16-bit words, a power-of-ten exponent from -128 to 127, and a sign.
    ///
    /// Digits past the mantissa's 38 or so are dropped, as `Decimal(string:)` does.
    private static func decimal(_ value: ExtensionValue) -> Result<ExtensionValue, StrictIssue> {
        let text: String
        switch value {
        case .integer(let integer): text = String(integer)
        // The parser keeps a literal as a Double only when the Double holds all its digits.
        case .double(let double): text = String(double)
        case .bigNumber(let literal): text = literal
        default: return .failure(.expected(.number))
        }
        var mantissa = [UInt16](repeating: 0, count: 8)
        var exponent = 0
        var isNegative = false
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") {
            isNegative = true
            bytes = bytes.dropFirst()
        }
        var afterPoint = false
        var full = false
        while let byte = bytes.first, byte.isASCIIDigit || byte == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                afterPoint = true
                continue
            }
            if !full, Self.multiplyAdd(&mantissa, 10, UInt32(byte - UInt8(ascii: "0"))) {
                if afterPoint { exponent -= 1 }
            } else {
                full = true
                if !afterPoint { exponent += 1 }
            }
        }
        if let byte = bytes.first, byte | 0x20 == UInt8(ascii: "e") {
            bytes = bytes.dropFirst()
            var sign = 1
            if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") {
                sign = bytes.first == UInt8(ascii: "-") ? -1 : 1
                bytes = bytes.dropFirst()
            }
            var power = 0
            for byte in bytes where power < 100_000 {
                power = power * 10 + Int(byte - UInt8(ascii: "0"))
            }
            exponent += sign * power
        }
        if mantissa.allSatisfy({ $0 == 0 }) {
            return .success(Self.decimalMembers(mantissa: mantissa, exponent: 0, isNegative: false))
        }
        // Trailing zeros move into the exponent: the compact form Decimal arithmetic expects.
        while exponent < 127, Self.remainderDividing(mantissa, by: 10) == 0 {
            Self.divide(&mantissa, by: 10)
            exponent += 1
        }
        // Below the smallest exponent, low digits are lost; once none are left the value is zero.
        while exponent < -128, mantissa.contains(where: { $0 != 0 }) {
            Self.divide(&mantissa, by: 10)
            exponent += 1
        }
        if mantissa.allSatisfy({ $0 == 0 }) {
            return .success(Self.decimalMembers(mantissa: mantissa, exponent: 0, isNegative: false))
        }
        while exponent > 127 {
            guard Self.multiplyAdd(&mantissa, 10, 0) else { return .failure(.outOfRange) }
            exponent -= 1
        }
        return .success(Self.decimalMembers(mantissa: mantissa, exponent: exponent, isNegative: isNegative))
    }

    private static func decimalMembers(mantissa: [UInt16], exponent: Int, isNegative: Bool) -> ExtensionValue {
        let length = (mantissa.lastIndex { $0 != 0 }).map { $0 + 1 } ?? 0
        return [
            "exponent": .integer(exponent),
            "length": .integer(length),
            "isNegative": .bool(isNegative),
            "isCompact": .bool(false),
            "mantissa": .array(mantissa.map { .integer(Int($0)) }),
        ]
    }

    /// `words = words * factor + addend`, little-endian; `false`, leaving `words` unchanged, when
    /// the result does not fit.
    private static func multiplyAdd(_ words: inout [UInt16], _ factor: UInt32, _ addend: UInt32) -> Bool {
        var result = words
        var carry = addend
        for index in result.indices {
            let product = UInt32(result[index]) * factor + carry
            result[index] = UInt16(truncatingIfNeeded: product)
            carry = product >> 16
        }
        guard carry == 0 else { return false }
        words = result
        return true
    }

    private static func divide(_ words: inout [UInt16], by divisor: UInt32) {
        var remainder: UInt32 = 0
        for index in words.indices.reversed() {
            let current = remainder << 16 | UInt32(words[index])
            words[index] = UInt16(current / divisor)
            remainder = current % divisor
        }
    }

    private static func remainderDividing(_ words: [UInt16], by divisor: UInt32) -> UInt32 {
        var remainder: UInt32 = 0
        for word in words.reversed() {
            remainder = (remainder << 16 | UInt32(word)) % divisor
        }
        return remainder
    }
}
