import Glibc

/// The system's wording for an `errno` value, e.g. `No such file or directory`.
func systemMessage(_ code: Int32) -> String {
    String(cString: strerror(code))
}
