import Foundation

/// The programs of the previous release, built from its commit (`Tests/Fixtures/previous-release.txt`)
/// by `Scripts/build-previous-release`: the station a hub of this release must go on serving while
/// the stations are upgraded over months, and the county a station upgraded first must go on
/// syncing with (DESIGN §2.8). CI builds them before the tests; a test that finds them missing
/// builds them (one build at a time, minutes).
///
/// ```swift
/// let kiosk = try await PreviousRelease.kiosk()
/// try await ProgramProcess.succeed(kiosk, ["sync", "--data-dir", station])
/// ```
public enum PreviousRelease {
    /// The path of the previous release's `kiosk` executable.
    public static func kiosk() async throws -> String { try await executable("kiosk") }

    /// The path of the previous release's `syncserver` executable.
    public static func syncserver() async throws -> String { try await executable("syncserver") }

    static func executable(_ name: String) async throws -> String {
        let built = try await ProgramProcess.run(RepositoryPaths.root + "/Scripts/build-previous-release", [])
        guard built.status == 0, let folder = built.output.split(separator: "\n").last.map(String.init),
            FileManager.default.isExecutableFile(atPath: folder + "/" + name)
        else { throw ProgramFailure(message: "the previous release's \(name) did not build: \(built.error.suffix(2_000))") }
        return folder + "/" + name
    }
}
