public import Hummingbird
public import WebAPI

/// The villages module's endpoints: the county and its villages, public at both sides.
///
/// ```swift
/// VillageRoutes(VillageDirectory(store: store)).addRoutes(to: router.group("api/v1"))
/// // GET /api/v1/county, GET /api/v1/villages, GET /api/v1/villages/{code}
/// ```
public struct VillageRoutes: RouteProvider {
    let directory: VillageDirectory

    public init(_ directory: VillageDirectory) {
        self.directory = directory
    }

    public func addRoutes(to router: some RouterMethods<APIRequestContext>) {
        router.get("county") { _, _ in
            guard let county = try await directory.county() else {
                throw APIError.notFound("county (no divisions have been received yet)")
            }
            return JSONResponse(county)
        }
        router.get("villages") { _, _ in
            JSONResponse(VillageList(villages: try await directory.villages()))
        }
        router.get("villages/{code}") { _, context in
            let code = try context.parameters.decoded("code")
            guard let village = try await directory.village(code: code) else {
                throw APIError.notFound("village \(code)", field: "code")
            }
            return JSONResponse(village)
        }
    }

    struct VillageList: Codable, Sendable {
        let villages: [VillageEntry]
    }
}
