/// National code formats of farm inputs (REFERENCE §3): veterinary drug trace codes (24 digits:
/// 8-digit date, 5-digit enterprise, 11 random), pesticide label codes (32 digits) and seed label
/// codes (20 characters: 6-digit region, 3-character enterprise, 11-character serial).
///
/// ```swift
/// NationalCodeFormats.read("202605011234598765432101")?.kind   // .veterinaryDrug
/// ```
public enum NationalCodeFormats {
    public static func read(_ text: String) -> CodeReading? {
        let digits = text.allSatisfy { $0.isASCII && $0.isNumber }
        if digits, text.count == 24 {
            return CodeReading(
                .veterinaryDrug,
                [("date", String(text.prefix(8))), ("enterprise", String(text.dropFirst(8).prefix(5))),
                 ("random", String(text.suffix(11)))])
        }
        if digits, text.count == 32 { return CodeReading(.pesticideLabel, [("label", text)]) }
        if text.count == 20, text.prefix(6).allSatisfy({ $0.isASCII && $0.isNumber }),
            text.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) })
        {
            return CodeReading(
                .seedLabel,
                [("region", String(text.prefix(6))), ("enterprise", String(text.dropFirst(6).prefix(3))),
                 ("serial", String(text.suffix(11)))])
        }
        return nil
    }
}
