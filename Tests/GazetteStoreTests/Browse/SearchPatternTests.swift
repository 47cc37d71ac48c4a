import Foundation
import GRDB
import GazetteExtraction
import GazetteStore
import GazetteTestSupport
import Testing

@Suite("Search query syntax")
struct SearchPatternTests {
    @Test(
        "the syntax becomes a quoted FTS5 expression",
        arguments: [
            ("steel", #""steel""#),
            ("steel tariffs", #"("steel" AND "tariffs")"#),
            ("steel AND tariffs", #"("steel" AND "tariffs")"#),
            (#""von der Leyen""#, #""von der Leyen""#),
            ("“von der Leyen”", #""von der Leyen""#),
            ("brexit OR referendum", #"("brexit" OR "referendum")"#),
            ("election -football", #"("election" NOT "football")"#),
            ("election NOT football", #"("election" NOT "football")"#),
            (#"steel -"trade war" -china"#, #"("steel" NOT ("trade war" OR "china"))"#),
            ("x -(a -b)", #"("x" NOT ("a" NOT "b"))"#),
            ("econom*", #""econom"*"#),
            (#""new yor"*"#, #""new yor"*"#),
            ("(tariff OR duty) steel", #"(("tariff" OR "duty") AND "steel")"#),
            ("steel -(china OR india)", #"("steel" NOT ("china" OR "india"))"#),
            ("covid-19 vaccine", #"("covid-19" AND "vaccine")"#),
            ("title:steel NEAR ^x", #"("title:steel" AND "NEAR" AND "^x")"#),
            ("or and not", #"("or" AND "and" AND "not")"#),
            ("steel & — !", #""steel""#),
            (#"say "hi""#, #"("say" AND "hi")"#),
        ])
    func expressions(query: String, expression: String) throws {
        #expect(try SearchPattern(parsing: query).expression == expression)
    }

    @Test(
        "mistakes are explained with their position",
        arguments: [
            ("", SearchSyntaxError.empty),
            ("  & ! ", .empty),
            (#"steel "trade war"#, .unclosedQuote(at: 7)),
            ("(steel OR iron", .unclosedParenthesis(at: 1)),
            ("steel)", .unmatchedParenthesis(at: 6)),
            ("OR steel", .danglingOperator("OR", at: 1)),
            ("steel OR", .danglingOperator("OR", at: 7)),
            ("steel OR OR iron", .danglingOperator("OR", at: 7)),
            ("steel AND", .danglingOperator("AND", at: 7)),
            ("AND steel", .danglingOperator("AND", at: 1)),
            ("steel -", .danglingExclusion(at: 7)),
            ("steel NOT", .danglingExclusion(at: 7)),
            ("-football", .onlyExclusions(at: 1)),
            ("steel OR -football", .onlyExclusions(at: 10)),
            ("*", .loneWildcard(at: 1)),
            ("eco*nomy", .loneWildcard(at: 4)),
            ("steel ()", .emptyGroup(at: 7)),
        ])
    func errors(query: String, error: SearchSyntaxError) {
        #expect(throws: error) { try SearchPattern(parsing: query) }
    }

    /// Regression: 30,000 nested parentheses crashed `gazette search` (recursion), and 90 KB of
    /// `a* a* …` ran for minutes.
    @Test("hostile queries are refused quickly with a reason")
    func bounds() {
        #expect(throws: SearchSyntaxError.tooLong(length: 98_000, limit: 1_000)) {
            try SearchPattern(parsing: String(repeating: "word ", count: 19_600))
        }
        let nested = String(repeating: "(", count: 400) + "x" + String(repeating: ")", count: 400)
        #expect(throws: SearchSyntaxError.tooDeep(at: 17, limit: 16)) { try SearchPattern(parsing: nested) }
        #expect(throws: SearchSyntaxError.tooManyPrefixes(limit: 8)) {
            try SearchPattern(parsing: Array(repeating: "a*", count: 9).joined(separator: " "))
        }
        #expect(throws: SearchSyntaxError.tooManyTerms(limit: 64)) {
            try SearchPattern(parsing: (1...65).map { "w\($0)" }.joined(separator: " "))
        }
        // Within the bounds, deep groups still parse.
        let sixteen = String(repeating: "(", count: 16) + "x" + String(repeating: ")", count: 16)
        #expect(throws: Never.self) { try SearchPattern(parsing: sixteen) }
    }

    @Test("every error reads as a sentence that names no SQLite internals")
    func errorWording() {
        let errors: [SearchSyntaxError] = [
            .empty, .unclosedQuote(at: 3), .unclosedParenthesis(at: 1), .unmatchedParenthesis(at: 2),
            .danglingOperator("OR", at: 1), .danglingExclusion(at: 4), .onlyExclusions(at: 1), .loneWildcard(at: 1),
            .emptyGroup(at: 5),
        ]
        for error in errors {
            #expect(error.description.hasSuffix("."))
            #expect(!error.description.localizedCaseInsensitiveContains("fts5"))
            #expect(!error.description.localizedCaseInsensitiveContains("sqlite"))
        }
    }

    @Test("random queries either explain a mistake or give an expression SQLite accepts")
    func randomQueries() throws {
        let pieces = [
            "steel", "tariff", "\"", "“", "”", "(", ")", "-", "*", "OR", "AND", "NOT", " ", " ", ":", "^", "NEAR", "'",
            "é", "2025",
        ]
        var generator = SplitMix64(seed: 42)
        let database = try DatabaseQueue()
        try database.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(title, body)")
            try db.execute(sql: "INSERT INTO t VALUES ('Steel tariffs', 'The tariff on steel rose in 2025.')")
        }
        var accepted = 0
        for _ in 0..<2_000 {
            let query = (0..<Int.random(in: 1...8, using: &generator))
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            let pattern: SearchPattern
            do {
                pattern = try SearchPattern(parsing: query)
            } catch {
                continue
            }
            accepted += 1
            _ = try database.read { db in
                try Row.fetchAll(db, sql: "SELECT rowid FROM t WHERE t MATCH ?", arguments: [pattern.expression])
            }
        }
        #expect(accepted > 200)
    }
}
