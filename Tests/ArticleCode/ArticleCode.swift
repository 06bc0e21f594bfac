import Foundation

/// Checks that a documentation article's Swift code is code a test runs: every line of its
/// ```` ```swift ```` blocks must appear, whitespace aside, in the test file that exercises it.
///
/// Shared by every module's getting-started test, so that an article and its test cannot drift
/// apart in any module.
public enum ArticleCode {
    /// What a check found.
    public struct Report: Sendable {
        /// The number of Swift code blocks in the document.
        public let blockCount: Int
        /// The code lines of the document that the test file does not contain.
        public let missingLines: [String]
    }

    /// Compares a document's Swift code with a test file.
    ///
    /// Comment lines are skipped (they show output or stand for prose), and so are package
    /// manifest lines and imports, which a test file cannot contain as code.
    /// - Parameters:
    ///   - document: The document's path relative to the package root, such as `README.md`.
    ///   - testFile: The test file's `#filePath`; the package root is found from it.
    public static func check(_ document: String, against testFile: String) throws -> Report {
        guard let tests = testFile.range(of: "/Tests/") else {
            throw CocoaError(.fileReadInvalidFileName)
        }
        let root = String(testFile[..<tests.lowerBound])
        let article = try String(contentsOfFile: root + "/" + document, encoding: .utf8)
        let source = Self.normalized(try String(contentsOfFile: testFile, encoding: .utf8))
        let blocks = article.components(separatedBy: "```swift\n").dropFirst().map {
            $0.components(separatedBy: "```")[0]
        }
        var missing: [String] = []
        for line in blocks.flatMap({ $0.split(separator: "\n") }) {
            let code = Self.normalized(String(line))
            guard !code.isEmpty, !code.hasPrefix("//"), !Self.isManifestLine(code) else { continue }
            if !source.contains(code) { missing.append(code) }
        }
        return Report(blockCount: blocks.count, missingLines: missing)
    }

    static func normalized(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n")
    }

    static func isManifestLine(_ line: String) -> Bool {
        line.hasPrefix(".package(") || line.hasPrefix(".product(") || line.hasPrefix("import ")
    }
}
