/// A readable line diff of two texts, in the unified style: `-` for lines only in the first, `+` for lines only in
/// the second, with a little context and `@@` line numbers.
public enum LineDiff {
    /// The differences, at most `limit` printed lines (and long lines cut at 300 characters).
    public static func render(from old: String, to new: String, context: Int = 2, limit: Int = 120) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        let edits = script(a, b)
        var output: [String] = []
        var index = 0
        while index < edits.count {
            guard edits[index].kind != .same else {
                index += 1
                continue
            }
            let start = max(0, index - context)
            var end = index
            // Extend the hunk while changes are closer than twice the context.
            while end < edits.count {
                if edits[end].kind != .same {
                    end += 1
                    continue
                }
                let nextChange = edits[end...].firstIndex { $0.kind != .same } ?? edits.count
                if nextChange - end <= 2 * context, nextChange < edits.count { end = nextChange } else { break }
            }
            end = min(edits.count, end + context)
            output.append("@@ -\(edits[start].oldLine + 1) +\(edits[start].newLine + 1) @@")
            for edit in edits[start..<end] {
                let prefix = edit.kind == .same ? " " : edit.kind == .removed ? "-" : "+"
                output.append(prefix + String(edit.text.prefix(300)) + (edit.text.count > 300 ? "…" : ""))
            }
            index = end
        }
        if output.count > limit {
            output = Array(output.prefix(limit)) + ["… \(output.count - limit) more diff lines"]
        }
        return output.joined(separator: "\n")
    }

    struct Edit {
        enum Kind { case same, removed, added }
        let kind: Kind
        let text: Substring
        /// The 0-based line numbers in the old and new text where this edit stands.
        let oldLine: Int
        let newLine: Int
    }

    /// The edit script: the common prefix and suffix, and a longest common subsequence of what lies between (or,
    /// beyond 4,000 lines on either side, the whole middle as removed then added).
    static func script(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        var edits = (0..<prefix).map { Edit(kind: .same, text: a[$0], oldLine: $0, newLine: $0) }
        var i = 0
        var j = 0
        if middleA.count <= 4_000, middleB.count <= 4_000, !middleA.isEmpty, !middleB.isEmpty {
            // lengths[i][j]: the LCS length of middleA[i...] and middleB[j...].
            let width = middleB.count + 1
            var lengths = [Int](repeating: 0, count: (middleA.count + 1) * width)
            for x in stride(from: middleA.count - 1, through: 0, by: -1) {
                for y in stride(from: middleB.count - 1, through: 0, by: -1) {
                    lengths[x * width + y] =
                        middleA[x] == middleB[y]
                        ? lengths[(x + 1) * width + y + 1] + 1 : max(lengths[(x + 1) * width + y], lengths[x * width + y + 1])
                }
            }
            while i < middleA.count, j < middleB.count {
                if middleA[i] == middleB[j] {
                    edits.append(Edit(kind: .same, text: middleA[i], oldLine: prefix + i, newLine: prefix + j))
                    i += 1
                    j += 1
                } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                    edits.append(Edit(kind: .removed, text: middleA[i], oldLine: prefix + i, newLine: prefix + j))
                    i += 1
                } else {
                    edits.append(Edit(kind: .added, text: middleB[j], oldLine: prefix + i, newLine: prefix + j))
                    j += 1
                }
            }
        }
        for x in i..<middleA.count { edits.append(Edit(kind: .removed, text: middleA[x], oldLine: prefix + x, newLine: prefix + j)) }
        for y in j..<middleB.count { edits.append(Edit(kind: .added, text: middleB[y], oldLine: prefix + middleA.count, newLine: prefix + y)) }
        for offset in 0..<suffix {
            edits.append(
                Edit(kind: .same, text: a[a.count - suffix + offset], oldLine: a.count - suffix + offset, newLine: b.count - suffix + offset))
        }
        return edits
    }
}
