/// A person's name as words, for telling spellings of one name apart from other names:
/// `Owen Dempsey`, `Owen John Dempsey` and `Owen J. Dempsey` are one name; `Brown` is a surname alone.
package struct PersonName {
    /// Lower-cased words, periods of initials dropped.
    let words: [String]

    package init(_ name: String) {
        words = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "." }).map(String.init)
    }

    package var surname: String? { words.last }
    var isSurnameAlone: Bool { words.count == 1 }

    /// `entities.surname`: a person's surname, nil for every other type.
    package static func surname(of name: String, type: String) -> String? {
        type == "PERSON" ? PersonName(name).surname : nil
    }

    /// Whether both names have the same first and last word, and the shorter one's middle
    /// words (names or initials) are among the longer one's.
    func isVariant(of other: PersonName) -> Bool {
        guard words.count >= 2, other.words.count >= 2, words.first == other.words.first, words.last == other.words.last
        else { return false }
        let (short, long) = words.count <= other.words.count ? (self, other) : (other, self)
        let middles = long.words.dropFirst().dropLast()
        return short.words.dropFirst().dropLast().allSatisfy { word in
            middles.contains {
                $0 == word || ($0.hasPrefix(word) && word.count == 1) || (word.hasPrefix($0) && $0.count == 1)
            }
        }
    }
}
