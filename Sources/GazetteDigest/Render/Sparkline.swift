/// A small chart of daily counts: Unicode blocks for text, an inline SVG for HTML.
enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One block per value, scaled to the largest; all-zero series are a flat line of `▁`.
    static func text(_ values: [Int]) -> String {
        let top = values.max() ?? 0
        return String(
            values.map { value in
                top == 0 ? blocks[0] : blocks[min(blocks.count - 1, value * (blocks.count - 1) / top)]
            })
    }

    /// A self-contained SVG polyline; built only from numbers, so it is safe to insert unescaped.
    static func svg(_ values: [Int], width: Int = 84, height: Int = 18) -> String {
        let top = max(1, values.max() ?? 0)
        let step = values.count > 1 ? Double(width - 2) / Double(values.count - 1) : 0
        let points = values.enumerated().map { index, value in
            let x = 1 + Double(index) * step
            let y = Double(height - 2) - Double(value) / Double(top) * Double(height - 4) + 1
            return "\(format(x)),\(format(y))"
        }.joined(separator: " ")
        let total = values.reduce(0, +)
        return """
            <svg class="spark" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" \
            aria-label="\(total) articles over \(values.count) days"><polyline fill="none" stroke="currentColor" \
            stroke-width="1.5" points="\(points)"/></svg>
            """
    }

    private static func format(_ value: Double) -> String {
        let scaled = (value * 10).rounded() / 10
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }
}
