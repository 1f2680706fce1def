import PostgresStorage
import StoreInterface
import TestSupport
import Testing

/// The PostgreSQL store's own rules: its address as typed, its identity, the write lock's
/// transactions, and which failures are a change's fault.
@Suite struct PostgresStoreTests {
    @Test func anAddressIsReadNamingWhatIsWrongAndNeverRepeatsItsPassword() throws {
        let address = try PostgresAddress("postgres://hub:s3cret@10.0.0.5:6432/province", environment: [:])
        #expect(address.host == "10.0.0.5" && address.port == 6432 && address.user == "hub" && address.database == "province")
        #expect(address.description == "postgres://hub@10.0.0.5:6432/province")
        #expect(try PostgresAddress("postgresql://hub@db/hub", environment: ["PGPASSWORD": "from-env"]).password == "from-env")
        let checked = try PostgresAddress("postgres://hub:s3cret@db/hub?sslmode=verify-full&sslrootcert=/etc/hub-ca.crt", environment: [:])
        #expect(checked.tls == .verifyFull(roots: "/etc/hub-ca.crt"))
        #expect(checked.description == "postgres://hub@db:5432/hub?sslmode=verify-full&sslrootcert=/etc/hub-ca.crt")
        #expect(try PostgresAddress(checked.url, environment: [:]) == checked)  // what a child process is handed
        #expect(checked.libpqTLSEnvironment == ["PGSSLMODE": "verify-full", "PGSSLROOTCERT": "/etc/hub-ca.crt"])
        for (text, rule) in [
            ("mysql://hub:s3cret@db/hub", "postgres://user:password@host:port/database"), ("postgres://hub:s3cret@db", "no database"),
            ("postgres://db/hub", "no user"), ("postgres://hub:s3cret@db/hub?sslmode=prefer", "sslmode=prefer"),
            ("postgres://hub:s3cret@db/hub?application_name=x", "application_name=x"),
        ] {
            #expect(throws: PostgresStoreError.self) { try PostgresAddress(text, environment: [:]) }
            do {
                _ = try PostgresAddress(text, environment: [:])
            } catch {
                #expect(error.messageEN.contains(rule), "\(error.messageEN)")
                #expect(!error.messageEN.contains("s3cret"), "\(error.messageEN)")
            }
        }
    }

    @Test func aStoreKeepsItsIdentityAndRefusesAnotherProgramsDatabase() async throws {
        try await PostgresForTests.withDatabase { address in
            let schema = PostgresSchema(modules: [])
            let first = try await PostgresStore.open(address, role: "county", schema: schema)
            let again = try await PostgresStore.open(address, role: "county", schema: schema)
            #expect(first.replicaID == again.replicaID && !first.replicaID.isEmpty)
            #expect(try first.schemaVersion() == 1)
            await first.close()
            await again.close()
            await #expect(throws: PostgresStoreError.wrongRole(address: address.description, holds: "county", expected: "kiosk")) {
                _ = try await PostgresStore.open(address, role: "kiosk", schema: schema)
            }
        }
    }

    @Test func aValueItsColumnCannotHoldIsTheStatementsFaultAndUndoesOnlyItsSavepoint() async throws {
        try await PostgresForTests.withDatabase { address in
            let schema = PostgresSchema(modules: [
                [PostgresMigration(module: "t", number: 1, name: "t", sql: "CREATE TABLE t (id TEXT PRIMARY KEY, n BIGINT NOT NULL)")]
            ])
            let store = try await PostgresStore.open(address, role: "county", schema: schema)
            let kept = try await store.writing { transaction in
                let db = try transaction.postgres
                try db.execute("INSERT INTO t(id, n) VALUES ($1, $2)", "a", 1)
                var fault: String?
                do {
                    _ = try db.withSavepoint { try db.execute("INSERT INTO t(id, n) VALUES ($1, $2)", "b", "many") }
                } catch {
                    fault = PostgresTransaction.faultOfTheStatement(error)
                }
                #expect(fault?.contains("bigint") == true, "\(fault ?? "no fault")")
                try db.execute("INSERT INTO t(id, n) VALUES ($1, $2)", "c", 3)
                return try db.rows("SELECT id FROM t ORDER BY id").map { $0.text("id") }
            }
            #expect(kept == ["a", "c"])
            await store.close()
        }
    }

    /// Rows held back are written a statement a table: every read sees them, each table keeps
    /// their order, a savepoint undoes those held inside it, a refused row fails inside its
    /// savepoint, and a rollback sends none.
    @Test func rowsHeldBackAreSeenByEveryReadAndUndoneWithTheirSavepoint() async throws {
        try await PostgresForTests.withDatabase { address in
            let schema = PostgresSchema(modules: [
                [
                    PostgresMigration(
                        module: "t", number: 1, name: "t",
                        sql: """
                            CREATE TABLE t (position BIGINT GENERATED ALWAYS AS IDENTITY, id TEXT PRIMARY KEY, n BIGINT NOT NULL);
                            CREATE TABLE u (id TEXT PRIMARY KEY);
                            """)
                ]
            ])
            let store = try await PostgresStore.open(address, role: "county", schema: schema)
            let count = 2_500  // more than one statement carries
            let (order, fault) = try await store.writing { transaction in
                let db = try transaction.postgres
                for index in 0..<count {
                    try db.insertAhead(into: "t", columns: ["id", "n"], ["r\(index)", index])
                    if index % 500 == 0 { try db.insertAhead(into: "u", columns: ["id"], ["u\(index)"]) }
                }
                #expect(try db.integer("SELECT COUNT(*) FROM t") == Int64(count))
                try db.withSavepoint { try db.insertAhead(into: "t", columns: ["id", "n"], ["savepoint", 1]) }
                struct Undo: Error {}
                _ = try? db.withSavepoint {
                    try db.insertAhead(into: "t", columns: ["id", "n"], ["thrown", 1])
                    throw Undo()
                }
                var fault: String?
                do {
                    try db.withSavepoint {
                        try db.insertAhead(into: "t", columns: ["id", "n"], ["fine", 1])
                        try db.insertAhead(into: "t", columns: ["id", "n"], ["refused", PostgresNull()])
                    }
                } catch {
                    fault = PostgresTransaction.faultOfTheStatement(error)
                }
                try db.insertAhead(into: "t", columns: ["id", "n"], ["last", 1])
                let order = try db.rows("SELECT id FROM t ORDER BY position").map { $0.text("id") }
                return (order, fault)
            }
            #expect(order == (0..<count).map { "r\($0)" } + ["savepoint", "last"])
            #expect(fault?.contains("null value") == true, "\(fault ?? "no fault")")
            struct Abort: Error {}
            await #expect(throws: Abort.self) {
                try await store.writing { transaction in
                    try transaction.postgres.insertAhead(into: "u", columns: ["id"], ["rolled back"])
                    throw Abort()
                }
            }
            let kept = try await store.reading { transaction in
                try transaction.postgres.rows("SELECT id FROM u ORDER BY id").map { $0.text("id") }
            }
            #expect(kept == ["u0", "u1000", "u1500", "u2000", "u500"])
            await store.close()
        }
    }

    /// The link to the database encrypted as `sslmode` says: `require` encrypts, `verify-full`
    /// checks the server's certificate against the roots given (the test cluster's own, made by
    /// `Scripts/start-postgres`), and refuses a server the roots do not vouch for.
    @Test func aLinkAskedToBeEncryptedIsAndAnUncheckedServerIsRefused() async throws {
        try await PostgresForTests.withDatabase { plain in
            let schema = PostgresSchema(modules: [])
            for tls in [PostgresAddress.TLSMode.require, .verifyFull(roots: PostgresForTests.rootCertificate)] {
                let address = PostgresForTests.encrypted(plain, tls)
                let store = try await PostgresStore.open(address, role: "county", schema: schema)
                let encrypted = try await store.reading { transaction in
                    try transaction.postgres.text("SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                }
                #expect(encrypted == "true", "\(tls)")
                await store.close()
            }
            let unvouched = PostgresForTests.encrypted(plain, .verifyFull(roots: nil))
            await #expect(throws: (any Error).self) { _ = try await PostgresStore.open(unvouched, role: "county", schema: schema) }
        }
    }
}
