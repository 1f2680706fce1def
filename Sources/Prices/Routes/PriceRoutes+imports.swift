import ChinaLocale
import Foundation
import Hummingbird
import WebAPI
import NIOFoundationCompat

extension PriceRoutes {
    /// At the county: a spreadsheet of prices, as `syncserver prices import` reads it, published as
    /// bulletins from the console. The answer lists the rows taken and those refused, by line.
    func addImports(to prices: some RouterMethods<APIRequestContext>) {
        prices.restricted(to: [.admin]).post("imports") { request, context in
            // A division's staff publish for their division, or one beneath it.
            let division = request.uri.queryParameters["division"].map(String.init) ?? context.principal?.division ?? ""
            try context.requireDivision(covering: division, field: "division")
            let sheet = try await request.body.collect(upTo: context.maxUploadSize)
            let source = request.uri.queryParameters["source"].map(String.init) ?? "县农业农村局"
            guard let replica = try await replica() else { throw APIError.notEnrolled }
            do {
                let report = try await PricePublisher(replica: replica).importSheet(Data(buffer: sheet), source: source, division: division)
                return JSONResponse(report, status: .created)
            } catch let failure as SpreadsheetCSV.Failure {
                throw APIError.invalidField(
                    "body", message: "表格无法读取：\(failure.description)，一行也没有导入",
                    messageEN: "the sheet cannot be read: \(failure.description); nothing was imported")
            }
        }
    }
}
