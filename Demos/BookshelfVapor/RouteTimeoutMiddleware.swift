#if Vapor
import ProblemDetailsVapor
public import Vapor

/// Gives the routes it guards a time limit: when a handler is still running as the limit
/// passes, the request is answered at once with a 504 `timeout` problem stating the limit in
/// `timeout_seconds`, and the handler is cancelled.
///
/// Vapor runs route handlers in tasks of their own, behind event-loop futures, so cancellation
/// does not reach them through structured concurrency: the middleware races the handler against
/// a timer instead of waiting for it. A handler that ignores cancellation keeps running until it
/// ends, and its result is dropped.
/// ```swift
/// let bounded = app.grouped(RouteTimeoutMiddleware(timeout: .seconds(1)))
/// bounded.get("slow") { req in try await slowWork() }
/// ```
public struct RouteTimeoutMiddleware: AsyncMiddleware {
    /// The time limit.
    public let timeout: Duration

    /// Creates the middleware.
    ///
    /// - Parameter timeout: The time limit of each request.
    public init(timeout: Duration) {
        self.timeout = timeout
    }

    /// Runs the rest of the chain against the time limit.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - next: The rest of the chain.
    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let timeout = self.timeout
        let handler = Task { try await next.respond(to: request) }
        let timer = Task { try await Task.sleep(for: timeout) }
        defer {
            // After a timeout this asks the handler to stop; after a response it ends the timer.
            handler.cancel()
            timer.cancel()
        }
        return try await withCheckedThrowingContinuation { continuation in
            let race = FirstResult(continuation)
            Task { await race.resolve(with: await handler.result) }
            Task {
                // A cancelled timer means the handler answered first.
                guard (try? await timer.value) != nil else { return }
                await race.resolve(with: .failure(Problem.timeout(seconds: Self.seconds(of: timeout))))
            }
        }
    }

    static func seconds(of duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// Resumes a continuation with the first result it is given and ignores the rest.
private actor FirstResult {
    private var continuation: CheckedContinuation<Response, any Error>?

    init(_ continuation: CheckedContinuation<Response, any Error>) {
        self.continuation = continuation
    }

    func resolve(with result: Result<Response, any Error>) {
        guard let continuation = self.continuation else { return }
        self.continuation = nil
        continuation.resume(with: result)
    }
}
#endif
