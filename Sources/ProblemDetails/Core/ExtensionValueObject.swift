extension ExtensionValue {
    /// A JSON object whose members keep their insertion order.
    ///
    /// Setting a member that exists replaces its value in place; setting `nil` removes it. Lookup is
    /// linear, which beats hashing for the handful of members a problem carries.
    public struct Object: Sendable, Hashable {
        @usableFromInline
        var storage: [Member]

        /// One name and value.
        public struct Member: Sendable, Hashable {
            /// The member's name.
            public var name: String
            /// The member's value.
            public var value: ExtensionValue

            /// Creates a member.
            ///
            /// - Parameters:
            ///   - name: The member's name.
            ///   - value: The member's value.
            public init(name: String, value: ExtensionValue) {
                self.name = name
                self.value = value
            }
        }

        /// Creates an empty object.
        public init() {
            self.storage = []
        }

        /// Creates an object from name–value pairs; a repeated name keeps its first position and
        /// its last value.
        ///
        /// - Parameter members: The members, in order.
        public init(_ members: some Sequence<(String, ExtensionValue)>) {
            self.storage = []
            for (name, value) in members {
                self[name] = value
            }
        }

        /// The number of members.
        public var count: Int { self.storage.count }

        /// Whether the object has no members.
        public var isEmpty: Bool { self.storage.isEmpty }

        /// The member names, in order.
        public var names: [String] { self.storage.map(\.name) }

        /// The value of the member with this name; setting `nil` removes the member.
        ///
        /// - Parameter name: The member's name.
        public subscript(name: String) -> ExtensionValue? {
            get {
                for member in self.storage where member.name == name {
                    return member.value
                }
                return nil
            }
            set {
                let index = self.storage.firstIndex { $0.name == name }
                switch (index, newValue) {
                case (let index?, let value?):
                    self.storage[index].value = value
                case (let index?, nil):
                    self.storage.remove(at: index)
                case (nil, let value?):
                    self.storage.append(Member(name: name, value: value))
                case (nil, nil):
                    break
                }
            }
        }

        /// Removes every member.
        public mutating func removeAll() {
            self.storage.removeAll()
        }

        /// Appends a member without checking for an existing one of the same name.
        ///
        /// Decoders use this after they have dealt with duplicates themselves.
        mutating func appendUnchecked(_ name: String, _ value: ExtensionValue) {
            self.storage.append(Member(name: name, value: value))
        }

        /// Reserves room for members.
        mutating func reserveCapacity(_ capacity: Int) {
            self.storage.reserveCapacity(capacity)
        }
    }
}

extension ExtensionValue.Object: RandomAccessCollection {
    /// The position of the first member.
    public var startIndex: Int { self.storage.startIndex }

    /// The position after the last member.
    public var endIndex: Int { self.storage.endIndex }

    /// The member at a position.
    ///
    /// - Parameter position: A valid position.
    public subscript(position: Int) -> Member { self.storage[position] }
}

extension ExtensionValue.Object: ExpressibleByDictionaryLiteral {
    /// Creates an object whose members keep the literal's order.
    ///
    /// - Parameter elements: The members.
    public init(dictionaryLiteral elements: (String, ExtensionValue)...) {
        self.init(elements)
    }
}
