/// Where a value sits in the body: its JSON Pointer tokens, the coding path that led there, and
/// each step's position in the body, for sorting violations into document order.
///
/// A member the body lacks has the position `Int.max`, after every member that is there.
struct StrictPath {
    var tokens: [String]
    var codingPath: [any CodingKey]
    var positions: [Int]

    /// The whole body.
    static var root: StrictPath { StrictPath(tokens: [], codingPath: [], positions: []) }

    /// The path of a member of the object here.
    ///
    /// - Parameters:
    ///   - key: The key the type asked for; its `stringValue` is the member name the client sent.
    ///   - position: The member's position in the object, or `Int.max` when it is absent.
    func appending(_ key: some CodingKey, position: Int) -> StrictPath {
        StrictPath(
            tokens: self.tokens + [key.stringValue],
            codingPath: self.codingPath + [key],
            positions: self.positions + [position]
        )
    }

    /// The path of an element of the array here.
    ///
    /// - Parameter index: The element's index.
    func appending(index: Int) -> StrictPath {
        StrictPath(
            tokens: self.tokens + [String(index)],
            codingPath: self.codingPath + [StrictCodingKey(intValue: index)],
            positions: self.positions + [index]
        )
    }

    /// The pointer to the value here.
    var pointer: JSONPointer { JSONPointer(tokens: self.tokens) }
}
