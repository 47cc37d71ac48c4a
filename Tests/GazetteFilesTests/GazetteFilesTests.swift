import Foundation
import GazetteFiles
import GazetteTestSupport
import Glibc
import SystemPackage
import Testing

@Suite struct FileBytesTests {
    @Test func readsARegularFileWithItsModificationTime() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("a.txt")
        try Data("Hello, world".utf8).write(to: URL(fileURLWithPath: path))
        let when = Date(timeIntervalSince1970: 1_700_000_000.25)
        try FileManager.default.setAttributes([.modificationDate: when], ofItemAtPath: path)
        let (bytes, status) = try FileBytes.read(path, limit: 100)
        #expect(String(decoding: bytes, as: UTF8.self) == "Hello, world")
        #expect(abs(status.modified.timeIntervalSince(when)) < 0.001)
        #expect(status.size == 12 && status.linkCount == 1 && status.isRegularFile)
    }

    @Test func refusesWhatIsNotARegularFileOrTooLargeOrEmpty() throws {
        let folder = try TemporaryDirectory()
        try Data("0123456789".utf8).write(to: URL(fileURLWithPath: folder.path("ten")))
        try Data().write(to: URL(fileURLWithPath: folder.path("empty")))
        try FileManager.default.createDirectory(atPath: folder.path("dir"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.path("link"), withDestinationPath: folder.path("ten"))
        #expect(mkfifo(folder.path("fifo"), 0o644) == 0)

        #expect(throws: FileReadFailure.self) { try FileBytes.read(folder.path("missing"), limit: 100) }
        #expect(
            kind { () throws(FileReadFailure) in try FileBytes.read(folder.path("ten"), limit: 9) }
                == "tooLarge(size: 10)")
        #expect(kind { () throws(FileReadFailure) in try FileBytes.read(folder.path("empty"), limit: 9) } == "empty")
        #expect(
            kind { () throws(FileReadFailure) in try FileBytes.read(folder.path("dir"), limit: 9) }
                == "notRegularFile(directory)")
        #expect(
            kind { () throws(FileReadFailure) in try FileBytes.read(folder.path("link"), limit: 99) }
                == "notRegularFile(symbolicLink)")
        #expect(
            kind { () throws(FileReadFailure) in try FileBytes.read(folder.path("fifo"), limit: 99) }
                == "notRegularFile(fifo)")
        #expect(link(folder.path("ten"), folder.path("second name")) == 0)
        #expect(
            kind { () throws(FileReadFailure) in try FileBytes.read(folder.path("ten"), limit: 99, singleLink: true) }
                == "hardLink(2)")
        #expect(try FileBytes.read(folder.path("ten"), limit: 99).bytes.count == 10)
        // A link is followed only when asked to.
        #expect(try FileBytes.read(folder.path("link"), limit: 99, followingSymlink: true).bytes.count == 10)
    }

    @Test func readsThePrefixOfAFile() throws {
        let folder = try TemporaryDirectory()
        try Data("attempts=2\nstage=text\n".utf8).write(to: URL(fileURLWithPath: folder.path("m")))
        #expect(
            FileBytes.prefix(of: folder.path("m"), count: 10).map { String(decoding: $0, as: UTF8.self) }
                == "attempts=2")
        #expect(FileBytes.prefix(of: folder.path("none"), count: 10) == nil)
    }

    private func kind(_ body: () throws(FileReadFailure) -> ([UInt8], FileStatus)) -> String {
        do {
            _ = try body()
            return "read"
        } catch {
            switch error {
            case .system(let errno): return "system(\(errno.rawValue))"
            case .notRegularFile(let type): return "notRegularFile(\(name(of: type)))"
            case .empty: return "empty"
            case .tooLarge(let size): return "tooLarge(size: \(size))"
            case .hardLink(let links): return "hardLink(\(links))"
            }
        }
    }

    private func name(of type: FileType) -> String {
        switch type {
        case .directory: "directory"
        case .symbolicLink: "symbolicLink"
        case .fifo: "fifo"
        default: "other"
        }
    }
}

@Suite struct AtomicFileTests {
    @Test func replacesTheWholeFileAndLeavesNoTemporary() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("latest.md")
        try AtomicFile.write("first version, longer than the second\n", to: path)
        try AtomicFile.write("second\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["latest.md"])
    }

    @Test func namesTheSystemErrorWhenTheFolderIsMissing() throws {
        let folder = try TemporaryDirectory()
        #expect(throws: Errno.noSuchFileOrDirectory) { try AtomicFile.write("x", to: folder.path("no/such/file")) }
    }

    /// Regression: a digest write killed between its temporary and its rename left a
    /// `.gazette-….tmp` in the digest folder for ever.
    @Test func temporariesOfKilledWritersAreRemovedAndLiveOnesKept() throws {
        let folder = try TemporaryDirectory()
        // A process id above the kernel's pid_max (at most 2^22) is never running.
        let abandoned = ".gazette-2147483000-0A1B2C3D.tmp"
        let live = ".gazette-\(getpid())-0A1B2C3D.tmp"
        for name in [abandoned, live, "latest.md", ".digest-state.json"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: folder.path(name)))
        }
        #expect(AtomicFile.removeAbandonedTemporaries(in: folder.url.path) == 1)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
                == [live, ".digest-state.json", "latest.md"].sorted())
    }
}
