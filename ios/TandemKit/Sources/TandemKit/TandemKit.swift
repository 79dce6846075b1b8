// TandemKit: the iOS model layer over the generated TandemCore bindings.
// Every number, label and rule comes from the core; this layer maps core
// records to screen state, runs core calls off the main actor, and holds
// the sentences, timers and schedules the screens need (docs/shells.md).

// The app imports TandemKit alone and gets the core's records with it.
@_exported import TandemCore
