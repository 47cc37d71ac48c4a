/// A BIO tag over the four CoNLL types, as the tagger predicts it.
enum NERLabel: UInt8, CaseIterable, Sendable {
    case outside = 0
    case beginPerson, insidePerson, beginLocation, insideLocation
    case beginOrganization, insideOrganization, beginMisc, insideMisc

    static let count = 9

    /// CoNLL entity class: 0 PER, 1 LOC, 2 ORG, 3 MISC; nil for `O`.
    var typeIndex: Int? { self == .outside ? nil : Int(rawValue - 1) / 2 }

    var isBegin: Bool { self != .outside && rawValue % 2 == 1 }

    /// Parses `B-PER`, `I-LOC`, `O`… (IOB1 `I-` tags are accepted as written).
    init?(bio: Substring) {
        if bio == "O" { self = .outside; return }
        let parts = bio.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let t = ["PER", "LOC", "ORG", "MISC"].firstIndex(of: String(parts[1])) else { return nil }
        switch parts[0] {
        case "B": self.init(rawValue: UInt8(1 + 2 * t))
        case "I": self.init(rawValue: UInt8(2 + 2 * t))
        default: return nil
        }
    }

    /// An `I-X` tag may only follow `B-X` or `I-X`.
    func canFollow(_ previous: NERLabel) -> Bool {
        guard self != .outside, !isBegin else { return true }
        return previous.typeIndex == typeIndex
    }
}
