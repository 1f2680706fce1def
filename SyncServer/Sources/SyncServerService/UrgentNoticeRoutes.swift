import Hummingbird
import Notices
import NoticesSQLite
import Storage
import Sync
import SyncHTTP
import WebAPI

/// The county's view of an urgent notice: for every enrolled station it reaches (those of its
/// division), when the county learnt it holds the notice and when the station first showed it, and which have not received it yet.
/// It joins what the sync layer records with the station registry and the notices module.
///
/// ```swift
/// UrgentNoticeRoutes(replica: replica, registry: registry).addRoutes(to: router.group("api/v1"))
/// // GET notices/{id}/receipts
/// ```
struct UrgentNoticeRoutes: RouteProvider {
    let replica: Replica
    let registry: StationRegistry

    struct StationReceipt: Codable, Sendable {
        let stationId: String
        let village: String
        let name: String
        let receivedAt: String?
        let firstShownAt: String?
    }

    struct Receipts: Codable, Sendable {
        let noticeId: String
        let stations: [StationReceipt]
        /// The stations that have not received it yet.
        let missing: [String]
    }

    func addRoutes(to router: some RouterMethods<APIRequestContext>) {
        router.restricted(to: [.admin]).get("notices/{id}/receipts") { _, context in
            let id = try context.parameters.decoded("id")
            let notices = NoticeQueries(store: replica.store)
            guard let notice = try await notices.notice(id: id)?.notice else {
                throw APIError.notFound("notice \(id)", field: "id")
            }
            let received = try await replica.urgentReceipts(collection: NoticesCollections.notice.name, recordID: id)
            let receivedAt = Dictionary(received.map { ($0.station, $0.receivedAt) }, uniquingKeysWith: min)
            let shown = try await notices.firstShown(of: id)
            let stations = try await registry.stations().filter {
                $0.enrolledAt != nil && $0.revokedAt == nil && context.sees($0.village)
                    && DivisionScopes(village: $0.village).contains(notice.division)
            }.map { station in
                StationReceipt(
                    stationId: station.id, village: station.village, name: station.name,
                    receivedAt: station.origin.flatMap { receivedAt[$0] }, firstShownAt: shown[station.village])
            }
            return JSONResponse(
                Receipts(noticeId: id, stations: stations, missing: stations.filter { $0.receivedAt == nil }.map(\.stationId)))
        }
    }
}
