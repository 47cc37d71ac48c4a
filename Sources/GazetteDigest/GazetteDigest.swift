// GazetteDigest module.
