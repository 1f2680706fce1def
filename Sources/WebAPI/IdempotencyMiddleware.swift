public import HTTPTypes
public import Hummingbird
import NIOCore
import Synchronization

/// Makes a creating request safe to repeat (IETF `Idempotency-Key`): a request that carries the
/// header gets, on a repeat with the same key, the answer the first one got — the same record,
/// not a second. A repeat that arrives while the first is still running waits for it, in this
/// process or in another that serves the same store (``RecordedAnswers/claim(_:)``). The key is
/// the client's, kept per logged-in account, method and path (a request without a login is never
/// kept); only a successful answer is kept, so a request that failed may be tried again.
///
/// ```swift
/// router.add(middleware: logins.middleware)   // first, so that the account is known
/// router.add(middleware: IdempotencyMiddleware(answers: logins.answers))
/// ```
public struct IdempotencyMiddleware<Context: PrincipalRequestContext>: RouterMiddleware {
    /// The request header a client sends its key in.
    public static var header: HTTPField.Name { HTTPField.Name("Idempotency-Key")! }
    /// The response header that marks a repeated answer.
    public static var replayedHeader: HTTPField.Name { HTTPField.Name("Idempotent-Replayed")! }

    let answers: any RecordedAnswers
    let running = RunningKeys()

    public init(answers: any RecordedAnswers) {
        self.answers = answers
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        // Only a logged-in person's acts: an answer is replayed to no one else, and no anonymous
        // request (a login, whose answer holds a session) is ever kept.
        guard request.method != .get, request.method != .head, let key = request.headers[Self.header],
            let login = context.principal?.login
        else {
            return try await next(request, context)
        }
        guard (1...100).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw APIError.invalidField(
                "Idempotency-Key", message: "请求标识须为 1 到 100 个可见字符",
                messageEN: "the Idempotency-Key header must be 1 to 100 visible ASCII characters")
        }
        let scoped = "\(login)\n\(request.method) \(request.uri.path)\n\(key)"
        // The key is held before the kept answers are read: a first request that ends between the
        // read and the hold can then not be run a second time.
        while !(await running.claim(scoped)) {}
        defer { running.release(scoped) }  // after the answer is kept, so that a waiting repeat finds it
        if let answer = try await awaitAnswerOrClaim(scoped) { return Self.response(replaying: answer) }
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            try? await answers.release(scoped)
            throw error
        }
        guard (200..<300).contains(response.status.code) else {
            try? await answers.release(scoped)  // if it cannot be let go now, it lapses
            return response
        }
        let (kept, answer) = try await Self.keep(response)
        try await answers.record(answer, under: scoped)  // in place of the claim
        return kept
    }

    /// The answer kept under the key, or nil once this request holds the key in the store. While
    /// the same request runs in another process of the hub (a balancer sent the repeat there), it
    /// waits for that one's answer, checking every tenth of a second, for at most `waitLimit`.
    func awaitAnswerOrClaim(_ key: String) async throws -> RecordedAnswer? {
        let clock = ContinuousClock()
        let deadline = clock.now + Self.waitLimit
        while true {
            if let answer = try await answers.answer(under: key) { return answer }
            if try await answers.claim(key) { return nil }
            guard clock.now < deadline else {
                throw APIError(
                    status: .conflict, code: "request_in_progress", message: "同一请求仍在处理中，请稍后再试",
                    messageEN: "the same request (its Idempotency-Key) is still running; try again shortly")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// How long a repeat waits for the first request running in another process.
    static var waitLimit: Duration { .seconds(30) }

    /// The response read into memory (a creating request's answer is a small JSON), as kept and as sent.
    static func keep(_ response: Response) async throws -> (Response, RecordedAnswer) {
        let collected = CollectedBody()
        var copy = response
        try await response.body.write(collected.writer)
        let bytes = collected.bytes
        copy.body = ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        return (copy, RecordedAnswer(status: response.status.code, contentType: response.headers[.contentType], body: bytes))
    }

    static func response(replaying answer: RecordedAnswer) -> Response {
        var headers = HTTPFields()
        if let type = answer.contentType { headers[.contentType] = type }
        headers[Self.replayedHeader] = "true"
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

/// The keys whose first request is running: a repeat waits for it to end.
final class RunningKeys: Sendable {
    let waiting = Mutex<[String: [CheckedContinuation<Void, Never>]]>([:])

    /// Takes the key and answers `true`; or, while another request holds it, waits until it is
    /// released and answers `false`, so that the caller tries again.
    func claim(_ key: String) async -> Bool {
        let claimed = waiting.withLock { waiting -> Bool in
            guard waiting[key] == nil else { return false }
            waiting[key] = []
            return true
        }
        if claimed { return true }
        await withCheckedContinuation { (released: CheckedContinuation<Void, Never>) in
            let held = waiting.withLock { waiting -> Bool in
                guard waiting[key] != nil else { return false }
                waiting[key]!.append(released)
                return true
            }
            if !held { released.resume() }
        }
        return false
    }

    func release(_ key: String) {
        let waiters = waiting.withLock { $0.removeValue(forKey: key) } ?? []
        for waiter in waiters { waiter.resume() }
    }
}

/// A response body written into memory.
final class CollectedBody: Sendable {
    let buffer = Mutex<[UInt8]>([])
    var bytes: [UInt8] { buffer.withLock { $0 } }
    var writer: Writer { Writer(body: self) }

    struct Writer: ResponseBodyWriter {
        let body: CollectedBody
        mutating func write(_ buffer: ByteBuffer) async throws {
            body.buffer.withLock { $0 += Array(buffer.readableBytesView) }
        }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
