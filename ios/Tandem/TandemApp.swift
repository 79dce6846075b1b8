import SwiftUI
import TandemKit

/// Tandem: a private, offline journal for couples caught in the
/// pursue–withdraw cycle. This target is the platform layer; the model is
/// TandemKit and every rule, number and label is the core's.
@main
struct TandemApp: App {
    @State private var model = AppModel()

    var body: some Scene {
        WindowGroup {
            RootView()
                .environment(model)
                .task { await model.start() }
        }
    }
}

/// Switches between launch, create, unlock and the journal, forwards the
/// scene's phase to the lock timer and the privacy cover, and hosts the
/// restore sheet (over any screen: it starts from the welcome step or from
/// Settings, and a restore swaps the journal under both).
struct RootView: View {
    @Environment(AppModel.self) private var model
    @Environment(\.scenePhase) private var scenePhase

    var body: some View {
        @Bindable var model = model
        content
            .onChange(of: scenePhase, initial: true) { _, phase in
                model.scenePhaseChanged(to: phase)
            }
            .sheet(item: $model.restoreRequest, onDismiss: { model.cancelRestore() }) { request in
                RestoreSheet(request: request)
                    .environment(model)
            }
    }

    @ViewBuilder
    private var content: some View {
        switch model.screen {
        case .starting:
            ProgressView()
                .accessibilityLabel("Opening Tandem")
        case .unavailable(let message):
            ContentUnavailableView {
                Label("Tandem can't start", systemImage: "externaldrive.badge.exclamationmark")
            } description: {
                Text(message)
            }
        case .firstRun:
            FirstRunView()
        case .locked(let methods, let message):
            UnlockView(methods: methods, fileMessage: message)
        case .journal:
            JournalTabs()
        }
    }
}

/// The open journal's tabs.
struct JournalTabs: View {
    @Environment(AppModel.self) private var model

    var body: some View {
        @Bindable var model = model
        TabView(selection: $model.tab) {
            NavigationStack {
                CheckInView(day: nil)
            }
            .tabItem { Label("Today", systemImage: "square.and.pencil") }
            .tag(AppModel.Tab.today)

            NavigationStack {
                WeekScreen()
            }
            .tabItem { Label("Week", systemImage: "chart.bar.xaxis") }
            .tag(AppModel.Tab.week)

            NavigationStack {
                HistoryView()
            }
            .tabItem { Label("History", systemImage: "calendar") }
            .tag(AppModel.Tab.history)

            NavigationStack {
                SummaryView()
            }
            .tabItem { Label("Share", systemImage: "square.and.arrow.up") }
            .tag(AppModel.Tab.summary)

            NavigationStack {
                SettingsView()
            }
            .tabItem { Label("Settings", systemImage: "gearshape") }
            .tag(AppModel.Tab.settings)
        }
    }
}

/// Pages a screen can push: a day's check-in or a week's reflection.
enum Route: Hashable {
    case checkIn(NaiveDate)
    case reflection(NaiveDate)
}

extension View {
    /// Where `Route` values lead, for every stack that pushes them.
    func journalRoutes() -> some View {
        navigationDestination(for: Route.self) { route in
            switch route {
            case .checkIn(let day):
                CheckInView(day: day)
            case .reflection(let day):
                ReflectionView(day: day)
            }
        }
    }
}
