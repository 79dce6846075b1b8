import Foundation

/// Decides, on return to the foreground, whether the app locks: it does after more than a minute in the background.
///
/// Times come from a monotonic clock handed in (the app passes
/// `ContinuousClock.now`, which keeps counting while the phone sleeps), so
/// changing the wall clock neither locks nor keeps the journal open.
public struct LockTimer: Sendable, Equatable {
    /// Sixty seconds, the limit of docs/shells.md.
    public static let defaultLimit: Duration = .seconds(60)

    /// The allowed time in the background; longer than this locks.
    public let limit: Duration
    /// When the app went to the background, if it is there now.
    public private(set) var backgroundedAt: ContinuousClock.Instant?

    /// A timer that locks after more than `limit` in the background.
    public init(limit: Duration = LockTimer.defaultLimit) {
        self.limit = limit
    }

    /// Notes the moment the app went to the background.
    public mutating func backgrounded(at instant: ContinuousClock.Instant) {
        // A second call without a return keeps the first time: the time away counts from leaving.
        if backgroundedAt == nil {
            backgroundedAt = instant
        }
    }

    /// Notes the return to the foreground; true when the app should lock.
    public mutating func foregrounded(at instant: ContinuousClock.Instant) -> Bool {
        guard let start = backgroundedAt else { return false }
        backgroundedAt = nil
        return start.duration(to: instant) > limit
    }
}
