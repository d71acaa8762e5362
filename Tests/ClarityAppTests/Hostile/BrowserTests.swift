import ClarityTestSupport
import Foundation
import Testing

/// Headless Chromium, the browser a stakeholder most likely opens the weekly page in.
enum HeadlessChromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Loads a page with every request sent through `proxyPort`, lets its timers run for three seconds of virtual time,
    /// and returns the DOM as it then is.
    static func dumpDOM(of page: URL, proxyPort: UInt16) throws -> String {
        let profile = try ScratchFolder("chromium-profile")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-default-apps", "--disable-extensions", "--disable-sync", "--disable-client-side-phishing-detection",
            "--disable-domain-reliability", "--no-pings", "--mute-audio",
            "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate,AutofillServerCommunication",
            "--user-data-dir=\(profile.url.path)", "--proxy-server=http://127.0.0.1:\(proxyPort)", "--proxy-bypass-list=<-loopback>",
            "--virtual-time-budget=3000", "--dump-dom", page.absoluteString,
        ]
        let dom = profile.url.appendingPathComponent("dom.html")
        try Data().write(to: dom)
        process.standardOutput = try FileHandle(forWritingTo: dom)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            throw Timeout()
        }
        return try String(contentsOf: dom, encoding: .utf8)
    }

    struct Timeout: Error, CustomStringConvertible {
        var description: String { "chromium did not finish within 90 seconds" }
    }

    /// Whether a proxied request is one Chromium makes for itself (component updates, sign-in, time) whatever the page.
    static func isBrowsersOwn(_ requestLine: String) -> Bool {
        let parts = requestLine.split(separator: " ")
        guard parts.count >= 2 else { return false }
        var target = String(parts[1])
        if let scheme = target.range(of: "://") { target = String(target[scheme.upperBound...]) }
        let host = target.split(whereSeparator: { $0 == "/" || $0 == ":" }).first.map(String.init) ?? ""
        return ["google.com", "googleapis.com", "gvt1.com", "gstatic.com"].contains { host == $0 || host.hasSuffix("." + $0) }
    }
}

extension OneAtATime {
    @Suite(
        "The weekly page in headless Chromium",
        .enabled(
            if: HeadlessChromium.path != nil,
            "chromium is not installed; `CLARITY_WITH_BROWSER=1 scripts/install-deps.sh` installs it (make test does)"))
    struct BrowserTests {
        @Test("a page whose script does run is caught: the marker is in the DOM and the request reaches the proxy")
        func controlPageIsCaught() throws {
            let folder = try ScratchFolder("browser-control")
            let page = folder.url.appendingPathComponent("control.html")
            let payload = HostileFixture.payloads[0].text
            try Data("<!DOCTYPE html><html><body><p>control</p>\(payload)<img src=\"\(HostileFixture.beacon)/control.png\"></body></html>".utf8)
                .write(to: page)
            let proxy = try RecordingProxy()
            let dom = try HeadlessChromium.dumpDOM(of: page, proxyPort: proxy.port)
            proxy.stop()
            #expect(dom.contains(HostilePayloads.executedMarker), "the unescaped script did not run: \(dom.prefix(300))")
            let fromPage = proxy.requests.filter { !HeadlessChromium.isBrowsersOwn($0) }
            #expect(fromPage.contains { $0.contains("beacon.example/script") }, "\(proxy.requests)")
            #expect(fromPage.contains { $0.contains("beacon.example/control.png") }, "\(proxy.requests)")
        }

        @Test("the hostile weekly page runs no script and sends no request")
        func hostilePageIsInert() throws {
            let fixture = try HostileFixture.shared.get()
            let html = try ReportOutputs.all(valueCount: HostileFixture.valueCount).first { $0.kind == .html }!.render(fixture.hostile)
            let folder = try ScratchFolder("browser-hostile")
            let page = folder.url.appendingPathComponent("weekly.html")
            try Data(html.utf8).write(to: page)
            let proxy = try RecordingProxy()
            let dom = try HeadlessChromium.dumpDOM(of: page, proxyPort: proxy.port)
            proxy.stop()
            #expect(dom.contains("weekly UX report"), "the page did not load: \(dom.prefix(300))")
            #expect(dom.contains("&lt;script&gt;document.documentElement.setAttribute"), "the payloads are not shown as text")
            #expect(!dom.contains(HostilePayloads.executedMarker), "a payload's script ran")
            let fromPage = proxy.requests.filter { !HeadlessChromium.isBrowsersOwn($0) }
            #expect(fromPage.isEmpty, "the page made requests: \(fromPage)")
        }
    }
}
