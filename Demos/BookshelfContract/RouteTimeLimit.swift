import ProblemDetails

/// Runs a route's work against a time limit, answering a 504 `timeout` problem when the limit
/// passes first: the one implementation of `/slow`'s rule for both demo apps.
///
/// The work runs in a task of its own, raced against a timer, rather than waited for: a framework
/// may run handlers where cancellation does not reach (Vapor runs them behind event-loop futures).
/// When the limit passes, the work is cancelled and its result, if it ever comes, is dropped.
/// ```swift
/// let response = try await RouteTimeLimit.run(.seconds(1)) { try await next.respond(to: request) }
/// ```
public enum RouteTimeLimit {
    /// The result of the work, or a 504 `timeout` problem stating the limit in `timeout_seconds`.
    ///
    /// - Parameters:
    ///   - limit: The time limit.
    ///   - work: The route's work.
    public static func run<Value: Sendable>(
        _ limit: Duration,
        _ work: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let handler = Task { try await work() }
        let timer = Task { try await Task.sleep(for: limit) }
        defer {
            // After a timeout this asks the work to stop; after a result it ends the timer.
            handler.cancel()
            timer.cancel()
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let race = FirstResult(continuation)
                Task { await race.resolve(with: await handler.result) }
                Task {
                    // A cancelled timer means the work finished first, or the caller gave up, in
                    // which case the work ends cancelled and its result answers.
                    guard (try? await timer.value) != nil else { return }
                    await race.resolve(with: .failure(Problem.timeout(seconds: Self.seconds(of: limit))))
                }
            }
        } onCancel: {
            // Unstructured tasks do not inherit the caller's cancellation: pass it on.
            handler.cancel()
            timer.cancel()
        }
    }

    /// A duration in seconds.
    ///
    /// - Parameter duration: The duration.
    public static func seconds(of duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// Resumes a continuation with the first result it is given and ignores the rest.
private actor FirstResult<Value: Sendable> {
    private var continuation: CheckedContinuation<Value, any Error>?

    init(_ continuation: CheckedContinuation<Value, any Error>) {
        self.continuation = continuation
    }

    func resolve(with result: Result<Value, any Error>) {
        guard let continuation = self.continuation else { return }
        self.continuation = nil
        continuation.resume(with: result)
    }
}
