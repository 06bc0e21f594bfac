#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A point in time as HTTP writes it (RFC 9110 §5.6.7), to the second, in UTC.
///
/// Reading accepts all three forms a recipient must accept: the preferred IMF-fixdate
/// (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete RFC 850 form (`Sunday, 06-Nov-94 08:49:37 GMT`)
/// and C's asctime form (`Sun Nov  6 08:49:37 1994`). Writing always uses IMF-fixdate.
/// ```swift
/// let date = HTTPDate("Sun, 06 Nov 1994 08:49:37 GMT")   // 784111777 seconds since 1970
/// date?.description                                      // "Sun, 06 Nov 1994 08:49:37 GMT"
/// ```
/// https://www.rfc-editor.org/rfc/rfc9110#section-5.6.7
public struct HTTPDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z, leap seconds not counted.
    public var secondsSince1970: Int64

    /// Creates a date from seconds since 1970-01-01T00:00:00Z.
    ///
    /// - Parameter secondsSince1970: The seconds, leap seconds not counted.
    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    /// The system clock's current time, to the second.
    public static var now: HTTPDate {
        HTTPDate(secondsSince1970: Int64(time(nil)))
    }

    /// Reads a date in any of the three HTTP forms, or returns `nil`.
    ///
    /// An RFC 850 date's two-digit year is read as RFC 9110 requires: a date that would lie more
    /// than 50 years after the present belongs to the century before.
    /// - Parameter text: The field value or member, such as `Sun, 06 Nov 1994 08:49:37 GMT`.
    public init?(_ text: String) {
        self.init(text, now: .now)
    }

    /// Reads a date, taking `now` as the present for two-digit years.
    ///
    /// - Parameters:
    ///   - text: The date in one of the three HTTP forms.
    ///   - now: The present, against which an RFC 850 two-digit year is placed.
    public init?(_ text: String, now: HTTPDate) {
        let bytes = Array(text.utf8)
        var imf = Scanner(bytes)
        var rfc850 = Scanner(bytes)
        var asctime = Scanner(bytes)
        guard let seconds = imf.imfFixdate() ?? rfc850.rfc850(now: now) ?? asctime.asctime() else { return nil }
        self.secondsSince1970 = seconds
    }

    /// The date as an IMF-fixdate, such as `Sun, 06 Nov 1994 08:49:37 GMT`.
    public var description: String {
        let days = Self.floorDivide(self.secondsSince1970, 86_400)
        let remainder = self.secondsSince1970 % 86_400
        let secondOfDay = remainder < 0 ? remainder + 86_400 : remainder
        let (year, month, day) = Self.civil(fromDays: days)
        // 1970-01-01 was a Thursday.
        let weekday = Int((days % 7 + 7 + 4) % 7)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        // IMF-fixdate has four digits for the year; years outside 0–9999 (which no HTTP peer
        // sends) are written with their sign and digits, so the text at least says what it is.
        var yearText = String(year.magnitude)
        while yearText.count < 4 { yearText = "0" + yearText }
        if year < 0 { yearText = "-" + yearText }
        return "\(Self.weekdays[weekday]), \(two(day)) \(Self.months[Int(month) - 1]) \(yearText) "
            + "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) GMT"
    }

    /// Orders dates by time.
    public static func < (lhs: HTTPDate, rhs: HTTPDate) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let longWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Division rounding down, for a positive divisor; never overflows.
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day number (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension HTTPDate {
    /// Reads the three date forms over the field value's bytes; each form restarts from the top.
    struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        /// `Sun, 06 Nov 1994 08:49:37 GMT`
        mutating func imfFixdate() -> Int64? {
            guard self.word(in: HTTPDate.weekdays) != nil, self.literal(", "),
                let day = self.digits(2), self.literal(" "),
                let month = self.month(), self.literal(" "),
                let year = self.digits(4), self.literal(" "),
                let time = self.timeOfDay(), self.literal(" GMT"), self.isAtEnd
            else { return nil }
            return Self.seconds(year: year, month: month, day: day, time: time)
        }

        /// `Sunday, 06-Nov-94 08:49:37 GMT`
        mutating func rfc850(now: HTTPDate) -> Int64? {
            guard self.word(in: HTTPDate.longWeekdays) != nil, self.literal(", "),
                let day = self.digits(2), self.literal("-"),
                let month = self.month(), self.literal("-"),
                let shortYear = self.digits(2), self.literal(" "),
                let time = self.timeOfDay(), self.literal(" GMT"), self.isAtEnd
            else { return nil }
            let today = HTTPDate.floorDivide(now.secondsSince1970, 86_400)
            let (currentYear, currentMonth, currentDay) = HTTPDate.civil(fromDays: today)
            var year = currentYear - currentYear % 100 + shortYear
            // "More than 50 years in the future" (RFC 9110 §5.6.7) on the calendar: 50 years of
            // 365 days fall a dozen leap days short, and would put 2076 dates in 1976 from 2026.
            if (year, month, day, time)
                > (currentYear + 50, currentMonth, currentDay, (now.secondsSince1970 % 86_400 + 86_400) % 86_400)
            {
                year -= 100
            }
            return Self.seconds(year: year, month: month, day: day, time: time)
        }

        /// `Sun Nov  6 08:49:37 1994`
        mutating func asctime() -> Int64? {
            guard self.word(in: HTTPDate.weekdays) != nil, self.literal(" "),
                let month = self.month(), self.literal(" ")
            else { return nil }
            let day: Int64
            if self.literal(" "), let single = self.digits(1) {
                day = single
            } else if let double = self.digits(2) {
                day = double
            } else {
                return nil
            }
            guard self.literal(" "), let time = self.timeOfDay(), self.literal(" "),
                let year = self.digits(4), self.isAtEnd
            else { return nil }
            return Self.seconds(year: year, month: month, day: day, time: time)
        }

        private static func seconds(year: Int64, month: Int64, day: Int64, time: Int64) -> Int64? {
            let monthLengths: [Int64] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let length = month == 2 && isLeap ? 29 : monthLengths[Int(month) - 1]
            guard (1...length).contains(day) else { return nil }
            // Checked: an RFC 850 year is placed near `now`, which may be any Int64.
            let (midnight, overflows) = HTTPDate.days(year: year, month: month, day: day)
                .multipliedReportingOverflow(by: 86_400)
            let (seconds, overflowsAgain) = midnight.addingReportingOverflow(time)
            return overflows || overflowsAgain ? nil : seconds
        }

        private var isAtEnd: Bool { self.index == self.bytes.count }

        private mutating func literal(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard self.bytes.count - self.index >= count else { return false }
            let matches = text.withUTF8Buffer { expected in
                expected.indices.allSatisfy { self.bytes[self.index + $0] == expected[$0] }
            }
            if matches { self.index += count }
            return matches
        }

        private mutating func word(in words: [String]) -> Int? {
            for (position, word) in words.enumerated() {
                let utf8 = Array(word.utf8)
                if self.bytes.count - self.index >= utf8.count,
                    Array(self.bytes[self.index..<self.index + utf8.count]) == utf8
                {
                    self.index += utf8.count
                    return position
                }
            }
            return nil
        }

        private mutating func month() -> Int64? {
            self.word(in: HTTPDate.months).map { Int64($0) + 1 }
        }

        private mutating func digits(_ count: Int) -> Int64? {
            guard self.bytes.count - self.index >= count else { return nil }
            var value: Int64 = 0
            for offset in 0..<count {
                let byte = self.bytes[self.index + offset]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            self.index += count
            return value
        }

        /// `08:49:37` as seconds into the day; 60 seconds is allowed for a leap second, as
        /// RFC 9110's grammar does, and counts as the next second.
        private mutating func timeOfDay() -> Int64? {
            guard let hour = self.digits(2), hour < 24, self.literal(":"),
                let minute = self.digits(2), minute < 60, self.literal(":"),
                let second = self.digits(2), second <= 60
            else { return nil }
            return hour * 3600 + minute * 60 + second
        }
    }
}
