/// Words the quote stage keys on: speech verbs, pronouns, titles.
enum QuoteLexicon {
    /// Verbs that introduce or attribute direct speech, in the forms news uses.
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "asked", "asks", "warned",
        "warns", "insisted", "insists", "argued", "argues", "wrote", "writes", "declared", "declares",
        "explained", "explains", "noted", "notes", "stated", "states", "continued", "continues", "replied",
        "replies", "responded", "responds", "recalled", "recalls", "claimed", "claims", "acknowledged",
        "acknowledges", "admitted", "admits", "announced", "announces", "complained", "complains", "concluded",
        "concludes", "conceded", "concedes", "contended", "contends", "observed", "observes", "remarked",
        "remarks", "suggested", "suggests", "tweeted", "tweets", "posted", "joked", "jokes", "quipped", "quips",
        "shouted", "shouts", "yelled", "urged", "urges", "predicted", "predicts", "cautioned", "cautions",
        "stressed", "stresses", "emphasized", "emphasised", "emphasizes", "countered", "counters", "mused",
        "muses", "laughed", "sighed", "whispered", "boasted", "boasts", "thundered", "reiterated", "testified",
        "vowed", "vows", "promised", "promises", "maintained", "maintains", "agreed", "agrees", "wondered",
        "wonders", "pleaded", "demanded", "demands", "answered", "answers", "cried", "exclaimed", "screamed",
        "chanted", "went", "proclaimed", "proclaims", "pointed", "reported", "reports", "believed", "recounted",
        "recounts", "opined", "interjected", "snapped", "retorted", "elaborated", "bragged", "groused",
        "lamented", "laments", "alleged", "alleges", "estimated", "confirmed", "confirms", "denied", "denies",
        "described", "describes", "texted", "emailed", "messaged", "tweeting", "writing", "adding", "asking",
        "warning", "arguing", "noting", "explaining", "telling", "declaring", "insisting", "claiming",
        "stating", "charged", "charges", "pressed",
    ]

    /// Verbs that name rather than say: `what X calls “…”` is a partial quote.
    static let namingVerbs: Set<String> = [
        "called", "calls", "call", "calling", "dubbed", "dubs", "termed", "terms", "labelled", "labeled",
        "labels", "described", "describes", "branded", "brands", "characterized", "characterised",
    ]

    static let personPronouns: Set<String> = [
        "he", "she",
    ]
    static let pronouns: Set<String> = [
        "he", "she", "they", "i", "we", "it", "you",
    ]

    /// Words that may stand between a subject and its speech verb: `he later said`.
    static let adverbs: Set<String> = [
        "also", "later", "then", "once", "previously", "recently", "earlier", "again", "further", "simply",
        "often", "has", "have", "had", "would", "will", "repeatedly", "quickly", "famously", "subsequently",
        "frequently", "reportedly", "bluntly", "flatly", "just", "still", "even", "publicly", "privately",
        "initially", "finally", "last",
    ]

    /// Titles and roles dropped from a speaker's name (`Sen. Ted Cruz` → `Ted Cruz`).
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sen", "senator", "rep", "representative", "gov",
        "governor", "president", "gen", "general", "col", "colonel", "lt", "capt", "captain", "sgt", "rev",
        "reverend", "sir", "dame", "lord", "lady", "judge", "justice", "mayor", "chancellor", "minister",
        "secretary", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "director", "chief",
        "ceo", "king", "queen", "prince", "princess", "pope", "father", "sister", "brother", "officer",
        "detective", "sheriff", "attorney", "commissioner", "ambassador", "premier", "chair", "speaker",
        "leader", "candidate", "democrat", "republican", "former", "vice", "prime", "deputy", "acting", "state",
        "sens", "reps", "gop", "democratic", "presidential", "congressman", "congresswoman", "councilman",
        "councilwoman", "adviser", "advisor", "analyst", "economist", "coach", "manager", "founder", "host",
        "anchor", "author", "aide", "pastor",
    ]

    /// Capitalised words that start sentences but are not names.
    static let notNames: Set<String> = [
        "the", "a", "an", "and", "but", "or", "if", "in", "on", "at", "for", "of", "to", "as", "by", "with",
        "it", "its", "this", "that", "these", "those", "there", "then", "when", "while", "after", "before",
        "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "yes", "no", "so",
        "not", "what", "who", "why", "how", "where", "which", "some", "many", "most", "all", "one", "according",
        "asked", "said", "says", "also", "still", "now", "here", "even", "just", "other", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", "instead", "meanwhile",
        "however", "indeed", "today", "yesterday", "last", "next", "since", "from", "about", "over", "under",
        "both", "each", "every", "any", "such", "more", "less",
    ]
}
