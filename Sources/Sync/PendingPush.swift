public import Foundation

/// A station's next push as its log holds it: the ``PushRequest``'s JSON, written from the log's
/// text without decoding a change, and the sequences it carries.
///
/// Decoding a thousand changes into fields only to encode them again was most of what a push
/// cost a station's small processor.
///
/// ```swift
/// let pending = try await station.pendingPush(limit: 200)
/// let reply = try await transport.push(pending)
/// ```
public struct PendingPush: Sendable {
    /// The sequences of the changes it carries, ascending.
    public let sequences: [Int64]
    /// The push request as the wire carries it.
    public let wireJSON: Data
}
