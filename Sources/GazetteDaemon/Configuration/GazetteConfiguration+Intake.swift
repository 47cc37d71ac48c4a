import GazetteIntake

extension GazetteConfiguration {
    /// The part of the configuration the intake runs on.
    public var intakeConfiguration: IntakeConfiguration {
        var c = IntakeConfiguration(inbox: inbox, stateDirectory: stateDirectory)
        c.includePatterns = intake.include
        c.ignorePatterns = intake.ignore
        c.maxFileSize = intake.maxFileSize
        c.concurrency = intake.concurrency
        c.afterIngest = intake.afterIngest == .archive ? .archive : .delete
        c.watchMode = intake.watch == .inotify ? .inotify : .poll
        c.pollInterval = .milliseconds(Int64(intake.pollInterval * 1000))
        c.rescanInterval = .milliseconds(Int64(intake.rescanInterval * 1000))
        c.recursive = intake.recursive
        c.maxAttempts = intake.maxAttempts
        return c
    }
}
