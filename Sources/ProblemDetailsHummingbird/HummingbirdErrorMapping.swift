#if Hummingbird
import HTTPTypes
import Hummingbird
import ProblemDetails
import ProblemDetailsServer

/// Translates Hummingbird's errors into the core's problems; every rule about what a problem says
/// lives in the core, this only reads Hummingbird's types.
enum HummingbirdErrorMapping {
    /// The value Hummingbird's router stores as the endpoint path of a request no route matched.
    static let unmatchedEndpointPath = "NotFound"

    /// A reason of Hummingbird's without the Swift type it names.
    ///
    /// Hummingbird's messages for a query, body or path parameter that does not decode name the
    /// type expected (``Type mismatch for `limit` key, expected `Int` type.``, or `… converted to
    /// the expected type (UUID)`), and an application's own types are its internals. The key
    /// stays, so the client still learns what to fix.
    static func withoutSwiftTypeNames(_ reason: String) -> String {
        if reason.hasPrefix("Type mismatch for `"), let cut = reason.firstRange(of: ", expected `") {
            return String(reason[..<cut.lowerBound]) + "."
        }
        let converted = "can not be converted to the expected type"
        if reason.hasSuffix(")"), let cut = reason.firstRange(of: converted + " (") {
            return String(reason[..<cut.lowerBound]) + converted + "."
        }
        return reason
    }

    /// The error to hand the responder, and whether the request matched no route.
    static func problemError(
        for error: any Error,
        request: Request,
        context: some RequestContext,
        routeMethods: RouteMethodTable?,
        configuration: ProblemDetailsConfiguration
    ) -> (error: any Error, isUnknownRoute: Bool) {
        // Concrete types first: casting to one compares type metadata, casting to a protocol
        // looks the conformance up, and `HTTPError` is the error the router and most handlers
        // throw. A `ProblemConvertible` error is left to the registry, which casts every error to
        // it anyway; checking here as well cost an unknown error a third failed lookup.
        switch error {
        case is Problem:
            // The error as thrown, already boxed: the cast-out `Problem` would be boxed anew.
            return (error, false)
        case let httpError as HTTPError:
            if httpError.status == .notFound, context.endpointPath == Self.unmatchedEndpointPath {
                guard let routeMethods else { return (Problem(status: .notFound), true) }
                let (problem, isUnknownRoute) = routeMethods.problem(forUnmatched: request.method, path: request.uri.path)
                return (problem, isUnknownRoute)
            }
            let problem = configuration.problem(
                forHTTPError: httpError.status,
                reason: httpError.body.map(Self.withoutSwiftTypeNames),
                headers: httpError.headers,
                request: request.head
            )
            return (problem, false)
        case let responseError as any HTTPResponseError:
            // An error that says which problem it is wins over what its status would say.
            if responseError is any ProblemConvertible { return (error, false) }
            // Other response errors carry no reason we can read, but their responses carry header
            // fields worth keeping, such as a `WWW-Authenticate` challenge.
            let headers = (try? responseError.response(from: request, context: context).headers) ?? [:]
            let problem = configuration.problem(
                forHTTPError: responseError.status,
                reason: nil,
                headers: headers,
                request: request.head
            )
            return (problem, false)
        default:
            // `ProblemConvertible` errors, answered by the registry with their own problems, and
            // unknown ones. Request bodies fail as problems (`ProblemRequestDecoder`) or as
            // `HTTPError`s (Hummingbird's `request.decode`), so a `DecodingError` here comes from
            // decoding something else, such as an upstream response: the server's failure, a safe
            // 500.
            return (error, false)
        }
    }
}
#endif
