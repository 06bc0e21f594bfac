// Fuzz target: RequestID(validating:), TraceParent(parsing:), RequestIdentity(headerFields:) and
// RequestIdentity.FieldValues, which reads the three fields from a request's lines by name.
//
// Compiled into one module with Sources/ProblemDetails (see Fuzz/run), so it uses the core's API
// directly and does not import it. HTTPTypes is linked in.
//
// The input is split at NUL bytes into an `X-Request-ID` value, an `X-Correlation-ID` value, a
// `traceparent` value and a field name (missing parts mean absent fields; a leading 0x01 byte
// repeats the `X-Request-ID` field with the correlation value, so that combined field values are
// tried).
//
// Invariants:
// - An accepted request ID is the text as given, 1 to `RequestID.maximumLength` bytes of visible
//   ASCII (no space, CR, LF or other control), which is what makes echoing it safe.
// - An accepted traceparent has a version other than ff, a 32-digit and a 16-digit lowercase
//   hexadecimal ID, neither all zeros; written back as `version-traceid-parentid-flags` (the type
//   has no serialiser, so the harness writes the W3C form), it parses to an equal value.
// - `RequestIdentity` built from the fields never carries an ID that `RequestID(validating:)`
//   refuses, picks `X-Request-ID`, then `X-Correlation-ID`, then the generator, and its response
//   header fields carry exactly those IDs.
// - A line is read as one of the three fields exactly when its name, with ASCII letters folded to
//   lowercase and nothing else changed, is that field's lowercase name.

import HTTPTypes

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let repeatsRequestID = bytes.first == 0x01
    if repeatsRequestID { bytes.removeFirst() }
    let parts = bytes.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false).map {
        String(decoding: $0, as: UTF8.self)
    }
    RequestIdentityParsingFuzz.check(parts: parts, repeatsRequestID: repeatsRequestID)
    return 0
}

enum RequestIdentityParsingFuzz {
    static let generated = RequestID(validating: "generated-by-the-fuzz-target")

    static func check(parts: [String], repeatsRequestID: Bool) {
        let input = "\(parts), repeated: \(repeatsRequestID)"
        for part in parts {
            if let id = RequestID(validating: part) {
                guard id.value == part else { self.fail("RequestID changed the text to \(id.value)", input) }
                self.checkSafe(id, input)
            }
            self.checkTraceParent(part, input)
            self.checkTraceParent(" \t\(part)\t ", input)
        }

        guard let generated = self.generated else { self.fail("the fixed generated ID is not valid", input) }
        var fields = HTTPFields()
        if parts.count > 0 { fields.append(HTTPField(name: RequestIdentity.requestIDField, value: parts[0])) }
        if parts.count > 1 {
            fields.append(HTTPField(name: RequestIdentity.correlationIDField, value: parts[1]))
            if repeatsRequestID {
                fields.append(HTTPField(name: RequestIdentity.requestIDField, value: parts[1]))
            }
        }
        if parts.count > 2 { fields.append(HTTPField(name: RequestIdentity.traceParentField, value: parts[2])) }

        let identity = RequestIdentity(headerFields: fields, generate: { generated })
        self.checkSafe(identity.requestID, input)
        if let correlationID = identity.correlationID { self.checkSafe(correlationID, input) }
        if let traceParent = identity.traceParent { self.checkTraceParent(traceParent, input) }

        let requestID = fields[RequestIdentity.requestIDField].flatMap(RequestID.init(validating:))
        let correlationID = fields[RequestIdentity.correlationIDField].flatMap(RequestID.init(validating:))
        guard identity.requestID == requestID ?? correlationID ?? generated, identity.correlationID == correlationID
        else {
            self.fail("the identity did not take X-Request-ID, then X-Correlation-ID, then a generated ID", input)
        }

        if parts.count > 3 { self.checkNameMatching(parts[3], input) }

        let response = identity.responseHeaderFields
        guard response[RequestIdentity.requestIDField] == identity.requestID.value,
            response[RequestIdentity.correlationIDField] == identity.correlationID?.value
        else {
            self.fail("the response header fields do not carry the identity's IDs", input)
        }
        for field in response {
            guard RequestID(validating: field.value) != nil else {
                self.fail("a response header field carries \(field.value.debugDescription)", input)
            }
        }
    }

    static func checkNameMatching(_ name: String, _ input: String) {
        var fieldValues = RequestIdentity.FieldValues()
        fieldValues.add(name: name, value: "value")
        // Compared as bytes: String equality is canonical equivalence, which is not what a
        // field name's comparison is.
        let folded = Array(name.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 })
        guard (fieldValues.requestID != nil) == (folded == Array("x-request-id".utf8)),
            (fieldValues.correlationID != nil) == (folded == Array("x-correlation-id".utf8)),
            (fieldValues.traceParent != nil) == (folded == Array("traceparent".utf8))
        else {
            self.fail("the line named \(name.debugDescription) was read as the wrong field", input)
        }
    }

    static func checkSafe(_ id: RequestID, _ input: String) {
        let bytes = id.value.utf8
        guard (1...RequestID.maximumLength).contains(bytes.count) else {
            self.fail("the request ID \(id.value.debugDescription) has \(bytes.count) bytes", input)
        }
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            self.fail("the request ID \(id.value.debugDescription) is not visible ASCII", input)
        }
        guard RequestID(validating: id.value) == id else {
            self.fail("the request ID \(id.value.debugDescription) does not validate again", input)
        }
    }

    static func checkTraceParent(_ text: String, _ input: String) {
        guard let traceParent = TraceParent(parsing: text) else { return }
        self.checkTraceParent(traceParent, input)
    }

    static func checkTraceParent(_ traceParent: TraceParent, _ input: String) {
        guard traceParent.version != 0xFF else { self.fail("a traceparent of version ff was accepted", input) }
        for (id, length) in [(traceParent.traceID, 32), (traceParent.parentID, 16)] {
            guard id.utf8.count == length, id.utf8.allSatisfy(self.isLowercaseHex), id.utf8.contains(where: { $0 != 0x30 })
            else {
                self.fail("the traceparent ID \(id.debugDescription) is not \(length) lowercase hex digits, not all 0", input)
            }
        }
        let written = "\(self.hex(traceParent.version))-\(traceParent.traceID)-\(traceParent.parentID)-\(self.hex(traceParent.flags))"
        guard TraceParent(parsing: written) == traceParent else {
            self.fail("the traceparent written back as \(written) does not parse to the same value", input)
        }
        guard traceParent.isSampled == (traceParent.flags & 1 == 1) else {
            self.fail("isSampled disagrees with the flags", input)
        }
    }

    static func isLowercaseHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }

    static func fail(_ message: String, _ input: String) -> Never {
        fatalError("RequestIdentityParsing invariant broken: \(message)\ninput: \(String(input.prefix(2_000)))")
    }
}
