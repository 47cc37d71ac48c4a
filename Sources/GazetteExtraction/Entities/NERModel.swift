import Foundation

/// The trained tagger: a hashed weight table of `2^rowBits` rows, quantised to 16 bits.
///
/// A row holds, for the four labels other than `O`, the label's weight minus `O`'s: scores
/// relative to `O` pick the same label, and a row is then 8 bytes, one aligned vector load
/// that never straddles two cache lines (the 4 MB table is larger than a core's caches, so the
/// loads are what tagging waits on). File layout (little endian): magic `GZNER003`, `UInt32`
/// rowBits, `UInt32` label count (5), `Float32` scale, then the `Int16` weights row by row.
public struct NERModel: Sendable, NERWeightTable {
    public enum LoadError: Error, CustomStringConvertible, Equatable {
        case badHeader
        case truncated(expected: Int, actual: Int)

        public var description: String {
            switch self {
            case .badHeader: "not a Gazette NER model (bad magic or label count)"
            case .truncated(let expected, let actual): "NER model truncated: \(actual) bytes, expected \(expected)"
            }
        }
    }

    static let magic = Array("GZNER003".utf8)
    /// Stored weights per row: every label but `O`.
    static let columns = NERLabel.count - 1
    let rowBits: Int
    let weights: WeightBuffer
    /// Multiply a stored weight by `scale` to get the trained weight.
    let scale: Float
    package let mask: UInt32

    /// Quantises trained float weights (`2^rowBits` rows × ``NERLabel/count`` labels, in
    /// label order), keeping each label's weight relative to `O`'s.
    package init(rowBits: Int, floats: [Float]) {
        let rows = 1 << rowBits
        var relative = [Float](repeating: 0, count: rows * Self.columns)
        let outside = Int(NERLabel.outside.rawValue)
        for r in 0..<rows {
            let base = r * NERLabel.count
            var c = 0
            for k in 0..<NERLabel.count where k != outside {
                relative[r * Self.columns + c] = floats[base + k] - floats[base + outside]
                c += 1
            }
        }
        self.init(rowBits: rowBits, relative: relative)
    }

    /// Quantises weights already relative to `O` (`2^rowBits × columns`).
    private init(rowBits: Int, relative: [Float]) {
        let maxAbs = relative.reduce(Float(0)) { max($0, abs($1)) }
        let scale = maxAbs > 0 ? maxAbs / 32767 : 1
        self.rowBits = rowBits
        self.scale = scale
        self.mask = UInt32((1 << rowBits) - 1)
        self.weights = WeightBuffer(count: relative.count) { buf in
            for k in relative.indices { buf[k] = Int16((relative[k] / scale).rounded()) }
        }
    }

    /// The trained weight of `label` relative to `O` in `row`.
    func weight(row: Int, label: NERLabel) -> Float {
        guard label != .outside else { return 0 }
        let column = Int(label.rawValue) - (label.rawValue > NERLabel.outside.rawValue ? 1 : 0)
        return Float(weights.buffer[row * Self.columns + column]) * scale
    }

    /// The average of models trained on the same features (parameter mixing, McDonald et al.
    /// 2010): each model's weights are scaled back to trained values, averaged, and quantised
    /// again. All models must have the same `rowBits`.
    public static func average(_ models: [NERModel]) -> NERModel {
        precondition(!models.isEmpty && models.allSatisfy { $0.rowBits == models[0].rowBits })
        var sum = [Float](repeating: 0, count: models[0].weights.buffer.count)
        for m in models {
            let w = m.weights.buffer
            for k in sum.indices { sum[k] += Float(w[k]) * m.scale }
        }
        let n = Float(models.count)
        for k in sum.indices { sum[k] /= n }
        return NERModel(rowBits: models[0].rowBits, relative: sum)
    }

    public init(data: Data) throws(LoadError) {
        guard data.count >= 20, Array(data.prefix(8)) == NERModel.magic else { throw .badHeader }
        func u32(_ at: Int) -> UInt32 {
            data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
        }
        let rowBits = Int(u32(8))
        guard u32(12) == UInt32(NERLabel.count), rowBits > 0, rowBits <= 24 else { throw .badHeader }
        let count = (1 << rowBits) * Self.columns
        guard data.count == 20 + 2 * count else { throw .truncated(expected: 20 + 2 * count, actual: data.count) }
        self.rowBits = rowBits
        self.mask = UInt32((1 << rowBits) - 1)
        self.scale = Float(bitPattern: u32(16))
        self.weights = data.withUnsafeBytes { raw in
            WeightBuffer(count: count) { buf in
                for k in 0..<count {
                    buf[k] = Int16(littleEndian: raw.loadUnaligned(fromByteOffset: 20 + 2 * k, as: Int16.self))
                }
            }
        }
    }

    public func serialized() -> Data {
        var d = Data(NERModel.magic)
        func put(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { d.append(contentsOf: $0) } }
        put(UInt32(rowBits))
        put(UInt32(NERLabel.count))
        put(scale.bitPattern)
        let buf = weights.buffer
        var le = [Int16](repeating: 0, count: buf.count)
        for k in 0..<buf.count { le[k] = buf[k].littleEndian }
        le.withUnsafeBytes { d.append(contentsOf: $0) }
        return d
    }

    package func score(_ rows: UnsafeBufferPointer<UInt32>, into scores: UnsafeMutablePointer<Float>) {
        // Each row is one aligned 8-byte load (`columns` is 4), widened and summed in a vector
        // register; the loads are independent and overlap.
        let raw = UnsafeRawPointer(weights.buffer.baseAddress!)
        var a = SIMD4<Int32>(repeating: 0)
        for row in rows {
            a &+= SIMD4<Int32>(truncatingIfNeeded: raw.load(fromByteOffset: Int(row) &<< 3, as: SIMD4<Int16>.self))
        }
        scores[Int(NERLabel.outside.rawValue)] = 0
        scores[Int(NERLabel.person.rawValue)] = Float(a[0])
        scores[Int(NERLabel.location.rawValue)] = Float(a[1])
        scores[Int(NERLabel.organization.rawValue)] = Float(a[2])
        scores[Int(NERLabel.misc.rawValue)] = Float(a[3])
    }
}
