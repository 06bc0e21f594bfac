import Foundation
import Testing

/// DecidedBehaviour.md names the test that pins each decision; this fails when one is renamed or
/// removed, so the article cannot promise a test that does not exist.
@Suite struct DecidedBehaviourTests {
    @Test func everyTestTheArticleNamesExists() throws {
        let root = String(#filePath.prefix(upTo: try #require(#filePath.range(of: "/Tests/")).lowerBound))
        let article = try String(
            contentsOfFile: root + "/Sources/ProblemDetails/Documentation.docc/DecidedBehaviour.md",
            encoding: .utf8
        )
        let names = article.components(separatedBy: "(`").dropFirst().flatMap { group in
            group.components(separatedBy: ")")[0].components(separatedBy: ",").map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: " `\n"))
            }
        }
        .filter { name in
            // Test names are camelCase identifiers; other code in parentheses is an example value.
            name.count > 12 && name.first?.isLowercase == true && name.allSatisfy { $0.isLetter || $0.isNumber }
        }
        #expect(names.count > 10)
        var sources = ""
        let enumerator = FileManager.default.enumerator(atPath: root + "/Tests")
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".swift") { sources += try String(contentsOfFile: root + "/Tests/" + path, encoding: .utf8) }
        }
        for name in names {
            #expect(sources.contains("func \(name)("), "DecidedBehaviour.md names a test `\(name)` that does not exist")
        }
    }
}
