/// An open-addressing hash map from 64-bit keys that are already hashes (word and phrase
/// hashes of the tagger) to `UInt32` values, with the subscripts of `Dictionary`.
///
/// `Dictionary` runs seeded SipHash over every key; these keys are well mixed already, so one
/// multiply-shift and linear probing do. Key, value and occupancy share one 16-byte slot, so a
/// look-up in a table larger than the cache costs one miss, not three.
struct HashMap64: Sendable {
    private struct Slot {
        var key: UInt64 = 0
        var value: UInt32 = 0
        var used = false
    }

    private var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        var bits = 4
        while 1 << bits < minimumCapacity * 2 { bits += 1 }
        slots = [Slot](repeating: Slot(), count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    var isEmpty: Bool { count == 0 }

    subscript(key: UInt64) -> UInt32? {
        get {
            slots.withUnsafeBufferPointer { s in
                let i = Self.find(key, in: s, shift: shift)
                return s[i].used ? s[i].value : nil
            }
        }
        set {
            guard let newValue else { preconditionFailure("HashMap64 does not remove keys") }
            set(newValue, for: key)
        }
    }

    subscript(key: UInt64, default value: UInt32) -> UInt32 {
        get { self[key] ?? value }
        set { set(newValue, for: key) }
    }

    /// The key's value, inserting `value` first if the key is new.
    @inline(__always)
    mutating func value(for key: UInt64, inserting value: UInt32) -> (value: UInt32, inserted: Bool) {
        let (i, found) = slots.withUnsafeMutableBufferPointer { s in
            let i = Self.find(key, in: UnsafeBufferPointer(s), shift: shift)
            return (i, s[i].used ? s[i].value : nil)
        }
        if let found { return (found, false) }
        occupy(i, key, value)
        return (value, true)
    }

    /// Adds `delta` to the key's value (0 when new) and returns the value before.
    @inline(__always)
    mutating func add(_ delta: UInt32, to key: UInt64) -> UInt32 {
        let (i, before) = slots.withUnsafeMutableBufferPointer { s in
            let i = Self.find(key, in: UnsafeBufferPointer(s), shift: shift)
            guard s[i].used else { return (i, UInt32?.none) }
            let before = s[i].value
            s[i].value = before &+ delta
            return (i, before)
        }
        if let before { return before }
        occupy(i, key, delta)
        return 0
    }

    /// ORs `bits` into the key's value (0 when new).
    @inline(__always)
    mutating func formUnion(_ bits: UInt32, for key: UInt64) {
        let free = slots.withUnsafeMutableBufferPointer { s -> Int? in
            let i = Self.find(key, in: UnsafeBufferPointer(s), shift: shift)
            guard s[i].used else { return i }
            s[i].value |= bits
            return nil
        }
        if let free { occupy(free, key, bits) }
    }

    /// Every key and value, in slot order.
    var entries: [(key: UInt64, value: UInt32)] {
        slots.compactMap { $0.used ? ($0.key, $0.value) : nil }
    }

    mutating func reserveCapacity(_ n: Int) {
        while n * 2 > slots.count { grow() }
    }

    @inline(__always)
    private static func find(_ key: UInt64, in slots: UnsafeBufferPointer<Slot>, shift: UInt64) -> Int {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: ((key ^ (key >> 31)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[i].used, slots[i].key != key { i = (i + 1) & mask }
        return i
    }

    private mutating func set(_ value: UInt32, for key: UInt64) {
        let (i, replaced) = slots.withUnsafeMutableBufferPointer { s in
            let i = Self.find(key, in: UnsafeBufferPointer(s), shift: shift)
            if s[i].used { s[i].value = value }
            return (i, s[i].used)
        }
        if !replaced { occupy(i, key, value) }
    }

    private mutating func occupy(_ i: Int, _ key: UInt64, _ value: UInt32) {
        slots[i] = Slot(key: key, value: value, used: true)
        count += 1
        if count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        shift -= 1
        slots.withUnsafeMutableBufferPointer { s in
            for entry in old where entry.used {
                let j = Self.find(entry.key, in: UnsafeBufferPointer(s), shift: shift)
                s[j] = entry
            }
        }
    }
}
