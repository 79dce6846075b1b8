import SwiftUI
import TandemKit
import UniformTypeIdentifiers
import UIKit

/// Reminder, week start, passphrase, backup and restore, and locking.
/// TandemKit's `SettingsModel` keeps the reminder in preferences (saving it
/// schedules the notification, see `ReminderDefaults`) and the week start in
/// the journal; this screen asks for notification permission and hands
/// backups to and from the Files app.
struct SettingsView: View {
    @Environment(AppModel.self) private var model
    @State private var state: SettingsState?
    @State private var message: String?
    @State private var reminderMessage: String?
    @State private var notificationsDenied = false
    @State private var passphraseSheet: PassphraseSheet.Mode?
    @State private var confirmingRemoval = false
    @State private var backup: BackupDocument?
    @State private var exporting = false
    @State private var backupName = "Tandem backup"
    @State private var backupMessage: String?
    @State private var confirmingRestore = false
    @State private var pickingRestore = false
    @State private var working = false

    var body: some View {
        Group {
            if let state {
                form(state)
            } else if let message {
                LoadFailedView(title: "Couldn't open the settings", message: message, retry: load)
            } else {
                ProgressView()
            }
        }
        .navigationTitle("Settings")
        .task { await load() }
        .sheet(item: $passphraseSheet) { mode in
            PassphraseSheet(mode: mode) { newState in
                state = newState
                model.keysChanged()
            }
            .environment(model)
        }
        .confirmationDialog(
            "Remove the passphrase?", isPresented: $confirmingRemoval, titleVisibility: .visible
        ) {
            Button("Remove", role: .destructive) { Task { await removePassphrase() } }
        } message: {
            Text("\(model.biometry.name) and your recovery code will still open the journal. Backups made from now on open only with the recovery code.")
        }
        .confirmationDialog(
            "Restore from a backup?", isPresented: $confirmingRestore, titleVisibility: .visible
        ) {
            Button("Choose the backup", role: .destructive) { pickingRestore = true }
        } message: {
            Text("Restoring replaces everything in the journal on this phone with the backup.")
        }
        .fileExporter(
            isPresented: $exporting, document: backup, contentType: .tandemBackup, defaultFilename: backupName
        ) { result in
            backup = nil
            switch result {
            case .success:
                backupMessage = "Backup saved."
            case .failure:
                backupMessage = "The backup wasn't saved. Try again, or choose another place."
            }
        }
    }

    private func load() async {
        do {
            state = try await model.settings.load()
            message = nil
        } catch {
            message = Messages.message(for: error)
        }
        notificationsDenied = await Reminders.permission() == .denied
    }

    // MARK: Form

    private func form(_ current: SettingsState) -> some View {
        Form {
            reminderSection(current.reminder)

            SwiftUI.Section {
                Picker("Weeks start on", selection: Binding(
                    get: { current.weekStart },
                    set: { start in Task { await setWeekStart(start) } }
                )) {
                    ForEach([WeekStart.monday, WeekStart.sunday], id: \.self) { start in
                        Text(weekStartLabel(start)).tag(start)
                    }
                }
            } header: {
                Text("Weeks")
            }

            SwiftUI.Section {
                if model.canUseBiometrics {
                    Label("\(model.biometry.name) unlocks the journal on this phone.", systemImage: model.biometry.symbol)
                }
                if current.hasPassphrase {
                    Button("Change the passphrase") { passphraseSheet = .change }
                    Button("Remove the passphrase", role: .destructive) { confirmingRemoval = true }
                        .disabled(!model.canUseBiometrics)
                } else {
                    Button("Set a passphrase") { passphraseSheet = .set }
                }
                Button("Lock now") { Task { await model.lock(byHand: true) } }
            } header: {
                Text("Unlocking")
            } footer: {
                Text(current.hasPassphrase
                     ? "The passphrase opens the journal and its backups."
                     : "Without a passphrase, backups open only with the recovery code.")
            }

            SwiftUI.Section {
                Button {
                    Task { await makeBackup() }
                } label: {
                    HStack {
                        Label("Make a backup", systemImage: "externaldrive")
                        if working { Spacer(); ProgressView() }
                    }
                }
                .disabled(working)
                Button {
                    confirmingRestore = true
                } label: {
                    Label("Restore from a backup", systemImage: "arrow.counterclockwise")
                }
                // On the button, not beside the exporter: SwiftUI presents
                // only one file panel per view.
                .fileImporter(isPresented: $pickingRestore, allowedContentTypes: [.tandemBackup, .data]) { result in
                    switch result {
                    case .success(let url):
                        Task { backupMessage = await model.beginRestore(from: url, replacing: true) }
                    case .failure:
                        backupMessage = "The file couldn't be opened. Try again, or pick another file."
                    }
                }
                if let backupMessage {
                    Text(backupMessage)
                        .foregroundStyle(.secondary)
                }
            } header: {
                Text("Backup")
            } footer: {
                Text("A backup is encrypted. It opens with your passphrase or recovery code, on this phone or a new one. Save it in Files, somewhere safe: the journal is left out of the phone's own backups.")
            }

            ErrorLine(message: message)

            SwiftUI.Section {
                Text("Tandem has no internet access. Your journal is encrypted on this phone, left out of the phone's own backups, and locks when Tandem has been in the background for a minute.")
                    .foregroundStyle(.secondary)
            } header: {
                Text("Privacy")
            }
        }
    }

    @ViewBuilder
    private func reminderSection(_ setting: ReminderSetting) -> some View {
        SwiftUI.Section {
            Toggle("Remind me to check in", isOn: Binding(
                get: { setting.on },
                set: { on in Task { await setReminder(on: on) } }
            ))
            if setting.on {
                DatePicker("Reminder time", selection: Binding(
                    get: { Self.time(hour: setting.hour, minute: setting.minute) },
                    set: { date in Task { await setReminderTime(date) } }
                ), displayedComponents: .hourAndMinute)
            }
            if let reminderMessage {
                Text(reminderMessage)
                    .foregroundStyle(.secondary)
            }
            if notificationsDenied {
                Button("Open notification settings") { openNotificationSettings() }
            }
        } header: {
            Text("Daily reminder")
        } footer: {
            Text("The reminder only says it's time to check in; it shows nothing from your journal.")
        }
    }

    // MARK: Actions

    /// Asks for notification permission before turning the reminder on;
    /// saving the setting schedules or cancels the notification
    /// (`ReminderDefaults`).
    private func setReminder(on: Bool) async {
        reminderMessage = nil
        if on {
            var permission = await Reminders.permission()
            if permission == .notAsked {
                permission = await Reminders.requestPermission() ? .allowed : .denied
            }
            guard permission == .allowed else {
                notificationsDenied = true
                reminderMessage = "Notifications are off for Tandem, so the reminder can't show. Turn them on in the phone's settings."
                return
            }
            notificationsDenied = false
        }
        state?.reminder = await model.settings.setReminderOn(on)
    }

    private func setReminderTime(_ date: Date) async {
        let parts = Calendar.current.dateComponents([.hour, .minute], from: date)
        guard let hour = parts.hour, let minute = parts.minute else { return }
        state?.reminder = await model.settings.setReminderTime(hour: hour, minute: minute)
    }

    private func setWeekStart(_ start: WeekStart) async {
        do {
            state = try await model.settings.setWeekStart(start)
            message = nil
            model.entriesChanged()
        } catch {
            message = Messages.message(for: error)
        }
    }

    private func removePassphrase() async {
        do {
            state = try await model.settings.removePassphrase()
            model.keysChanged()
            message = nil
        } catch {
            message = Messages.message(for: error)
        }
    }

    private func makeBackup() async {
        working = true
        defer { working = false }
        backupMessage = nil
        do {
            let folder = try JournalFiles.scratchFolder()
            let file = folder.appendingPathComponent("backup.tandembackup", isDirectory: false)
            defer { JournalFiles.discard(file) }
            try await model.store.backup(to: file.path)
            let data = try Data(contentsOf: file)
            let today = try await model.store.today()
            backupName = BackupDocument.defaultName(today: today)
            backup = BackupDocument(data: data)
            exporting = true
        } catch {
            backupMessage = error is JournalError
                ? Messages.message(for: error)
                : "The backup couldn't be made. Check there's space on the phone and try again."
        }
    }

    private func openNotificationSettings() {
        guard let url = URL(string: UIApplication.openNotificationSettingsURLString) else { return }
        UIApplication.shared.open(url)
    }

    /// Today at `hour`:`minute`, for the time picker. Nonisolated: a
    /// `Binding`'s getter is a `@Sendable` closure off the main actor.
    nonisolated private static func time(hour: Int, minute: Int) -> Date {
        Calendar.current.date(bySettingHour: hour, minute: minute, second: 0, of: Date()) ?? Date()
    }
}

/// Sets or changes the passphrase, typed twice.
struct PassphraseSheet: View {
    enum Mode: String, Identifiable {
        case set, change
        var id: String { rawValue }
    }

    let mode: Mode
    let done: (SettingsState) -> Void

    @Environment(AppModel.self) private var model
    @Environment(\.dismiss) private var dismiss
    @State private var passphrase = ""
    @State private var again = ""
    @State private var message: String?
    @State private var working = false

    var body: some View {
        NavigationStack {
            Form {
                SwiftUI.Section {
                    SecureField("New passphrase", text: $passphrase)
                    SecureField("New passphrase again", text: $again)
                } footer: {
                    Text("\(FirstRun.passphraseHint). The passphrase opens the journal and its backups. Type it twice.")
                }
                ErrorLine(message: message)
            }
            .navigationTitle(mode == .set ? "Set a passphrase" : "Change the passphrase")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("Cancel") { dismiss() }
                }
                ToolbarItem(placement: .confirmationAction) {
                    Button("Save") { Task { await save() } }
                        .disabled(passphrase.isEmpty || again.isEmpty || working)
                }
            }
        }
        .interactiveDismissDisabled(working)
    }

    private func save() async {
        working = true
        defer { working = false }
        do {
            let state = try await model.settings.setPassphrase(passphrase, repeated: again)
            passphrase = ""
            again = ""
            done(state)
            dismiss()
        } catch {
            message = Messages.message(for: error)
        }
    }
}
