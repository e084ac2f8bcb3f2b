import Testing
@testable import BearingCore

@Suite struct PeopleListTests {
    @Test(arguments: [
        ("Alice, Bob and Carol", ["Alice", "Bob", "Carol"]),
        ("\"@DavHau; @sternenseemann; @asymmetric\"", ["@DavHau", "@sternenseemann", "@asymmetric"]),
        ("@kevincox @7c6f434c @edolstra", ["@kevincox", "@7c6f434c", "@edolstra"]),
        ("Robin Gloster (@globin), Robin Gloster <mail@glob.in>", ["Robin Gloster (@globin)", "Robin Gloster"]),
        ("Bryan C. Mills (with substantial input from Russ Cox, Jay Conrod, and Michael Matloob)",
         ["Bryan C. Mills (with substantial input from Russ Cox, Jay Conrod, and Michael Matloob)"]),
        ("Michael Knyszek \\<mknyszek@google.com\\>", ["Michael Knyszek"]),
        ("Russ Cox &lt;rsc@golang.org&gt;", ["Russ Cox"]),
        ("@ryantm and others", ["@ryantm"]),
        ("Tigran Najaryan, Omnition Inc.", ["Tigran Najaryan"]),
        ("John Ericson (@Ericson2314) on behalf of [Obsidian Systems](https://obsidian.systems)", ["John Ericson (@Ericson2314)"]),
    ])
    func splitsAsWritten(text: String, people: [String]) {
        #expect(PeopleList.split(text) == people)
    }
}
