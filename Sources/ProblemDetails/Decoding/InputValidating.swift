/// A decoded request value that checks itself: the application's own rules, such as "must be 13
/// digits" at `#/isbn`, reported in the same problem as decoding failures.
///
/// ``StrictJSONDecoder`` calls ``violations()`` on the value it decoded when the decoded type
/// conforms, and lists what it returns next to the members that failed to decode, in one 422
/// `validation-error`. A violation at a member that already failed to decode, or inside one, is
/// left out: that member holds a placeholder, and the client already has one entry for it.
/// ```swift
/// struct NewBook: Decodable, InputValidating {
///     var title: String
///     var year: Int
///
///     func violations() -> [Violation] {
///         var found: [Violation] = []
///         if title.isEmpty { found.append(Violation(detail: "must not be empty", pointer: ["title"])) }
///         if !(1450...2026).contains(year) {
///             found.append(Violation(detail: "must be from 1450 to 2026", pointer: ["year"]))
///         }
///         return found
///     }
/// }
/// ```
/// Only the type decoded at the top is asked; a conforming type nested inside it is not, so the
/// top-level type gathers its members' violations itself, with pointers from the body's root.
/// https://www.rfc-editor.org/rfc/rfc9457#section-3
public protocol InputValidating {
    /// Every rule this value breaks, each with a JSON Pointer from the root of the request body.
    ///
    /// It may be called on a value holding placeholders where members failed to decode (empty
    /// strings, zeros, empty arrays), so it must not assume the rules it checks already hold.
    func violations() -> [Violation]
}
