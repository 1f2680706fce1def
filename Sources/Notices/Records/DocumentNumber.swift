import Foundation

/// A document number (发文字号) as `{代字}〔YYYY〕N号`: the brackets people and systems type — [],
/// 【】, （）, (), ［］ or 〔〕 — all become 〔〕 around the year.
///
/// ```swift
/// DocumentNumber.normalized("埔农[2026]31号")    // "埔农〔2026〕31号"
/// DocumentNumber.normalized("埔农【2026】31号")  // "埔农〔2026〕31号"
/// ```
public enum DocumentNumber {
    public static func normalized(_ text: String) -> String {
        var result = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "")
        for (open, close) in [("[", "]"), ("【", "】"), ("（", "）"), ("(", ")"), ("［", "］"), ("〔", "〕")] {
            result = result.replacingOccurrences(of: open, with: "〔").replacingOccurrences(of: close, with: "〕")
        }
        return result
    }

    /// Whether a normalised number has the shape `{代字}〔YYYY〕N号`.
    public static func isWellFormed(_ number: String) -> Bool {
        guard let open = number.firstIndex(of: "〔"), let close = number.firstIndex(of: "〕"), open < close,
            open > number.startIndex, number.hasSuffix("号")
        else { return false }
        let year = number[number.index(after: open)..<close]
        let serial = number[number.index(after: close)..<number.index(before: number.endIndex)]
        return year.count == 4 && year.allSatisfy(\.isNumber) && !serial.isEmpty && serial.allSatisfy(\.isNumber)
    }
}
