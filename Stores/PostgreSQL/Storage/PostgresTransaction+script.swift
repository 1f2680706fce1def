import Foundation

/// Scripts of several statements, as migrations are written: PostgreSQL's extended protocol (the
/// one that binds arguments) takes one statement at a time.
extension PostgresTransaction {
    /// Runs each statement of a script in turn.
    public func executeScript(_ sql: String) throws {
        for statement in Self.statements(of: sql) { try execute(statement) }
    }

    /// A script's statements: split at each `;` outside quoted text and `$$` bodies.
    static func statements(of script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var quoted = false
        var dollarQuoted = false
        var previous: Character = " "
        for character in script {
            if character == "'" && !dollarQuoted { quoted.toggle() }
            if character == "$" && previous == "$" && !quoted { dollarQuoted.toggle() }
            if character == ";" && !quoted && !dollarQuoted {
                statements.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        statements.append(current)
        return statements.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
