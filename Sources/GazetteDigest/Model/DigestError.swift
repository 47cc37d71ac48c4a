/// Why a digest could not be built or written. Descriptions never contain article text.
public enum DigestError: Error, CustomStringConvertible, Equatable {
    case badTemplate(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case unknownFormat(String)
    case badTime(String)

    public var description: String {
        switch self {
        case .badTemplate(let path, let reason):
            "The digest template \(path) cannot be used: \(reason)."
        case .cannotWrite(let path, let reason):
            "The digest file \(path) cannot be written: \(reason)."
        case .unknownFormat(let format):
            "'\(format)' is not a digest format; use md, html or json."
        case .badTime(let time):
            "'\(time)' is not a time of day; write digest times as HH:MM, e.g. 07:00."
        }
    }
}
