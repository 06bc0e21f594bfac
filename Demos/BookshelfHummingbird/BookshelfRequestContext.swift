#if Hummingbird
import BookshelfContract
public import Hummingbird
public import NIOCore
public import ProblemDetailsHummingbird

/// The request context of the bookshelf API: strict body decoding, the contract's 64 KiB body
/// limit, and the peer's address for rate limiting.
public struct BookshelfRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage: logger, endpoint path and parameters.
    public var coreContext: CoreRequestContextStorage
    /// The address of the connection's peer.
    public let remoteAddress: SocketAddress?

    /// Bodies are decoded strictly: unknown members are errors, and every failure is reported.
    public var requestDecoder: ProblemRequestDecoder { ProblemRequestDecoder(strict: true) }

    /// The largest body accepted, 64 KiB; a larger one is a 413.
    public var maxUploadSize: Int { BookshelfPolicy.maximumBodySize }

    /// Creates the context for a request.
    ///
    /// - Parameter source: Where the request came from.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }
}
#endif
