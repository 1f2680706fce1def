import ChinaLocale
import Testing

/// Search by sound, as people type on a keypad: whole syllables, or initials.
@Suite struct PinyinTests {
    @Test func charactersReadAsTheirCommonestSyllable() {
        #expect(Pinyin.syllables(of: "玉米") == ["yu", "mi"])
        #expect(Pinyin.spelling(of: "耕地补贴") == "gengdibutie")
        #expect(Pinyin.initials(of: "大埔蜜柚") == "dpmy")
        #expect(Pinyin.syllables(of: "A1玉，米") == ["a1", "yu", "mi"])  // letters pass through, punctuation drops
    }

    @Test func aQueryMatchesWholeSyllablesOrInitials() {
        #expect(Pinyin.matches("mi", "玉米"))
        #expect(Pinyin.matches("YU MI", "玉米"))
        #expect(Pinyin.matches("ym", "玉米"))
        #expect(!Pinyin.matches("umi", "玉米"))
        #expect(!Pinyin.matches("", "玉米"))
    }

    @Test func lettersSplitIntoSyllablesOrNot() {
        #expect(Pinyin.segment("gengdi") == ["geng", "di"])
        #expect(Pinyin.segment("xian") == ["xian"])
        #expect(Pinyin.segment("butie") == ["bu", "tie"])
        #expect(Pinyin.segment("gdbt") == nil)
    }

    @Test func searchTermsAreUnigramsBigramsAndSyllablePairs() {
        #expect(ChineseSearchTerms.unigrams(of: "玉米ABC") == "玉 米 abc")
        #expect(ChineseSearchTerms.bigrams(of: "补贴政策") == "补贴 贴政 政策")
        #expect(ChineseSearchTerms.bigrams(of: "麦") == "")
        #expect(ChineseSearchTerms.pinyin(of: "玉米") == "yu mi yumi ym")
    }

    @Test func aQueryBecomesTheSameTerms() {
        let query = { (text: String) in ChineseSearchTerms.query(text, unigrams: "u", bigrams: "b", pinyin: "p") }
        #expect(query("耕地补贴") == #"(b : "耕地 地补 补贴" OR b : ("耕地" AND "补贴"))"#)
        #expect(query("玉米粒") == #"(b : "玉米 米粒" OR b : ("玉米" AND "米粒"))"#)
        #expect(query("补贴") == #"b : "补贴""#)
        #expect(query("麦") == #"u : "麦""#)
        #expect(query("耕地 补贴") == #"b : "耕地" AND b : "补贴""#)
        #expect(query("gengdi") == #"(p : ("gengdi") OR u : "gengdi")"#)
        #expect(query("gdbt") == #"(p : ("gd" AND "bt") OR u : "gdbt")"#)
        #expect(query("2026") == #"u : "2026""#)
        #expect(query(#"a"b"#) == #"(p : ("a") OR u : "a") AND (u : "b")"#)  // a quote only separates
        #expect(query(" ，。 ") == nil)
    }

    @Test func aHighlightMarksWhatTheSearchMatched() {
        let parts = SearchHighlight(query: "补贴").parts(of: "耕地地力保护补贴")
        #expect(parts.map(\.text) == ["耕地地力保护", "补贴"] && parts.map(\.hit) == [false, true])
        #expect(SearchHighlight(query: "butie").parts(of: "发放补贴").map(\.hit) == [false, true])
        #expect(SearchHighlight(query: "gd").parts(of: "耕地补贴").map(\.text) == ["耕地", "补贴"])
        #expect(SearchHighlight(query: "耕地补贴").parts(of: "耕地地力保护补贴").filter(\.hit).map(\.text) == ["耕地", "补贴"])
        let long = String(repeating: "前", count: 100) + "补贴" + String(repeating: "后", count: 100)
        let excerpt = SearchHighlight(query: "补贴").excerpt(of: long, length: 40)
        #expect(excerpt.hasPrefix("…") && excerpt.hasSuffix("…") && excerpt.contains("补贴"))
    }
}
