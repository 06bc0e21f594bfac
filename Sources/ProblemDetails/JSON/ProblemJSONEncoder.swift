import HTTPTypes

/// Writes problems as `application/problem+json`.
///
/// The encoder writes bytes directly, measuring the document first so that the output buffer is
/// the only allocation. Members come in a fixed order: `type`, `title`, `status`, `detail`,
/// `instance`, then the extension members in insertion order, so equal problems give equal bytes.
/// Every control character is escaped as RFC 8259 §7 requires; `type` is always written, even when
/// it is `about:blank`, so no reader depends on the default.
/// ```swift
/// let body: [UInt8] = ProblemJSONEncoder().encode(problem)
/// ```
/// Non-finite doubles, which JSON cannot express, are written as `null`. ``Problem/headers`` are
/// not part of the document and are not written.
/// https://www.rfc-editor.org/rfc/rfc9457#section-3
public struct ProblemJSONEncoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// The problem as a UTF-8 JSON document.
    ///
    /// - Parameter problem: The problem to write.
    public func encode(_ problem: Problem) -> [UInt8] {
        let title = problem.title
        // A bound that needs no scan (every byte escaped as \u00XX) is cheap and, for the small
        // documents problems are, costs only spare capacity; past 16 KiB the exact size is worth
        // a scan rather than six times the memory.
        var size = Self.size(of: problem, title: title, stringSize: JSONOutput.bound(ofString:))
        if size > 16_384 {
            size = Self.size(of: problem, title: title, stringSize: JSONOutput.size(ofString:))
        }
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            var output = JSONOutput(base)
            output.write(literal: "{\"type\":")
            output.write(string: problem.type)
            if let title {
                output.write(literal: ",\"title\":")
                output.write(string: title)
            }
            if let status = problem.status {
                output.write(literal: ",\"status\":")
                output.write(integer: status.code)
            }
            if let detail = problem.detail {
                output.write(literal: ",\"detail\":")
                output.write(string: detail)
            }
            if let instance = problem.instance {
                output.write(literal: ",\"instance\":")
                output.write(string: instance)
            }
            for member in problem.extensions {
                output.write(byte: UInt8(ascii: ","))
                output.write(string: member.name)
                output.write(byte: UInt8(ascii: ":"))
                output.write(value: member.value)
            }
            output.write(byte: UInt8(ascii: "}"))
            count = output.offset
            assert(count <= size, "the measured size of a problem document was too small")
        }
    }

    private static func size(of problem: Problem, title: String?, stringSize: (String) -> Int) -> Int {
        var size = 2 + 8 + stringSize(problem.type)
        if let title { size += 9 + stringSize(title) }
        if problem.status != nil { size += 13 }
        if let detail = problem.detail { size += 10 + stringSize(detail) }
        if let instance = problem.instance { size += 12 + stringSize(instance) }
        for member in problem.extensions.object.storage {
            size += 2 + stringSize(member.name) + JSONOutput.size(of: member.value, stringSize: stringSize)
        }
        return size
    }

    /// A value as a UTF-8 JSON document.
    ///
    /// - Parameter value: The value to write.
    public func encode(_ value: ExtensionValue) -> [UInt8] {
        let size = JSONOutput.size(of: value, stringSize: JSONOutput.size(ofString:))
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            var output = JSONOutput(base)
            output.write(value: value)
            count = output.offset
        }
    }
}
