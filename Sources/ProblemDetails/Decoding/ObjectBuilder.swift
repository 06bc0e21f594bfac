/// An object being read from a document, member by member.
///
/// A repeated member name keeps its first position and its last value, as JavaScript does, so
/// the JSON and XML readers agree with the most common reader; each reports a repeat in its own
/// words.
struct ObjectBuilder {
    /// The members read so far.
    private(set) var object = ExtensionValue.Object()
    /// The position of each member name, built once the object is too big for linear lookup.
    private var positions: [String: Int] = [:]

    /// Makes room for `capacity` members before any is read.
    mutating func reserveCapacity(_ capacity: Int) {
        self.object.reserveCapacity(capacity)
    }

    /// Adds a member, or replaces the value of the member of that name.
    ///
    /// - Returns: The position of the member whose value was replaced, `nil` for a new member.
    @inline(__always)
    mutating func add(_ name: consuming String, _ value: consuming ExtensionValue) -> Int? {
        // A linear scan beats hashing for the few members a problem has; past 16 the index keeps
        // a hostile document with thousands of members from going quadratic.
        let existing: Int?
        if self.object.count < 16 {
            existing = self.object.storage.firstIndex { $0.name.utf8.count == name.utf8.count && $0.name == name }
        } else {
            if self.positions.isEmpty {
                for (position, member) in self.object.storage.enumerated() where self.positions[member.name] == nil {
                    self.positions[member.name] = position
                }
            }
            existing = self.positions[copy name]
        }
        if let existing {
            self.object.storage[existing].value = value
            return existing
        }
        if !self.positions.isEmpty { self.positions[copy name] = self.object.count }
        self.object.appendUnchecked(name, value)
        return nil
    }
}
