public import HTTPTypes
public import Hummingbird
import Logging

/// Gives every request an id that appears on every log line of the request and in the
/// `X-Request-Id` response header.
///
/// A client may send its own `X-Request-Id` (letters, digits, `-` and `_`, up to 64), so that one
/// sync exchange can be followed across the station's and the county's logs; otherwise the id
/// Hummingbird generated is kept.
///
/// ```swift
/// router.add(middleware: RequestIDMiddleware())
/// ```
public struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The logger metadata key Hummingbird already reads the request id from.
    static var metadataKey: String { "hb.request.id" }

    /// Paths whose answers carry no `X-Request-Id` (their requests are logged with it all the same).
    let quietPaths: Set<String>

    public init(quietOn quietPaths: Set<String> = []) {
        self.quietPaths = quietPaths
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let supplied = request.headers[.requestID], Self.isAcceptable(supplied) {
            context.logger[metadataKey: Self.metadataKey] = .string(supplied)
        }
        var response = try await next(request, context)
        if !quietPaths.contains(request.uri.path) { response.headers[.requestID] = context.id }
        return response
    }

    static func isAcceptable(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 64
            && id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`: the id of one request in both sides' logs.
    public static var requestID: Self { .init("X-Request-Id")! }
}
