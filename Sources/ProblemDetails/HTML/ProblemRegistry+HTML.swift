import HTTPTypes

extension ProblemRegistry {
    /// The HTML documentation page a slug's type URI, `{base}/problems/{slug}`, resolves to.
    ///
    /// RFC 9457 asks that a type URI that can be dereferenced lead to human-readable
    /// documentation, and that the documentation state the type URI, title and status code.
    /// Serve the page with `Content-Type: text/html; charset=utf-8` and status 200.
    /// https://www.rfc-editor.org/rfc/rfc9457#section-3.1.1
    /// https://www.rfc-editor.org/rfc/rfc9457#section-4
    /// - Parameters:
    ///   - slug: The last segment of the type URI, such as `validation-error`.
    ///   - language: A language tag; the title is shown in it when the type has a title in it.
    /// - Returns: The page, or `nil` when no registered type has the slug (answer 404).
    public func documentationPage(forSlug slug: String, language: String? = nil) -> [UInt8]? {
        self.type(forSlug: slug).map { self.documentationPage(for: $0, language: language) }
    }

    /// The HTML documentation page of a problem type.
    ///
    /// The page shows the title, the absolute type URI, the status code and phrase, the summary,
    /// the extension members, the header fields sent with the type, the titles in other languages
    /// and an example problem, with a link back to ``indexPage(language:)``. The page's own
    /// language is ``defaultLanguage``; a localised title is marked with its own `lang`.
    /// https://www.rfc-editor.org/rfc/rfc9457#section-4
    /// - Parameters:
    ///   - type: A problem type, usually one of ``types``.
    ///   - language: A language tag; the title is shown in it when the type has a title in it.
    public func documentationPage(for type: ProblemType, language: String? = nil) -> [UInt8] {
        let localized = Self.localizedTitle(of: type, in: language)
        let title = localized?.title ?? type.title
        let typeURI = self.typeURI(of: type)
        return HTMLPage.render(title: "\(title) – Problem type", language: self.defaultLanguage) { html in
            html.markup("<nav><a href=\"")
            html.text(self.indexPath)
            html.label("\"", "All problem types", "</a></nav>\n")
            html.label("<p class=\"eyebrow\"", "Problem type", "</p>\n")
            html.markup("<h1")
            html.languageAttribute(localized?.tag)
            html.element(">", title, "</h1>\n")
            if !type.summary.isEmpty {
                html.element("<p class=\"lead\">", type.summary, "</p>\n")
            }

            html.markup("<dl>\n")
            html.label("<dt", "Type URI", "</dt>")
            html.element("<dd><code>", typeURI, "</code></dd>\n")
            html.label("<dt", "Status", "</dt>")
            html.element("<dd>", HTMLPage.statusLine(type.status.code), "</dd>\n")
            html.label("<dt", "Title", "</dt>")
            html.element("<dd>", type.title, "</dd>\n")
            html.label("<dt", "Header fields", "</dt>")
            if type.headers.isEmpty {
                html.label("<dd", "None", "</dd>\n")
            } else {
                html.markup("<dd>")
                for (index, name) in type.headers.enumerated() {
                    if index > 0 { html.markup(", ") }
                    html.element("<code>", name.rawName, "</code>")
                }
                html.markup("</dd>\n")
            }
            html.markup("</dl>\n")

            Self.writeMembers(of: type, to: &html)
            Self.writeLocalizedTitles(of: type, to: &html)

            html.label("<h2 id=\"example\"", "Example", "</h2>\n")
            html.label("<p", "A problem of this type, as sent with <code>Content-Type: application/problem+json</code>:", "</p>\n")
            html.markup("<pre aria-labelledby=\"example\" tabindex=\"0\"><code>")
            html.text(PrettyJSON.text(of: self.example(of: type, title: title)))
            html.markup("</code></pre>\n")
        }
    }

    /// The HTML index of every registered type: its status, title and a link to its page.
    ///
    /// Links to the API's own types are absolute-path references, `{base path}/problems/{slug}`,
    /// so they work whatever host name the page is reached by; a type declared with its own URI
    /// links to that URI when it is `http` or `https`.
    /// - Parameter language: A language tag; titles are shown in it where the types have them.
    public func indexPage(language: String? = nil) -> [UInt8] {
        let types = self.types.enumerated()
            .sorted { ($0.element.status.code, $0.offset) < ($1.element.status.code, $1.offset) }
            .map(\.element)
        return HTMLPage.render(title: "Problem types", language: self.defaultLanguage) { html in
            html.label("<h1 id=\"types\"", "Problem types", "</h1>\n")
            html.label(
                "<p class=\"lead\"",
                "The problem types this API answers with, as <code>application/problem+json</code> (RFC 9457). Each type URI leads to its documentation.",
                "</p>\n"
            )
            html.markup("<div class=\"scroll\" role=\"region\" aria-labelledby=\"types\" tabindex=\"0\">\n")
            html.markup("<table aria-labelledby=\"types\">\n<thead><tr>")
            html.label("<th scope=\"col\"", "Status", "</th>")
            html.label("<th scope=\"col\"", "Problem type", "</th>")
            html.markup("</tr></thead>\n<tbody>\n")
            for type in types {
                let localized = Self.localizedTitle(of: type, in: language)
                let title = localized?.title ?? type.title
                let target = type.slug.map { self.indexPath + "/" + $0 } ?? self.typeURI(of: type)
                html.element("<tr><td>", HTMLPage.statusLine(type.status.code), "</td><td>")
                // The title is the link text, which says where the link leads better than a URI.
                if HTMLText.isLinkable(target) {
                    html.markup("<a href=\"")
                    html.text(target)
                    html.markup("\"")
                    html.languageAttribute(localized?.tag)
                    html.element(">", title, "</a>")
                } else {
                    html.markup("<span")
                    html.languageAttribute(localized?.tag)
                    html.element(">", title, "</span>")
                }
                html.element("<br><code class=\"where\">", type.slug ?? target, "</code></td></tr>\n")
            }
            html.markup("</tbody>\n</table>\n</div>\n")
        }
    }

    // MARK: Parts

    /// The path of the index page, `{base path}/problems`, as an absolute-path reference.
    private var indexPath: String {
        (URIReference(parsing: self.baseURI)?.path ?? "") + "/problems"
    }

    /// The title in a language and the tag it is declared under, when the type has one.
    private static func localizedTitle(of type: ProblemType, in language: String?) -> (title: String, tag: String)? {
        guard let language else { return nil }
        if let title = type.localizedTitles[language] { return (title, language) }
        let key = language.lowercased()
        for tag in type.localizedTitles.keys.sorted() where tag.lowercased() == key {
            if let title = type.localizedTitles[tag] { return (title, tag) }
        }
        return nil
    }

    private static func writeMembers(of type: ProblemType, to html: inout HTMLText) {
        html.label("<h2 id=\"members\"", "Extension members", "</h2>\n")
        guard !type.members.isEmpty else {
            html.label("<p", "Problems of this type have only the standard members.", "</p>\n")
            return
        }
        html.markup("<div class=\"scroll\" role=\"region\" aria-labelledby=\"members\" tabindex=\"0\">\n<table>\n")
        html.markup("<thead><tr>")
        html.label("<th scope=\"col\"", "Name", "</th>")
        html.label("<th scope=\"col\"", "Kind", "</th>")
        html.label("<th scope=\"col\"", "Meaning", "</th>")
        html.markup("</tr></thead>\n<tbody>\n")
        for member in type.members {
            html.element("<tr><td><code>", member.name, "</code></td>")
            html.element("<td>", member.kind.name, "</td>")
            html.element("<td>", member.summary, "</td></tr>\n")
        }
        html.markup("</tbody>\n</table>\n</div>\n")
    }

    private static func writeLocalizedTitles(of type: ProblemType, to html: inout HTMLText) {
        guard !type.localizedTitles.isEmpty else { return }
        html.label("<h2 id=\"titles\"", "Titles in other languages", "</h2>\n")
        html.markup("<div class=\"scroll\" role=\"region\" aria-labelledby=\"titles\" tabindex=\"0\">\n<table>\n")
        html.markup("<thead><tr>")
        html.label("<th scope=\"col\"", "Language", "</th>")
        html.label("<th scope=\"col\"", "Title", "</th>")
        html.markup("</tr></thead>\n<tbody>\n")
        for tag in type.localizedTitles.keys.sorted() {
            html.element("<tr><td><code>", tag, "</code></td>")
            html.markup("<td")
            html.languageAttribute(tag)
            html.element(">", type.localizedTitles[tag] ?? "", "</td></tr>\n")
        }
        html.markup("</tbody>\n</table>\n</div>\n")
    }

    /// An example problem of the type, with a plausible value for each declared member.
    private func example(of type: ProblemType, title: String) -> ExtensionValue {
        var object: ExtensionValue.Object = [
            "type": .string(self.typeURI(of: type)),
            "title": .string(title),
            "status": .integer(type.status.code),
            "detail": "What went wrong this time, to help the client correct it.",
        ]
        for member in type.members {
            object[member.name] = Self.exampleValue(of: member.kind)
        }
        return .object(object)
    }

    private static func exampleValue(of kind: ProblemType.Member.Kind) -> ExtensionValue {
        switch kind {
        case .violations: [["detail": "must not be empty", "pointer": "#/title"]]
        case .integer: 60
        case .number: 1.5
        case .boolean: true
        case .array: []
        case .object: [:]
        default: "example"
        }
    }
}
