import Foundation
import TandemCore

/// Choices of one side of the cycle; `side` is nil for those on neither side.
public struct SideGroup<Item: Hashable>: Hashable, Identifiable {
    /// The side these choices belong to; nil for neither side.
    public let side: Side?
    /// The choices, in the core's order.
    public let items: [Item]

    /// A group of `items` on `side`.
    public init(side: Side?, items: [Item]) {
        self.side = side
        self.items = items
    }

    /// A stable id for lists: the side's name.
    public var id: String {
        switch side {
        case .pursuing: return "pursuing"
        case .withdrawing: return "withdrawing"
        case nil: return "neither"
        }
    }
}

extension SideGroup: Sendable where Item: Sendable {}

/// Splits `items` by side, pursuing then withdrawing then neither, each in the core's order; empty groups left out.
public func groupBySide<Item: Hashable>(_ items: [Item], sideOf: (Item) -> Side?) -> [SideGroup<Item>] {
    let order: [Side?] = [.pursuing, .withdrawing, nil]
    return order.compactMap { side in
        let members = items.filter { sideOf($0) == side }
        return members.isEmpty ? nil : SideGroup(side: side, items: members)
    }
}

/// Every picker of the check-in form, labelled and ordered by the core's `choices()`.
public struct CheckInForm: Equatable, Sendable {
    /// Mood, on the core's scale (1 low to 5).
    public static let moods: ClosedRange<UInt8> = CoreScales.moods
    /// How heated it got, on the core's scale (0 to 10).
    public static let intensities: ClosedRange<UInt8> = CoreScales.intensities
    /// The closeness rating, on the core's scale (1 to 5).
    public static let closenessRatings: ClosedRange<UInt8> = CoreScales.closenessRatings

    /// What I did.
    public let moves: [MoveChoice]
    /// What my partner did.
    public let partnerMoves: [PartnerMoveChoice]
    /// Behaviours grouped by side.
    public let behaviours: [SideGroup<BehaviourChoice>]
    /// Feelings grouped by side.
    public let feelings: [SideGroup<FeelingChoice>]
    /// Skills used.
    public let skills: [SkillChoice]
    /// How repair went.
    public let repairs: [RepairChoice]
    /// Words for closeness.
    public let closenessWords: [ClosenessWordChoice]

    /// The form from the core's lists.
    public init(_ choices: Choices = TandemCore.choices()) {
        moves = choices.moves
        partnerMoves = choices.partnerMoves
        behaviours = groupBySide(choices.behaviours) { $0.side }
        feelings = groupBySide(choices.feelings) { $0.side }
        skills = choices.skills
        repairs = choices.repairs
        closenessWords = choices.closenessWords
    }

    /// The form from the core's lists (same as `init(_:)`).
    public static func from(_ choices: Choices) -> CheckInForm {
        CheckInForm(choices)
    }
}

/// The pickers of the weekly reflection: the answers to its "who" questions.
public struct ReflectionForm: Equatable, Sendable {
    /// How safe hard talks felt, on the core's scale (1 safe to 5 overwhelming).
    public static let talkSafety: ClosedRange<UInt8> = CoreScales.talkSafety

    /// Answers to the "who" questions, labelled and ordered by the core.
    public let whos: [WhoChoice]

    /// The form from the core's lists.
    public init(_ choices: Choices = TandemCore.choices()) {
        whos = choices.whos
    }

    /// The form from the core's lists (same as `init(_:)`).
    public static func from(_ choices: Choices) -> ReflectionForm {
        ReflectionForm(choices)
    }
}
