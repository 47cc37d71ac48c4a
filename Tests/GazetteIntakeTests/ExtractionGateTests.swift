import Foundation
import GazetteExtraction
import GazetteIntake
import Synchronization
import Testing

/// Regression (issue 14.17): the daemon extracted two 19 MB files at once and peaked at 417 MB,
/// twice one file's memory. Now a large file waits for the one before it, while small files go on.
@Suite struct ExtractionGateTests {
    /// The real extractor, counting the large files it extracts at once. A large file's extraction
    /// waits (at most 30 s) until a small file has been extracted: it finishes only if small files
    /// are not held up behind large ones.
    final class CountingExtractor: IntakeExtractor, Sendable {
        let extractor = Extractor()
        let largeFileSize: Int
        struct Counts {
            var largeNow = 0
            var largeAtOnce = 0
            var smallDone = 0
            var largeWaitedInVain = 0
        }
        let counts = Mutex(Counts())

        init(largeFileSize: Int) { self.largeFileSize = largeFileSize }

        func extract(
            _ document: SourceDocument, onStep: @escaping @Sendable (String) -> Void
        ) throws(IntakeRefusal) -> ExtractedFile {
            guard document.bytes.count >= largeFileSize else {
                defer { counts.withLock { $0.smallDone += 1 } }
                return try extractor.extract(document, onStep: onStep)
            }
            counts.withLock { counts in
                counts.largeNow += 1
                counts.largeAtOnce = max(counts.largeAtOnce, counts.largeNow)
            }
            defer { counts.withLock { $0.largeNow -= 1 } }
            let deadline = ContinuousClock.now + .seconds(30)
            while counts.withLock({ $0.smallDone == 0 }) {
                guard ContinuousClock.now < deadline else {
                    counts.withLock { $0.largeWaitedInVain += 1 }
                    break
                }
                usleep(1000)
            }
            return try extractor.extract(document, onStep: onStep)
        }

        func warmUp() { extractor.warmUp() }
    }

    @Test(.timeLimit(.minutes(2))) func largeFilesAreExtractedOneAtATimeWhileSmallOnesGoOn() async throws {
        let largeFileSize = 2048
        let fixture = try IntakeFixture {
            $0.concurrency = 2
            $0.largeFileSize = largeFileSize
        }
        for seed in 1...3 {
            let text = (0..<8).map { articleText(seed * 10 + $0) }.joined(separator: "\n\n")
            #expect(text.utf8.count >= largeFileSize)
            try fixture.drop("large-\(seed).txt", text)
        }
        try fixture.drop("small.txt", articleText(99))
        #expect(articleText(99).utf8.count < largeFileSize)

        let extractor = CountingExtractor(largeFileSize: largeFileSize)
        let service = IngestService(
            configuration: fixture.configuration, store: fixture.database, extractor: extractor,
            logger: IntakeFixture.logger)
        try await fixture.whileRunning(service) {
            #expect(await IntakeFixture.eventually(within: 90) { service.counters.ingested == 4 })
        }
        let counts = extractor.counts.withLock { $0 }
        #expect(counts.largeAtOnce == 1)
        #expect(counts.largeWaitedInVain == 0)
        #expect(fixture.names("archive") == ["large-1.txt", "large-2.txt", "large-3.txt", "small.txt"])
    }
}
