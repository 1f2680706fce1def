import Foundation
import Hummingbird
import Storage
import WebAPI

/// The notices module's endpoints, public at both sides and answered from local data.
///
/// ```swift
/// NoticeRoutes(store: store).addRoutes(to: router.group("api/v1"))
/// // GET notices, GET notices/search?q=, GET notices/{id}
/// ```
public struct NoticeRoutes: RouteProvider {
    let queries: NoticeQueries

    public init(store: Store) {
        self.queries = NoticeQueries(store: store)
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
        notices.get("search") { request, _ in
            let text = request.uri.queryParameters["q"].map(String.init) ?? ""
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty, text.count <= 50 else {
                throw APIError.invalidField("q", message: "请输入 1 到 50 个字", messageEN: "q must be 1 to 50 characters")
            }
            let limit = try request.integerParameter("limit", default: 20, in: 1...100)
            return JSONResponse(SearchResults(query: text, hits: try await queries.search(text, limit: limit)))
        }
        notices.get("{id}") { _, context in
            let id = try context.parameters.require("id")
            guard let detail = try await queries.notice(id: id) else { throw APIError.notFound("notice \(id)", field: "id") }
            return JSONResponse(detail)
        }
    }

    struct NoticeList: Codable, Sendable { let notices: [NoticeQueries.Summary] }
    struct SearchResults: Codable, Sendable {
        let query: String
        let hits: [NoticeQueries.Hit]
    }
}
