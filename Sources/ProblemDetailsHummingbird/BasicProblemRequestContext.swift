#if Hummingbird
public import Hummingbird

/// A request context like Hummingbird's `BasicRequestContext`, whose `request.decode` answers bad
/// bodies with problems through a ``ProblemRequestDecoder``.
/// ```swift
/// let router = Router(context: BasicProblemRequestContext.self)
/// ```
public struct BasicProblemRequestContext: RequestContext {
    /// Hummingbird's per-request storage: logger, endpoint path and parameters.
    public var coreContext: CoreRequestContextStorage

    /// The decoder `request.decode(as:context:)` uses: lenient, reporting the first failure.
    public var requestDecoder: ProblemRequestDecoder { ProblemRequestDecoder() }

    /// Creates the context for a request.
    ///
    /// - Parameter source: Where the request came from.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }
}
#endif
