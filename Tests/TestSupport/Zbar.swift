import Foundation

/// QR codes read off an image by Debian's zbar (`zbarimg`, package zbar-tools), as a phone's
/// camera reads them: what a test shows on a screen or draws is read back by another library.
///
/// ```swift
/// let texts = try Zbar.read(imageAt: "/tmp/home.png")   // ["http://127.0.0.1:8081/#/"]
/// ```
public enum Zbar {
    public static let path = "/usr/bin/zbarimg"

    /// The text of every QR code zbar finds in the image, one an element.
    public static func read(imageAt file: String) throws -> [String] {
        let (_, output) = try ProgramProcess.runBlocking(path, ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", file])
        return output.split(separator: "\n").map(String.init)
    }
}
