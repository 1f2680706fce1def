import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// Both HTTP APIs fuzzed from their OpenAPI documents by schemathesis (from PyPI; `.ci/run`
/// installs it) against the demo's programs with their sample data: no answer may be a 5xx.
/// Seeded, and bounded in examples per operation.
@Suite(.timeLimit(.minutes(8))) struct APIFuzzTests {
    let folder = try! TemporaryFolder()

    /// schemathesis's exit status and the end of its report.
    func fuzz(_ document: String, port: Int) throws -> (status: Int32, report: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "schemathesis", "run", RepositoryPaths.root + "/" + document, "--url", "http://127.0.0.1:\(port)",
            "--checks", "not_a_server_error", "--max-examples", "25", "--workers", "2", "--seed", "2026", "--no-color",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data.suffix(6_000), as: UTF8.self))
    }

    @Test func neitherAPIAnswersA5xxToAnythingItsDocumentAllows() async throws {
        let demo = try await DemoProcess.start(in: folder.file("demo"))
        defer { demo.process.signal(SIGTERM) }
        for (document, port) in [("Kiosk/openapi.json", demo.stationPort), ("SyncServer/openapi.json", demo.countyPort)] {
            let (status, report) = try fuzz(document, port: port)
            #expect(status != 127, "schemathesis is not installed: pip install schemathesis (.ci/run does)")
            #expect(status == 0, "\(document):\n\(report)")
        }
    }
}
