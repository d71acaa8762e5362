import Foundation
import Testing

@testable import ClarityFetch

@Suite struct APITokenTests {
    let secret = "eyJhbGciOiJSUzI1NiJ9.token-test-secret-Zx81.c2ln"

    private func tokenFile(_ contents: String, mode: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clarity-token-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(contents.utf8)))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func tokenNeverShowsItsValue() throws {
        let token = try APIToken(secret, origin: "test")
        #expect(token.description == "<redacted>")
        #expect("\(token)" == "<redacted>")
        #expect(String(reflecting: token) == "<redacted>")
        var dumped = ""
        dump(token, to: &dumped)
        #expect(!dumped.contains(secret))
        #expect(token.redacting("Bearer \(secret) twice \(secret)") == "Bearer <redacted> twice <redacted>")
    }

    @Test func privateFileIsRead() throws {
        let path = try tokenFile("\(secret)\n", mode: 0o600)
        #expect(try APIToken.read(file: path).secret == secret)
    }

    @Test func fileReadableByOthersIsRefusedWithChmodHint() throws {
        for mode in [0o644, 0o640, 0o604, 0o660] {
            let path = try tokenFile(secret, mode: mode)
            let error = #expect(throws: TokenError.self) { try APIToken.read(file: path) }
            let message = try #require(error?.message)
            #expect(message.contains("chmod 600 \(path)"))
            #expect(message.contains("mode 0\(String(mode, radix: 8))"))
            #expect(!message.contains(secret))
        }
    }

    @Test func folderMissingFileAndEmptyFileAreRefused() throws {
        #expect(throws: TokenError.self) { try APIToken.read(file: FileManager.default.temporaryDirectory.path) }
        #expect(throws: TokenError.self) { try APIToken.read(file: "/nonexistent/clarity-token") }
        let empty = try tokenFile(" \n", mode: 0o600)
        let error = #expect(throws: TokenError.self) { try APIToken.read(file: empty) }
        #expect(error?.message.hasPrefix("the token file \(empty) is empty.") == true)
    }

    @Test func tokenWithSpacesOrLineBreaksInsideIsRefused() throws {
        let path = try tokenFile("\(secret)\nsecond-line", mode: 0o600)
        let error = #expect(throws: TokenError.self) { try APIToken.read(file: path) }
        #expect(error?.message.contains("second-line") == false)
        #expect(error?.message.contains(secret) == false)
        #expect(throws: TokenError.self) { try APIToken("abc def", origin: "test") }
    }

    @Test func fileWinsOverEnvironmentWhichIsTheFallback() throws {
        let path = try tokenFile(secret, mode: 0o600)
        let environment = [APIToken.environmentVariable: "from-environment"]
        #expect(try APIToken.load(file: path, environment: environment).secret == secret)
        #expect(try APIToken.load(file: nil, environment: environment).secret == "from-environment")
        let error = #expect(throws: TokenError.self) { try APIToken.load(file: nil, environment: [:]) }
        #expect(error?.message.contains("CLARITY_API_TOKEN") == true)
        #expect(error?.message.contains("chmod 600") == true)
    }
}
