import Foundation

/// GS1 Digital Link URIs: `https://{domain}/01/{gtin}[/22/{cpv}][/10/{lot}][/21/{serial}][?17=…&7007=…]`.
///
/// Read offline: the URL is never followed. The domain and any path before `/01/` are the
/// producer's own; a GTIN-8, -12 or -13 is padded to 14 digits.
///
/// ```swift
/// GS1DigitalLink.parse("https://id.example.cn/01/9521234543213/10/A1?17=271231")
/// // [("01", "09521234543213"), ("10", "A1"), ("17", "271231")]
/// ```
public enum GS1DigitalLink {
    static let pathQualifiers = ["22", "10", "21"]

    /// The (identifier, value) pairs of a Digital Link URI, or `nil` if the text is not one.
    public static func parse(_ text: String) -> [(String, String)]? {
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        let afterScheme = text[text.range(of: "://")!.upperBound...]
        let (path, query) = split(afterScheme, at: "?")
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        guard let start = segments.firstIndex(of: "01"), start + 1 < segments.count else { return nil }
        let gtin = segments[start + 1]
        guard [8, 12, 13, 14].contains(gtin.count), gtin.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var pairs = [("01", String(repeating: "0", count: 14 - gtin.count) + gtin)]
        var index = start + 2
        var nextQualifier = 0
        while index + 1 < segments.count {
            guard let order = pathQualifiers.firstIndex(of: segments[index]), order >= nextQualifier,
                let value = segments[index + 1].removingPercentEncoding, !value.isEmpty
            else { return nil }
            pairs.append((segments[index], value))
            nextQualifier = order + 1
            index += 2
        }
        guard index == segments.count || (index == segments.count - 1 && segments[index].isEmpty) else { return nil }
        for item in query?.split(separator: "&") ?? [] {
            let (key, value) = split(item, at: "=")
            guard let value, let decoded = value.removingPercentEncoding,
                GS1ElementString.identifier(String(key)) != nil
            else { continue }  // other query parameters belong to the producer's site
            pairs.append((String(key), decoded))
        }
        return pairs
    }

    private static func split(_ text: Substring, at separator: Character) -> (Substring, Substring?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (text[..<index], text[text.index(after: index)...])
    }
}
