import Glibc

/// The tagger's weight table, in memory the kernel may back with 2 MB pages.
///
/// The table (about 4 MB) is read at random, dozens of rows per token: with 4 KB pages almost
/// every read also misses the TLB. The buffer is aligned to 2 MB and, on Linux, advised
/// `MADV_HUGEPAGE`, so that a handful of large pages cover it.
final class WeightBuffer: @unchecked Sendable {
    // Sendable: written only inside `init`, read-only afterwards.
    let buffer: UnsafeBufferPointer<Int16>

    static let hugePage = 2 << 20

    init(count: Int, fill: (UnsafeMutableBufferPointer<Int16>) -> Void) {
        let bytes = max(1, (count * MemoryLayout<Int16>.stride + Self.hugePage - 1) / Self.hugePage * Self.hugePage)
        var raw: UnsafeMutableRawPointer? = nil
        if posix_memalign(&raw, Self.hugePage, bytes) != 0 || raw == nil { raw = malloc(bytes) }
        #if os(Linux)
            _ = madvise(raw, bytes, MADV_HUGEPAGE)
        #endif
        let typed = raw!.bindMemory(to: Int16.self, capacity: count)
        let mutable = UnsafeMutableBufferPointer(start: typed, count: count)
        fill(mutable)
        buffer = UnsafeBufferPointer(mutable)
    }

    deinit {
        free(UnsafeMutableRawPointer(mutating: buffer.baseAddress))
    }
}

extension WeightBuffer: Equatable {
    /// Same weights, in order.
    static func == (a: WeightBuffer, b: WeightBuffer) -> Bool {
        a.buffer.elementsEqual(b.buffer)
    }
}
