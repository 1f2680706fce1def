import Access
import KioskService
import SyncServerService
import WebAPI

/// The demo's people, so that a new user can log in to both fronts at once. Their secrets are
/// printed with the URLs; a real station and county make their own with `account add`.
///
/// ```swift
/// try await DemoAccounts.add(station: stationApp, county: countyApp)
/// ```
enum DemoAccounts {
    /// Login, name, roles and secret of each demo account at the station.
    static let station: [(Account, String)] = [
        (Account(login: "li", name: "李站长", roles: [.operator]), "246810"),
        (Account(login: "chen", name: "陈会计", roles: [.bookkeeper]), "135790"),
    ]
    /// The same at the county.
    static let county: [(Account, String)] = [
        (Account(login: "admin", name: "王科长", roles: [.admin, .reviewer]), "dabu-county-2026"),
        (Account(login: "zhou", name: "周审核", roles: [.reviewer]), "dabu-review-2026"),
    ]

    static func add(station app: KioskApplication, county: SyncServerApplication) async throws {
        for (account, secret) in station { try await app.logins.accounts.save(account, secret: secret) }
        for (account, secret) in Self.county { try await county.logins.accounts.save(account, secret: secret) }
    }

    /// Lines for the banner: who logs in where, with what.
    static var banner: String {
        let lines = { (accounts: [(Account, String)]) in
            accounts.map { "\($0.0.login) / \($0.1) (\($0.0.name), \($0.0.roles.sorted().map(\.chineseName).joined(separator: "、")))" }
                .joined(separator: ";  ")
        }
        return "  logins:  station PIN — \(lines(station))\n           county password — \(lines(county))"
    }
}
