import Foundation

/// What a search looks for, as ``ChineseSearchTerms`` reads what a person typed: terms of the
/// kinds a notice is indexed by, in phrases, all of a set, or alternatives. Each store renders it
/// in its own search language (SQLite's FTS5 by ``fts5(columns:)``; PostgreSQL's `tsquery`).
///
/// ```swift
/// ChineseSearchTerms.expression("耕地补贴")
/// // .every([.any([.phrase(.bigram, ["耕地", "地补", "补贴"]), .all(.bigram, ["耕地", "补贴"])])])
/// ```
public indirect enum SearchExpression: Sendable, Equatable {
    /// The kinds of index term (``ChineseSearchTerms``).
    public enum Kind: Sendable, Hashable {
        case unigram, bigram, pinyin
    }

    /// Terms of a kind one after another (one term alone is a phrase of one).
    case phrase(Kind, [String])
    /// Terms of a kind that must all be there, wherever each stands.
    case all(Kind, [String])
    /// Any of the alternatives.
    case any([SearchExpression])
    /// Every one of the parts (the words and runs typed).
    case every([SearchExpression])

    /// The expression as an FTS5 query, each kind of term in its columns (`{a b}` for several).
    public func fts5(columns: [Kind: String]) -> String {
        switch self {
        case .phrase(let kind, let terms): "\(columns[kind]!) : \(Self.quoted(terms.joined(separator: " ")))"
        case .all(let kind, let terms): "\(columns[kind]!) : (" + terms.map(Self.quoted).joined(separator: " AND ") + ")"
        case .any(let alternatives): "(" + alternatives.map { $0.fts5(columns: columns) }.joined(separator: " OR ") + ")"
        case .every(let parts): parts.map { $0.fts5(columns: columns) }.joined(separator: " AND ")
        }
    }

    static func quoted(_ term: String) -> String { "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
