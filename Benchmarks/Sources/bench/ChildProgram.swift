import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One of the project's programs (`kiosk`, `syncserver`) run as a process of its own, so that what
/// it costs is its own: its peak resident set is read while it runs.
///
/// The programs are looked for beside the running `bench`, so build them all first
/// (`swift build -c release`).
///
/// ```swift
/// let county = try ChildProgram.launch("syncserver", ["serve", "--data", folder, "--port", "0"], log: logFile)
/// let port = try await county.listeningPort()
/// county.signal(SIGTERM)
/// let (status, peakBytes) = await county.wait()
/// ```
final class ChildProgram: Sendable {
    let pid: pid_t
    let log: URL

    init(pid: pid_t, log: URL) {
        self.pid = pid
        self.log = log
    }

    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is not built; run `swift build -c release` before the benchmark" }
    }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    /// The folder `bench` runs from, where SwiftPM puts the other programs of the same build.
    static var buildFolder: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// Starts a program with its standard output and error both written to `log`.
    static func launch(_ program: String, _ arguments: [String], log: URL) throws -> ChildProgram {
        let path = buildFolder.appendingPathComponent(program).path
        guard FileManager.default.isExecutableFile(atPath: path) else { throw Missing(path: path) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard result == 0 else { throw Failed(description: "could not start \(program): \(String(cString: strerror(result)))") }
        return ChildProgram(pid: pid, log: log)
    }

    /// Runs a program to its end: its exit status, its output and its peak resident set.
    static func run(_ program: String, _ arguments: [String], log: URL) async throws -> (status: Int32, output: String, peakBytes: Int) {
        let child = try launch(program, arguments, log: log)
        let (status, peak) = await child.wait()
        return (status, child.output, peak)
    }

    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// The port of the program's `listening on http://HOST:PORT` line, looked for every 50 ms.
    func listeningPort(within seconds: Double = 60) async throws -> Int {
        for _ in 0..<Int(seconds * 20) {
            if let line = output.split(separator: "\n").first(where: { $0.contains("listening on http://") }),
                let port = line.split(separator: ":").last.flatMap({ Int($0.prefix { $0.isNumber }) })
            {
                return port
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failed(description: "no listening line within \(seconds) s: \(output)")
    }

    func signal(_ signal: Int32) { kill(pid, signal) }

    /// The resident set now, from `/proc/PID/status`.
    var residentBytes: Int { statusBytes("VmRSS:") }

    /// The peak resident set of the program's own memory so far, from `/proc/PID/status`.
    ///
    /// Not `wait4`'s `ru_maxrss`: a child started by `posix_spawn` shares the parent's memory
    /// until it executes the program, and Linux keeps that size as the child's peak, so a small
    /// program started by a large benchmark reported the benchmark's gigabyte.
    var peakBytes: Int { statusBytes("VmHWM:") }

    /// A size line of `/proc/PID/status` (given in kB), in bytes; 0 once the process is gone.
    func statusBytes(_ key: String) -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix(key) } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1_024
    }

    /// Waits for the end on a thread of its own, reading the peak every 20 ms until then: the
    /// exit status, and the last peak read.
    func wait() async -> (status: Int32, peakBytes: Int) {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { [self] in
                var (status, peak): (Int32, Int) = (0, 0)
                while true {
                    peak = max(peak, peakBytes)
                    let ended = waitpid(pid, &status, WNOHANG)
                    if ended == pid || (ended < 0 && errno != EINTR) { break }
                    usleep(20_000)
                }
                let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                continuation.resume(returning: (exit, peak))
            }
        }
    }
}
