import Foundation
import GazetteIntake

/// Counts the files waiting in the inbox, as the intake would see them.
public enum InboxCensus {
    public static func pendingFiles(in inbox: String, configuration: IntakeConfiguration) -> Int {
        let filter = FileNameFilter(configuration)
        let fm = FileManager.default
        var count = 0
        var folders = [inbox]
        while let folder = folders.popLast() {
            guard let names = try? fm.contentsOfDirectory(atPath: folder) else { continue }
            for name in names {
                let path = (folder as NSString).appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if configuration.recursive, !name.hasPrefix(".") { folders.append(path) }
                } else if filter.accepts(name) {
                    count += 1
                }
            }
        }
        return count
    }
}
