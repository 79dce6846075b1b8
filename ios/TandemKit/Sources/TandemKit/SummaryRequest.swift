import Foundation
import TandemCore

/// One section's switch: the section, its heading from the core, and whether it is on.
public struct SectionSwitch: Hashable, Identifiable, Sendable {
    /// The section.
    public let section: Section
    /// Its heading, from the core.
    public let title: String
    /// Whether it goes into the summary.
    public var on: Bool

    /// A switch for `section` headed `title`.
    public init(section: Section, title: String, on: Bool) {
        self.section = section
        self.title = title
        self.on = on
    }

    /// A stable id for lists: the section.
    public var id: Section { section }
}

/// The share-summary form: the range of days and the section switches in document order.
///
/// The core makes the document and refuses a reversed range with its own
/// reason; `JournalStore.summaryHtml` refuses no section on before asking it.
/// `canProduce` lets the screen disable its button first.
public struct SummaryRequest: Equatable, Sendable {
    /// The days the summary covers, both included.
    public var range: DateRange
    /// One switch per section, in document order.
    public var switches: [SectionSwitch]

    /// A request over `range` with the given switches.
    public init(range: DateRange, switches: [SectionSwitch]) {
        self.range = range
        self.switches = switches
    }

    /// A request over `range` with each of the core's sections on as its `defaultOn` says.
    public init(range: DateRange, choices: [SectionChoice] = TandemCore.summarySections()) {
        self.init(
            range: range,
            switches: choices.map { SectionSwitch(section: $0.value, title: $0.title, on: $0.defaultOn) })
    }

    /// A request over `range` with each section of `choices` on as its default (same as the initialiser).
    public static func initial(range: DateRange, choices: [SectionChoice]) -> SummaryRequest {
        SummaryRequest(range: range, choices: choices)
    }

    /// The sections switched on, in document order.
    public var sections: [Section] {
        switches.filter(\.on).map(\.section)
    }

    /// Whether the core would take it: the range runs forwards (ISO days compare as text) and a section is on.
    public var canProduce: Bool {
        range.from <= range.to && switches.contains { $0.on }
    }

    /// Whether `section` is on.
    public func isOn(_ section: Section) -> Bool {
        switches.contains { $0.section == section && $0.on }
    }

    /// Switches `section` the other way.
    public mutating func toggle(_ section: Section) {
        for i in switches.indices where switches[i].section == section {
            switches[i].on.toggle()
        }
    }

    /// The request over `from` to `to`, both included.
    public func withRange(from: NaiveDate, to: NaiveDate) -> SummaryRequest {
        var copy = self
        copy.range = DateRange(from: from, to: to)
        return copy
    }
}
