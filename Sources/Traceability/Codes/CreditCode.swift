/// The unified social credit code (统一社会信用代码, GB 32100): 18 characters naming a legal
/// entity, on which many producers build their trace codes.
///
/// Character 1 is the registering authority and 2 the kind of entity (`N2` a village collective
/// economic organisation, `93` a farmers' cooperative, `91` a company); 3–8 the region; 18 the
/// mod-31 check character.
///
/// ```swift
/// CreditCode.expectedCheck(forBody: "91350100M000100Y4")   // "3"
/// CreditCode.organisation(of: "N2")                        // "村级集体经济组织"
/// ```
public enum CreditCode {
    /// The 31 characters a credit code may use: digits and capitals without I, O, Z, S, V.
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The check character the first 17 characters call for, or `nil` if one is outside the alphabet.
    public static func expectedCheck(forBody body: some StringProtocol) -> Character? {
        guard body.count == 17 else { return nil }
        var sum = 0
        for (character, weight) in zip(body, weights) {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            sum += value * weight
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// Whether 18 characters look like a credit code: all in the alphabet, a six-digit region code.
    static func isShaped(_ code: Substring) -> Bool {
        code.count == 18 && code.allSatisfy(alphabet.contains)
            && code.dropFirst(2).prefix(6).allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The kind of entity the first two characters name, in Chinese, where it matters here.
    public static func organisation(of prefix: some StringProtocol) -> String {
        switch String(prefix) {
        case "N1": "组级集体经济组织"
        case "N2": "村级集体经济组织"
        case "N3": "乡镇级集体经济组织"
        case "93": "农民专业合作社"
        case "91": "企业"
        case "92": "个体工商户"
        default: "其他组织"
        }
    }
}
