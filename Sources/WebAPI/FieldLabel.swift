/// The Chinese name of a field of the APIs' bodies, as the screens label it, so that an error a
/// person reads names the field in their words (缺少「品名」), while the error body's `field` keeps
/// the name programs use (`product_name`).
///
/// ```swift
/// FieldLabel.chinese("lines[2].debit_fen")   // "第 3 行的借方金额"
/// FieldLabel.chinese("product_name")          // "品名"
/// ```
public enum FieldLabel {
    /// The field's label; a path is read from its last name, with the list positions it went through.
    public static func chinese(_ path: String) -> String {
        var positions: [String] = []
        var last = ""
        for part in path.split(separator: ".") {
            var name = Substring(part)
            if let bracket = name.firstIndex(of: "[") {
                for index in name[bracket...].split(separator: "[").compactMap({ Int($0.dropLast()) }) {
                    positions.append("第 \(index + 1) 行的")
                }
                name = name[..<bracket]
            }
            last = String(name)
        }
        let label = labels[last] ?? last
        return positions.suffix(1).joined() + label
    }

    static let labels: [String: String] = [
        "account": "科目", "subaccount": "明细科目", "debit_fen": "借方金额", "credit_fen": "贷方金额", "summary": "摘要",
        "lines": "分录", "voucher_date": "凭证日期", "attachments": "附件张数", "period": "会计期间", "household": "农户",
        "note": "说明", "reason": "原因", "approve": "审核意见", "actor": "经办人", "role": "身份", "date": "日期",
        "product_name": "品名", "quantity_g": "数量", "producer_name": "生产者", "producer_kind": "生产者类别",
        "producer_phone": "联系电话", "producer_credit_code": "统一社会信用代码", "trace_code": "追溯码", "lot_id": "批次",
        "origin": "产地", "kind": "类别", "occurred_at": "发生时间", "read_point": "地点", "biz_location": "经营场所",
        "disposition": "状态", "source_name": "来源", "source_kind": "来源类别", "destination_name": "去向",
        "destination_kind": "去向类别", "input_name": "投入品名称", "registration_number": "登记证号", "dose": "用量",
        "safety_interval_days": "安全间隔期", "test_kind": "检测方式", "test_item": "检测项目", "test_passed": "检测结果",
        "tester": "检测人", "inputs": "投入批次", "outputs": "产出批次", "retracts": "撤回的记录", "issued_on": "开具日期",
        "code": "代码", "variety_code": "品种", "market_id": "市场", "observed_on": "价格日期", "min_fen": "最低价",
        "avg_fen": "平均价", "max_fen": "最高价", "unit": "单位", "spec": "规格", "volume_kg": "交易量", "corrects": "更正的记录",
        "price": "价格", "entry": "记录", "title": "标题", "body": "正文", "category": "类别", "issuer": "发文机关",
        "document_number": "文号", "index_number": "索引号", "signed_on": "成文日期", "published_on": "发布日期",
        "effective_on": "施行日期", "expires_on": "失效日期", "interpretation": "政策解读", "relations": "关联文件",
        "target": "关联的文件", "urgent": "紧急", "login": "登录名", "secret": "密码", "name": "名称", "village": "村",
        "village_code": "村代码", "village_name": "村名", "id": "编号", "value": "值", "resolved_by": "处理人",
        "recorded_by": "记录人", "public_key": "公钥", "party_b": "承包方",
    ]
}
