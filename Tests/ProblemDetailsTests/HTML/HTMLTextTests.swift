import Testing

@testable import ProblemDetails

@Suite struct HTMLTextTests {
    @Test func escapesTheFiveSpecialCharacters() {
        #expect(HTMLText.escaped(#"& < > " '"#) == "&amp; &lt; &gt; &quot; &#39;")
    }

    @Test func keepsOtherTextUnchanged() {
        #expect(HTMLText.escaped("Grüße, 世界 🙂\tline\nnext\r") == "Grüße, 世界 🙂\tline\nnext\r")
    }

    @Test func replacesControlCharactersHTMLForbids() {
        #expect(HTMLText.escaped("a\u{0}b\u{8}c\u{7F}d\u{9F}e") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e")
    }

    @Test func writesMarkupVerbatimAndValuesEscaped() {
        var html = HTMLText()
        html.element("<p class=\"x\">", "<b>", "</p>")
        #expect(String(decoding: html.bytes, as: UTF8.self) == "<p class=\"x\">&lt;b&gt;</p>")
    }

    @Test func escapesScriptClosingCharactersInJSON() {
        var html = HTMLText()
        html.scriptJSON(Array(#"{"a":"</script><!--&"}"#.utf8))
        #expect(String(decoding: html.bytes, as: UTF8.self) == #"{"a":"\u003c/script\u003e\u003c!--\u0026"}"#)
    }

    @Test func marksLabelsEnglishOnlyWhenAsked() {
        var html = HTMLText()
        html.label("<dt", "Status", "</dt>")
        html.labelsNeedLanguage = true
        html.label("<dt", "Status", "</dt>")
        #expect(String(decoding: html.bytes, as: UTF8.self) == "<dt>Status</dt><dt lang=\"en\">Status</dt>")
    }

    @Test func writesALanguageAttributeOnlyForWellFormedTags() {
        var html = HTMLText()
        html.languageAttribute("de-AT")
        html.languageAttribute("de\"x")
        html.languageAttribute(nil)
        #expect(String(decoding: html.bytes, as: UTF8.self) == " lang=\"de-AT\"")
    }

    @Test(arguments: [
        "https://api.example.com/problems/x", "http://localhost:8080/problems/x", "HTTPS://EXAMPLE.COM/",
        "/problems/x", "problems/x", "../x", "?q=1", "#frag", "//cdn.example.com/x",
    ])
    func linksHTTPAndRelativeReferences(reference: String) {
        #expect(HTMLText.isLinkable(reference))
    }

    @Test(arguments: [
        "", "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd",
        "mailto:a@example.com", "about:blank", "tag:example@example.org,2021:X", " javascript:alert(1)",
        "java\nscript:alert(1)", "https://exa mple.com", "http:/no-authority", "https://", "<x>",
    ])
    func refusesEverythingElse(reference: String) {
        #expect(!HTMLText.isLinkable(reference))
    }
}
