/// Marks what a search matched in a text, in the same terms as ``ChineseSearchTerms``: each Han
/// run of the query where it occurs, a pinyin query where the characters read so, initials where a
/// pair of characters begins so. The result is plain runs, for a screen to style without HTML.
///
/// ```swift
/// SearchHighlight(query: "补贴").parts(of: "耕地地力保护补贴")
/// // [("耕地地力保护", false), ("补贴", true)]
/// ```
public struct SearchHighlight: Sendable {
    /// A run of text and whether it matched.
    public struct Part: Codable, Sendable, Equatable {
        public let text: String
        public let hit: Bool
    }

    let hanRuns: [[Character]]
    let syllableRuns: [[String]]
    let initialPairs: Set<String>

    public init(query: String) {
        var han: [[Character]] = []
        var syllables: [[String]] = []
        var pairs = Set<String>()
        for run in ChineseSearchTerms.runs(of: query) {
            if run.isHan {
                han.append(Array(run.text))
                if run.text.count > 2 { han += ChineseSearchTerms.pairs(of: run.text).map(Array.init) }
            } else if let segmented = Pinyin.segment(run.text) {
                syllables.append(segmented)
            } else if run.text.count >= 2 {
                let letters = Array(run.text)
                for index in 0..<letters.count - 1 { pairs.insert(String(letters[index...index + 1])) }
            }
        }
        (hanRuns, syllableRuns, initialPairs) = (han, syllables, pairs)
    }

    public func parts(of text: String) -> [Part] {
        let characters = Array(text)
        let hits = mask(characters)
        var parts: [Part] = []
        for (character, hit) in zip(characters, hits) {
            if let last = parts.last, last.hit == hit {
                parts[parts.count - 1] = Part(text: last.text + String(character), hit: hit)
            } else {
                parts.append(Part(text: String(character), hit: hit))
            }
        }
        return parts
    }

    /// About `length` characters around the first match, or the start of the text.
    public func excerpt(of text: String, length: Int = 80) -> String {
        let characters = Array(text)
        guard characters.count > length else { return text }
        let first = mask(characters).firstIndex(of: true) ?? 0
        let start = max(0, min(first - length / 4, characters.count - length))
        return (start > 0 ? "…" : "") + String(characters[start..<start + length]) + "…"
    }

    func mask(_ characters: [Character]) -> [Bool] {
        var hits = Array(repeating: false, count: characters.count)
        func mark(_ start: Int, _ count: Int) { for index in start..<start + count { hits[index] = true } }
        for run in hanRuns where run.count <= characters.count {
            for start in 0...(characters.count - run.count) where Array(characters[start..<start + run.count]) == run {
                mark(start, run.count)
            }
        }
        let readings = characters.map { Pinyin.readings[$0] }
        for run in syllableRuns where run.count <= characters.count {
            for start in 0...(characters.count - run.count)
            where (0..<run.count).allSatisfy({ readings[start + $0] == run[$0] }) {
                mark(start, run.count)
            }
        }
        if !initialPairs.isEmpty, characters.count >= 2 {
            for index in 0..<characters.count - 1 {
                if let first = readings[index]?.first, let second = readings[index + 1]?.first,
                    initialPairs.contains(String([first, second]))
                {
                    mark(index, 2)
                }
            }
        }
        return hits
    }
}
