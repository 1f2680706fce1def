/// Proving convergence (DESIGN §2.9): at a station, its buckets summed and the hub's records taken
/// in where they differ (``StationVerifier``); at the hub, its verdicts and records
/// (``HubVerifier``). ``Reconciliation`` runs the exchange.
extension Replica {
    /// Every bucket this station holds, summed from its rows as they are.
    public func dataSums() async throws -> [DataBucket: BucketSum] {
        try await verifier.sums()
    }

    /// A bucket's records as this station holds them: each id, its place and its digest.
    public func heldRecords(in bucket: DataBucket) async throws -> [HeldRecord] {
        try await verifier.records(in: bucket)
    }

    /// Takes in the hub's records of a bucket and drops those it holds none of; how many changed.
    public func mend(_ reply: MendReply, in bucket: DataBucket) async throws -> Int {
        try await verifier.mend(reply, in: bucket)
    }

    /// At the hub: a verdict on each range a station asks of.
    public func verify(_ request: VerifyRequest, for station: StationPeer) async throws -> VerifyReply {
        try await hubVerifier.verify(request, for: station)
    }

    /// At the hub: the records a station names, as a station of its village should hold them.
    public func mend(_ request: MendRequest, for station: StationPeer) async throws -> MendReply {
        try await hubVerifier.mend(request, for: station)
    }
}
