/// The coding keys the strict decoder makes itself: array indices and `super`.
///
/// An index key reads `Index 3` like Foundation's, so code that formats coding paths treats both
/// decoders alike; its `intValue` is the index.
struct StrictCodingKey: CodingKey, Sendable {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    /// The key `superDecoder()` uses, as `JSONDecoder` does.
    static let `super` = StrictCodingKey(stringValue: "super")
}
