import Foundation
import LocalAuthentication
import Security

/// Which biometric sensor guards the device key, for labels and the prompt.
enum Biometry: Equatable, Sendable {
    case faceID
    case touchID
    case opticID
    /// None enrolled, none on the device, or biometrics are locked out.
    case unavailable

    /// What this device offers now. Never prompts.
    static func current() -> Biometry {
        let context = LAContext()
        var error: NSError?
        guard context.canEvaluatePolicy(.deviceOwnerAuthenticationWithBiometrics, error: &error) else {
            return .unavailable
        }
        switch context.biometryType {
        case .faceID: return .faceID
        case .touchID: return .touchID
        case .opticID: return .opticID
        case .none: return .unavailable
        @unknown default: return .unavailable
        }
    }

    /// The sensor's name as people know it ("Face ID").
    var name: String {
        switch self {
        case .faceID: "Face ID"
        case .touchID: "Touch ID"
        case .opticID: "Optic ID"
        case .unavailable: "Biometrics"
        }
    }

    /// An SF Symbol for buttons.
    var symbol: String {
        switch self {
        case .faceID: "faceid"
        case .touchID: "touchid"
        case .opticID: "opticid"
        case .unavailable: "lock"
        }
    }
}

/// Why the device key could not be stored or read. Never carries key bytes.
enum DeviceKeyError: Error, Equatable, Sendable {
    /// No Face ID or Touch ID is enrolled, so the key cannot be guarded by it.
    case biometryUnavailable
    /// The person dismissed the prompt.
    case cancelled
    /// No key is stored, or the enrolled faces or fingers changed since it was
    /// stored (`.biometryCurrentSet` invalidates it): the passphrase or the
    /// recovery code opens the journal, then a new key is stored.
    case missing
    /// Too many failed attempts; the system wants the device passcode first.
    case lockedOut
    /// Any other Keychain status.
    case keychain(OSStatus)

    /// One plain sentence for the unlock screen.
    var message: String {
        switch self {
        case .biometryUnavailable:
            "Face ID or Touch ID isn't set up on this phone. Use your passphrase or recovery code."
        case .cancelled:
            "Unlock with your passphrase or recovery code instead."
        case .missing:
            "This phone's unlock key is gone (Face ID or Touch ID changed). Use your passphrase or recovery code; the key is set up again after."
        case .lockedOut:
            "Biometric unlock is locked after too many tries. Unlock the phone with its passcode, or use your passphrase."
        case .keychain:
            "The unlock key couldn't be read. Use your passphrase or recovery code."
        }
    }
}

/// The journal's 32-byte device key in the Keychain: this device only, only
/// while it is unlocked, and only after Face ID / Touch ID with the faces or
/// fingers enrolled when it was stored. Reading it shows the system prompt,
/// so reads block: call the async wrappers, never the main thread directly.
struct DeviceKeychain: Sendable {
    static let keyLength = 32

    let service: String
    let account: String

    init(service: String = "app.tandem.ios.device-key", account: String = "journal") {
        self.service = service
        self.account = account
    }

    /// 32 bytes from the system's secure random generator.
    static func newKey() throws -> Data {
        var key = Data(count: keyLength)
        let status = key.withUnsafeMutableBytes { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return errSecAllocate }
            return SecRandomCopyBytes(kSecRandomDefault, keyLength, base)
        }
        guard status == errSecSuccess else { throw DeviceKeyError.keychain(status) }
        return key
    }

    /// Stores `key`, replacing any earlier one (a reinstall leaves old items
    /// behind). Adding does not prompt.
    func store(_ key: Data) throws {
        guard key.count == Self.keyLength else { throw DeviceKeyError.keychain(errSecParam) }
        guard Biometry.current() != .unavailable else { throw DeviceKeyError.biometryUnavailable }
        var cfError: Unmanaged<CFError>?
        guard let access = SecAccessControlCreateWithFlags(
            kCFAllocatorDefault,
            kSecAttrAccessibleWhenUnlockedThisDeviceOnly,
            .biometryCurrentSet,
            &cfError
        ) else {
            cfError?.release()
            throw DeviceKeyError.keychain(errSecParam)
        }
        delete()
        let attributes: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
            kSecAttrSynchronizable as String: kCFBooleanFalse as Any,
            kSecAttrAccessControl as String: access,
            kSecValueData as String: key,
        ]
        let status = SecItemAdd(attributes as CFDictionary, nil)
        guard status == errSecSuccess else { throw DeviceKeyError.keychain(status) }
    }

    /// Reads the key; shows the Face ID / Touch ID prompt with `reason`.
    /// Blocks until the person answers.
    func readBlocking(reason: String) throws -> Data {
        let context = LAContext()
        context.localizedReason = reason
        // The unlock screen offers the passphrase and the recovery code: the
        // prompt's cancel button leads back there, and there is no
        // device-passcode fallback (the passcode must not open the journal).
        context.localizedCancelTitle = "Not now"
        context.localizedFallbackTitle = ""
        var query = baseQuery
        query[kSecReturnData as String] = kCFBooleanTrue
        query[kSecMatchLimit as String] = kSecMatchLimitOne
        query[kSecUseAuthenticationContext as String] = context
        var result: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &result)
        switch status {
        case errSecSuccess:
            guard let data = result as? Data, data.count == Self.keyLength else {
                throw DeviceKeyError.missing
            }
            return data
        case errSecUserCanceled:
            throw DeviceKeyError.cancelled
        case errSecItemNotFound:
            throw DeviceKeyError.missing
        case errSecAuthFailed:
            throw DeviceKeyError.lockedOut
        default:
            throw DeviceKeyError.keychain(status)
        }
    }

    /// Reads the key off the main thread (the prompt blocks the caller).
    func read(reason: String) async throws -> Data {
        let keychain = self
        return try await Task.detached(priority: .userInitiated) {
            try keychain.readBlocking(reason: reason)
        }.value
    }

    /// Whether a key is stored, without prompting (an item that would need
    /// the prompt answers "interaction not allowed", which means it is there).
    func exists() -> Bool {
        let context = LAContext()
        context.interactionNotAllowed = true
        var query = baseQuery
        query[kSecUseAuthenticationContext as String] = context
        query[kSecMatchLimit as String] = kSecMatchLimitOne
        let status = SecItemCopyMatching(query as CFDictionary, nil)
        return status == errSecSuccess || status == errSecInteractionNotAllowed
    }

    /// Removes the key (a new journal, a restore, or before storing a new one).
    func delete() {
        _ = SecItemDelete(baseQuery as CFDictionary)
    }

    private var baseQuery: [String: Any] {
        [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
            kSecAttrSynchronizable as String: kCFBooleanFalse as Any,
        ]
    }
}
