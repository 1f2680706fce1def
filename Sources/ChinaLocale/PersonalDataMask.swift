import Foundation

/// Masks a natural person's name and phone number where the public sees them, and keeps
/// identity-card numbers out of the records altogether (个人信息保护法).
///
/// ```swift
/// PersonalDataMask.name("张建国")          // "张**"
/// PersonalDataMask.phone("13812345678")   // "138****5678"
/// ```
public enum PersonalDataMask {
    /// The family name kept, each other character a `*`.
    public static func name(_ name: String) -> String {
        guard let first = name.first else { return name }
        return String(first) + String(repeating: "*", count: max(name.count - 1, 1))
    }

    /// The first three and last four digits kept; a short number keeps only its last two.
    public static func phone(_ phone: String) -> String {
        guard !phone.isEmpty else { return phone }
        let characters = Array(phone)
        let (head, tail) = characters.count >= 11 ? (3, 4) : (0, min(2, characters.count))
        return String(characters.prefix(head)) + String(repeating: "*", count: characters.count - head - tail)
            + String(characters.suffix(tail))
    }

    /// Text with each of the given personal names masked wherever it appears (a household named
    /// in a voucher's summary, for the public).
    public static func names(_ names: [String], in text: String) -> String {
        names.filter { $0.count >= 2 }.sorted { $0.count > $1.count }.reduce(text) { text, name in
            text.replacingOccurrences(of: name, with: self.name(name))
        }
    }

    /// Whether text holds a resident identity-card number (GB 11643): 17 digits with a birth date
    /// from 1900 on, and the ISO 7064 mod 11-2 check character.
    public static func containsIdentityNumber(_ text: String) -> Bool {
        let characters = Array(text.uppercased())
        guard characters.count >= 18 else { return false }
        return (0...(characters.count - 18)).contains { start in
            let bounded = (start == 0 || !characters[start - 1].isNumber)
                && (start + 18 == characters.count || !characters[start + 18].isNumber)
            return bounded && isIdentityNumber(characters[start..<start + 18])
        }
    }

    static let identityWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    static func isIdentityNumber(_ run: ArraySlice<Character>) -> Bool {
        let digits = run.prefix(17).compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard digits.count == 17, digits[6] == 1 && digits[7] == 9 || digits[6] == 2 && digits[7] == 0 else { return false }
        let sum = zip(digits, identityWeights).reduce(0) { $0 + $1.0 * $1.1 }
        return Array("10X98765432")[sum % 11] == run.last
    }
}
