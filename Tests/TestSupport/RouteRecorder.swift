import HTTPTypes
public import Hummingbird

/// A stand-in router that records the method and path of every route a program adds, so a test
/// can compare them with the program's OpenAPI document.
///
/// ```swift
/// let recorder = RouteRecorder<APIRequestContext>()
/// application.addRoutes(to: recorder)
/// #expect(recorder.routes.contains("GET /healthz"))
/// ```
public final class RouteRecorder<Context: RequestContext>: RouterMethods {
    /// `METHOD /path` of every route added, with captures as `{name}`.
    public private(set) var routes: Set<String> = []

    public init() {}

    @discardableResult
    public func on<Responder: HTTPResponder>(
        _ path: RouterPath, method: HTTPRequest.Method, responder: Responder
    ) -> Self where Responder.Context == Context {
        routes.insert("\(method.rawValue) \(path.description)")
        return self
    }

    @discardableResult
    public func add(middleware: any MiddlewareProtocol<Request, Response, Context>) -> Self {
        self
    }
}
