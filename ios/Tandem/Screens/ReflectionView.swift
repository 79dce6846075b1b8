import SwiftUI
import TandemKit

/// The weekly reflection for the week holding `day`: who raised concerns,
/// who shut down, who felt chased, how safe hard talks felt, what happened
/// when one of you needed space, and anything else. TandemKit's
/// `ReflectionDraft`; the core validates on save.
struct ReflectionView: View {
    let day: NaiveDate

    @Environment(AppModel.self) private var model
    @Environment(\.dismiss) private var dismiss
    @State private var draft: ReflectionDraft?
    @State private var savedBefore = false
    @State private var loadMessage: String?
    @State private var message: String?
    @State private var savedNote: String?
    @State private var saving = false
    @State private var confirmingDelete = false
    @State private var weekTitle = ""

    var body: some View {
        Group {
            if let draft = Binding($draft) {
                ReflectionFields(
                    draft: draft,
                    whos: model.reflectionForm.whos,
                    savedBefore: savedBefore,
                    saving: saving,
                    message: message,
                    savedNote: savedNote,
                    save: save,
                    delete: { confirmingDelete = true })
            } else if let loadMessage {
                LoadFailedView(title: "Couldn't open the reflection", message: loadMessage, retry: load)
            } else {
                ProgressView()
            }
        }
        .navigationTitle(weekTitle.isEmpty ? "Weekly reflection" : "The week of \(weekTitle)")
        .navigationBarTitleDisplayMode(.inline)
        .task { if draft == nil { await load() } }
        .confirmationDialog(
            "Delete this reflection?", isPresented: $confirmingDelete, titleVisibility: .visible
        ) {
            Button("Delete", role: .destructive) { Task { await deleteReflection() } }
        } message: {
            Text("The reflection for this week will be removed from the journal.")
        }
    }

    private func load() async {
        loadMessage = nil
        do {
            let week = try await model.store.weekOf(day: day)
            weekTitle = DateLabels.range(week.from, week.to)
            savedBefore = try await model.store.reflection(day: day) != nil
            draft = try await model.store.loadReflection(day: day)
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
                message = nil
                savedBefore = true
                savedNote = "Saved."
                AccessibilityNotification.Announcement("Reflection saved").post()
                model.entriesChanged()
            } catch {
                message = Messages.message(for: error)
            }
        }
    }

    private func deleteReflection() async {
        do {
            try await model.store.deleteReflection(day: day)
            model.entriesChanged()
            dismiss()
        } catch {
            message = Messages.message(for: error)
        }
    }
}

private struct ReflectionFields: View {
    @Binding var draft: ReflectionDraft
    let whos: [WhoChoice]
    let savedBefore: Bool
    let saving: Bool
    let message: String?
    let savedNote: String?
    let save: () -> Void
    let delete: () -> Void

    var body: some View {
        Form {
            whoSection(Questions.text(.raisesConcerns), answer: $draft.raisesConcerns)
            whoSection(Questions.text(.shutsDown), answer: $draft.shutsDown)
            whoSection(Questions.text(.feltChased), answer: $draft.feltChased)

            SwiftUI.Section {
                ScalePicker(
                    title: Questions.text(.talkSafety), range: ReflectionForm.talkSafety,
                    lowWord: Questions.lowWord(.talkSafety), highWord: Questions.highWord(.talkSafety),
                    value: $draft.talkSafety)
            } header: {
                Text(Questions.text(.talkSafety))
            } footer: {
                Text("\(Questions.hint(.talkSafety)) Tap again to clear.")
            }

            SwiftUI.Section {
                WordsField(prompt: "Your answer", text: $draft.needingSpace)
            } header: {
                Text(Questions.text(.needingSpace))
            }

            SwiftUI.Section {
                WordsField(prompt: "Your answer", text: $draft.note)
            } header: {
                Text(Questions.text(.weekNote))
            } footer: {
                Text("Your own words stay out of summaries unless you include them.")
            }

            SaveSection(
                entry: "reflection",
                savedBefore: savedBefore,
                saving: saving,
                message: message,
                savedNote: savedNote,
                save: save,
                delete: delete)
        }
        .scrollDismissesKeyboard(.interactively)
    }

    private func whoSection(_ question: String, answer: Binding<Who?>) -> some View {
        SwiftUI.Section {
            ForEach(whos, id: \.value) { choice in
                ChoiceRow(label: choice.label, isOn: answer.wrappedValue == choice.value) {
                    answer.wrappedValue = answer.wrappedValue == choice.value ? nil : choice.value
                }
            }
        } header: {
            Text(question)
        }
    }
}
