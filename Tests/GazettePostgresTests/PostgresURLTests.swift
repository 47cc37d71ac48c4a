import Foundation
import GazettePostgres
import GazetteTestSupport
import Testing

struct PostgresURLTests {
    @Test func networkURLWithEverything() throws {
        let url = try PostgresURL(
            parsing: "postgresql://gazette:s%40cret@db.example.org:6543/news?sslmode=verify-full", environment: [:])
        #expect(url.user == "gazette")
        #expect(url.password == "s@cret")
        #expect(url.host == "db.example.org")
        #expect(url.port == 6543)
        #expect(url.database == "news")
        #expect(url.sslMode == .verifyFull)
        #expect(url.socketPath == nil)
    }

    @Test func defaultsArePort5432AndPreferredTLS() throws {
        let url = try PostgresURL(parsing: "postgres://gazette@db/news", environment: [:])
        #expect(url.port == 5432)
        #expect(url.sslMode == .prefer)
        #expect(url.password == nil)
    }

    @Test func socketFolderFromTheHostParameter() throws {
        let url = try PostgresURL(
            parsing: "postgresql://gazette@localhost/news?host=/run/postgresql", environment: [:])
        #expect(url.socketFolder == "/run/postgresql")
        #expect(url.socketPath == "/run/postgresql/.s.PGSQL.5432")
        let other = try PostgresURL(
            parsing: "postgresql://gazette@localhost/news?host=/tmp/pg/&port=5433", environment: [:])
        #expect(other.socketPath == "/tmp/pg/.s.PGSQL.5433")
    }

    @Test func socketFolderAsAPercentEncodedHost() throws {
        let url = try PostgresURL(parsing: "postgresql://gazette@%2Fvar%2Frun%2Fpostgresql/news", environment: [:])
        #expect(url.socketPath == "/var/run/postgresql/.s.PGSQL.5432")
    }

    @Test func passwordFromTheEnvironmentWhenTheURLHasNone() throws {
        let url = try PostgresURL(parsing: "postgresql://gazette@db/news", environment: ["PGPASSWORD": "from-env"])
        #expect(url.password == "from-env")
        let own = try PostgresURL(parsing: "postgresql://gazette:mine@db/news", environment: ["PGPASSWORD": "from-env"])
        #expect(own.password == "mine")
    }

    @Test func passwordFromAPasswordFile() throws {
        let folder = try TemporaryDirectory()
        let file = folder.path("pgpass")
        try """
        # host:port:database:user:password
        other:5432:news:gazette:wrong
        db:*:news:gazette:pa\\:ss
        *:*:*:*:fallback
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let url = try PostgresURL(parsing: "postgresql://gazette@db/news", environment: ["PGPASSFILE": file])
        #expect(url.password == "pa:ss")
        let named = try PostgresURL(parsing: "postgresql://someone@db/other?passfile=\(file)", environment: [:])
        #expect(named.password == "fallback")
        let home = try PostgresURL(parsing: "postgresql://gazette@db/news", environment: ["HOME": folder.path("none")])
        #expect(home.password == nil)
    }

    @Test func descriptionNeverShowsThePassword() throws {
        let url = try PostgresURL(
            parsing: "postgresql://gazette:hunter2@db:5433/news?sslmode=require", environment: [:])
        #expect(url.description == "postgresql://gazette@db:5433/news?sslmode=require")
        let socket = try PostgresURL(
            parsing: "postgresql://gazette@localhost/news?host=/run/postgresql", environment: ["PGPASSWORD": "x"])
        #expect(socket.description == "postgresql://gazette@localhost/news?host=/run/postgresql")
    }

    @Test(arguments: [
        ("sqlite:/var/lib/gazette.sqlite", PostgresURLError.notAURL),
        ("postgresql://db/news", .missing("user name")),
        ("postgresql://gazette@db", .missing("database name")),
        ("postgresql://gazette@/news", .missing("host")),
        ("postgresql://gazette@db/news?sslmode=always", .invalid(parameter: "sslmode", value: "always")),
        ("postgresql://gazette@db/news?host=db2", .invalid(parameter: "host", value: "db2")),
        ("postgresql://gazette@db/news?target_session_attrs=any", .unsupported(parameter: "target_session_attrs")),
    ])
    func refusalsSayWhat(text: String, error: PostgresURLError) {
        #expect(throws: error) { try PostgresURL(parsing: text, environment: [:]) }
        #expect(!error.description.isEmpty)
    }
}
