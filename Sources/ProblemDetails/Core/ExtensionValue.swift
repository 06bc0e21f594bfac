/// The value of a problem's extension member: a JSON value.
///
/// Numbers are kept as exactly as they were written. A number that fits `Int` is ``integer(_:)``;
/// one with a fraction or an exponent, at most 17 significant digits and within `Double`'s range
/// is ``double(_:)``; any other number literal (an integer beyond `Int`, more digits than a
/// `Double` holds, a value beyond its range) is kept verbatim as ``bigNumber(_:)``, so decoding
/// never rounds an integer or silently drops digits.
///
/// Values are usually written as literals:
/// ```swift
/// let problem = Problem(.conflict, extensions: ["conflicting_id": "b-42", "attempts": 3])
/// ```
public enum ExtensionValue: Sendable, Hashable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer that fits `Int`.
    case integer(Int)
    /// A number with a fraction or an exponent.
    ///
    /// Non-finite values cannot be written in JSON: encoders write them as `null`.
    case double(Double)
    /// A JSON number literal kept as written, because neither `Int` nor `Double` holds it exactly.
    ///
    /// Encoders write the text unchanged when it is a valid JSON number and as a string otherwise,
    /// so a hand-made value can never produce invalid JSON.
    case bigNumber(String)
    /// A string.
    case string(String)
    /// An array of values.
    case array([ExtensionValue])
    /// An object whose members keep their order.
    case object(Object)
}

extension ExtensionValue {
    /// The string, when this is a ``string(_:)``.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, when this is an ``integer(_:)``.
    public var integerValue: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The number as a `Double`, when this is an ``integer(_:)`` or a ``double(_:)``.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    /// The Boolean, when this is a ``bool(_:)``.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements, when this is an ``array(_:)``.
    public var arrayValue: [ExtensionValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, when this is an ``object(_:)``.
    public var objectValue: Object? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// Whether this is ``null``.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension ExtensionValue: ExpressibleByBooleanLiteral {
    /// Creates a Boolean value.
    ///
    /// - Parameter value: The Boolean.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension ExtensionValue: ExpressibleByIntegerLiteral {
    /// Creates an integer value.
    ///
    /// - Parameter value: The integer.
    public init(integerLiteral value: Int) {
        self = .integer(value)
    }
}

extension ExtensionValue: ExpressibleByFloatLiteral {
    /// Creates a floating-point value.
    ///
    /// - Parameter value: The number.
    public init(floatLiteral value: Double) {
        self = .double(value)
    }
}

extension ExtensionValue: ExpressibleByStringLiteral {
    /// Creates a string value.
    ///
    /// - Parameter value: The string.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension ExtensionValue: ExpressibleByArrayLiteral {
    /// Creates an array value.
    ///
    /// - Parameter elements: The elements.
    public init(arrayLiteral elements: ExtensionValue...) {
        self = .array(elements)
    }
}

extension ExtensionValue: ExpressibleByDictionaryLiteral {
    /// Creates an object value whose members keep the literal's order.
    ///
    /// - Parameter elements: The members.
    public init(dictionaryLiteral elements: (String, ExtensionValue)...) {
        self = .object(Object(elements))
    }
}
