import Access
import AccessSQLite
public import ArgumentParser
import Foundation
import Glibc
import WebAPI

/// `<program> account`: the people who log in to this program. The PIN or password is read from
/// standard input (without echo at a terminal), never from the command line, where `ps` and the
/// shell's history would show it.
///
/// ```sh
/// kiosk account add --login li --name 李站长 --role operator --role bookkeeper   # asks for a PIN
/// syncserver account list
/// ```
public struct AccountCommand<Program: ServiceProgram>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "account", abstract: "Add, list and remove the accounts that log in.",
            subcommands: [Add.self, List.self, Remove.self])
    }

    public init() {}

    /// `account add`: a new account, or a new secret, name and roles for one (which also unlocks it).
    public struct Add: AsyncParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: "Add an account, or reset one's secret and roles; reads the secret from standard input.")
        }
        @OptionGroup var storage: DataDirectoryOption<Program>
        @Option(help: "Login name: 2–32 ASCII letters, digits or ._-") var login: String
        @Option(help: "The person's name as records show it, such as 李站长.") var name: String
        @Option(help: "operator, bookkeeper, reviewer or admin; repeat for several.") var role: [StaffRole]
        @Option(
            help: "At a hub: the division the person answers for, by its code (44 a province, 4414 a city, 441422 a county); none: all of it."
        ) var division: String = ""

        public init() {}

        public func run() async throws {
            let store = await ServiceLauncher.openStoreOrExit(Program.self, storage: storage).transactions
            let noun = Program.loginPolicy.secretRule == .pin ? "PIN" : "password"
            guard let secret = AccountCommand.readSecret(prompt: "\(noun) for \(login): ") else {
                ServiceLauncher.fail("no \(noun) on standard input", program: Program.name)
            }
            do {
                try await AccountBook(store: store, policy: Program.loginPolicy)
                    .save(Account(login: login, name: name, roles: Set(role), division: division), secret: secret)
            } catch let error as AccountError {
                let answer = error.apiError()
                ServiceLauncher.fail("\(answer.field ?? "account"): \(answer.message) — \(answer.messageEN)", program: Program.name)
            }
            let of = division.isEmpty ? "" : " of \(division)"
            print("账号已保存 — saved \(login) (\(name)): \(role.map(\.rawValue).joined(separator: ", "))\(of)")
        }
    }

    /// `account list`: every account, its roles and whether it is locked.
    public struct List: AsyncParsableCommand {
        public static var configuration: CommandConfiguration { CommandConfiguration(abstract: "List the accounts.") }
        @OptionGroup var storage: DataDirectoryOption<Program>

        public init() {}

        public func run() async throws {
            let store = await ServiceLauncher.openStoreOrExit(Program.self, storage: storage).transactions
            for account in try await AccountBook(store: store, policy: Program.loginPolicy).accounts() {
                let locked = account.lockedUntil.map { $0 > Date() ? "  locked until \($0)" : "" } ?? ""
                let division = account.division.isEmpty ? "" : "\t\(account.division)"
                print("\(account.login)\t\(account.name)\t\(account.roles.sorted().map(\.rawValue).joined(separator: ","))\(division)\(locked)")
            }
        }
    }

    /// `account remove`: the account is gone and its sessions end.
    public struct Remove: AsyncParsableCommand {
        public static var configuration: CommandConfiguration { CommandConfiguration(abstract: "Remove an account.") }
        @OptionGroup var storage: DataDirectoryOption<Program>
        @Option(help: "The login to remove.") var login: String

        public init() {}

        public func run() async throws {
            let store = await ServiceLauncher.openStoreOrExit(Program.self, storage: storage).transactions
            do {
                try await AccountBook(store: store, policy: Program.loginPolicy).remove(login: login)
            } catch {
                ServiceLauncher.fail("no account \(login)", program: Program.name)
            }
            print("账号已删除 — removed \(login)")
        }
    }

    /// One line of standard input; at a terminal, asked for without echo.
    static func readSecret(prompt: String) -> String? {
        if isatty(STDIN_FILENO) != 0, let typed = getpass(prompt) { return String(cString: typed) }
        return readLine(strippingNewline: true)
    }
}

extension StaffRole: ExpressibleByArgument {}
