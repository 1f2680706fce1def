import ChinaLocale
import Foundation

/// Chinese search on PostgreSQL: a notice's index terms (``ChineseSearchTerms``) written as a
/// `tsvector` without PostgreSQL's own parsing (which splits no Chinese), and what a person typed
/// as a `tsquery` of the same terms. Each kind of term has a weight of its own and its own count of
/// positions, so that a phrase of bigrams matches bigrams one after another, as FTS5 matches them
/// in their column.
///
/// ```swift
/// NoticeSearchTerms.vector(title: "耕地补贴", text: nil)   // "'耕':1A '地':2A … '耕地':1B …"
/// NoticeSearchTerms.query("耕地补贴")                     // "(('耕地':B <-> '地补':B <-> '补贴':B) | ('耕地':B & '补贴':B))"
/// ```
enum NoticeSearchTerms {
    /// The weight each kind of term carries.
    static let weights: [SearchExpression.Kind: String] = [.unigram: "A", .bigram: "B", .pinyin: "C"]

    /// The most positions a `tsvector` keeps; terms beyond it share the last.
    static let lastPosition = 16_383

    /// The terms of a title (its pinyin too) and, when given, of more text, as a `tsvector`'s text.
    static func vector(title: String, text: String?) -> String {
        let whole = text.map { title + "\n" + $0 } ?? title
        let kinds: [(SearchExpression.Kind, String)] = [
            (.unigram, ChineseSearchTerms.unigrams(of: whole)), (.bigram, ChineseSearchTerms.bigrams(of: whole)),
            (.pinyin, ChineseSearchTerms.pinyin(of: title)),
        ]
        var lexemes: [String] = []
        for (kind, terms) in kinds {
            for (index, term) in terms.split(separator: " ").enumerated() {
                lexemes.append("\(quoted(String(term))):\(min(index + 1, lastPosition))\(weights[kind]!)")
            }
        }
        return lexemes.joined(separator: " ")
    }

    /// What a person typed as a `tsquery`; `nil` when nothing in it can be searched.
    static func query(_ typed: String) -> String? {
        ChineseSearchTerms.expression(typed).map(tsquery)
    }

    static func tsquery(_ expression: SearchExpression) -> String {
        switch expression {
        case .phrase(let kind, let terms): "(" + terms.map { term(kind, $0) }.joined(separator: " <-> ") + ")"
        case .all(let kind, let terms): "(" + terms.map { term(kind, $0) }.joined(separator: " & ") + ")"
        case .any(let alternatives): "(" + alternatives.map(tsquery).joined(separator: " | ") + ")"
        case .every(let parts): parts.map(tsquery).joined(separator: " & ")
        }
    }

    private static func term(_ kind: SearchExpression.Kind, _ text: String) -> String { "\(quoted(text)):\(weights[kind]!)" }

    /// A lexeme quoted for a `tsvector` or a `tsquery`.
    private static func quoted(_ term: String) -> String {
        "'" + term.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }
}
