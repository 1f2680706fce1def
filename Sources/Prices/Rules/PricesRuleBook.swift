import ChinaLocale
import Sync
import DomainCore

/// The prices module's rule book (DESIGN §2.6): what a price a station records must be wherever
/// it is applied — written through the station's API, or pushed to the county, whose check is the
/// one that counts (the operator has root on the station). The county's catalogue and bulletins
/// are its own and signed; the sync layer lets no station write them.
///
/// ```swift
/// PricesCollections.observation.rules   // these
/// ```
enum PricesRuleBook {
    static let observation: [ChangeRule] = [
        ChangeRule("prices.observation.recorder") { change in
            change.author == .county ? "prices are recorded at stations; the county publishes bulletins" : nil
        },
        ChangeRule("prices.observation.amounts") { change in
            guard let min = try change.integer("min_fen"), let avg = try change.integer("avg_fen"),
                let max = try change.integer("max_fen")
            else { return "min_fen, avg_fen and max_fen must be whole numbers of 分" }
            guard let unit = try change.text("unit").flatMap(PriceUnit.init(_:)) else { return "unit must be a known unit" }
            guard let day = try change.text("observed_on"), BeijingDay(day) != nil else {
                return "observed_on must be a real date as YYYY-MM-DD"
            }
            let volume: Int64?
            switch try change.value("volume_kg") {
            case .null: volume = nil
            case .integer(let kilograms): volume = kilograms
            default: return "volume_kg must be a whole number"
            }
            return PriceRules.amountProblem(min: min, avg: avg, max: max, volumeKg: volume, unit: unit)?.messageEN
        },
        // A correction marks the price it names superseded: only a price of the same village's.
        ChangeRule("prices.observation.corrects") { change in
            guard case .text(let corrected) = try change.value("corrects") else { return nil }
            let owner = try change.transaction.prices.villageOfPrice(corrected)
            guard let owner else { return "corrects names no price held here" }
            guard !owner.isEmpty, owner == (try change.text("village_code")) else {
                return "a price corrects only its own village's prices, never a county bulletin's or another village's"
            }
            return nil
        },
    ]
}
