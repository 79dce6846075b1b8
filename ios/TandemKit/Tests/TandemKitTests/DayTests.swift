// The ISO day helpers: strict reading, writing, arithmetic across months
// and years, and the local day of an instant in a zone.

import Foundation
import XCTest

@testable import TandemKit

final class DayTests: XCTestCase {
    func testARealDayReadsIntoItsComponentsAndBack() {
        XCTAssertEqual(Day.components(of: "2026-11-23"), DateComponents(year: 2026, month: 11, day: 23))
        XCTAssertEqual(Day.iso(DateComponents(year: 2027, month: 1, day: 3)), "2027-01-03")
        XCTAssertEqual(Day.weekday(of: "2026-11-23"), 2) // a Monday; Calendar counts Sunday as 1
    }

    func testSomethingThatIsNotARealDayIsRefused() {
        for text in ["2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-1-05", "+026-01-05", "2026-01-05 ", "", "2026/01/05"] {
            XCTAssertNil(Day.components(of: text), text)
            XCTAssertNil(Day.date(text), text)
        }
        XCTAssertNotNil(Day.components(of: "2028-02-29")) // a leap year
        XCTAssertNil(Day.iso(DateComponents(year: 2026, month: 2, day: 30)))
        XCTAssertNil(Day.iso(DateComponents(month: 2, day: 3)))
    }

    func testAddingDaysCrossesMonthsAndYears() {
        XCTAssertEqual(Day.adding(7, to: "2026-12-28"), "2027-01-04")
        XCTAssertEqual(Day.adding(-1, to: "2027-03-01"), "2027-02-28")
        XCTAssertEqual(Day.adding(1, to: "2028-02-28"), "2028-02-29")
        XCTAssertNil(Day.adding(1, to: "not a day"))
    }

    func testTheLocalDayOfAnInstantDependsOnTheZone() throws {
        // 23:30Z on 31 Dec 2026 is still 31 Dec in London (GMT) but already 1 Jan in Berlin (+01:00).
        let instant = try XCTUnwrap(Day.date("2026-12-31")).addingTimeInterval(23.5 * 3_600)
        XCTAssertEqual(Day.iso(instant, in: try XCTUnwrap(TimeZone(identifier: "Europe/London"))), "2026-12-31")
        XCTAssertEqual(Day.iso(instant, in: try XCTUnwrap(TimeZone(identifier: "Europe/Berlin"))), "2027-01-01")
    }
}
