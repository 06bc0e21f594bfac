package import HTTPTypes

extension RequestIdentity {
    /// The values of a request's `X-Request-ID`, `X-Correlation-ID` and `traceparent` fields,
    /// gathered in one pass over its field lines.
    ///
    /// Every request is identified, so the identity's reading is on the path of every success.
    /// Looking each of the three fields up scanned all of a request's lines three times; a browser
    /// sends a dozen. Here each line costs one length comparison unless its name has the length of
    /// one of the three.
    package struct FieldValues: Sendable {
        /// The `X-Request-ID` value, its lines joined with ", " when it was sent more than once.
        package private(set) var requestID: String?
        /// The `X-Correlation-ID` value, joined likewise.
        package private(set) var correlationID: String?
        /// The `traceparent` value, joined likewise.
        package private(set) var traceParent: String?

        /// Creates an empty set of values, before any line is read.
        package init() {}

        /// Reads the values from swift-http-types header fields.
        ///
        /// - Parameter headerFields: The request's header fields.
        package init(_ headerFields: HTTPFields) {
            for field in headerFields {
                self.add(name: field.name.canonicalName, value: field.value)
            }
        }

        /// Notes one field line when its name, compared without regard to ASCII case, is one of
        /// the three.
        ///
        /// A repeated line is joined to the earlier ones with ", ", as `HTTPFields` combines
        /// them: a field that must have one value is then invalid, instead of being taken from
        /// whichever line a framework happens to read first.
        /// - Parameters:
        ///   - name: The line's field name, in any case.
        ///   - value: The line's value.
        package mutating func add(name: String, value: String) {
            switch name.utf8.count {
            case 11 where Self.name(name, is: "traceparent"):
                Self.join(value, to: &self.traceParent)
            case 12 where Self.name(name, is: "x-request-id"):
                Self.join(value, to: &self.requestID)
            case 16 where Self.name(name, is: "x-correlation-id"):
                Self.join(value, to: &self.correlationID)
            default:
                break
            }
        }

        private static func join(_ value: String, to existing: inout String?) {
            if let earlier = existing {
                existing = earlier + ", " + value
            } else {
                existing = value
            }
        }

        /// Whether `name` equals `lowercased`, a lowercase ASCII name of the same length, without
        /// regard to ASCII case.
        private static func name(_ name: String, is lowercased: StaticString) -> Bool {
            lowercased.withUTF8Buffer { expected in
                var index = 0
                for byte in name.utf8 {
                    // Setting 0x20 lowercases an ASCII letter; only letters may be folded, since
                    // it would also map, say, "\r" to "-".
                    let folded = byte.isASCIILetter ? byte | 0x20 : byte
                    guard index < expected.count, folded == expected[index] else { return false }
                    index += 1
                }
                return index == expected.count
            }
        }
    }

    /// Makes the identity from field values read in one pass.
    ///
    /// - Parameters:
    ///   - fieldValues: The request's three identifying field values.
    ///   - generate: Makes a new request ID, when the request brings no valid one.
    package init(fieldValues: FieldValues, generate: () -> RequestID) {
        let requestID = fieldValues.requestID.flatMap(RequestID.init(validating:))
        let correlationID = fieldValues.correlationID.flatMap(RequestID.init(validating:))
        self.requestID = requestID ?? correlationID ?? generate()
        self.correlationID = correlationID
        self.traceParent = fieldValues.traceParent.flatMap(TraceParent.init(parsing:))
    }
}
