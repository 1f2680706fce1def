import Foundation
/// Money in 分 (fen, 1/100 元), the only unit money is kept in; text in 元 is parsed exactly,
/// never through a floating-point number.
///
/// ```swift
/// Fen.parse("3.25")    // 325
/// Fen.parse("12")      // 1200
/// Fen.format(325)      // "3.25"
/// ```
public enum Fen {
    /// 元 as people write them, with at most two decimals and an optional thousands comma or ¥;
    /// `nil` for anything else.
    public static func parse(_ text: String) -> Int64? {
        var text = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        if text.hasPrefix("¥") || text.hasPrefix("￥") { text.removeFirst() }
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty,
            whole.allSatisfy(\.isASCIIDigit), whole.count <= 12
        else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
        fraction += String(repeating: "0", count: 2 - fraction.count)
        guard let yuan = Int64(whole), let cents = Int64(fraction) else { return nil }
        let value = yuan * 100 + cents
        return negative ? -value : value
    }

    /// 元 with two decimals: `3.25`, `-0.50`.
    public static func format(_ fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
