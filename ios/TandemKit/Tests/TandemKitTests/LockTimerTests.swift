// Mirrors tests/kotlin/android/LockTimerTest.kt: the 60-second rule of
// docs/shells.md on a monotonic clock.

import Foundation
import XCTest

@testable import TandemKit

final class LockTimerTests: XCTestCase {
    private let start = ContinuousClock.now

    /// The instant `ms` milliseconds after the test's start.
    private func at(_ ms: Int64) -> ContinuousClock.Instant {
        start.advanced(by: .milliseconds(ms))
    }

    func testSixtySecondsAwayExactlyDoesNotLockAndOneMillisecondMoreDoes() {
        var timer = LockTimer()
        timer.backgrounded(at: at(5_000))
        XCTAssertFalse(timer.foregrounded(at: at(65_000))) // 60,000 ms: not more than 60 s
        timer.backgrounded(at: at(5_000))
        XCTAssertTrue(timer.foregrounded(at: at(65_001)))
    }

    func testComingBackWithoutHavingLeftNeverLocks() {
        var timer = LockTimer()
        XCTAssertFalse(timer.foregrounded(at: at(1_000_000)))
        timer.backgrounded(at: at(0))
        XCTAssertTrue(timer.foregrounded(at: at(90_000)))
        // The return above used up the time away; a second return is not a second absence.
        XCTAssertFalse(timer.foregrounded(at: at(500_000)))
    }

    func testASecondBackgroundingCountsFromTheFirst() {
        var timer = LockTimer()
        timer.backgrounded(at: at(10_000))
        timer.backgrounded(at: at(50_000))
        // 61 s after the first, 21 s after the second.
        XCTAssertTrue(timer.foregrounded(at: at(71_000)))
    }

    func testTheLimitCanBeSetAndDefaultsToSixtySeconds() {
        XCTAssertEqual(LockTimer().limit, .seconds(60))
        var timer = LockTimer(limit: .seconds(5))
        timer.backgrounded(at: at(0))
        XCTAssertTrue(timer.foregrounded(at: at(5_001)))
    }
}
