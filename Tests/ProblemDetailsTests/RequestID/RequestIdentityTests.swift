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

    @Test func readingThroughALookupIsReadingTheFields() {
        let fields: HTTPFields = [
            RequestIdentity.requestIDField: "req",
            RequestIdentity.correlationIDField: "corr",
            RequestIdentity.traceParentField: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        ]
        var asked: [HTTPField.Name] = []
        let read = RequestIdentity(reading: { name in
            asked.append(name)
            return fields[name]
        }, generate: { fixed })
        #expect(read == RequestIdentity(headerFields: fields, generate: { fixed }))
        #expect(read.traceParent != nil)
        #expect(Set(asked) == [RequestIdentity.requestIDField, RequestIdentity.correlationIDField, RequestIdentity.traceParentField])
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
