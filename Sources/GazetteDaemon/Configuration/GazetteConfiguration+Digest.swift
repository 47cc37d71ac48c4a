import GazetteDigest

extension GazetteConfiguration {
    /// The part of the configuration the digest scheduler and `gazette digest` run on.
    public var digestConfiguration: DigestConfiguration {
        var c = DigestConfiguration(directory: digestDirectory)
        c.times = digest.times
        c.timeZone = digest.timeZone
        c.window = .milliseconds(Int64((digest.window * 1000).rounded()))
        c.keep = digest.keep
        c.keepDays = digest.keepDays
        c.formats = digest.formats
        c.templateDirectory = digest.templateDirectory
        return c
    }
}
