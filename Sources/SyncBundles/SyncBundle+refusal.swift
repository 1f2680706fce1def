/// Why a bundle is not taken, in words for the operator or the administrator who carried it, in
/// Chinese and English. Nothing of a refused bundle is applied.
extension SyncBundle {
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case unreadable(String)
        case notABundle
        case laterVersion(Int)
        case tooLarge(bytes: Int)
        /// A bundle of the other kind than this side imports.
        case wrongKind(SyncBundle.Kind)
        /// A bundle written for or by another station than this one.
        case otherStation(String)
        /// A station the county does not know, or has revoked.
        case unknownStation(String)
        case badSignature
        case damaged(String)
        /// The county's changes start after what the station holds: taking them would leave a gap.
        case gap(startsAfter: Int64, held: Int64)

        public var description: String {
            switch self {
            case .unreadable(let path): "无法读取文件 — cannot read \(path)"
            case .notABundle: "不是同步包文件 — not a sync bundle file"
            case .laterVersion(let version): "同步包版本 \(version) 比本程序新，请先升级 — bundle format \(version) is newer than this program's; upgrade first"
            case .tooLarge(let bytes): "文件过大 — the file is \(bytes) bytes, more than a bundle may be (\(SyncBundle.largestFile))"
            case .wrongKind(let kind):
                kind == .station
                    ? "这是站点导出的同步包，应在县级服务器导入 — this bundle was exported by a station: import it at the county"
                    : "这是县级服务器的同步包，应在站点导入 — this bundle is the county's: import it at the station"
            case .otherStation(let station): "同步包属于另一个站点（\(station)）— the bundle is for another station, \(station)"
            case .unknownStation(let station): "站点 \(station) 未登记或已停用 — station \(station) is not enrolled here, or is revoked"
            case .badSignature: "签名无效，文件被改动或不是对方所写 — the signature is not valid: the file was changed, or not written by the other side"
            case .damaged(let detail): "同步包已损坏 — the bundle is damaged: \(detail)"
            case .gap(let after, let held):
                "同步包从县级日志第 \(after) 条之后开始，本站只到第 \(held) 条；请县里按本站导出的同步包重新生成 — "
                    + "the bundle starts after position \(after) of the county's log and this station holds only up to \(held); "
                    + "ask the county for the answer to this station's own bundle"
            }
        }
    }
}
