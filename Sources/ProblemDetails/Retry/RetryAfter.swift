/// When a client may try again: the `Retry-After` header field (RFC 9110 §10.2.3) and the
/// `retry_after` member, read as one value.
///
/// A server may give the delay in the header field, in the member, or in both; as seconds or as a
/// date. ``Problem/retryAfter`` reads whichever is there, preferring the header field, which HTTP
/// clients act on, and a client then asks one question:
/// ```swift
/// if let retryAfter = problem.retryAfter {
///     try await Task.sleep(for: .seconds(retryAfter.delay()))
/// }
/// ```
/// https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3
public enum RetryAfter: Sendable, Hashable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// A delay in seconds; a negative one means zero.
    case seconds(Int)
    /// A time after which to retry.
    case date(HTTPDate)

    /// The longest delay read, 2³¹ seconds (68 years): a longer one, in any form, reads as this.
    ///
    /// "Wait longer than anything can represent" must not turn into "retry now"; RFC 9111 §1.2.2
    /// caps delta-seconds at the same value.
    public static let maximumSeconds = 2_147_483_648

    /// A delay in seconds, so that `problem.retryAfter = 30` reads as it should.
    ///
    /// - Parameter value: The seconds; a negative value means zero.
    public init(integerLiteral value: Int) {
        self = .seconds(max(0, value))
    }

    /// Reads a `Retry-After` field value: delay-seconds or an HTTP date.
    ///
    /// - Parameter fieldValue: The field value, such as `120` or `Fri, 31 Dec 1999 23:59:59 GMT`.
    public init?(fieldValue: String) {
        let trimmed = Self.trimmed(fieldValue)
        if let seconds = Problem.delaySeconds(trimmed) {
            self = .seconds(seconds)
        } else if let date = HTTPDate(trimmed) {
            self = .date(date)
        } else {
            return nil
        }
    }

    /// Reads a `retry_after` member: a number of seconds (a fraction rounds up) or a string
    /// holding either form of the header field. A delay beyond ``maximumSeconds`` reads as it.
    ///
    /// - Parameter member: The member's value.
    public init?(member: ExtensionValue) {
        if let seconds = member.integerValue {
            guard seconds >= 0 else { return nil }
            self = .seconds(min(seconds, Self.maximumSeconds))
        } else if let double = member.doubleValue ?? Self.approximateValue(of: member) {
            guard double >= 0 else { return nil }
            self = .seconds(double >= Double(Self.maximumSeconds) ? Self.maximumSeconds : Int(double.rounded(.up)))
        } else if let text = member.stringValue {
            self.init(fieldValue: text)
        } else {
            return nil
        }
    }

    /// A number kept as written because it is too long for `Int` or `Double`, as near as a Double
    /// comes: enough to tell a delay of ages (`1e400`, twenty digits) from none.
    private static func approximateValue(of member: ExtensionValue) -> Double? {
        guard case .bigNumber(let text) = member else { return nil }
        return Double(text)
    }

    /// The value as a `Retry-After` field value: delay-seconds or an IMF-fixdate.
    public var fieldValue: String {
        switch self {
        case .seconds(let seconds): String(max(0, seconds))
        case .date(let date): date.description
        }
    }

    /// The value as a `retry_after` member: an integer, or the date as a string.
    public var memberValue: ExtensionValue {
        switch self {
        case .seconds(let seconds): .integer(max(0, seconds))
        case .date(let date): .string(date.description)
        }
    }

    /// The same as ``fieldValue``.
    public var description: String { self.fieldValue }

    /// Seconds to wait from `now`; zero when the date has passed.
    ///
    /// For a date, pass the response's `Date` header field as `now` when there is one: it is the
    /// server's clock, so the delay does not depend on how far the client's clock is off.
    /// - Parameter now: The present; the system clock by default.
    public func delay(from now: HTTPDate = .now) -> Int {
        switch self {
        case .seconds(let seconds):
            return max(0, seconds)
        case .date(let date):
            let (difference, overflow) = date.secondsSince1970.subtractingReportingOverflow(now.secondsSince1970)
            if overflow { return date.secondsSince1970 > now.secondsSince1970 ? Int.max : 0 }
            return difference <= 0 ? 0 : Int(clamping: difference)
        }
    }

    private static func trimmed(_ text: String) -> String {
        let isSpace = { (character: Character) in character == " " || character == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
            let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[first...last])
    }
}
