import Foundation
import TandemKit
import UserNotifications

/// The daily check-in reminder, a local notification repeating at a time of
/// day. Its text is fixed and holds nothing from the journal, so it can be
/// scheduled while the journal is locked and shown on the lock screen.
@MainActor
enum Reminders {
    /// One request, replaced on every change.
    static let identifier = "app.tandem.daily-check-in"

    /// What the system allows for this app.
    enum Permission: Equatable {
        case allowed
        case denied
        case notAsked
    }

    /// Current permission, without asking.
    static func permission() async -> Permission {
        switch await authorizationStatus() {
        case .authorized, .provisional, .ephemeral: return .allowed
        case .denied: return .denied
        case .notDetermined: return .notAsked
        @unknown default: return .denied
        }
    }

    /// The status alone, read off the main actor: the settings object it
    /// comes in is not Sendable, the status is.
    nonisolated private static func authorizationStatus() async -> UNAuthorizationStatus {
        await UNUserNotificationCenter.current().notificationSettings().authorizationStatus
    }

    /// Asks once (the system shows its alert only the first time).
    static func requestPermission() async -> Bool {
        do {
            return try await UNUserNotificationCenter.current().requestAuthorization(options: [.alert, .sound])
        } catch {
            return false
        }
    }

    /// Schedules the reminder every day at the schedule's local time,
    /// replacing any earlier one. The trigger holds only hour and minute, so
    /// it follows the phone's time zone and daylight-saving changes by itself.
    static func schedule(_ schedule: ReminderSchedule) async throws {
        let center = UNUserNotificationCenter.current()
        center.removePendingNotificationRequests(withIdentifiers: [identifier])
        guard schedule.isValid else { return }
        let content = UNMutableNotificationContent()
        content.title = ReminderSchedule.title
        content.body = ReminderSchedule.text
        content.sound = .default
        let trigger = UNCalendarNotificationTrigger(dateMatching: schedule.triggerComponents, repeats: true)
        let request = UNNotificationRequest(identifier: identifier, content: content, trigger: trigger)
        try await center.add(request)
    }

    /// Schedules the reminder for `setting` when it is on and allowed, and
    /// cancels it otherwise. Returns whether a reminder is now scheduled.
    @discardableResult
    static func apply(_ setting: ReminderSetting) async -> Bool {
        guard setting.on, await permission() == .allowed else {
            cancel()
            return false
        }
        do {
            try await schedule(setting.schedule)
            return true
        } catch {
            return false
        }
    }

    /// Removes the scheduled reminder and any delivered one.
    static func cancel() {
        let center = UNUserNotificationCenter.current()
        center.removePendingNotificationRequests(withIdentifiers: [identifier])
        center.removeDeliveredNotifications(withIdentifiers: [identifier])
    }
}
