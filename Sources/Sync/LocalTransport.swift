/// A station's way to a county replica in the same process: for the demo's tools, benchmarks and
/// tests, where the HTTP layer is not what is being measured.
///
/// ```swift
/// let transport = LocalTransport(county: county, station: StationPeer(origin: station.origin, village: code))
/// try await SyncRound(station: station, transport: transport).run()
/// ```
public struct LocalTransport: SyncTransport {
    public let county: Replica
    public let station: StationPeer

    public init(county: Replica, station: StationPeer) {
        self.county = county
        self.station = station
    }

    public func push(_ request: PushRequest) async throws -> PushReply {
        try await county.receive(request, from: station)
    }

    public func pull(_ request: PullRequest) async throws -> PullReply {
        try await county.serve(request, for: station)
    }
}
