public import Hummingbird
import Logging

/// Turns every error a route or middleware throws into an ``APIError`` JSON answer.
///
/// Errors that already know their answer are kept; Hummingbird's own `HTTPError`s (unknown
/// route, body too large, bad method) get a code and bilingual messages; anything else is an
/// internal failure, logged with its details and answered as a 500 that names only the request id.
///
/// A program may name more errors it knows the answer to (a full disk, from its storage layer,
/// which this module does not know).
///
/// ```swift
/// router.add(middleware: APIErrorMiddleware())
/// ```
public struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let known: @Sendable (any Error) -> APIError?

    public init(translating known: @escaping @Sendable (any Error) -> APIError? = { _ in nil }) {
        self.known = known
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as any APIErrorConvertible {
            return try error.apiError.response(from: request, context: context)
        } catch {
            let answer = known(error) ?? Self.translate(error, path: request.uri.path, context: context)
            if answer.status.code >= 500 {
                context.logger.error("request failed: \(String(reflecting: error))")
            }
            return try answer.response(from: request, context: context)
        }
    }

    static func translate(_ error: any Error, path: String, context: Context) -> APIError {
        guard let http = error as? any HTTPResponseError else {
            return .internalFailure(requestID: context.id)
        }
        switch http.status {
        case .notFound:
            return .notFound("nothing at \(path)")
        case .contentTooLarge:
            return .bodyTooLarge(limit: context.maxUploadSize)
        case .methodNotAllowed:
            return APIError(
                status: .methodNotAllowed, code: "method_not_allowed",
                message: "不支持该请求方法", messageEN: "this method is not allowed here")
        case let status where status.code >= 500:
            return .internalFailure(requestID: context.id)
        case let status:
            let detail = (http as? HTTPError)?.body ?? status.reasonPhrase
            return APIError(
                status: status, code: "bad_request",
                message: "请求有误：\(detail)", messageEN: "bad request: \(detail)")
        }
    }
}
