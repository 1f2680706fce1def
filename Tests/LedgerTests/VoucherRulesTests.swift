import DomainCore
import Ledger
import LedgerSQLite
import Sync
import Testing
import WebAPI
import TestSupport

@Suite struct VoucherRulesTests {
    func refusal(_ world: LedgerWorld, _ lines: [VoucherLine], date: String = "2026-03-01") async -> String? {
        do {
            _ = try await world.bookkeeper(world.station).prepare(VoucherEntry(voucherDate: date, lines: lines), by: LedgerWorld.clerk)
            return nil
        } catch let error as DomainError {
            return error.field
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: HubStore.allCases) func aVoucherMustBalanceAndEachLineHaveOneSide(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            let unbalanced = [VoucherLine(summary: "x", account: "101", debitFen: 100), VoucherLine(summary: "x", account: "501", creditFen: 90)]
            #expect(await refusal(world, unbalanced) == "lines")
            let bothSides = [VoucherLine(summary: "x", account: "101", debitFen: 100, creditFen: 100), VoucherLine(summary: "x", account: "501", creditFen: 0)]
            #expect(await refusal(world, bothSides) == "lines[0]")
            #expect(await refusal(world, [VoucherLine(summary: "x", account: "101", debitFen: 100)]) == "lines")
            #expect(await refusal(world, LedgerWorld.pair("x", debit: "101", credit: "999", 100)) == "lines[1].account")
            #expect(await refusal(world, LedgerWorld.pair("", debit: "101", credit: "501", 100)) == "lines[0].summary")
            #expect(await refusal(world, LedgerWorld.pair("x", debit: "113", credit: "501", 100)) == "lines[0].subaccount")
            #expect(await refusal(world, LedgerWorld.pair("x", debit: "113", credit: "501", 100, debitSub: "102001")) == "lines[0].subaccount")
            #expect(await refusal(world, LedgerWorld.pair("x", debit: "101", credit: "501", 100), date: "2026-06-11") == "voucher_date")
            #expect(await refusal(world, LedgerWorld.pair("x", debit: "101", credit: "501", 100), date: "2026-02-30") == "voucher_date")
            #expect(await refusal(world, LedgerWorld.pair("x", debit: "113", credit: "501", 100, debitSub: "113001")) == nil)
        }
    }

    @Test(arguments: HubStore.allCases) func aPreparerNeverReviewsTheirOwnVoucherAndOnlyAReviewedOneIsPosted(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            let books = world.bookkeeper(world.station)
            let draft = try await books.prepare(VoucherEntry(voucherDate: "2026-03-01", lines: LedgerWorld.pair("x", debit: "101", credit: "501", 100)), by: LedgerWorld.clerk)
            await #expect { try await books.review(draftID: draft.id, approve: true, note: "", by: LedgerWorld.checker) } throws: {
                ($0 as? DomainError)?.code == "wrong_state"  // not submitted yet
            }
            _ = try await books.submit(draftID: draft.id, by: LedgerWorld.clerk)
            // The county keeps 侯南村's books: the station's own reviewer may not review, whoever it is.
            await #expect { try await books.review(draftID: draft.id, approve: true, note: "", by: LedgerWorld.checker) } throws: {
                ($0 as? SyncError) == .refused(rule: "ledger.draft.review", reason: "the county keeps 441422107201's books, not the station")
            }
            try await world.sync(world.station)
            let agency = world.bookkeeper(world.county)
            let selfReview = LedgerActor(name: LedgerWorld.clerk.name, role: .reviewer)
            await #expect { try await agency.review(draftID: draft.id, approve: true, note: "", by: selfReview) } throws: {
                ($0 as? DomainError)?.code == "own_voucher"
            }
            await #expect { try await agency.review(draftID: draft.id, approve: true, note: "", by: LedgerWorld.clerk) } throws: {
                ($0 as? DomainError)?.code == "wrong_role"
            }
            await #expect { try await world.poster(world.county).post(draftID: draft.id, by: LedgerWorld.agency) } throws: {
                ($0 as? DomainError)?.code == "wrong_state"  // submitted, not reviewed
            }
            await #expect { try await agency.review(draftID: draft.id, approve: false, note: "", by: LedgerWorld.checker) } throws: {
                ($0 as? DomainError)?.field == "note"
            }
            let rejected = try await agency.review(draftID: draft.id, approve: false, note: "附件不全", by: LedgerWorld.checker)
            #expect(rejected.status == .rejected)
            try await world.sync(world.station)
            _ = try await books.submit(draftID: draft.id, by: LedgerWorld.clerk)
            try await world.sync(world.station)
            _ = try await agency.review(draftID: draft.id, approve: true, note: "", by: LedgerWorld.checker)
            try await world.sync(world.station)
            let clerkAsPoster = LedgerActor(name: "李会计", role: .preparer)
            await #expect { try await world.poster(world.county).post(draftID: draft.id, by: clerkAsPoster) } throws: {
                ($0 as? DomainError)?.code == "wrong_role"
            }
            let voucher = try await world.poster(world.county).post(draftID: draft.id, by: LedgerWorld.agency)
            #expect(voucher.preparer == "李会计" && voucher.reviewer == "镇农经站王审核" && voucher.poster == "百侯镇农经站")
            let trail = try await world.queries.auditTrail(village: LedgerWorld.village)
            #expect(Set(trail.map(\.action)).isSuperset(of: ["prepared", "submitted", "rejected", "reviewed", "posted"]))
        }
    }

    @Test(arguments: HubStore.allCases) func numbersAreGaplessAndNeverCollideWhenStationAndCountyBothPrepare(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            var drafts: [VoucherDraft] = []
            for day in 1...3 {
                drafts.append(try await world.prepared("2026-04-0\(day)", LedgerWorld.pair("站\(day)", debit: "101", credit: "504", 100), at: world.station))
            }
            for day in 4...5 {
                drafts.append(try await world.prepared("2026-04-0\(day)", LedgerWorld.pair("县\(day)", debit: "101", credit: "504", 100), at: world.county))
            }
            // the station cannot post: the township agency keeps 侯南村's books
            await #expect { try await world.poster(world.station).post(draftID: drafts[0].id, by: LedgerWorld.agency) } throws: {
                ($0 as? DomainError)?.code == "not_the_poster"
            }
            try await world.sync(world.station)
            for draft in drafts.shuffled() { _ = try await world.poster(world.county).post(draftID: draft.id, by: LedgerWorld.agency) }
            try await world.sync(world.station)
            let numbers = try await LedgerQueries(store: world.station.store).vouchers(village: LedgerWorld.village, month: "2026-04").map(\.number)
            #expect(numbers == [1, 2, 3, 4, 5])

            // when the county hands the books to the station, the station numbers on, and the county cannot post
            try await ChartPublisher(replica: world.county).setPoster(.station, for: LedgerWorld.village)
            try await world.sync(world.station)
            let next = try await world.prepared("2026-04-09", LedgerWorld.pair("站6", debit: "101", credit: "504", 100), at: world.station)
            #expect(try await world.poster(world.station).post(draftID: next.id, by: LedgerWorld.agency).number == 6)
            let countyDraft = try await world.prepared("2026-04-10", LedgerWorld.pair("县7", debit: "101", credit: "504", 100), at: world.county)
            await #expect { try await world.poster(world.county).post(draftID: countyDraft.id, by: LedgerWorld.agency) } throws: {
                ($0 as? DomainError)?.code == "not_the_poster"
            }
            try await world.sync(world.station)
            #expect(try await world.queries.verifyChain(village: LedgerWorld.village).intact)
        }
    }

    @Test(arguments: HubStore.allCases) func aPostedVoucherIsCorrectedByARedReversal(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            let wrong = try await world.post("2026-03-05", LedgerWorld.pair("误记办公费", debit: "513", credit: "101", 50_000))
            let red = try await world.poster(world.county).reverse(voucherID: wrong.id, on: "2026-03-06", reason: "科目记错", by: LedgerWorld.agency)
            #expect(red.reverses == wrong.id)
            #expect(red.lines.map(\.debitFen) == [-50_000, 0])
            #expect(red.number == 2)
            let trial = try await world.queries.trialBalance(village: LedgerWorld.village, from: "2026-03", through: "2026-03")
            #expect(trial.rows.allSatisfy { $0.closingFen == 0 })
            #expect(trial.balanced)
            await #expect { try await world.poster(world.county).reverse(voucherID: wrong.id, on: "2026-03-07", reason: "再冲", by: LedgerWorld.agency) } throws: {
                ($0 as? DomainError)?.field == "voucher_id"
            }
            await #expect { try await world.poster(world.county).reverse(voucherID: red.id, on: "2026-03-07", reason: "冲红字", by: LedgerWorld.agency) } throws: {
                ($0 as? DomainError)?.field == "voucher_id"
            }
        }
    }

    @Test(arguments: HubStore.allCases) func aClosedMonthTakesNoMoreVouchers(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            try await world.post("2026-01-05", LedgerWorld.pair("x", debit: "101", credit: "504", 100))
            let waiting = try await world.prepared("2026-01-20", LedgerWorld.pair("y", debit: "101", credit: "504", 100), at: world.county)
            await #expect { try await world.poster(world.county).close(month: "2026-01", village: LedgerWorld.village, by: LedgerWorld.agency) } throws: {
                ($0 as? DomainError)?.field == "period"  // a reviewed voucher of January is not posted yet
            }
            _ = try await world.poster(world.county).post(draftID: waiting.id, by: LedgerWorld.agency)
            try await world.poster(world.county).close(month: "2026-01", village: LedgerWorld.village, by: LedgerWorld.agency)
            try await world.sync(world.station)
            #expect(await refusal(world, LedgerWorld.pair("z", debit: "101", credit: "504", 100), date: "2026-01-31") == "voucher_date")
        }
    }
}
