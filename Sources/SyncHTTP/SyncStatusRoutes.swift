import Foundation
public import Hummingbird
public import Sync
public import WebAPI

/// Sync state for staff who have logged in, at either side: status, quarantine, open conflicts and
/// resolving one (under the logged-in person's name). At a hub, a staff member of a division sees and
/// resolves its villages' conflicts only, and sees the quarantine of its stations only (by the
/// registry's origins), in the list and in the status's counts.
///
/// At a station that is not enrolled yet, each answers 409 `not_enrolled`.
///
/// ```swift
/// SyncStatusRoutes(.station(store: store) { try await link.replica() }).addRoutes(to: router.group("api/v1"))
/// // GET sync/status, GET sync/quarantine, GET sync/conflicts, POST sync/conflicts/{id}/resolve
/// ```
public struct SyncStatusRoutes: RouteProvider {
    let replica: @Sendable () async throws -> Replica?
    let stations: StationRegistry?

    /// - Parameter stations: at a hub, its registry, whose origins say which station's quarantine a
    ///   division's staff see.
    public init(_ site: DomainSite, stations: StationRegistry? = nil) {
        self.replica = site.replica
        self.stations = stations
    }

    /// A person's choice of the value a conflicting field keeps.
    struct Resolution: Decodable {
        let value: SyncValue
        let resolvedBy: String?
    }

    struct ConflictList: Codable, Sendable { let conflicts: [Conflict] }
    struct QuarantineList: Codable, Sendable { let quarantined: [QuarantineEntry] }

    public func addRoutes(to router: some RouterMethods<APIRequestContext>) {
        let staff = router.restricted(to: .anyStaff)
        staff.get("sync/status") { _, context in
            let status = try await enrolled().status()
            guard let origins = try await origins(context) else { return JSONResponse(status) }
            return JSONResponse(
                status.counting(
                    quarantined: try await enrolled().quarantinedCount(from: origins), openConflicts: try await openConflicts(context).count))
        }
        staff.get("sync/quarantine") { _, context in
            JSONResponse(QuarantineList(quarantined: try await enrolled().quarantined(from: try await origins(context))))
        }
        staff.get("sync/conflicts") { _, context in
            JSONResponse(ConflictList(conflicts: try await openConflicts(context)))
        }
        staff.post("sync/conflicts/{id}/resolve") { request, context in
            let id = try context.parameters.decoded("id")
            let resolution = try await request.decodeJSON(as: Resolution.self, context: context)
            let person = try context.actorName(claimed: resolution.resolvedBy, field: "resolved_by")
            let roles = Set(try context.requirePrincipal().roles.map(\.rawValue))
            if let conflict = try await enrolled().openConflicts().first(where: { $0.id == id }) {
                try context.requireDivision(covering: conflict.scope, field: "id")
            }
            do {
                try await enrolled().resolve(conflictID: id, choosing: resolution.value, by: person, holding: roles)
            } catch SyncError.noOpenConflict {
                throw APIError.notFound("open conflict \(id)", field: "id")
            }
            return JSONResponse(ConflictList(conflicts: try await openConflicts(context)))
        }
    }

    /// The open conflicts the logged-in person may see: those of their division's villages.
    func openConflicts(_ context: APIRequestContext) async throws -> [Conflict] {
        try await enrolled().openConflicts().filter { context.sees($0.scope) }
    }

    /// The origins of the stations a division's staff member sees; `nil` for anyone else, who sees all.
    func origins(_ context: APIRequestContext) async throws -> Set<String>? {
        guard let stations, let division = context.principal?.division, !division.isEmpty else { return nil }
        return Set(try await stations.stations().filter { context.sees($0.village) }.compactMap(\.origin))
    }

    func enrolled() async throws -> Replica {
        guard let replica = try await replica() else { throw APIError.notEnrolled }
        return replica
    }
}
