import ChinaLocale
import GRDB
import Foundation
import Storage

extension PriceQueries {
    /// A variety found by a search, with its category.
    public struct VarietyMatch: Codable, Sendable, Equatable {
        public let code: String
        public let name: String
        public let categoryCode: String
        public let categoryName: String
        public let pinyin: String
        public let initials: String
    }

    /// Varieties by Chinese name, pinyin or initials (玉米: 玉, yumi, ym), best matches first:
    /// the exact name, then names starting with the query, then containing it, then by sound.
    /// With no query, the whole catalogue by category.
    public func varieties(matching query: String = "") async throws -> [VarietyMatch] {
        let query = query.trimmingCharacters(in: .whitespaces)
        let all = try await store.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT v.code, v.name, v.category_code, IFNULL(c.name, '') AS category_name, v.pinyin, v.initials
                    FROM price_variety v LEFT JOIN price_category c ON c.code = v.category_code ORDER BY v.code
                    """
            ).map { row in
                VarietyMatch(
                    code: row["code"], name: row["name"], categoryCode: row["category_code"],
                    categoryName: row["category_name"], pinyin: row["pinyin"], initials: row["initials"])
            }
        }
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
        try await store.pool.read { db in try CatalogueIndex.load(db).markets }
    }

    /// Every category of the catalogue, by code (each level under its parent).
    public func categories() async throws -> [PriceCategory] {
        try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT code, name FROM price_category ORDER BY code").map {
                PriceCategory(code: $0["code"], name: $0["name"])
            }
        }
    }
}

extension PriceQueries {
    /// The prices this station's village recorded, newest first (at the county: every village's).
    public func recentlyRecorded(limit: Int) async throws -> [PriceObservation] {
        try await store.pool.read { db in
            try PriceObservation.fetchAll(
                db,
                sql: "SELECT * FROM price_observation WHERE village_code <> '' ORDER BY recorded_at DESC, id LIMIT ?",
                arguments: [limit])
        }
    }
}
