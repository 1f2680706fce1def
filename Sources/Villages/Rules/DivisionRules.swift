import Foundation
public import DomainCore

/// The rules division codes and names follow; each failure names the field and the rule.
///
/// Codes nest: a township's 9 digits begin with its county's 6, a village's 12 with its
/// township's 9, so a village code alone says which township and county it is in.
///
/// ```swift
/// try DivisionRules.validate(divisions)   // throws DomainError.invalidField("villages[0].code", …)
/// ```
public enum DivisionRules {
    /// First two digits of GB/T 2260 codes in use: provinces, autonomous regions, municipalities,
    /// Taiwan, Hong Kong and Macao.
    static let provincePrefixes: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ]

    public static func validate(_ divisions: Divisions) throws(DomainError) {
        try validate(divisions.county)
        var townships = Set<String>()
        for (index, township) in divisions.townships.enumerated() {
            let field = "townships[\(index)]"
            try requireDigits(township.code, count: 9, field: "\(field).code")
            guard township.code.hasPrefix(divisions.county.code), township.countyCode == divisions.county.code else {
                throw .invalidField(
                    "\(field).code", message: "乡镇代码必须以所属县代码 \(divisions.county.code) 开头",
                    messageEN: "a township code must start with its county's code \(divisions.county.code)")
            }
            guard townships.insert(township.code).inserted else { throw duplicate("\(field).code") }
            try requireName(township.name, field: "\(field).name")
        }
        var villages = Set<String>()
        for (index, village) in divisions.villages.enumerated() {
            try validate(village, field: "villages[\(index)]", townships: townships)
            guard villages.insert(village.code).inserted else { throw duplicate("villages[\(index)].code") }
        }
    }

    static func validate(_ county: County) throws(DomainError) {
        try requireDigits(county.code, count: 6, field: "county.code")
        guard provincePrefixes.contains(String(county.code.prefix(2))) else {
            throw .invalidField(
                "county.code", message: "县代码的前两位不是有效的省级代码",
                messageEN: "county.code must start with a GB/T 2260 province code")
        }
        try requireName(county.name, field: "county.name")
        try requireName(county.city, field: "county.city")
        try requireName(county.province, field: "county.province")
    }

    static func validate(_ village: Village, field: String, townships: Set<String>) throws(DomainError) {
        try requireDigits(village.code, count: 12, field: "\(field).code")
        guard townships.contains(village.townshipCode), village.code.hasPrefix(village.townshipCode) else {
            throw .invalidField(
                "\(field).township_code", message: "村代码必须以所属乡镇的代码开头，且乡镇必须存在",
                messageEN: "a village must belong to a listed township and its code start with the township's")
        }
        try requireName(village.name, field: "\(field).name")
        guard village.households >= 0, village.population >= 0 else {
            throw .invalidField(
                "\(field).households", message: "户数和人口不能为负数",
                messageEN: "households and population must not be negative")
        }
    }

    static func requireDigits(_ code: String, count: Int, field: String) throws(DomainError) {
        guard code.utf8.count == count, code.utf8.allSatisfy({ (48...57).contains($0) }) else {
            throw .invalidField(
                field, message: "代码必须是 \(count) 位数字", messageEN: "\(field) must be \(count) digits")
        }
    }

    static func requireName(_ name: String, field: String) throws(DomainError) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 50 else {
            throw .invalidField(
                field, message: "名称不能为空，且不超过 50 个字", messageEN: "\(field) must be 1 to 50 characters")
        }
    }

    private static func duplicate(_ field: String) -> DomainError {
        .invalidField(field, message: "代码重复", messageEN: "\(field) appears twice")
    }
}
