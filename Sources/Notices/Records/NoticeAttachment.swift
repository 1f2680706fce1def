import Crypto
public import Foundation

/// A file published with a notice (附件): the PDF or the image of the signed document. It travels
/// as its own signed document, named by the SHA-256 of its bytes, so that a station can check the
/// file it serves is the file the county published.
///
/// ```swift
/// let scan = try NoticeAttachment(noticeID: "DB-2026-27", fileName: "埔三防〔2026〕5号.pdf", content: data)
/// scan.id   // "sha256-…" (hex of the bytes)
/// ```
public struct NoticeAttachment: Sendable, Equatable {
    public let noticeID: String
    public let fileName: String
    public let mediaType: String
    public let content: Data

    /// The largest file a notice carries: a scanned document, not a video.
    public static let maximumSize = 8 * 1024 * 1024

    public init(noticeID: String, fileName: String, content: Data) {
        self.noticeID = noticeID
        self.fileName = fileName
        self.mediaType = Self.mediaType(of: fileName)
        self.content = content
    }

    /// `sha256-` and the hex digest of the bytes.
    public var id: String { Self.id(of: content) }

    public static func id(of content: Data) -> String {
        "sha256-" + SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
    }

    static func mediaType(of fileName: String) -> String {
        switch (fileName as NSString).pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "ofd": "application/ofd"
        default: "application/octet-stream"
        }
    }
}
