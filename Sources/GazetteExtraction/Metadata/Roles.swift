/// Words that make a phrase a journalist's or contributor's role (`columnist`,
/// `economics editor`, `professor of history`), so a byline line can be told from body text.
enum Roles {
    static let nouns: Set<String> = [
        "columnist", "correspondent", "editor", "reporter", "writer", "journalist", "contributor", "commentator",
        "critic", "analyst", "author", "novelist", "historian", "economist", "professor", "lecturer", "fellow",
        "director", "chief", "producer", "presenter", "broadcaster", "blogger", "researcher", "scholar", "chair",
        "president", "founder", "minister", "mp", "senator", "lawyer", "academic", "campaigner", "strategist",
        "consultant", "adviser", "advisor", "expert", "scientist", "poet", "photographer", "cartoonist", "reviewer",
        "staff", "team", "desk", "writers", "reporters", "correspondents", "editors", "columnists", "contributors",
        "ceo", "head", "member", "partner", "officer", "host", "anchor", "leader", "secretary", "deputy", "candidate",
    ]

    /// Whether any word of `phrase` is a role noun.
    static func mentionsRole(_ phrase: some StringProtocol) -> Bool {
        phrase.split(whereSeparator: { !$0.isLetter }).contains { nouns.contains($0.lowercased()) }
    }
}
