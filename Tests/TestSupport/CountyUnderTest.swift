import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A county as real processes: its store made by the county's own commands (divisions, the price
/// catalogue, an administrator), then `syncserver serve` on a free port. What the suites on links,
/// commands and connections start from. A hub on PostgreSQL runs several `serve` processes on one
/// database (``start(in:database:instances:)``).
public struct CountyUnderTest {
    public let folder: TemporaryFolder
    public let directory: String
    public private(set) var server: ProgramProcess
    public let port: Int
    /// How every command names the county's store: `--data-dir <directory>`, or `--database <url>`.
    public let storage: [String]
    /// The hub's other `serve` processes on the same database, and their ports.
    public private(set) var others: [(server: ProgramProcess, port: Int)]

    /// 大埔县 with two townships and two villages, 侯南村 and 北塘村, as `syncserver divisions import` reads it.
    public static let divisions = """
        {"county": {"code": "441422", "name": "大埔县", "city": "梅州市", "province": "广东省"},
         "townships": [{"code": "441422107", "county_code": "441422", "name": "百侯镇"},
                       {"code": "441422113", "county_code": "441422", "name": "西河镇"}],
         "villages": [{"code": "441422107201", "township_code": "441422107", "name": "侯南村", "households": 612, "population": 2348},
                      {"code": "441422113203", "township_code": "441422113", "name": "北塘村", "households": 356, "population": 1412}]}
        """

    public var url: String { "http://127.0.0.1:\(port)" }

    public init(
        folder: TemporaryFolder, directory: String, server: ProgramProcess, port: Int, storage: [String]? = nil,
        others: [(server: ProgramProcess, port: Int)] = []
    ) {
        self.folder = folder
        self.directory = directory
        self.server = server
        self.port = port
        self.storage = storage ?? ["--data-dir", directory]
        self.others = others
    }

    public static func start(in folder: TemporaryFolder) async throws -> CountyUnderTest {
        let directory = folder.file("county")
        return try await start(in: folder, directory: directory, storage: ["--data-dir", directory], instances: 1)
    }

    /// A hub of `instances` `serve` processes on one PostgreSQL database.
    public static func start(in folder: TemporaryFolder, database: String, instances: Int) async throws -> CountyUnderTest {
        try await start(in: folder, directory: folder.file("county"), storage: ["--database", database], instances: instances)
    }

    private static func start(in folder: TemporaryFolder, directory: String, storage: [String], instances: Int) async throws
        -> CountyUnderTest
    {
        let divisions = folder.file("divisions.json")
        try Self.divisions.write(toFile: divisions, atomically: true, encoding: .utf8)
        try await ProgramProcess.succeed("syncserver", ["divisions", "import"] + storage + [divisions])
        let catalogue = folder.file("catalogue.json")
        try StationPrices.catalogue.write(toFile: catalogue, atomically: true, encoding: .utf8)
        try await ProgramProcess.succeed("syncserver", ["prices", "catalogue"] + storage + [catalogue])
        try await StationPrices.addAccount(
            "syncserver", storage: storage, login: StationPrices.adminLogin, name: "王科长", role: "admin", secret: StationPrices.adminPassword)
        var servers: [(server: ProgramProcess, port: Int)] = []
        for _ in 0..<instances {
            let server = try ProgramProcess("syncserver", ["serve", "--port", "0"] + storage)
            servers.append((server, try await server.listeningPort()))
        }
        return CountyUnderTest(
            folder: folder, directory: directory, server: servers[0].server, port: servers[0].port, storage: storage,
            others: Array(servers.dropFirst()))
    }

    /// The addresses of every `serve` process of the county.
    public var urls: [String] { ([port] + others.map(\.port)).map { "http://127.0.0.1:\($0)" } }

    /// A new station of 侯南村: what `kiosk enroll` is given for it (its one-time code and the
    /// county key's fingerprint), and its id.
    public func newStation(village: String = "441422107201") async throws -> (enrollment: [String], id: String) {
        let added = try await ProgramProcess.succeed(
            "syncserver", ["station", "add"] + storage + ["--village", village, "--name", "站"])
        guard let id = added.split(separator: " ").first(where: { $0.hasPrefix("st-") }).map({ String($0.prefix(11)) }) else {
            throw ProgramFailure(message: "no station id in: \(added)")
        }
        return (try StationPrices.enrollment(in: added), id)
    }

    /// A station of `village` in `directory`: enrolled with this county (through `server`, the
    /// county's own address by default), synced once, and with the operator's account. Its id.
    @discardableResult
    public func station(in directory: String, village: String = "441422107201", through server: String? = nil) async throws
        -> String
    {
        let (enrollment, id) = try await newStation(village: village)
        try await enroll(directory, enrollment, server: server)
        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", directory])
        try await StationPrices.addOperator(dataDir: directory)
        return id
    }

    /// Enrolls a station's data directory with this county, at `server` (the county's address by default).
    public func enroll(_ station: String, _ enrollment: [String], server: String? = nil) async throws {
        try await ProgramProcess.succeed("kiosk", ["enroll", "--data-dir", station, "--server", server ?? url] + enrollment)
    }

    /// `count` notices of about 200 characters each, as `syncserver notices publish` reads them.
    public static func notices(_ count: Int, prefix: String) -> String {
        let body = String(repeating: "各村做好冬季农业生产和耕地地力保护补贴申报工作。", count: 8)
        let items = (1...count).map { number in
            """
            {"id": "\(prefix)-\(number)", "issuer": "大埔县农业农村局", "document_number": "埔农[2026]\(number)号",
             "title": "关于第\(number)批补贴的通知", "category": "补贴政策", "signed_on": "2026-11-01",
             "published_on": "2026-11-02", "effective_on": "2026-11-02", "body": "\(body)\(number)"}
            """
        }
        return "[" + items.joined(separator: ",") + "]"
    }

    /// Publishes notices with `syncserver notices publish`, beside the running server.
    public func publishNotices(_ count: Int, prefix: String) async throws {
        let file = folder.file("notices-\(prefix).json")
        try Self.notices(count, prefix: prefix).write(toFile: file, atomically: true, encoding: .utf8)
        try await ProgramProcess.succeed("syncserver", ["notices", "publish"] + storage + [file])
    }

    /// A program's JSON answer to a GET, with a bearer token if given.
    public static func json(_ url: String, token: String? = nil) async throws -> [String: Any] {
        var request = URLRequest(url: URL(string: url)!)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The ids of the notices a program holds, every page of them.
    public static func noticeIDs(at base: String) async throws -> Set<String> {
        var ids: Set<String> = []
        for offset in stride(from: 0, to: 10_000, by: 100) {
            let page = try await json("\(base)/api/v1/notices?all=true&limit=100&offset=\(offset)")
            let found = (page["notices"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            ids.formUnion(found)
            if found.count < 100 { break }
        }
        return ids
    }

    /// Kills the hub's `index`-th `serve` process (0 is ``server``) with SIGKILL, and starts it
    /// again on the same port, where the stations and the balancer look for it.
    public mutating func restart(_ index: Int) async throws {
        let (process, port) = index == 0 ? (server, port) : others[index - 1]
        process.signal(SIGKILL)
        _ = await process.exitStatus()
        let again = try ProgramProcess("syncserver", ["serve", "--port", "\(port)"] + storage)
        _ = try await again.listeningPort()
        if index == 0 { server = again } else { others[index - 1] = (again, port) }
    }

    /// How many lines of the hub's `serve` processes' output so far contain `pattern`, all together.
    public func count(of pattern: String) -> Int {
        ([server] + others.map(\.server)).reduce(0) { $0 + $1.count(of: pattern) }
    }

    /// Waits until the hub's `serve` processes have written `total` lines containing `pattern`, all
    /// together: whether they did before their output ended or the deadline passed.
    public func awaitLines(containing pattern: String, total: Int, within seconds: Double = 300) async -> Bool {
        let processes = [server] + others.map(\.server)
        let count: @Sendable () -> Int = { processes.reduce(0) { $0 + $1.count(of: pattern) } }
        return await withTaskGroup(of: Bool.self) { group in
            for process in processes {
                group.addTask {
                    var seen = process.count(of: pattern)
                    while count() < total {
                        guard await process.line(containing: pattern, occurrence: seen + 1, within: seconds) != nil else { return false }
                        seen += 1
                    }
                    return true
                }
            }
            var reached = false
            for await answer in group where answer {
                reached = true
                group.cancelAll()
            }
            return reached
        }
    }

    /// Stops every `serve` process; the first one's exit status (the worst of them all, if any failed).
    public func stop() async -> Int32 {
        var worst: Int32 = 0
        for server in [server] + others.map(\.server) {
            server.signal(SIGTERM)
            let status = await server.exitStatus()
            if worst == 0 { worst = status }
        }
        return worst
    }
}
