import Testing

@testable import ClarityDelivery

@Suite("The SMTP password")
struct SMTPPasswordTests {
    @Test("prints, debug-prints, dumps and interpolates as <redacted>; the file's final line break is not part of it")
    func redacted() throws {
        let password = try SMTPPassword("hunter2-secret\n", origin: "smtp-password")
        #expect(password.secret == "hunter2-secret")
        var dumped = ""
        dump(password, to: &dumped)
        for text in ["\(password)", String(reflecting: password), dumped, "\([password])"] {
            #expect(!text.contains("hunter2"), "\(text)")
        }
    }

    @Test("an empty password or one with a line inside is refused, naming where it came from", arguments: ["", "\n", "first\nsecond", "tab\there"])
    func refused(text: String) {
        let error = #expect(throws: PasswordError.self) { try SMTPPassword(text, origin: "$CLARITY_SMTP_PASSWORD") }
        #expect(error?.message.hasPrefix("$CLARITY_SMTP_PASSWORD: the SMTP password") == true)
        #expect(error?.message.contains("second") == false)
    }
}
