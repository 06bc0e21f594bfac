extension ProblemDiagnostic {
    /// The most diagnostics a reader keeps for one document.
    ///
    /// A hostile document can repeat a mistake thousands of times; the first hundred tell the story.
    static let maximumCount = 100

    /// Text quoted in a message, shortened so that a long name in a document cannot make a
    /// diagnostic large.
    static func excerpt(_ text: String) -> String {
        guard text.utf8.count > 64 else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(60))) + "…"
    }
}

extension [ProblemDiagnostic] {
    /// Appends a diagnostic unless ``ProblemDiagnostic/maximumCount`` are already kept; the first
    /// one past the limit is replaced by a note that the rest were left out.
    mutating func record(_ diagnostic: ProblemDiagnostic) {
        if self.count < ProblemDiagnostic.maximumCount {
            self.append(diagnostic)
        } else if self.count == ProblemDiagnostic.maximumCount {
            self.append(ProblemDiagnostic(member: nil, message: "further diagnostics were left out"))
        }
    }
}
