import BearingCore
import Foundation

/// The language server: takes the client's messages in order, keeps the open files' texts, keeps
/// the knowledge base up to date through the engine (after a batch of edits, once), publishes
/// diagnostics when they change, and answers requests from a snapshot of the workspace. It reads
/// only the knowledge base and writes nothing: edits (a rename, a code action) go to the editor,
/// which applies them.
public final class LanguageServer: @unchecked Sendable {
    /// What the server is told at start: the folder given on the command line (else the client's
    /// workspace folder), the clock, whether to read git history.
    public struct Options: Sendable {
        public var folder: String?
        public var clock: Clock
        public var readsHistory: Bool
        public var version: String

        public init(folder: String?, clock: Clock, readsHistory: Bool, version: String) {
            self.folder = folder
            self.clock = clock
            self.readsHistory = readsHistory
            self.version = version
        }
    }

    private enum Phase { case starting, running, shuttingDown }

    private let options: Options
    private let send: @Sendable (OutgoingMessage) -> Void
    private var phase = Phase.starting
    private var encoding = PositionEncoding.utf16
    private var editSupport = WorkspaceEditSupport()
    private var workspace: Workspace?
    private var engine: KnowledgeBaseEngine?
    private var open = OpenDocuments()
    private var result: KnowledgeBaseLoader.Result?
    /// The analysis of `result`, made when a request first needs it.
    private var analysis: AlignmentAnalysis?
    /// Files changed (in a buffer or on disk) since the last update, and whether one is due.
    private var changed: Set<String> = []
    private var stale = false
    private var publisher = DiagnosticsPublisher()
    private let handlers: [String: RequestHandler]
    /// The client's process (from `initialize`), watched from another task so that the server
    /// does not outlive it: behind a lock.
    public var clientProcess: Int32? { processLock.withLock { process } }
    private var process: Int32?
    private let processLock = NSLock()
    /// Whether the client asked to shut down: the exit status is then 0.
    public private(set) var shutdownRequested = false
    private var nextRequestID = 1

    public init(options: Options, send: @escaping @Sendable (OutgoingMessage) -> Void) {
        self.options = options
        self.send = send
        handlers = Dictionary(RequestHandler.all.map { ($0.method, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Handles a batch of messages in order; false once the client said `exit`.
    public func handle(_ batch: [[UInt8]], morePending: Bool = false) async -> Bool {
        for message in batch {
            guard await handle(message) else { return false }
        }
        // Diagnostics once the burst is over: a later batch would replace them at once.
        if stale, !morePending { await refresh() }
        return true
    }

    /// Reports bytes the framer could not read as a message.
    public func malformed(_ reason: String) {
        send(.failure(id: nil, error: ResponseError(ResponseError.parseError, "could not read a message: \(reason)")))
    }

    private func handle(_ message: [UInt8]) async -> Bool {
        guard let envelope = try? JSONDecoder().decode(IncomingMessage<Ignored>.self, from: Data(message)) else {
            if (try? JSONSerialization.jsonObject(with: Data(message), options: [.fragmentsAllowed])) != nil {
                send(.failure(id: nil, error: ResponseError(ResponseError.invalidRequest, "a message that is not a JSON-RPC request, notification or response")))
            } else {
                send(.failure(id: nil, error: ResponseError(ResponseError.parseError, "a message that is not JSON")))
            }
            return true
        }
        guard let method = envelope.method else { return true }  // A response to one of our requests.
        if method == "exit" { return false }
        if let id = envelope.id {
            await request(method, id: id, message: message)
        } else {
            await notification(method, message: message)
        }
        return true
    }

    private func request(_ method: String, id: RequestID, message: [UInt8]) async {
        switch (phase, method) {
        case (.starting, "initialize"):
            guard let params = decode(InitializeParams.self, message) else {
                return send(.failure(id: id, error: .invalidParams(method)))
            }
            send(.response(id: id, result: initialize(params)))
        case (.starting, _):
            send(.failure(id: id, error: ResponseError(ResponseError.serverNotInitialized, "the client must send 'initialize' first")))
        case (_, "initialize"):
            send(.failure(id: id, error: ResponseError(ResponseError.invalidRequest, "'initialize' was already sent")))
        case (_, "shutdown"):
            phase = .shuttingDown
            shutdownRequested = true
            send(.response(id: id, result: JSONNull()))
        case (.shuttingDown, _):
            send(.failure(id: id, error: ResponseError(ResponseError.invalidRequest, "the server is shutting down")))
        case (.running, _):
            guard let handler = handlers[method] else {
                return send(.failure(id: id, error: ResponseError(ResponseError.methodNotFound, "'\(method)' is not a method this server answers")))
            }
            if stale || result == nil { await refresh() }
            if handler.usesAnalysis, analysis == nil, let engine, let result { analysis = await engine.analysis(of: result) }
            guard let snapshot else {
                return send(.failure(id: id, error: ResponseError(ResponseError.requestFailed, "the knowledge base could not be read")))
            }
            do {
                send(.response(id: id, result: try handler.answer(message, snapshot)))
            } catch {
                send(.failure(id: id, error: error))
            }
        }
    }

    private func notification(_ method: String, message: [UInt8]) async {
        guard phase == .running, let workspace else { return }
        switch method {
        case "initialized":
            registerFileWatching()
        case "textDocument/didOpen":
            guard let params = decode(DidOpenTextDocumentParams.self, message), let path = workspace.path(of: params.textDocument.uri) else { return }
            open.open(path, uri: params.textDocument.uri, version: params.textDocument.version, text: params.textDocument.text)
            edited(path)
        case "textDocument/didChange":
            guard let params = decode(DidChangeTextDocumentParams.self, message), let path = workspace.path(of: params.textDocument.uri) else { return }
            open.change(path, version: params.textDocument.version ?? 0, changes: params.contentChanges, encoding: encoding)
            edited(path)
        case "textDocument/didClose":
            guard let params = decode(DidCloseTextDocumentParams.self, message), let path = workspace.path(of: params.textDocument.uri) else { return }
            open.close(path)
            edited(path)
        case "textDocument/didSave":
            guard let params = decode(DidSaveTextDocumentParams.self, message), let path = workspace.path(of: params.textDocument.uri) else { return }
            edited(path)
        case "workspace/didChangeWatchedFiles":
            guard let params = decode(DidChangeWatchedFilesParams.self, message) else { return }
            for change in params.changes { if let path = workspace.path(of: change.uri) { edited(path) } }
        default:
            break  // $/cancelRequest, $/setTrace and the rest: nothing to do.
        }
    }

    private func initialize(_ params: InitializeParams) -> InitializeResult {
        encoding = params.positionEncoding
        editSupport = params.editSupport
        processLock.withLock { process = params.processId.flatMap { Int32(exactly: $0) } }
        let folder = options.folder ?? params.folder.map(Workspace.knowledgeBase(around:)) ?? FileManager.default.currentDirectoryPath
        let workspace = Workspace(root: folder)
        self.workspace = workspace
        engine = KnowledgeBaseEngine(root: workspace.root, clock: options.clock, git: options.readsHistory ? GitRunner() : nil,
                                     markdown: .init(renderHTML: false), analyses: false)
        watchesFiles = params.watchesFiles
        phase = .running
        stale = true
        var capabilities: [String: AnyEncodable] = [
            "positionEncoding": AnyEncodable(encoding.rawValue),
            // Incremental changes, with open and close; saves without their text.
            "textDocumentSync": AnyEncodable(TextDocumentSyncOptions()),
        ]
        for handler in RequestHandler.all { if let capability = handler.capability { capabilities[capability.key] = AnyEncodable(capability.value) } }
        return InitializeResult(capabilities: capabilities, serverInfo: .init(name: "bearing", version: options.version))
    }

    private var watchesFiles = false

    /// Asks the client to tell about files changed on disk (a `git pull`, another program's save).
    private func registerFileWatching() {
        guard watchesFiles else { return }
        let registration = ["registrations": [Registration(id: "bearing-files", method: "workspace/didChangeWatchedFiles",
                                                           registerOptions: .init(watchers: [.init(globPattern: "**/*")]))]]
        send(.request(id: .string("bearing-\(nextRequestID)"), method: "client/registerCapability", params: registration))
        nextRequestID += 1
    }

    private func edited(_ path: String) {
        changed.insert(path)
        stale = true
    }

    /// Brings the knowledge base up to date with the buffers and the files, then publishes the
    /// diagnostics that changed.
    private func refresh() async {
        guard let engine else { return }
        var timer = StageTimer()
        let edited = changed
        changed = []
        stale = false
        result = result == nil ? await engine.start(buffers: open.texts) : await engine.update(buffers: open.texts, changed: edited)
        analysis = nil
        timer.mark("lsp: engine")
        guard let snapshot else { return }
        for params in publisher.update(from: snapshot, edited: edited) {
            send(.notification(method: "textDocument/publishDiagnostics", params: params))
        }
        timer.mark("lsp: publish")
    }

    /// The workspace as of the last update.
    var snapshot: WorkspaceSnapshot? {
        guard let workspace, let result else { return nil }
        return WorkspaceSnapshot(workspace: workspace, result: result, open: open, encoding: encoding, today: options.clock.today(),
                                 analysis: analysis, editSupport: editSupport)
    }

    private func decode<Params: Decodable>(_ type: Params.Type, _ message: [UInt8]) -> Params? {
        (try? JSONDecoder().decode(IncomingMessage<Params>.self, from: Data(message)))?.params
    }
}
