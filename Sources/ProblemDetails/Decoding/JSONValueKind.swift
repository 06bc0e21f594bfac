/// The kind of JSON value a decoded Swift type expects, named for clients: "must be an integer".
///
/// Clients see JSON, not Swift, so a type mismatch is reported by the JSON kind the member must
/// have, never by the Swift type that asked for it.
enum JSONValueKind: Sendable, Hashable {
    case string
    case integer
    case number
    case boolean
    case array
    case object

    /// The kind with its article, as it follows "must be": "an integer".
    var phrase: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "a boolean"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The violation detail for a value of another kind: "must be an integer".
    var expectation: String { "must be \(self.phrase)" }

    /// The kind a type decodes from, or `nil` when it cannot be told.
    ///
    /// Foundation's `JSONDecoder` reports containers as `[String: Any]` and `[Any]`, and `Decimal`
    /// by name because the core cannot import Foundation.
    init?(expecting type: Any.Type) {
        if type == String.self || type == Substring.self || type == Character.self || type == Unicode.Scalar.self {
            self = .string
        } else if type == Bool.self {
            self = .boolean
        } else if type is any BinaryInteger.Type {
            self = .integer
        } else if type is any BinaryFloatingPoint.Type {
            self = .number
        } else if let optional = type as? any StrictOptional.Type {
            self.init(expecting: optional.strictWrappedType)
        } else if type is any StrictArrayLike.Type {
            self = .array
        } else if type is any StrictDictionaryLike.Type {
            self = .object
        } else if StrictFoundationValue(type) == .decimal {
            self = .number
        } else {
            return nil
        }
    }
}

/// `Optional`, recognised whatever it wraps: its placeholder is `nil` and its kind is its wrapped
/// type's.
protocol StrictOptional {
    /// `nil`.
    static var strictNone: Self { get }
    /// The wrapped type.
    static var strictWrappedType: Any.Type { get }
}

extension Optional: StrictOptional {
    static var strictNone: Self { .none }
    static var strictWrappedType: Any.Type { Wrapped.self }
}

/// Collections that JSON holds as arrays, whatever their element.
protocol StrictArrayLike {}

extension Array: StrictArrayLike {}
extension ContiguousArray: StrictArrayLike {}
extension ArraySlice: StrictArrayLike {}
extension Set: StrictArrayLike {}

/// Collections that JSON holds as objects, whatever their key and value.
protocol StrictDictionaryLike {}

extension Dictionary: StrictDictionaryLike {}
