import Foundation
import Synchronization
import TestSupport
import Testing

/// The harness every process test stands on: a short command's exit is seen when it happens, even
/// while long-running programs are started beside it, as the suites do when they run in parallel.
///
/// When the harness let Foundation's `Process` start them, a few of 200 short commands here had their
/// exit hidden by a long one that inherited their descriptors, in every run tried (status -1); and
/// with over some 1,360 descriptors open in the test run, `Process.run` crashed it.
@Suite(.timeLimit(.minutes(30))) struct ProgramProcessSpawningTests {
    @Test func aShortCommandsExitIsSeenWhileLongOnesStartBesideIt() async throws {
        let shortsDone = Atomic(false)
        // Long ones are started until the short ones are done (at most 100), each alive past every
        // short one's deadline, and killed at the end.
        let starter = Task {
            var sleepers: [ProgramProcess] = []
            while !shortsDone.load(ordering: .relaxed) && sleepers.count < 100 {
                sleepers.append(try ProgramProcess("/bin/sleep", ["90"]))
            }
            return sleepers
        }
        let statuses = try await withThrowingTaskGroup(of: [Int32].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var statuses: [Int32] = []
                    for _ in 0..<25 { statuses.append(try await ProgramProcess("/bin/true", []).exitStatus(within: 120)) }
                    return statuses
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        shortsDone.store(true, ordering: .relaxed)
        let sleepers = try await starter.value
        for sleeper in sleepers { sleeper.signal(SIGKILL) }
        #expect(statuses.count == 200)
        #expect(statuses.allSatisfy { $0 == 0 }, "statuses: \(statuses)")
        #expect(!sleepers.isEmpty)
    }

    /// A child holds its three standard streams and nothing else of the test run's, however many
    /// descriptors the run holds (past 1,400 here, where Foundation's `Process.run` could crash).
    @Test func aChildInheritsNoDescriptorOfTheRunAndManyOpenOnesDoNotHarmIt() async throws {
        let held = (0..<1_400).map { _ in open("/dev/null", O_RDONLY) }  // neither close-on-exec
        defer { held.forEach { close($0) } }
        #expect(held.allSatisfy { $0 >= 0 })
        let listed = try await ProgramProcess.succeed("/bin/ls", ["/proc/self/fd"])
        let descriptors = Set(listed.split(separator: "\n").compactMap { Int($0) })
        // ls's own listing of the folder is the fourth.
        #expect(descriptors.subtracting([0, 1, 2]).count <= 1, "the child held \(descriptors.sorted())")
    }
}
