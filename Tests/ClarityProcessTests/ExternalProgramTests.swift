import ClarityProcess
import Foundation
import Testing

@Suite("External programs")
struct ExternalProgramTests {
    @Test("A child that writes 64 KiB to standard error before anything to standard output does not block the run")
    func fullErrorPipeFirst() throws {
        let script = "import sys; sys.stderr.write('e' * 65536 * 4); sys.stderr.flush(); sys.stdout.write('o' * 65536 * 2); sys.exit(3)"
        let run = try ExternalProgram.run(named: "python3", ["-c", script])
        #expect(run.status == 3 && !run.signalled)
        #expect(run.stderr.count == 65536 * 4 && run.stderr.allSatisfy { $0 == UInt8(ascii: "e") })
        #expect(run.stdout.count == 65536 * 2 && run.stdout.allSatisfy { $0 == UInt8(ascii: "o") })
    }

    @Test("A child that fills standard output first is read whole too, and input reaches it")
    func fullOutputPipeFirst() throws {
        let input = Data(String(repeating: "line\n", count: 50_000).utf8)
        let script = "import sys; data = sys.stdin.read(); sys.stdout.write(data * 2); sys.stderr.write(str(len(data)))"
        let run = try ExternalProgram.run(named: "python3", ["-c", script], input: input)
        #expect(run.succeeded)
        #expect(run.stdout == input + input)
        #expect(run.standardError == "\(input.count)")
    }

    @Test("The environment and working folder given are the child's")
    func environmentAndDirectory() throws {
        let run = try ExternalProgram.run(
            "/bin/sh", ["-c", "printf '%s %s' \"$CLARITY_PROBE\" \"$(pwd)\""],
            environment: ["CLARITY_PROBE": "yes", "PATH": "/usr/bin:/bin"], directory: "/tmp")
        #expect(run.standardOutput == "yes /tmp")
    }

    @Test("A child killed by a signal is reported as such")
    func signalled() throws {
        let run = try ExternalProgram.run("/bin/sh", ["-c", "kill -9 $$"])
        #expect(run.signalled && run.status == 9 && !run.succeeded)
    }
}
