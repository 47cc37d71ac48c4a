// GazetteIntake module.
