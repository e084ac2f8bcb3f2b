import Foundation
import Testing
@testable import BearingCore

/// Defence in depth for issue 14: an address that is not http(s), however it reaches the
/// renderers (a library caller, a future option), gives no link in the feed, sitemap, report or digest.
@Suite struct SiteAddressTests {
    static let script = "javascript:alert(1)//"

    @Test func feedAndSitemapCarryHTTPLinksOnly() {
        let entries = [SiteFeed.Entry(id: "g", title: "G", href: "goals/g.html", day: Fixtures.today, summary: "s")]
        let feed = SiteFeed.xml(title: "KB", baseURL: Self.script, today: Fixtures.today, entries: entries)
        #expect(!feed.lowercased().contains("javascript:") && feed.contains("<link href=\"goals/g.html\"/>"), "\(feed)")
        let sitemap = SiteFeed.sitemap(baseURL: Self.script, pages: ["index.html"])
        #expect(!sitemap.contains("<loc>"), "\(sitemap)")
        let good = SiteFeed.xml(title: "KB", baseURL: "https://kb.example/", today: Fixtures.today, entries: entries)
        #expect(good.contains("<link href=\"https://kb.example/goals/g.html\"/>"))
    }

    @Test func builderReportAndDigestIgnoreAScriptAddress() async throws {
        let (kb, diagnostics) = await Fixtures.build(["goals/g.md": "---\ntitle: G\ntype: goal\nstatus: active\n---\n"])
        let analysis = await AlignmentAnalysis.make(kb, diagnostics: diagnostics, today: Fixtures.today)
        let builder = SiteBuilder(kb: kb, analysis: analysis, diagnostics: diagnostics, templates: .defaults, source: "/nonexistent", baseURL: Self.script)
        #expect(builder.baseURL == nil)
        let document = try #require(kb.documents.first)
        #expect(ReportLinks(baseURL: Self.script).link(document) == nil)
        #expect(ReportLinks(baseURL: "https://kb.example").link(document) == "https://kb.example/goals/g.html")
        let link = WeeklyDigest.baseURLLink(Self.script) { _ in true }
        #expect(link(KnowledgeBaseChange.Entry(document)) == nil)
    }
}
