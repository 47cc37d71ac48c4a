import Foundation

/// Names of news publications as they appear in bylines and author notes (`Guardian columnist`,
/// `the Guardian's economics editor`), with the canonical name to report.
enum Publications {
    /// Short forms to canonical names; matched as whole words, longest first.
    static let known: [(String, String)] = [
        ("New York Times", "The New York Times"), ("Washington Post", "The Washington Post"),
        ("Wall Street Journal", "The Wall Street Journal"), ("Financial Times", "Financial Times"),
        ("Los Angeles Times", "Los Angeles Times"), ("Irish Times", "The Irish Times"),
        ("Sunday Times", "The Sunday Times"),
        ("Boston Globe", "The Boston Globe"), ("Sydney Morning Herald", "The Sydney Morning Herald"),
        ("Associated Press", "Associated Press"), ("Al Jazeera", "Al Jazeera"), ("New Yorker", "The New Yorker"),
        ("New Statesman", "New Statesman"), ("Daily Telegraph", "The Daily Telegraph"), ("Daily Mail", "Daily Mail"),
        ("Le Monde", "Le Monde"), ("Der Spiegel", "Der Spiegel"), ("El País", "El País"), ("BBC News", "BBC News"),
        ("Guardian", "The Guardian"), ("Observer", "The Observer"), ("Telegraph", "The Telegraph"),
        ("Independent", "The Independent"), ("Economist", "The Economist"), ("Atlantic", "The Atlantic"),
        ("Spectator", "The Spectator"), ("Times", "The Times"), ("Reuters", "Reuters"), ("Bloomberg", "Bloomberg"),
        ("BBC", "BBC"), ("CNN", "CNN"), ("NPR", "NPR"), ("AFP", "AFP"), ("AP", "Associated Press"),
        ("Politico", "Politico"),
        ("Axios", "Axios"), ("Forbes", "Forbes"), ("Wired", "Wired"), ("Newsweek", "Newsweek"), ("Vox", "Vox"),
        ("Spiegel", "Der Spiegel"), ("FT", "Financial Times"), ("WSJ", "The Wall Street Journal"),
        ("Mirror", "The Mirror"),
        ("Herald", "The Herald"), ("Scotsman", "The Scotsman"), ("Hill", "The Hill"),
    ]

    /// The publication a byline fragment names, e.g. `The Guardian` for `Guardian columnist`.
    static func find(in text: String) -> String? {
        let words = text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "é" || $0 == "í") }).map(
            String.init)
        for (short, canonical) in known {
            let parts = short.split(separator: " ").map(String.init)
            guard parts.count <= words.count else { continue }
            for start in 0...(words.count - parts.count) where Array(words[start..<(start + parts.count)]) == parts {
                // "Times" alone is too common a word unless capitalised after "The" or before a role.
                if short == "Times" || short == "Hill" || short == "Mirror" || short == "Herald"
                    || short == "Independent" || short == "Observer" || short == "Atlantic"
                {
                    let previous = start > 0 ? words[start - 1] : ""
                    let next = start + 1 < words.count ? words[start + 1].lowercased() : ""
                    guard previous == "The" || previous == "the" || Roles.nouns.contains(next) else { continue }
                }
                return canonical
            }
        }
        return nil
    }
}
