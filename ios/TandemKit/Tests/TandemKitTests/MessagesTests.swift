// Mirrors tests/kotlin/android/MessagesTest.kt: the sentences of
// docs/shells.md's error table, one by one, and the same sentences reached
// through real refusals of the core.

import Foundation
import XCTest

@testable import TandemKit

final class MessagesTests: XCTestCase {
    private var temp: TempJournal!

    override func setUpWithError() throws {
        temp = try TempJournal()
    }

    override func tearDown() {
        temp.close()
    }

    func testEachCoreErrorReadsAsTheSentenceOfTheTable() {
        let table: [(JournalError, String)] = [
            (.WrongKey, "That didn't unlock the journal. Check it and try again."),
            (.Corrupt, "The journal file is damaged and can't be read. Restore it from a backup."),
            (.NewerVersion(found: 3, supported: 1),
             "This journal was saved by a newer version of Tandem. Update the app to open it."),
            (.NotAJournal, "That file isn't a Tandem journal."),
            (.NotABackup, "That file isn't a Tandem backup."),
            (.WouldReplace, "Restoring would replace the entries on this phone. Confirm to replace them."),
            (.NotFound(what: "check-in for that day"), "There's no entry for that day."),
            (.AlreadyExists, "A journal already exists here."),
            (.Locked, "The journal is locked. Unlock it to go on."),
            (.Closed, "The journal was closed. Open it again."),
            (.Io(reason: "disk full"),
             "The file couldn't be read or written. Check there's space on the phone and try again."),
            (.Database(reason: "SQLITE_BUSY (5)"),
             "Something went wrong saving your journal. Nothing was changed. Try again."),
        ]
        for (error, expected) in table {
            XCTAssertEqual(Messages.message(for: error), expected, "\(error)")
            // The same through the function screens call with any error.
            XCTAssertEqual(TandemKit.message(for: error as any Error), expected, "\(error)")
        }
    }

    func testInvalidInputNamesTheFieldInWordsFollowedByTheCoresReason() {
        let fields: [(InputField, String)] = [
            (.mood, "The mood"),
            (.intensity, "How heated it got"),
            (.note, "The note"),
            (.needingSpace, "The answer about needing space"),
            (.date, "The day"),
            (.passphrase, "The passphrase"),
            (.recoveryCode, "The recovery code"),
            (.import, "The file"),
        ]
        for (field, words) in fields {
            XCTAssertEqual(
                Messages.message(for: JournalError.InvalidInput(field: field, reason: "must be right")),
                "\(words) must be right.")
            XCTAssertEqual(fieldInWords(field), words)
        }
    }

    /// Every field the core can refuse has words of its own. The switch is
    /// exhaustive, so a field added to the core fails to compile here until
    /// this test names it, and the core's list must hold it.
    func testEveryFieldTheCoreCanRefuseHasWordsOfItsOwn() {
        func named(_ field: InputField) -> InputField {
            switch field {
            case .mood, .myMove, .partnerMove, .behaviours, .feelings, .intensity, .skills, .repair,
                .closeness, .note, .date, .weekStart, .who, .talkSafety, .needingSpace, .sections,
                .from, .weeks, .import, .passphrase, .recoveryCode, .deviceKey, .kdfIterations, .unlock,
                .path, .target, .journal:
                return field
            }
        }
        let all = inputFields()
        XCTAssertEqual(all.count, 27)
        let words = all.map { fieldInWords(named($0)) }
        for (field, text) in zip(all, words) {
            XCTAssertFalse(text.isEmpty, "\(field)")
            XCTAssertTrue(text.first?.isUppercase ?? false, "\(field): \(text)")
            XCTAssertFalse(text.hasSuffix("."), "\(field): \(text)")
        }
        XCTAssertEqual(Set(words).count, words.count, "two fields share their words")
    }

    func testAnotherJournalsFileReadsAsItsSentence() {
        XCTAssertEqual(
            Messages.message(for: JournalError.FromAnotherJournal),
            "That file comes from another journal. Say whether it's your partner's or your own "
                + "from another phone; nothing was changed.")
    }

    func testAnythingThatIsNotACoreErrorReadsAsTheGeneralSentence() {
        let general = "Something went wrong. Nothing was changed."
        let withPath = NSError(
            domain: NSCocoaErrorDomain, code: 4,
            userInfo: [NSFilePathErrorKey: "/var/mobile/Containers/Data/Application/journal.tandem"])
        XCTAssertEqual(Messages.message(for: withPath), general)
        XCTAssertEqual(Messages.message(for: CancellationError()), general)
        XCTAssertEqual(Messages.message(for: CocoaError(.fileWriteOutOfSpace)), general)
    }

    func testTheModelsOwnChecksReadAsItsOwnSentences() {
        XCTAssertEqual(
            Messages.message(for: TandemKitError.passphrasesDiffer),
            "The two passphrases don't match. Type the same one twice.")
        XCTAssertEqual(
            Messages.message(for: TandemKitError.checkInIncomplete as any Error),
            "Pick a mood, what you did and what your partner did.")
        XCTAssertEqual(
            Messages.message(for: TandemKitError.noSection), "Turn on at least one section for the summary.")
        XCTAssertEqual(ModelText.codeDiffers, "That isn't the end of your recovery code. Check it and try again.")
    }

    func testRealRefusalsOfTheCoreReadAsTheirSentencesWithoutTheTypedValue() throws {
        let journal = try temp.journal()
        try journal.setToday(today: "2026-11-25")

        let short = try XCTUnwrap(caught { try journal.setPassphrase(passphrase: "abc12") })
        XCTAssertEqual(Messages.message(for: short), "The passphrase must be at least 6 characters.")
        XCTAssertFalse(Messages.message(for: short).contains("abc12"))

        let mood = try XCTUnwrap(caught {
            _ = try journal.saveCheckin(checkin: checkIn("2026-11-25", 9, .pursued, .withdrew))
        })
        XCTAssertEqual(Messages.message(for: mood), "The mood must be from 1 to 5.")

        let later = try XCTUnwrap(caught {
            _ = try journal.saveCheckin(checkin: checkIn("2026-11-27", 3, .pursued, .withdrew))
        })
        XCTAssertEqual(Messages.message(for: later), "The day is later than tomorrow.")

        let closeness = try XCTUnwrap(caught {
            var rated = checkIn("2026-11-25", 3, .neither, .neither)
            rated.closeness = Closeness(rating: 6, words: [])
            _ = try journal.saveCheckin(checkin: rated)
        })
        XCTAssertEqual(Messages.message(for: closeness), "The closeness rating must be from 1 to 5.")

        let keyOnly = try TempJournal(deviceKey: Data(repeating: 5, count: 32), passphrase: nil)
        defer { keyOnly.close() }
        try keyOnly.journal().closeFile()
        let notSet = try XCTUnwrap(caught {
            _ = try Journal.open(path: keyOnly.path, unlock: .passphrase(passphrase: testPassphrase))
        })
        XCTAssertEqual(Messages.message(for: notSet), "The passphrase is not set for this journal.")

        let code = try XCTUnwrap(caught {
            _ = try Journal.open(path: temp.path, unlock: .recoveryCode(code: "ABCD-EFGH"))
        })
        XCTAssertEqual(Messages.message(for: code), "The recovery code must be 56 letters and digits.")

        let wrong = try XCTUnwrap(caught {
            _ = try Journal.open(path: temp.path, unlock: .passphrase(passphrase: "not the passphrase"))
        })
        XCTAssertEqual(wrong as? JournalError, .WrongKey)
        XCTAssertEqual(Messages.message(for: wrong), "That didn't unlock the journal. Check it and try again.")

        let again = try XCTUnwrap(caught {
            _ = try createJournal(path: temp.path, deviceKey: nil, passphrase: testPassphrase, kdfIterations: testKdf)
        })
        XCTAssertEqual(again as? JournalError, .AlreadyExists)
        XCTAssertEqual(Messages.message(for: again), "A journal already exists here.")
    }
}
