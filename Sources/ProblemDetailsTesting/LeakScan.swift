/// Finds what an error response must not show: stack frames, file paths, exception class names
/// and SQL.
///
/// Heuristics, tuned to be quiet on ordinary English: each finding names the pattern and the text
/// that matched, so a false alarm is easy to judge.
/// ```swift
/// LeakScan.findings(in: "at com.example.Db.query(Db.java:42)")   // ["a stack frame: …"]
/// ```
public enum LeakScan {
    /// What in a text looks like an internal leak, one line per finding; empty when nothing does.
    ///
    /// - Parameter text: A response body.
    public static func findings(in text: String) -> [String] {
        var findings: [String] = []
        let lowercased = text.lowercased()
        for marker in Self.stackMarkers where text.contains(marker) {
            findings.append("a stack frame: \(Self.excerpt(of: marker, in: text))")
        }
        for marker in Self.sqlMarkers where lowercased.contains(marker) {
            findings.append("SQL: \(Self.excerpt(of: marker, in: lowercased))")
        }
        for word in Self.words(of: text) {
            if Self.isFilePath(word) {
                findings.append("a file path: \(word)")
            } else if Self.isExceptionName(word) {
                findings.append("an exception or error type name: \(word)")
            }
        }
        var seen: Set<String> = []
        return findings.filter { seen.insert($0).inserted }
    }

    static let stackMarkers = [
        "Traceback (most recent call last)", "\tat ", "    at ", "Stack trace:", "stack trace:", "goroutine ",
        "Fatal error:", "Thread 0 Crashed", "#0 0x", "backtrace:", ".swift:", ".java:", ".py\", line",
        ".rb:", ".go:", ".cs:line",
    ]

    static let sqlMarkers = [
        "select * from", "select count(", "insert into", "delete from", " where id =", "sqlite_", "sqlstate",
        "syntax error at or near", "ora-0", "constraint failed", "duplicate key value",
    ]

    private static let exceptionSuffixes = ["Exception", "Error"]
    private static let pathPrefixes = ["/home/", "/Users/", "/var/", "/usr/", "/opt/", "/tmp/", "/srv/", "/app/", "C:\\"]
    private static let sourceExtensions = [".swift", ".java", ".py", ".rb", ".go", ".cs", ".php", ".js", ".ts", ".kt"]

    private static func words(of text: String) -> [String] {
        let separators: Set<Character> = [" ", "\n", "\t", "\"", "'", "(", ")", ",", "<", ">"]
        return text.split(whereSeparator: { separators.contains($0) }).map { String($0).trimmingSuffix(".:;") }
    }

    private static func isFilePath(_ word: String) -> Bool {
        if Self.pathPrefixes.contains(where: { word.hasPrefix($0) }) { return true }
        guard word.contains("/") || word.contains("\\") else { return false }
        let base = word.split(separator: ":").first.map(String.init) ?? word
        return Self.sourceExtensions.contains { base.hasSuffix($0) }
    }

    /// `NullPointerException`, `Swift.DecodingError`, `SQLiteError`: a capitalised identifier of
    /// two words or more ending in Exception or Error.
    private static func isExceptionName(_ word: String) -> Bool {
        word.split(separator: ".").contains { Self.isExceptionIdentifier(String($0)) }
    }

    private static func isExceptionIdentifier(_ name: String) -> Bool {
        guard let suffix = Self.exceptionSuffixes.first(where: { name.hasSuffix($0) }), name.count > suffix.count,
            name.first?.isUppercase == true,
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
        else { return false }
        return true
    }

    private static func excerpt(of marker: String, in text: String) -> String {
        guard let range = text.firstRange(of: marker) else { return marker }
        let start = text.index(range.lowerBound, offsetBy: -20, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 40, limitedBy: text.endIndex) ?? text.endIndex
        return String(text[start..<end]).replacingNewlines()
    }
}

extension String {
    fileprivate func trimmingSuffix(_ characters: String) -> String {
        var text = Substring(self)
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text)
    }

    fileprivate func replacingNewlines() -> String {
        String(self.map { $0.isNewline ? " " : $0 })
    }
}
