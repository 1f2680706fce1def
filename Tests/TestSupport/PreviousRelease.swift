import Foundation

/// The station of the previous release, built from its commit (`Tests/Fixtures/previous-release.txt`)
/// by `Scripts/build-previous-release`: what a hub of this release must go on serving while the
/// stations are upgraded over months (DESIGN §2.8). CI builds it before the tests; a test that finds
/// it missing builds it (one build at a time, minutes).
///
/// ```swift
/// let kiosk = try await PreviousRelease.kiosk()
/// try await ProgramProcess.succeed(kiosk, ["sync", "--data-dir", station])
/// ```
public enum PreviousRelease {
    /// The path of the previous release's `kiosk` executable.
    public static func kiosk() async throws -> String {
        let script = RepositoryPaths.root + "/Scripts/build-previous-release"
        let built = try await ProgramProcess.run(script, [])
        guard built.status == 0, let path = built.output.split(separator: "\n").last.map(String.init),
            FileManager.default.isExecutableFile(atPath: path)
        else { throw ProgramFailure(message: "the previous release's kiosk did not build: \(built.error.suffix(2_000))") }
        return path
    }
}
