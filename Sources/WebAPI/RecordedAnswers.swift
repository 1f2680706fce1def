/// The answer a creating request got, kept under its idempotency key so that a repeat of the request
/// (a second tap, a retry after a lost reply) gets it again instead of creating a second record.
///
/// ```swift
/// let answer = RecordedAnswer(status: 201, contentType: "application/json", body: Array(#"{"id":"L1"}"#.utf8))
/// try await answers.record(answer, under: "li\nPOST /api/v1/trace/lots\nk-1")
/// ```
public struct RecordedAnswer: Sendable, Equatable {
    public let status: Int
    public let contentType: String?
    public let body: [UInt8]

    public init(status: Int, contentType: String?, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}

/// Where a program keeps the answers of creating requests by key, for as long as a repeat can come
/// (a day). The program's store implements it; ``IdempotencyMiddleware`` reads and writes it.
public protocol RecordedAnswers: Sendable {
    /// The answer kept under a key, if one is.
    func answer(under key: String) async throws -> RecordedAnswer?
    /// Holds a key while its request runs, for every process that serves the store: `true` when
    /// this request took it, `false` while another holds it or an answer is kept under it.
    func claim(_ key: String) async throws -> Bool
    /// Lets go of a key whose request kept no answer, so that a repeat may run.
    func release(_ key: String) async throws
    /// Keeps an answer under a key (and forgets those older than a day).
    func record(_ answer: RecordedAnswer, under key: String) async throws
}
