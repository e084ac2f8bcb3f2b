/// What the server tells the client it does: its text synchronisation, and the files it asks to hear about.

/// `textDocumentSync`: open and close, incremental changes, saves.
struct TextDocumentSyncOptions: Encodable {
    let openClose = true
    let change = 2
    let save = true
}

/// A `client/registerCapability` registration.
struct Registration: Encodable {
    var id: String
    var method: String
    var registerOptions: WatchOptions

    struct WatchOptions: Encodable {
        var watchers: [Watcher]
    }

    struct Watcher: Encodable {
        var globPattern: String
    }
}
