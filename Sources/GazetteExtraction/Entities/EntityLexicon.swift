/// Word lists the entity stage uses after tagging: words that are never entities on their
/// own, alias spellings with one canonical name, person titles and role nouns.
package enum EntityLexicon {
    /// Capitalised at a sentence start but never a name by themselves.
    static let neverAlone: Set<String> = [
        "the", "a", "an", "either", "instead", "indeed", "yet", "some", "it", "but", "if", "much", "whether",
        "this", "that", "these", "those", "in", "as", "and", "or", "so", "then", "there", "here", "he", "she",
        "they", "we", "you", "i", "his", "her", "their", "our", "my", "its", "what", "when", "where", "who",
        "why", "how", "while", "after", "before", "since", "although", "though", "however", "meanwhile",
        "still", "also", "even", "only", "now", "today", "tomorrow", "yesterday", "at", "on", "for", "with",
        "by", "from", "to", "of", "no", "not", "all", "both", "many", "most", "more", "other", "such",
        "another", "each", "every", "few", "several", "one", "two", "three", "first", "last", "next",
        "hugging", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "thanks", "please", "yes",
        "well", "oh", "perhaps", "maybe", "unless", "because", "despite", "given", "asked", "said", "says",
    ]

    /// Words of ``neverAlone`` that begin a name when capitalised inside a sentence (`The Hague`,
    /// `First Chicago`, `All Blacks`, `Three Gorges Dam`).
    static let nameStarts: Set<String> = ["the", "first", "one", "two", "three", "all"]

    /// Lower-case words inside people's names (`Osama bin Laden`, `Charles de Gaulle`,
    /// `Ludwig van Beethoven`).
    static let nameParticles: Set<String> = [
        "bin", "ibn", "bint", "al", "el", "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "le",
        "la", "dos", "das", "ter",
    ]

    /// Faiths and their followers, peoples that are no country's nationality, and continents'
    /// adjectives, lower-cased: groups of people (NORP), never a person, place or organisation by
    /// themselves, whatever the tagger, trained on 1996 news that spells `Moslem`, made of them
    /// (`Muslims`, `Sunni Muslims`, `Hindus`, `Kurds`, `European`).
    static let groups = WordTable<Bool>([
        "muslim", "muslims", "moslem", "moslems", "islamic", "islamist", "islamists", "sunni", "sunnis",
        "sunnite", "sunnites", "shia", "shias", "shiite", "shiites", "shi'ite", "shi'ites", "alawite",
        "alawites", "sufi", "sufis", "salafi", "salafis", "salafist", "salafists", "christian",
        "christians", "catholic", "catholics", "protestant", "protestants", "orthodox", "anglican",
        "anglicans", "evangelical", "evangelicals", "methodist", "methodists", "baptist", "baptists",
        "lutheran", "lutherans", "presbyterian", "presbyterians", "pentecostal", "pentecostals",
        "mormon", "mormons", "coptic", "copt", "copts", "jew", "jews", "jewish", "hindu", "hindus",
        "sikh", "sikhs", "buddhist", "buddhists", "jain", "jains", "bahai", "baha'i", "druze", "yazidi",
        "yazidis", "zoroastrian", "zoroastrians", "rastafarian", "rastafarians",
        "kurd", "kurds", "kurdish", "arab", "arabs", "pashtun", "pashtuns", "baluch", "hazara", "hazaras",
        "tamil", "tamils", "sinhalese", "hutu", "hutus", "tutsi", "tutsis", "uighur", "uighurs", "uyghur",
        "uyghurs", "rohingya", "berber", "berbers", "bedouin", "bedouins", "latino", "latinos",
        "hispanic", "hispanics", "aboriginal", "maori", "inuit", "basque", "basques", "catalan", "catalans",
        "flemish", "walloon", "walloons", "scandinavian", "scandinavians", "balkan", "european",
        "europeans", "african", "africans", "asian", "asians",
    ])

    /// Organisations in the news since WordNet 3.0 (2006) and missing from the stock indices the
    /// gazetteer is built from: aid and rights groups, international bodies, news agencies, armed
    /// groups, companies. Hand-written from public knowledge. Not a tagger feature (the shipped
    /// model was trained without it); the entity stage uses it to correct the tagger's type
    /// and to join a name it cut (``NameJoins/organisations(_:text:gazetteer:)``).
    static let organisations: Gazetteer = {
        var g = Gazetteer()
        let names = """
            Amnesty International|Amnesty|Human Rights Watch|Fannie Mae|Freddie Mac|Oxfam|Save the Children|Médecins Sans Frontières|
            Doctors Without Borders|Reporters Without Borders|Committee to Protect Journalists|
            International Committee of the Red Cross|Red Crescent|Transparency International|
            International Crisis Group|Freedom House|ActionAid|Christian Aid|Mercy Corps|
            International Rescue Committee|Norwegian Refugee Council|Islamic Relief|World Vision|
            Friends of the Earth|Sierra Club|Gates Foundation|Open Society Foundations|
            Brookings Institution|Chatham House|Heritage Foundation|Cato Institute|
            World Health Organization|World Health Organisation|Unicef|UNHCR|UNESCO|UNRWA|IAEA|
            International Atomic Energy Agency|World Food Programme|World Food Program|
            International Monetary Fund|World Bank|World Trade Organization|World Trade Organisation|Opec|
            OSCE|Asean|African Union|Arab League|Gulf Cooperation Council|European Commission|
            European Central Bank|European Parliament|Council of Europe|International Criminal Court|
            International Court of Justice|Interpol|Europol|Frontex|Mercosur|Taliban|Taleban|al-Qaeda|
            al-Qaida|Islamic State|ISIS|Isil|Boko Haram|al-Shabab|al-Shabaab|Houthis|Islamic Jihad|Fatah|
            Hezbollah|Hizbollah|Hamas|PKK|Farc|Tamil Tigers|Lashkar-e-Taiba|Jaish-e-Mohammed|Wagner Group|
            Muslim Brotherhood|Hayat Tahrir al-Sham|Janjaweed|Reuters|Associated Press|Agence France-Presse|
            AFP|BBC|CNN|Al Jazeera|Xinhua|Tass|Itar-Tass|Interfax|RIA Novosti|Kyodo|Yonhap|Voice of America|
            New York Times|Washington Post|Wall Street Journal|Financial Times|Google|Facebook|Twitter|
            Microsoft|Netflix|SpaceX|OpenAI|Nvidia|Huawei|Alibaba|Tencent|Baidu|ByteDance|TikTok|Samsung|
            Sony|Yahoo|Uber|Airbnb|Boeing|Airbus|Gazprom|Rosneft|Saudi Aramco|Aramco
            """
        g.add(names.split(whereSeparator: { $0 == "|" || $0 == "\n" }).joined(separator: "\n"), to: .organisation)
        return g
    }()

    /// Day and month names: never the edge of a name.
    static let calendarWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// Spellings that name one entity: lower-cased, periods removed → canonical name and type.
    package static let aliases: [String: (name: String, type: EntityType)] = [
        "us": ("United States", .location), "usa": ("United States", .location),
        "united states": ("United States", .location), "united states of america": ("United States", .location),
        "america": ("United States", .location),
        "uk": ("United Kingdom", .location), "united kingdom": ("United Kingdom", .location),
        "britain": ("United Kingdom", .location), "great britain": ("United Kingdom", .location),
        "eu": ("European Union", .organization), "european union": ("European Union", .organization),
        "un": ("United Nations", .organization), "united nations": ("United Nations", .organization),
        "nato": ("NATO", .organization), "north atlantic treaty organization": ("NATO", .organization),
        "uae": ("United Arab Emirates", .location), "united arab emirates": ("United Arab Emirates", .location),
    ]

    /// Titles before a name: part of the role, never of the canonical name.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president", "prime", "minister",
        "chancellor", "secretary", "senator", "sen", "rep", "gov", "governor", "mayor", "king", "queen",
        "prince", "princess", "pope", "general", "gen", "colonel", "col", "captain", "capt", "judge", "justice",
        "ambassador", "premier", "sheikh", "emir", "ayatollah", "archbishop", "bishop", "rev", "father", "vice",
    ]

    /// Words that name a storm when capitalised before a name (`Hurricane Katrina`).
    static let stormWords = WordTable<Bool>(["hurricane", "typhoon", "cyclone", "storm"])

    /// The parts of a hyphenated word that make it a modifier rather than a name: `pro-Russian`,
    /// `London-based`, `Nato-led`.
    static let modifierPrefixes: Set<String> = [
        "pro", "anti", "non", "ex", "post", "pre", "neo", "mid", "pan", "cross",
    ]
    static let modifierSuffixes: Set<String> = [
        "based", "led", "backed", "born", "owned", "run", "style", "made", "bound", "funded", "controlled",
        "held", "era", "wide", "speaking", "friendly", "related", "linked", "allied", "aligned", "occupied",
        "dominated", "brokered", "sponsored", "inspired", "registered", "listed", "educated", "trained",
    ]

    /// Titles only a person has (`Mr Obama`), unlike `President` or `General`.
    static let personalTitles: Set<String> = ["mr", "mrs", "ms", "dr", "mme", "mlle"]

    /// Nouns that head a role phrase (`envoy`, `national security adviser`, `historian`).
    static let roleHeads: Set<String> = [
        "president", "minister", "secretary", "adviser", "advisor", "envoy", "ambassador", "spokesman",
        "spokeswoman", "spokesperson", "chancellor", "leader", "chief", "head", "director", "chairman",
        "chairwoman", "chair", "ceo", "executive", "founder", "co-founder", "governor", "senator", "mayor",
        "king", "queen", "prince", "princess", "pope", "general", "commander", "officer", "historian",
        "professor", "economist", "analyst", "journalist", "editor", "correspondent", "columnist", "author",
        "writer", "lawyer", "attorney", "judge", "prosecutor", "official", "diplomat", "negotiator",
        "representative", "congressman", "congresswoman", "lawmaker", "mp", "deputy", "candidate", "nominee",
        "premier", "coach", "manager", "captain", "striker", "midfielder", "goalkeeper", "defender", "champion",
        "singer", "actor", "actress", "producer", "artist", "scientist", "researcher", "expert", "strategist",
        "commissioner", "secretary-general", "president-elect", "vice-president", "tsar", "czar", "emir",
        "sheikh", "ayatollah", "general-secretary", "aide", "adviser", "counsel", "partner", "investor",
        "billionaire", "entrepreneur", "owner", "member", "mep", "peer", "campaigner", "activist", "novelist",
        "poet", "philosopher", "physicist", "chemist", "biologist", "sociologist", "psychologist", "critic",
        "broadcaster", "presenter", "host", "reporter", "photographer", "founder", "boss", "chief executive",
        "pollster", "spokesperson", "speaker", "whip", "treasurer", "comptroller", "auditor", "inspector",
        "marshal", "admiral", "colonel", "major", "lieutenant", "sergeant", "bishop", "archbishop", "rabbi",
        "imam", "cardinal", "veteran", "dictator", "monarch", "emperor", "regent", "magnate", "tycoon",
    ]

    /// Words that end a role phrase walking away from the name: function words and verbs.
    static let roleStops: Set<String> = [
        "the", "a", "an", "and", "or", "but", "with", "by", "from", "to", "in", "on", "at", "for", "as", "that",
        "which", "who", "whom", "whose", "this", "these", "those", "his", "her", "their", "its", "our", "my",
        "your", "he", "she", "they", "it", "we", "i", "you", "said", "says", "say", "told", "tells", "met",
        "meets", "asked", "added", "is", "was", "are", "were", "be", "been", "has", "had", "have", "will",
        "would", "could", "should", "may", "might", "can", "not", "when", "while", "after", "before", "than",
        "if", "about", "into", "over", "under", "between", "against", "during", "without", "like", "even",
        "also", "only", "called", "named", "including", "both", "between", "how", "what", "where", "why",
        "did", "does", "do", "so", "then", "because", "since", "though", "although", "yet", "where",
    ]
}
