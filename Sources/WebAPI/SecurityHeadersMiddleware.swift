import HTTPTypes
public import Hummingbird

/// Headers on every answer that keep a browser from being turned against the fronts: content only
/// from the program itself (no inline script, no other site), no framing by another site, no
/// guessing of content types, no referrer sent elsewhere.
///
/// The fronts are plain files with their scripts and styles in files of their own, so a strict
/// policy costs them nothing; a notice's scanned document may still be framed by the front itself.
///
/// ```swift
/// router.add(middleware: SecurityHeadersMiddleware(exempting: ["/sync/"]))
/// ```
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'self'; object-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'"
    }

    /// Paths no browser renders (the signed sync protocol), spared the headers' bytes: on a GPRS
    /// link every exchange pays for them.
    let exempt: [String]

    public init(exempting exempt: [String] = []) {
        self.exempt = exempt
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        guard !exempt.contains(where: request.uri.path.hasPrefix) else { return response }
        response.headers[HTTPField.Name("Content-Security-Policy")!] = Self.policy
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "SAMEORIGIN"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }
}
