import StoreInterface
public import Sync

/// A policy notice (政策通知) as the county publishes it: the fields government sites carry
/// (REFERENCE §5), its relations to earlier notices, and whether it is urgent.
///
/// Its status is never stored: ``NoticeStatus`` derives it from the dates and the relations.
///
/// ```swift
/// let notice = Notice(id: "N-2026-031", indexNumber: "441422-2026-00031", issuer: "大埔县农业农村局",
///                     documentNumber: "埔农〔2026〕31号", title: "关于发放2026年耕地地力保护补贴的通知",
///                     category: "补贴政策", signedOn: "2026-03-01", publishedOn: "2026-03-02",
///                     effectiveOn: "2026-03-02", summary: "…", body: "…")
/// ```
public struct Notice: SyncRecord, Sendable, Equatable {
    public var id: String
    /// 索引号
    public var indexNumber: String
    /// 发文机关
    public var issuer: String
    /// 发文字号, normalised to `{代字}〔YYYY〕N号`.
    public var documentNumber: String
    public var title: String
    /// 公开目录 category, such as 补贴政策 or 灾害预警.
    public var category: String
    public var signedOn: String
    public var publishedOn: String
    public var effectiveOn: String
    /// The day after which it lapses, if it does.
    public var expiresOn: String?
    public var summary: String
    public var body: String
    /// 政策解读, if published with it.
    public var interpretation: String?
    /// A disaster warning, 三防 or epidemic notice, which travels ahead of everything else.
    public var urgent: Bool
    /// What this notice does to earlier ones.
    public var relations: [NoticeRelation]
    /// The division (行政区划) it is published for, by its code: a province, city, county or
    /// township, and every station beneath it; `""` for the hub's whole area.
    public var division: String

    public init(
        id: String, indexNumber: String, issuer: String, documentNumber: String, title: String, category: String,
        signedOn: String, publishedOn: String, effectiveOn: String, expiresOn: String? = nil, summary: String,
        body: String, interpretation: String? = nil, urgent: Bool = false, relations: [NoticeRelation] = [],
        division: String = ""
    ) {
        self.id = id
        self.indexNumber = indexNumber
        self.issuer = issuer
        self.documentNumber = documentNumber
        self.title = title
        self.category = category
        self.signedOn = signedOn
        self.publishedOn = publishedOn
        self.effectiveOn = effectiveOn
        self.expiresOn = expiresOn
        self.summary = summary
        self.body = body
        self.interpretation = interpretation
        self.urgent = urgent
        self.relations = relations
        self.division = division
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, indexNumber, issuer, documentNumber, title, category, signedOn, publishedOn, effectiveOn, expiresOn
        case summary, body, interpretation, urgent, relations, division
    }

    /// A notice file may leave out what is optional.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id),
            indexNumber: try container.decodeIfPresent(String.self, forKey: .indexNumber) ?? "",
            issuer: try container.decode(String.self, forKey: .issuer),
            documentNumber: try container.decodeIfPresent(String.self, forKey: .documentNumber) ?? "",
            title: try container.decode(String.self, forKey: .title),
            category: try container.decode(String.self, forKey: .category),
            signedOn: try container.decode(String.self, forKey: .signedOn),
            publishedOn: try container.decode(String.self, forKey: .publishedOn),
            effectiveOn: try container.decode(String.self, forKey: .effectiveOn),
            expiresOn: try container.decodeIfPresent(String.self, forKey: .expiresOn),
            summary: try container.decodeIfPresent(String.self, forKey: .summary) ?? "",
            body: try container.decode(String.self, forKey: .body),
            interpretation: try container.decodeIfPresent(String.self, forKey: .interpretation),
            urgent: try container.decodeIfPresent(Bool.self, forKey: .urgent) ?? false,
            relations: try container.decodeIfPresent([NoticeRelation].self, forKey: .relations) ?? [],
            division: try container.decodeIfPresent(String.self, forKey: .division) ?? "")
    }
}
