import Glibc

/// The address of a unix socket by path, as `bind`, `connect` and `sendto` take it. A leading
/// `@` names the abstract namespace, as in systemd's `NOTIFY_SOCKET`.
package struct UnixSocketAddress {
    private var address = sockaddr_un()
    private let length: socklen_t

    /// Nil when `path` does not fit in `sun_path` (about 107 bytes).
    package init?(_ path: String) {
        var bytes = Array(path.utf8)
        let abstract = bytes.first == UInt8(ascii: "@")
        if abstract { bytes[0] = 0 }
        guard !bytes.isEmpty, bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return nil }
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        // A path's terminating NUL is part of the address; an abstract name has none.
        length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (abstract ? 0 : 1))
    }

    /// Calls `body` with the address as a `sockaddr` and its length.
    package func withSocketAddress<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        withUnsafePointer(to: address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }

    /// Binds `descriptor` to this address; false (with `errno` set) when it fails.
    package func bind(_ descriptor: Int32) -> Bool {
        withSocketAddress { Glibc.bind(descriptor, $0, $1) } == 0
    }
}
