public import ServiceLifecycle

/// A program's application as a service whose failure to listen says which address failed, in
/// the one line an operator reads (``StartupFailure``).
///
/// ```swift
/// let group = ServiceGroup(services: [ListeningService(settings: settings, application: app)],
///                          gracefulShutdownSignals: [.sigterm], logger: logger)
/// try await group.run()
/// ```
public struct ListeningService<Application: Service>: Service {
    let settings: ServiceSettings
    let application: Application

    public init(settings: ServiceSettings, application: Application) {
        self.settings = settings
        self.application = application
    }

    public func run() async throws {
        do {
            try await application.run()
        } catch {
            throw StartupFailure.listening(error, host: settings.host, port: settings.port) ?? error
        }
    }
}
