import ArgumentParser
import DomainCore
import Foundation
import Notices
import ServiceRuntime
import SyncServerService
import WebAPI

/// `syncserver notices`: publishes policy notices and their files to every station (政策通知).
struct NoticesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notices", abstract: "Publish policy notices and attach their files.",
        subcommands: [Publish.self, Attach.self])

    /// Publishes the notices of a JSON file: `[{"id", "issuer", "document_number", "title", …}]`.
    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish notices from a JSON array; a notice's relations may name one earlier in the file.")
        @OptionGroup var storage: DataDirectoryOption<SyncServerProgram>
        @Argument(help: "The JSON file.") var file: String

        func run() async throws {
            try await CountyPublishing.run(storage: storage, reading: file) { county in
                let notices = try JSONCoding.decoder.decode([Notice].self, from: Data(contentsOf: URL(fileURLWithPath: file)))
                try await NoticePublisher(replica: county).publish(notices)
                let urgent = notices.filter(\.urgent).count
                print("published \(notices.count) notices\(urgent > 0 ? ", \(urgent) urgent (sent ahead of everything else)" : "")")
            }
        }
    }

    /// Attaches a file (PDF or image of the signed document) to a published notice.
    struct Attach: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Attach a PDF or image to a published notice.")
        @OptionGroup var storage: DataDirectoryOption<SyncServerProgram>
        @Option(help: "The notice's id.") var notice: String
        @Argument(help: "The file.") var file: String

        func run() async throws {
            try await CountyPublishing.run(storage: storage, reading: file) { county in
                let url = URL(fileURLWithPath: file)
                let attachment = NoticeAttachment(noticeID: notice, fileName: url.lastPathComponent, content: try Data(contentsOf: url))
                try await NoticePublisher(replica: county).attach(attachment)
                print("attached \(url.lastPathComponent) (\(attachment.content.count) bytes, \(attachment.id)) to \(notice)")
            }
        }
    }
}
