public import ProblemDetails

/// What the load servers' error routes say, the same in both frameworks and both arms.
public enum LoadServerContent {
    /// The three field errors of `/invalid`, as our integration reports them.
    public static let violations = [
        Violation(detail: "must not be empty", pointer: ["title"]),
        Violation(detail: "must be 1450 or later", pointer: ["year"]),
        Violation(detail: "is not a valid ISBN-13", pointer: ["isbn"]),
    ]

    /// The same three, as a framework's default error carries them: one sentence.
    public static let invalidReason = "title: must not be empty; year: must be 1450 or later; isbn: is not a valid ISBN-13"

    /// The reason `/thrown` gives.
    public static let notFoundReason = "No book has that id."
}
