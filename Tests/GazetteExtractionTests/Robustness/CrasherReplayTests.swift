import Foundation
import GazetteFuzzing
import Testing

/// The inputs that crashed a fuzz target (`Fixtures/Crashers/TARGET/`, see FUZZING.md),
/// replayed through the same entry point: each now runs and its result keeps the invariants.
@Suite struct CrasherReplayTests {
    static let crashers: [(target: FuzzTarget, name: String, bytes: [UInt8])] = FuzzTarget.allCases.flatMap { target in
        RobustnessFixtures.files(in: "Crashers/\(target.rawValue)").map { (target, $0.name, $0.bytes) }
    }

    @Test func everyFolderNamesATarget() {
        let url = RobustnessFixtures.folder.appendingPathComponent("Crashers")
        let folders = try? FileManager.default.contentsOfDirectory(atPath: url.path).filter { !$0.hasPrefix(".") }
        #expect(folders != nil)
        #expect((folders ?? []).allSatisfy { FuzzTarget(rawValue: $0) != nil }, "\(folders ?? [])")
    }

    @Test(arguments: crashers.map { "\($0.target.rawValue)/\($0.name)" })
    func replay(_ crasher: String) throws {
        let found = try #require(Self.crashers.first { "\($0.target.rawValue)/\($0.name)" == crasher })
        #expect(found.target.run(found.bytes) == [])
    }
}
