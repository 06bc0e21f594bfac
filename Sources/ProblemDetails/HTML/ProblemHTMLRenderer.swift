import HTTPTypes

/// Writes problems as HTML pages, for people who meet an API's errors in a browser.
///
/// The page is complete and self-contained: inline style only, nothing loaded and nothing run.
/// It shows the status, title and detail, every item of `errors` with its location, the
/// `request_id` and `trace_id` to quote when asking for help, the other extension members, and a
/// link to the type's documentation. The problem itself is embedded as a
/// `<script type="application/problem+json">` data block, as RFC 9457 Appendix C suggests, so
/// tools can read the page like the JSON.
/// ```swift
/// let representations = ProblemRepresentations.standard.adding(ProblemHTMLRenderer())
/// ```
/// Every value is escaped, so no problem can add markup to the page. A type URI becomes a link
/// only when it is `http`, `https` or a relative reference, never `javascript:` or `data:`.
/// https://www.rfc-editor.org/rfc/rfc9457#appendix-C
public struct ProblemHTMLRenderer: ProblemRenderer {
    /// Creates a renderer.
    public init() {}

    /// `text/html; charset=utf-8`.
    public var contentType: String { HTMLPage.contentType }

    /// `text/html`, and `application/xhtml+xml`, which browsers list next to it.
    public var mediaTypes: [MediaType] { Self.offeredMediaTypes }

    // Stored once: negotiation asks every renderer for its media types on each response.
    private static let offeredMediaTypes: [MediaType] = [.html, .xhtml]

    /// The problem as an HTML page in the context's language.
    ///
    /// The page's `lang` is the context's language when it is a well-formed language tag
    /// (RFC 5646), else `en`.
    /// - Parameters:
    ///   - problem: A resolved, localised problem.
    ///   - context: The response's language.
    public func render(_ problem: Problem, in context: RenderingContext) -> [UInt8] {
        let code = problem.status?.code
        let title = problem.title ?? code.flatMap(StatusTitle.phrase(for:)) ?? "Error"
        return HTMLPage.render(
            title: code.map { "\($0) \(title)" } ?? title,
            language: context.language,
            main: { html in
                if let code {
                    html.element("<p class=\"eyebrow\">", HTMLPage.statusLine(code), "</p>\n")
                }
                html.element("<h1>", title, "</h1>\n")
                if let detail = problem.detail {
                    html.element("<p class=\"lead\">", detail, "</p>\n")
                }
                let violations = problem.errors
                if !violations.isEmpty {
                    Self.writeViolations(violations, to: &html)
                }
                Self.writeFacts(of: problem, includingErrorsMember: violations.isEmpty, to: &html)
            },
            trailer: { html in
                html.markup("<script type=\"application/problem+json\">")
                html.scriptJSON(ProblemJSONEncoder().encode(problem))
                html.markup("</script>\n")
            }
        )
    }

    private static func writeViolations(_ violations: [Violation], to html: inout HTMLText) {
        html.label("<h2 id=\"errors\"", "Errors", "</h2>\n")
        html.markup("<ul aria-labelledby=\"errors\">\n")
        for violation in violations {
            html.element("<li>", violation.detail, "")
            if let location = violation.location {
                html.markup(" <span class=\"where\">(")
                if let pointer = location.pointer {
                    html.label("<span", "at", "</span> ")
                    html.element("<code>", pointer.fragment, "</code>")
                } else if let parameter = location.parameter {
                    html.label("<span", "parameter", "</span> ")
                    html.element("<code>", parameter, "</code>")
                } else if let header = location.header {
                    html.label("<span", "header field", "</span> ")
                    html.element("<code>", header, "</code>")
                }
                html.markup(")</span>")
            }
            html.markup("</li>\n")
        }
        html.markup("</ul>\n")
    }

    /// Writes the `dl` of everything else the problem says; nothing when it says nothing more.
    private static func writeFacts(of problem: Problem, includingErrorsMember: Bool, to html: inout HTMLText) {
        let requestID = problem.requestID
        let traceID = problem.traceID
        let members = problem.extensions.filter { member in
            switch member.name {
            case "errors": return includingErrorsMember
            case "request_id": return requestID == nil
            case "trace_id": return traceID == nil
            default: return true
            }
        }
        guard requestID != nil || traceID != nil || problem.instance != nil || !problem.isAboutBlank
            || !members.isEmpty
        else { return }

        html.markup("<dl>\n")
        if let requestID {
            html.label("<dt", "Request ID", "</dt>")
            html.element("<dd><code>", requestID, "</code></dd>\n")
        }
        if let traceID {
            html.label("<dt", "Trace ID", "</dt>")
            html.element("<dd><code>", traceID, "</code></dd>\n")
        }
        if let instance = problem.instance {
            html.label("<dt", "Instance", "</dt>")
            html.element("<dd><code>", instance, "</code></dd>\n")
        }
        if !problem.isAboutBlank {
            html.label("<dt", "Type", "</dt>")
            if HTMLText.isLinkable(problem.type) {
                // The type URI is where the type is documented (RFC 9457 §3.1.1).
                html.markup("<dd><a href=\"")
                html.text(problem.type)
                html.element("\">", problem.type, "</a></dd>\n")
            } else {
                html.element("<dd><code>", problem.type, "</code></dd>\n")
            }
        }
        for member in members {
            html.element("<dt><code>", member.name, "</code></dt>")
            if case .string(let string) = member.value {
                html.element("<dd>", string, "</dd>\n")
            } else {
                let json = String(decoding: ProblemJSONEncoder().encode(member.value), as: UTF8.self)
                html.element("<dd><code>", json, "</code></dd>\n")
            }
        }
        html.markup("</dl>\n")
    }
}
