import ArgumentParser
import ProblemDetails

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `problem parse`: read a problem document as a consumer must and print what it says.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read a problem document (JSON or XML) and print it normalised, with diagnostics.",
        discussion: """
            Applies the consumer rules of RFC 9457 §3.1: members of the wrong type are ignored and \
            reported, an absent type is about:blank, relative type and instance references are \
            resolved against --base. Prints one JSON object, {"problem": {…}, "diagnostics": [{"member", \
            "message"}]}. Exits 0 for a problem document (with or without diagnostics), 1 for input \
            that is not one, 2 for usage errors.
            """
    )

    @Argument(help: "The document to read; - or nothing for standard input.")
    var file: String = "-"

    @Option(help: "The URI the document was retrieved from, for resolving relative references.")
    var base: String?

    @Option(help: "The HTTP status of the response that carried the document.")
    var status: Int?

    @Option(name: .customLong("content-type"), help: "The Content-Type it was served with; sniffed when absent.")
    var contentType: String?

    func validate() throws {
        if let status, !(100...599).contains(status) {
            throw ValidationError("--status must be an HTTP status code from 100 to 599")
        }
        if let base, URIReference(parsing: base)?.isAbsolute != true {
            throw ValidationError("--base must be an absolute URI")
        }
    }

    func run() throws {
        let input: [UInt8]
        do {
            input = try InputFile.contents(of: self.file, limit: ProblemDocumentReport.maximumSize)
        } catch {
            throw ValidationError("cannot read \(self.file): \(error)")
        }
        let report = ProblemDocumentReport(
            input: input,
            baseURI: self.base,
            status: self.status,
            contentType: self.contentType
        )
        print(report.json)
        if !report.isProblemDocument { throw ExitCode(1) }
    }
}
