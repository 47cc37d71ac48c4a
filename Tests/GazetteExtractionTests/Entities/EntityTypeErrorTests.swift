import Testing

@testable import GazetteExtraction

/// Issue 13's type errors, in short real-style sentences: things and companies that the tagger
/// called people or places.
@Suite struct EntityTypeErrorTests {
    func entities(_ body: String) -> [Entity] {
        var analysis = Analysis(text: AnalyzedText(body: body), publishedAt: nil)
        EntityStage().run(&analysis)
        return analysis.entities
    }

    func type(of name: String, in body: String) -> EntityType? {
        entities(body).first { $0.name == name }?.type
    }

    @Test func aNameCutShortIsTheWholeNameAndNoPerson() {
        let software = "Microsoft said it was to buy security software maker Sybari Software as part of its push."
        #expect(type(of: "Sybari Software", in: software) != .person)
        #expect(!entities(software).contains { $0.name == "Sybari" && $0.type == .person })
        let prize = "Mitchell made up for losing out in the Booker Prize to Alan Hollinghurst last year."
        #expect(!entities(prize).contains { $0.name.hasPrefix("Booker") && $0.type == .person })
        let player = "A further patch fixes a hole in Media Player, the company said."
        #expect(
            !entities(player).contains {
                $0.name.hasPrefix("Media") && ($0.type == .location || $0.type == .organization)
            })
    }

    @Test func aCountrysOneWordNameIsACompany() {
        let body = "Carmakers were hit hard. France's Peugeot warned that its profits would fall this year."
        #expect(!entities(body).contains { $0.name == "Peugeot" && $0.type == .person })
        // A person after a country's possessive is named in full and stays a person.
        #expect(type(of: "Paula Radcliffe", in: "Britain's Paula Radcliffe won the race in London.") == .person)
    }
}
