/// The tagger's label for one token: outside any name, or inside a name of one of the four
/// CoNLL types (IO encoding). A name is a run of tokens with the same type; two names of one
/// type side by side are rare (24 of 12,000 in CoNLL `train`), and telling a name's first
/// token from the rest cost the tagger more than those cases gain.
package enum NERLabel: UInt8, CaseIterable, Sendable {
    case outside = 0
    case person, location, organization, misc

    package static let count = 5

    /// CoNLL entity class: 0 PER, 1 LOC, 2 ORG, 3 MISC; nil for `O`.
    package var typeIndex: Int? { self == .outside ? nil : Int(rawValue) - 1 }

    /// Parses `B-PER`, `I-LOC`, `O`…: the begin/inside distinction of BIO files is dropped.
    package init?(bio: Substring) {
        if bio == "O" {
            self = .outside
            return
        }
        let parts = bio.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, parts[0] == "B" || parts[0] == "I",
            let t = ["PER", "LOC", "ORG", "MISC"].firstIndex(of: String(parts[1]))
        else { return nil }
        self.init(rawValue: UInt8(1 + t))
    }
}
