import Foundation
/// Index terms and queries for Chinese full-text search on SQLite's FTS5 `unicode61` tokenizer.
///
/// A trigram index finds nothing for 1- and 2-character queries (REFERENCE §5), so text is indexed
/// as space-separated terms: each Han character (unigrams), each overlapping pair (bigrams), and for
/// titles each syllable's pinyin, each pair of syllables run together, and each pair's initials. A
/// query is turned into the same terms: 麦 a unigram, 补贴 a bigram, 耕地地力保护补贴 a phrase of
/// bigrams or its two-character words wherever they stand, `gengdi` the syllable pair `gengdi`,
/// `gdbt` the initial pairs `gd` and `bt`.
///
/// ```swift
/// ChineseSearchTerms.bigrams(of: "补贴政策")          // "补贴 贴政 政策"
/// ChineseSearchTerms.query("耕地补贴", unigrams: "u", bigrams: "b", pinyin: "p")
/// // (b : "耕地 地补 补贴" OR b : ("耕地" AND "补贴"))
/// ```
public enum ChineseSearchTerms {
    /// Each Han character, and each run of letters or digits, lower-cased.
    public static func unigrams(of text: String) -> String {
        runs(of: text).flatMap { run in run.isHan ? run.text.map(String.init) : [run.text] }.joined(separator: " ")
    }

    /// Each overlapping pair of Han characters within a run, and each run of letters or digits.
    public static func bigrams(of text: String) -> String {
        runs(of: text).flatMap { run -> [String] in
            guard run.isHan else { return [run.text] }
            let characters = Array(run.text)
            return characters.count == 1 ? [] : (0..<characters.count - 1).map { String(characters[$0...$0 + 1]) }
        }.joined(separator: " ")
    }

    /// Each syllable, each pair of syllables run together, and each pair's initials.
    public static func pinyin(of text: String) -> String {
        var terms: [String] = []
        for run in runs(of: text) where run.isHan {
            let syllables = Pinyin.syllables(of: run.text)
            terms += syllables
            for index in syllables.indices.dropLast() {
                let (first, second) = (syllables[index], syllables[index + 1])
                terms.append(first + second)
                terms.append(String([first.first!, second.first!]))
            }
        }
        return terms.joined(separator: " ")
    }

    /// An FTS5 query for what a person typed, against the columns holding each kind of term;
    /// `nil` when nothing in it can be searched. Words separated by spaces must all match.
    public static func query(
        _ text: String, unigrams unigramColumns: String, bigrams bigramColumns: String, pinyin pinyinColumn: String
    ) -> String? {
        expression(text)?.fts5(columns: [.unigram: unigramColumns, .bigram: bigramColumns, .pinyin: pinyinColumn])
    }

    /// What a person typed as terms to find, whatever index holds them (``SearchExpression``);
    /// `nil` when nothing in it can be searched. Words separated by spaces must all match.
    public static func expression(_ text: String) -> SearchExpression? {
        let parts = text.split(whereSeparator: \.isWhitespace).flatMap { word in
            runs(of: String(word)).map { run -> SearchExpression in
                if run.isHan {
                    let terms = bigrams(of: run.text).split(separator: " ").map(String.init)
                    if terms.isEmpty { return .phrase(.unigram, [run.text]) }
                    let words = pairs(of: run.text)
                    guard words.count > 1 else { return .phrase(.bigram, terms) }
                    // 耕地补贴 is read as the words 耕地 and 补贴 too, wherever each stands.
                    return .any([.phrase(.bigram, terms), .all(.bigram, words)])
                }
                guard run.text.allSatisfy(\.isLetter) else { return .phrase(.unigram, [run.text]) }
                return .any([pinyinExpression(run.text), .phrase(.unigram, [run.text])].compactMap { $0 })
            }
        }
        return parts.isEmpty ? nil : .every(parts)
    }

    /// A run of characters cut into the two-character words people run together without spaces:
    /// 耕地补贴 → 耕地, 补贴; an odd last character pairs with the one before it (玉米粒 → 玉米, 米粒).
    static func pairs(of text: String) -> [String] {
        let characters = Array(text)
        guard characters.count > 2 else { return [text] }
        var pairs = stride(from: 0, to: characters.count - 1, by: 2).map { String(characters[$0...$0 + 1]) }
        if characters.count % 2 == 1 { pairs.append(String(characters[(characters.count - 2)...])) }
        return pairs
    }

    /// Letters read as syllables (`gengdi` → `gengdi`) or, failing that, as initials in pairs
    /// (`gdbt` → `gd` and `bt`).
    static func pinyinExpression(_ letters: String) -> SearchExpression? {
        if let syllables = Pinyin.segment(letters) {
            return .all(.pinyin, syllables.count == 1 ? syllables : (0..<syllables.count - 1).map { syllables[$0] + syllables[$0 + 1] })
        }
        guard letters.count >= 2 else { return nil }
        return .all(.pinyin, pairs(of: letters))
    }

    struct Run {
        var text: String
        var isHan: Bool
    }

    /// Runs of Han characters and runs of ASCII letters or digits; everything else separates them.
    static func runs(of text: String) -> [Run] {
        var runs: [Run] = []
        for character in text {
            let kind: Bool?
            if character.isHan {
                kind = true
            } else if character.isASCII, character.isLetter || character.isNumber {
                kind = false
            } else {
                kind = nil
            }
            guard let kind else {
                runs.append(Run(text: "", isHan: false))
                continue
            }
            if let last = runs.last, last.isHan == kind, !last.text.isEmpty {
                runs[runs.count - 1].text.append(kind ? character : Character(character.lowercased()))
            } else {
                runs.append(Run(text: kind ? String(character) : character.lowercased(), isHan: kind))
            }
        }
        return runs.filter { !$0.text.isEmpty }
    }

}

extension Character {
    /// A CJK unified ideograph (the basic block and extension A).
    var isHan: Bool {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1 else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}
