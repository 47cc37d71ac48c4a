import Foundation
import GazetteFuzzing

#if FUZZING
    import CLibFuzzer
#endif

/// `gazette-fuzz TARGET PATH...`: runs files (or every file of a folder) through one fuzz
/// target, e.g. to replay a crasher under the debugger; exits 1 when a result breaks the record
/// contract.
///
/// Built with `-DFUZZING -sanitize=fuzzer` (scripts/fuzz.sh) it is instead the libFuzzer binary
/// of the target named by `GAZETTE_FUZZ_TARGET`, and takes libFuzzer's arguments.
@main
enum GazetteFuzz {
    static func main() {
        #if FUZZING
            fuzz()
        #else
            replay(Array(CommandLine.arguments.dropFirst()))
        #endif
    }

    static let targetNames = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(2)
    }

    static func replay(_ arguments: [String]) {
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            fail("usage: gazette-fuzz TARGET PATH...   (TARGET: \(targetNames))")
        }
        var broken = false
        for path in arguments.dropFirst().flatMap(files) {
            guard let data = FileManager.default.contents(atPath: path) else { fail("\(path): cannot read") }
            let violations = target.run([UInt8](data))
            print("\(path): \(violations.isEmpty ? "ok" : "broken")")
            for v in violations { print("  \(v)") }
            broken = broken || !violations.isEmpty
        }
        exit(broken ? 1 : 0)
    }

    /// `path` itself, or the files in it when it is a folder, by name.
    static func files(_ path: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [path] }
        return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
    }

    #if FUZZING
        static func fuzz() -> Never {
            _ = fuzzTarget
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(
                LLVMFuzzerRunDriver(&argc, &argv) { data, size in
                    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
                    let violations = fuzzTarget.run(bytes)
                    // A trap, so that libFuzzer keeps the input as a crasher.
                    if !violations.isEmpty { fatalError(violations.joined(separator: "\n")) }
                    return 0
                })
        }
    #endif
}

#if FUZZING
    /// The target named by `GAZETTE_FUZZ_TARGET`, read once.
    let fuzzTarget: FuzzTarget = {
        guard let name = ProcessInfo.processInfo.environment["GAZETTE_FUZZ_TARGET"],
            let target = FuzzTarget(rawValue: name)
        else {
            GazetteFuzz.fail("set GAZETTE_FUZZ_TARGET to one of: \(GazetteFuzz.targetNames)")
        }
        return target
    }()
#endif
