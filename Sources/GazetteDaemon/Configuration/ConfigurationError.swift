/// A configuration problem found at startup or on reload; the message names the key.
public enum ConfigurationError: Error, CustomStringConvertible, Equatable {
    case unreadableFile(path: String, reason: String)
    case malformedFile(path: String, reason: String)
    case unknownKey(key: String, source: String)
    case badValue(key: String, value: String, expected: String, source: String)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason):
            "Cannot read the configuration file \(path): \(reason). Check the path given to --config or GAZETTE_CONFIG."
        case .malformedFile(let path, let reason):
            "The configuration file \(path) is not valid YAML (\(reason)); fix it or start from config/gazette.yaml."
        case .unknownKey(let key, let source):
            "Unknown configuration key '\(key)' in \(source); see config/gazette.yaml for the keys Gazette understands."
        case .badValue(let key, let value, let expected, let source):
            "Configuration key '\(key)' in \(source) has the value '\(value)', but it must be \(expected)."
        }
    }
}
