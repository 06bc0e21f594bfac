public import Foundation
public import ProblemDetails

/// The rules a book must keep, each failure a ``Violation`` at the member it concerns.
///
/// - `title`: 1 to 200 characters once leading and trailing white space is trimmed;
/// - `isbn`: 13 digits with a valid ISBN-13 check digit;
/// - `year`: 1450 (the printing press) to the current year;
/// - `tags`: at most 10, each 1 to 30 characters.
public enum BookRules {
    /// The most characters a title may have after trimming.
    public static let maximumTitleLength = 200
    /// The first year a book may have.
    public static let earliestYear = 1450
    /// The most tags a book may have.
    public static let maximumTagCount = 10
    /// The allowed lengths of one tag, in characters.
    public static let tagLengths = 1...30

    /// The current year in UTC, the latest a book may have.
    public static func currentYear(now: Date = Date()) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.component(.year, from: now)
    }

    /// The title as stored: without leading and trailing white space.
    ///
    /// - Parameter title: The title as sent.
    public static func normalizedTitle(_ title: String) -> String {
        title.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every rule a book's values break, with pointers from the root of the request body.
    ///
    /// - Parameters:
    ///   - title: The title as sent.
    ///   - isbn: The ISBN as sent.
    ///   - year: The year of publication.
    ///   - tags: The tags.
    ///   - currentYear: The latest year allowed.
    public static func violations(
        title: String,
        isbn: String,
        year: Int,
        tags: [String],
        currentYear: Int = BookRules.currentYear()
    ) -> [Violation] {
        var found: [Violation] = []
        let titleLength = normalizedTitle(title).count
        if titleLength == 0 {
            found.append(Violation(detail: "must not be empty", pointer: ["title"]))
        } else if titleLength > maximumTitleLength {
            found.append(
                Violation(
                    detail: "must be at most \(maximumTitleLength) characters long, not \(titleLength)",
                    pointer: ["title"]
                )
            )
        }
        if !ISBN13.hasThirteenDigits(isbn) {
            found.append(Violation(detail: "must be 13 digits, without hyphens or spaces", pointer: ["isbn"]))
        } else if !ISBN13.isValid(isbn), let expected = ISBN13.checkDigit(for: isbn) {
            found.append(
                Violation(detail: "is not a valid ISBN-13: the check digit must be \(expected)", pointer: ["isbn"])
            )
        }
        if !(earliestYear...max(earliestYear, currentYear)).contains(year) {
            found.append(Violation(detail: "must be from \(earliestYear) to \(currentYear)", pointer: ["year"]))
        }
        if tags.count > maximumTagCount {
            found.append(
                Violation(detail: "must have at most \(maximumTagCount) tags, not \(tags.count)", pointer: ["tags"])
            )
        }
        for (index, tag) in tags.enumerated() where !tagLengths.contains(tag.count) {
            found.append(
                Violation(
                    detail: "must be \(tagLengths.lowerBound) to \(tagLengths.upperBound) characters long",
                    pointer: JSONPointer(tokens: ["tags", String(index)])
                )
            )
        }
        return found
    }
}
