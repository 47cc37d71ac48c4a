import GazetteExtraction

/// The version `gazette --version` prints.
public enum GazetteVersion {
    public static let number = "0.1.0"
    public static let string = "\(number) (pipeline \(Extractor.pipelineVersion))"
}
