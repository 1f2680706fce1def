import ChinaLocale
import Hummingbird
import WebAPI

extension LedgerRoutes {
    /// The books as read by those who keep and check them.
    func addReports(to ledger: some RouterMethods<APIRequestContext>) {
        ledger.get("drafts") { request, _ in JSONResponse(DraftList(drafts: try await queries.drafts(village: try await village(request)))) }
        ledger.get("drafts/waiting") { _, _ in JSONResponse(WaitingList(villages: try await queries.waitingDrafts())) }
        ledger.get("accounts") { _, _ in JSONResponse(AccountList(accounts: ChartOfAccounts.chart2023)) }
        ledger.get("vouchers") { request, _ in
            let month = try Self.required(request, "month")
            return JSONResponse(VoucherList(vouchers: try await queries.vouchers(village: try await village(request), month: month)))
        }
        ledger.get("reports/trial-balance") { request, _ in
            JSONResponse(
                try await queries.trialBalance(
                    village: try await village(request), from: try Self.required(request, "from"), through: try Self.required(request, "through")))
        }
        ledger.get("reports/balance-sheet") { request, _ in
            JSONResponse(try await queries.balanceSheet(village: try await village(request), at: try Self.required(request, "month")))
        }
        ledger.get("reports/income") { request, _ in
            JSONResponse(try await queries.incomeStatement(village: try await village(request), through: try Self.required(request, "through")))
        }
        ledger.get("journals/{account}") { request, context in
            JSONResponse(
                try await queries.journal(
                    village: try await village(request), account: try context.parameters.decoded("account"),
                    subaccount: request.uri.queryParameters["subaccount"].map(String.init),
                    from: try Self.required(request, "from"), through: try Self.required(request, "through")))
        }
        ledger.get("households") { request, _ in
            JSONResponse(
                HouseholdList(
                    households: try await queries.households(
                        village: try await village(request), at: request.uri.queryParameters["month"].map(String.init))))
        }
        ledger.get("chain") { request, _ in
            JSONResponse(try await queries.verifyChain(village: try await village(request), sealedBy: try await sealKey()))
        }
        ledger.get("audit") { request, _ in
            let limit = try request.integerParameter("limit", default: 200, in: 1...1_000)
            return JSONResponse(AuditList(entries: try await queries.auditTrail(village: try await village(request), limit: limit)))
        }
        ledger.get("assets") { request, _ in
            let month = request.uri.queryParameters["month"].map(String.init) ?? LedgerPeriod.month(of: .today())
            return JSONResponse(AssetList(assets: try await queries.assets(village: try await village(request), at: month)))
        }
        ledger.get("resources") { request, _ in
            JSONResponse(ResourceList(resources: try await queries.resources(village: try await village(request))))
        }
        ledger.get("contracts") { request, _ in
            JSONResponse(ContractList(contracts: try await queries.contracts(village: try await village(request), on: .today())))
        }
    }
}
