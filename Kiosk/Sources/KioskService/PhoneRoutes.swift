import Foundation
public import Hummingbird
import QRDrawing
public import WebAPI

/// Where a phone opens the station's pages, and the QR code (二维码) that takes it there: on the
/// home screen for the station, beside a disclosure or a price list for that page, to take home.
///
/// ```swift
/// PhoneRoutes(phone: phone).addRoutes(to: router.group("api/v1"))
/// // GET station/phone → {"url": "http://192.168.4.1:8081"}; GET station/phone.svg?page=%23/prices
/// ```
public struct PhoneRoutes: RouteProvider {
    let phone: PhoneAccess?

    public init(phone: PhoneAccess?) { self.phone = phone }

    /// The public screens a QR code may open: a page of the kiosk's own front, by its address's hash.
    static let publicPages = ["#/", "#/prices", "#/scan", "#/notices", "#/disclosures"]

    public func addRoutes(to router: some RouterMethods<APIRequestContext>) {
        router.get("station/phone") { _, _ in JSONResponse(Phone(url: try address())) }
        router.get("station/phone.svg") { request, _ in
            let page = request.uri.queryParameters["page"].map(String.init) ?? "#/"
            let text = try address() + "/" + (try Self.checked(page))
            var headers = HTTPFields()
            headers[.contentType] = "image/svg+xml"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: try QRCode(text).svg())))
        }
    }

    /// The address phones open, or 404 when the station offers phones none.
    func address() throws -> String {
        guard let url = phone?.url else {
            throw APIError(
                status: .notFound, code: "no_phone_access", message: "本站未开通手机访问",
                messageEN: "this station offers no access for phones (KIOSK_PHONE_PORT and KIOSK_PHONE_URL)")
        }
        return url
    }

    /// A public page, or one below it (`#/disclosures/ID`, `#/prices/CODE`), in the characters a page
    /// address is made of.
    static func checked(_ page: String) throws -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "#/-_.%"))
        let isPublic = publicPages.contains(page) || publicPages.dropFirst().contains { page.hasPrefix($0 + "/") }
        guard isPublic, page.utf8.count <= 200, page.unicodeScalars.allSatisfy(allowed.contains) else {
            throw APIError.invalidField(
                "page", message: "页面须是本站的公开页面，如 #/prices",
                messageEN: "page must be one of the station's public pages (#/, #/prices, #/scan, #/notices, #/disclosures, or one below them)")
        }
        return page
    }

    struct Phone: Codable, Sendable { let url: String }
}
