import Hummingbird
import Logging
import NIOCore

/// The request context both programs use: the request id on its logger, the client's address,
/// and the body size limit that ``BodyLimitMiddleware`` set.
///
/// ```swift
/// let router = Router(context: APIRequestContext.self)
/// router.get("/hello") { _, context in "hello \(context.id)" }
/// ```
public struct APIRequestContext: BodyLimitedRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The largest request body accepted, in bytes.
    public var maxUploadSize: Int
    /// The client's address, when the connection has one (absent in router tests).
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.maxUploadSize = BodyLimitMiddleware<Self>.defaultLimit
        self.remoteAddress = source.channel.remoteAddress
    }
}
