import ArgumentParser
import CMalloc
import GazetteDaemon
import Glibc

/// The `gazette` command: the daemon and the tools to look into what it stored.
@main
struct Gazette: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Watch an inbox of news articles, extract what matters, store it in SQLite and write daily digests.",
        version: GazetteVersion.string,
        subcommands: [
            RunCommand.self,
            IngestCommand.self,
            ExtractCommand.self,
            StatusCommand.self,
            DigestCommand.self,
            SearchCommand.self,
            ShowCommand.self,
            EntitiesCommand.self,
            QuotesCommand.self,
            ExportCommand.self,
            ReprocessCommand.self,
            DoctorCommand.self,
            BackupCommand.self,
            RebuildCommand.self,
        ]
    )

    /// The state Gazette writes (database, archive, quarantine, digests) is the user's and their
    /// group's only, whatever umask the shell or service manager left.
    static let fileCreationMask: mode_t = 0o027

    /// Allocations of at least this many bytes get a mapping of their own, handed back to the
    /// system when freed. glibc otherwise raises the threshold after the first large free (up to
    /// 32 MiB), and the arrays of the next large article's analysis then come from its arenas and
    /// stay there: the daemon kept twice the memory it used (issue 14.17).
    static let mmapThreshold: Int32 = 1 << 20

    static func main() async {
        umask(fileCreationMask)
        mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        await main(nil)
    }
}
