/// Disjoint sets over `0..<count` with path halving.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) {
        parent = Array(0..<count)
    }

    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }

    mutating func components() -> [[Int]] {
        var byRoot: [Int: [Int]] = [:]
        for x in parent.indices { byRoot[find(x), default: []].append(x) }
        return byRoot.keys.sorted().map { byRoot[$0]! }
    }
}
