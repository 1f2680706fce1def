import DomainCore
import Foundation
public import Hummingbird
import NIOFoundationCompat

extension Request {
    /// Decodes a JSON body, answering a body that does not fit the type with an ``APIError``
    /// that names the field where decoding stopped (`lines[2].amount_fen`), and a text that holds
    /// a NUL character (`\u0000`, which no field may hold) with one that names its field.
    ///
    /// ```swift
    /// let draft = try await request.decodeJSON(as: VoucherDraft.self, context: context)
    /// ```
    public func decodeJSON<Value: Decodable>(as type: Value.Type, context: some RequestContext) async throws -> Value {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        let data = Data(buffer: buffer)
        if let field = JSONNullCharacter.field(in: data) { throw APIError.nullCharacter(in: field) }
        do {
            return try JSONCoding.decoder.decode(Value.self, from: data)
        } catch let error as DecodingError {
            throw APIError(decoding: error)
        }
    }
}

extension APIError {
    /// The answer for a body that does not decode, naming the field.
    init(decoding error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            let field = JSONCoding.path(context.codingPath + [key])
            self = .invalidField(field, message: "缺少「\(FieldLabel.chinese(field))」", messageEN: "\(field) is required")
        case .valueNotFound(_, let context):
            let field = JSONCoding.path(context.codingPath)
            self = .invalidField(field, message: "「\(FieldLabel.chinese(field))」不能为空", messageEN: "\(field) must not be null")
        case .typeMismatch(let type, let context):
            let field = JSONCoding.path(context.codingPath)
            self = .invalidField(
                field, message: "「\(FieldLabel.chinese(field))」填的不对", messageEN: "\(field) must be of type \(type)")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self = .malformedBody(field: nil, detail: "not valid JSON")
        case .dataCorrupted(let context):
            let field = JSONCoding.path(context.codingPath)
            self = .invalidField(
                field, message: "「\(FieldLabel.chinese(field))」的值无效", messageEN: "\(field) is invalid: \(context.debugDescription)")
        @unknown default:
            self = .malformedBody(field: nil, detail: String(describing: error))
        }
    }
}
