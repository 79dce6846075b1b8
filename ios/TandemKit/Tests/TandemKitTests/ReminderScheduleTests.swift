// Mirrors tests/kotlin/android/ReminderScheduleTest.kt: the reminder's next
// time across midnight and daylight-saving changes. Instants are written in
// UTC, the local times worked out by hand from the zone's rules:
// Europe/London goes from GMT (+00:00) to BST (+01:00) at 01:00 GMT on
// Sunday 29 March 2026 and back at 01:00 GMT on Sunday 25 October 2026;
// America/New_York goes from EST (-05:00) to EDT (-04:00) at 02:00 local on
// Sunday 8 March 2026.

import Foundation
import XCTest

@testable import TandemKit

final class ReminderScheduleTests: XCTestCase {
    private func zone(_ identifier: String) throws -> TimeZone {
        try XCTUnwrap(TimeZone(identifier: identifier), "no tz data for \(identifier)")
    }

    /// An instant given in UTC.
    private func utc(
        _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, nanosecond: Int = 0
    ) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try zone("UTC")
        return try XCTUnwrap(calendar.date(from: DateComponents(
            year: year, month: month, day: day, hour: hour, minute: minute, second: 0, nanosecond: nanosecond)))
    }

    private func hours(_ h: Double) -> TimeInterval { h * 3_600 }

    func testLaterTheSameDayIsTheHoursLeftOnTheClock() throws {
        // 19:00 BST on an ordinary June day is 18:00Z; 20:00 BST is 19:00Z.
        let delay = ReminderSchedule(hour: 20, minute: 0).delay(from: try utc(2026, 6, 10, 18, 0), in: try zone("Europe/London"))
        XCTAssertEqual(delay, hours(1))
    }

    func testATimeAlreadyPassedOrJustNowIsTomorrowAcrossMidnight() throws {
        let london = try zone("Europe/London")
        // 23:30 BST (22:30Z) to 07:00 BST the next morning (06:00Z): 7.5 hours.
        XCTAssertEqual(ReminderSchedule(hour: 7, minute: 0).delay(from: try utc(2026, 6, 10, 22, 30), in: london), hours(7.5))
        // At 20:00 BST exactly the reminder has just fired: the next is a day later.
        let evening = ReminderSchedule(hour: 20, minute: 0)
        XCTAssertEqual(evening.delay(from: try utc(2026, 6, 10, 19, 0), in: london), hours(24))
        XCTAssertEqual(
            evening.nextFire(after: try utc(2026, 6, 10, 19, 0, nanosecond: 1_000_000), in: london),
            try utc(2026, 6, 11, 19, 0))
    }

    func testTheNightTheClocksGoForwardIsAnHourShorter() throws {
        // 21:00 GMT on 28 March is 21:00Z; 20:00 BST on 29 March is 19:00Z:
        // 22 hours, where the clock faces say 23.
        let london = try zone("Europe/London")
        let now = try utc(2026, 3, 28, 21, 0)
        let evening = ReminderSchedule(hour: 20, minute: 0)
        XCTAssertEqual(evening.delay(from: now, in: london), hours(22))
        let local = try XCTUnwrap(evening.nextFireComponents(after: now, in: london))
        XCTAssertEqual([local.year, local.month, local.day, local.hour, local.minute], [2026, 3, 29, 20, 0])
        XCTAssertEqual(local.timeZone, london)
    }

    func testTheNightTheClocksGoBackIsAnHourLonger() throws {
        // 21:00 BST on 24 October is 20:00Z; 20:00 GMT on 25 October is 20:00Z the next day: 24 hours, not 23.
        let delay = ReminderSchedule(hour: 20, minute: 0).delay(from: try utc(2026, 10, 24, 20, 0), in: try zone("Europe/London"))
        XCTAssertEqual(delay, hours(24))
    }

    func testATimeSkippedByTheSpringGapFiresAnHourLaterOnTheClock() throws {
        // 01:30 does not exist on 29 March in London; it moves on by the gap to 02:30 BST (01:30Z).
        // Asked at 00:30 GMT (00:30Z): one hour.
        let london = try zone("Europe/London")
        let now = try utc(2026, 3, 29, 0, 30)
        let night = ReminderSchedule(hour: 1, minute: 30)
        XCTAssertEqual(night.delay(from: now, in: london), hours(1))
        let local = try XCTUnwrap(night.nextFireComponents(after: now, in: london))
        XCTAssertEqual([local.hour, local.minute], [2, 30])
    }

    func testATimeRepeatedByTheAutumnOverlapFiresAtItsFirstOccurrence() throws {
        // 01:30 happens twice on 25 October: first at 01:30 BST (00:30Z).
        // Asked at 00:00 BST (23:00Z on the 24th): 90 minutes.
        let delay = ReminderSchedule(hour: 1, minute: 30).delay(from: try utc(2026, 10, 24, 23, 0), in: try zone("Europe/London"))
        XCTAssertEqual(delay, hours(1.5))
    }

    func testTheZoneHandedInDecidesNotTheMachines() throws {
        // 20:00 EST on 7 March is 01:00Z on the 8th; 08:00 EDT on 8 March is 12:00Z: 11 hours.
        let delay = ReminderSchedule(hour: 8, minute: 0).delay(from: try utc(2026, 3, 8, 1, 0), in: try zone("America/New_York"))
        XCTAssertEqual(delay, hours(11))
    }

    func testTheReminderWordsHoldNothingPersonal() {
        XCTAssertEqual(ReminderSchedule.title, "Time for your Tandem check-in")
        XCTAssertEqual(ReminderSchedule.text, "A minute for how today went.")
    }

    func testAnImpossibleTimeHasNoNextFireAndTheTriggerIsTheTimeOfDay() throws {
        XCTAssertNil(ReminderSchedule(hour: 24, minute: 0).delay(from: try utc(2026, 6, 10, 18, 0), in: try zone("UTC")))
        XCTAssertNil(ReminderSchedule(hour: 7, minute: 60).nextFire(after: try utc(2026, 6, 10, 18, 0), in: try zone("UTC")))
        XCTAssertEqual(ReminderSchedule(ReminderSetting(on: true, hour: 21, minute: 15)).triggerComponents,
                       DateComponents(hour: 21, minute: 15))
    }
}
