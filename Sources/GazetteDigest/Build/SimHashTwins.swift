/// Articles whose SimHashes are within a few bits of each other: copies of one text, lightly
/// edited (syndicated wire copy, a corrected headline). They are one story whatever their words.
enum SimHashTwins {
    /// Groups of indexes into `hashes`, each sorted and the groups in order of their first index:
    /// hashes within `maximumDistance` bits of each other are in one group, and so transitively
    /// are their twins'. A hash of 0 (none computed) has no twin.
    ///
    /// Candidates come from bands rather than from every pair: two hashes within `d` bits agree
    /// entirely on at least one of `d + 1` bands of their bits (pigeonhole), so only hashes that
    /// share a band's value are compared.
    static func groups(_ hashes: [UInt64], maximumDistance: Int) -> [[Int]] {
        var parent = Array(hashes.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        // Equal hashes (copies) join at once, and only the first of them takes part in the bands.
        var firstWithHash: [UInt64: Int] = [:]
        var distinct: [Int] = []
        for index in hashes.indices where hashes[index] != 0 {
            if let first = firstWithHash[hashes[index]] {
                parent[index] = first
            } else {
                firstWithHash[hashes[index]] = index
                distinct.append(index)
            }
        }
        let bands = maximumDistance + 1
        var shift = 0
        for band in 0..<bands {
            let width = 64 / bands + (band < 64 % bands ? 1 : 0)
            let mask: UInt64 = width >= 64 ? ~0 : (1 << UInt64(width)) - 1
            var buckets: [UInt64: [Int]] = [:]
            for index in distinct {
                buckets[(hashes[index] >> UInt64(shift)) & mask, default: []].append(index)
            }
            for bucket in buckets.values where bucket.count > 1 {
                for (position, i) in bucket.enumerated() {
                    for j in bucket[(position + 1)...] {
                        let (a, b) = (root(i), root(j))
                        if a != b, (hashes[i] ^ hashes[j]).nonzeroBitCount <= maximumDistance {
                            parent[max(a, b)] = min(a, b)
                        }
                    }
                }
            }
            shift += width
        }
        // Each root is its group's smallest index, so groups are made in order of their first index.
        var groups: [[Int]] = []
        var groupOfRoot = [Int](repeating: 0, count: hashes.count)
        for index in hashes.indices {
            let top = root(index)
            if top == index {
                groupOfRoot[index] = groups.count
                groups.append([index])
            } else {
                groups[groupOfRoot[top]].append(index)
            }
        }
        return groups
    }
}
