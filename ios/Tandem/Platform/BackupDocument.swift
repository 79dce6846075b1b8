import SwiftUI
import UniformTypeIdentifiers

extension UTType {
    /// A Tandem backup: the encrypted snapshot `Journal.backup` writes. Declared
    /// in Info.plist (UTExportedTypeDeclarations) with the extension
    /// `tandembackup`.
    static let tandemBackup = UTType(exportedAs: "app.tandem.backup", conformingTo: .data)
}

/// A backup file handed to the Files app by `fileExporter`. The bytes are
/// already encrypted by the core; the document only carries them.
struct BackupDocument: FileDocument {
    static var readableContentTypes: [UTType] { [.tandemBackup, .data] }
    static var writableContentTypes: [UTType] { [.tandemBackup] }

    let data: Data

    init(data: Data) {
        self.data = data
    }

    init(configuration: ReadConfiguration) throws {
        guard let data = configuration.file.regularFileContents else {
            throw CocoaError(.fileReadCorruptFile)
        }
        self.data = data
    }

    func fileWrapper(configuration: WriteConfiguration) throws -> FileWrapper {
        FileWrapper(regularFileWithContents: data)
    }

    /// "Tandem backup 2026-11-24" (the exporter adds the extension).
    static func defaultName(today: String) -> String {
        "Tandem backup \(today)"
    }
}

/// Copies a file the person picked in the Files app into a scratch folder,
/// inside its security scope, so the core can read it by path.
enum PickedFile {
    static func copyIn(_ picked: URL) throws -> URL {
        let scoped = picked.startAccessingSecurityScopedResource()
        defer {
            if scoped { picked.stopAccessingSecurityScopedResource() }
        }
        let folder = try JournalFiles.scratchFolder()
        let copy = folder.appendingPathComponent("restore.tandembackup", isDirectory: false)
        var coordinationError: NSError?
        var copyError: Error?
        NSFileCoordinator().coordinate(readingItemAt: picked, options: [.withoutChanges], error: &coordinationError) { readable in
            do {
                try FileManager.default.copyItem(at: readable, to: copy)
            } catch {
                copyError = error
            }
        }
        if let failure = (coordinationError as Error?) ?? copyError {
            JournalFiles.discard(copy)
            throw failure
        }
        return copy
    }
}
