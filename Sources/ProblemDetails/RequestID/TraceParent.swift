/// The W3C Trace Context `traceparent` field, which identifies the distributed trace a request
/// belongs to.
///
/// A problem can carry the trace ID so that an error seen by a client can be found in the
/// tracing system. Parsing follows the specification's rules for recipients: a value that is not
/// exactly right is rejected, because a trace ID that was guessed at would point to the wrong
/// trace.
///
/// https://www.w3.org/TR/trace-context/#traceparent-header
public struct TraceParent: Sendable, Hashable {
    /// The format version, 0 for the version this type was written against.
    ///
    /// https://www.w3.org/TR/trace-context/#version
    public let version: UInt8

    /// The ID of the whole trace: 32 lowercase hexadecimal characters, not all zero.
    ///
    /// https://www.w3.org/TR/trace-context/#trace-id
    public let traceID: String

    /// The ID of the caller's span: 16 lowercase hexadecimal characters, not all zero.
    ///
    /// https://www.w3.org/TR/trace-context/#parent-id
    public let parentID: String

    /// The trace flags.
    ///
    /// https://www.w3.org/TR/trace-context/#trace-flags
    public let flags: UInt8

    /// Whether the caller may have recorded trace data, the `sampled` flag.
    ///
    /// https://www.w3.org/TR/trace-context/#sampled-flag
    public var isSampled: Bool {
        self.flags & 0x01 != 0
    }

    /// The length of the fields this type understands: `version-traceid-parentid-flags`.
    private static let knownLength = 55

    /// Parses the value of a `traceparent` field.
    ///
    /// Spaces and tabs around the value are ignored. Returns `nil` when a field has the wrong
    /// length or is not lowercase hexadecimal, when the version is `ff`, when the trace ID or the
    /// parent ID is all zeros, or when a version 00 value is not exactly 55 characters long. A
    /// later version may append fields after a `-`; those are ignored, as the specification
    /// asks, so that newer senders still interoperate.
    ///
    /// https://www.w3.org/TR/trace-context/#versioning-of-traceparent
    ///
    /// - Parameters:
    ///   - string: The field value.
    public init?(parsing string: String) {
        var text = string
        let parsed: TraceParent? = text.withUTF8 { bytes in
            var start = 0
            var end = bytes.count
            while start < end, Self.isWhitespace(bytes[start]) {
                start += 1
            }
            while end > start, Self.isWhitespace(bytes[end - 1]) {
                end -= 1
            }
            return Self.parse(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        guard let parsed else {
            return nil
        }
        self = parsed
    }

    private init(version: UInt8, traceID: String, parentID: String, flags: UInt8) {
        self.version = version
        self.traceID = traceID
        self.parentID = parentID
        self.flags = flags
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> TraceParent? {
        guard bytes.count >= Self.knownLength,
            bytes[2] == UInt8(ascii: "-"), bytes[35] == UInt8(ascii: "-"), bytes[52] == UInt8(ascii: "-"),
            let version = Self.hexNumber(bytes[0..<2]), version != 0xFF,
            Self.isNonZeroHex(bytes[3..<35]),
            Self.isNonZeroHex(bytes[36..<52]),
            let flags = Self.hexNumber(bytes[53..<55])
        else {
            return nil
        }
        if version == 0 {
            guard bytes.count == Self.knownLength else {
                return nil
            }
        } else if bytes.count > Self.knownLength {
            guard bytes[Self.knownLength] == UInt8(ascii: "-") else {
                return nil
            }
        }
        return TraceParent(
            version: version,
            traceID: String(decoding: bytes[3..<35], as: UTF8.self),
            parentID: String(decoding: bytes[36..<52], as: UTF8.self),
            flags: flags
        )
    }

    private static func hexNumber(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt8? {
        var number: UInt8 = 0
        for byte in digits {
            guard let value = Self.hexValue(byte) else {
                return nil
            }
            number = number << 4 | value
        }
        return number
    }

    private static func isNonZeroHex(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var isZero = true
        for byte in digits {
            guard let value = Self.hexValue(byte) else {
                return false
            }
            isZero = isZero && value == 0
        }
        return !isZero
    }

    /// The value of a lowercase hexadecimal digit; uppercase digits are invalid in this field.
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"):
            byte - UInt8(ascii: "a") + 10
        default:
            nil
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
