import HTTPTypes
import ProblemDetails
import Testing

@Suite struct LegacyEnvelopeRendererTests {
    private static let legacyType = MediaType(type: "application", subtype: "vnd.bookshelf.legacy+json")

    private static let registry: ProblemRegistry = {
        do {
            return try ProblemRegistry(baseURI: "http://127.0.0.1:8080")
        } catch {
            fatalError("the test registry is valid: \(error)")
        }
    }()

    private func render(_ problem: Problem, typePrefix: String = "/errors/") -> String {
        let renderer = LegacyEnvelopeRenderer(mediaType: Self.legacyType, typePrefix: typePrefix)
        return String(decoding: renderer.render(problem, in: RenderingContext()), as: UTF8.self)
    }

    // MARK: Representation

    @Test func sendsTheMediaTypeAsContentType() {
        let renderer = LegacyEnvelopeRenderer(mediaType: Self.legacyType)
        #expect(renderer.contentType == "application/vnd.bookshelf.legacy+json")
        #expect(renderer.mediaTypes == [Self.legacyType])
        let withCharset = LegacyEnvelopeRenderer(
            mediaType: MediaType(type: "application", subtype: "vnd.old+json", parameters: [.init(name: "charset", value: "utf-8")])
        )
        #expect(withCharset.contentType == "application/vnd.old+json; charset=utf-8")
    }

    @Test func isChosenWhenItsMediaTypeIsPreferred() {
        let representations = ProblemRepresentations([ProblemJSONEncoder()])
            .adding(LegacyEnvelopeRenderer(mediaType: Self.legacyType))
        #expect(representations.renderer(forAccept: "application/vnd.bookshelf.legacy+json") is LegacyEnvelopeRenderer)
        #expect(representations.renderer(forAccept: "application/json") is ProblemJSONEncoder)
    }

    // MARK: The contract's example

    @Test func writesTheContractsValidationExample() {
        var problem = Self.registry.resolve(
            .validationFailed([
                Violation(detail: "must be 13 digits", pointer: ["isbn"]),
                Violation(detail: "is not a known member", pointer: ["colour"]),
            ])
        )
        problem.instance = "/books"
        problem.requestID = "req-42"
        problem.traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
        #expect(
            self.render(problem)
                == ##"{"error":{"code":"validation_error","message":"2 values in the request are not valid.","details":[{"detail":"must be 13 digits","pointer":"#/isbn"},{"detail":"is not a known member","pointer":"#/colour"}],"type":"/errors/validation-error","request_id":"req-42"}}"##
        )
    }

    // MARK: code and type

    @Test(arguments: [
        ("resource-not-found", "resource_not_found"), ("rate-limit-exceeded", "rate_limit_exceeded"),
        ("conflict", "conflict"), ("internal-error", "internal_error"),
    ])
    func codeIsTheSlugWithUnderscores(slug: String, code: String) throws {
        let type = try #require(Self.registry.type(forSlug: slug))
        let json = self.render(Self.registry.resolve(Problem(type)))
        #expect(json.hasPrefix(#"{"error":{"code":"\#(code)","#))
        #expect(json.contains(#""type":"/errors/\#(slug)","#))
    }

    @Test(arguments: [
        (HTTPResponse.Status.notFound, "not_found", "not-found"),
        (.methodNotAllowed, "method_not_allowed", "method-not-allowed"),
        (.contentTooLarge, "content_too_large", "content-too-large"),
        (.unprocessableContent, "unprocessable_content", "unprocessable-content"),
    ])
    func codeOfAboutBlankIsTheStatusPhrase(status: HTTPResponse.Status, code: String, type: String) {
        let json = self.render(Problem(status: status))
        #expect(json.hasPrefix(#"{"error":{"code":"\#(code)","#))
        #expect(json.contains(#""type":"/errors/\#(type)","#))
    }

    @Test func codeOfAnUnknownStatusIsItsNumber() {
        let json = self.render(Problem(status: HTTPResponse.Status(code: 499)))
        #expect(json.hasPrefix(#"{"error":{"code":"http_499","#))
        #expect(json.contains(#""type":"/errors/http-499","#))
    }

    @Test func codeIsNullWithoutTypeOrStatus() {
        #expect(self.render(Problem()) == #"{"error":{"code":null,"message":null,"details":null,"type":null,"request_id":null}}"#)
    }

    @Test(arguments: [
        ("https://example.net/probs/out-of-credit", "out_of_credit"),
        ("https://example.net/probs/out-of-credit/", "out_of_credit"),
        ("https://example.net/probs/out-of-credit?lang=de", "out_of_credit"),
        ("/problems/conflict", "conflict"),
        ("https://iana.org/assignments/http-problem-types#quota-exceeded", "quota_exceeded"),
        ("https://example.net/", "forbidden"),
        ("", "forbidden"),
    ])
    func codeComesFromTheLastSegmentOfAnyTypeURI(type: String, code: String) {
        let json = self.render(Problem(type: type, title: "t", status: .forbidden))
        #expect(json.hasPrefix(#"{"error":{"code":"\#(code)","#))
    }

    @Test func typeStartsWithThePrefix() {
        let json = self.render(Self.registry.resolve(Problem(.conflict)), typePrefix: "https://old.example.com/errors#")
        #expect(json.contains(#""type":"https://old.example.com/errors#conflict","#))
    }

    // MARK: message

    @Test func messageIsTheDetail() {
        let json = self.render(Self.registry.resolve(Problem(.conflict, detail: "The ISBN is taken.")))
        #expect(json.contains(#""message":"The ISBN is taken.","#))
    }

    @Test func messageIsTheTitleWithoutDetail() {
        #expect(self.render(Self.registry.resolve(Problem(.forbidden))).contains(#""message":"You are not allowed to do this.","#))
        #expect(self.render(Problem(status: .notFound)).contains(#""message":"Not Found","#))
    }

    // MARK: details

    @Test func detailsIsTheErrorsArrayAlone() {
        var problem = Self.registry.resolve(.invalidParameter("id", detail: "must be a UUID"))
        problem.extensions["hint"] = "use a UUID"
        let json = self.render(problem)
        #expect(json.contains(#""details":[{"detail":"must be a UUID","parameter":"id"}],"#))
        #expect(!json.contains("hint"))
    }

    @Test func detailsKeepsErrorItemsThatAreNotViolations() {
        let problem = Problem(status: .badRequest, extensions: ["errors": ["first", ["code": 7]]])
        #expect(self.render(problem).contains(#""details":["first",{"code":7}],"#))
    }

    @Test func detailsIsTheOtherMembersWithoutRequestID() {
        var problem = Self.registry.resolve(.notFound(resource: "book", id: "b-1"))
        problem.requestID = "req-7"
        problem.traceID = "t-1"
        #expect(
            self.render(problem)
                == #"{"error":{"code":"resource_not_found","message":"There is no book with the id 'b-1'.","details":{"resource":"book","resource_id":"b-1","trace_id":"t-1"},"type":"/errors/resource-not-found","request_id":"req-7"}}"#
        )
    }

    @Test func detailsIsAnObjectWhenErrorsIsNotAnArray() {
        let problem = Problem(status: .badRequest, extensions: ["errors": "several"])
        #expect(self.render(problem).contains(#""details":{"errors":"several"},"#))
    }

    @Test func detailsIsNullWithoutOtherMembers() {
        var problem = Problem(status: .notFound)
        problem.requestID = "req-1"
        #expect(
            self.render(problem)
                == #"{"error":{"code":"not_found","message":"Not Found","details":null,"type":"/errors/not-found","request_id":"req-1"}}"#
        )
    }

    // MARK: request_id

    @Test func requestIDIsNullWhenAbsent() {
        #expect(self.render(Problem(status: .notFound)).hasSuffix(#","request_id":null}}"#))
    }

    @Test func requestIDIsNullWhenNotAString() {
        let json = self.render(Problem(status: .notFound, extensions: ["request_id": 42]))
        #expect(json.hasSuffix(#""details":null,"type":"/errors/not-found","request_id":null}}"#))
    }

    // MARK: Output

    @Test func escapesStringsAsJSON() throws {
        let problem = Problem(status: .badRequest, detail: "say \"hi\"\n\\ </script>")
        let bytes = LegacyEnvelopeRenderer(mediaType: Self.legacyType).render(problem, in: RenderingContext())
        let value = try ProblemJSONDecoder().decodeValue(bytes)
        #expect(value.objectValue?["error"]?.objectValue?["message"] == .string("say \"hi\"\n\\ </script>"))
    }
}

extension LegacyEnvelopeRendererTests {
    @Test(arguments: [(510, "not_extended_obsoleted"), (203, "non_authoritative_information"), (404, "not_found"), (413, "content_too_large")])
    func statusPhraseCodesAreSnakeCase(status: Int, code: String) {
        #expect(render(Problem(status: HTTPResponse.Status(code: status))).contains(#""code":""# + code + #"""#))
    }
}
