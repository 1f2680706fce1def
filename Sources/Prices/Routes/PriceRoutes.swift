import ChinaLocale
public import Hummingbird
public import Sync
public import WebAPI

/// The prices module's endpoints. Reads are public at both sides and answered from local data;
/// recording a price is the station's, by its logged-in operator; importing a spreadsheet of
/// prices as bulletins is the county administrator's.
///
/// ```swift
/// PriceRoutes(.station(store: store) { try await link.replica() }).addRoutes(to: router.group("api/v1"))
/// // GET prices/board, prices/movers, prices/markets, prices/varieties, prices/varieties/{code},
/// // prices/varieties/{code}/history, prices/observations; GET prices/local and POST prices/observations
/// // (station);
/// // POST prices/imports (county, a CSV body)
/// ```
public struct PriceRoutes: RouteProvider {
    let queries: PriceQueries
    let replica: @Sendable () async throws -> Replica?
    let side: DomainSite.Side

    /// A station offers `POST prices/observations`; the county, `POST prices/imports`.
    public init(_ site: DomainSite) {
        self.queries = PriceQueries(store: site.store)
        self.replica = site.replica
        self.side = site.side
    }

    public func addRoutes(to router: some RouterMethods<APIRequestContext>) {
        let prices = router.group("prices")
        prices.get("board") { request, _ in
            JSONResponse(try await queries.board(on: try Self.day(request)))
        }
        prices.get("movers") { request, _ in
            let limit = try request.integerParameter("limit", default: 5, in: 1...50)
            return JSONResponse(try await queries.movers(limit: limit, on: try Self.day(request)))
        }
        prices.get("markets") { _, _ in JSONResponse(MarketList(markets: try await queries.markets())) }
        prices.get("categories") { _, _ in JSONResponse(CategoryList(categories: try await queries.categories())) }
        prices.get("varieties") { request, _ in
            JSONResponse(VarietyList(varieties: try await queries.varieties(matching: request.uri.queryParameters["q"].map(String.init) ?? "")))
        }
        prices.get("varieties/{code}") { _, context in
            let code = try context.parameters.decoded("code")
            // At a station, its own county's markets first.
            let village = side == .station ? try await replica()?.village : nil
            guard let answer = try await queries.acrossMarkets(variety: code, near: village) else {
                throw APIError.notFound("variety \(code)", field: "code")
            }
            return JSONResponse(answer)
        }
        prices.get("varieties/{code}/history") { request, context in
            let code = try context.parameters.decoded("code")
            let days = try request.integerParameter("days", default: 30, in: 1...400)
            let market = request.uri.queryParameters["market"].map(String.init)
            guard let answer = try await queries.history(variety: code, days: days, market: market) else {
                throw APIError.notFound("variety \(code)", field: "code")
            }
            return JSONResponse(answer)
        }
        prices.get("observations") { request, context in
            let limit = try request.integerParameter("limit", default: 20, in: 1...200)
            // Staff of one division read its villages' prices; anyone else, every station's.
            let division = context.principal?.division ?? ""
            return JSONResponse(ObservationList(observations: try await queries.recentlyRecorded(within: division, limit: limit)))
        }
        if side == .station {
            // Today's prices at the station's own county's markets, for its home screen.
            prices.get("local") { request, _ in
                let limit = try request.integerParameter("limit", default: 3, in: 1...20)
                guard let village = try await replica()?.village else { throw APIError.notEnrolled }
                return JSONResponse(try await queries.localPrices(near: village, limit: limit))
            }
            prices.restricted(to: [.operator]).post("observations") { request, context in
                let body = try await request.decodeJSON(as: RecordRequest.self, context: context)
                let by = try context.actorName(claimed: body.recordedBy, field: "recorded_by")
                guard let replica = try await replica() else { throw APIError.notEnrolled }
                let recorded = try await PriceRecorder(replica: replica).record(body.price, by: by)
                return JSONResponse(recorded, status: .created)
            }
        } else {
            addImports(to: prices)
        }
    }

    /// A price an operator records; who records it is the logged-in operator.
    struct RecordRequest: Decodable {
        let price: PriceEntry
        let recordedBy: String?
    }

    struct MarketList: Codable, Sendable { let markets: [Market] }
    struct CategoryList: Codable, Sendable { let categories: [PriceCategory] }
    struct VarietyList: Codable, Sendable { let varieties: [PriceQueries.VarietyMatch] }
    struct ObservationList: Codable, Sendable { let observations: [PriceObservation] }

    static func day(_ request: Request) throws -> BeijingDay? {
        guard let text = request.uri.queryParameters["date"] else { return nil }
        guard let day = BeijingDay(String(text)) else {
            throw APIError.invalidField("date", message: "日期须为 YYYY-MM-DD", messageEN: "date must be YYYY-MM-DD")
        }
        return day
    }
}
