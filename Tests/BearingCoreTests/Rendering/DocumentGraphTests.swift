import Foundation
import Testing
@testable import BearingCore

/// `bearing graph`: the model of documents and references, and its DOT, JSON and SVG forms.
@Suite struct DocumentGraphTests {
    static let files = [
        "goals/g-year.md": "---\ntitle: Grow the business\nstatus: active\n---\n",
        "goals/g-q1.md": "---\ntitle: Win ten new distributors this quarter\nstatus: active\nparent: g-year\n---\n",
        "goals/g-w05.md": "---\ntitle: Call every lead\nstatus: achieved\nparent: g-q1\n---\n",
        "briefs/onboarding.md": "---\ntitle: Onboarding concierge\nstatus: in-review\ngoals: [g-q1]\n---\nServes [[g-year]], see [the decision](../decisions/0001-use-x.md) and [[g-year]] again.\n",
        "decisions/0001-use-x.md": "---\ntitle: Use X\nstatus: superseded\ngoals: [g-q1]\nbriefs: [onboarding]\nsuperseded_by: 0002-use-y\n---\n",
        "decisions/0002-use-y.md": "---\ntitle: Use Y\nstatus: accepted\nsupersedes: 0001-use-x\n---\nSee [[0002-use-y]] (itself).\n",
        "notes/xss.md": "---\ntitle: \"<script>alert('x')</script> & \\\"quotes\\\" \\\\ back\\nslash\"\nstatus: published\n---\n[[g-year]] [[onboarding]]\n",
    ]

    static func graph() async -> DocumentGraph {
        let (kb, diagnostics) = await Fixtures.build(files)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return DocumentGraph(kb)
    }

    @Test func nodesAreDocumentsAndEdgesResolvedReferencesOnce() async {
        let graph = await Self.graph()
        #expect(graph.nodes.map(\.id) == ["0001-use-x", "0002-use-y", "g-q1", "g-w05", "g-year", "onboarding", "xss"])
        #expect(graph.nodes.map(\.type) == [.decision, .decision, .goal, .goal, .goal, .brief, .note])
        #expect(graph.nodes.first { $0.id == "g-w05" }?.finished == true)
        #expect(graph.nodes.first { $0.id == "xss" }?.title == "<script>alert('x')</script> & \"quotes\" \\ back\nslash")
        let edges = graph.edges.map { "\($0.from) -\($0.kind.rawValue)-> \($0.to)" }
        #expect(edges == [
            "0001-use-x -superseded_by-> 0002-use-y",
            "0001-use-x -goals-> g-q1",
            "0001-use-x -briefs-> onboarding",
            "0002-use-y -supersedes-> 0001-use-x",
            "g-q1 -parent-> g-year",
            "g-w05 -parent-> g-q1",
            "onboarding -mentions-> 0001-use-x",
            "onboarding -goals-> g-q1",
            "onboarding -mentions-> g-year",
            "xss -mentions-> g-year",
            "xss -mentions-> onboarding",
        ])
    }

    @Test func drawnEdgesKeepTheStrongestKindPerPair() async {
        let drawn = await Self.graph().drawnEdges.map { "\($0.from) -\($0.kind.rawValue)-> \($0.to)" }
        #expect(drawn == [
            "0001-use-x -goals-> g-q1",
            "0001-use-x -briefs-> onboarding",      // not also the brief's mention of the decision
            "0002-use-y -supersedes-> 0001-use-x",  // not also superseded_by back
            "g-q1 -parent-> g-year",
            "g-w05 -parent-> g-q1",
            "onboarding -goals-> g-q1",
            "onboarding -mentions-> g-year",
            "xss -mentions-> g-year",
            "xss -mentions-> onboarding",
        ])
    }

    @Test func goldenDOTJSONAndSVG() async throws {
        let graph = await Self.graph()
        Golden.assert(graph.dot(), matches: "graph/small.dot")
        Golden.assert(try graph.json(), matches: "graph/small.json")
        Golden.assert(DocumentGraphSVG.render(graph), matches: "graph/small.svg")
    }

    @Test(arguments: [
        ("plain", "\"plain\""),
        ("say \"hi\"", "\"say \\\"hi\\\"\""),
        ("back\\slash \\N \\l", "\"back\\\\slash \\\\N \\\\l\""),
        ("two\nlines\r\n", "\"two\\nlines\\n\""),
        ("tab\there", "\"tab here\""),
        ("<b>&</b> é", "\"<b>&</b> é\""),
    ])
    func dotStringsAreEscaped(text: String, quoted: String) {
        #expect(DocumentGraph.quoted(text) == quoted)
    }

    @Test func dotLabelsOfHostileTitlesStayInsideTheirStrings() async {
        let dot = await Self.graph().dot()
        let line = dot.split(separator: "\n").first { $0.hasPrefix("  \"xss\"") }.map(String.init) ?? ""
        #expect(line.contains("label=\"<script>alert('x')</script>\\n& \\\"quotes\\\" \\\\ back slash\""))
        #expect(line.hasSuffix("];"))
        #expect(dot.contains("rankdir=BT"))
        #expect(dot.contains("\"g-q1\" -> \"g-year\" [style=bold"))
        #expect(dot.contains("\"xss\" -> \"g-year\" [style=dotted, constraint=false"))
    }

    @Test func svgEscapesEveryTextAndIsWellFormedWithoutGraphviz() async {
        let svg = DocumentGraphSVG.render(await Self.graph())
        #expect(svg.range(of: "<script", options: .caseInsensitive) == nil)
        #expect(svg.contains("&lt;script&gt;alert(&#39;x&#39;)"))
        #expect(svg.contains("&amp; &quot;quotes&quot;"))
        // Drawn by our own code: well-formed XML, one box per document, nothing from Graphviz.
        #expect(XMLCheck.isWellFormed(svg))
        #expect(svg.components(separatedBy: "<g class=\"node ").count - 1 == 7)
        #expect(!svg.contains("Graphviz"))
        #expect(!svg.contains("href"))
    }

    @Test func rendersAreDeterministic() async throws {
        let graph = await Self.graph()
        let shuffled = DocumentGraph(title: graph.title, nodes: graph.nodes.reversed(), edges: graph.edges.reversed() + graph.edges)
        #expect(shuffled == graph)
        #expect(DocumentGraphSVG.render(graph) == DocumentGraphSVG.render(await Self.graph()))
        #expect(DocumentGraphSVG.render(shuffled) == DocumentGraphSVG.render(graph))
        #expect(shuffled.dot() == graph.dot())
        #expect(try shuffled.json() == graph.json())
    }

    @Test func layoutPutsTheCascadeInRowsAndBoxesNeverOverlap() async {
        let graph = await Self.graph()
        let layout = DocumentGraphLayout(graph, nodes: graph.nodes)
        let y = { (id: String) in layout.centers[id]!.y }
        #expect(y("g-year") < y("g-q1"))
        #expect(y("g-q1") < y("g-w05"))
        #expect(y("g-w05") < y("onboarding"))
        #expect(y("g-w05") < y("0001-use-x"))
        #expect(y("onboarding") < y("xss"))
        let boxes = Array(layout.centers.values)
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] {
                #expect(abs(a.x - b.x) >= DocumentGraphLayout.boxWidth || abs(a.y - b.y) >= DocumentGraphLayout.boxHeight)
            }
        }
    }

    @Test func largeGraphsDrawTheGoalsOnlyAndSaySo() {
        let goals = (0..<50).map { DocumentGraph.Node(id: "g\($0)", title: "Goal \($0)", type: .goal, status: "active") }
        let notes = (0..<400).map { DocumentGraph.Node(id: "n\($0)", title: "Note \($0)", type: .note, status: "draft") }
        let edges = (1..<50).map { DocumentGraph.Edge(from: "g\($0)", to: "g\(($0 - 1) / 3)", kind: .parent) }
            + (0..<400).map { DocumentGraph.Edge(from: "n\($0)", to: "g\($0 % 50)", kind: .mentions) }
        let svg = DocumentGraphSVG.render(DocumentGraph(nodes: goals + notes, edges: edges))
        #expect(svg.components(separatedBy: "<g class=\"node ").count - 1 == 50)
        #expect(svg.contains("50 of 450 documents, 49 references"))
        #expect(svg.contains("450 documents are too many to draw: only 50 goals are shown"))
        #expect(XMLCheck.isWellFormed(svg))
    }

    @Test(arguments: [
        ("Short", 10, 2, ["Short"]),
        ("Cut the monthly AWS bill by 25%", 12, 2, ["Cut the", "monthly AWS…"]),
        ("Ship offline-first delivery confirmation in the driver app", 24, 2, ["Ship offline-first", "delivery confirmation…"]),
        ("Supercalifragilistic", 8, 3, ["Supercal", "ifragili", "stic"]),
        ("Supercalifragilistic word", 8, 2, ["Supercal", "ifragil…"]),
        ("  spaces\nand\tbreaks  ", 40, 2, ["spaces and breaks"]),
    ])
    func titlesWrapAtSpacesAndEndWithAnEllipsis(text: String, width: Int, maxLines: Int, lines: [String]) {
        #expect(TextWrap.lines(text, width: width, maxLines: maxLines) == lines)
    }
}
