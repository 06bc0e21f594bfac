import HTTPTypes
import ProblemDetails

/// What `problem parse` says about one input: the normalised problem and its diagnostics, or why
/// the input is not a problem document.
struct ProblemDocumentReport {
    static let maximumSize = 1 << 20

    /// The format a document is read as.
    enum Format {
        case json
        case xml
    }

    let isProblemDocument: Bool
    let json: String

    init(input: [UInt8], baseURI: String?, status: Int?, contentType: String?) {
        var diagnostics: [ProblemDiagnostic] = []
        let format = Self.format(of: input, contentType: contentType, diagnostics: &diagnostics)
        let decoded: DecodedProblem
        do throws(ProblemDecodingError) {
            switch format {
            case .json:
                decoded = try ProblemJSONDecoder(maximumSize: Self.maximumSize).decode(input, baseURI: baseURI)
            case .xml:
                #if XML
                decoded = try ProblemXMLDecoder(maximumSize: Self.maximumSize).decode(input, baseURI: baseURI)
                #else
                throw ProblemDecodingError(.notAProblem, "this build of problem cannot read XML")
                #endif
            }
        } catch {
            self.isProblemDocument = false
            var object = ExtensionValue.Object()
            object["reason"] = .string(error.reason.description)
            object["message"] = .string(error.message)
            if let line = error.line, let column = error.column {
                object["line"] = .integer(line)
                object["column"] = .integer(column)
            }
            self.json = Self.text(["error": .object(object)])
            return
        }
        diagnostics += decoded.diagnostics
        if let status, let bodyStatus = decoded.problem.status?.code, bodyStatus != status {
            diagnostics.append(
                ProblemDiagnostic(
                    member: "status",
                    message: """
                        is \(bodyStatus) but the response's status is \(status); RFC 9457 §3.1.2 requires them \
                        to be equal, and generic software uses the response's
                        """
                )
            )
        }
        self.isProblemDocument = true
        let problem = String(decoding: ProblemJSONEncoder().encode(decoded.problem), as: UTF8.self)
        let list = ExtensionValue.array(
            diagnostics.map { diagnostic in
                ["member": diagnostic.member.map(ExtensionValue.string) ?? .null, "message": .string(diagnostic.message)]
            }
        )
        self.json = "{\"problem\":" + problem + ",\"diagnostics\":" + Self.text(list) + "}"
    }

    private static func text(_ value: ExtensionValue) -> String {
        String(decoding: ProblemJSONEncoder().encode(value), as: UTF8.self)
    }

    /// The format named by the content type, else the one the first meaningful byte suggests.
    static func format(of input: [UInt8], contentType: String?, diagnostics: inout [ProblemDiagnostic]) -> Format {
        if let contentType {
            if let mediaType = MediaType(parsing: contentType) {
                if mediaType.isProblemJSON { return .json }
                if mediaType.isProblemXML { return .xml }
                let subtype = mediaType.subtype
                let named: Format? =
                    subtype == "json" || subtype.hasSuffix("+json")
                    ? .json : subtype == "xml" || subtype.hasSuffix("+xml") ? .xml : nil
                diagnostics.append(
                    ProblemDiagnostic(
                        member: nil,
                        message: """
                            served as \(mediaType.type)/\(mediaType.subtype), not application/problem+json or \
                            application/problem+xml (RFC 9457 §6)
                            """
                    )
                )
                if let named { return named }
            } else {
                diagnostics.append(ProblemDiagnostic(member: nil, message: "the content type '\(contentType)' is not a media type"))
            }
        }
        var index = 0
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { index = 3 }
        while index < input.count, [0x20, 0x09, 0x0A, 0x0D].contains(input[index]) { index += 1 }
        return index < input.count && input[index] == UInt8(ascii: "<") ? .xml : .json
    }
}
