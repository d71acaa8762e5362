import CCurl

/// What one libcurl transfer reads from and notes down: the message's bytes and the server's last reply.
final class SMTPExchange {
    let bytes: [UInt8]
    var offset = 0
    /// The last reply line the server sent; only incoming lines are kept, so the AUTH exchange's credentials never are.
    var lastReply: String?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// libcurl's read callback: copies the next part of the message into its buffer.
    static let read: curl_read_callback = { buffer, size, count, context in
        guard let buffer, let context else { return 0 }
        let exchange = Unmanaged<SMTPExchange>.fromOpaque(context).takeUnretainedValue()
        let length = min(size * count, exchange.bytes.count - exchange.offset)
        exchange.bytes.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + exchange.offset, byteCount: length)
        }
        exchange.offset += length
        return length
    }

    /// libcurl's debug callback: keeps the server's reply lines (CURLINFO_HEADER_IN) and ignores everything else.
    static let debug: curl_debug_callback = { _, kind, data, size, context in
        guard kind == CURLINFO_HEADER_IN, let data, let context else { return 0 }
        let exchange = Unmanaged<SMTPExchange>.fromOpaque(context).takeUnretainedValue()
        let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
        let line = text.split(whereSeparator: { $0 == "\r" || $0 == "\n" }).last.map(String.init) ?? ""
        exchange.lastReply = String(line.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(300).map(Character.init))
        return 0
    }
}
