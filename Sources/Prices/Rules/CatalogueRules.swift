import Foundation
public import DomainCore

/// The rules a price catalogue follows: NY/T 3177 codes in 2-digit blocks, each variety in a known
/// category, 6-digit region codes, no duplicates, no empty names.
///
/// ```swift
/// try CatalogueRules.validate(catalogue)   // throws DomainError.invalidField("varieties[3].category_code", …)
/// ```
public enum CatalogueRules {
    public static func validate(_ catalogue: PriceCatalogue) throws(DomainError) {
        var categories = Set<String>()
        for (index, category) in catalogue.categories.enumerated() {
            let field = "categories[\(index)]"
            guard isBlockCode(category.code, maxBlocks: 4) else {
                throw .invalidField(
                    "\(field).code", message: "分类代码须为 2、4、6 或 8 位数字（NY/T 3177）",
                    messageEN: "a category code has 2, 4, 6 or 8 digits (NY/T 3177)")
            }
            if let parent = category.parentCode, !categories.contains(parent) {
                throw .invalidField(
                    "\(field).code", message: "上级分类 \(parent) 须先列出", messageEN: "parent category \(parent) must come first")
            }
            try requireName(category.name, field: "\(field).name")
            guard categories.insert(category.code).inserted else { throw duplicate("\(field).code") }
        }
        var varieties = Set<String>()
        for (index, variety) in catalogue.varieties.enumerated() {
            let field = "varieties[\(index)]"
            guard categories.contains(variety.categoryCode) else {
                throw .invalidField(
                    "\(field).category_code", message: "分类 \(variety.categoryCode) 不在目录中",
                    messageEN: "category \(variety.categoryCode) is not in the catalogue")
            }
            guard variety.code.hasPrefix(variety.categoryCode), isBlockCode(variety.code, maxBlocks: 5) else {
                throw .invalidField(
                    "\(field).code", message: "品种代码须以分类代码开头，再加 2 位序号",
                    messageEN: "a variety code is its category code followed by a 2-digit serial")
            }
            try requireName(variety.name, field: "\(field).name")
            guard varieties.insert(variety.code).inserted else { throw duplicate("\(field).code") }
        }
        var markets = Set<String>()
        for (index, market) in catalogue.markets.enumerated() {
            let field = "markets[\(index)]"
            guard !market.id.isEmpty, market.id.count <= 32 else {
                throw .invalidField("\(field).id", message: "市场编号不能为空", messageEN: "a market id must not be empty")
            }
            guard market.regionCode.count == 6, market.regionCode.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .invalidField(
                    "\(field).region_code", message: "地区代码须为 6 位数字（GB/T 2260）",
                    messageEN: "a region code has 6 digits (GB/T 2260)")
            }
            try requireName(market.name, field: "\(field).name")
            guard markets.insert(market.id).inserted else { throw duplicate("\(field).id") }
        }
    }

    static func isBlockCode(_ code: String, maxBlocks: Int) -> Bool {
        code.count % 2 == 0 && (2...maxBlocks * 2).contains(code.count) && code.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func requireName(_ name: String, field: String) throws(DomainError) {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 40 else {
            throw .invalidField(field, message: "名称不能为空，且不超过 40 字", messageEN: "a name must be 1 to 40 characters")
        }
    }

    static func duplicate(_ field: String) -> DomainError {
        .invalidField(field, message: "代码重复", messageEN: "this code appears twice")
    }
}
