#if XML
import ProblemDetails

/// Documents shared by the XML tests.
enum XMLFixtures {
    /// The example of RFC 9457 Appendix B, byte for byte, without a final line break.
    /// https://www.rfc-editor.org/rfc/rfc9457#appendix-B
    static let appendixB = """
        <?xml version="1.0" encoding="UTF-8"?>
        <problem xmlns="urn:ietf:rfc:7807">
          <type>https://example.com/probs/out-of-credit</type>
          <title>You do not have enough credit.</title>
          <detail>Your current balance is 30, but that costs 50.</detail>
          <instance>https://example.net/account/12345/msgs/abc</instance>
          <balance>30</balance>
          <accounts>
            <i>https://example.net/account/12345</i>
            <i>https://example.net/account/67890</i>
          </accounts>
        </problem>
        """

    /// The problem the Appendix B example describes, as a producer would build it.
    static let appendixBProblem = Problem(
        type: "https://example.com/probs/out-of-credit",
        title: "You do not have enough credit.",
        detail: "Your current balance is 30, but that costs 50.",
        instance: "https://example.net/account/12345/msgs/abc",
        extensions: [
            "balance": 30,
            "accounts": ["https://example.net/account/12345", "https://example.net/account/67890"],
        ]
    )

    /// A document with the RFC 9457 root around some members.
    static func problem(_ members: String) -> String {
        "<problem xmlns=\"urn:ietf:rfc:7807\">\(members)</problem>"
    }

    /// The XML the encoder writes for a problem of type `about:blank` with these member lines.
    static func encoded(_ lines: String...) -> String {
        ([
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<problem xmlns=\"urn:ietf:rfc:7807\">",
            "  <type>about:blank</type>",
        ]
            + lines + ["</problem>"]).joined(separator: "\n")
    }
}
#endif
