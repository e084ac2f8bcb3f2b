/// Counts in words: `1 decision`, `2 decisions`.
enum Plural {
    /// `n` and the noun, which takes an `s` unless `n` is 1.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(n == 1 ? noun : noun + "s")" }
}
