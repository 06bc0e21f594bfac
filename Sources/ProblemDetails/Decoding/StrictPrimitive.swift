/// The types the strict decoder reads straight from a JSON value: Booleans, strings and numbers.
///
/// Each has a placeholder that stands in for a value the client got wrong, so decoding carries on
/// and finds every other failure in the same request.
protocol StrictPrimitive: Decodable {
    /// The value used in place of one that failed.
    static var strictPlaceholder: Self { get }

    /// Reads the value, or says what is wrong with it; `null` is handled before this is called.
    ///
    /// - Parameter value: A JSON value other than `null`.
    static func strictRead(_ value: ExtensionValue) -> Result<Self, StrictIssue>
}

extension Bool: StrictPrimitive {
    static var strictPlaceholder: Bool { false }

    static func strictRead(_ value: ExtensionValue) -> Result<Bool, StrictIssue> {
        if case .bool(let bool) = value { return .success(bool) }
        return .failure(.expected(.boolean))
    }
}

extension String: StrictPrimitive {
    static var strictPlaceholder: String { "" }

    static func strictRead(_ value: ExtensionValue) -> Result<String, StrictIssue> {
        if case .string(let string) = value { return .success(string) }
        return .failure(.expected(.string))
    }
}

extension Double: StrictPrimitive {
    static var strictPlaceholder: Double { 0 }

    static func strictRead(_ value: ExtensionValue) -> Result<Double, StrictIssue> {
        switch value {
        case .integer(let integer):
            return .success(Double(integer))
        case .double(let double):
            return .success(double)
        case .bigNumber(let text):
            // Too many digits for a Double is rounded, as JSONDecoder does; beyond its range is not.
            guard let double = Double(text), double.isFinite else { return .failure(.outOfRange) }
            return .success(double)
        default:
            return .failure(.expected(.number))
        }
    }
}

extension Float: StrictPrimitive {
    static var strictPlaceholder: Float { 0 }

    static func strictRead(_ value: ExtensionValue) -> Result<Float, StrictIssue> {
        Double.strictRead(value).flatMap { double in
            guard double.magnitude <= Double(Float.greatestFiniteMagnitude) else { return .failure(.outOfRange) }
            return .success(Float(double))
        }
    }
}

extension FixedWidthInteger where Self: StrictPrimitive {
    static var strictPlaceholder: Self { 0 }

    static func strictRead(_ value: ExtensionValue) -> Result<Self, StrictIssue> {
        switch value {
        case .integer(let integer):
            guard let exact = Self(exactly: integer) else { return .failure(self.outOfRange) }
            return .success(exact)
        case .double(let double):
            return self.integral(double)
        case .bigNumber(let text):
            if Self.isIntegerLiteral(text) {
                guard let exact = Self(text) else { return .failure(self.outOfRange) }
                return .success(exact)
            }
            guard let double = Double(text), double.isFinite else { return .failure(self.outOfRange) }
            return self.integral(double)
        default:
            return .failure(.expected(.integer))
        }
    }

    /// A number with a fraction or an exponent is an integer when its value is whole: `1.0` and
    /// `1e2` are, `1.5` is not, as with `JSONDecoder`.
    private static func integral(_ double: Double) -> Result<Self, StrictIssue> {
        guard double.rounded(.towardZero) == double else { return .failure(.expected(.integer)) }
        guard let exact = Self(exactly: double) else { return .failure(self.outOfRange) }
        return .success(exact)
    }

    /// Says which integers fit, so the client can correct the value.
    private static var outOfRange: StrictIssue {
        StrictIssue(kind: .dataCorrupted, detail: "must be an integer from \(Self.min) to \(Self.max)")
    }

    private static func isIntegerLiteral(_ text: String) -> Bool {
        var digits = text.utf8[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
    }
}

extension Int: StrictPrimitive {}
extension Int8: StrictPrimitive {}
extension Int16: StrictPrimitive {}
extension Int32: StrictPrimitive {}
extension Int64: StrictPrimitive {}
extension UInt: StrictPrimitive {}
extension UInt8: StrictPrimitive {}
extension UInt16: StrictPrimitive {}
extension UInt32: StrictPrimitive {}
extension UInt64: StrictPrimitive {}

@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension Int128: StrictPrimitive {}

@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension UInt128: StrictPrimitive {}
