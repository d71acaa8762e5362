import CCurl

/// POSTs JSON to an incoming webhook through libcurl: http(s) only, no redirects followed, the answer's body discarded.
public struct CurlWebhookTransport: WebhookTransport {
    public let url: WebhookURL
    public let timeout: Int

    public init(url: WebhookURL, timeout: Int = 30) {
        self.url = url
        self.timeout = timeout
    }

    private static let globalSetup: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    public func post(_ body: [UInt8]) -> WebhookAnswer {
        guard Self.globalSetup == CURLE_OK, let handle = curl_easy_init() else {
            return .unreachable("libcurl could not start. Check that libcurl4-openssl is installed (scripts/install-deps.sh).")
        }
        defer { curl_easy_cleanup(handle) }
        var headers: UnsafeMutablePointer<curl_slist>?
        headers = curl_slist_append(headers, "Content-Type: application/json; charset=utf-8")
        defer { curl_slist_free_all(headers) }
        clarity_curl_set_string(handle, CURLOPT_URL, url.secret)
        clarity_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        clarity_curl_set_long(handle, CURLOPT_PROTOCOLS, Int(CURLPROTO_HTTP | CURLPROTO_HTTPS))
        clarity_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        clarity_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, timeout)
        clarity_curl_set_long(handle, CURLOPT_TIMEOUT, timeout)
        clarity_curl_set_list(handle, CURLOPT_HTTPHEADER, headers)
        clarity_curl_set_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
        clarity_curl_set_write_function(handle) { _, size, count, _ in size * count }
        let result = body.withUnsafeBufferPointer { buffer in
            clarity_curl_set_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress))
            return curl_easy_perform(handle)
        }
        guard result == CURLE_OK else {
            return .unreachable("cannot reach the webhook at \(url): \(String(cString: curl_easy_strerror(result)))")
        }
        var code = 0
        clarity_curl_response_code(handle, &code)
        return .status(code)
    }
}
