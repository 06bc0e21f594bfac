extension Problem {
    /// A problem's extension members, in insertion order.
    ///
    /// The five standard member names (`type`, `title`, `status`, `detail`, `instance`) are reserved:
    /// an extension of that name would be shadowed or would shadow a standard member on the wire
    /// (https://www.rfc-editor.org/rfc/rfc9457#section-3.2). The subscript treats such a name as a
    /// programmer error; ``setValue(_:forName:)`` reports it as a thrown error for names that come
    /// from data.
    public struct Extensions: Sendable, Hashable {
        /// The members.
        public private(set) var object: ExtensionValue.Object

        /// The names that no extension member may take.
        public static var reservedNames: [String] { ["type", "title", "status", "detail", "instance"] }

        /// Creates an empty set of extension members.
        public init() {
            self.object = ExtensionValue.Object()
        }

        /// Creates extension members from an object.
        ///
        /// - Parameter object: The members.
        /// - Throws: ``ReservedNameError`` when a member takes a reserved name.
        public init(_ object: ExtensionValue.Object) throws(ReservedNameError) {
            for member in object where Self.isReserved(member.name) {
                throw ReservedNameError(name: member.name)
            }
            self.object = object
        }

        init(unchecked object: ExtensionValue.Object) {
            self.object = object
        }

        /// Whether a name is one of the standard members that extensions may not take.
        ///
        /// - Parameter name: A member name.
        @inlinable
        public static func isReserved(_ name: String) -> Bool {
            // The length rules out most names before any comparison: this runs for every member read.
            switch name.utf8.count {
            case 4: return name == "type"
            case 5: return name == "title"
            case 6: return name == "status" || name == "detail"
            case 8: return name == "instance"
            default: return false
            }
        }

        /// The number of members.
        public var count: Int { self.object.count }

        /// Whether there are no members.
        public var isEmpty: Bool { self.object.isEmpty }

        /// The value of a member; setting `nil` removes it.
        ///
        /// - Parameter name: The member's name.
        /// - Precondition: When setting, `name` is not reserved (see ``reservedNames``).
        public subscript(name: String) -> ExtensionValue? {
            get { self.object[name] }
            set {
                precondition(!Self.isReserved(name), "'\(name)' is a standard problem member, not an extension")
                self.object[name] = newValue
            }
        }

        /// Sets or removes a member whose name comes from data.
        ///
        /// - Parameters:
        ///   - value: The value, or `nil` to remove the member.
        ///   - name: The member's name.
        /// - Throws: ``ReservedNameError`` when `name` is reserved.
        public mutating func setValue(_ value: ExtensionValue?, forName name: String) throws(ReservedNameError) {
            guard !Self.isReserved(name) else { throw ReservedNameError(name: name) }
            self.object[name] = value
        }

        /// Reports the member names that go against the naming advice of RFC 9457.
        ///
        /// See ``ExtensionNameIssue``.
        public func nameIssues() -> [ExtensionNameIssue] {
            self.object.flatMap { ExtensionNameIssue.issues(forName: $0.name) }
        }

        mutating func appendUnchecked(_ name: String, _ value: ExtensionValue) {
            self.object.appendUnchecked(name, value)
        }
    }
}

extension Problem.Extensions: RandomAccessCollection {
    /// The position of the first member.
    public var startIndex: Int { self.object.startIndex }

    /// The position after the last member.
    public var endIndex: Int { self.object.endIndex }

    /// The member at a position.
    ///
    /// - Parameter position: A valid position.
    public subscript(position: Int) -> ExtensionValue.Object.Member { self.object[position] }
}

extension Problem.Extensions: ExpressibleByDictionaryLiteral {
    /// Creates extension members in the literal's order.
    ///
    /// - Parameter elements: The members.
    /// - Precondition: No name is reserved.
    public init(dictionaryLiteral elements: (String, ExtensionValue)...) {
        self.init()
        for (name, value) in elements {
            self[name] = value
        }
    }
}

extension Problem.Extensions {
    /// The error thrown when an extension member would take a standard member's name.
    public struct ReservedNameError: Error, Hashable, CustomStringConvertible {
        /// The refused name.
        public let name: String

        /// Creates an error for a refused name.
        ///
        /// - Parameter name: The refused name.
        public init(name: String) {
            self.name = name
        }

        /// A sentence naming the refused member.
        public var description: String {
            "'\(self.name)' is a standard problem member and cannot be an extension member"
        }
    }
}
