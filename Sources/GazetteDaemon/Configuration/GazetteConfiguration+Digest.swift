import GazetteDigest

extension GazetteConfiguration {
    /// The part of the configuration the digest scheduler and `gazette digest` run on.
    public var digestConfiguration: DigestConfiguration {
        var c = DigestConfiguration(directory: digestDirectory)
        c.times = digest.times
        c.timeZone = digest.timeZone
        c.keep = digest.keep
        c.formats = digest.formats.compactMap { try? DigestFormat(parsing: $0) }
        c.templateDirectory = digest.templateDirectory
        return c
    }
}
