import SwiftUI
import TandemKit

/// The locked journal: Face ID / Touch ID first (prompted once when the
/// screen appears), the passphrase, and the recovery code as the last way in.
struct UnlockView: View {
    let methods: [UnlockMethod]
    /// Why the journal file could not be read, when that is the problem.
    let fileMessage: String?

    @Environment(AppModel.self) private var model
    @Environment(\.scenePhase) private var scenePhase
    @State private var passphrase = ""
    @State private var code = ""
    @State private var showCode = false
    @FocusState private var focus: Field?

    private enum Field { case passphrase, code }

    var body: some View {
        NavigationStack {
            ScrollView {
                VStack(alignment: .leading, spacing: 20) {
                    Label {
                        Text("Tandem is locked")
                            .font(.title2.bold())
                    } icon: {
                        Image(systemName: "lock.fill")
                            .foregroundStyle(.tint)
                    }
                    .accessibilityAddTraits(.isHeader)
                    Text("Your journal is encrypted on this phone.")
                        .foregroundStyle(.secondary)

                    if offersBiometrics {
                        Button {
                            Task { await model.unlockWithBiometrics() }
                        } label: {
                            Label("Unlock with \(model.biometry.name)", systemImage: model.biometry.symbol)
                                .frame(maxWidth: .infinity)
                        }
                        .buttonStyle(.borderedProminent)
                        .controlSize(.large)
                        .disabled(model.busy)
                    }

                    if methods.contains(.passphrase) {
                        Text(offersBiometrics ? "Or type your passphrase" : "Type your passphrase")
                            .font(.headline)
                        passphraseForm
                    }

                    if methods.contains(.recovery) {
                        DisclosureGroup("Or type your recovery code", isExpanded: $showCode) {
                            codeForm
                                .padding(.top, 8)
                        }
                    }

                    ErrorLine(message: model.unlockMessage ?? fileMessage)
                }
                .padding()
                .frame(maxWidth: 640, alignment: .leading)
                .frame(maxWidth: .infinity)
            }
            .navigationTitle("Tandem")
            .navigationBarTitleDisplayMode(.inline)
        }
        .task {
            await model.promptBiometricsOnce(sceneActive: scenePhase == .active)
        }
        .onChange(of: scenePhase) { _, phase in
            guard phase == .active else { return }
            Task { await model.promptBiometricsOnce(sceneActive: true) }
        }
        .onDisappear {
            passphrase = ""
            code = ""
        }
    }

    private var offersBiometrics: Bool {
        methods.contains(.device) && model.canUseBiometrics
    }

    @ViewBuilder
    private var passphraseForm: some View {
        SecureField("Passphrase", text: $passphrase)
            .focused($focus, equals: .passphrase)
            .submitLabel(.go)
            .onSubmit(unlockWithPassphrase)
            .textFieldStyle(.roundedBorder)
        Button(action: unlockWithPassphrase) {
            HStack {
                if model.busy { ProgressView() }
                Text("Unlock")
            }
            .frame(maxWidth: .infinity)
        }
        .buttonStyle(.bordered)
        .controlSize(.large)
        .disabled(passphrase.isEmpty || model.busy)
    }

    @ViewBuilder
    private var codeForm: some View {
        VStack(alignment: .leading, spacing: 12) {
            Text("The code you wrote down when you made the journal. Spaces and dashes don't matter.")
                .foregroundStyle(.secondary)
            TextField("Recovery code", text: $code, axis: .vertical)
                .font(.body.monospaced())
                .privacySensitive()
                .textInputAutocapitalization(.characters)
                .autocorrectionDisabled()
                .keyboardType(.asciiCapable)
                .focused($focus, equals: .code)
                .textFieldStyle(.roundedBorder)
            Button(action: unlockWithCode) {
                Text("Unlock")
                    .frame(maxWidth: .infinity)
            }
            .buttonStyle(.bordered)
            .controlSize(.large)
            .disabled(code.isEmpty || model.busy)
        }
    }

    private func unlockWithPassphrase() {
        guard !passphrase.isEmpty else { return }
        focus = nil
        let typed = passphrase
        Task {
            if await model.unlock(passphrase: typed) {
                passphrase = ""
            }
        }
    }

    private func unlockWithCode() {
        guard !code.isEmpty else { return }
        focus = nil
        let typed = code
        Task {
            if await model.unlock(recoveryCode: typed) {
                code = ""
            }
        }
    }
}
