public import Hummingbird
import Foundation

extension Request {
    /// A whole-number query parameter, its default when absent, or a 422 naming it when it is not
    /// a number in range.
    ///
    /// ```swift
    /// let limit = try request.integerParameter("limit", default: 20, in: 1...100)
    /// ```
    public func integerParameter(_ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = uri.queryParameters[Substring(name)] else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIError.invalidField(
                name, message: "\(name) 须为 \(range.lowerBound) 到 \(range.upperBound) 的整数",
                messageEN: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}

extension Parameters {
    /// A path parameter with its percent-encoding undone: a client that writes a disclosure id
    /// `441422107201:2026-Q3:1` as `441422107201%3A2026-Q3%3A1` means the same record.
    ///
    /// ```swift
    /// let id = try context.parameters.decoded("id")
    /// ```
    public func decoded(_ name: String) throws -> String {
        let raw = try require(name)
        return raw.removingPercentEncoding ?? raw
    }
}
