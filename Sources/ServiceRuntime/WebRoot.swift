public import Foundation

/// Finds the folder of a program's web front: the `--web-root` flag, then `<PREFIX>_WEB_ROOT`,
/// then `<executable>/../share/<program>/web` (an installed program), then the folder beside the
/// sources (a development checkout).
///
/// ```swift
/// let root = WebRoot.resolve(program: KioskProgram.self, explicit: options.webRoot,
///                            sourceFolder: KioskApplication.sourceWebFolder)
/// ```
public enum WebRoot {
    public static func resolve<Program: ServiceProgram>(
        program: Program.Type, explicit: String?, sourceFolder: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String? {
        if let explicit { return explicit }
        if let configured = environment["\(Program.environmentPrefix)_WEB_ROOT"] { return configured }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let installed = executable.deletingLastPathComponent()
            .appendingPathComponent("../share/\(Program.name)/web").standardizedFileURL.path
        return [installed, sourceFolder].first { isFolder($0) }
    }

    private static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}
