import SwiftUI
import TandemKit
import UniformTypeIdentifiers

/// The create flow: welcome (or restore a backup), an optional passphrase
/// typed twice, the recovery code shown once, then its last groups typed
/// back. The flow's state is `AppModel.firstRun` (TandemKit's `FirstRun`).
struct FirstRunView: View {
    @Environment(AppModel.self) private var model

    var body: some View {
        NavigationStack {
            ScrollView {
                VStack(alignment: .leading, spacing: 20) {
                    switch model.firstRun.step {
                    case .welcome:
                        WelcomeStep()
                    case .passphrase:
                        PassphraseStep()
                    case .showCode:
                        ShowCodeStep()
                    case .confirmCode:
                        ConfirmCodeStep()
                    case .done:
                        ProgressView()
                    }
                }
                .padding()
                .frame(maxWidth: 640, alignment: .leading)
                .frame(maxWidth: .infinity)
            }
            .navigationTitle(title)
            .navigationBarTitleDisplayMode(.inline)
        }
    }

    private var title: String {
        switch model.firstRun.step {
        case .welcome: "Tandem"
        case .passphrase: "Choose a passphrase"
        case .showCode: "Your recovery code"
        case .confirmCode: "Check your code"
        case .done: "Tandem"
        }
    }
}

private struct WelcomeStep: View {
    @Environment(AppModel.self) private var model
    @State private var picking = false
    @State private var message: String?

    var body: some View {
        Text("Welcome to Tandem")
            .font(.largeTitle.bold())
            .accessibilityAddTraits(.isHeader)
        Text("A private journal for the two of you: a minute a day on how things went, a short look back each week, and charts of your pattern over time.")
        Text("For the pattern where one of you reaches for closeness and talk, the other pulls back to calm down, and each move feeds the other.")
            .foregroundStyle(.secondary)
        Label {
            Text("Everything stays on this phone, encrypted. Nothing is sent anywhere unless you share it yourself.")
        } icon: {
            Image(systemName: "lock.shield")
        }
        .foregroundStyle(.secondary)

        Button {
            model.firstRun.start()
        } label: {
            Text("Get started")
                .frame(maxWidth: .infinity)
        }
        .buttonStyle(.borderedProminent)
        .controlSize(.large)

        Button {
            picking = true
        } label: {
            Text("Restore from a backup")
                .frame(maxWidth: .infinity)
        }
        .buttonStyle(.bordered)
        .controlSize(.large)
        .fileImporter(isPresented: $picking, allowedContentTypes: [.tandemBackup, .data]) { result in
            switch result {
            case .success(let url):
                Task { message = await model.beginRestore(from: url, replacing: false) }
            case .failure:
                message = "The file couldn't be opened. Try again, or pick another file."
            }
        }
        ErrorLine(message: message)
    }
}

private struct PassphraseStep: View {
    @Environment(AppModel.self) private var model
    @FocusState private var focus: Field?

    private enum Field { case first, second }

    var body: some View {
        @Bindable var model = model
        if model.passphraseRequired {
            Text("A passphrase opens Tandem and your backups. Choose one you'll remember.")
        } else {
            Text("\(model.biometry.name) opens Tandem day to day. A passphrase is optional: it opens the journal if that stops working, and it opens your backups on a new phone.")
        }

        SecureField("Passphrase", text: $model.firstRun.passphrase)
            .focused($focus, equals: .first)
            .submitLabel(.next)
            .onSubmit { focus = .second }
            .textFieldStyle(.roundedBorder)
        SecureField("Passphrase again", text: $model.firstRun.passphraseAgain)
            .focused($focus, equals: .second)
            .submitLabel(.done)
            .onSubmit { create() }
            .textFieldStyle(.roundedBorder)
        // The core's minimum, so a short passphrase is no surprise.
        Text(FirstRun.passphraseHint)
            .font(.footnote)
            .foregroundStyle(.secondary)

        ErrorLine(message: model.firstRun.message ?? model.createMessage)

        Button(action: create) {
            HStack {
                if model.busy { ProgressView() }
                Text(model.firstRun.passphrase.isEmpty && !model.passphraseRequired
                     ? "Skip: use only \(model.biometry.name)"
                     : "Create my journal")
            }
            .frame(maxWidth: .infinity)
        }
        .buttonStyle(.borderedProminent)
        .controlSize(.large)
        .disabled(model.busy || (model.passphraseRequired && model.firstRun.passphrase.isEmpty))
    }

    private func create() {
        focus = nil
        Task { await model.createJournal() }
    }
}

private struct ShowCodeStep: View {
    @Environment(AppModel.self) private var model
    @ScaledMetric(relativeTo: .title3) private var cellWidth: CGFloat = 84

    var body: some View {
        Text("Write this code down and keep it somewhere safe, away from the phone. It opens your journal and its backups if you forget your passphrase or \(model.biometry == .unavailable ? "Face ID" : model.biometry.name) stops working.")
        Text("Tandem shows this code only once.")
            .bold()
        LazyVGrid(columns: [GridItem(.adaptive(minimum: cellWidth), spacing: 12)], alignment: .leading, spacing: 12) {
            ForEach(Array(model.firstRun.codeGroups.enumerated()), id: \.offset) { index, group in
                VStack(spacing: 2) {
                    Text("\(index + 1)")
                        .font(.caption2)
                        .foregroundStyle(.secondary)
                    Text(group)
                        .font(.title3.monospaced().weight(.semibold))
                }
                .padding(8)
                .frame(maxWidth: .infinity)
                .background(.background.secondary, in: RoundedRectangle(cornerRadius: 8))
                .accessibilityElement(children: .ignore)
                .accessibilityLabel("Group \(index + 1): \(spelled(group))")
            }
        }
        .privacySensitive()
        Text("Don't keep it in a photo or a note on this phone: anyone with the code can open the journal.")
            .foregroundStyle(.secondary)
        Button {
            model.firstRun.codeWrittenDown()
        } label: {
            Text("I've written it down")
                .frame(maxWidth: .infinity)
        }
        .buttonStyle(.borderedProminent)
        .controlSize(.large)
    }

    /// Characters one by one, so VoiceOver reads "A, 7, K, 2" rather than a word.
    private func spelled(_ group: String) -> String {
        group.map(String.init).joined(separator: ", ")
    }
}

private struct ConfirmCodeStep: View {
    @Environment(AppModel.self) private var model
    @FocusState private var focused: Bool

    var body: some View {
        @Bindable var model = model
        Text("Type the last two groups of your recovery code.")
        TextField("Last two groups", text: $model.firstRun.typedCode)
            .font(.title3.monospaced())
            .privacySensitive()
            .textInputAutocapitalization(.characters)
            .autocorrectionDisabled()
            .keyboardType(.asciiCapable)
            .focused($focused)
            .submitLabel(.done)
            .onSubmit { model.confirmRecoveryCode() }
            .textFieldStyle(.roundedBorder)
        ErrorLine(message: model.firstRun.message)
        Button {
            model.confirmRecoveryCode()
        } label: {
            Text("Confirm")
                .frame(maxWidth: .infinity)
        }
        .buttonStyle(.borderedProminent)
        .controlSize(.large)
        .disabled(model.firstRun.typedCode.isEmpty)
        Button("Show the code again") {
            model.firstRun.showCodeAgain()
        }
        .onAppear { focused = true }
    }
}
