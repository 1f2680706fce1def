public import Hummingbird
import Logging
public import NIOCore

/// The request context both programs use: the request id on its logger, the client's address,
/// the body size limit that ``BodyLimitMiddleware`` set, and the person the request's session
/// speaks for, if it has one.
///
/// ```swift
/// let router = Router(context: APIRequestContext.self)
/// router.get("/hello") { _, context in "hello \(context.id)" }
/// ```
public struct APIRequestContext: BodyLimitedRequestContext, PrincipalRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The largest request body accepted, in bytes.
    public var maxUploadSize: Int
    /// The client's address, when the connection has one (absent in router tests).
    public let remoteAddress: SocketAddress?
    /// The logged-in person, set by the session middleware; nil for a villager at the screen.
    public var principal: Principal?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.maxUploadSize = BodyLimitMiddleware<Self>.defaultLimit
        self.remoteAddress = source.channel.remoteAddress
    }
}
