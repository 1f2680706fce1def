import SyncSQLite
import DomainCore
import DemoData
import Storage
import Sync
import TestSupport
import Testing
import WebAPI

@testable import Villages
import VillagesPostgres
import VillagesSQLite
import PostgresStorage
import SyncPostgres
import GRDB

@Suite struct DivisionRulesTests {
    var divisions = SampleCounty.divisions

    @Test func sampleCountyIsValid() throws {
        try DivisionRules.validate(divisions)
    }

    @Test mutating func countyCodeMustBeSixDigitsOfAProvince() {
        divisions.county.code = "44142"
        #expect(throws: DomainError.self) { try DivisionRules.validate(divisions) }
        divisions.county.code = "991422"
        #expect(failure(of: divisions)?.field == "county.code")
    }

    @Test mutating func townshipMustNestInItsCounty() {
        divisions.townships[1].code = "441423107"
        #expect(failure(of: divisions)?.field == "townships[1].code")
    }

    @Test mutating func villageMustNestInAListedTownship() {
        divisions.villages[2].townshipCode = "441422199"
        #expect(failure(of: divisions)?.field == "villages[2].township_code")
        divisions = SampleCounty.divisions
        divisions.villages[2].code = "44142210020"
        #expect(failure(of: divisions)?.field == "villages[2].code")
    }

    @Test mutating func codesAreUniqueAndNamesPresent() {
        divisions.villages[1].code = divisions.villages[0].code
        divisions.villages[1].townshipCode = divisions.villages[0].townshipCode
        #expect(failure(of: divisions)?.field == "villages[1].code")
        divisions = SampleCounty.divisions
        divisions.villages[0].name = "  "
        #expect(failure(of: divisions)?.field == "villages[0].name")
        divisions = SampleCounty.divisions
        divisions.villages[0].households = -1
        #expect(failure(of: divisions)?.field == "villages[0].households")
    }

    func failure(of divisions: Divisions) -> DomainError? {
        do {
            try DivisionRules.validate(divisions)
            return nil
        } catch {
            return error
        }
    }
}

@Suite struct VillageDirectoryTests {
    let folder = try! TemporaryFolder()

    /// A county on the hub's store, for the length of `body`.
    func withCounty(_ hub: HubStore, _ body: (Replica) async throws -> Void) async throws {
        try await hub.withHandles(
            role: "county",
            sqlite: {
                try Store.open(
                    path: folder.file("v.sqlite"), role: "county", schema: Schema(modules: [SyncSchema.migrations, VillagesSchema.migrations]))
            },
            postgres: PostgresSchema(modules: [SyncPostgresSchema.migrations, VillagesPostgresSchema.migrations])
        ) { stores in
            try await body(Replica(store: stores[0], role: .county, collections: VillagesCollections.all))
        }
    }

    @Test(arguments: HubStore.allCases) func publishesAndReadsDivisions(hub: HubStore) async throws {
        try await withCounty(hub) { county in try await Self.publishesAndReads(county) }
    }

    static func publishesAndReads(_ county: Replica) async throws {
        let directory = VillageDirectory(store: county.store)
        #expect(try await directory.county() == nil)
        try await directory.publish(SampleCounty.divisions, through: county)
        try await directory.publish(SampleCounty.divisions, through: county)  // publishing again changes nothing
        let logged = try await county.loggedCount()
        #expect(logged == 7)
        #expect(try await directory.county() == SampleCounty.county)
        let villages = try await directory.villages()
        #expect(villages.map(\.code) == SampleCounty.villages.map(\.code).sorted())
        let houNan = try #require(try await directory.village(code: "441422107201"))
        #expect(houNan.fullName == "大埔县百侯镇侯南村")
        #expect(try await directory.village(code: "441422999999") == nil)
    }

    @Test(arguments: HubStore.allCases) func invalidDivisionsAreNotPublished(hub: HubStore) async throws {
        try await withCounty(hub) { county in try await Self.invalidAreNotPublished(county) }
    }

    static func invalidAreNotPublished(_ county: Replica) async throws {
        let directory = VillageDirectory(store: county.store)
        try await directory.publish(SampleCounty.divisions, through: county)
        var broken = SampleCounty.divisions
        broken.villages[0].code = "x"
        broken.villages[1].name = "改名"
        await #expect(throws: DomainError.self) { try await directory.publish(broken, through: county) }
        #expect(try await directory.villages().map(\.name).sorted() == SampleCounty.villages.map(\.name).sorted())
        let logged = try await county.loggedCount()
        #expect(logged == 7)  // one change per record of the first publication, none of the refused one
    }
}
