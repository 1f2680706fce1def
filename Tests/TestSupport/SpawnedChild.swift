import Foundation
import Glibc

/// A child process started with `posix_spawn`, its standard output and error on pipes of its own.
///
/// Foundation's `Process` is not used for the tests' programs: on Linux it lists `/proc/self/fd`
/// to close every other descriptor in the child, and with some 1,360 open (a test run's servers,
/// stores and pipes, all at once) it read past the end of its directory buffer and crashed the
/// run (signal 11 in `findMaximumOpenFromProcSelfFD`). Here every descriptor the tests make for a
/// child is close-on-exec, and the child closes all others before it runs (glibc's
/// `posix_spawn_file_actions_addclosefrom_np`), so a long-running server never holds a short
/// command's pipe either.
///
/// ```swift
/// let child = try SpawnedChild(executable: "/usr/bin/true", arguments: [], environment: [:], input: nil)
/// let status = child.waitForExit()   // 0
/// ```
struct SpawnedChild {
    let processIdentifier: pid_t
    /// The read ends of the child's standard output and standard error, owned by the caller.
    let output: Int32
    let error: Int32

    init(executable: String, arguments: [String], environment: [String: String], input: Data?) throws {
        let output = try Self.pipe(), error = try Self.pipe()
        let standardInput = input == nil ? nil : try Self.pipe()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let standardInput {
            posix_spawn_file_actions_adddup2(&actions, standardInput.read, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_adddup2(&actions, error.write, 2)
        if let closeFrom = Self.closeFrom { _ = closeFrom(&actions, 3) }

        var pid: pid_t = 0
        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        let status = posix_spawn(&pid, executable, &actions, nil, argv + [nil], envp + [nil])
        close(output.write)
        close(error.write)
        if let standardInput { close(standardInput.read) }
        guard status == 0 else {
            [output.read, error.read].forEach { close($0) }
            if let standardInput { close(standardInput.write) }
            throw ProgramFailure(message: "could not start \(executable): \(String(cString: strerror(status)))")
        }
        if let standardInput, let input {
            input.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(standardInput.write, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 && errno == EINTR { continue }
                    if written <= 0 { break }
                    offset += written
                }
            }
            close(standardInput.write)
        }
        processIdentifier = pid
        self.output = output.read
        self.error = error.read
    }

    /// Blocks until the child ends; its exit status, or the signal that ended it (as Foundation's
    /// `terminationStatus` says).
    func waitForExit() -> Int32 {
        var status: Int32 = 0
        while waitpid(processIdentifier, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : signal
    }

    /// Reads a descriptor to its end, each chunk handed to `take` as it comes (an empty one last),
    /// and closes it.
    static func read(_ descriptor: Int32, into take: (Data) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            take(Data(buffer[0..<count]))
        }
        close(descriptor)
        take(Data())
    }

    private static func pipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard Glibc.pipe(&ends) == 0 else { throw ProgramFailure(message: "no pipe: \(String(cString: strerror(errno)))") }
        // Close-on-exec (Swift's Glibc has no pipe2): the child's closing of all others covers the
        // moment between, for children started here.
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc
    /// module does not declare.
    private static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()
}
