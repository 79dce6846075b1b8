import Foundation
import TandemCore

/// The steps of the first run, in order (the Kotlin model's name for `FirstRun.Step`).
public typealias FirstRunStep = FirstRun.Step

/// The create flow: welcome, an optional passphrase typed twice, the recovery code shown once, its end typed back.
///
/// Pure state, moved along on the main actor; the text fields bind to
/// `passphrase`, `passphraseAgain` and `typedCode`. `create()` checks the two
/// typings and says what to create the journal with; the app hands that to
/// `JournalStore.create`, then the code to `created(recoveryCode:)` or the
/// error to `failed(_:)`. The minimum length is the core's: `create` refuses
/// a short passphrase with its own reason. Steps out of order do nothing.
public struct FirstRun: Sendable, Equatable {
    /// The steps of the flow, in order.
    public enum Step: Sendable, Equatable {
        /// What Tandem is and that everything stays on the phone.
        case welcome
        /// An optional passphrase, typed twice.
        case passphrase
        /// The recovery code, shown once.
        case showCode
        /// The user types the last two groups of the code back.
        case confirmCode
        /// The journal is made and the code confirmed.
        case done
    }

    /// What to create the journal with, once the passphrase step is through.
    public struct Creation: Sendable, Equatable {
        /// The passphrase, or nil for none (the device key alone opens the journal day to day).
        public let passphrase: String?
    }

    /// Groups of the recovery code the user types back.
    public static let groupsToConfirm = 2

    /// The fewest characters a passphrase may have: the core's rule, for the hint beside a new passphrase's field.
    public static var minPassphraseChars: Int {
        Int(TandemCore.minPassphraseChars())
    }

    /// The hint beside a new passphrase's field (first run and settings): "At least 6 characters".
    public static var passphraseHint: String {
        "At least \(minPassphraseChars) characters"
    }

    /// Where the flow is.
    public private(set) var step: Step = .welcome
    /// The passphrase as typed; empty for none. Cleared once the journal is made.
    public var passphrase = ""
    /// The passphrase typed again.
    public var passphraseAgain = ""
    /// The groups of the code typed back on the confirm step.
    public var typedCode = ""
    /// The recovery code as the core groups it, held only while it is shown and confirmed.
    public private(set) var recoveryCode: String?
    /// The sentence of the last refusal, if any.
    public private(set) var message: String?

    /// A flow at its welcome step.
    public init() {}

    /// The recovery code's groups, for showing one per cell; empty when there is no code.
    public var codeGroups: [String] {
        recoveryCode?.split(separator: "-").map(String.init) ?? []
    }

    /// Leaves the welcome for the passphrase step.
    public mutating func start() {
        guard step == .welcome else { return }
        self = FirstRun()
        step = .passphrase
    }

    /// What to create the journal with from the typed `passphrase` and `passphraseAgain` (see `create(passphrase:repeated:)`).
    public mutating func create() -> Creation? {
        create(passphrase: passphrase, repeated: passphraseAgain)
    }

    /// What to create the journal with when `passphrase` equals `repeated` (empty for none); nil, with a message, when they differ or the step is wrong.
    public mutating func create(passphrase: String, repeated: String) -> Creation? {
        guard step == .passphrase else { return nil }
        guard passphrase == repeated else {
            message = ModelText.passphrasesDiffer
            return nil
        }
        message = nil
        return Creation(passphrase: passphrase.isEmpty ? nil : passphrase)
    }

    /// What to create the journal with when the user skips the passphrase.
    public mutating func skipPassphrase() -> Creation? {
        create(passphrase: "", repeated: "")
    }

    /// The journal was made: shows the recovery code.
    public mutating func created(recoveryCode code: String) {
        guard step == .passphrase else { return }
        self = FirstRun()
        step = .showCode
        recoveryCode = code
    }

    /// Creating the journal failed: the step and the typed passphrases stay, with the error's sentence.
    public mutating func failed(_ error: any Error) {
        message = Messages.message(for: error)
    }

    /// The user says the code is written down: ask for its end.
    public mutating func codeWrittenDown() {
        guard step == .showCode else { return }
        step = .confirmCode
        typedCode = ""
        message = nil
    }

    /// Back from the confirmation to the code, to read it again.
    public mutating func showCodeAgain() {
        guard step == .confirmCode else { return }
        step = .showCode
        message = nil
    }

    /// Checks `typedCode` (see `confirm(_:)`).
    @discardableResult
    public mutating func confirm() -> Bool {
        confirm(typedCode)
    }

    /// Checks `typed` against the code's last two groups, ignoring case, spaces and dashes; on a match the flow is done and the code dropped.
    @discardableResult
    public mutating func confirm(_ typed: String) -> Bool {
        guard step == .confirmCode else { return false }
        let expected = Self.normalised(codeGroups.suffix(Self.groupsToConfirm).joined())
        guard !expected.isEmpty, Self.normalised(typed) == expected else {
            message = ModelText.codeDiffers
            return false
        }
        self = FirstRun()
        step = .done
        return true
    }

    /// Upper case without spaces or dashes, for comparing typed groups.
    static func normalised(_ text: String) -> String {
        text.uppercased().filter { !$0.isWhitespace && $0 != "-" }
    }
}
