/// Collects the ports the programs listen on (the county, the station, the phones' listener), and
/// wakes whoever waits for all three.
actor PortBoard {
    private var county: Int?
    private var station: Int?
    private var phone: Int?
    private var waiter: CheckedContinuation<(Int, Int, Int), Never>?

    func record(county port: Int) {
        county = port
        resumeIfReady()
    }

    func record(station port: Int) {
        station = port
        resumeIfReady()
    }

    func record(phone port: Int) {
        phone = port
        resumeIfReady()
    }

    /// The three ports, once all three listen.
    func all() async -> (county: Int, station: Int, phone: Int) {
        if let county, let station, let phone { return (county, station, phone) }
        return await withCheckedContinuation { waiter = $0 }
    }

    private func resumeIfReady() {
        guard let county, let station, let phone, let waiter else { return }
        self.waiter = nil
        waiter.resume(returning: (county, station, phone))
    }
}
