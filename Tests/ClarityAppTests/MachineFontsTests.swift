import ClarityTestSupport
import Foundation
import Testing

/// The email's PNG charts do not depend on the fonts or the fontconfig configuration of the machine that draws them.
extension OneAtATime {
    @Suite("Machine fonts")
    struct MachineFontsTests {
        static let fixtures = Samples.folder

        /// A fontconfig configuration that maps every family the charts name to DejaVu Serif, hints and aliases hard.
        static func hostileConfiguration(in folder: ScratchFolder) throws -> String {
            let families = ["sans-serif", "Liberation Sans", "Helvetica", "Arial", "-apple-system", "Segoe UI", "Roboto"]
            let rules = families.map { family in
                """
                  <match target="pattern">
                    <test name="family"><string>\(family)</string></test>
                    <edit name="family" mode="prepend" binding="strong"><string>DejaVu Serif</string></edit>
                  </match>
                """
            }
            let configuration = """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
                <fontconfig>
                  <dir>/usr/share/fonts</dir>
                  <cachedir>\(folder.path("cache"))</cachedir>
                \(rules.joined(separator: "\n"))
                  <match target="font">
                    <edit name="antialias" mode="assign"><bool>false</bool></edit>
                    <edit name="hintstyle" mode="assign"><const>hintfull</const></edit>
                  </match>
                </fontconfig>
                """
            let path = folder.path("hostile-fonts.conf")
            try configuration.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        @Test("the weekly email's PNG charts are byte for byte the same under a hostile FONTCONFIG_FILE")
        func hostileFontconfigGivesTheSameBytes() throws {
            let folder = try ScratchFolder("machine-fonts")
            let store = folder.path("store.sqlite")
            let responses = ["20261117T013000Z_1d.json", "20261117T013500Z_1d_Device.json"]
            let ingest = try CommandLineTool.built().run(
                ["ingest", "--store", store] + responses.map { Self.fixtures.appendingPathComponent($0).path })
            try #require(ingest.status == 0, "\(ingest)")

            let hostile = try Self.hostileConfiguration(in: folder)
            let hostileEnvironment = [
                "FONTCONFIG_FILE": hostile, "FONTCONFIG_PATH": folder.url.path, "HOME": folder.url.path,
                "XDG_CONFIG_HOME": folder.url.path,
            ]
            // The hostile configuration is in force for anything that uses the system's fontconfig.
            let matched = try Self.fcMatch("Arial", environment: hostileEnvironment)
            try #require(matched == "DejaVu Serif", "fc-match Arial gave \(matched) under the hostile configuration")
            #expect(try Self.fcMatch("Arial", environment: [:]) != "DejaVu Serif")

            var messages: [Data] = []
            for (name, environment) in [("plain", [String: String]()), ("hostile", hostileEnvironment)] {
                let out = folder.path("\(name).eml")
                let run = try CommandLineTool.built().run(
                    [
                        "weekly", "--store", store, "--week", "2026-W47", "--format", "eml", "--out", out,
                        "--to", "team@example.com", "--from", "reports@example.com",
                    ],
                    environment: environment)
                try #require(run.status == 0, "\(run)")
                messages.append(try Data(contentsOf: URL(fileURLWithPath: out)))
            }
            #expect(String(decoding: messages[0], as: UTF8.self).contains("Content-Type: image/png"))
            #expect(messages[0] == messages[1], "the PNG charts changed with the machine's fontconfig configuration")
        }

        /// The family fontconfig's own matcher picks for `family`, as any program using the system's fonts would get.
        static func fcMatch(_ family: String, environment: [String: String]) throws -> String {
            try ExternalTool.output("/usr/bin/fc-match", ["-f", "%{family[0]}", family], environment: environment)
        }
    }
}
