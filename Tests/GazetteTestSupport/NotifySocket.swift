import Foundation
import GazetteFiles
import Glibc

/// A bound AF_UNIX datagram socket standing in for systemd's notify socket.
public final class NotifySocket {
    public let path: String
    let fd: Int32

    public init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "gz-notify-\(UUID().uuidString.prefix(8)).sock"
            ).path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard let address = UnixSocketAddress(path), address.bind(fd) else { throw POSIXError(.EADDRINUSE) }
    }

    /// Messages received until `deadline` seconds pass without `until` matching.
    /// Reads without blocking and sleeps between tries, so waiting holds no thread.
    public func receive(until done: ([String]) -> Bool, deadline: TimeInterval = 30) async -> [String] {
        var messages: [String] = []
        let end = Date().addingTimeInterval(deadline)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < end, !done(messages) {
            let n = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if n > 0 {
                messages.append(String(decoding: buffer[0..<n], as: UTF8.self))
            } else {
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
        return messages
    }

    deinit {
        close(fd)
        unlink(path)
    }
}
