public import Hummingbird
public import Sync
public import WebAPI

/// The traceability module's endpoints. Looking a code up and walking lineage are public at both
/// sides and answered from local data; a station's operator registers its lots, events, mixes and
/// certificates, and the county's administrator records events too (an official sampling, a recall).
///
/// ```swift
/// TraceRoutes(.station(store: store) { try await link.replica() }) { transaction, code in try transaction.villages.placeName(code: code) }
///     .addRoutes(to: router.group("api/v1"))
/// // GET trace/lookup?code=…, trace/lots, trace/lots/{id}/lineage; POST trace/lots, PATCH trace/lots/{id},
/// // POST trace/events, trace/transformations, trace/certificates (station); POST trace/events (county)
/// ```
public struct TraceRoutes: RouteProvider {
    let queries: TraceQueries
    /// Which program serves the routes: what it may write follows.
    let side: DomainSite.Side
    let replica: @Sendable () async throws -> Replica?

    public init(_ site: DomainSite, placeName: @escaping TraceQueries.PlaceName = { _, _ in nil }) {
        self.queries = TraceQueries(store: site.store, placeName: placeName)
        self.side = site.side
        self.replica = site.replica
    }

    public func addRoutes(to router: some RouterMethods<APIRequestContext>) {
        let trace = router.group("trace")
        trace.get("lookup") { request, _ in
            JSONResponse(try queries.lookup(request.uri.queryParameters["code"].map(String.init) ?? ""))
        }
        trace.restricted(to: [.operator, .admin]).get("lots") { request, _ in
            let limit = try request.integerParameter("limit", default: 20, in: 1...200)
            let village = try await replica()?.village
            return JSONResponse(LotList(lots: try await queries.recentLots(village: village, limit: limit)))
        }
        trace.get("lots/{id}/lineage") { request, context in
            let id = try context.parameters.decoded("id")
            let text = request.uri.queryParameters["direction"].map(String.init) ?? "upstream"
            guard let direction = TraceLineage.Direction(rawValue: text) else {
                throw APIError.invalidField(
                    "direction", message: "方向须为 upstream 或 downstream", messageEN: "direction must be upstream or downstream")
            }
            guard let lots = try await queries.lineage(of: id, direction: direction) else {
                throw APIError.notFound("lot \(id)", field: "id")
            }
            return JSONResponse(Lineage(lotID: id, direction: direction, lots: lots))
        }
        addWrites(to: trace.restricted(to: side == .station ? [.operator] : [.admin]))
    }

    private func addWrites(to trace: some RouterMethods<APIRequestContext>) {
        trace.post("events") { request, context in
            let body = try await request.decodeJSON(as: Recorded<EventEntry>.self, context: context)
            return JSONResponse(try await recorder().record(body.entry, by: try body.by(context)), status: .created)
        }
        guard side == .station else { return }
        trace.post("lots") { request, context in
            let body = try await request.decodeJSON(as: Recorded<LotEntry>.self, context: context)
            return JSONResponse(try await recorder().register(body.entry, by: try body.by(context)), status: .created)
        }
        trace.patch("lots/{id}") { request, context in
            let body = try await request.decodeJSON(as: Recorded<LotAmendment>.self, context: context)
            let id = try context.parameters.decoded("id")
            return JSONResponse(try await recorder().amend(lotID: id, body.entry, by: try body.by(context)))
        }
        trace.post("transformations") { request, context in
            let body = try await request.decodeJSON(as: Recorded<TransformationEntry>.self, context: context)
            return JSONResponse(try await recorder().transform(body.entry, by: try body.by(context)), status: .created)
        }
        trace.post("certificates") { request, context in
            let body = try await request.decodeJSON(as: Recorded<CertificateEntry>.self, context: context)
            return JSONResponse(try await recorder().issue(body.entry, by: try body.by(context)), status: .created)
        }
    }

    private func recorder() async throws -> TraceRecorder {
        guard let replica = try await replica() else { throw APIError.notEnrolled }
        return TraceRecorder(replica: replica)
    }

    /// What an operator records; who records it is the logged-in person.
    struct Recorded<Entry: Decodable & Sendable>: Decodable, Sendable {
        let entry: Entry
        let recordedBy: String?

        func by(_ context: APIRequestContext) throws -> String {
            try context.actorName(claimed: recordedBy, field: "recorded_by")
        }
    }

    struct LotList: Codable, Sendable { let lots: [TraceQueries.LotSummary] }

    struct Lineage: Codable, Sendable {
        let lotID: String
        let direction: TraceLineage.Direction
        let lots: [TraceQueries.LineageLot]

        enum CodingKeys: String, CodingKey {
            case direction, lots
            case lotID = "lotId"
        }
    }
}
