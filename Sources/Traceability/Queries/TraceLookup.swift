/// What a person sees after scanning or typing a code, in the order REFERENCE §3 gives: a large
/// 查到/未查到 verdict with the product and a 合格 badge, then warnings (a recall, a
/// safety-interval violation, a failed test), the producer (a natural person's name and phone
/// masked), origin, dates, quantity, tests, the promise, the flow from field to market, official
/// inspections and any recall.
///
/// ```swift
/// let answer = try TraceQueries(store: store).lookup("6901234567892")
/// answer.headline        // "查到" or "未查到"
/// answer.found?.badge    // "合格"
/// ```
public struct TraceLookup: Codable, Sendable {
    public enum Verdict: String, Codable, Sendable {
        case found
        /// Nothing is held under this code: 未查到, never "invalid".
        case notFound = "not_found"
        /// Nothing is held, and the code's check character is wrong: most likely mistyped.
        case mistyped
    }

    public let code: String
    public let reading: CodeReading
    public let verdict: Verdict
    public let headline: String
    public let found: Found?

    public struct Found: Codable, Sendable {
        public let lotID: String
        public let traceCode: String
        public let productName: String
        /// 合格 only with a certificate, no failed test, no violation and no recall.
        public let passed: Bool
        public let badge: String
        public let warnings: [Warning]
        public let producer: Producer
        public let origin: Origin
        public let harvestedOn: String?
        public let certificate: Certificate?
        public let quantityG: Int64
        public let quantity: String
        public let tests: [Test]
        public let promise: String?
        public let timeline: [Step]
        public let inspections: [Test]
        public let recall: Recall?
        /// How many lots it was made from, and how many were made from it.
        public let sources: Int
        public let destinations: Int

        enum CodingKeys: String, CodingKey {
            case traceCode, productName, passed, badge, warnings, producer, origin, harvestedOn, certificate, quantityG
            case quantity, tests, promise, timeline, inspections, recall, sources, destinations
            case lotID = "lotId"
        }
    }

    /// Shown above everything else, in red.
    public struct Warning: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable {
            case recall, safetyInterval = "safety_interval", failedTest = "failed_test", noCertificate = "no_certificate"
        }
        public let kind: Kind
        public let message: String
    }

    public struct Producer: Codable, Sendable, Equatable {
        public let name: String
        public let kind: String
        public let phone: String
    }

    public struct Origin: Codable, Sendable, Equatable {
        public let villageCode: String
        public let village: String
        public let place: String
    }

    public struct Certificate: Codable, Sendable, Equatable {
        public let code: String
        public let issuedOn: String
    }

    public struct Test: Codable, Sendable, Equatable {
        public let on: String
        public let kind: String
        public let item: String
        public let passed: Bool
        public let tester: String
    }

    /// One step of the flow, oldest first, through the lots it was made from.
    public struct Step: Codable, Sendable, Equatable {
        public let at: String
        public let stage: String
        public let kind: TraceEventKind
        public let what: String
        public let place: String
        public let party: String
        public let traceCode: String
    }

    public struct Recall: Codable, Sendable, Equatable {
        public let on: String
        public let reason: String
        public let traceCode: String
    }
}
