import Foundation
import Testing

/// Issue 14: what a hostile knowledge base must not get published or printed. Each KB is made
/// in a temporary folder (file names with control characters do not belong in the repository).
@Suite struct PublishSafetyTests {
    static let goal = "---\ntitle: Grow\ntype: goal\nstatus: active\nhorizon: year\nperiod: \"2027\"\nupdated: 2027-02-01\n---\n\nBody.\n"

    /// `.shtml` and `.xhtm` run as pages on static hosts: not published, one warning each, and
    /// `--fail-on warnings` fails the build a pull request adding them would run.
    @Test func activeFilesAreNotPublishedAndWarned() throws {
        let kb = try TemporaryFolder.make(["goals/g.md": Self.goal, "evil.shtml": "<script>alert(1)</script>", "evil.xhtm": "<script>alert(1)</script>",
                                           "img/photo.PNG": "png", "img/logo.svg": "<svg onload=alert(1)/>", "data.csv": "a,b\n",
                                           "LICENSE": "MIT", "diagram.drawio": "<mxfile/>"])
        defer { TemporaryFolder.remove(kb) }
        let site = kb + "-site"
        defer { TemporaryFolder.remove(site) }
        let check = try CLITests.run(["check", kb, "--today", "2027-02-17"])
        for name in ["evil.shtml", "evil.xhtm", "img/logo.svg"] {
            #expect(check.stdout.contains("\(kb)/\(name):1:1: warning: not published: ") || check.stdout.contains("\(name):1:1: warning: not published: "),
                    "\(check.stdout)")
        }
        #expect(check.stdout.components(separatedBy: "[unpublished-file]").count == 4, "\(check.stdout)")
        let manager = FileManager.default
        let build = try CLITests.run(["build", kb, "-o", site, "--today", "2027-02-17", "--fail-on", "warnings"])
        #expect(build.status == 1, "\(build.stderr)")
        #expect(build.stderr.contains("[unpublished-file]"))
        // Types merely not on the list are no warning (most repositories have a LICENSE): a note of the build.
        #expect(!check.stdout.contains("LICENSE") && build.stderr.contains("note: not published, a type not on the allow-list (docs/security.md) or a page's path: LICENSE, diagram.drawio\n"),
                "\(build.stderr)")
        #expect(!manager.fileExists(atPath: site + "/LICENSE") && !manager.fileExists(atPath: site + "/diagram.drawio"))
        #expect(!manager.fileExists(atPath: site + "/evil.shtml") && !manager.fileExists(atPath: site + "/evil.xhtm") && !manager.fileExists(atPath: site + "/img/logo.svg"))
        #expect(manager.fileExists(atPath: site + "/img/photo.PNG") && manager.fileExists(atPath: site + "/data.csv"))
        // unsafe_html: true publishes them, and says nothing.
        try "unsafe_html: true\n".write(toFile: kb + "/bearing.yml", atomically: true, encoding: .utf8)
        let unsafe = try CLITests.run(["build", kb, "-o", site, "--today", "2027-02-17", "--fail-on", "warnings"])
        #expect(unsafe.status == 0, "\(unsafe.stderr)")
        #expect(manager.fileExists(atPath: site + "/evil.shtml") && manager.fileExists(atPath: site + "/evil.xhtm"))
    }

    /// `base_url: "javascript:alert(1)//"` is refused at its line, and no output links with it.
    @Test func javascriptBaseURLReachesNoLink() throws {
        let kb = try TemporaryFolder.make(["bearing.yml": "title: KB\nbase_url: \"javascript:alert(1)//\"\nrepository_url: \"JavaScript:alert(2)//\"\n",
                                           "goals/g.md": Self.goal])
        defer { TemporaryFolder.remove(kb) }
        let check = try CLITests.run(["check", kb, "--today", "2027-02-17"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("bearing.yml:2:11: error: "), "\(check.stdout)")
        #expect(check.stdout.contains("bearing.yml:3:17: error: "), "\(check.stdout)")
        let report = try CLITests.run(["report", kb, "--format", "html", "--today", "2027-02-17"])
        #expect(report.status == 0)
        #expect(!Self.hasScriptLink(report.stdout), "\(report.stdout)")
        let digest = try CLITests.run(["report", kb, "--format", "md", "--today", "2027-02-17"])
        #expect(!digest.stdout.contains("](javascript:"), "\(digest.stdout)")
        let site = kb + "-site"
        defer { TemporaryFolder.remove(site) }
        let build = try CLITests.run(["build", kb, "-o", site, "--today", "2027-02-17"])
        #expect(build.status == 0, "\(build.stderr)")
        let feed = (try? String(contentsOfFile: site + "/feed.xml", encoding: .utf8)) ?? ""
        #expect(feed.contains("<feed") && !feed.lowercased().contains("javascript:"), "\(feed)")
        #expect(!FileManager.default.fileExists(atPath: site + "/sitemap.xml"))
        for case let path as String in FileManager.default.enumerator(atPath: site) ?? .init() where path.hasSuffix(".html") {
            let page = (try? String(contentsOfFile: site + "/" + path, encoding: .utf8)) ?? ""
            #expect(!Self.hasScriptLink(page), "\(path)")
        }
    }

    /// An `href`, `src` or `action` whose value starts with a script scheme (spaces and case aside).
    static func hasScriptLink(_ html: String) -> Bool {
        let pattern = #"(href|src|action)\s*=\s*["']?\s*(javascript|vbscript|data):"#
        return html.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil
    }

    /// Escape sequences and line breaks in file names and field values reach the terminal as
    /// escapes: no forged line ("all checks passed"), no control sequence.
    @Test func controlCharactersAreEscapedInTerminalOutput() throws {
        // YAML's own escapes: \e is ESC.
        let forged = #"\e[2K\r0 errors, all checks passed\e[8m"#
        let kb = try TemporaryFolder.make([
            "goals/g\nall checks passed.md": Self.goal.replacingOccurrences(of: "horizon: year", with: "horizon: year\nparent: \"g-missing\(forged)\""),
            "briefs/b\u{1B}[31m.md": "---\ntitle: \"Brief\(forged)\"\ntype: brief\nstatus: \"draft\\nall checks passed\\u202E\"\n---\n",
            "evil\u{9B}31m.shtml": "x",
        ])
        defer { TemporaryFolder.remove(kb) }
        for format in ["text", "github", "json"] {
            let check = try CLITests.run(["check", kb, "--today", "2027-02-17", "--format", format])
            let output = check.stdout + check.stderr
            #expect(!output.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" },
                    "\(format): \(output.debugDescription)")
            if format == "text" {
                // Every line is a diagnostic of a file of the KB.
                for line in check.stdout.split(separator: "\n") { #expect(line.hasPrefix(kb + "/") || line.hasPrefix("bearing.yml"), "\(line.debugDescription)") }
                #expect(check.stdout.contains("g\\nall checks passed.md:"), "\(check.stdout.debugDescription)")
                #expect(check.stdout.contains("b\\x1b[31m.md:"), "\(check.stdout.debugDescription)")
                #expect(check.stdout.contains(#"g-missing\x1b[2K\r0 errors, all checks passed\x1b[8m"#), "\(check.stdout.debugDescription)")
                #expect(check.stdout.contains("evil\\x9b31m.shtml:1:1: warning: not published"), "\(check.stdout.debugDescription)")
            }
        }
        for arguments in [["report", kb, "--format", "md"], ["report", kb, "--format", "html"], ["build", kb, "-o", kb + "-site", "--fail-on", "warnings"]] {
            let run = try CLITests.run(arguments + ["--today", "2027-02-17"])
            let output = run.stdout + run.stderr
            #expect(!output.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" },
                    "\(arguments[0]): \(output.debugDescription)")
        }
        TemporaryFolder.remove(kb + "-site")
    }
}
