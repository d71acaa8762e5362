import CCurl
import ClarityModel

/// Submits messages over SMTP through libcurl, which speaks the protocol, STARTTLS, TLS and AUTH PLAIN/LOGIN.
public struct CurlSMTPTransport: MailTransport {
    public let server: ReportConfiguration.Email.SMTP
    /// The private CA file, already resolved against the configuration's folder; nil for the system's CAs.
    public let caFile: String?
    public let password: SMTPPassword?

    public init(server: ReportConfiguration.Email.SMTP, caFile: String?, password: SMTPPassword?) {
        self.server = server
        self.caFile = caFile
        self.password = password
    }

    /// The server's address as libcurl takes it, such as `smtp://mail.example.com:587`.
    public var url: String {
        let scheme = server.security == .tls ? "smtps" : "smtp"
        let host = server.host.contains(":") && !server.host.hasPrefix("[") ? "[\(server.host)]" : server.host
        return "\(scheme)://\(host):\(server.port)"
    }

    /// libcurl's process-wide setup, done once before the first handle.
    private static let globalSetup: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    public func submit(_ message: OutgoingMessage) -> SubmissionFailure? {
        guard Self.globalSetup == CURLE_OK, let handle = curl_easy_init() else {
            return SubmissionFailure(
                isTransient: false, reason: "libcurl could not start. Check that libcurl4-openssl is installed (scripts/install-deps.sh).")
        }
        defer { curl_easy_cleanup(handle) }
        let exchange = Unmanaged.passRetained(SMTPExchange(message.transmitted))
        defer { exchange.release() }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }
        var recipients: UnsafeMutablePointer<curl_slist>?
        for recipient in message.recipients {
            recipients = curl_slist_append(recipients, "<\(recipient.address)>")
        }
        defer { curl_slist_free_all(recipients) }

        clarity_curl_set_string(handle, CURLOPT_URL, url)
        clarity_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        clarity_curl_set_long(handle, CURLOPT_PROTOCOLS, Int(CURLPROTO_SMTP | CURLPROTO_SMTPS))
        clarity_curl_set_long(handle, CURLOPT_USE_SSL, Int(server.security == .none ? CURLUSESSL_NONE.rawValue : CURLUSESSL_ALL.rawValue))
        if let caFile { clarity_curl_set_string(handle, CURLOPT_CAINFO, caFile) }
        if !server.username.isEmpty {
            clarity_curl_set_string(handle, CURLOPT_USERNAME, server.username)
            clarity_curl_set_string(handle, CURLOPT_PASSWORD, password?.secret ?? "")
        }
        clarity_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, server.timeout)
        clarity_curl_set_long(handle, CURLOPT_SERVER_RESPONSE_TIMEOUT, server.timeout)
        clarity_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
        clarity_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, server.timeout)
        clarity_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(message.sender.address)>")
        clarity_curl_set_list(handle, CURLOPT_MAIL_RCPT, recipients)
        clarity_curl_set_long(handle, CURLOPT_UPLOAD, 1)
        clarity_curl_set_size(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.transmitted.count))
        clarity_curl_set_read_function(handle, SMTPExchange.read)
        clarity_curl_set_pointer(handle, CURLOPT_READDATA, exchange.toOpaque())
        clarity_curl_set_long(handle, CURLOPT_VERBOSE, 1)
        clarity_curl_set_debug_function(handle, SMTPExchange.debug)
        clarity_curl_set_pointer(handle, CURLOPT_DEBUGDATA, exchange.toOpaque())
        clarity_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)

        let result = curl_easy_perform(handle)
        guard result != CURLE_OK else { return nil }
        var code = 0
        clarity_curl_response_code(handle, &code)
        let detail = String(cString: errorBuffer)
        return classify(
            result, replyCode: code, reply: exchange.takeUnretainedValue().lastReply,
            detail: detail.isEmpty ? String(cString: curl_easy_strerror(result)) : detail)
    }

    /// Sorts a failure into transient (retry, then keep) or not, with a reason that says what to check.
    private func classify(_ result: CURLcode, replyCode: Int, reply: String?, detail: String) -> SubmissionFailure {
        let place = "\(server.host):\(server.port)"
        let answered = reply.map { "the server answered \"\($0)\"" } ?? detail
        switch result {
        case CURLE_LOGIN_DENIED:
            return SubmissionFailure(
                isTransient: false,
                reason: "\(place) refused the login of \"\(server.username)\" (\(answered)). "
                    + "Check email.smtp.username and the password (email.smtp.password_file or $\(SMTPPassword.environmentVariable)).")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE:
            return SubmissionFailure(
                isTransient: false,
                reason: "the certificate of \(place) is not trusted (\(detail)). "
                    + "For a private CA set email.smtp.ca_file to its PEM file; check that email.smtp.host is the certificate's name.")
        case CURLE_USE_SSL_FAILED:
            return SubmissionFailure(
                isTransient: false,
                reason: "\(place) does not offer STARTTLS (\(detail)). "
                    + "Use security = \"tls\" if it speaks TLS from the start, or ask its administrator for STARTTLS.")
        default:
            break
        }
        if (400..<500).contains(replyCode) {
            return SubmissionFailure(isTransient: true, reason: "\(place) deferred the message: \(answered)")
        }
        if replyCode >= 500 {
            return SubmissionFailure(
                isTransient: false, reason: "\(place) refused the message: \(answered). Fix what the reply names, then run `send --outbox`.")
        }
        let transient: Set<UInt32> = [
            CURLE_COULDNT_CONNECT.rawValue, CURLE_OPERATION_TIMEDOUT.rawValue, CURLE_COULDNT_RESOLVE_HOST.rawValue,
            CURLE_SEND_ERROR.rawValue, CURLE_RECV_ERROR.rawValue, CURLE_GOT_NOTHING.rawValue,
        ]
        if transient.contains(result.rawValue) {
            return SubmissionFailure(isTransient: true, reason: "cannot reach \(place): \(detail)")
        }
        return SubmissionFailure(isTransient: false, reason: "sending to \(place) failed: \(detail)")
    }
}
