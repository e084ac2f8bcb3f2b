import Foundation

/// Order-keeping parallel map over chunks, sized to keep every core busy.
enum Parallel {
    /// `minimumChunk` keeps tasks worth their cost: many small items share a task, while a few
    /// large ones (rules over the whole KB) can each have their own.
    static func map<T: Sendable, U: Sendable>(_ items: [T], minimumChunk: Int = 16, _ work: @escaping @Sendable (T) -> U) async -> [U] {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunkSize = max(minimumChunk, (items.count + workers * 4 - 1) / (workers * 4))
        let chunks = stride(from: 0, to: items.count, by: chunkSize).map { Array(items[$0..<min($0 + chunkSize, items.count)]) }
        return await withTaskGroup(of: (Int, [U]).self) { group in
            for (index, chunk) in chunks.enumerated() {
                group.addTask { (index, chunk.map(work)) }
            }
            var results = [[U]](repeating: [], count: chunks.count)
            for await (index, mapped) in group { results[index] = mapped }
            return results.flatMap { $0 }
        }
    }
}
