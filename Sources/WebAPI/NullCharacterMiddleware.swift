import Foundation
public import Hummingbird

/// Refuses a request whose path or query holds a NUL character (U+0000, sent as `%00`) with a 422
/// naming the parameter: no field of either program may hold one, and PostgreSQL cannot keep one
/// in text, so a hub on it would otherwise fail where a county on SQLite answers. JSON bodies are
/// checked where they are decoded (``Request/decodeJSON(as:context:)``).
///
/// ```swift
/// router.add(middleware: NullCharacterMiddleware())
/// ```
public struct NullCharacterMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let decoded = request.uri.path.removingPercentEncoding, decoded.utf8.contains(0) {
            throw APIError.nullCharacter(in: "path")
        }
        if let name = request.uri.queryParameters.first(where: { $0.value.utf8.contains(0) })?.key {
            throw APIError.nullCharacter(in: name.utf8.contains(0) ? "query" : String(name))  // a name with one is not repeated
        }
        if request.uri.query?.removingPercentEncoding?.utf8.contains(0) == true {  // in a name, which is left encoded
            throw APIError.nullCharacter(in: "query")
        }
        return try await next(request, context)
    }
}

extension APIError {
    /// A text that holds a NUL character: 422, naming where.
    static func nullCharacter(in field: String) -> APIError {
        .invalidField(
            field, message: "「\(FieldLabel.chinese(field))」含有不允许的空字符",
            messageEN: "\(field) must not hold a NUL character (U+0000)")
    }
}
