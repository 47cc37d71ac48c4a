import Foundation
import GRDB

/// Joins the writes of callers on several threads into one transaction: one commit, and so one
/// `fsync` of the write-ahead log, for many articles.
///
/// A caller's write waits while another batch commits; the first caller to find no batch
/// committing takes every write waiting and commits them together, each in a savepoint of its
/// own, so one failing write (a constraint, say) is rolled back alone. Every caller returns only
/// after the transaction holding its write has committed, so "committed" keeps its meaning for
/// the intake (a file is archived only after its row is on disk). Nothing waits on a timer: a
/// write that arrives while nothing commits is committed at once, alone.
final class GroupCommit: @unchecked Sendable {
    /// Guards `waiting` and `committing`; waiters sleep on it until their write is done.
    private let condition = NSCondition()
    private var waiting: [Write] = []
    private var committing = false

    /// One caller's write and, once its batch has committed or failed, the result.
    private final class Write {
        let body: (Database) throws -> Void
        var result: Result<Void, any Error>?
        init(_ body: @escaping (Database) throws -> Void) { self.body = body }
    }

    /// Runs `body` in a transaction shared with the writes of other threads waiting at the same
    /// time; returns once that transaction has committed. Throws `body`'s error, or the commit's.
    func write<T>(_ writer: any DatabaseWriter, _ body: @escaping (Database) throws -> T) throws -> T {
        var value: T?
        let write = Write { db in value = try body(db) }
        condition.lock()
        waiting.append(write)
        while write.result == nil {
            if committing {
                condition.wait()
                continue
            }
            committing = true
            let batch = waiting
            waiting.removeAll()
            condition.unlock()
            let results = Self.commit(batch, in: writer)
            condition.lock()
            for (write, result) in zip(batch, results) { write.result = result }
            committing = false
            condition.broadcast()
        }
        condition.unlock()
        try write.result!.get()
        return value!
    }

    /// Commits `batch` in one transaction; the results in the batch's order.
    private static func commit(_ batch: [Write], in writer: any DatabaseWriter) -> [Result<Void, any Error>] {
        var results: [Result<Void, any Error>] = []
        do {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    for write in batch {
                        do {
                            try db.inSavepoint {
                                try write.body(db)
                                return .commit
                            }
                            results.append(.success(()))
                        } catch {
                            results.append(.failure(error))
                        }
                    }
                    return .commit
                }
            }
            return results
        } catch {
            // The commit failed: none of the batch is stored, whatever its savepoints said.
            return batch.map { _ in .failure(error) }
        }
    }
}
