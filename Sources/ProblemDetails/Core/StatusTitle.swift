/// The recommended reason phrases of HTTP status codes, from the IANA HTTP Status Code Registry
/// (RFC 9110 §15 and the RFCs that registered the rest).
///
/// RFC 9457 §4.2.1 asks that an `about:blank` problem's title be this phrase. swift-http-types
/// knows only the common codes, so the full table lives here.
/// https://www.rfc-editor.org/rfc/rfc9110#section-15
enum StatusTitle {
    static func phrase(for code: Int) -> String? {
        switch code {
        case 100: "Continue"
        case 101: "Switching Protocols"
        case 102: "Processing"
        case 103: "Early Hints"
        case 104: "Upload Resumption Supported"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 203: "Non-Authoritative Information"
        case 204: "No Content"
        case 205: "Reset Content"
        case 206: "Partial Content"
        case 207: "Multi-Status"
        case 208: "Already Reported"
        case 226: "IM Used"
        case 300: "Multiple Choices"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 305: "Use Proxy"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 402: "Payment Required"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 407: "Proxy Authentication Required"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 410: "Gone"
        case 411: "Length Required"
        case 412: "Precondition Failed"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 416: "Range Not Satisfiable"
        case 417: "Expectation Failed"
        case 421: "Misdirected Request"
        case 422: "Unprocessable Content"
        case 423: "Locked"
        case 424: "Failed Dependency"
        case 425: "Too Early"
        case 426: "Upgrade Required"
        case 428: "Precondition Required"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 451: "Unavailable For Legal Reasons"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        case 506: "Variant Also Negotiates"
        case 507: "Insufficient Storage"
        case 508: "Loop Detected"
        case 510: "Not Extended (OBSOLETED)"
        case 511: "Network Authentication Required"
        default: nil
        }
    }

    /// Phrases older RFCs and frameworks still use for a code (NIO says "Payload Too Large").
    static func formerPhrases(for code: Int) -> [String] {
        switch code {
        case 413: ["Payload Too Large", "Request Entity Too Large"]
        case 414: ["Request-URI Too Long"]
        case 416: ["Requested Range Not Satisfiable"]
        case 422: ["Unprocessable Entity"]
        default: []
        }
    }

    /// Whether a text only repeats a status code's phrase, current or former.
    ///
    /// Compared byte by byte, ignoring ASCII case: every phrase is ASCII, and a thrown error's
    /// reason is checked against them on every HTTP error a framework answers.
    static func isPhrase(_ text: String, of code: Int) -> Bool {
        guard let phrase = self.phrase(for: code) else { return false }
        return self.equalIgnoringASCIICase(text, phrase)
            || self.formerPhrases(for: code).contains { self.equalIgnoringASCIICase(text, $0) }
    }

    /// Whether two texts are equal when ASCII letters are compared without case; other bytes must
    /// be identical.
    static func equalIgnoringASCIICase(_ text: String, _ other: String) -> Bool {
        text.utf8.elementsEqual(other.utf8) { left, right in
            left == right || (left | 0x20 == right | 0x20 && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(left | 0x20))
        }
    }
}
