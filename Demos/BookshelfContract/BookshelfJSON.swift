public import Foundation

/// JSON bodies as both demo apps send them, so their successes are the same bytes.
public enum BookshelfJSON {
    /// The body for a value: members sorted, so equal values give equal bytes, and slashes
    /// unescaped.
    ///
    /// - Parameter value: The body's value.
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
