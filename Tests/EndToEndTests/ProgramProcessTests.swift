import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The programs as an operator meets them: real processes, real ports, real signals.
@Suite(.timeLimit(.minutes(30))) struct ProgramProcessTests {
    let folder = try! TemporaryFolder()

    static let programs = ["kiosk", "syncserver"]

    func serve(_ program: String, port: Int = 0, dataDir: String) throws -> ProgramProcess {
        try ProgramProcess(program, ["serve", "--port", String(port), "--data-dir", dataDir])
    }

    @Test(arguments: programs)
    func servesHealthAndStopsCleanlyOnSIGTERM(_ program: String) async throws {
        let server = try serve(program, dataDir: folder.file(program))
        let port = try await server.listeningPort()
        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/healthz")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("\"schema_version\""))
        #expect(server.standardOutput.contains("hb.request.id="))
        server.signal(SIGTERM)
        #expect(await server.exitStatus() == 0)
        #expect(server.standardOutput.contains("stopped"))
    }

    @Test(arguments: programs)
    func busyPortGivesOneLineAndFailure(_ program: String) async throws {
        let first = try serve(program, dataDir: folder.file("first"))
        let port = try await first.listeningPort()
        let second = try serve(program, port: port, dataDir: folder.file("second"))
        let status = await second.exitStatus()
        #expect(status != 0)
        let lines = second.standardError.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(second.standardError)")
        #expect(lines.first?.hasPrefix("\(program): ") == true)
        #expect(lines.first?.contains("已被占用") == true && lines.first?.contains("already in use") == true)
        #expect(!second.standardOutput.contains("Fatal error"))
        first.signal(SIGTERM)
        #expect(await first.exitStatus() == 0)
    }

    @Test(arguments: programs)
    func unwritableDataDirectoryGivesOneLineAndFailure(_ program: String) async throws {
        // Under a regular file nothing can be created, even by root.
        let file = folder.file("not-a-folder")
        #expect(FileManager.default.createFile(atPath: file, contents: Data()))
        for dataDir in [file + "/data", "/proc/\(program)-data"] {
            let server = try serve(program, dataDir: dataDir)
            #expect(await server.exitStatus() == 1)
            let lines = server.standardError.split(separator: "\n")
            #expect(lines.count == 1, "stderr: \(server.standardError)")
            #expect(lines.first?.contains(dataDir) == true)
            #expect(lines.first?.contains("数据目录") == true)
        }
    }

    @Test func badEnvironmentSettingGivesOneLine() async throws {
        let server = try ProgramProcess(
            "kiosk", ["serve", "--data-dir", folder.file("k")], environment: ["KIOSK_PORT": "eighty"])
        #expect(await server.exitStatus() == 1)
        #expect(server.standardError.split(separator: "\n") == ["kiosk: 设置 KIOSK_PORT 的值 \"eighty\" 无效 — setting KIOSK_PORT must be a whole number, got \"eighty\""])
    }

    @Test func demoStartsBothProgramsWithSampleData() async throws {
        let demo = try ProgramProcess(
            "demo", ["--folder", folder.file("demo"), "--county-port", "0", "--kiosk-port", "0", "--phone-port", "0", "--check"])
        #expect(await demo.exitStatus(within: 1_200) == 0, "stderr: \(demo.standardError)")
        #expect(demo.standardOutput.contains("侯南村信息服务站"))
        #expect(demo.standardOutput.contains("检查通过"))
        #expect(FileManager.default.fileExists(atPath: folder.file("demo/county/syncserver.sqlite")))
        #expect(FileManager.default.fileExists(atPath: folder.file("demo/station-441422107201/kiosk.sqlite")))
    }
}
