/// A map from 64-bit keys to non-negative `Int32` values — term ids, candidate ids and counts
/// in the per-article statistics, word ids of the lexicons — over ``HashMap64``.
struct KeyTable {
    private var map: HashMap64

    init(minimumCapacity: Int = 16) {
        map = HashMap64(minimumCapacity: minimumCapacity)
    }

    var count: Int { map.count }

    @inline(__always)
    func value(for key: UInt64) -> Int32? {
        map[key].map { Int32(bitPattern: $0) }
    }

    /// The key's value, inserting `value` first if the key is new.
    @inline(__always)
    mutating func value(for key: UInt64, inserting value: Int32) -> (value: Int32, inserted: Bool) {
        let found = map.value(for: key, inserting: UInt32(bitPattern: value))
        return (Int32(bitPattern: found.value), found.inserted)
    }

    /// Adds `delta` to the key's value (0 when new) and returns the value before.
    @inline(__always)
    mutating func add(_ delta: Int32, to key: UInt64) -> Int32 {
        Int32(bitPattern: map.add(UInt32(bitPattern: delta), to: key))
    }
}
