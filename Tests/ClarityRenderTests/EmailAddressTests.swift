import ClarityRender
import Testing

@Suite struct EmailAddressTests {
    @Test func readsTheWaysAnAddressIsWrittenInAConfigurationFile() throws {
        #expect(try EmailAddress(parsing: "ops@example.org") == EmailAddress("ops@example.org"))
        #expect(try EmailAddress(parsing: "  Zoë Müller <zoe@example.com> ") == EmailAddress("zoe@example.com", displayName: "Zoë Müller"))
        #expect(try EmailAddress(parsing: "\"Doe, Jane\" <jane@example.net>") == EmailAddress("jane@example.net", displayName: "Doe, Jane"))
        #expect(try EmailAddress(parsing: "<root@localhost>").displayName == nil)
        #expect(try EmailAddress("zoe@example.com", displayName: "Zoë").description == "Zoë <zoe@example.com>")
    }

    @Test(arguments: [
        "no-at-sign", "two@@example.com", "a@b@example.com", "@example.com", "ann@", "ann smith@example.com",
        "zoë@example.com", ".ann@example.com", "ann..smith@example.com", "ann@exa_mple.com", "ann@-example.com",
        "ann@example..com", "\"ann\"@example.com", "ann@[127.0.0.1]",
    ])
    func refusesAddressesThatAreNotPlainASCIIDotAtoms(address: String) {
        #expect {
            try EmailAddress(address)
        } throws: { error in
            guard case .invalidAddress(let refused, _) = error as? EmailError else { return false }
            return refused == address
        }
    }

    @Test func acceptsOrdinaryAddresses() throws {
        for address in ["ann@example.com", "ann.smith+reports@mail.example.co.uk", "root@localhost", "o'neil@example.ie"] {
            #expect(try EmailAddress(address).address == address)
        }
    }
}
