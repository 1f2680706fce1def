/// The GS1 mod-10 check digit of GTINs and SSCCs.
///
/// From the right of the body the digits are weighted 3, 1, 3, 1…; the check digit brings the sum
/// to a multiple of ten.
///
/// ```swift
/// GS1CheckDigit.expected(forBody: "0952123454321")   // 3
/// GS1CheckDigit.isValid("09521234543213")             // true
/// ```
public enum GS1CheckDigit {
    /// The check digit a body of decimal digits calls for, or `nil` if the body is not all digits.
    public static func expected(forBody body: some StringProtocol) -> Int? {
        var sum = 0
        for (position, character) in body.reversed().enumerated() {
            guard let digit = character.wholeNumberValue, character.isASCII else { return nil }
            sum += digit * (position.isMultiple(of: 2) ? 3 : 1)
        }
        return (10 - sum % 10) % 10
    }

    /// Whether a code's last digit is the check digit of the digits before it.
    public static func isValid(_ code: some StringProtocol) -> Bool {
        guard let last = code.last?.wholeNumberValue, code.count > 1 else { return false }
        return expected(forBody: code.dropLast()) == last
    }
}
