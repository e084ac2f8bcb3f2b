import BearingCore
import FuzzSupport

/// The query language (```` ```bearing ```` blocks): lexer and parser on any text; an error points
/// inside the text; a query that parses is evaluated on a small knowledge base and rendered.
@_cdecl("fuzz_query_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 { runFuzzer(argc, argv, fuzzQuery) }

private let fuzzQuery: FuzzTest = { data, size in
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    switch QueryParser.parse(String(decoding: input, as: UTF8.self)) {
    case .failure(let error):
        if let problem = DiagnosticPlacement.outside(line: error.line, column: error.column, in: input) {
            fatalError("query error '\(error.message)' outside the query: \(problem)")
        }
    case .success(let query):
        let result = evaluator.evaluate(query)
        let renderer = QueryResultRenderer { "\($0).html" }
        _ = renderer.markdown(result)
        _ = renderer.html(result)
    }
    return 0
}

/// The knowledge base queries run on, loaded once.
private let evaluator: QueryEvaluator = {
    let loaded = blocking {
        await KnowledgeBaseLoader.load(MemoryFiles(files: FuzzKnowledgeBase.companions), today: FuzzKnowledgeBase.today, analyse: true)
    }
    return QueryEvaluator(kb: loaded.knowledgeBase, analysis: loaded.analysis!)
}()
