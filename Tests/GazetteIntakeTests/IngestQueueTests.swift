import Testing

@testable import GazetteIntake

@Suite struct IngestQueueTests {
    @Test func offerDeclinesWhenFullAndIgnoresKnownPaths() {
        let queue = IngestQueue(capacity: 2)
        #expect(queue.offer(.inbox(path: "a")) == .added)
        #expect(queue.offer(.inbox(path: "a")) == .alreadyQueued)
        #expect(queue.offer(.inbox(path: "b")) == .added)
        #expect(queue.offer(.inbox(path: "c")) == .full)
        #expect(queue.count == 2)
    }

    @Test(.timeLimit(.minutes(1))) func pushWaitsForAWorker() async {
        let queue = IngestQueue(capacity: 1)
        #expect(queue.offer(.inbox(path: "a")) == .added)
        async let pushed = queue.push(.inbox(path: "b"))
        let first = await queue.next()
        #expect(first == .inbox(path: "a"))
        #expect(await pushed)
        #expect(await queue.next() == .inbox(path: "b"))
    }

    /// Once a worker has taken a path, a new file arriving under the same name is queued.
    @Test func pathIsQueuedAgainOnceTaken() async {
        let queue = IngestQueue(capacity: 4)
        _ = queue.offer(.inbox(path: "a"))
        #expect(queue.offer(.inbox(path: "a")) == .alreadyQueued)
        #expect(await queue.next() == .inbox(path: "a"))
        #expect(queue.offer(.inbox(path: "a")) == .added)
    }

    @Test(.timeLimit(.minutes(1))) func finishReleasesWorkersAndProducers() async {
        let queue = IngestQueue(capacity: 1)
        async let idle = queue.next()
        // Let the worker start waiting; finish must release it whether or not it has.
        await Task.yield()
        queue.finish()
        #expect(await idle == nil)
        #expect(queue.offer(.inbox(path: "x")) == .finished)
        #expect(await queue.push(.inbox(path: "y")) == false)
    }

    @Test(.timeLimit(.minutes(1))) func cancelledWorkerReturnsNil() async {
        let queue = IngestQueue(capacity: 1)
        let worker = Task { await queue.next() }
        worker.cancel()
        #expect(await worker.value == nil)
    }
}
