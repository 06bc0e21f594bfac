/// One of several problems of the same type, such as each failing field of a request.
///
/// RFC 9457 §3 shows several validation failures carried in one problem's `errors` member, each
/// with a `detail` and a JSON Pointer to the offending member. Inputs that are not in the body use a
/// `parameter` (query or path) or a `header` location instead.
/// ```swift
/// Problem.validationFailed([
///     Violation(detail: "must be a positive integer", pointer: ["age"]),
///     Violation(detail: "must be a UUID", parameter: "id"),
/// ])
/// ```
/// https://www.rfc-editor.org/rfc/rfc9457#section-3
public struct Violation: Sendable, Hashable {
    /// What is wrong, written for the client.
    public var detail: String
    /// Where it is wrong; `nil` when the whole input is at fault.
    public var location: Location?

    /// Creates a violation at a location.
    ///
    /// - Parameters:
    ///   - detail: What is wrong.
    ///   - location: Where it is wrong.
    public init(detail: String, location: Location?) {
        self.detail = detail
        self.location = location
    }

    /// Creates a violation in the request body.
    ///
    /// - Parameters:
    ///   - detail: What is wrong.
    ///   - pointer: The offending member.
    public init(detail: String, pointer: JSONPointer) {
        self.init(detail: detail, location: .pointer(pointer))
    }

    /// Creates a violation in a query or path parameter.
    ///
    /// - Parameters:
    ///   - detail: What is wrong.
    ///   - parameter: The parameter's name.
    public init(detail: String, parameter: String) {
        self.init(detail: detail, location: .parameter(parameter))
    }

    /// Creates a violation in a request header field.
    ///
    /// - Parameters:
    ///   - detail: What is wrong.
    ///   - header: The header field's name.
    public init(detail: String, header: String) {
        self.init(detail: detail, location: .header(header))
    }

    /// Where a violation is: a body member, a parameter or a header field.
    public struct Location: Sendable, Hashable {
        enum Kind: Hashable {
            case pointer(JSONPointer)
            case parameter(String)
            case header(String)
        }

        let kind: Kind

        /// A member of the request body, written as a `pointer` member in fragment form.
        ///
        /// - Parameter pointer: The member.
        public static func pointer(_ pointer: JSONPointer) -> Location { Location(kind: .pointer(pointer)) }

        /// A query or path parameter, written as a `parameter` member.
        ///
        /// - Parameter name: The parameter's name.
        public static func parameter(_ name: String) -> Location { Location(kind: .parameter(name)) }

        /// A request header field, written as a `header` member.
        ///
        /// - Parameter name: The field's name.
        public static func header(_ name: String) -> Location { Location(kind: .header(name)) }

        /// The body member, when the location is one.
        public var pointer: JSONPointer? {
            if case .pointer(let pointer) = self.kind { return pointer }
            return nil
        }

        /// The parameter's name, when the location is one.
        public var parameter: String? {
            if case .parameter(let name) = self.kind { return name }
            return nil
        }

        /// The header field's name, when the location is one.
        public var header: String? {
            if case .header(let name) = self.kind { return name }
            return nil
        }
    }
}

extension Violation {
    /// The violation as an item of the `errors` member: `{"detail", "pointer"|"parameter"|"header"}`.
    public var extensionValue: ExtensionValue {
        var object = ExtensionValue.Object()
        // Two members at most: room for both at once, rather than growing to it.
        object.reserveCapacity(2)
        object.appendUnchecked("detail", .string(self.detail))
        switch self.location?.kind {
        case .pointer(let pointer): object.appendUnchecked("pointer", .string(pointer.fragment))
        case .parameter(let name): object.appendUnchecked("parameter", .string(name))
        case .header(let name): object.appendUnchecked("header", .string(name))
        case nil: break
        }
        return .object(object)
    }

    /// Reads an item of an `errors` member; `nil` when it has no string `detail`.
    ///
    /// A `pointer` is accepted in string or fragment form; one that does not parse is dropped, as
    /// RFC 9457 §3.1 asks of members of the wrong type.
    /// - Parameter value: The item.
    public init?(_ value: ExtensionValue) {
        guard let object = value.objectValue, let detail = object["detail"]?.stringValue else { return nil }
        self.detail = detail
        if let text = object["pointer"]?.stringValue, let pointer = try? JSONPointer(parsing: text) {
            self.location = .pointer(pointer)
        } else if let name = object["parameter"]?.stringValue {
            self.location = .parameter(name)
        } else if let name = object["header"]?.stringValue {
            self.location = .header(name)
        } else {
            self.location = nil
        }
    }
}
