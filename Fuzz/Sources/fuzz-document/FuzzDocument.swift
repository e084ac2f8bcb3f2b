import BearingCore
import FuzzSupport

/// One document through the whole pipeline: bytes → UTF-8 check → front matter split → YAML →
/// cmark-gfm → document readers (types, imports, queries) → model → validation → analysis →
/// diagnostics in every format → the document's own site page and the JSON export.
@_cdecl("fuzz_document_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 { runFuzzer(argc, argv, fuzzDocument) }

private let fuzzDocument: FuzzTest = { data, size in
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let (path, files) = FuzzKnowledgeBase.files(for: input) else { return -1 }
    let loaded = blocking {
        await KnowledgeBaseLoader.load(MemoryFiles(files: files), today: FuzzKnowledgeBase.today, markdown: .init(renderHTML: true), analyse: true)
    }
    LocationCheck.require(loaded.diagnostics, files: files)
    for format in DiagnosticFormat.allCases { _ = format.render(loaded.diagnostics) }
    let kb = loaded.knowledgeBase
    let diagnostics = loaded.diagnostics
    let analysis = loaded.analysis!
    _ = try? KnowledgeBaseExport.json(KnowledgeBaseExport.make(kb, diagnostics: diagnostics, today: FuzzKnowledgeBase.today))
    let page = SitePaths.page(forPath: path)
    _ = blocking {
        let builder = SiteBuilder(kb: kb, analysis: analysis, diagnostics: diagnostics, templates: .defaults, source: "/nonexistent")
        return try? await builder.pages().file(at: page)
    }
    return 0
}
