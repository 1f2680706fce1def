/// Pinyin (拼音) of Chinese text, for search by sound and by initials: 玉米 → `yumi`, `ym`.
///
/// Each character takes its most common reading; letters and digits pass through in lower case,
/// anything else is dropped. Good enough to find a name by what people type on a keypad.
///
/// ```swift
/// Pinyin.syllables(of: "玉米")   // ["yu", "mi"]
/// Pinyin.spelling(of: "玉米")    // "yumi"
/// Pinyin.initials(of: "玉米")    // "ym"
/// ```
public enum Pinyin {
    /// Each character's reading, or for a run of letters and digits, the run itself.
    public static func syllables(of text: String) -> [String] {
        var result: [String] = []
        var run = ""
        for character in text {
            if character.isASCII, character.isLetter || character.isNumber {
                run.append(character.lowercased())
                continue
            }
            if !run.isEmpty { result.append(run) }
            run = ""
            if let reading = readings[character] { result.append(reading) }
        }
        if !run.isEmpty { result.append(run) }
        return result
    }

    /// The readings run together: `yumi`.
    public static func spelling(of text: String) -> String { syllables(of: text).joined() }

    /// The first letter of each reading: `ym`.
    public static func initials(of text: String) -> String {
        String(syllables(of: text).compactMap(\.first))
    }

    /// Whether a query typed in letters matches the text's pinyin: a prefix of its spelling or of
    /// its initials, or a run of whole syllables inside it (`mi` finds 玉米, `umi` does not).
    public static func matches(_ query: String, _ text: String) -> Bool {
        let query = query.lowercased().filter { !$0.isWhitespace }
        guard !query.isEmpty else { return false }
        let syllables = syllables(of: text)
        if String(syllables.compactMap(\.first)).hasPrefix(query) { return true }
        for start in syllables.indices where syllables[start...].joined().hasPrefix(query) {
            return true
        }
        return false
    }

    static let readings: [Character: String] = {
        var readings: [Character: String] = [:]
        for line in table.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2 else { continue }
            let syllable = String(parts[0])
            for character in parts[1] { readings[character] = syllable }
        }
        return readings
    }()
}

extension Pinyin {
    /// Every syllable the table knows.
    static let syllableSet: Set<String> = Set(readings.values)

    /// Letters split into syllables, longest first with backtracking (`gengdi` → geng di,
    /// `xian` → xian), or `nil` when they are not a run of syllables.
    public static func segment(_ letters: String) -> [String]? {
        let characters = Array(letters.lowercased())
        var memo: [Int: [String]?] = [:]
        func split(from start: Int) -> [String]? {
            if start == characters.count { return [] }
            if let known = memo[start] { return known }
            var result: [String]? = nil
            for end in stride(from: min(characters.count, start + 6), to: start, by: -1) {
                let candidate = String(characters[start..<end])
                if syllableSet.contains(candidate), let rest = split(from: end) {
                    result = [candidate] + rest
                    break
                }
            }
            memo[start] = result
            return result
        }
        return split(from: 0)
    }
}
