import Foundation

/// Where the journal and the app's short-lived files live on disk.
///
/// The journal sits in its own folder under Application Support, and that
/// folder and the file are excluded from iCloud and computer backups: the
/// journal is restored only from a Tandem backup the person made, which opens
/// only with their passphrase or recovery code. Excluding the folder covers
/// SQLite's side files and a file renamed into place by a restore.
enum JournalFiles {
    static let fileName = "journal.tandem"

    /// Application Support/Journal, created and excluded from backup.
    static func directory() throws -> URL {
        let fileManager = FileManager.default
        let support = try fileManager.url(
            for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
        let folder = support.appendingPathComponent("Journal", isDirectory: true)
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        try excludeFromBackup(folder)
        return folder
    }

    /// The journal file's URL (it may not exist yet).
    static func journal() throws -> URL {
        try directory().appendingPathComponent(fileName, isDirectory: false)
    }

    /// Marks the journal file itself too, once it exists (after create and
    /// restore). Harmless when it does not.
    static func protectJournal() {
        guard let url = try? journal(), FileManager.default.fileExists(atPath: url.path) else { return }
        try? excludeFromBackup(url)
    }

    /// Sets `isExcludedFromBackup` on `url`.
    static func excludeFromBackup(_ url: URL) throws {
        var target = url
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try target.setResourceValues(values)
    }

    /// A fresh folder in tmp/ for one export or import (backups, PDFs);
    /// `tmp` is never backed up and the app empties it at launch.
    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("Tandem", isDirectory: true)
            .appendingPathComponent(UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Removes everything `scratchFolder()` made (at launch, after a crash
    /// mid-share, and when the journal locks).
    static func clearScratch() {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("Tandem", isDirectory: true)
        try? FileManager.default.removeItem(at: root)
    }

    /// Removes one scratch item and its folder.
    static func discard(_ url: URL) {
        try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
    }
}
