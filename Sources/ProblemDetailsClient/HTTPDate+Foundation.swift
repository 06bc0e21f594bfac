public import Foundation
public import ProblemDetails

extension HTTPDate {
    /// The date, to the second (fractions are dropped); dates beyond what 64-bit seconds hold are
    /// clamped to the nearest that is.
    ///
    /// - Parameter date: A Foundation date.
    public init(_ date: Date) {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        if seconds.isNaN {
            self.init(secondsSince1970: 0)
        } else if seconds >= 9.2e18 {
            self.init(secondsSince1970: Int64.max)
        } else if seconds <= -9.2e18 {
            self.init(secondsSince1970: Int64.min)
        } else {
            self.init(secondsSince1970: Int64(seconds))
        }
    }

    /// The date as a Foundation date.
    public var date: Date {
        Date(timeIntervalSince1970: TimeInterval(self.secondsSince1970))
    }
}

extension RetryAfter {
    /// The time to retry at, counted from `now` for a delay.
    ///
    /// - Parameter now: The present; the response's `Date` when there is one.
    public func date(after now: Date = Date()) -> Date {
        switch self {
        case .seconds(let seconds): now.addingTimeInterval(TimeInterval(max(0, seconds)))
        case .date(let date): date.date
        }
    }
}
