import Foundation
import SlowLink

extension LinkBench {
    /// What the cuts of a link that drops cost a catch-up, against EDGE's catch-up of the same gap
    /// in the same run: the bytes sent again and the time lost per cut. On a flapping link the time
    /// it spent down is not counted as lost: no link could have used it.
    func cutFigures(_ result: CatchUp, station: Station, steady: CatchUp) -> [Figure] {
        let profile = station.profile
        let cuts = max(station.link.connections.cut, 1)
        let batch = steady.bytes / max(steady.exchanges, 1)
        let resent = max(0, result.bytes - steady.bytes)
        let down = profile.flapping.map { Self.secondsDown($0, within: result.seconds) } ?? 0
        let lost = max(0, result.seconds - down - steady.seconds)
        return [
            Figure(
                name: "\(profile.name): bytes sent again against EDGE's for the same gap, per cut",
                value: "\(resent / cuts) B per cut (\(station.link.connections.cut) cuts)", baseline: "one exchange \(batch) B",
                ratio: String(format: "%.2f batches", Double(resent) / Double(cuts) / Double(max(batch, 1))),
                goal: "at most one batch per cut"),
            Figure(
                name: "\(profile.name): time lost per cut, beyond EDGE's catch-up\(down > 0 ? " and the time the link was down" : "")",
                value: String(format: "%.1f s per cut (%.1f s lost%@)", lost / Double(cuts), lost,
                    down > 0 ? String(format: ", %.0f s down", down) : ""),
                baseline: String(format: "EDGE catch-up %.1f s", steady.seconds),
                ratio: String(format: "%.2f× EDGE's time", result.seconds / max(steady.seconds, 0.001)),
                goal: "under 10 s per cut"),
        ]
    }

    /// Seconds a flapping link is down in its first `seconds` (it starts up).
    static func secondsDown(_ flapping: LinkProfile.Flapping, within seconds: Double) -> Double {
        let cycle = flapping.up + flapping.down
        let whole = (seconds / cycle).rounded(.down)
        return whole * flapping.down + max(0, seconds - whole * cycle - flapping.up)
    }
}
