public import Sync
public import WebAPI
import HTTPTypes

/// What a client is told when the sync layer refuses a write made through a program's API: the
/// rule it broke, in both languages, never a 500.
extension SyncError: APIErrorConvertible {
    public var apiError: APIError {
        switch self {
        case .refused(let rule, let reason):
            APIError(status: .forbidden, code: "rule_broken", message: "不允许：违反规则 \(rule)", messageEN: "\(rule): \(reason)")
        case .notAResolution(let reason):
            APIError(status: .forbidden, code: "not_a_resolution", message: "不能这样解决该冲突", messageEN: reason, field: "value")
        case .notWritableHere(let reason):
            APIError(status: .forbidden, code: "not_writable_here", message: "本端不能写该记录", messageEN: reason)
        case .noOpenConflict(let id):
            APIError.notFound("open conflict \(id)", field: "id")
        case .unknownCollection(let name):
            APIError(status: .unprocessableContent, code: "unknown_collection", message: "未知的数据类别", messageEN: "no collection \(name)")
        case .unknownField(let collection, let field):
            APIError.invalidField(field, message: "未知字段", messageEN: "\(collection) has no field \(field)")
        case .missingScope(let collection, let recordID):
            APIError(
                status: .unprocessableContent, code: "missing_scope", message: "记录缺少所属村",
                messageEN: "\(collection) record \(recordID) names no village")
        }
    }
}
