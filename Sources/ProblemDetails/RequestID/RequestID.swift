#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An identifier that ties a problem response to the request that caused it and to its log
/// entries.
///
/// A client may send its own identifier, for example in an `X-Request-ID` field; it is echoed
/// back and written to logs, so only a short, conservative alphabet is accepted: letters, digits,
/// `.`, `_`, `:` and `-`. That rules out anything that could split a header field, forge a log
/// line or inject markup.
public struct RequestID: Sendable, Hashable, CustomStringConvertible {
    /// The longest identifier, in characters, that ``init(validating:)`` accepts.
    ///
    /// Long enough for UUIDs, trace IDs and prefixed variants of either.
    public static let maximumLength = 128

    /// 128 bits from the system's secure generator, in one system call where there is one
    /// (`SystemRandomNumberGenerator` asks the kernel once per 64 bits): the key of
    /// `RequestIDGenerator`, and every ID where that is unavailable.
    static func randomBits() -> (UInt64, UInt64) {
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
        var bits: (UInt64, UInt64) = (0, 0)
        let status = withUnsafeMutableBytes(of: &bits) { getentropy($0.baseAddress, $0.count) }
        if status == 0 { return bits }
        #endif
        var generator = SystemRandomNumberGenerator()
        return (generator.next(), generator.next())
    }

    /// The identifier's text.
    public let value: String

    /// Validates an identifier received from a client.
    ///
    /// Returns `nil` unless the text has 1 to ``maximumLength`` characters, each an ASCII letter,
    /// digit, `.`, `_`, `:` or `-`.
    ///
    /// - Parameters:
    ///   - value: The text to validate, such as the value of an `X-Request-ID` field.
    public init?(validating value: String) {
        let bytes = value.utf8
        guard !bytes.isEmpty, bytes.count <= Self.maximumLength else { return nil }
        // A plain loop: every request's ID passes through here, and `allSatisfy` with a function
        // reference was a measurable part of a successful request.
        for byte in bytes where !Self.isAllowed(byte) { return nil }
        self.value = value
    }

    /// Takes an identifier its maker guarantees valid, such as a UUID string a framework has just
    /// generated, without checking it again: a check is about 100 ns of every successful request.
    ///
    /// - Parameter value: The identifier's text; debug builds still check it.
    package init(trusted value: String) {
        assert(RequestID(validating: value) != nil, "not a valid request ID: \(value)")
        self.value = value
    }

    /// Creates a fresh random identifier of 32 lowercase hexadecimal characters.
    ///
    /// The 128 bits are unpredictable: a keyed pseudorandom function of a counter, its key from
    /// the system's cryptographically secure generator (the generator itself on systems without
    /// atomics). Identifiers are unique and do not reveal how many requests were served.
    public static func generate() -> RequestID {
        let (high, low) =
            if #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) {
                RequestIDGenerator.shared.next()
            } else {
                Self.randomBits()
            }
        let value = String(unsafeUninitializedCapacity: 32) { buffer in
            for index in 0..<32 {
                let bits = index < 16 ? high : low
                let shift = UInt64(60 - 4 * (index % 16))
                let nibble = UInt8(truncatingIfNeeded: bits >> shift) & 0x0F
                buffer[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 32
        }
        return RequestID(trusted: value)
    }

    /// The identifier's text.
    public var description: String {
        self.value
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
