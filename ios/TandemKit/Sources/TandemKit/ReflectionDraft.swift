import Foundation
import TandemCore

/// The weekly reflection form: the three "who" questions, how safe talking felt, and two texts.
public struct ReflectionDraft: Equatable, Sendable {
    /// The first day of the week reflected on.
    public var weekStart: NaiveDate
    /// Who raised concerns, if answered.
    public var raisesConcerns: Who?
    /// Who shut down, if answered.
    public var shutsDown: Who?
    /// Who felt chased, if answered.
    public var feltChased: Who?
    /// How safe hard talks felt, 1 (safe) to 5 (overwhelming), if answered.
    public var talkSafety: UInt8?
    /// What needing space looked like this week.
    public var needingSpace: String = ""
    /// The free-text note.
    public var note: String = ""

    /// An empty form for the week starting `weekStart`.
    public init(weekStart: NaiveDate) {
        self.weekStart = weekStart
    }

    /// An empty form for the week holding `day` (the core moves it to the week's first day).
    public static func empty(_ day: NaiveDate) -> ReflectionDraft {
        ReflectionDraft(weekStart: day)
    }

    /// The form filled from a saved reflection, for editing.
    public static func from(_ saved: SavedReflection) -> ReflectionDraft {
        from(saved.reflection)
    }

    /// The form filled from a reflection.
    public static func from(_ reflection: Reflection) -> ReflectionDraft {
        var draft = ReflectionDraft(weekStart: reflection.weekStart)
        draft.raisesConcerns = reflection.raisesConcerns
        draft.shutsDown = reflection.shutsDown
        draft.feltChased = reflection.feltChased
        draft.talkSafety = reflection.talkSafety
        draft.needingSpace = reflection.needingSpace
        draft.note = reflection.note
        return draft
    }

    /// The reflection to hand to the core, which validates it.
    public func toReflection() -> Reflection {
        Reflection(
            weekStart: weekStart,
            raisesConcerns: raisesConcerns,
            shutsDown: shutsDown,
            talkSafety: talkSafety,
            feltChased: feltChased,
            needingSpace: needingSpace,
            note: note)
    }
}
