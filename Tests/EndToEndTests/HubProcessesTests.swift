import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PostgresStorage
import SlowLink
import TestSupport
import Testing

/// A hub of a city or a province as its staff run it: two `syncserver serve` processes on one
/// PostgreSQL database behind a load balancer without affinity (a relay that sends each connection
/// to the next process), and real stations syncing through it while the county publishes.
@Suite(.timeLimit(.minutes(30))) struct HubProcessesTests {
    let folder = try! TemporaryFolder()

    /// Three stations (two of 侯南村, one of 北塘村) record prices and sync in small batches, all
    /// at once, each exchange through whichever process the balancer picks, while 30 notices are
    /// published from the command line: the county then holds every price once through either
    /// process, each station its village's prices and every notice, a code used through one process
    /// is refused through the other, and a console session opened at one is honoured at the other.
    @Test func stationsSyncThroughEitherProcessOfAHubOnOnePostgreSQL() async throws {
        try await PostgresForTests.withDatabase { address in
            let county = try await CountyUnderTest.start(in: folder, database: address.url, instances: 2)
            let balancer = try await SlowLink.start(balancingAcross: [county.port, county.others[0].port], profile: .lan)
            let hub = "http://127.0.0.1:\(balancer.port)"

            var stations: [(directory: String, village: String, prices: Set<String>)] = []
            for (number, village) in ["441422107201", "441422107201", "441422113203"].enumerated() {
                let directory = folder.file("station-\(number)")
                let (enrollment, _) = try await county.newStation(village: village)
                try await county.enroll(directory, enrollment, server: hub)
                if number == 0 {  // the code is spent for every process of the hub
                    let reused = try await ProgramProcess.run(
                        "kiosk", ["enroll", "--data-dir", folder.file("thief"), "--server", county.urls[1]] + enrollment)
                    #expect(reused.status == 1 && reused.error.contains("enrollment_refused"), "\(reused.error)")
                }
                stations.append((directory, village, try await recordPrices(at: directory, count: 20, from: 300 + 100 * number)))
            }

            let notices = folder.file("notices-HUB.json")
            try CountyUnderTest.notices(30, prefix: "HUB").write(toFile: notices, atomically: true, encoding: .utf8)
            let publish = ["notices", "publish"] + county.storage + [notices]
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { _ = try await ProgramProcess.succeed("syncserver", publish) }
                for station in stations {
                    let sync = ["sync", "--data-dir", station.directory, "--batch-size", "5"]
                    group.addTask { _ = try await ProgramProcess.succeed("kiosk", sync) }
                }
                try await group.waitForAll()
            }
            for station in stations { try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station.directory]) }

            let all = stations.reduce(into: Set<String>()) { $0.formUnion($1.prices) }
            for port in [county.port, county.others[0].port] {
                let held = try await StationPrices.recorded(port)
                #expect(held.count == all.count && Set(held) == all, "every price once at :\(port): \(held.count) of \(all.count)")
            }
            for station in stations {
                let (kiosk, port) = try await serve(station.directory)
                let village = stations.filter { $0.village == station.village }.reduce(into: Set<String>()) { $0.formUnion($1.prices) }
                #expect(Set(try await StationPrices.recorded(port)) == village)
                #expect(try await CountyUnderTest.noticeIDs(at: "http://127.0.0.1:\(port)").filter { $0.hasPrefix("HUB-") }.count == 30)
                kiosk.signal(SIGTERM)
                _ = await kiosk.exitStatus()
            }
            let served = [county.server, county.others[0].server].map { $0.count(of: "path=/sync/v1/") }
            #expect(served.allSatisfy { $0 > 5 }, "both processes answered the stations' exchanges: \(served)")

            let token = try #require(
                try await StationPrices.token(
                    county.port, login: StationPrices.adminLogin, secret: StationPrices.adminPassword))
            let listed = try await CountyUnderTest.json("\(county.urls[1])/api/v1/sync/stations", token: token)
            #expect((listed["stations"] as? [[String: Any]])?.filter { $0["enrolled_at"] is String }.count == 3, "\(listed)")

            try await balancer.stop()
            #expect(await county.stop() == 0)
        }
    }

    /// A client is counted once however the balancer spreads it: guesses at a station's signature
    /// sent in turn to either process run out of one bucket (30 failures, then one every two
    /// seconds). Counted by each process alone, they would run out of two: thirty more.
    @Test func aClientSpreadOverTheProcessesIsCountedOnce() async throws {
        try await PostgresForTests.withDatabase { address in
            let county = try await CountyUnderTest.start(in: folder, database: address.url, instances: 2)
            var statuses: [Int] = []
            let started = ContinuousClock.now
            for attempt in 0..<60 {
                var request = URLRequest(url: URL(string: "\(county.urls[attempt % 2])/sync/v1/pull")!)
                request.httpMethod = "POST"
                request.httpBody = Data(#"{"after":0,"limit":10}"#.utf8)
                for (name, value) in [
                    ("X-Forwarded-For", "203.0.113.7"), ("X-Station-Id", "st-guessing"), ("X-Request-Counter", "\(attempt + 1)"),
                    ("X-Signature", "AAAA"), ("Content-Type", "application/json"),
                ] {
                    request.setValue(value, forHTTPHeaderField: name)
                }
                let (_, response) = try await URLSession.shared.data(for: request)
                statuses.append((response as? HTTPURLResponse)?.statusCode ?? 0)
            }
            // Thirty, and one more for each two seconds the sixty took (a loaded machine takes longer
            // and lets more through, as the limit means to); two buckets would let thirty more through.
            let took = ContinuousClock.now - started
            let seconds = Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18
            let guessed = statuses.filter { $0 == 401 }.count
            #expect(guessed >= 30 && Double(guessed) <= 33 + seconds / 2, "\(guessed) in \(seconds) s: \(statuses)")
            #expect(statuses.allSatisfy { $0 == 401 || $0 == 429 }, "\(statuses)")
            #expect(await county.stop() == 0)
        }
    }

    /// A county on SQLite moved into a hub's database by `syncserver migrate --to`: its station goes
    /// on syncing with the hub from where it was, without enrolling again. What it records after the
    /// move reaches the hub once, beside what it had pushed before; what the hub publishes reaches it.
    /// A second move into a database that holds a hub is refused.
    @Test func aCountyMovedIntoAHubKeepsItsStationsWhereTheyWere() async throws {
        try await PostgresForTests.withDatabase { address in
            let county = try await CountyUnderTest.start(in: folder)
            let station = folder.file("station")
            try await county.station(in: station)
            let before = try await recordPrices(at: station, count: 5, from: 300)
            try await county.publishNotices(3, prefix: "OLD")
            try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station])
            #expect(await county.stop() == 0)

            let moved = try await ProgramProcess.succeed("syncserver", ["migrate", "--data-dir", county.directory, "--to", address.url])
            #expect(moved.contains("已迁移"), "\(moved)")
            let hub = try ProgramProcess("syncserver", ["serve", "--port", "\(county.port)", "--database", address.url])
            #expect(try await hub.listeningPort() == county.port)
            let after = try await recordPrices(at: station, count: 5, from: 400)
            let notices = folder.file("notices-NEW.json")
            try CountyUnderTest.notices(3, prefix: "NEW").write(toFile: notices, atomically: true, encoding: .utf8)
            try await ProgramProcess.succeed("syncserver", ["notices", "publish", "--database", address.url, notices])
            let synced = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", station])
            #expect(synced.status == 0 && synced.output.contains("pushed 5,"), "\(synced.output) \(synced.error)")

            let held = try await StationPrices.recorded(county.port)
            #expect(held.count == 10 && Set(held) == before.union(after), "\(held.count) prices held")
            let (kiosk, port) = try await serve(station)
            let ids = try await CountyUnderTest.noticeIDs(at: "http://127.0.0.1:\(port)")
            #expect(ids.filter { $0.hasPrefix("OLD-") }.count == 3 && ids.filter { $0.hasPrefix("NEW-") }.count == 3)
            kiosk.signal(SIGTERM)
            _ = await kiosk.exitStatus()
            let again = try await ProgramProcess.run("syncserver", ["migrate", "--data-dir", county.directory, "--to", address.url])
            #expect(again.status == 1 && again.error.contains("already holds a hub's log"), "\(again.error)")
            hub.signal(SIGTERM)
            #expect(await hub.exitStatus() == 0)
        }
    }

    /// A hub's database backed up by `syncserver backup` (pg_dump) while it serves, and restored by
    /// `syncserver restore` (pg_restore): what was published after the backup is gone, the log starts
    /// a new epoch, and its station syncs on without enrolling again.
    @Test func aHubIsBackedUpAndRestoredWithPostgreSQLsOwnTools() async throws {
        try await PostgresForTests.withDatabase { plain in
            // Over a link encrypted and checked, as a hub reaches its database across a government cloud.
            let address = PostgresForTests.encrypted(plain, .verifyFull(roots: PostgresForTests.rootCertificate))
            let county = try await CountyUnderTest.start(in: folder, database: address.url, instances: 1)
            let station = folder.file("station")
            try await county.station(in: station)
            try await county.publishNotices(3, prefix: "KEPT")
            let links = try PostgresForTests.links(to: address.database)
            #expect(links.encrypted > 0 && links.plain == 0, "\(links)")
            let dump = folder.file("hub.dump")
            let backup = try await ProgramProcess.succeed("syncserver", ["backup", "--database", address.url, "--to", dump])
            #expect(backup.contains("pg_dump") && FileManager.default.fileExists(atPath: dump))
            try await county.publishNotices(2, prefix: "LOST")
            #expect(await county.stop() == 0)

            let restored = try await ProgramProcess.succeed("syncserver", ["restore", "--database", address.url, "--from", dump])
            #expect(restored.contains("pg_restore") && restored.contains("新纪元"), "\(restored)")
            let hub = try ProgramProcess("syncserver", ["serve", "--port", "\(county.port)", "--database", address.url])
            _ = try await hub.listeningPort()
            let ids = try await CountyUnderTest.noticeIDs(at: county.url)
            #expect(ids.filter { $0.hasPrefix("KEPT-") }.count == 3 && !ids.contains { $0.hasPrefix("LOST-") })
            let synced = try await ProgramProcess.run("kiosk", ["sync", "--data-dir", station])
            #expect(synced.status == 0, "\(synced.error)")
            hub.signal(SIGTERM)
            #expect(await hub.exitStatus() == 0)
        }
    }

    /// Prices recorded at a station by its operator; their ids.
    func recordPrices(at directory: String, count: Int, from avg: Int) async throws -> Set<String> {
        // The catalogue first: a station records only the varieties it holds, and its own sync at
        // start may not have brought them yet on a loaded machine.
        try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", directory])
        try await StationPrices.addOperator(dataDir: directory)
        let (kiosk, port) = try await serve(directory)
        var ids: Set<String> = []
        for number in 0..<count { ids.insert(try #require(try await StationPrices.record(port, avg: avg + number))) }
        kiosk.signal(SIGTERM)
        #expect(await kiosk.exitStatus() == 0)
        return ids
    }

    func serve(_ directory: String) async throws -> (ProgramProcess, Int) {
        let kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", directory])
        return (kiosk, try await kiosk.listeningPort())
    }
}
