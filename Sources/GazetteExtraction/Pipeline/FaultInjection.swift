#if DEBUG
    import Foundation

    /// Debug builds only: makes the extractor crash or stall on files that contain a marker, so that
    /// tests can show a file that kills Gazette is survived (see `AttemptLedger` in the intake).
    ///
    /// `GAZETTE_DEBUG_CRASH_ON=TEXT` traps on a file whose bytes contain `TEXT`;
    /// `GAZETTE_DEBUG_STALL_ON=TEXT` sleeps 60 seconds on it, long enough to kill the process
    /// while it is surely extracting. Release builds have neither.
    enum FaultInjection {
        private static let crashMarker = marker("GAZETTE_DEBUG_CRASH_ON")
        private static let stallMarker = marker("GAZETTE_DEBUG_STALL_ON")

        static func apply(to bytes: [UInt8]) {
            if let stallMarker, contains(bytes, stallMarker) { sleep(60) }
            if let crashMarker, contains(bytes, crashMarker) {
                fatalError("GAZETTE_DEBUG_CRASH_ON: crashing on purpose")
            }
        }

        private static func marker(_ variable: String) -> [UInt8]? {
            guard let text = ProcessInfo.processInfo.environment[variable], !text.isEmpty else { return nil }
            return Array(text.utf8)
        }

        private static func contains(_ bytes: [UInt8], _ marker: [UInt8]) -> Bool {
            guard bytes.count >= marker.count else { return false }
            return (0...(bytes.count - marker.count)).contains { bytes[$0..<($0 + marker.count)].elementsEqual(marker) }
        }
    }
#endif
