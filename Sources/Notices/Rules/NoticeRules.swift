import Foundation
import ChinaLocale
import Sync
public import DomainCore

/// The rules a notice follows before the county publishes it; each failure names the field.
///
/// Real dates, signed ≤ published, effective ≤ expiry, a well-formed document number once
/// normalised, a title and body, relations to notices that exist and not to itself.
///
/// ```swift
/// let ready = try NoticeRules.check(notice, known: ids)   // the notice with its number normalised
/// ```
public enum NoticeRules {
    public static func check(_ notice: Notice, known: Set<String>) throws(DomainError) -> Notice {
        var notice = notice
        guard !notice.id.isEmpty, notice.id.count <= 64 else {
            throw .invalidField("id", message: "编号不能为空，且不超过 64 个字符", messageEN: "id must be 1 to 64 characters")
        }
        for (field, value) in [("title", notice.title), ("issuer", notice.issuer), ("category", notice.category), ("body", notice.body)] {
            guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .invalidField(field, message: "不能为空", messageEN: "\(field) must not be empty")
            }
        }
        guard notice.title.count <= 200 else {
            throw .invalidField("title", message: "标题不超过 200 字", messageEN: "title must be at most 200 characters")
        }
        var days: [String: BeijingDay] = [:]
        for (field, value) in [("signed_on", notice.signedOn), ("published_on", notice.publishedOn), ("effective_on", notice.effectiveOn)] {
            guard let day = BeijingDay(value) else { throw badDate(field) }
            days[field] = day
        }
        if let expires = notice.expiresOn {
            guard let day = BeijingDay(expires) else { throw badDate("expires_on") }
            guard day >= days["effective_on"]! else {
                throw .invalidField("expires_on", message: "失效日期不能早于生效日期", messageEN: "expires_on must not be before effective_on")
            }
        }
        guard days["signed_on"]! <= days["published_on"]! else {
            throw .invalidField("published_on", message: "发布日期不能早于成文日期", messageEN: "published_on must not be before signed_on")
        }
        if !notice.documentNumber.isEmpty {
            notice.documentNumber = DocumentNumber.normalized(notice.documentNumber)
            guard DocumentNumber.isWellFormed(notice.documentNumber) else {
                throw .invalidField(
                    "document_number", message: "发文字号须为“代字〔年份〕序号号”，如 埔农〔2026〕31号",
                    messageEN: "document_number must read like 埔农〔2026〕31号")
            }
        }
        guard DivisionScopes.isPublishable(notice.division) else { throw .notADivision("division") }
        for (index, relation) in notice.relations.enumerated() {
            guard relation.target != notice.id, known.contains(relation.target) else {
                throw .invalidField(
                    "relations[\(index)].target", message: "所关联的文件 \(relation.target) 不存在",
                    messageEN: "relations must name an earlier notice that exists")
            }
        }
        return notice
    }

    static func badDate(_ field: String) -> DomainError {
        .invalidField(field, message: "日期须为 YYYY-MM-DD 格式的真实日期", messageEN: "\(field) must be a real date as YYYY-MM-DD")
    }
}
