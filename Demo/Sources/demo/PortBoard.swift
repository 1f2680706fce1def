/// Collects the ports both programs listen on, and wakes whoever waits for both.
actor PortBoard {
    private var county: Int?
    private var station: Int?
    private var waiter: CheckedContinuation<(Int, Int), Never>?

    func record(county port: Int) {
        county = port
        resumeIfReady()
    }

    func record(station port: Int) {
        station = port
        resumeIfReady()
    }

    /// Both ports, once both programs listen.
    func both() async -> (county: Int, station: Int) {
        if let county, let station { return (county, station) }
        return await withCheckedContinuation { waiter = $0 }
    }

    private func resumeIfReady() {
        guard let county, let station, let waiter else { return }
        self.waiter = nil
        waiter.resume(returning: (county, station))
    }
}
