/// Surnames that a list of people's names also gives in full.
///
/// The store links a surname alone (`Cheney`) to the one person of that surname it knows, and
/// leaves it unlinked when two share it (Mary and Dick Cheney): such an entity says no more than
/// the fuller names beside it, so the digest's lists leave it out.
struct BareSurnames {
    private let surnames: Set<String>

    /// The last words of the names of two words or more, in lower case.
    init(_ names: some Sequence<String>) {
        surnames = Set(
            names.compactMap { name in
                let words = Self.words(name)
                return words.count >= 2 ? words.last : nil
            })
    }

    /// Whether `name` is one word that is the surname of a fuller name.
    func covers(_ name: String) -> Bool {
        let words = Self.words(name)
        return words.count == 1 && surnames.contains(words[0])
    }

    private static func words(_ name: String) -> [String] {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "." }).map(String.init)
    }
}
