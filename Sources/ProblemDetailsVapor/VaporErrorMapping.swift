#if Vapor
import HTTPTypes
import ProblemDetails
import ProblemDetailsServer
import Vapor

/// Translates Vapor's errors into the core's problems; every rule about what a problem says lives
/// in the core, this only reads Vapor's types.
enum VaporErrorMapping {
    /// The error to hand the responder, and whether the request matched no route.
    static func problemError(
        for error: any Error,
        request: Request,
        head: HTTPRequest,
        routeMethods: RouteMethodTable,
        configuration: ProblemDetailsConfiguration
    ) -> (error: any Error, isUnknownRoute: Bool) {
        // Concrete types first: casting to one compares type metadata, casting to a protocol
        // looks the conformance up, and Vapor's `Abort` is the error most handlers throw. A
        // `ProblemConvertible` error is left to the registry, which casts every error to it
        // anyway; checking here first as well cost an unknown error a third failed lookup. The
        // cases an application could also make `ProblemConvertible` ask once they match, so that
        // its own problem still wins.
        switch error {
        case is Problem:
            // The error as thrown, already boxed: the cast-out `Problem` would be boxed anew.
            return (error, false)
        case let abort as Abort:
            return (Self.problem(for: abort, head: head, configuration: configuration), false)
        case is RouteNotFound where !(error is any ProblemConvertible):
            let (problem, isUnknownRoute) = routeMethods.problem(forUnmatched: head.method, path: head.path ?? "/")
            return (problem, isUnknownRoute)
        case is DecodingError where !Self.carriesInput(request):
            // Vapor lets a request body or query that does not fit throw `DecodingError`, its 400;
            // a request with neither cannot have caused one. It came from decoding something else,
            // such as an upstream response or a database row: the server's failure, a safe 500.
            return (error, false)
        case let decoding as DecodingError where !(error is any ProblemConvertible):
            // Foundation reports some values that do not fit as corrupted data at the root, like a
            // syntax error; the core re-reads the body to tell a 400 from a 422.
            if let body = request.body.data {
                return (Problem.decodingFailed(decoding, body: body.readableBytesView), false)
            }
            return (Problem.validationFailed(decoding: decoding), false)
        case let validations as ValidationsError where !(error is any ProblemConvertible):
            return (Problem.validationFailed(validations.failures.map(Self.violation)), false)
        case let abort as any AbortError where !(error is any ProblemConvertible):
            return (Self.problem(for: abort, head: head, configuration: configuration), false)
        default:
            // `ProblemConvertible` errors, answered by the registry with their own problems, and
            // unknown ones.
            return (error, false)
        }
    }

    /// Whether a request brings anything a handler could decode: a body or a query.
    static func carriesInput(_ request: Request) -> Bool {
        if request.body.data != nil || request.headers.contains(name: .transferEncoding) { return true }
        if let length = request.headers.first(name: .contentLength), length != "0" { return true }
        return request.url.query != nil
    }

    /// The problem for one of Vapor's HTTP errors.
    static func problem(
        for abort: some AbortError,
        head: HTTPRequest,
        configuration: ProblemDetailsConfiguration
    ) -> Problem {
        configuration.problem(
            forHTTPError: HTTPResponse.Status(code: Int(abort.status.code)),
            reason: abort.reason,
            headers: abort.headers.isEmpty ? [:] : HTTPFields(abort.headers),
            request: head
        )
    }

    /// One Vapor validation failure as a violation at the member it names.
    static func violation(_ result: ValidationResult) -> Violation {
        let detail = result.result.failureDescription ?? "is not valid"
        let tokens = result.key.stringValue.split(separator: ".").map(String.init)
        return Violation(detail: detail, pointer: JSONPointer(tokens: tokens))
    }
}
#endif
