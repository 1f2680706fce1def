import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import KioskService
import ServiceRuntime
import SyncServerService
import TestSupport
import Testing
import WebAPI
import NIOFoundationCompat
import ArgumentParser

@Suite struct ProgramEndpointTests {
    let folder = try! TemporaryFolder()

    /// The response's JSON object, or an empty one when the body is not a JSON object.
    func json(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
    }

    @Test(arguments: ProgramUnderTest.allCases)
    func openAPIDocumentListsExactlyTheRoutes(_ program: ProgramUnderTest) async throws {
        let document = try OpenAPIDocument(path: program.openAPIPath)
        let recorder = RouteRecorder<APIRequestContext>()
        try await program.withAssembly(in: folder) { $0.addRoutes(to: recorder) }
        #expect(document.version.hasPrefix("3."))
        #expect(recorder.routes.subtracting(document.operations).isEmpty, "routes missing from the document")
        #expect(document.operations.subtracting(recorder.routes).isEmpty, "documented operations with no route")
    }

    @Test(arguments: ProgramUnderTest.allCases)
    func healthReportsTheSchemaVersion(_ program: ProgramUnderTest) async throws {
        try await program.withClient(in: folder) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                let health = json(response)
                #expect(health["status"] as? String == "ok")
                #expect(health["program"] as? String == program.name)
                #expect(health["schema_version"] as? Int == program.schemaVersion)
                #expect(health["role"] as? String == program.role)
                #expect((health["replica_id"] as? String)?.count == 36)
            }
        }
    }

    @Test(arguments: ProgramUnderTest.allCases)
    func servesTheCountyAndItsVillages(_ program: ProgramUnderTest) async throws {
        try await program.withClient(in: folder) { client in
            try await client.execute(uri: "/api/v1/county", method: .get) { response in
                #expect(json(response)["name"] as? String == "大埔县")
            }
            try await client.execute(uri: "/api/v1/villages", method: .get) { response in
                let villages = json(response)["villages"] as? [[String: Any]]
                #expect(villages?.count == 3)
                #expect(villages?.first?["township_name"] as? String == "湖寮镇")
            }
            try await client.execute(uri: "/api/v1/villages/441422107201", method: .get) { response in
                #expect(json(response)["name"] as? String == "侯南村")
            }
            try await client.execute(uri: "/api/v1/villages/000000000000", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(json(response)["field"] as? String == "code")
            }
        }
    }

    @Test(arguments: ProgramUnderTest.allCases)
    func servesItsWebFrontAndJSONForUnknownPaths(_ program: ProgramUnderTest) async throws {
        try await program.withClient(in: folder) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<html"))
            }
            try await client.execute(uri: "/api/v1/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(json(response)["error"] as? String == "not_found")
            }
        }
    }

    @Test func settingsComeFromFlagsThenEnvironmentThenDefaults() throws {
        let flagged = try ServeOptions<KioskProgram>.parse(["--port", "9000"])
            .settings(environment: ["KIOSK_PORT": "7000", "KIOSK_HOST": "::1", "KIOSK_DATA_DIR": "/d"])
        #expect(flagged.port == 9000 && flagged.host == "::1" && flagged.dataDirectory == "/d")
        let defaults = try ServeOptions<SyncServerProgram>.parse([]).settings(environment: ["HOME": "/h"])
        #expect(defaults.port == 8090 && defaults.host == "127.0.0.1")
        #expect(defaults.dataDirectory == "/h/.local/share/syncserver")
        #expect(throws: StartupFailure.invalidSetting("KIOSK_PORT", rule: "a whole number", value: "eighty")) {
            _ = try ServeOptions<KioskProgram>.parse([]).settings(environment: ["KIOSK_PORT": "eighty"])
        }
        #expect(throws: StartupFailure.invalidSetting("port", rule: "0–65535", value: "70000")) {
            _ = try ServeOptions<KioskProgram>.parse(["--port", "70000"]).settings(environment: [:])
        }
    }
}
