// Mirrors tests/kotlin/android/FirstRunTest.kt: the create flow step by step
// on a real journal file, the app's part (JournalStore.create) played by
// `create(_:_:_:deviceKey:)` below.

import Foundation
import XCTest

@testable import TandemKit

final class FirstRunTests: XCTestCase {
    private var temp: TempJournal!
    private var store: JournalStore!

    override func setUpWithError() throws {
        temp = try TempJournal()
        store = JournalStore(path: temp.path, kdfIterations: testKdf)
    }

    override func tearDown() {
        store = nil
        temp.close()
    }

    /// A flow brought to the passphrase step.
    private func atPassphrase() -> FirstRun {
        var flow = FirstRun()
        XCTAssertEqual(flow.step, .welcome)
        flow.start()
        XCTAssertEqual(flow.step, .passphrase)
        return flow
    }

    /// What the app does on "Create": the flow's check, the store's create, the outcome back into the flow.
    private func create(
        _ flow: inout FirstRun, _ passphrase: String, _ repeated: String, deviceKey: Data? = nil
    ) async -> Bool {
        guard let creation = flow.create(passphrase: passphrase, repeated: repeated) else { return false }
        do {
            let code = try await store.create(deviceKey: deviceKey, passphrase: creation.passphrase)
            flow.created(recoveryCode: code)
            return true
        } catch {
            flow.failed(error)
            return false
        }
    }

    func testPassphrasesTypedDifferentlyAreRefusedBeforeAnyFileIsMade() async {
        var flow = atPassphrase()
        let made = await create(&flow, "correct horse", "correct hrose")
        XCTAssertFalse(made)
        XCTAssertEqual(flow.step, .passphrase)
        XCTAssertEqual(flow.message, ModelText.passphrasesDiffer)
        XCTAssertFalse(store.journalExists)
    }

    func testAPassphraseUnderTheCoresMinimumIsRefusedWithTheCoresReason() async {
        var flow = atPassphrase()
        let short = await create(&flow, "five5", "five5")
        XCTAssertFalse(short)
        XCTAssertEqual(flow.message, "The passphrase must be at least 6 characters.")
        XCTAssertEqual(flow.step, .passphrase)
        XCTAssertFalse(store.journalExists)
        // Six characters is the minimum, so this one is taken.
        let six = await create(&flow, "six666", "six666")
        XCTAssertTrue(six)
        XCTAssertEqual(flow.step, .showCode)
        XCTAssertNil(flow.message)
    }

    func testTheHintNamesTheCoresMinimum() {
        XCTAssertEqual(FirstRun.minPassphraseChars, 6)
        XCTAssertEqual(FirstRun.passphraseHint, "At least 6 characters")
    }

    func testSkippingThePassphraseWithoutADeviceKeyIsRefusedByTheCore() async {
        var flow = atPassphrase()
        let creation = flow.skipPassphrase()
        XCTAssertEqual(creation, FirstRun.Creation(passphrase: nil))
        do {
            _ = try await store.create(deviceKey: nil, passphrase: nil)
            XCTFail("created a journal with no way to open it day to day")
        } catch {
            flow.failed(error)
        }
        XCTAssertEqual(flow.message, "The passphrase is needed when there is no device key.")
        XCTAssertEqual(flow.step, .passphrase)
        XCTAssertFalse(store.journalExists)
    }

    func testSkippingThePassphraseWithADeviceKeyMakesAJournalOpenedByKeyAndCode() async throws {
        var flow = atPassphrase()
        let made = await create(&flow, "", "", deviceKey: Data(repeating: 1, count: 32))
        XCTAssertTrue(made)
        XCTAssertEqual(flow.step, .showCode)
        let methods = try await store.unlockMethods()
        XCTAssertEqual(methods, [.device, .recovery])
    }

    func testTheCodeIsShownInItsGroupsThenConfirmedByItsLastTwoGroupsTypedLoosely() async throws {
        var flow = atPassphrase()
        let made = await create(&flow, testPassphrase, testPassphrase)
        XCTAssertTrue(made)
        XCTAssertEqual(flow.step, .showCode)
        let code = try XCTUnwrap(flow.recoveryCode)
        XCTAssertEqual(flow.codeGroups, code.split(separator: "-").map(String.init))
        XCTAssertEqual(flow.codeGroups.count, 14)

        flow.codeWrittenDown()
        XCTAssertEqual(flow.step, .confirmCode)
        // Lower case, a space for the dash, spaces around.
        let groups = flow.codeGroups
        let typed = " " + groups[12].lowercased() + " " + groups[13].lowercased() + " "
        XCTAssertTrue(flow.confirm(typed))
        XCTAssertEqual(flow.step, .done)
        XCTAssertNil(flow.recoveryCode)
        XCTAssertEqual(flow.codeGroups, [])

        // The code that was shown opens the journal (an independent route to the same wrap).
        let opened = try Journal.open(path: temp.path, unlock: .recoveryCode(code: code))
        XCTAssertFalse(try opened.isLocked())
        opened.closeFile()
    }

    func testAWrongEndOfTheCodeKeepsTheCodeAndSaysSo() async throws {
        var flow = atPassphrase()
        let made = await create(&flow, testPassphrase, testPassphrase)
        XCTAssertTrue(made)
        flow.codeWrittenDown()
        let groups = flow.codeGroups
        let last = groups[12] + groups[13]
        // One character changed: 0 becomes 1, anything else becomes 0.
        let wrong = (last.hasPrefix("0") ? "1" : "0") + String(last.dropFirst())
        XCTAssertFalse(flow.confirm(wrong))
        XCTAssertEqual(flow.step, .confirmCode)
        XCTAssertEqual(flow.message, ModelText.codeDiffers)
        // The first two groups are not the last two.
        XCTAssertFalse(flow.confirm(groups[0] + groups[1]))
        XCTAssertNotNil(flow.recoveryCode)

        flow.showCodeAgain()
        XCTAssertEqual(flow.step, .showCode)
        XCTAssertNil(flow.message)
        flow.codeWrittenDown()
        XCTAssertTrue(flow.confirm("\(groups[12])-\(groups[13])"))
    }

    func testTheTypedFieldsDriveTheSameStepsAndAreClearedOnceUsed() async throws {
        var flow = atPassphrase()
        flow.passphrase = testPassphrase
        flow.passphraseAgain = testPassphrase + " "
        XCTAssertNil(flow.create())
        XCTAssertEqual(flow.message, ModelText.passphrasesDiffer)
        flow.passphraseAgain = testPassphrase
        let creation = try XCTUnwrap(flow.create())
        XCTAssertEqual(creation.passphrase, testPassphrase)
        let code = try await store.create(deviceKey: nil, passphrase: creation.passphrase)
        flow.created(recoveryCode: code)
        // The passphrase is not kept once the journal is made.
        XCTAssertEqual(flow.passphrase, "")
        XCTAssertEqual(flow.passphraseAgain, "")

        flow.codeWrittenDown()
        flow.typedCode = flow.codeGroups[13]
        XCTAssertFalse(flow.confirm())
        XCTAssertEqual(flow.message, ModelText.codeDiffers)
        flow.typedCode = flow.codeGroups[12] + flow.codeGroups[13]
        XCTAssertTrue(flow.confirm())
        XCTAssertEqual(flow.step, .done)
        XCTAssertEqual(flow.typedCode, "")
    }

    func testStepsOutOfOrderDoNothing() async {
        var flow = FirstRun()
        let made = await create(&flow, testPassphrase, testPassphrase) // still at Welcome
        XCTAssertFalse(made)
        XCTAssertFalse(store.journalExists)
        flow.codeWrittenDown()
        XCTAssertFalse(flow.confirm("anything"))
        flow.created(recoveryCode: "AAAA-BBBB")
        XCTAssertEqual(flow, FirstRun())
    }
}
