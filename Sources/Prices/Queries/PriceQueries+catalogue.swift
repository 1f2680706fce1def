import ChinaLocale
import Foundation
import Sync
import StoreInterface

extension PriceQueries {
    /// A variety found by a search, with its category.
    public struct VarietyMatch: Codable, Sendable, Equatable {
        public let code: String
        public let name: String
        public let categoryCode: String
        public let categoryName: String
        public let pinyin: String
        public let initials: String

        public init(code: String, name: String, categoryCode: String, categoryName: String, pinyin: String, initials: String) {
            (self.code, self.name, self.categoryCode, self.categoryName) = (code, name, categoryCode, categoryName)
            (self.pinyin, self.initials) = (pinyin, initials)
        }
    }

    /// Varieties by Chinese name, pinyin or initials (玉米: 玉, yumi, ym), best matches first:
    /// the exact name, then names starting with the query, then containing it, then by sound.
    /// With no query, the whole catalogue by category.
    public func varieties(matching query: String = "") async throws -> [VarietyMatch] {
        let query = query.trimmingCharacters(in: .whitespaces)
        let all = try await store.reading { try $0.prices.varietyMatches() }
        guard !query.isEmpty else { return all }
        let letters = query.lowercased()
        let ranked = all.compactMap { variety -> (Int, VarietyMatch)? in
            if variety.name == query { return (0, variety) }
            if variety.name.hasPrefix(query) { return (1, variety) }
            if variety.name.contains(query) { return (2, variety) }
            if variety.initials.hasPrefix(letters) { return (3, variety) }
            if variety.pinyin.hasPrefix(letters) { return (4, variety) }
            if Pinyin.matches(letters, variety.name) { return (5, variety) }
            return nil
        }
        return ranked.sorted { ($0.0, $0.1.code) < ($1.0, $1.1.code) }.map(\.1)
    }

    /// Every market, by id.
    public func markets() async throws -> [Market] {
        try await store.reading { try $0.prices.catalogue().markets }
    }

    /// Every category of the catalogue, by code (each level under its parent).
    public func categories() async throws -> [PriceCategory] {
        try await store.reading { try $0.prices.categories() }
    }
}

extension PriceQueries {
    /// The prices this station's village recorded, newest first (at the county: every village's).
    public func recentlyRecorded(within division: String = "", limit: Int) async throws -> [PriceObservation] {
        try await store.reading { try $0.prices.recentlyRecorded(within: division, limit: limit) }
    }
}
