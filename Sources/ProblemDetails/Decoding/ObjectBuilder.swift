/// An object being read from a document, member by member.
///
/// A repeated member name keeps its first position and its last value, as JavaScript does, so
/// the JSON and XML readers agree with the most common reader; each reports a repeat in its own
/// words. Names are the same when their code units are: RFC 8259 §8.3 compares them so, and so do
/// XML names. Swift's `String` equality is canonical equivalence instead, under which "é" written
/// as one scalar and as "e" with a combining accent are one name, and a reader using it would
/// silently drop a member.
/// https://www.rfc-editor.org/rfc/rfc8259#section-8.3
struct ObjectBuilder {
    /// The members read so far.
    private(set) var object = ExtensionValue.Object()
    /// The position of each member name, built once the object is too big for linear lookup.
    private var positions: [CodeUnits: Int] = [:]

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
            existing = self.object.storage.firstIndex { CodeUnits.same($0.name, name) }
        } else {
            if self.positions.isEmpty {
                for (position, member) in self.object.storage.enumerated() {
                    let key = CodeUnits(member.name)
                    if self.positions[key] == nil { self.positions[key] = position }
                }
            }
            existing = self.positions[CodeUnits(copy name)]
        }
        if let existing {
            self.object.storage[existing].value = value
            return existing
        }
        if !self.positions.isEmpty { self.positions[CodeUnits(copy name)] = self.object.count }
        self.object.appendUnchecked(name, value)
        return nil
    }

    /// A name compared and hashed by its UTF-8 code units.
    private struct CodeUnits: Hashable {
        let name: String

        init(_ name: String) {
            self.name = name
        }

        /// Whether two names have the same code units. `String`'s own comparison comes first: it
        /// is fast for the ASCII names problems have, and only equal strings need the byte check.
        static func same(_ first: String, _ second: String) -> Bool {
            first.utf8.count == second.utf8.count && first == second && first.utf8.elementsEqual(second.utf8)
        }

        static func == (first: Self, second: Self) -> Bool {
            Self.same(first.name, second.name)
        }

        func hash(into hasher: inout Hasher) {
            var name = self.name
            name.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}
