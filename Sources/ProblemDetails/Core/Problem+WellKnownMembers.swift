public import HTTPTypes

extension Problem {
    /// The `errors` member: several problems of this type, such as every failing field.
    ///
    /// Reading skips items that are not violations; setting an empty array removes the member.
    /// https://www.rfc-editor.org/rfc/rfc9457#section-3
    public var errors: [Violation] {
        get { self.extensions["errors"]?.arrayValue?.compactMap(Violation.init) ?? [] }
        set { self.extensions["errors"] = newValue.isEmpty ? nil : .array(newValue.map(\.extensionValue)) }
    }

    /// When the client may try again, kept equal in the `Retry-After` header field and the
    /// `retry_after` member.
    ///
    /// Reading prefers the header field, which HTTP clients act on, then the member; either may
    /// hold seconds or an HTTP date, and a value that is neither is ignored. Setting writes both
    /// (the member as an integer, or the date as a string); `nil` removes both.
    /// ```swift
    /// problem.retryAfter = 30
    /// problem.retryAfter?.delay()   // 30
    /// ```
    /// https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3
    public var retryAfter: RetryAfter? {
        get {
            if let field = self.headers[.retryAfter], let value = RetryAfter(fieldValue: field) { return value }
            return self.extensions["retry_after"].flatMap(RetryAfter.init(member:))
        }
        set {
            if let newValue {
                self.headers[.retryAfter] = newValue.fieldValue
                self.extensions["retry_after"] = newValue.memberValue
            } else {
                self.headers[.retryAfter] = nil
                self.extensions["retry_after"] = nil
            }
        }
    }

    /// The `request_id` member: the identifier of the request that failed, for support and logs.
    public var requestID: String? {
        get { self.extensions["request_id"]?.stringValue }
        set { self.extensions["request_id"] = newValue.map(ExtensionValue.string) }
    }

    /// The `trace_id` member: the W3C trace-id of the request that failed.
    public var traceID: String? {
        get { self.extensions["trace_id"]?.stringValue }
        set { self.extensions["trace_id"] = newValue.map(ExtensionValue.string) }
    }

    /// The `delay-seconds` form of `Retry-After`: digits only, no sign or space (RFC 9110 §10.2.3),
    /// as many as the sender likes; a delay beyond ``RetryAfter/maximumSeconds`` reads as it.
    static func delaySeconds(_ field: String) -> Int? {
        guard !field.isEmpty, field.utf8.allSatisfy(\.isASCIIDigit) else { return nil }
        var seconds = 0
        for digit in field.utf8 {
            seconds = min(seconds * 10 + Int(digit - UInt8(ascii: "0")), RetryAfter.maximumSeconds)
        }
        return seconds
    }

    /// Makes `retry_after` and `Retry-After` agree when only one is set or they differ.
    ///
    /// The value is the one ``retryAfter`` reads: the header field when it holds seconds or a
    /// date, which HTTP clients act on, else the member; it is then written to both, a date in
    /// the member as the same IMF-fixdate string. When neither can be read, both are left as
    /// they are.
    mutating func synchronizeRetryAfter() {
        guard self.headers[.retryAfter] != nil || self.extensions["retry_after"] != nil else { return }
        if let value = self.retryAfter { self.retryAfter = value }
    }
}

extension Problem {
    /// A `validation-error` (422) listing every failure.
    ///
    /// - Parameters:
    ///   - violations: Every failing input, each with its location.
    ///   - detail: An explanation; by default one that counts the failures.
    public static func validationFailed(_ violations: [Violation], detail: String? = nil) -> Problem {
        var problem = Problem(
            .validationError,
            detail: detail
                ?? (violations.count == 1
                    ? "One value in the request is not valid."
                    : "\(violations.count) values in the request are not valid.")
        )
        problem.errors = violations
        return problem
    }

    /// An `invalid-parameter` (400) naming the parameter.
    ///
    /// - Parameters:
    ///   - name: The parameter's name.
    ///   - detail: What is wrong with it.
    public static func invalidParameter(_ name: String, detail: String) -> Problem {
        var problem = Problem(.invalidParameter, detail: detail)
        problem.errors = [Violation(detail: detail, parameter: name)]
        return problem
    }

    /// A `resource-not-found` (404) naming what was looked for.
    ///
    /// - Parameters:
    ///   - resource: The kind of resource, such as `book`.
    ///   - id: The identifier looked for.
    public static func notFound(resource: String, id: String) -> Problem {
        Problem(
            .notFound,
            detail: "There is no \(resource) with the id '\(id)'.",
            extensions: ["resource": .string(resource), "resource_id": .string(id)]
        )
    }

    /// An `unauthorized` (401) with the `WWW-Authenticate` challenge clients need.
    ///
    /// - Parameters:
    ///   - challenge: The `WWW-Authenticate` field value, such as `Bearer realm="api"`.
    ///   - detail: An explanation.
    public static func unauthorized(challenge: String, detail: String? = nil) -> Problem {
        Problem(.unauthorized, detail: detail, headers: [.wwwAuthenticate: challenge])
    }

    /// A `rate-limit-exceeded` (429) with `retry_after` equal to the `Retry-After` header field.
    ///
    /// - Parameters:
    ///   - seconds: Seconds the client should wait.
    ///   - detail: An explanation.
    public static func rateLimitExceeded(retryAfter seconds: Int, detail: String? = nil) -> Problem {
        var problem = Problem(.rateLimitExceeded, detail: detail)
        problem.retryAfter = .seconds(max(0, seconds))
        return problem
    }

    /// A `service-unavailable` (503) with `retry_after` equal to the `Retry-After` header field.
    ///
    /// - Parameters:
    ///   - seconds: Seconds the client should wait.
    ///   - detail: An explanation.
    public static func serviceUnavailable(retryAfter seconds: Int, detail: String? = nil) -> Problem {
        var problem = Problem(.serviceUnavailable, detail: detail)
        problem.retryAfter = .seconds(max(0, seconds))
        return problem
    }

    /// A `timeout` (504) stating the time limit in `timeout_seconds`.
    ///
    /// - Parameters:
    ///   - seconds: The time limit that was exceeded.
    ///   - detail: An explanation.
    public static func timeout(seconds: Double, detail: String? = nil) -> Problem {
        let value: ExtensionValue =
            seconds.rounded() == seconds && abs(seconds) < 1e15 ? .integer(Int(seconds)) : .double(seconds)
        return Problem(
            .timeout,
            detail: detail ?? "The request did not finish within its time limit.",
            extensions: ["timeout_seconds": value]
        )
    }

    /// A 405 `about:blank` problem with the `Allow` header field the status requires.
    ///
    /// - Parameter allowedMethods: The methods the target resource supports.
    /// https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6
    public static func methodNotAllowed(allowedMethods: [HTTPRequest.Method]) -> Problem {
        Problem(
            status: .methodNotAllowed,
            headers: [.allow: allowedMethods.map(\.rawValue).joined(separator: ", ")]
        )
    }
}

extension Problem {
    /// An `unsupported-media-type` (415) naming the type received and, for `POST` and `PATCH`,
    /// listing the accepted ones in `Accept-Post` or `Accept-Patch` (RFC 9110 §15.5.16).
    ///
    /// - Parameters:
    ///   - received: The request's `Content-Type`, or `nil` when it had none.
    ///   - accepted: The media types the route accepts.
    ///   - method: The request's method, which chooses the header field.
    public static func unsupportedMediaType(
        received: String?,
        accepted: [String],
        method: HTTPRequest.Method? = nil
    ) -> Problem {
        let detail =
            received.map { "The media type '\($0)' is not supported here." }
            ?? "The request has no Content-Type; say what the body is."
        var problem = Problem(.unsupportedMediaType, detail: detail)
        let list = accepted.joined(separator: ", ")
        if !accepted.isEmpty {
            switch method {
            case .post?: problem.headers[HTTPField.Name("Accept-Post")!] = list
            case .patch?: problem.headers[HTTPField.Name("Accept-Patch")!] = list
            default: break
            }
        }
        return problem
    }
}
