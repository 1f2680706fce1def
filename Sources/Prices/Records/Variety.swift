import StoreInterface
public import Sync
import ChinaLocale

/// A variety prices are quoted for (品种), such as 玉米 or 大白菜, in its NY/T 3177 category.
///
/// The pinyin and initials are derived from the name when the catalogue is published, so that a
/// station finds 玉米 by `yumi` or `ym` from its own data.
///
/// ```swift
/// let corn = Variety(code: "01010301", name: "玉米", categoryCode: "010103")
/// corn.initials   // "ym"
/// ```
public struct Variety: SyncRecord, Sendable, Equatable {
    /// The category code and a 2-digit serial within it.
    public let code: String
    public let name: String
    public let categoryCode: String
    /// Readings, such as `yumi`; a catalogue may give them for a name the table reads wrongly.
    public let pinyin: String
    public private(set) var initials: String

    public init(code: String, name: String, categoryCode: String, pinyin: String? = nil) {
        self.code = code
        self.name = name
        self.categoryCode = categoryCode
        let spelling = pinyin ?? Pinyin.spelling(of: name)
        self.pinyin = spelling
        self.initials = pinyin == nil ? Pinyin.initials(of: name) : String(spelling.prefix(1))
    }
}

extension Variety {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, categoryCode, pinyin, initials
    }

    /// A catalogue file may leave out the pinyin; it is then derived from the name. Initials kept
    /// with the pinyin (a stored variety's) are read as they are.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            code: try container.decode(String.self, forKey: .code), name: try container.decode(String.self, forKey: .name),
            categoryCode: try container.decode(String.self, forKey: .categoryCode),
            pinyin: try container.decodeIfPresent(String.self, forKey: .pinyin))
        if let initials = try container.decodeIfPresent(String.self, forKey: .initials), !initials.isEmpty {
            self.initials = initials
        }
    }
}
