import GazetteExtraction
import Testing

@Suite("Title, byline and publication")
struct MetadataTests {
    typealias F = FrontFixtures

    @Test func authorNoteGivesAuthorRoleAndPublication() throws {
        let text = [F.paragraphOne, F.paragraphTwo, "-", "Martin Kettle is a Guardian columnist"].joined(
            separator: "\n")
        let record = try F.extract(text)
        #expect(record.authors == ["Martin Kettle"])
        #expect(record.authorRole == "Guardian columnist")
        #expect(record.publication == "The Guardian")
        #expect(!record.body.contains("columnist"))
    }

    @Test(arguments: [
        ("By Jane Doe", ["Jane Doe"], nil as String?),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"], nil),
        ("By JANE DOE, Political Editor", ["Jane Doe"], "Political Editor"),
        ("Larry Elliott, economics editor", ["Larry Elliott"], "economics editor"),
        ("(Reporting by Jane Doe; Editing by John Roe)", ["Jane Doe"], nil),
    ])
    func bylineLines(line: String, authors: [String], role: String?) throws {
        let record = try F.extract([line, F.paragraphOne, F.paragraphTwo, F.paragraphThree].joined(separator: "\n"))
        #expect(record.authors == authors)
        #expect(record.authorRole == role)
        #expect(record.body.hasPrefix("The government"))
    }

    @Test func authorNoteWithoutArticle() throws {
        let note = "Clark Boyd is technology correspondent for The World, a BBC World Service co-production."
        let record = try F.extract([F.paragraphOne, F.paragraphTwo, F.paragraphThree, note].joined(separator: "\n\n"))
        #expect(record.authors == ["Clark Boyd"])
        #expect(record.authorRole?.hasPrefix("technology correspondent") == true)
        #expect(!record.body.contains("Clark Boyd"))
    }

    @Test(arguments: [
        "Tony Blair is likely to name 5 May as election day when Parliament returns from its Easter break.",
        "Director Quentin Tarantino is in talks to write and direct a new instalment in the horror franchise.",
    ])
    func newsSentencesAreNotAuthorNotes(sentence: String) throws {
        let record = try F.extract([sentence, F.paragraphOne, F.paragraphTwo].joined(separator: "\n\n"))
        #expect(record.authors.isEmpty)
        #expect(record.body.hasPrefix(sentence))
    }

    @Test func publicationFromByline() throws {
        let record = try F.extract(["By Jane Doe, BBC News", F.paragraphOne, F.paragraphTwo].joined(separator: "\n"))
        #expect(record.authors == ["Jane Doe"])
        #expect(record.publication == "BBC News")
    }

    @Test func bodySentencesAboutPeopleStayInTheBody() throws {
        let middle = "Vladimir Putin is a former intelligence officer who has ruled Russia for a quarter of a century."
        let lines =
            [
                F.paragraphOne, F.paragraphTwo, F.paragraphThree, F.paragraphOne, F.paragraphTwo, F.paragraphThree,
                F.paragraphOne, F.paragraphTwo, middle,
            ]
            + [
                F.paragraphThree, F.paragraphOne, F.paragraphTwo, F.paragraphThree, F.paragraphOne, F.paragraphTwo,
                F.paragraphThree, F.paragraphOne, F.paragraphTwo,
            ]
        let record = try F.extract(lines.joined(separator: "\n"))
        #expect(record.body.contains(middle))
        #expect(record.authors.isEmpty)
    }

    @Test func headlineLineBecomesTitle() throws {
        let record = try F.extract("Dollar gains on Greenspan speech\n\n\(F.paragraphOne)\n\n\(F.paragraphTwo)")
        #expect(record.title == "Dollar gains on Greenspan speech")
        #expect(record.titleSource == .heading)
        #expect(record.body.hasPrefix("The government"))
    }

    @Test func ledeIsTheTitleWithoutHeadline() throws {
        let record = try F.extract("\(F.paragraphOne)\n\(F.paragraphTwo)")
        #expect(record.titleSource == .lede)
        #expect(record.title?.hasPrefix("The government announced on Monday") == true)
        #expect((record.title?.count ?? 0) <= 121)
        #expect(record.body.hasPrefix("The government announced"))
    }

    @Test(arguments: [
        ("The government announced on Monday that it would raise spending on schools.", "en"),
        (
            "Die Regierung hat am Montag angekündigt, dass sie die Ausgaben für Schulen und Krankenhäuser erhöhen wird, aber die Opposition ist nicht zufrieden.",
            "de"
        ),
        (
            "Le gouvernement a annoncé lundi qu'il allait augmenter les dépenses pour les écoles et les hôpitaux, mais ce n'est pas assez pour les syndicats.",
            "fr"
        ),
        (
            "El gobierno anunció el lunes que aumentará el gasto en las escuelas y los hospitales, pero la oposición dice que no es suficiente.",
            "es"
        ),
        (
            "Il governo ha annunciato lunedì che aumenterà la spesa per le scuole e gli ospedali, ma per i sindacati non è abbastanza.",
            "it"
        ),
        (
            "O governo anunciou na segunda-feira que vai aumentar os gastos com as escolas e os hospitais, mas isso não é suficiente para os sindicatos.",
            "pt"
        ),
        (
            "De regering heeft maandag aangekondigd dat zij de uitgaven voor scholen en ziekenhuizen gaat verhogen, maar dat is voor de bonden niet genoeg.",
            "nl"
        ),
    ])
    func detectsLanguage(text: String, language: String) throws {
        #expect(try F.extract(text).language == language)
    }
}

@Suite("Web page header residue")
struct PageHeaderTests {
    typealias F = FrontFixtures

    @Test func nameLineAboveDatelineIsTheByline() throws {
        let text = [
            "Europe must prepare for a long war", "Martin Kettle", "Wed 3 Dec 2025 05.00 GMT", "Share", F.paragraphOne,
            F.paragraphTwo,
        ].joined(separator: "\n")
        let record = try F.extract(text)
        #expect(record.title == "Europe must prepare for a long war")
        #expect(record.authors == ["Martin Kettle"])
        #expect(record.publishedAt == "2025-12-03T05:00:00Z")
        #expect(record.body == [F.paragraphOne, F.paragraphTwo].joined(separator: "\n\n"))
    }

    @Test func publishedLabelWithColon() throws {
        let record = try F.extract(
            ["Published: 3 December 2025", F.paragraphOne, F.paragraphTwo].joined(separator: "\n"))
        #expect(record.publishedAt == "2025-12-03T00:00:00Z")
    }
}
