import Configuration
import Foundation
import Logging
import SystemPackage
import Yams

/// Builds a ``GazetteConfiguration`` from defaults, a YAML file and `GAZETTE_*` environment
/// variables (flags are applied by the caller on top), validating every key and value.
public struct ConfigurationLoader: Sendable {
    /// The environment variable naming the configuration file when `--config` is not given.
    public static let fileVariable = "GAZETTE_CONFIG"

    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The file to read: the flag's value, else `GAZETTE_CONFIG`, else none.
    public func configurationFile(flag: String?) -> String? {
        flag ?? environment[Self.fileVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    public func load(file: String?) async throws(ConfigurationError) -> GazetteConfiguration {
        var fileKeys: [String: ConfigurationKey.Shape] = [:]
        var providers: [any ConfigProvider] = [
            KeyMappingProvider(upstream: EnvironmentVariablesProvider(environmentVariables: environment)) { key in
                AbsoluteConfigKey(["gazette"] + key.components)
            }
        ]
        if let file {
            fileKeys = try Self.keysInFile(file)
            do {
                providers.append(try await FileProvider<YAMLSnapshot>(filePath: FilePath(file)))
            } catch {
                throw .malformedFile(path: file, reason: String(describing: error))
            }
        }
        try checkUnknownKeys(fileKeys: fileKeys, file: file)
        let reader = ConfigReader(providers: providers)
        var configuration = GazetteConfiguration()
        for key in ConfigurationKey.all {
            // Keys absent from both (or `~` in the file) keep their defaults.
            guard fileKeys[key.name] != nil || environment[key.environmentName] != nil else { continue }
            let source =
                environment[key.environmentName] != nil
                ? "the environment variable \(key.environmentName)" : (file ?? "defaults")
            switch key.shape {
            case .scalar:
                if let shape = fileKeys[key.name], shape != .scalar, environment[key.environmentName] == nil {
                    throw .badValue(key: key.name, value: "a list", expected: key.expected, source: source)
                }
                guard let text = reader.string(forKey: ConfigKey(key.name)) else { continue }
                try key.apply(.scalar(text), &configuration, source)
            case .list:
                if let shape = fileKeys[key.name], shape != .list, environment[key.environmentName] == nil {
                    // A single value where a list is expected is taken as a one-element list.
                    if let text = reader.string(forKey: ConfigKey(key.name)) {
                        try key.apply(.list([text]), &configuration, source)
                    }
                    continue
                }
                guard let list = reader.stringArray(forKey: ConfigKey(key.name)) else { continue }
                try key.apply(.list(list.map { $0.trimmingCharacters(in: .whitespaces) }), &configuration, source)
            }
        }
        return configuration
    }

    /// Variables that are not configuration: a one-shot command's worker process
    /// (``IsolatedRun``) and the fault injection of debug builds.
    static let internalVariablePrefixes = ["GAZETTE_WORKER_", "GAZETTE_DEBUG_"]

    private func checkUnknownKeys(fileKeys: [String: ConfigurationKey.Shape], file: String?) throws(ConfigurationError)
    {
        let known = Set(ConfigurationKey.all.map(\.name))
        // Section names (`intake`, `digest`) only appear as prefixes of known keys.
        for key in fileKeys.keys.sorted() where !known.contains(key) {
            throw .unknownKey(key: key, source: file ?? "the configuration file")
        }
        let knownVariables = Set(ConfigurationKey.all.map(\.environmentName)).union([Self.fileVariable])
        for variable in environment.keys.sorted()
        where variable.hasPrefix("GAZETTE_") && !knownVariables.contains(variable)
            && !Self.internalVariablePrefixes.contains(where: variable.hasPrefix)
        {
            throw .unknownKey(key: variable, source: "the environment")
        }
    }

    /// The dotted keys of a YAML file's leaves and whether each holds a list or a scalar.
    static func keysInFile(_ path: String) throws(ConfigurationError) -> [String: ConfigurationKey.Shape] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason =
                FileManager.default.fileExists(atPath: path) ? "it is not readable UTF-8 text" : "there is no such file"
            throw .unreadableFile(path: path, reason: reason)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw .malformedFile(
                path: path,
                reason: String(describing: error).split(separator: "\n").first.map(String.init) ?? "parse error")
        }
        guard let node else { return [:] }
        guard case .mapping = node else {
            throw .malformedFile(path: path, reason: "the top level must be a mapping of keys to values")
        }
        var keys: [String: ConfigurationKey.Shape] = [:]
        func walk(_ node: Node, prefix: String) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    let name = prefix.isEmpty ? key.string ?? "?" : prefix + "." + (key.string ?? "?")
                    if case .mapping = value {
                        walk(value, prefix: name)
                    } else {
                        keys[name] = value.sequence != nil ? .list : .scalar
                    }
                }
            default:
                keys[prefix] = node.sequence != nil ? .list : .scalar
            }
        }
        walk(node, prefix: "")
        // `key: ~` (null) means "use the default": treat it as absent.
        for (key, _) in keys where isNull(node, path: key) { keys[key] = nil }
        return keys
    }

    private static func isNull(_ root: Node, path: String) -> Bool {
        var node: Node? = root
        for part in path.split(separator: ".") { node = node?[String(part)] }
        if let scalar = node?.scalar { return scalar.string == "~" || scalar.string == "null" || scalar.string.isEmpty }
        return false
    }
}
