import ArgumentParser
import GazetteDaemon
import GazetteExtraction
import GazetteStore

/// `gazette entities`: the people, organisations and places the articles name most.
struct EntitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List the most mentioned people, organisations, places and other names, with aliases and roles."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var window: WindowOptions

    @Option(
        help: ArgumentHelp(
            "Only names of this type, in any case: PERSON, ORGANIZATION (or ORGANISATION), LOCATION, NORP (or GROUPS: nationalities, religious and political groups), EVENT (named storms) or MISC.",
            valueName: "TYPE"))
    var type: EntityType?

    @Option(help: "How many names to list.")
    var top = 20

    @Flag(help: "Print the list as a JSON array.")
    var json = false

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1.") }
    }

    func run() async throws {
        let configuration = try await global.resolve()
        let database = try StoreAccess.open(configuration)
        let tallies = try await StoreAccess.attempt { [type, window = window.window, top] in
            try database.entityTallies(type: type, window: window, top: top)
        }
        if json {
            try StoreAccess.printJSON(tallies)
        } else if tallies.isEmpty {
            print("No names found.")
        } else {
            let table = TableFormatter(columns: [
                .init("name", flexible: true), .init("type"), .init("mentions", alignRight: true),
                .init("articles", alignRight: true), .init("aliases", flexible: true), .init("roles", flexible: true),
            ])
            print(
                table.render(
                    tallies.map { tally in
                        [
                            tally.name, tally.type.rawValue, String(tally.mentions), String(tally.articles),
                            tally.aliases.joined(separator: ", "), tally.roles.joined(separator: "; "),
                        ]
                    }))
        }
    }
}
