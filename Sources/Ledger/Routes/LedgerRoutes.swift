import ChinaLocale
public import Hummingbird
public import Sync
public import WebAPI

/// The ledger module's endpoints, at both programs. Disclosures are public (a villager reads them at
/// the kiosk without logging in); the books are read by bookkeepers, reviewers and the county's
/// administrator. A bookkeeper prepares, submits and opens sub-accounts; a reviewer (the township's
/// agency) reviews, posts, reverses, closes and publishes. Each act names the role it is done in;
/// the name it keeps is the logged-in person's. At a station every endpoint works on its own
/// village; at the county a `village` parameter names it.
///
/// ```swift
/// LedgerRoutes(.station(store: store) { try await link.replica() }).addRoutes(to: router.group("api/v1"))
/// // GET ledger/disclosures, ledger/disclosures/{id}, ledger/reports/…, ledger/journals/{account}, …
/// // POST ledger/drafts, ledger/drafts/{id}/submit|review|post, ledger/vouchers/{id}/reverse, ledger/closes, …
/// ```
public struct LedgerRoutes: RouteProvider {
    let queries: LedgerQueries
    let replica: @Sendable () async throws -> Replica?

    public init(_ site: DomainSite) {
        self.queries = LedgerQueries(store: site.store)
        self.replica = site.replica
    }

    public func addRoutes(to router: some RouterMethods<APIRequestContext>) {
        let ledger = router.group("ledger")
        ledger.get("disclosures") { request, _ in  // public (村务公开): any division's reader may read them
            JSONResponse(
                DisclosureList(disclosures: try await queries.disclosures(village: try await village(request), sealedBy: try await sealKey())))
        }
        ledger.get("disclosures/{id}") { _, context in
            let id = try context.parameters.decoded("id")
            guard let disclosure = try await queries.disclosure(id: id, sealedBy: try await sealKey()),
                try await visible(disclosure.villageCode)
            else {
                throw APIError.notFound("disclosure \(id)", field: "id")
            }
            return JSONResponse(disclosure)
        }
        let preparing = ledger.restricted(to: [.bookkeeper])
        let reviewing = ledger.restricted(to: [.reviewer])
        reviewing.post("disclosures") { request, context in
            let body = try await request.decodeJSON(as: PublishRequest.self, context: context)
            let village = try await village(request, context, body.villageCode)
            return JSONResponse(
                try await DisclosurePublisher(replica: try await writer())
                    .publish(body.period, village: village, villageName: body.villageName, by: try body.actor.actor(context)),
                status: .created)
        }
        addDrafts(preparing: preparing, reviewing: reviewing)
        addReports(to: ledger.restricted(to: [.bookkeeper, .reviewer, .admin]))
    }

    private func addDrafts(preparing: some RouterMethods<APIRequestContext>, reviewing: some RouterMethods<APIRequestContext>) {
        preparing.post("drafts") { request, context in
            let body = try await request.decodeJSON(as: DraftRequest.self, context: context)
            let books = Bookkeeper(replica: try await writer(), village: try await village(request, context, body.villageCode))
            return JSONResponse(try await books.prepare(body.entry, by: try body.actor.actor(context)), status: .created)
        }
        preparing.post("drafts/{id}/submit") { request, context in
            let body = try await request.decodeJSON(as: ActorRequest.self, context: context)
            let id = try await draft(context)
            return JSONResponse(try await Bookkeeper(replica: try await writer()).submit(draftID: id, by: try body.actor.actor(context)))
        }
        reviewing.post("drafts/{id}/review") { request, context in
            let body = try await request.decodeJSON(as: ReviewRequest.self, context: context)
            let books = Bookkeeper(replica: try await writer())
            return JSONResponse(
                try await books.review(draftID: try await draft(context), approve: body.approve, note: body.note ?? "", by: try body.actor.actor(context)))
        }
        reviewing.post("drafts/{id}/post") { request, context in
            let body = try await request.decodeJSON(as: ActorRequest.self, context: context)
            return JSONResponse(
                try await VoucherPoster(replica: try await writer()).post(draftID: try await draft(context), by: try body.actor.actor(context)),
                status: .created)
        }
        reviewing.post("vouchers/{id}/reverse") { request, context in
            let body = try await request.decodeJSON(as: ReverseRequest.self, context: context)
            let poster = VoucherPoster(replica: try await writer())
            return JSONResponse(
                try await poster.reverse(voucherID: try await voucher(context), on: body.date, reason: body.reason, by: try body.actor.actor(context)),
                status: .created)
        }
        reviewing.post("closes") { request, context in
            let body = try await request.decodeJSON(as: CloseRequest.self, context: context)
            let village = try await village(request, context, body.villageCode)
            try await VoucherPoster(replica: try await writer()).close(month: body.period, village: village, by: try body.actor.actor(context))
            return JSONResponse(Closed(villageCode: village, period: body.period), status: .created)
        }
        preparing.post("subaccounts") { request, context in
            let body = try await request.decodeJSON(as: SubAccountRequest.self, context: context)
            let books = Bookkeeper(replica: try await writer(), village: try await village(request, context, body.villageCode))
            return JSONResponse(try await books.open(body.entry, by: try body.actor.actor(context)), status: .created)
        }
    }

    /// At a station, the county's key its books are shown under (a disclosure only under the
    /// county's seal); `nil` at the county, whose books are the original.
    func sealKey() async throws -> ChangeSignature? {
        guard let station = try await replica(), station.village != nil else { return nil }
        return station.signature
    }

    /// The village a request works on: the station's own, or at the county the one it names.
    /// The village a request is about: the station's own, or at the county the one it names, which
    /// must lie in the logged-in staff member's division.
    func village(_ request: Request, _ context: APIRequestContext, _ named: String? = nil) async throws -> String {
        let village = try await village(request, named)
        try context.requireDivision(covering: village)
        return village
    }

    /// The draft a request acts on, by the `id` of its path, when it is of a village of the staff
    /// member's division (or of none held: the act then says it is unknown).
    func draft(_ context: APIRequestContext) async throws -> String {
        let id: String = try context.parameters.decoded("id")
        if let village = try await queries.village(ofDraft: id) { try context.requireDivision(covering: village) }
        return id
    }

    /// The voucher a request acts on, likewise.
    func voucher(_ context: APIRequestContext) async throws -> String {
        let id: String = try context.parameters.decoded("id")
        if let village = try await queries.village(ofVoucher: id) { try context.requireDivision(covering: village) }
        return id
    }

    /// The village a public request is about, whoever reads it.
    func village(_ request: Request, _ named: String? = nil) async throws -> String {
        if let own = try await replica()?.village { return own }
        guard let village = named ?? request.uri.queryParameters["village"].map(String.init), village.count == 12,
            village.allSatisfy(\.isNumber)
        else {
            throw APIError.invalidField("village", message: "须指明 12 位村代码", messageEN: "village must be a 12-digit village code")
        }
        return village
    }

    func visible(_ village: String) async throws -> Bool {
        guard let own = try await replica()?.village else { return true }
        return own == village
    }

    func writer() async throws -> Replica {
        guard let replica = try await replica() else { throw APIError.notEnrolled }
        return replica
    }

    static func required(_ request: Request, _ name: String) throws -> String {
        guard let value = request.uri.queryParameters[Substring(name)].map(String.init), !value.isEmpty else {
            throw APIError.invalidField(name, message: "缺少参数 \(name)", messageEN: "\(name) is required")
        }
        return value
    }
}
