/// English function words and news filler that a keyphrase may not start or end with, and
/// that the summary's sentence similarity ignores.
package enum StopWords {
    /// The words' ``WordKey``s; a ``KeyTable`` rather than a `Set`, which would hash each key
    /// again with SipHash on every look-up.
    static let keys: KeyTable = {
        var table = KeyTable(minimumCapacity: words.count)
        for word in words { _ = table.value(for: WordKey.of(word), inserting: 0) }
        return table
    }()

    @inline(__always)
    static func contains(_ key: UInt64) -> Bool { keys.value(for: key) != nil }

    package static let words: [String] = [
        "a", "about", "above", "according", "across", "after", "afterwards", "again", "against", "ago", "ahead",
        "all", "almost", "alone", "along", "already", "also", "although", "always", "am", "among", "amongst",
        "an", "and", "another", "any", "anybody", "anyhow", "anyone", "anything", "anyway", "anywhere", "are",
        "around", "as", "at", "away", "back", "be", "became", "because", "become", "becomes", "becoming", "been",
        "before", "beforehand", "behind", "being", "below", "beside", "besides", "between", "beyond", "both",
        "but", "by", "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "due", "during",
        "each", "eight", "either", "eleven", "else", "elsewhere", "enough", "especially", "etc", "even", "ever",
        "every", "everybody", "everyone", "everything", "everywhere", "except", "far", "few", "fifteen", "fifty",
        "first", "five", "for", "former", "formerly", "forty", "four", "from", "further", "get", "gets",
        "getting", "give", "given", "gives", "go", "goes", "going", "gone", "got", "had", "has", "have",
        "having", "he", "hence", "her", "here", "hereafter", "hereby", "herein", "hers", "herself", "him",
        "himself", "his", "how", "however", "hundred", "i", "if", "in", "indeed", "instead", "into", "is", "it",
        "its", "itself", "just", "last", "later", "latter", "least", "less", "like", "likely", "made", "make",
        "makes", "making", "many", "may", "maybe", "me", "meanwhile", "might", "mine", "more", "moreover",
        "most", "mostly", "mr", "mrs", "ms", "much", "must", "my", "myself", "namely", "near", "nearly",
        "neither", "never", "nevertheless", "next", "nine", "no", "nobody", "none", "nor", "not", "nothing",
        "now", "nowhere", "of", "off", "often", "on", "once", "one", "ones", "only", "onto", "or", "other",
        "others", "otherwise", "our", "ours", "ourselves", "out", "over", "own", "per", "perhaps", "put",
        "quite", "rather", "really", "said", "same", "say", "saying", "says", "second", "see", "seem", "seemed",
        "seeming", "seems", "several", "she", "should", "since", "six", "sixty", "so", "some", "somebody",
        "somehow", "someone", "something", "sometime", "sometimes", "somewhere", "still", "such", "take",
        "taken", "ten", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "thence",
        "there", "thereafter", "thereby", "therefore", "therein", "thereupon", "these", "they", "third",
        "this", "those", "though", "thousand", "three", "through", "throughout", "thru", "thus", "to",
        "today", "together", "told", "too", "toward", "towards", "twelve", "twenty", "two", "under", "unless",
        "until", "up", "upon", "us", "use", "used", "using", "very", "via", "was", "way", "we", "well",
        "were", "what", "whatever", "when", "whence", "whenever", "where", "whereas", "whereby", "wherein",
        "whether", "which", "while", "whither", "who", "whoever", "whole", "whom", "whose", "why", "will",
        "with", "within", "without", "would", "yes", "yet", "you", "your", "yours", "yourself", "yourselves",
        "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "week", "weeks", "month", "months", "year", "years", "day", "days", "time", "times", "lot", "lots",
        "thing", "things", "new", "old", "good", "bad", "big", "able", "around", "want", "wants", "need",
        "needs", "know", "think", "thinks", "came", "come", "comes", "went", "tell", "asked", "added",
        "can't", "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "won't", "wouldn't",
        "couldn't", "shouldn't", "hasn't", "haven't", "hadn't", "it's", "i'm", "i've", "i'd", "i'll",
        "we're", "we've", "we'll", "they're", "they've", "they'll", "you're", "you've", "he's", "she's",
        "that's", "there's", "what's", "let's", "'s",
    ]
}
