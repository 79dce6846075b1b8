import SwiftUI
import TandemKit

/// Today's check-in, or any day's when opened from the history. The form is
/// TandemKit's `CheckInDraft` over the core's `choices()`; the core
/// validates on save, and a refused save keeps the draft with its sentence.
struct CheckInView: View {
    /// The day to edit; nil for today (by the journal's clock).
    let day: NaiveDate?

    @Environment(AppModel.self) private var model
    @State private var draft: CheckInDraft?
    /// The draft as last loaded or saved, to tell unsaved edits apart.
    @State private var loaded: CheckInDraft?
    @State private var savedBefore = false
    @State private var loadMessage: String?
    @State private var message: String?
    @State private var savedNote: String?
    @State private var saving = false
    @State private var confirmingDelete = false
    @Environment(\.dismiss) private var dismiss

    var body: some View {
        Group {
            if let draft = Binding($draft) {
                CheckInFields(
                    draft: draft,
                    form: model.checkInForm,
                    savedBefore: savedBefore,
                    saving: saving,
                    message: message,
                    savedNote: savedNote,
                    save: save,
                    delete: { confirmingDelete = true })
            } else if let loadMessage {
                LoadFailedView(title: "Couldn't open the check-in", message: loadMessage, retry: load)
            } else {
                ProgressView()
            }
        }
        .navigationTitle(title)
        // Loads again after a save elsewhere (the same day edited from the
        // history) and when the day turns, unless there are unsaved edits.
        .task(id: model.changes) { await reloadIfUnchanged() }
        // The system may post the day change on any thread; the view's
        // closure runs on the main actor.
        .onReceive(NotificationCenter.default.publisher(for: .NSCalendarDayChanged).receive(on: DispatchQueue.main)) { _ in
            Task { await reloadIfUnchanged() }
        }
        .confirmationDialog(
            "Delete this check-in?", isPresented: $confirmingDelete, titleVisibility: .visible
        ) {
            Button("Delete", role: .destructive) { Task { await deleteCheckIn() } }
        } message: {
            Text("The check-in for this day will be removed from the journal.")
        }
    }

    private var title: String {
        guard let date = draft?.date else { return day == nil ? "Today" : "Check-in" }
        return day == nil ? "Today, \(DateLabels.weekday(date))" : DateLabels.weekday(date)
    }

    private func reloadIfUnchanged() async {
        guard draft == nil || draft == loaded, !saving else { return }
        await load()
    }

    private func load() async {
        loadMessage = nil
        do {
            let date: NaiveDate
            if let day {
                date = day
            } else {
                date = try await model.store.today()
            }
            let loaded = try await model.store.loadCheckIn(day: date)
            savedBefore = try await model.store.checkin(day: date) != nil
            draft = loaded
            self.loaded = loaded
        } catch {
            loadMessage = Messages.message(for: error)
        }
    }

    private func save() {
        guard let current = draft, !saving else { return }
        saving = true
        savedNote = nil
        Task {
            defer { saving = false }
            do {
                try await model.store.save(current)
                loaded = current
                message = nil
                savedBefore = true
                savedNote = "Saved."
                AccessibilityNotification.Announcement("Check-in saved").post()
                model.entriesChanged()
            } catch {
                message = Messages.message(for: error)
            }
        }
    }

    private func deleteCheckIn() async {
        guard let date = draft?.date else { return }
        do {
            try await model.store.deleteCheckIn(day: date)
            model.entriesChanged()
            if day == nil {
                draft = CheckInDraft(date: date)
                loaded = draft
                savedBefore = false
                savedNote = nil
                message = nil
            } else {
                dismiss()
            }
        } catch {
            message = Messages.message(for: error)
        }
    }
}

/// The check-in form itself.
private struct CheckInFields: View {
    @Binding var draft: CheckInDraft
    let form: CheckInForm
    let savedBefore: Bool
    let saving: Bool
    let message: String?
    let savedNote: String?
    let save: () -> Void
    let delete: () -> Void

    var body: some View {
        Form {
            SwiftUI.Section {
                ScalePicker(
                    title: Questions.text(.mood), range: CheckInForm.moods,
                    lowWord: Questions.lowWord(.mood), highWord: Questions.highWord(.mood),
                    value: $draft.mood, clearable: false)
            } header: {
                Text(Questions.text(.mood))
            } footer: {
                Text(Questions.hint(.mood))
            }

            SwiftUI.Section {
                ForEach(form.moves, id: \.value) { choice in
                    ChoiceRow(label: choice.label, isOn: draft.myMove == choice.value) {
                        draft.myMove = choice.value
                    }
                }
            } header: {
                Text(Questions.text(.myMove))
            }

            SwiftUI.Section {
                ForEach(form.partnerMoves, id: \.value) { choice in
                    ChoiceRow(label: choice.label, isOn: draft.partnerMove == choice.value) {
                        draft.partnerMove = choice.value
                    }
                }
            } header: {
                Text(Questions.text(.partnerMove))
            }

            ForEach(form.behaviours) { group in
                SwiftUI.Section {
                    ForEach(group.items, id: \.value) { choice in
                        TickRow(label: choice.label, isOn: draft.behaviours.contains(choice.value)) {
                            draft.toggle(choice.value)
                        }
                    }
                } header: {
                    Text("\(Questions.text(.behaviours)): \(SideTitle.of(group.side))")
                }
            }

            ForEach(form.feelings) { group in
                SwiftUI.Section {
                    ForEach(group.items, id: \.value) { choice in
                        TickRow(label: choice.label, isOn: draft.feelings.contains(choice.value)) {
                            draft.toggle(choice.value)
                        }
                    }
                } header: {
                    Text("\(Questions.text(.feelings)): \(SideTitle.of(group.side))")
                }
            }

            SwiftUI.Section {
                ScalePicker(
                    title: Questions.text(.intensity), range: CheckInForm.intensities,
                    lowWord: Questions.lowWord(.intensity), highWord: Questions.highWord(.intensity),
                    value: $draft.intensity)
            } header: {
                Text(Questions.text(.intensity))
            } footer: {
                Text("\(Questions.hint(.intensity)) Tap again to clear.")
            }

            SwiftUI.Section {
                ForEach(form.skills, id: \.value) { choice in
                    TickRow(label: choice.label, isOn: draft.skills.contains(choice.value)) {
                        draft.toggle(choice.value)
                    }
                }
            } header: {
                Text(Questions.text(.skills))
            }

            SwiftUI.Section {
                ForEach(form.repairs, id: \.value) { choice in
                    ChoiceRow(label: choice.label, isOn: draft.repair == choice.value) {
                        draft.repair = draft.repair == choice.value ? nil : choice.value
                    }
                }
            } header: {
                Text(Questions.text(.repair))
            } footer: {
                Text("Tap again to clear.")
            }

            SwiftUI.Section {
                Text(Questions.text(.closeness))
                ScalePicker(
                    title: Questions.text(.closeness), range: CheckInForm.closenessRatings,
                    lowWord: Questions.lowWord(.closeness), highWord: Questions.highWord(.closeness),
                    value: $draft.closenessRating)
                ForEach(form.closenessWords, id: \.value) { choice in
                    TickRow(label: choice.label, isOn: draft.closenessWords.contains(choice.value)) {
                        draft.toggle(choice.value)
                    }
                }
            } header: {
                Text("Closeness")
            } footer: {
                Text("\(Questions.hint(.closeness)) Private: left out of summaries unless you include it.")
            }

            SwiftUI.Section {
                WordsField(prompt: "A note in your own words", text: $draft.note)
            } header: {
                Text(Questions.text(.note))
            } footer: {
                Text("Private: left out of summaries unless you include it.")
            }

            SaveSection(
                entry: "check-in",
                notReady: draft.canSave ? nil : ModelText.checkInIncomplete,
                savedBefore: savedBefore,
                saving: saving,
                message: message,
                savedNote: savedNote,
                save: save,
                delete: delete)
        }
        .scrollDismissesKeyboard(.interactively)
    }
}
