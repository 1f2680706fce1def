import Foundation
import ServiceRuntime
import Storage
import Villages

/// The county program (县级同步服务器): its name, settings, store schema and application.
///
/// ```swift
/// let store = try ServiceLauncher.openStore(SyncServerProgram.self, dataDirectory: "/var/lib/syncserver")
/// ```
public enum SyncServerProgram: ServiceProgram {
    public static let name = "syncserver"
    public static let environmentPrefix = "SYNCSERVER"
    public static let defaultPort = 8090
    public static let storeRole = "county"

    /// The modules the county keeps data for, in migration order.
    public static let schema = Schema(modules: [
        VillagesSchema.migrations
    ])

    /// The county console in a development checkout: `SyncServer/Console`.
    public static let sourceWebFolder: String? = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../Console").standardizedFileURL.path

    public static func assemble(settings: ServiceSettings, store: Store, webRoot: String?) -> SyncServerApplication {
        SyncServerApplication(settings: settings, store: store, webRoot: webRoot)
    }
}
