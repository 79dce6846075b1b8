import SwiftUI
import TandemKit

/// Opens a picked backup with its passphrase or recovery code and restores
/// it onto this phone. Shown from the root. A refusal (a wrong passphrase or
/// code, a file that is not a backup) leaves the journal on this phone as it
/// was, and the sheet up with the sentence, for another try.
struct RestoreSheet: View {
    let request: AppModel.RestoreRequest

    @Environment(AppModel.self) private var model
    @State private var method: Method = .passphrase
    @State private var secret = ""
    @State private var message: String?

    private enum Method: Hashable {
        case passphrase, recoveryCode
    }

    var body: some View {
        NavigationStack {
            Form {
                SwiftUI.Section {
                    if request.replacing {
                        Text("This replaces the journal on this phone.")
                    }
                    Picker("Open it with", selection: $method) {
                        Text("Passphrase").tag(Method.passphrase)
                        Text("Recovery code").tag(Method.recoveryCode)
                    }
                    .pickerStyle(.segmented)
                    switch method {
                    case .passphrase:
                        SecureField("The backup's passphrase", text: $secret)
                    case .recoveryCode:
                        TextField("Recovery code", text: $secret, axis: .vertical)
                            .font(.body.monospaced())
                            .privacySensitive()
                            .textInputAutocapitalization(.characters)
                            .autocorrectionDisabled()
                            .keyboardType(.asciiCapable)
                    }
                } footer: {
                    Text(method == .passphrase
                         ? "Type the passphrase the journal had when the backup was made."
                         : "Type your recovery code. Spaces and dashes don't matter.")
                }
                ErrorLine(message: message)
                SwiftUI.Section {
                    Button {
                        Task { await restore() }
                    } label: {
                        HStack {
                            if model.busy { ProgressView() }
                            Text(request.replacing ? "Replace and restore" : "Restore")
                                .bold()
                        }
                        .frame(maxWidth: .infinity)
                    }
                    .disabled(secret.isEmpty || model.busy)
                }
            }
            .navigationTitle("Restore a backup")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("Cancel") { model.cancelRestore() }
                        .disabled(model.busy)
                }
            }
            .onChange(of: method) { _, _ in
                secret = ""
                message = nil
            }
        }
        .interactiveDismissDisabled(model.busy)
    }

    private func restore() async {
        let unlock: Unlock = method == .passphrase
            ? .passphrase(passphrase: secret)
            : .recoveryCode(code: secret)
        message = await model.restore(request, unlock: unlock)
        if message == nil {
            secret = ""
        }
    }
}
