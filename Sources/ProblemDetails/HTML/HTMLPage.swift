/// The frame every HTML page of the package shares: document head, style sheet and `<main>`.
///
/// Pages are self-contained so that they render the same behind any proxy and from a saved
/// file: the only style is the inline sheet below, there are no images, fonts or scripts, and a
/// `Content-Security-Policy` in the head forbids loading or running anything else, as a second
/// line of defence behind the escaping of ``HTMLText``.
enum HTMLPage {
    /// The `Content-Type` of every page.
    static let contentType = "text/html; charset=utf-8"

    /// Writes a page.
    ///
    /// - Parameters:
    ///   - title: The text of `<title>`.
    ///   - language: The page's language tag; a malformed one becomes `en`.
    ///   - main: Writes the content of `<main>`.
    ///   - trailer: Writes what follows `<main>` in the body, such as a data block.
    static func render(
        title: String,
        language: String?,
        main: (inout HTMLText) -> Void,
        trailer: (inout HTMLText) -> Void = { _ in }
    ) -> [UInt8] {
        let language = LanguageTag.sanitized(language)
        var html = HTMLText()
        // The labels are written in English; on a page in another language they say so, so
        // that screen readers pronounce them right.
        html.labelsNeedLanguage = !LanguageTag.isEnglish(language)
        html.markup("<!DOCTYPE html>\n<html lang=\"")
        html.text(language)
        html.markup(
            """
            ">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <meta name="referrer" content="no-referrer">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">

            """
        )
        html.element("<title>", title, "</title>\n")
        html.markup("<style>")
        html.markup(Self.styleSheet)
        html.markup("</style>\n</head>\n<body>\n<main>\n")
        main(&html)
        html.markup("</main>\n")
        trailer(&html)
        html.markup("</body>\n</html>\n")
        return html.bytes
    }

    /// The reason phrase of a status code, for pages that show `422 Unprocessable Content`.
    static func statusLine(_ code: Int) -> String {
        StatusTitle.phrase(for: code).map { "\(code) \($0)" } ?? String(code)
    }

    /// Colours meet WCAG AAA contrast (7:1) for text in both the light and the dark scheme;
    /// the layout is one column that fits a phone, with fact lists stacking below 32rem.
    private static let styleSheet: StaticString = """
        :root{--fg:#1b1b1f;--muted:#4a4a55;--bg:#fff;--panel:#f4f4f6;--line:#c9c9d1;--accent:#a3141d;--link:#08449c}\
        @media (prefers-color-scheme:dark){:root{--fg:#ececf1;--muted:#b9b9c4;--bg:#16161a;--panel:#222228;\
        --line:#44444f;--accent:#ff8a8f;--link:#8cb8ff}}\
        *{box-sizing:border-box}\
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\
        body{margin:0;background:var(--bg);color:var(--fg);\
        font:1rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}\
        main{max-width:48rem;margin:0 auto;padding:2rem 1.25rem 3rem}\
        nav{margin-bottom:1.5rem;font-size:.95rem}\
        .eyebrow{margin:0;color:var(--accent);font-weight:700;letter-spacing:.03em}\
        h1{margin:.25rem 0 1rem;font-size:clamp(1.6rem,5vw,2.25rem);line-height:1.2}\
        h2{margin:2.25rem 0 .75rem;font-size:1.25rem;line-height:1.3}\
        h1,h2,p,li,dd{overflow-wrap:anywhere}\
        td,th{overflow-wrap:break-word}\
        .lead{font-size:1.125rem;margin:0 0 1.5rem}\
        dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.5rem 1.5rem;margin:1.5rem 0;\
        padding:1rem 1.25rem;background:var(--panel);border:1px solid var(--line);border-radius:.5rem}\
        dt{font-weight:600;color:var(--muted)}\
        dd{margin:0}\
        @media (max-width:32rem){dl{grid-template-columns:minmax(0,1fr);gap:0}dd+dt{margin-top:.75rem}}\
        code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.9em}\
        pre{margin:0;padding:1rem;background:var(--panel);border:1px solid var(--line);border-radius:.5rem;\
        overflow-x:auto;line-height:1.45}\
        pre code{font-size:inherit;overflow-wrap:normal}\
        a{color:var(--link);text-underline-offset:.15em}\
        a:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--link);outline-offset:2px}\
        ul{padding-left:1.25rem}li{margin:.4rem 0}\
        .where{color:var(--muted)}\
        .scroll{overflow-x:auto}\
        table{width:100%;border-collapse:collapse;margin:.5rem 0}\
        th,td{text-align:left;vertical-align:top;padding:.5rem .75rem .5rem 0;border-bottom:1px solid var(--line)}\
        thead th{color:var(--muted);font-weight:600;border-bottom-width:2px}\
        dt code{font-weight:600}
        """
}
