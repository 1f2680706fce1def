import Foundation
import Synchronization

/// One of the package's programs run as a real process, with its output collected as it comes.
///
/// Waits are event-driven (a line appears, the output closes, the process exits) and each is
/// bounded by a deadline, after which the process is killed.
///
/// ```swift
/// let kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", folder.path])
/// let port = try await kiosk.listeningPort()
/// kiosk.signal(SIGTERM)
/// #expect(await kiosk.exitStatus() == 0)
/// ```
public final class ProgramProcess: Sendable {
    /// Runs a command to its end, with `input` on its standard input; its exit status and output.
    /// Past `seconds` it is killed, as ``exitStatus(within:)`` says.
    public static func run(
        _ program: String, _ arguments: [String], input: String? = nil, within seconds: Double = 300
    ) async throws -> (status: Int32, output: String, error: String) {
        let process = try ProgramProcess(program, arguments, input: input)
        let status = await process.exitStatus(within: seconds)
        return (status, process.standardOutput, process.standardError)
    }

    /// Runs a command that must succeed and answers its standard output; any other exit throws,
    /// naming the command, its status and what it wrote to standard error.
    @discardableResult
    public static func succeed(_ program: String, _ arguments: [String], input: String? = nil) async throws -> String {
        let (status, output, error) = try await run(program, arguments, input: input)
        guard status == 0 else {
            let command = ([program] + arguments).joined(separator: " ")
            throw ProgramFailure(message: "`\(command)` ended with status \(status); stderr: \(error) stdout: \(output)")
        }
        return output
    }

    private let child: SpawnedChild
    private let state = SharedState()

    private final class SharedState: Sendable {
        let lock = Mutex(State())
        func withLock<Result>(_ body: (inout State) -> Result) -> Result { lock.withLock { body(&$0) } }
    }

    private struct State {
        var standardOutput = Data()
        var standardError = Data()
        var outputClosed = false
        var errorClosed = false
        var status: Int32?
        var lineWaiters: [(id: UInt64, pattern: String, occurrence: Int, continuation: CheckedContinuation<String?, Never>)] = []
        var nextWaiter: UInt64 = 0
        var exitWaiters: [CheckedContinuation<Int32, Never>] = []

        /// Resumes every waiter whose answer is known, and every waiter at all when `giveUp`.
        mutating func wake(giveUp: Bool = false) {
            let lines = String(decoding: standardOutput, as: UTF8.self).split(separator: "\n")
            let ended = outputClosed || giveUp
            lineWaiters.removeAll { waiter in
                let matching = lines.filter { $0.contains(waiter.pattern) }
                if matching.count >= waiter.occurrence {
                    waiter.continuation.resume(returning: String(matching[waiter.occurrence - 1]))
                    return true
                }
                if ended { waiter.continuation.resume(returning: nil) }
                return ended
            }
            if let status = status ?? (giveUp ? -1 : nil), (outputClosed && errorClosed) || giveUp {
                exitWaiters.forEach { $0.resume(returning: status) }
                exitWaiters = []
            }
        }
    }

    public init(_ program: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws {
        child = try SpawnedChild(
            executable: program.hasPrefix("/") ? program : RepositoryPaths.executable(program), arguments: arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { $1 }, input: input.map { Data($0.utf8) })
        collect(child.output, into: \.standardOutput, closed: \.outputClosed)
        collect(child.error, into: \.standardError, closed: \.errorClosed)
        let child = child
        Thread { [state] in
            let status = child.waitForExit()
            state.withLock { state in
                state.status = status
                state.wake()
            }
        }.start()
    }

    /// Runs a command to its end on the calling thread: its exit status and standard output.
    public static func runBlocking(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (
        status: Int32, output: String
    ) {
        let child = try SpawnedChild(executable: program, arguments: arguments, environment: environment, input: nil)
        let error = Thread { SpawnedChild.read(child.error) { _ in } }
        error.start()
        var output = Data()
        SpawnedChild.read(child.output) { output.append($0) }
        return (child.waitForExit(), String(decoding: output, as: UTF8.self))
    }

    /// Appends a pipe's bytes to one buffer of the state as they arrive, read by a thread of its
    /// own with blocking reads: Foundation's `readabilityHandler` on Linux crashed the test run now
    /// and then (in libdispatch's event loop) when many processes came and went.
    private func collect(
        _ descriptor: Int32, into buffer: any WritableKeyPath<State, Data> & Sendable,
        closed: any WritableKeyPath<State, Bool> & Sendable
    ) {
        Thread { [state] in
            SpawnedChild.read(descriptor) { data in
                state.withLock { state in
                    state[keyPath: buffer].append(data)
                    if data.isEmpty { state[keyPath: closed] = true }
                    state.wake()
                }
            }
        }.start()
    }

    /// How many lines of standard output so far contain `pattern`.
    public func count(of pattern: String) -> Int {
        standardOutput.split(separator: "\n").filter { $0.contains(pattern) }.count
    }

    /// What the process wrote to standard output so far.
    public var standardOutput: String { state.withLock { String(decoding: $0.standardOutput, as: UTF8.self) } }
    /// What the process wrote to standard error so far.
    public var standardError: String { state.withLock { String(decoding: $0.standardError, as: UTF8.self) } }

    /// The first output line containing `pattern` (or its `occurrence`-th), or `nil` if the output
    /// ends, the deadline passes or the waiting task is cancelled first.
    public func line(containing pattern: String, occurrence: Int = 1, within seconds: Double = 300) async -> String? {
        let deadline = Task { [state] in
            try await Task.sleep(for: .seconds(seconds))
            state.withLock { $0.wake(giveUp: true) }
        }
        defer { deadline.cancel() }
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                state.withLock { state in
                    // Cancelled before the waiter was added, the handler found nothing to resume.
                    guard !Task.isCancelled else { return continuation.resume(returning: nil) }
                    state.lineWaiters.append((id, pattern, occurrence, continuation))
                    state.wake()
                }
            }
        } onCancel: { [state] in
            state.withLock { state in
                state.lineWaiters.removeAll { waiter in
                    if waiter.id == id { waiter.continuation.resume(returning: nil) }
                    return waiter.id == id
                }
            }
        }
    }

    /// The port in the program's `listening on http://HOST:PORT` line.
    public func listeningPort(within seconds: Double = 300) async throws -> Int {
        guard let line = await line(containing: "listening on http://", within: seconds),
            let port = line.split(separator: ":").last.flatMap({ Int($0.prefix { $0.isNumber }) })
        else {
            throw ProgramFailure(message: "no listening line; stderr: \(standardError)")
        }
        return port
    }

    /// The process's id, for what `/proc` says of it.
    public var processIdentifier: Int32 { child.processIdentifier }

    /// Whether the process has not ended yet.
    public var isRunning: Bool { state.withLock { $0.status == nil } }

    /// The most memory the process has held at once (its peak resident set, `VmHWM`), in bytes.
    public var peakResidentBytes: Int {
        let status = (try? String(contentsOfFile: "/proc/\(child.processIdentifier)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }

    /// Sends a signal, such as SIGTERM, to the process.
    public func signal(_ signal: Int32) {
        if isRunning { kill(child.processIdentifier, signal) }
    }

    /// The exit status once the process has ended and closed its output; past the deadline the
    /// process is killed, and -1 is answered if even that is not seen.
    public func exitStatus(within seconds: Double = 300) async -> Int32 {
        let killer = Task { [child, state] in
            try await Task.sleep(for: .seconds(seconds))
            if state.withLock({ $0.status == nil }) { kill(child.processIdentifier, SIGKILL) }
            try await Task.sleep(for: .seconds(5))  // time for the exit to be seen before giving up
            state.withLock { $0.wake(giveUp: true) }
        }
        defer { killer.cancel() }
        return await withCheckedContinuation { continuation in
            state.withLock { state in
                state.exitWaiters.append(continuation)
                state.wake()
            }
        }
    }

    deinit {
        if isRunning { kill(child.processIdentifier, SIGKILL) }
    }
}

/// A program did not behave as a test expected.
public struct ProgramFailure: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }

    public init(message: String) { self.message = message }
}
