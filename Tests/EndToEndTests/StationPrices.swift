import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport

/// Prices at a running program over its HTTP API, the one-time code of `station add` and a free
/// port: what the end-to-end suites that record and count prices share.
enum StationPrices {
    static let catalogue = """
        {"categories": [{"code": "01", "name": "种植业产品"}, {"code": "0101", "name": "谷物"}, {"code": "010103", "name": "玉米"}],
         "varieties": [{"code": "01010301", "name": "玉米", "category_code": "010103"}],
         "markets": [{"id": "M06", "name": "百侯镇农产品收购点", "region_code": "441422", "kind": "收购点"}]}
        """

    /// Records a price at the station; its id once the station answered 201.
    static func record(_ port: Int, avg: Int) async throws -> String? {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/prices/observations")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(secondsFromGMT: 8 * 3600)!, formatOptions: [.withFullDate])
        request.httpBody = Data(
            """
            {"price": {"variety_code": "01010301", "market_id": "M06", "observed_on": "\(today)",
             "min_fen": \(avg - 10), "avg_fen": \(avg), "max_fen": \(avg + 10), "unit": "元/公斤"}, "recorded_by": "李站长"}
            """.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 201 else { return nil }
        let body = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return body?["id"] as? String
    }

    /// The ids of the prices stations recorded, as a program's API lists them.
    static func recorded(_ port: Int) async throws -> [String] {
        let (data, _) = try await URLSession.shared.data(
            from: URL(string: "http://127.0.0.1:\(port)/api/v1/prices/observations?limit=200")!)
        let body = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (body?["observations"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    /// The one-time code in `syncserver station add`'s answer.
    static func code(in output: String) -> String? {
        let words = output.split(separator: " ")
        return words.first { $0.count == 11 && $0.dropFirst(5).first == "-" }.map { String($0) }
    }

    /// A port nobody listens on now, from the system.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

}
