import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where the demo's two programs answer, and the check that they do.
struct DemoURLs {
    let host: String
    let countyPort: Int
    let stationPort: Int
    let phonePort: Int

    var county: String { "http://\(host):\(countyPort)" }
    var station: String { "http://\(host):\(stationPort)" }
    var phone: String { "http://\(host):\(phonePort)" }

    func banner(village: String, folder: String, check: Bool, enrolled: String) -> String {
        """

        大埔县演示已启动 — the 大埔县 demo is running.
          县级服务器 county server console:   \(county)/
          \(village)信息服务站 station screen:  \(station)/
          手机 phones (public screens only):  \(phone)/
          health:  \(county)/healthz   \(station)/healthz
          data:    \(folder)
          sync:    \(enrolled)
        \(DemoAccounts.banner)
        \(check ? "Checking both programs…" : "Press Ctrl-C to stop. 按 Ctrl-C 停止。")

        """
    }

    /// Fails unless both programs (and the station's listener for phones) answer `GET /healthz` with 200.
    func checkHealth() async throws {
        for base in [county, station, phone] {
            let (_, response) = try await URLSession.shared.data(from: URL(string: "\(base)/healthz")!)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else {
                throw DemoCheckFailure(url: "\(base)/healthz")
            }
        }
    }
}

struct DemoCheckFailure: Error, CustomStringConvertible {
    let url: String
    var description: String { "\(url) did not answer 200" }
}
