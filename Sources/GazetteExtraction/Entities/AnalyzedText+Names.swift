/// Token tests the entity stage's rules share.
extension AnalyzedText {
    /// Whether token `i` begins with a capital letter.
    func isCapitalised(_ i: Int) -> Bool {
        TokenFeatures.isUppercase(scalars[tokens[i].start])
    }

    /// Whether token `i` begins with a capital where its sentence does not start: `The Hague`,
    /// not `The talks`.
    func isCapitalisedInside(_ i: Int) -> Bool {
        guard isCapitalised(i), let sentence = sentenceIndex(ofToken: i) else { return false }
        return sentences[sentence].tokens.lowerBound != i
    }

    /// Whether token `i` comes one space after token `i - 1`: the next word of a name, never
    /// across a line break or punctuation.
    func followsOneSpace(_ i: Int) -> Bool {
        i > 0 && tokens[i].start == tokens[i - 1].end + 1 && scalars[tokens[i].start - 1] == " "
    }
}
