import Foundation
public import Hummingbird
import Sync
public import WebAPI

/// A sync round started from the station's screen (立即同步), for an operator who has just recorded
/// something and wants the county to have it now rather than at the next background round.
///
/// ```swift
/// StationSyncRoutes(link: link).addRoutes(to: router.group("api/v1"))
/// // POST sync/now → {"pushed": 1, "pulled": 0, "quarantined": 0}
/// ```
public struct StationSyncRoutes: RouteProvider {
    let link: StationLink

    public init(link: StationLink) { self.link = link }

    struct Moved: Encodable, Sendable {
        let pushed: Int
        let pulled: Int
        let quarantined: Int
    }

    public func addRoutes(to router: some RouterMethods<APIRequestContext>) {
        router.restricted(to: .anyStaff).post("sync/now") { _, _ in
            guard try await link.replica() != nil else { throw APIError.notEnrolled }
            do {
                let report = try await link.syncOnce()
                return JSONResponse(Moved(pushed: report.pushed, pulled: report.pulled, quarantined: report.quarantined))
            } catch let error as APIError {
                throw error
            } catch {
                throw APIError(
                    status: .badGateway, code: "county_unreachable", message: "连不上县里的服务器，稍后会自动再同步",
                    messageEN: "the county server could not be reached: \(error)")
            }
        }
    }
}
