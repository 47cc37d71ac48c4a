import GazetteFiles
import SystemPackage

/// The digest's files are written atomically; a failure names the file and the system's reason.
enum DigestFile {
    static func write(_ text: String, to path: String) throws(DigestError) {
        do { try AtomicFile.write(text, to: path) } catch { throw .cannotWrite(path: path, reason: error.description) }
    }
}
