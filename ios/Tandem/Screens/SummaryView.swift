import SwiftUI
import TandemKit
import WebKit

/// The summary to share with a therapist: a range of days and the sections
/// to include (TandemKit's `SummaryRequest`), a preview of the core's HTML,
/// and a PDF handed to the share sheet. Nothing leaves the phone except
/// through the share sheet, by the person's hand.
struct SummaryView: View {
    @Environment(AppModel.self) private var model
    @State private var request: SummaryRequest?
    @State private var today: NaiveDate?
    @State private var message: String?
    @State private var preview: Preview?
    @State private var shared: SharedFile?
    /// The PDF handed to the share sheet, removed once the sheet closes.
    @State private var pendingFile: URL?
    @State private var working = false

    /// The HTML the preview shows, with its range for the PDF's name.
    struct Preview: Hashable {
        let html: String
        let from: NaiveDate
        let to: NaiveDate
    }

    var body: some View {
        Group {
            if let request = Binding($request) {
                form(request)
            } else if let message {
                ContentUnavailableView {
                    Label("Couldn't prepare the summary", systemImage: "exclamationmark.triangle")
                } description: {
                    Text(message)
                }
            } else {
                ProgressView()
            }
        }
        .navigationTitle("Share a summary")
        .navigationDestination(item: $preview) { preview in
            SummaryPreviewScreen(preview: preview)
        }
        .sheet(item: $shared, onDismiss: discardShared) { file in
            ShareSheet(url: file.url) { shared = nil }
        }
        .task { if request == nil { await load() } }
    }

    private func load() async {
        do {
            today = try await model.store.today()
            request = try await model.store.summaryRequest()
            message = nil
        } catch {
            message = Messages.message(for: error)
        }
    }

    private func form(_ request: Binding<SummaryRequest>) -> some View {
        Form {
            SwiftUI.Section {
                Text("A summary for your therapist. Choose the days and what it includes; you'll see it before it leaves the phone.")
                    .foregroundStyle(.secondary)
            }

            SwiftUI.Section {
                DatePicker("From", selection: dayBinding(request, \.range.from), in: ...latest, displayedComponents: .date)
                DatePicker("To", selection: dayBinding(request, \.range.to), in: ...latest, displayedComponents: .date)
                if request.wrappedValue.range.from > request.wrappedValue.range.to {
                    ErrorLine(message: "The start of the range must come before its end.")
                }
            } header: {
                Text("Days")
            }

            SwiftUI.Section {
                ForEach(request.switches) { $item in
                    Toggle(isOn: $item.on) {
                        VStack(alignment: .leading, spacing: 2) {
                            Text(item.title)
                            if Self.privateSections.contains(item.section) {
                                Text("Your own words: off unless you choose it")
                                    .font(.caption)
                                    .foregroundStyle(.secondary)
                            }
                        }
                    }
                }
                if request.wrappedValue.sections.isEmpty {
                    ErrorLine(message: Messages.message(for: TandemKitError.noSection))
                }
            } header: {
                Text("What it includes")
            } footer: {
                Text("Notes and closeness stay out unless you switch them on.")
            }

            SwiftUI.Section {
                ErrorLine(message: message)
                Button {
                    Task { await makePreview(request.wrappedValue) }
                } label: {
                    Label("Preview", systemImage: "doc.text.magnifyingglass")
                }
                .disabled(!request.wrappedValue.canProduce || working)
                Button {
                    Task { await sharePDF(request.wrappedValue) }
                } label: {
                    HStack {
                        Label("Share as PDF", systemImage: "square.and.arrow.up")
                        if working { Spacer(); ProgressView() }
                    }
                }
                .disabled(!request.wrappedValue.canProduce || working)
            }
        }
    }

    /// The sections off unless chosen (the person's own words), from the core.
    private static let privateSections: Set<SectionSwitch.ID> = Set(
        summarySections().filter { !$0.defaultOn }.map(\.value))

    /// Today, or the far future until today is known (the core refuses days after tomorrow).
    private var latest: Date {
        today.flatMap(LocalDay.date) ?? .distantFuture
    }

    /// A `Date` binding over one end of the range. The key path is
    /// Sendable because the binding's closures are.
    private func dayBinding(
        _ request: Binding<SummaryRequest>, _ path: WritableKeyPath<SummaryRequest, NaiveDate> & Sendable
    ) -> Binding<Date> {
        Binding(
            get: { LocalDay.date(request.wrappedValue[keyPath: path]) ?? Date() },
            set: { request.wrappedValue[keyPath: path] = LocalDay.day($0) })
    }

    private func makePreview(_ request: SummaryRequest) async {
        working = true
        defer { working = false }
        do {
            let html = try await model.store.summaryHtml(request)
            message = nil
            preview = Preview(html: html, from: request.range.from, to: request.range.to)
        } catch {
            message = Messages.message(for: error)
        }
    }

    private func sharePDF(_ request: SummaryRequest) async {
        working = true
        defer { working = false }
        do {
            let html = try await model.store.summaryHtml(request)
            let url = try await SummaryPDF.file(html: html, from: request.range.from, to: request.range.to)
            message = nil
            pendingFile = url
            shared = SharedFile(url: url)
        } catch {
            message = Self.sentence(for: error)
        }
    }

    private func discardShared() {
        if let pendingFile { JournalFiles.discard(pendingFile) }
        pendingFile = nil
    }

    /// The core's sentence, or one for a PDF that could not be made.
    static func sentence(for error: Error) -> String {
        if error is JournalError || error is TandemKitError {
            return Messages.message(for: error)
        }
        return "The PDF couldn't be made. Check there's space on the phone and try again."
    }
}

/// A file the app made, handed to the share sheet and removed after.
struct SharedFile: Identifiable {
    let id = UUID()
    let url: URL
}

/// The summary as it will look, with the share button.
private struct SummaryPreviewScreen: View {
    let preview: SummaryView.Preview

    @State private var rules: WKContentRuleList?
    @State private var ready = false
    @State private var shared: SharedFile?
    @State private var pendingFile: URL?
    @State private var working = false
    @State private var message: String?

    var body: some View {
        VStack(spacing: 0) {
            if ready {
                SummaryPreview(html: preview.html, rules: rules)
            } else {
                ProgressView()
                    .frame(maxWidth: .infinity, maxHeight: .infinity)
            }
            if let message {
                ErrorLine(message: message)
                    .padding()
            }
        }
        .navigationTitle("Preview")
        .navigationBarTitleDisplayMode(.inline)
        .toolbar {
            ToolbarItem(placement: .primaryAction) {
                Button {
                    Task { await share() }
                } label: {
                    if working {
                        ProgressView()
                    } else {
                        Label("Share as PDF", systemImage: "square.and.arrow.up")
                    }
                }
                .disabled(working)
            }
        }
        .sheet(item: $shared, onDismiss: discardShared) { file in
            ShareSheet(url: file.url) { shared = nil }
        }
        .task {
            // The web view loads only once the block-everything rules are in.
            rules = await OfflineWeb.ruleList()
            ready = true
        }
    }

    private func discardShared() {
        if let pendingFile { JournalFiles.discard(pendingFile) }
        pendingFile = nil
    }

    private func share() async {
        working = true
        defer { working = false }
        do {
            let url = try await SummaryPDF.file(html: preview.html, from: preview.from, to: preview.to)
            message = nil
            pendingFile = url
            shared = SharedFile(url: url)
        } catch {
            message = SummaryView.sentence(for: error)
        }
    }
}
