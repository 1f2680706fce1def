/// An error of a module below the web layer that knows the answer a client should get: the
/// module that joins both declares it (the sync layer's refusals, in `SyncHTTP`), and
/// ``APIErrorMiddleware`` answers with it instead of a 500.
///
/// ```swift
/// extension SyncError: APIErrorConvertible {
///     public var apiError: APIError { … }
/// }
/// ```
public protocol APIErrorConvertible: Error {
    var apiError: APIError { get }
}

extension APIError: APIErrorConvertible {
    public var apiError: APIError { self }
}
