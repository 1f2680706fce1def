import ArgumentParser
import ServiceRuntime
import Sync
import SyncServerService

/// `syncserver log`: the county's sync log.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Look after the county's sync log.", subcommands: [Compact.self])

    /// `syncserver log compact`: what `syncserver serve` does once a day, now.
    struct Compact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the superseded versions logged before the days kept.",
            discussion: """
                A change goes once later changes of its record set every field it sets; ledger and trace \
                history, urgent changes and each origin's last change stay. A station whose position is \
                below the floor takes a snapshot of its scope at its next sync, or in its next bundle. \
                The floor is where the log stood the days kept ago, as this command or the server noted \
                it (once a day); with --keep-days 0, where it stands now.
                """)
        @OptionGroup var storage: DataDirectoryOption<SyncServerProgram>
        @Option(help: "Keep every version logged within this many days; 0 compacts up to now.") var keepDays = 30

        func run() async throws {
            guard keepDays >= 0 else { throw ValidationError("--keep-days must be 0 or more") }
            try await CountyPublishing.run(storage: storage, reading: "the county's log") { (county: Replica) in
                let done = try await county.compactLog(keepingDays: keepDays)
                guard done.floor > 0 else {
                    print("the log is not \(keepDays) days old yet as noted: nothing compacted, \(done.left) changes")
                    return
                }
                print("compacted the log up to position \(done.floor): removed \(done.removed) superseded changes, \(done.left) left")
            }
        }
    }
}
