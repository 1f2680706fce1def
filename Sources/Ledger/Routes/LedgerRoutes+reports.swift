import ChinaLocale
import Hummingbird
import WebAPI

extension LedgerRoutes {
    /// The books as read by those who keep and check them.
    func addReports(to ledger: some RouterMethods<APIRequestContext>) {
        ledger.get("drafts") { request, context in
            JSONResponse(DraftList(drafts: try await queries.drafts(village: try await village(request, context))))
        }
        ledger.get("drafts/waiting") { _, context in
            JSONResponse(WaitingList(villages: try await queries.waitingDrafts().filter { context.sees($0.villageCode) }))
        }
        ledger.get("accounts") { _, _ in JSONResponse(AccountList(accounts: ChartOfAccounts.chart2023)) }
        ledger.get("vouchers") { request, context in
            let month = try Self.required(request, "month")
            let village = try await village(request, context)
            return JSONResponse(VoucherList(vouchers: try await queries.vouchers(village: village, month: month)))
        }
        ledger.get("reports/trial-balance") { request, context in
            JSONResponse(
                try await queries.trialBalance(
                    village: try await village(request, context), from: try Self.required(request, "from"),
                    through: try Self.required(request, "through")))
        }
        ledger.get("reports/balance-sheet") { request, context in
            JSONResponse(
                try await queries.balanceSheet(village: try await village(request, context), at: try Self.required(request, "month")))
        }
        ledger.get("reports/income") { request, context in
            JSONResponse(
                try await queries.incomeStatement(village: try await village(request, context), through: try Self.required(request, "through")))
        }
        ledger.get("journals/{account}") { request, context in
            JSONResponse(
                try await queries.journal(
                    village: try await village(request, context), account: try context.parameters.decoded("account"),
                    subaccount: request.uri.queryParameters["subaccount"].map(String.init),
                    from: try Self.required(request, "from"), through: try Self.required(request, "through")))
        }
        ledger.get("households") { request, context in
            JSONResponse(
                HouseholdList(
                    households: try await queries.households(
                        village: try await village(request, context), at: request.uri.queryParameters["month"].map(String.init))))
        }
        ledger.get("chain") { request, context in
            JSONResponse(try await queries.verifyChain(village: try await village(request, context), sealedBy: try await sealKey()))
        }
        ledger.get("audit") { request, context in
            let limit = try request.integerParameter("limit", default: 200, in: 1...1_000)
            return JSONResponse(AuditList(entries: try await queries.auditTrail(village: try await village(request, context), limit: limit)))
        }
        ledger.get("assets") { request, context in
            let month = request.uri.queryParameters["month"].map(String.init) ?? LedgerPeriod.month(of: .today())
            return JSONResponse(AssetList(assets: try await queries.assets(village: try await village(request, context), at: month)))
        }
        ledger.get("resources") { request, context in
            JSONResponse(ResourceList(resources: try await queries.resources(village: try await village(request, context))))
        }
        ledger.get("contracts") { request, context in
            JSONResponse(ContractList(contracts: try await queries.contracts(village: try await village(request, context), on: .today())))
        }
    }
}
