import Testing
@testable import BearingCore

@Suite struct HeadingAnchorTests {
    /// The byte path for ASCII headings gives the slug the scalar path gives.
    @Test func asciiHeadingsSlugAsTheScalarPathDoes() {
        var random = SeededRandom(seed: 15)
        let pieces = ["Decision", "Outcome", " ", "  ", "-", "_", "Pros & Cons", "v1.2", "API", "(draft)", "#", "`code`", "Ünïcode",
                      "naïve", "日本", "\t", "A/B", "100%", "x--y", "Z"]
        for _ in 0..<2_000 {
            let heading = (0..<random.int(0...6)).map { _ in random.pick(pieces) }.joined()
            #expect(HeadingAnchors.slug(heading) == HeadingAnchors.unicodeSlug(heading), "\(heading.debugDescription)")
        }
        #expect(HeadingAnchors.slug("Pros & Cons of API v2") == "pros--cons-of-api-v2")
    }
}
