import StoreInterface
public import Sync

/// A resource of the collective (资源登记): a parcel of land, water or forest with its class
/// (GB/T 21010), area in 亩 (kept in hundredths), four boundaries (四至), owner (the village or a
/// group) and how it is operated.
///
/// ```swift
/// let parcel = LandParcel(parcelCode: "441422107201-0012", name: "东坡茶园", landClass: "0302 茶园",
///                         areaHundredthMu: 3_250, owner: "侯南村")
/// ```
public struct LandParcel: SyncRecord, Sendable, Equatable {
    public var id: String?
    public var villageCode: String?
    public var parcelCode: String
    public var name: String
    public var landClass: String
    public var areaHundredthMu: Int64
    public var east: String
    public var south: String
    public var west: String
    public var north: String
    public var owner: String
    public var operation: String
    public var contractID: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, villageCode, parcelCode, name, landClass, areaHundredthMu, east, south, west, north, owner, operation
        case contractID = "contractId"
    }

    public init(
        parcelCode: String, name: String, landClass: String, areaHundredthMu: Int64, east: String = "", south: String = "",
        west: String = "", north: String = "", owner: String, operation: String = "", contractID: String? = nil
    ) {
        (self.parcelCode, self.name, self.landClass, self.areaHundredthMu) = (parcelCode, name, landClass, areaHundredthMu)
        (self.east, self.south, self.west, self.north) = (east, south, west, north)
        (self.owner, self.operation, self.contractID) = (owner, operation, contractID)
    }
}
