import GazetteStore
import Testing

@Suite("Store errors")
struct StoreErrorTests {
    static let errors: [StoreError] = [
        .cannotCreateDirectory(path: "/var/lib/gazette", reason: "Permission denied"),
        .cannotOpen(path: "/var/lib/gazette/gazette.sqlite", reason: "unable to open database file"),
        .migrationFailed(
            path: "/var/lib/gazette/gazette.sqlite", migration: "v2-entity-names", reason: "disk I/O error"),
        .migrationFailed(path: "/var/lib/gazette/gazette.sqlite", migration: nil, reason: "disk I/O error"),
        .busy(path: "/var/lib/gazette/gazette.sqlite", operation: "ingest"),
        .diskFull(path: "/var/lib/gazette/gazette.sqlite", operation: "ingest"),
        .corrupt(path: "/var/lib/gazette/gazette.sqlite", reason: "file is not a database"),
        .articleNotFound(id: 12),
        .invalidStoredValue(table: "quotes", column: "kind", rowID: 3, value: "rumour"),
        .sqlite(operation: "search", code: 1, message: "no such table: article_fts"),
    ]

    @Test("every description is one readable sentence with its context", arguments: errors)
    func readable(_ error: StoreError) {
        let text = error.description
        #expect(text.first?.isUppercase == true)
        #expect(text.hasSuffix("."))
        #expect(!text.contains("\n"))
        #expect(!text.contains("StoreError"))
    }

    @Test("the path or id the user needs is named")
    func context() {
        #expect(StoreError.busy(path: "/s/g.sqlite", operation: "ingest").description.contains("/s/g.sqlite"))
        #expect(
            StoreError.invalidStoredValue(table: "quotes", column: "kind", rowID: 3, value: "rumour")
                .description.contains("quotes.kind"))
    }
}
