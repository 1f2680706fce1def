/// The charts of accounts as data (REFERENCE §4). The 2023 chart is `accounts-2023.csv` of the
/// domain reference; the 2004 chart (村集体经济组织会计制度, 财会〔2004〕12号) is kept so that older
/// books can be read, each of its accounts mapped to the 2023 account it reads as.
///
/// ```swift
/// ChartOfAccounts.mapTo2023("541")   // "513" 管理费用
/// ```
public enum ChartOfAccounts {
    /// The chart new books are kept in.
    public static let current = "2023"

    public static let chart2023: [LedgerAccount] = rows2023.split(separator: "\n").map { line in
        let field = line.split(separator: ",").map(String.init)
        return LedgerAccount(
            chart: "2023", code: field[0], name: field[1], normalBalance: NormalBalance(rawValue: field[2])!,
            accountClass: AccountClass(rawValue: field[3])!)
    }

    /// The 2004 chart, each account with its 2023 account. The swaps and moves are those REFERENCE
    /// §4 lists (153/154, 202→211, 211→212, 502→511, 522→503, 531→504, 541→513, 561→502); the rest
    /// keep their code, or go where the 2023 rules put their content (发包及上交收入 into 经营收入).
    public static let chart2004: [LedgerAccount] = rows2004.split(separator: "\n").map { line in
        let field = line.split(separator: ",").map(String.init)
        return LedgerAccount(
            chart: "2004", code: field[0], name: field[1], normalBalance: NormalBalance(rawValue: field[2])!,
            accountClass: AccountClass(rawValue: field[3])!, mapsTo: field[4])
    }

    public static var all: [LedgerAccount] { chart2023 + chart2004 }

    /// The 2023 account a 2004 account reads as, or `nil` for a code the 2004 chart lacks.
    public static func mapTo2023(_ code2004: String) -> String? {
        chart2004.first { $0.code == code2004 }?.mapsTo
    }

    static let rows2023 = """
        101,库存现金,debit,asset
        102,银行存款,debit,asset
        111,短期投资,debit,asset
        112,应收款,debit,asset
        113,内部往来,debit,asset
        121,库存物资,debit,asset
        131,消耗性生物资产,debit,asset
        132,生产性生物资产,debit,asset
        133,生产性生物资产累计折旧,credit,asset
        134,公益性生物资产,debit,asset
        141,长期投资,debit,asset
        151,固定资产,debit,asset
        152,累计折旧,credit,asset
        153,在建工程,debit,asset
        154,固定资产清理,debit,asset
        161,无形资产,debit,asset
        162,累计摊销,credit,asset
        171,长期待摊费用,debit,asset
        181,待处理财产损溢,debit,asset
        201,短期借款,credit,liability
        211,应付款,credit,liability
        212,应付工资,credit,liability
        213,应付劳务费,credit,liability
        214,应交税费,credit,liability
        221,长期借款及应付款,credit,liability
        231,一事一议资金,credit,liability
        241,专项应付款,credit,liability
        301,资本,credit,equity
        311,公积公益金,credit,equity
        321,本年收益,credit,equity
        322,收益分配,credit,equity
        401,生产（劳务）成本,debit,cost
        501,经营收入,credit,income
        502,投资收益,credit,income
        503,补助收入,credit,income
        504,其他收入,credit,income
        511,经营支出,debit,expense
        512,税金及附加,debit,expense
        513,管理费用,debit,expense
        514,公益支出,debit,expense
        515,其他支出,debit,expense
        521,所得税费用,debit,expense
        """

    static let rows2004 = """
        101,现金,debit,asset,101
        102,银行存款,debit,asset,102
        111,短期投资,debit,asset,111
        112,应收款,debit,asset,112
        113,内部往来,debit,asset,113
        121,库存物资,debit,asset,121
        131,牲畜（禽）资产,debit,asset,131
        132,林木资产,debit,asset,132
        141,长期投资,debit,asset,141
        151,固定资产,debit,asset,151
        152,累计折旧,credit,asset,152
        153,固定资产清理,debit,asset,154
        154,在建工程,debit,asset,153
        201,短期借款,credit,liability,201
        202,应付款,credit,liability,211
        211,应付工资,credit,liability,212
        212,应付福利费,credit,liability,211
        221,长期借款及应付款,credit,liability,221
        231,一事一议资金,credit,liability,231
        241,专项应付款,credit,liability,241
        301,资本,credit,equity,301
        311,公积公益金,credit,equity,311
        321,本年收益,credit,equity,321
        322,收益分配,credit,equity,322
        401,生产（劳务）成本,debit,cost,401
        501,经营收入,credit,income,501
        502,经营支出,debit,expense,511
        511,发包及上交收入,credit,income,501
        522,补助收入,credit,income,503
        531,其他收入,credit,income,504
        541,管理费用,debit,expense,513
        551,其他支出,debit,expense,515
        561,投资收益,credit,income,502
        """
}
