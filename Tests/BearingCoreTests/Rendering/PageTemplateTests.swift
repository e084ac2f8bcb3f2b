import Testing
@testable import BearingCore

/// The site's template renderer: the Mustache subset of docs/theming.md.
@Suite struct PageTemplateTests {
    static func render(_ template: String, _ context: [String: Any], partials: [String: String] = [:]) throws -> String {
        let compiled = try partials.mapValues { try PageTemplate($0) }
        return try PageTemplate(template).render(context, partials: compiled)
    }

    @Test func variablesAreEscapedUnlessTripleOrAmpersand() throws {
        let context: [String: Any] = ["x": "<a href=\"q\">'&'</a>", "n": 42, "d": 0.5, "yes": true]
        #expect(try Self.render("{{x}}", context) == "&lt;a href=&quot;q&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(try Self.render("{{{x}}}|{{& x}}", context) == "<a href=\"q\">'&'</a>|<a href=\"q\">'&'</a>")
        #expect(try Self.render("{{n}} {{d}} {{yes}} [{{missing}}]", context) == "42 0.5 true []")
    }

    @Test func namesAreLookedUpThroughTheStackAndDotted() throws {
        let context: [String: Any] = ["root": "../", "page": ["title": "T", "owner": ["name": "Ann"]], "items": [["href": "a.html"], ["href": "b.html", "root": "./"]]]
        #expect(try Self.render("{{page.title}} {{page.owner.name}} {{page.nothing.name}}", context) == "T Ann ")
        #expect(try Self.render("{{#items}}{{root}}{{href}};{{/items}}", context) == "../a.html;./b.html;")
        #expect(try Self.render("{{#page}}{{title}}{{/page}}", context) == "T")
    }

    @Test func sectionsFollowTheirValues() throws {
        let context: [String: Any] = ["on": true, "off": false, "empty": [Any](), "list": ["a", "b", "c"], "text": "hi", "zero": 0]
        #expect(try Self.render("{{#on}}1{{/on}}{{#off}}2{{/off}}{{#missing}}3{{/missing}}{{#empty}}4{{/empty}}", context) == "1")
        #expect(try Self.render("{{^on}}1{{/on}}{{^off}}2{{/off}}{{^missing}}3{{/missing}}{{^empty}}4{{/empty}}{{^list}}5{{/list}}", context) == "234")
        #expect(try Self.render("{{#list}}{{.}}{{^last()}}, {{/last()}}{{/list}}", context) == "a, b, c")
        #expect(try Self.render("{{#list}}{{#first()}}[{{/first()}}{{.}}{{/list}}]", context) == "[abc]")
        #expect(try Self.render("{{#text}}<{{.}}>{{/text}}{{#zero}}z{{.}}{{/zero}}", context) == "<hi>z0")
        #expect(try Self.render("{{count(list)}} {{#empty(empty)}}none{{/empty(empty)}} {{^empty(list)}}some{{/empty(list)}} {{#empty(missing)}}nothing{{/empty(missing)}}{{#empty( text )}}!{{/empty( text )}}", context)
            == "3 none some nothing")
    }

    @Test func standaloneTagLinesLeaveNoBlankLines() throws {
        let template = "{{% CONTENT_TYPE: HTML}}\n<ul>\n  {{#list}}\n  <li>{{.}}</li>\n  {{/list}}\n  {{! a comment }}\n</ul>\n{{> p}}\nend {{#list}}x{{/list}}\n"
        #expect(try Self.render(template, ["list": ["a", "b"]], partials: ["p": "partial\n"]) ==
            "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\npartial\nend xx\n")
        #expect(try Self.render("a {{#on}}\nb\n{{/on}} c", ["on": true]) == "a \nb\n c")
    }

    @Test func partialsRenderInTheCurrentContextAndCannotRecurseForever() throws {
        let tree: [String: Any] = ["name": "a", "children": [["name": "b", "children": [["name": "c", "children": [Any]()]]]]]
        #expect(try Self.render("{{> node}}", tree, partials: ["node": "({{name}}{{#children}}{{> node}}{{/children}})"]) == "(a(b(c)))")
        let looping = try Self.render("{{> self}}", [:], partials: ["self": "x{{> self}}"])
        #expect(looping == String(repeating: "x", count: 64))
        #expect(try Self.render("[{{> nowhere}}]", [:]) == "[]")
        // A partial including itself twice would take 2^64 steps; expansions are capped.
        let fanning = try Self.render("{{> p}}", [:], partials: ["p": "{{> p}}{{> p}}"])
        #expect(fanning.isEmpty)
    }

    @Test(arguments: [
        ("{{#a}}never closed", 1, "section 'a' is not closed"),
        ("line\n{{/a}}", 2, "'{{/a}}' closes no open section"),
        ("{{#a}}\n{{/b}}", 2, "'{{/b}}' found where '{{/a}}' was expected"),
        ("{{=<% %>=}}", 1, "set delimiters are not supported"),
        ("a {{ }} b", 1, "empty tag"),
        (String(repeating: "{{#a}}", count: 101), 1, "sections nest deeper than 100 levels"),
        ("x\ny\n{{unclosed", 3, "unclosed tag"),
        ("{{shout(x)}}", 1, "unknown transform in 'shout(x)'"),
    ])
    func malformedTemplatesSayWhereAndWhat(template: String, line: Int, message: String) {
        #expect(throws: PageTemplate.ParseError.self) { try PageTemplate(template) }
        do { _ = try PageTemplate(template) } catch let error as PageTemplate.ParseError {
            #expect(error.line == line)
            #expect(error.message == message)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func randomTemplatesNeverCrash() {
        var generator = SeededRandom(seed: 7)
        let pieces = ["{{", "}}", "{{{", "}}}", "#a", "^a", "/a", "> p", "!", "%", "&", ".", "a.b", "empty(a)", "last()", "\n", " ", "x", "{", "}", "(", ")"]
        let context: [String: Any] = ["a": [["b": "1"], ["b": "2"]], "p": true]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            if let template = try? PageTemplate(text) { _ = template.render(context, partials: ["p": template]) }
        }
    }
}
