public import ArgumentParser

/// `<program> serve`: serves a program's API and web front until SIGTERM or SIGINT.
///
/// ```swift
/// @main struct KioskCommand: AsyncParsableCommand {
///     static let configuration = CommandConfiguration(subcommands: [ServeCommand<KioskProgram>.self])
/// }
/// ```
public struct ServeCommand<Program: ServiceProgram>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "serve", abstract: "Serve the \(Program.name) API and its web front.")
    }

    @OptionGroup var options: ServeOptions<Program>

    @Option(help: "Folder of the web front (env <PREFIX>_WEB_ROOT).")
    var webRoot: String?

    public init() {}

    public func run() async throws {
        let settings: ServiceSettings
        do {
            settings = try options.settings()
        } catch {
            ServiceLauncher.exit(with: error, program: Program.name)
        }
        let web = Program.sourceWebFolder.flatMap { source in
            WebRoot.resolve(program: Program.self, explicit: webRoot, sourceFolder: source)
        }
        try await ServiceLauncher.run(Program.self, settings: settings, webRoot: web)
    }
}
