import ArgumentParser
import Foundation
import KioskService
import ServiceRuntime
import SyncHTTP
import SyncHTTPSQLite

/// `kiosk enroll`: makes the station's key pair and registers it with the county under a one-time code.
struct EnrollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll", abstract: "Register this station with its county server, using a one-time code.")

    @OptionGroup var storage: DataDirectoryOption<KioskProgram>

    @Option(help: "The county server's address, such as https://sync.dabu.example.")
    var server: String

    @Option(help: "The one-time code the county administrator gave (syncserver station add).")
    var code: String

    @Option(
        help: """
            The county key's fingerprint, as `syncserver station add` printed it (such as 3F2A-91BC-0D4E-77A1): \
            needed over plain http://, where a relay could answer with a key of its own; checked over https:// when given.
            """)
    var countyFingerprint: String?

    func run() async throws {
        guard let url = URL(string: server), url.scheme == "http" || url.scheme == "https" else {
            throw ValidationError("--server must be an http:// or https:// address")
        }
        let store = ServiceLauncher.openStoreOrExit(KioskProgram.self, dataDirectory: storage.path())
        do {
            let enrollment = try await StationEnrollment.enroll(store: store, server: url, code: code, fingerprint: countyFingerprint)
            print("本站已注册 — enrolled as station \(enrollment.stationID) of village \(enrollment.village) at \(url)")
        } catch {
            ServiceLauncher.fail("注册失败 — enrollment failed: \(error)", program: KioskProgram.name)
        }
    }
}
