import Foundation
public import Hummingbird
public import Sync
public import WebAPI

/// The notices module's endpoints, public at both sides and answered from local data; at a
/// station also the screen's report that a notice was shown; at the county, publishing (admin).
///
/// ```swift
/// NoticeRoutes(.station(store: store) { try await link.replica() }).addRoutes(to: router.group("api/v1"))
/// // GET notices, GET notices/warnings, GET notices/search?q=, GET notices/{id}, GET notices/{id}/attachments/{file};
/// // at a station POST notices/{id}/shown; at the county POST notices
/// ```
public struct NoticeRoutes: RouteProvider {
    let queries: NoticeQueries
    let site: DomainSite

    public init(_ site: DomainSite) {
        self.queries = NoticeQueries(store: site.store)
        self.site = site
    }

    public func addRoutes(to router: some RouterMethods<APIRequestContext>) {
        let notices = router.group("notices")
        notices.get { request, _ in
            let parameters = request.uri.queryParameters
            let all = parameters["all"].map { $0 == "true" || $0 == "1" } ?? false
            let limit = try request.integerParameter("limit", default: 20, in: 1...100)
            let offset = try request.integerParameter("offset", default: 0, in: 0...1_000_000)
            return JSONResponse(
                NoticeList(
                    notices: try await queries.list(
                        category: parameters["category"].map(String.init), all: all, limit: limit, offset: offset)))
        }
        notices.get("warnings") { _, _ in
            JSONResponse(NoticeList(notices: try await queries.warnings()))
        }
        notices.get("search") { request, _ in
            let text = request.uri.queryParameters["q"].map(String.init) ?? ""
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty, text.count <= 50 else {
                throw APIError.invalidField("q", message: "请输入 1 到 50 个字", messageEN: "q must be 1 to 50 characters")
            }
            let limit = try request.integerParameter("limit", default: 20, in: 1...100)
            return JSONResponse(SearchResults(query: text, hits: try await queries.search(text, limit: limit)))
        }
        if site.side == .county {
            notices.restricted(to: [.admin]).post { [site] request, context in
                // A division's staff publish for their division, or one beneath it.
                let published = try await request.decodeJSON(as: [Notice].self, context: context).map { notice in
                    var notice = notice
                    if notice.division.isEmpty { notice.division = context.principal?.division ?? "" }
                    try context.requireDivision(covering: notice.division, field: "division")
                    return notice
                }
                guard let county = try await site.replica() else { throw APIError.notEnrolled }
                try await NoticePublisher(replica: county).publish(published)
                return JSONResponse(Published(published: published.count, urgent: published.filter(\.urgent).count), status: .created)
            }
        }
        if site.side == .station {
            notices.post("{id}/shown") { [site] _, context in
                let id = try context.parameters.decoded("id")
                guard let replica = try await site.replica() else { throw APIError.notEnrolled }
                guard try await NoticeScreenings(replica: replica).markShown(id) else {
                    throw APIError.notFound("notice \(id)", field: "id")
                }
                return JSONResponse(Shown(id: id, shown: true))
            }
        }
        notices.get("{id}/attachments/{file}") { _, context in
            let (id, file) = (try context.parameters.decoded("id"), try context.parameters.decoded("file"))
            guard let (entry, content) = try await queries.attachment(file, of: id) else {
                throw APIError.notFound("attachment \(file) of notice \(id)", field: "file")
            }
            var headers = HTTPFields()
            headers[.contentType] = entry.mediaType
            headers[.contentDisposition] = "inline; filename*=UTF-8''"
                + (entry.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "attachment")
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: content)))
        }
        notices.get("{id}") { _, context in
            let id = try context.parameters.decoded("id")
            guard let detail = try await queries.notice(id: id) else { throw APIError.notFound("notice \(id)", field: "id") }
            return JSONResponse(detail)
        }
    }

    struct NoticeList: Codable, Sendable { let notices: [NoticeQueries.Summary] }
    struct Published: Codable, Sendable {
        let published: Int
        let urgent: Int
    }
    struct Shown: Codable, Sendable {
        let id: String
        let shown: Bool
    }
    struct SearchResults: Codable, Sendable {
        let query: String
        let hits: [NoticeQueries.Hit]
    }
}
