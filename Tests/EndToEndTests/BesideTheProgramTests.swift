import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SlowLink
import TestSupport
import Testing

/// What runs beside a running program: the county's publishing commands while it serves, sync
/// rounds started by hand while the station syncs in the background, and connections that send a
/// push's headers and then nothing. Against a county of one process, and a hub of two processes
/// on one PostgreSQL database.
@Suite(.timeLimit(.minutes(30))) struct BesideTheProgramTests {
    let folder = try! TemporaryFolder()

    /// Publishes a notice from the console as the county's administrator; its HTTP status.
    func publishFromConsole(at port: Int, id: String) async throws -> Int {
        let token = try #require(
            try await StationPrices.token(port, renew: true, login: StationPrices.adminLogin, secret: StationPrices.adminPassword))
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/notices")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.httpBody = Data(CountyUnderTest.notices(1, prefix: id).utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        #expect(status == 201, "\(String(decoding: data, as: UTF8.self))")
        return status
    }

    @Test(.serialized, arguments: HubLayout.allCases) func theCountysOwnWritesWorkAfterCommandsRunBesideIt(layout: HubLayout) async throws {
        #expect(try await layout.withCounty(in: folder) { county, port in try await writeBesideCommands(county, port) } == 0)
    }

    func writeBesideCommands(_ county: CountyUnderTest, _ port: Int) async throws {
        let (enrollment, _) = try await county.newStation()
        let station = folder.file("station")
        try await county.enroll(station, enrollment, server: "http://127.0.0.1:\(port)")
        // The catalogue first, which the station's price names: not left to the background round's race with the price.
        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])
        #expect(try await publishFromConsole(at: port, id: "FIRST") == 201)

        // Each command captures changes under the county's own origin, in a process of its own.
        let prices = folder.file("prices.csv")
        try "日期,品种,市场,最低价,平均价,最高价,单位\n2026-11-20,玉米,M06,2.40,2.60,2.80,元/公斤\n".write(
            toFile: prices, atomically: true, encoding: .utf8)
        try await ProgramProcess.succeed("syncserver", ["prices", "import"] + county.storage + [prices])
        let divisions = folder.file("divisions-more.json")
        try CountyUnderTest.divisions.replacingOccurrences(of: "侯南村", with: "侯南村（更名）")
            .write(toFile: divisions, atomically: true, encoding: .utf8)
        try await ProgramProcess.succeed("syncserver", ["divisions", "import"] + county.storage + [divisions])
        try await county.publishNotices(3, prefix: "CLI")

        // The running county's next own write, a station's push, and the county's write after it.
        #expect(try await publishFromConsole(at: port, id: "AFTER") == 201)
        try await StationPrices.addOperator(dataDir: station)
        let kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", station])
        let price = try #require(try await StationPrices.record(try await kiosk.listeningPort(), avg: 260))
        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])
        #expect(try await StationPrices.recorded(port).contains(price))
        #expect(try await publishFromConsole(at: port, id: "LAST") == 201)
        let notices = try await CountyUnderTest.noticeIDs(at: "http://127.0.0.1:\(port)")
        #expect(notices.isSuperset(of: ["FIRST-1", "CLI-1", "CLI-3", "AFTER-1", "LAST-1"]))
        kiosk.signal(SIGTERM)
        #expect(await kiosk.exitStatus() == 0)
    }

    /// Rounds started by hand while the station syncs in the background take their turns: none is
    /// refused as a replay, and one that finds a round in progress says it waits for it.
    @Test(.serialized, arguments: HubLayout.allCases) func syncRoundsOfOneStationTakeTurns(layout: HubLayout) async throws {
        #expect(try await layout.withCounty(in: folder) { county, port in try await syncInTurns(county, port) } == 0)
    }

    func syncInTurns(_ county: CountyUnderTest, _ port: Int) async throws {
        let (enrollment, _) = try await county.newStation()
        let station = folder.file("station")
        try await county.enroll(station, enrollment, server: "http://127.0.0.1:\(port)")
        try await county.publishNotices(40, prefix: "TURN")
        let kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", station])
        _ = try await kiosk.listeningPort()
        let rounds = try await withThrowingTaskGroup(of: (Int32, String).self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let round = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", station, "--batch-size", "5"])
                    return (round.status, round.error)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for (status, error) in rounds {
            #expect(status == 0, "\(error)")
        }

        // A round held by another holder of the lock (here, this test) is waited for.
        let lock = open(folder.file("station/kiosk.sqlite-sync.lock"), O_RDWR | O_CREAT, 0o600)
        #expect(flock(lock, LOCK_EX) == 0)
        let waiting = try ProgramProcess("kiosk", ["sync", "--data-dir", station])
        #expect(await waiting.line(containing: "waiting for the sync round in progress", within: 120) != nil)
        close(lock)
        #expect(await waiting.exitStatus(within: 120) == 0, "\(waiting.standardError)")
        kiosk.signal(SIGTERM)
        #expect(await kiosk.exitStatus() == 0)
    }

    /// Sixty-four connections that send a signed-looking push's headers and then a byte now and
    /// then hold no slot: an honest station's push goes through while they are all still open.
    @Test(.serialized, arguments: HubLayout.allCases) func connectionsThatSendNoBodyDelayNoPush(layout: HubLayout) async throws {
        #expect(try await layout.withCounty(in: folder) { county, port in try await pushBesideIdleConnections(county, port) } == 0)
    }

    func pushBesideIdleConnections(_ county: CountyUnderTest, _ port: Int) async throws {
        let station = folder.file("station")
        let stationID = try await county.station(in: station, through: "http://127.0.0.1:\(port)")
        let kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", station])
        let price = try #require(try await StationPrices.record(try await kiosk.listeningPort(), avg: 270))
        kiosk.signal(SIGTERM)
        #expect(await kiosk.exitStatus() == 0)

        let head = """
            POST /sync/v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Station-Id: \(stationID)\r\nX-Request-Counter: 999999\r\n\
            X-Signature: \(String(repeating: "A", count: 86))==\r\nContent-Encoding: deflate\r\nContent-Length: 65536\r\n\r\n
            """
        let idle = try (0..<64).map { _ in try TrickleConnection(port: port, head: head) }
        let trickle = Task {
            while !Task.isCancelled {
                for connection in idle { connection.send("x") }
                try await Task.sleep(for: .seconds(5))
            }
        }
        let synced = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", station], within: 300)
        #expect(synced.status == 0 && synced.output.contains("pushed 1"), "\(synced.output) \(synced.error)")
        let stillOpen = idle.filter(\.isOpen).count
        #expect(stillOpen == 64, "\(64 - stillOpen) idle connections were closed before the push went through")
        trickle.cancel()
        idle.forEach { $0.close() }
        #expect(try await StationPrices.recorded(port).contains(price))
    }
}
