import Foundation
import Testing

@testable import ClarityApp

@Suite("Writing output files")
struct OutputFileTests {
    @Test("a report written through a symbolic link updates the file it names and keeps the link")
    func throughSymlink() throws {
        let folder = scratchFolder("output-link")
        let target = folder + "/real.html"
        let link = folder + "/latest.html"
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try OutputFile.write("new", to: link)
        #expect(read(target) == "new")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == target)
    }

    @Test("a pipe is written into, not replaced by a file")
    func intoPipe() throws {
        let folder = scratchFolder("output-fifo")
        let fifo = folder + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Thread {
            let descriptor = open(fifo, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 64)
            while descriptor >= 0, read(descriptor, &buffer, buffer.count) > 0 {}
            close(descriptor)
        }
        reader.start()
        try OutputFile.write("report", to: fifo)
        var status = stat()
        #expect(lstat(fifo, &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("/dev/null stays a device")
    func devNull() throws {
        try OutputFile.write("report", to: "/dev/null")
        var status = stat()
        #expect(lstat("/dev/null", &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test("a regular file is replaced whole, and no partial file is left beside it")
    func atomicReplace() throws {
        let folder = scratchFolder("output-atomic")
        try OutputFile.write("first", to: folder + "/r.md")
        try OutputFile.write("second", to: folder + "/r.md")
        #expect(read(folder + "/r.md") == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["r.md"])
    }
}
