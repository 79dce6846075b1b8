// Mirrors tests/kotlin/android/QuestionsTest.kt: the forms' questions and
// scale words as the screens take them from the core through `Questions`.

import XCTest

@testable import TandemKit

final class QuestionsTests: XCTestCase {
    /// Each prompt's place in the forms and the scale it is answered on (the
    /// core's `scales()`), nil for those answered otherwise. The switch is
    /// exhaustive, so a prompt added to the core fails to compile here until
    /// this test names it.
    private func expected(_ prompt: Prompt) -> (index: Int, range: ScaleRange?) {
        let core = scales()
        switch prompt {
        case .mood: return (0, core.mood)
        case .myMove: return (1, nil)
        case .partnerMove: return (2, nil)
        case .behaviours: return (3, nil)
        case .feelings: return (4, nil)
        case .intensity: return (5, core.intensity)
        case .skills: return (6, nil)
        case .repair: return (7, nil)
        case .closeness: return (8, core.closeness)
        case .note: return (9, nil)
        case .raisesConcerns: return (10, nil)
        case .shutsDown: return (11, nil)
        case .feltChased: return (12, nil)
        case .talkSafety: return (13, core.talkSafety)
        case .needingSpace: return (14, nil)
        case .weekNote: return (15, nil)
        }
    }

    func testTheListHoldsEveryPromptOnceInTheFormsOrder() {
        XCTAssertEqual(Questions.all.map { expected($0).index }, Array(0..<16))
    }

    func testEveryPromptHasWordsOfItsOwn() {
        let texts = Questions.all.map(Questions.text)
        for (prompt, text) in zip(Questions.all, texts) {
            XCTAssertFalse(text.isEmpty, "\(prompt)")
            XCTAssertEqual(text, text.trimmingCharacters(in: .whitespacesAndNewlines), "\(prompt)")
            XCTAssertTrue(text.first?.isUppercase ?? false, "\(prompt): \(text)")
        }
        XCTAssertEqual(Set(texts).count, texts.count, "two prompts share their words")
    }

    func testTheScreensQuestionsAreTheCoresWords() {
        let table: [(Prompt, String)] = [
            (.mood, "How was the day?"),
            (.myMove, "In the hardest moment, what did you do?"),
            (.partnerMove, "And your partner, as you saw it?"),
            (.intensity, "How heated did it get?"),
            (.closeness, "How close did you feel?"),
            (.note, "Note"),
            (.talkSafety, "How did hard talks feel?"),
            (.weekNote, "Anything else about this week"),
        ]
        for (prompt, text) in table {
            XCTAssertEqual(Questions.text(prompt), text, "\(prompt)")
        }
    }

    func testEachScaleReadsAsOneSentenceFromItsRangeAndWords() throws {
        for prompt in Questions.all {
            guard let range = expected(prompt).range else { continue }
            let scale = try XCTUnwrap(Questions.scale(prompt), "\(prompt) has no scale")
            XCTAssertEqual(scale.range, range, "\(prompt)")
            XCTAssertFalse(scale.lowWord.isEmpty || scale.highWord.isEmpty, "\(prompt): \(scale)")
            XCTAssertEqual(
                scale.hint, "\(range.min) is \(scale.lowWord), \(range.max) is \(scale.highWord).", "\(prompt)")
            XCTAssertEqual(Questions.hint(prompt), scale.hint)
            XCTAssertEqual(Questions.lowWord(prompt), scale.lowWord)
            XCTAssertEqual(Questions.highWord(prompt), scale.highWord)
        }
        XCTAssertEqual(Questions.hint(.mood), "1 is very low, 5 is very good.")
        XCTAssertEqual(Questions.hint(.intensity), "0 is calm, 10 is as heated as it gets.")
        XCTAssertEqual(Questions.hint(.closeness), "1 is far apart, 5 is very close.")
        XCTAssertEqual(Questions.hint(.talkSafety), "1 is safe, 5 is overwhelming.")
        // The pickers' ranges (CheckInForm, ReflectionForm) are the same scales.
        XCTAssertEqual(CheckInForm.moods, pickerRange(.mood))
        XCTAssertEqual(CheckInForm.intensities, pickerRange(.intensity))
        XCTAssertEqual(CheckInForm.closenessRatings, pickerRange(.closeness))
        XCTAssertEqual(ReflectionForm.talkSafety, pickerRange(.talkSafety))
    }

    func testQuestionsAnsweredOtherwiseHaveNoScale() {
        let unscaled = Questions.all.filter { expected($0).range == nil }
        XCTAssertEqual(unscaled.count, 12)
        for prompt in unscaled {
            XCTAssertNil(Questions.scale(prompt), "\(prompt)")
            XCTAssertEqual(Questions.hint(prompt), "", "\(prompt)")
            XCTAssertEqual(Questions.lowWord(prompt), "", "\(prompt)")
            XCTAssertEqual(Questions.highWord(prompt), "", "\(prompt)")
        }
    }

    private func pickerRange(_ prompt: Prompt) -> ClosedRange<UInt8>? {
        Questions.scale(prompt).map { $0.range.min...$0.range.max }
    }
}
