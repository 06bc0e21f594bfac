import HTTPTypes
import ProblemDetails
import Testing

@Suite struct RequestIdentityTests {
    let fixed = RequestID(validating: "generated-1")!

    func identity(_ fields: HTTPFields) -> RequestIdentity {
        RequestIdentity(headerFields: fields, generate: { self.fixed })
    }

    @Test func validRequestIDIsUsedAndEchoed() {
        let identity = identity([RequestIdentity.requestIDField: "abc-123"])
        #expect(identity.requestID.value == "abc-123")
        #expect(identity.responseHeaderFields[RequestIdentity.requestIDField] == "abc-123")
        #expect(identity.responseHeaderFields[RequestIdentity.correlationIDField] == nil)
    }

    @Test func validCorrelationIDIsEchoedUnderItsOwnNameAndServesAsRequestID() {
        let identity = identity([RequestIdentity.correlationIDField: "corr.1"])
        #expect(identity.requestID.value == "corr.1")
        #expect(identity.responseHeaderFields[RequestIdentity.requestIDField] == "corr.1")
        #expect(identity.responseHeaderFields[RequestIdentity.correlationIDField] == "corr.1")
    }

    @Test func bothHeadersKeepTheirOwnValues() {
        let identity = identity([RequestIdentity.requestIDField: "req", RequestIdentity.correlationIDField: "corr"])
        #expect(identity.requestID.value == "req")
        #expect(identity.responseHeaderFields[RequestIdentity.correlationIDField] == "corr")
    }

    @Test(arguments: ["", "has space", String(repeating: "a", count: 129), "naïve", "a/b", "x\"y"])
    func invalidIDsAreNeverReflected(value: String) {
        let identity = identity([RequestIdentity.requestIDField: value, RequestIdentity.correlationIDField: value])
        #expect(identity.requestID == fixed)
        #expect(identity.correlationID == nil)
        #expect(identity.responseHeaderFields[RequestIdentity.correlationIDField] == nil)
    }

    @Test(arguments: [
        [RequestIdentity.requestIDField: "req"] as HTTPFields,
        [RequestIdentity.requestIDField: "req", RequestIdentity.correlationIDField: "corr"],
        [RequestIdentity.correlationIDField: "corr"],
        [RequestIdentity.requestIDField: "bad value"],
    ])
    func theFieldsWrittenOneByOneAreTheResponseHeaderFields(fields: HTTPFields) {
        let identity = identity(fields)
        var written = HTTPFields()
        identity.forEachResponseHeaderField { name, value in written.append(HTTPField(name: name, value: value)) }
        #expect(written == identity.responseHeaderFields)
    }

    static let traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

    /// The one-pass reading gives what looking each field up in `HTTPFields` gives, repeated
    /// lines joined with ", " as the subscript joins them.
    @Test(arguments: [
        [] as [(String, String)],
        [("Host", "example.com"), ("Content-Type", "text/plain"), ("Accept", "*/*")],
        [("x-request-id", "lower"), ("X-CORRELATION-ID", "UPPER"), ("TraceParent", Self.traceParent)],
        [("X-Request-ID", "first"), ("Host", "h"), ("x-request-id", "second")],
        [("X-Correlation-ID", "a"), ("X-Correlation-ID", "b"), ("X-Request-ID", "c")],
        [("traceparent", Self.traceParent), ("traceparent", Self.traceParent)],
        [("X-Request-ID", ""), ("X-Request-IDs", "longer"), ("X-Request-I", "shorter"), ("Traceparents", "x")],
    ])
    func readingTheLinesInOnePassIsLookingEachFieldUp(lines: [(String, String)]) throws {
        var fields = HTTPFields()
        var fieldValues = RequestIdentity.FieldValues()
        for (name, value) in lines {
            fields.append(HTTPField(name: try #require(HTTPField.Name(name)), value: value))
            fieldValues.add(name: name, value: value)
        }
        #expect(fieldValues.requestID == fields[RequestIdentity.requestIDField])
        #expect(fieldValues.correlationID == fields[RequestIdentity.correlationIDField])
        #expect(fieldValues.traceParent == fields[RequestIdentity.traceParentField])
        #expect(RequestIdentity.FieldValues(fields).requestID == fieldValues.requestID)
        #expect(RequestIdentity(fieldValues: fieldValues, generate: { fixed }) == identity(fields))
    }

    /// Only ASCII letters are folded: folding every byte with 0x20 would take `\r` for `-`.
    @Test(arguments: [
        "X\rRequest\rID", "X-Request_ID", "X-Request-I\u{0}", "\u{062D}Request-ID", "Y-Request-ID", "X-Correlation\rID",
        "traceparen\u{7F}",
    ])
    func namesThatOnlyLookAlikeAreNotRead(name: String) {
        var fieldValues = RequestIdentity.FieldValues()
        fieldValues.add(name: name, value: "abc-1")
        #expect(fieldValues.requestID == nil)
        #expect(fieldValues.correlationID == nil)
        #expect(fieldValues.traceParent == nil)
    }

    /// A repeated singleton field is joined into a list, which is no valid ID: one is generated
    /// instead of taking whichever line came first.
    @Test func repeatedRequestIDLinesAreNotReflected() {
        var fieldValues = RequestIdentity.FieldValues()
        fieldValues.add(name: "X-Request-ID", value: "first")
        fieldValues.add(name: "x-request-id", value: "second")
        #expect(fieldValues.requestID == "first, second")
        #expect(RequestIdentity(fieldValues: fieldValues, generate: { fixed }).requestID == fixed)
    }

    @Test func absentIDIsGenerated() {
        #expect(RequestIdentity(headerFields: [:]).requestID.value.count == 32)
    }

    @Test func traceParentIsRead() {
        let identity = identity([RequestIdentity.traceParentField: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"])
        #expect(identity.traceParent?.traceID == "0af7651916cd43dd8448eb211c80319c")
        #expect(self.identity([RequestIdentity.traceParentField: "00-00000000000000000000000000000000-b7ad6b7169203331-01"]).traceParent == nil)
    }
}
