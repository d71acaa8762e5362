extension ReportConfiguration.Email {
    /// The SMTP server messages are submitted to, and how: `[email.smtp]`.
    public struct SMTP: Sendable, Equatable {
        /// How the connection is protected.
        public enum Security: String, Sendable, CaseIterable {
            /// Plain connection upgraded with STARTTLS before anything else is sent; refused if the server cannot.
            case starttls
            /// TLS from the first byte (SMTPS).
            case tls
            /// No encryption; allowed only for a server on this machine (loopback).
            case none

            /// The port the security is usually served on.
            public var defaultPort: Int {
                switch self {
                case .starttls: 587
                case .tls: 465
                case .none: 25
                }
            }
        }

        /// The server's host name or address; default "" (no server: `send` refuses to run).
        public var host: String
        /// The server's port; default the security's usual port (587, 465 or 25).
        public var port: Int
        /// How the connection is protected; default starttls.
        public var security: Security
        /// The login name; default "" (no authentication).
        public var username: String
        /// A file holding the password, readable by its owner only; default "" (then `$CLARITY_SMTP_PASSWORD`).
        public var passwordFile: String
        /// A PEM file of the certificate authorities to trust instead of the system's; default "".
        public var caFile: String
        /// Seconds to wait for the connection and for each reply or progress; default 30, from 1 to 600.
        public var timeout: Int
        /// Attempts after the first for a 4xx reply, a timeout or a refused connection; default 2, from 0 to 10.
        public var retries: Int
        /// Seconds before the first retry, doubling for each next one; default 5, from 0 to 300.
        public var retryDelay: Int
        /// The folder undelivered messages are kept in, relative to the configuration file; default "outbox".
        public var outbox: String

        public init(
            host: String = "", port: Int? = nil, security: Security = .starttls, username: String = "", passwordFile: String = "",
            caFile: String = "", timeout: Int = 30, retries: Int = 2, retryDelay: Int = 5, outbox: String = "outbox"
        ) {
            self.host = host
            self.port = port ?? security.defaultPort
            self.security = security
            self.username = username
            self.passwordFile = passwordFile
            self.caFile = caFile
            self.timeout = timeout
            self.retries = retries
            self.retryDelay = retryDelay
            self.outbox = outbox
        }

        /// Whether the host is this machine, where an unencrypted connection never leaves it.
        public var isLoopback: Bool { Self.isLoopback(host) }

        /// `localhost`, an IPv4 address in 127.0.0.0/8, or `::1`.
        public static func isLoopback(_ host: String) -> Bool {
            let name = host.lowercased()
            if name == "localhost" || name == "::1" || name == "[::1]" { return true }
            let octets = name.split(separator: ".", omittingEmptySubsequences: false)
            return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
        }

        static let portRange = 1...65535
        static let timeoutRange = 1...600
        static let retriesRange = 0...10
        static let retryDelayRange = 0...300
    }
}
