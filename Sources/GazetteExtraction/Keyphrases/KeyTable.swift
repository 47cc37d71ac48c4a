/// A small open-addressing hash map from 64-bit keys to non-negative `Int32` values: term
/// ids, candidate ids and counts in the per-article statistics.
///
/// `Dictionary` hashes every key with seeded SipHash; these keys are already hashes or packed
/// ids, so one multiply-shift and linear probing are enough and several times faster.
struct KeyTable {
    private var keys: [UInt64]
    /// -1 marks an empty slot.
    private var values: [Int32]
    private var shift: UInt64
    private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        var bits = 4
        while 1 << bits < minimumCapacity * 2 { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << bits)
        values = [Int32](repeating: -1, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: ((key ^ (key >> 31)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    func value(for key: UInt64) -> Int32? {
        let mask = keys.count - 1
        var i = slot(key)
        while values[i] >= 0 {
            if keys[i] == key { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    /// The key's value, inserting `value` first if the key is new.
    @inline(__always)
    mutating func value(for key: UInt64, inserting value: Int32) -> (value: Int32, inserted: Bool) {
        let i = find(key)
        if values[i] >= 0 { return (values[i], false) }
        store(key, value, at: i)
        return (value, true)
    }

    /// Adds `delta` to the key's value (0 when new) and returns the value before.
    @inline(__always)
    mutating func add(_ delta: Int32, to key: UInt64) -> Int32 {
        let i = find(key)
        let before = values[i]
        if before >= 0 {
            values[i] = before + delta
            return before
        }
        store(key, delta, at: i)
        return 0
    }

    @inline(__always)
    private func find(_ key: UInt64) -> Int {
        let mask = keys.count - 1
        var i = slot(key)
        while values[i] >= 0, keys[i] != key { i = (i + 1) & mask }
        return i
    }

    private mutating func store(_ key: UInt64, _ value: Int32, at i: Int) {
        keys[i] = key
        values[i] = value
        count += 1
        if count * 2 > keys.count { grow() }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        shift -= 1
        for i in oldKeys.indices where oldValues[i] >= 0 {
            let j = find(oldKeys[i])
            keys[j] = oldKeys[i]
            values[j] = oldValues[i]
        }
    }
}
