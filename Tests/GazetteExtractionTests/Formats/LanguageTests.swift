import Foundation
import Testing

@testable import GazetteExtraction

@Suite("Language detection and the English-only stages")
struct LanguageTests {
    static func language(_ body: String) -> String { LanguageDetector.detect(AnalyzedText(body: body)) }

    @Test(arguments: [
        ("Депутаты городского совета утвердили бюджет на следующий год.", "ru"),
        ("Депутати міської ради ухвалили бюджет на наступний рік, і це їхнє рішення.", "uk"),
        ("Общинските съветници приеха бюджета за следващата година въпреки критиките.", "bg"),
        ("Одборници градског већа усвојили су буџет за следећу годину, њих је било много.", "sr"),
        ("Το δημοτικό συμβούλιο ενέκρινε τον προϋπολογισμό.", "el"),
        ("מועצת העיר אישרה את התקציב לשנה הבאה.", "he"),
        ("وافق مجلس المدينة على الميزانية للعام المقبل.", "ar"),
        ("شورای شهر بودجه سال آینده را تصویب کرد و گفت که این کافی نیست.", "fa"),
        ("नगर परिषद ने अगले साल का बजट पारित किया।", "hi"),
        ("สภาเมืองอนุมัติงบประมาณสำหรับปีหน้า", "th"),
        ("시의회는 내년 예산을 승인했다.", "ko"),
        ("市議会は来年度の予算を承認した。", "ja"),
        ("市议会批准了明年的预算。", "zh"),
        (
            "Der Stadtrat hat den Haushalt für das nächste Jahr beschlossen, und die Opposition ist nicht zufrieden.",
            "de"
        ),
        (
            "El consejo de la ciudad aprobó el presupuesto para el próximo año, pero la oposición no está contenta.",
            "es"
        ),
        ("Kommunfullmäktige har antagit budgeten för nästa år och oppositionen är inte nöjd med det.", "sv"),
        ("Rada miasta przyjęła budżet na przyszły rok, ale opozycja nie jest zadowolona.", "pl"),
        ("Belediye meclisi gelecek yılın bütçesini kabul etti ama muhalefet bu bütçeden memnun değil.", "tr"),
        ("The council approved the budget for next year, but the opposition is not happy with it.", "en"),
        ("12,000 — 4.5%", "en"),
    ])
    func detects(body: String, language: String) {
        #expect(Self.language(body) == language)
    }

    /// English with a quoted Russian phrase is still English.
    @Test func dominantScriptWins() {
        #expect(
            Self.language(
                "The minister said the plan was fine. A banner read «Да здравствует мир» outside the building, where protesters had gathered since the morning."
            ) == "en")
    }

    /// Regression: `Я`, `Да` and `Правда` became people, and a Russian page came out `en`.
    @Test func russianWordsAreNotPeople() throws {
        for name in ["russian-windows-1251.txt", "russian-koi8-r.html"] {
            let record = try FormatFixtures.extract(name)
            #expect(record.language == "ru")
            #expect(record.entities.isEmpty)
            #expect(record.keyphrases.isEmpty)
            #expect(record.quotes.isEmpty)
            #expect(record.tone == 0)
        }
    }

    /// Regression: a Shift_JIS page came out `pt`.
    @Test func shiftJISPageIsJapanese() throws {
        let record = try FormatFixtures.extract("japanese-shift_jis.html")
        #expect(record.language == "ja")
        #expect(record.entities.isEmpty)
    }

    /// Dates and amounts still run on other languages.
    @Test func languageNeutralStagesStillRun() throws {
        let body =
            "Der Stadtrat hat am Montag den Haushalt für das nächste Jahr beschlossen, und die Opposition ist nicht zufrieden. Die Kosten steigen um 12 % auf 4,5 Millionen Euro."
        let analysis = FrontFixtures.extractor.analyze(body: body, publishedAt: FrontFixtures.modified)
        #expect(analysis.language == "de")
        #expect(analysis.entities.isEmpty)
        #expect(analysis.keyphrases.isEmpty)
        #expect(!analysis.summary.isEmpty)
    }

    @Test func englishStagesRunOnEnglish() {
        let analysis = FrontFixtures.extractor.analyze(
            body: "Prime Minister Jane Harlow visited Leeds on Monday. \"We will build more homes,\" Harlow said.",
            publishedAt: FrontFixtures.modified)
        #expect(analysis.language == "en")
        #expect(!analysis.entities.isEmpty)
        #expect(!analysis.quotes.isEmpty)
    }

    /// Regression: a results table scored for French by `le` and `les` in names lost its entities.
    @Test func unsureLatinGuessKeepsEnglishStages() {
        let body =
            "Leading scorers after Saturday's games:\n\n12 - Paul Le Roux (Lyon), Les Martin (Leeds)\n\n9 - Marc Le Bris (Nantes), Les Dupont (Lille)\n\n7 - Anne Le Goff (Brest)"
        let analysis = FrontFixtures.extractor.analyze(body: body, publishedAt: FrontFixtures.modified)
        #expect(analysis.language == "fr")
        #expect(analysis.readsAsEnglish)
        #expect(!analysis.entities.isEmpty)
    }
}
