import Foundation
public import HTTPTypes
public import HummingbirdTesting
public import NIOCore
import NIOFoundationCompat

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An answer read by ``HummingbirdTesting/TestClientProtocol/executePatiently(uri:method:headers:body:)``.
public struct PatientAnswer: Sendable {
    public let status: HTTPResponse.Status
    public let headers: HTTPFields
    public let body: ByteBuffer
}

extension TestClientProtocol {
    /// Sends a request and reads its answer, waiting as long as a busy machine needs.
    ///
    /// Hummingbird's `.live` client gives up after 20 s without a byte, which a run of every suite
    /// at once can exceed — above all where a request waits on purpose (a repeated tap waiting for
    /// the first in a hub's other process). To a live server this sends the request over URLSession
    /// with a bound of minutes, a bound on a hung run rather than a measure of speed; to the router
    /// framework, which has no clock, it sends it as `execute` does.
    ///
    /// ```swift
    /// try await application.test(.live) { client in
    ///     let answer = try await client.executePatiently(uri: "/api/v1/notices", method: .post, body: body)
    ///     #expect(answer.status == .created)
    /// }
    /// ```
    public func executePatiently(
        uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil
    ) async throws -> PatientAnswer {
        guard let port else {
            return try await execute(uri: uri, method: method, headers: headers, body: body) {
                PatientAnswer(status: $0.status, headers: $0.headers, body: $0.body)
            }
        }
        guard let url = URL(string: "http://127.0.0.1:\(port)\(uri)") else { throw TestClient.Error.invalidURL }
        var request = URLRequest(url: url, timeoutInterval: 300)
        request.httpMethod = method.rawValue
        request.httpShouldHandleCookies = false
        for field in headers { request.addValue(field.value, forHTTPHeaderField: field.name.rawName) }
        if let body { request.httpBody = Data(buffer: body) }
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let response = response as? HTTPURLResponse else { throw TestClient.Error.malformedResponse }
        var fields = HTTPFields()
        for case let (name as String, value as String) in response.allHeaderFields {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return PatientAnswer(status: .init(code: response.statusCode), headers: fields, body: ByteBuffer(data: data))
    }
}
