import Foundation

/// Brown word clusters (Brown et al. 1992) over unlabelled news text: each known word's bit
/// path in the cluster tree, so that rare names share weights with frequent words of the same
/// distribution (`Fujimori` with `Yeltsin`). Built by `scripts/build_word_clusters.py`.
public struct WordClusters: Sendable {
    public enum LoadError: Error, CustomStringConvertible, Equatable {
        case badHeader
        case truncated(expected: Int, actual: Int)

        public var description: String {
            switch self {
            case .badHeader: "not a Gazette word-cluster file (bad magic)"
            case .truncated(let expected, let actual):
                "word-cluster file truncated: \(actual) bytes, expected \(expected)"
            }
        }
    }

    static let magic = Array("GZCLU001".utf8)
    static let fileName = "clusters.bin"

    /// ``TokenFeatures/lower`` hash → path (`length << 24 | bits`).
    private var paths = HashMap64()

    public var count: Int { paths.count }

    public init() {}

    /// Parses the file layout of the build script: magic, `UInt32` count, then `UInt64` hash
    /// and `UInt32` path per entry, little endian.
    public init(data: Data) throws(LoadError) {
        guard data.count >= 12, Array(data.prefix(8)) == WordClusters.magic else { throw .badHeader }
        let count = data.withUnsafeBytes {
            Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self)))
        }
        guard data.count == 12 + 12 * count else { throw .truncated(expected: 12 + 12 * count, actual: data.count) }
        paths.reserveCapacity(count)
        data.withUnsafeBytes { raw in
            for k in 0..<count {
                let at = 12 + 12 * k
                let hash = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                paths[hash] = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at + 8, as: UInt32.self))
            }
        }
    }

    /// Loads `clusters.bin` from `directory`; a missing or damaged file gives no clusters.
    public static func load(from directory: URL) -> WordClusters {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(fileName)) else {
            return WordClusters()
        }
        return (try? WordClusters(data: data)) ?? WordClusters()
    }

    /// Adds one word's path (tests build small tables this way).
    mutating func add(_ word: UInt64, bits: UInt32, length: Int) {
        paths[word] = UInt32(length) << 24 | bits
    }

    /// The path of a word (a ``TokenFeatures/lower`` hash), or 0 when unknown.
    @inline(__always) func path(of word: UInt64) -> UInt32 { paths[word] ?? 0 }

    /// The first `bits` branches of `path` (all of it when shorter), tagged with their count so
    /// that prefixes of different lengths never collide; 0 stays "unknown word".
    @inline(__always) static func prefix(_ path: UInt32, _ bits: Int) -> UInt64 {
        let length = Int(path >> 24)
        guard length > 0 else { return 0 }
        let k = min(bits, length)
        return UInt64((path & 0xFF_FFFF) >> UInt32(length - k)) | UInt64(k) << 32
    }
}
