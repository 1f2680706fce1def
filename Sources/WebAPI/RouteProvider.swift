public import Hummingbird

/// A module's endpoints, added to a program's router in one call, so that a program's `main`
/// only lists the modules it serves.
///
/// Routes are added through `RouterMethods`, not a concrete `Router`, so that a test can add the
/// same routes to a recorder and compare them with the program's OpenAPI document.
///
/// ```swift
/// struct VillageRoutes: RouteProvider {
///     func addRoutes(to router: some RouterMethods<APIRequestContext>) {
///         router.get("villages") { _, _ in "…" }
///     }
/// }
/// ```
public protocol RouteProvider: Sendable {
    /// Adds the module's endpoints under the given router or group.
    func addRoutes(to router: some RouterMethods<APIRequestContext>)
}
