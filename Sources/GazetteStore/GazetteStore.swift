// GazetteStore module.
