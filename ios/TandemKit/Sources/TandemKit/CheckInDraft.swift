import Foundation
import TandemCore

/// The check-in form for one day: what the user has picked so far.
///
/// Single answers are optional until picked; multiple answers are sets,
/// written out in the core's order. Validation is the core's: a save it
/// refuses throws, and the draft stays as it was for the user to fix.
public struct CheckInDraft: Equatable, Sendable {
    /// The day the check-in is for.
    public var date: NaiveDate
    /// Mood from 1 to 5, once picked.
    public var mood: UInt8?
    /// What I did, once picked.
    public var myMove: Move?
    /// What my partner did, once picked.
    public var partnerMove: PartnerMove?
    /// How repair went, if answered.
    public var repair: Repair?
    /// Behaviours ticked.
    public var behaviours: Set<Behaviour> = []
    /// Feelings ticked.
    public var feelings: Set<Feeling> = []
    /// Skills ticked.
    public var skills: Set<Skill> = []
    /// How heated it got, 0 to 10, or unset.
    public var intensity: UInt8?
    /// Closeness from 1 to 5, if rated.
    public var closenessRating: UInt8?
    /// Words for closeness ticked.
    public var closenessWords: Set<ClosenessWord> = []
    /// The free-text note.
    public var note: String = ""

    /// An empty form for `date`.
    public init(date: NaiveDate) {
        self.date = date
    }

    /// An empty form for `date`.
    public static func empty(_ date: NaiveDate) -> CheckInDraft {
        CheckInDraft(date: date)
    }

    /// The form filled from a saved check-in, for editing.
    public static func from(_ saved: SavedCheckIn) -> CheckInDraft {
        from(saved.checkin)
    }

    /// The form filled from a check-in.
    public static func from(_ checkin: CheckIn) -> CheckInDraft {
        var draft = CheckInDraft(date: checkin.date)
        draft.mood = checkin.mood
        draft.myMove = checkin.myMove
        draft.partnerMove = checkin.partnerMove
        draft.repair = checkin.repair
        draft.behaviours = Set(checkin.behaviours)
        draft.feelings = Set(checkin.feelings)
        draft.skills = Set(checkin.skills)
        draft.intensity = checkin.intensity
        draft.closenessRating = checkin.closeness?.rating
        draft.closenessWords = Set(checkin.closeness?.words ?? [])
        draft.note = checkin.note
        return draft
    }

    /// Ticks or unticks a behaviour.
    public mutating func toggle(_ behaviour: Behaviour) {
        Self.flip(behaviour, in: &behaviours)
    }

    /// Ticks or unticks a feeling.
    public mutating func toggle(_ feeling: Feeling) {
        Self.flip(feeling, in: &feelings)
    }

    /// Ticks or unticks a skill.
    public mutating func toggle(_ skill: Skill) {
        Self.flip(skill, in: &skills)
    }

    /// Ticks or unticks a closeness word.
    public mutating func toggle(_ word: ClosenessWord) {
        Self.flip(word, in: &closenessWords)
    }

    /// Whether the fields a check-in cannot go without (mood, both moves) are picked.
    public var canSave: Bool {
        checkinCanSave(mood: mood, myMove: myMove, partnerMove: partnerMove)
    }

    /// The check-in to hand to the core, sets in the core's order; throws `checkInIncomplete` unless `canSave`.
    public func toCheckIn(choices: Choices = TandemCore.choices()) throws -> CheckIn {
        guard let mood, let myMove, let partnerMove else {
            throw TandemKitError.checkInIncomplete
        }
        let closeness: Closeness?
        if closenessRating == nil && closenessWords.isEmpty {
            closeness = nil
        } else {
            closeness = Closeness(
                rating: closenessRating,
                words: choices.closenessWords.map(\.value).filter(closenessWords.contains))
        }
        return CheckIn(
            date: date,
            mood: mood,
            myMove: myMove,
            partnerMove: partnerMove,
            behaviours: choices.behaviours.map(\.value).filter(behaviours.contains),
            feelings: choices.feelings.map(\.value).filter(feelings.contains),
            intensity: intensity,
            skills: choices.skills.map(\.value).filter(skills.contains),
            repair: repair,
            closeness: closeness,
            note: note)
    }

    private static func flip<T: Hashable>(_ value: T, in set: inout Set<T>) {
        if set.remove(value) == nil {
            set.insert(value)
        }
    }
}
