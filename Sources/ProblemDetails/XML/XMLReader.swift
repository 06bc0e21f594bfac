#if XML
/// A non-validating XML 1.0 parser with namespaces, bounded in depth, that reads a problem
/// document into its members.
///
/// It reads what a problem document needs and refuses what could hurt the reader:
/// - The XML declaration must say version 1.x and, when it names an encoding, UTF-8.
/// - Comments, processing instructions (such as `<?xml-stylesheet …?>`) and attributes other than
///   namespace declarations and `xml:base` are skipped; CDATA sections are text.
/// - Only the five predefined entities and character references are read. A document type
///   declaration or an entity declaration, anywhere, is refused (no external entities, no entity
///   expansion), and so is any other entity reference.
/// - Every byte is checked first: invalid UTF-8, and characters XML 1.0 cannot carry, are refused.
///
/// Every step is linear in the input, and recursion is bounded by the depth limit: only elements
/// that hold other elements count towards it, so a leaf one level further is allowed.
struct XMLReader {
    /// The namespace of RFC 9457 Appendix B.
    static let problemNamespace = "urn:ietf:rfc:7807"
    /// The namespace the `xml` prefix is bound to, always.
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
    /// The namespace of namespace declarations, which no prefix may be bound to.
    static let xmlnsNamespace = "http://www.w3.org/2000/xmlns/"

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index: Int
    private let maximumDepth: Int
    /// The namespaces in scope, by prefix; the empty prefix is the default namespace, and an empty
    /// URI means no namespace.
    private var namespaces: [String: String] = [:]
    /// The top-level member being read, which diagnostics about nested content name.
    private var topLevelMember: String?
    var diagnostics: [ProblemDiagnostic] = []
    /// The `xml:base` attribute of the `problem` element, as written.
    private(set) var problemBase: String?
    /// The `xml:base` attributes of the `type` and `instance` elements, as written, by member:
    /// XML Base makes an element's own attribute the base of its content.
    /// https://www.w3.org/TR/xmlbase/#granularity
    private(set) var memberBases: [String: String] = [:]

    init(_ bytes: UnsafeBufferPointer<UInt8>, startingAt index: Int = 0, maximumDepth: Int) {
        self.bytes = bytes
        self.index = index
        // The same ceiling as the JSON parser's: the reader keeps its own stack, but what reads
        // the value afterwards (the encoders, equality) recurses.
        self.maximumDepth = min(maximumDepth, JSONParser.depthCeiling)
    }

    /// An element as its parent needs it.
    private struct Element {
        /// The element's name as written, for messages.
        var qualifiedName: String
        /// The local part of the name.
        var localName: String
        /// The namespace URI, `nil` for none.
        var namespace: String?
        /// The value, when the element was read rather than skipped.
        var value: ExtensionValue?
    }

    /// A name as written in a tag: its bytes and where its colon is.
    private struct QualifiedName {
        var range: Range<Int>
        var colon: Int?
    }

    // MARK: Document

    /// Parses a whole document whose root must be `problem` in the RFC 9457 namespace.
    ///
    /// The whole document is read before the root is judged, so that malformed input is always
    /// reported as such.
    mutating func parseProblemDocument() throws(ProblemDecodingError) -> ExtensionValue.Object {
        try self.validateCharacters()
        if self.hasPrefix("<?xml"), self.index + 5 < self.bytes.count, Self.isWhitespace(self.bytes[self.index + 5]) {
            try self.parseXMLDeclaration()
        }
        try self.skipMiscellany()
        guard self.index < self.bytes.count else {
            throw self.error(.malformed, "the document has no root element")
        }
        let root = try self.parseElement()
        try self.skipMiscellany()
        if self.index < self.bytes.count {
            if self.index + 1 < self.bytes.count, self.bytes[self.index + 1] == UInt8(ascii: "/") {
                throw self.error(.malformed, "an end tag appears after the root element has ended")
            }
            throw self.error(.malformed, "a document has one root element, but another one starts here")
        }
        guard case .object(let members)? = root.value else {
            let namespace = root.namespace.map { "the namespace '\(ProblemDiagnostic.excerpt($0))'" } ?? "no namespace"
            throw ProblemDecodingError(
                .notAProblem,
                "the root element is <\(ProblemDiagnostic.excerpt(root.qualifiedName))> in \(namespace); a problem document's "
                    + "root is 'problem' in the namespace \(Self.problemNamespace)"
            )
        }
        return members
    }

    /// Skips whitespace, comments and processing instructions outside the root element; stops at
    /// anything that starts an element.
    private mutating func skipMiscellany() throws(ProblemDecodingError) {
        while true {
            self.skipWhitespace()
            guard self.index < self.bytes.count else { return }
            guard self.bytes[self.index] == UInt8(ascii: "<") else {
                throw self.error(.malformed, "text cannot appear outside the root element")
            }
            if self.hasPrefix("<?") {
                try self.skipProcessingInstruction()
            } else if self.hasPrefix("<!--") {
                try self.skipComment()
            } else if self.hasPrefix("<!") {
                throw self.declarationError()
            } else {
                return
            }
        }
    }

    /// Reads `<?xml version="1.x" encoding="UTF-8" standalone="yes"?>`, the last two optional.
    private mutating func parseXMLDeclaration() throws(ProblemDecodingError) {
        self.index += 5
        var stage = 0
        while true {
            let hadWhitespace = self.skipWhitespace()
            if self.hasPrefix("?>") {
                self.index += 2
                break
            }
            guard self.index < self.bytes.count else {
                throw self.error(.malformed, "the document ends inside the XML declaration")
            }
            guard hadWhitespace else {
                throw self.error(.malformed, "expected whitespace between the XML declaration's settings")
            }
            let nameStart = self.index
            while self.index < self.bytes.count, self.bytes[self.index].isASCIILetter { self.index += 1 }
            let name = String(
                decoding: UnsafeBufferPointer(rebasing: self.bytes[nameStart..<self.index]), as: UTF8.self)
            self.skipWhitespace()
            guard self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "=") else {
                throw self.error(.malformed, "expected '=' in the XML declaration")
            }
            self.index += 1
            self.skipWhitespace()
            let valueStart = self.index + 1
            let value = try self.parseDeclarationValue()
            switch (name, stage) {
            case ("version", 0):
                guard Self.isVersionOne(value) else {
                    throw self.error(
                        .malformed, "XML version '\(ProblemDiagnostic.excerpt(value))' is not supported", at: valueStart)
                }
                stage = 1
            case ("encoding", 1):
                guard Self.lowercasedASCII(value) == "utf-8" else {
                    throw self.error(
                        .notUTF8,
                        "the document declares the encoding '\(ProblemDiagnostic.excerpt(value))'; "
                            + "problem documents are read as UTF-8",
                        at: valueStart
                    )
                }
                stage = 2
            case ("standalone", 1), ("standalone", 2):
                guard value == "yes" || value == "no" else {
                    throw self.error(.malformed, "standalone must be 'yes' or 'no'", at: valueStart)
                }
                stage = 3
            default:
                throw self.error(
                    .malformed,
                    "unexpected setting '\(ProblemDiagnostic.excerpt(name))' in the XML declaration",
                    at: nameStart
                )
            }
        }
        guard stage > 0 else {
            throw self.error(.malformed, "the XML declaration must give the version")
        }
    }

    private mutating func parseDeclarationValue() throws(ProblemDecodingError) -> String {
        guard self.index < self.bytes.count,
            self.bytes[self.index] == UInt8(ascii: "\"") || self.bytes[self.index] == UInt8(ascii: "'")
        else {
            throw self.error(.malformed, "expected a quoted value in the XML declaration")
        }
        let quote = self.bytes[self.index]
        self.index += 1
        let start = self.index
        while self.index < self.bytes.count, self.bytes[self.index] != quote { self.index += 1 }
        guard self.index < self.bytes.count else {
            throw self.error(.malformed, "the document ends inside the XML declaration")
        }
        let value = String(decoding: UnsafeBufferPointer(rebasing: self.bytes[start..<self.index]), as: UTF8.self)
        self.index += 1
        return value
    }

    private static func isVersionOne(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "1"), bytes[1] == UInt8(ascii: ".") else { return false }
        return bytes[2...].allSatisfy(\.isASCIIDigit)
    }

    // MARK: Elements

    /// A start tag, read: its name, the namespace that name is in, the namespace bindings to undo
    /// at the element's end, its `xml:base`, and whether it is an empty-element tag.
    private struct StartTag {
        var name: QualifiedName
        var namespace: String?
        var restore: [(prefix: String, previous: String?)]
        var xmlBase: String?
        var isEmpty: Bool
    }

    /// Reads a start tag, with the cursor on its `<`, and binds the namespaces it declares.
    private mutating func parseStartTag() throws(ProblemDecodingError) -> StartTag {
        let tagStart = self.index
        self.index += 1
        let name = try self.scanQualifiedName()
        var restore: [(prefix: String, previous: String?)] = []
        var attributePrefixes: [(prefix: String, position: Int)] = []
        var attributeNames = Set<String>()
        var xmlBase: String?
        var isEmpty = false
        while true {
            let hadWhitespace = self.skipWhitespace()
            guard self.index < self.bytes.count else {
                throw self.error(.malformed, "the document ends inside a start tag")
            }
            if self.bytes[self.index] == UInt8(ascii: ">") {
                self.index += 1
                break
            }
            if self.bytes[self.index] == UInt8(ascii: "/") {
                guard self.index + 1 < self.bytes.count, self.bytes[self.index + 1] == UInt8(ascii: ">") else {
                    throw self.error(.malformed, "expected '>' after '/' in a tag")
                }
                self.index += 2
                isEmpty = true
                break
            }
            guard hadWhitespace else {
                throw self.error(.malformed, "expected whitespace, '>' or '/>' in a start tag")
            }
            let attributeStart = self.index
            let attribute = try self.scanQualifiedName()
            let attributeName = self.string(attribute.range)
            self.skipWhitespace()
            guard self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "=") else {
                throw self.error(.malformed, "expected '=' after the attribute name")
            }
            self.index += 1
            self.skipWhitespace()
            let value = try self.parseAttributeValue()
            guard attributeNames.insert(attributeName).inserted else {
                throw self.error(
                    .malformed,
                    "the attribute '\(ProblemDiagnostic.excerpt(attributeName))' appears twice in one tag",
                    at: attributeStart
                )
            }
            if attributeName == "xmlns" {
                restore.append((prefix: "", previous: self.namespaces[""]))
                self.namespaces[""] = value
            } else if let colon = attribute.colon {
                let prefix = self.string(attribute.range.lowerBound..<colon)
                guard prefix == "xmlns" else {
                    attributePrefixes.append((prefix: prefix, position: attributeStart))
                    if prefix == "xml", self.string(colon + 1..<attribute.range.upperBound) == "base" { xmlBase = value }
                    continue
                }
                let declared = self.string(colon + 1..<attribute.range.upperBound)
                try self.checkDeclaration(of: declared, as: value, at: attributeStart)
                restore.append((prefix: declared, previous: self.namespaces[declared]))
                self.namespaces[declared] = value
            }
        }
        let namespace = try self.namespace(of: name, at: tagStart + 1)
        for attribute in attributePrefixes
        where attribute.prefix != "xml" && self.namespaces[attribute.prefix] == nil {
            throw self.error(
                .malformed,
                "the namespace prefix '\(ProblemDiagnostic.excerpt(attribute.prefix))' is not declared",
                at: attribute.position
            )
        }
        return StartTag(name: name, namespace: namespace, restore: restore, xmlBase: xmlBase, isEmpty: isEmpty)
    }

    /// An element whose content is being read.
    private struct OpenElement {
        var name: QualifiedName
        var qualifiedName: String
        var localName: String
        var namespace: String?
        /// The namespace bindings to undo at the element's end.
        var restore: [(prefix: String, previous: String?)]
        /// The nesting level; the root is 1.
        var level: Int
        /// Whether the value is being built; when not, the element is only checked for
        /// well-formedness.
        var isRead: Bool
        /// The text read so far, when it is not all in ``textRun``.
        var text: [UInt8] = []
        /// The text, while it is one run of the document that needs no change: nearly every
        /// member's text is, and its string is then made from the document at once, not copied
        /// into ``text`` first.
        var textRun: Range<Int>?
        var children: Children
        var hasChildElements = false
        var hasText = false
    }

    /// An element whose start tag was read: an empty-element tag is finished there.
    private enum StartedElement {
        case finished(Element)
        case open(OpenElement)
    }

    /// What an element's content holds next.
    private enum ContentEvent {
        /// A child element starts, with the cursor on its `<`.
        case child
        /// The element's end tag was read.
        case end
    }

    /// Parses an element and everything in it, with the cursor on its `<`.
    ///
    /// A loop over an explicit stack of the open elements, not recursion: a thread's stack can be
    /// small (512 KiB on Apple platforms) and a debug build's frames large, and a reader that
    /// recursed once per level crashed there at some 80 levels, well inside the depth ceiling.
    private mutating func parseElement() throws(ProblemDecodingError) -> Element {
        var enclosing: [OpenElement] = []
        var current: OpenElement
        switch try self.startElement(level: 1, parentIsRead: true) {
        case .finished(let element): return element
        case .open(let element): current = element
        }
        while true {
            switch try self.readContent(of: &current) {
            case .child:
                switch try self.startElement(level: current.level + 1, parentIsRead: current.isRead) {
                case .finished(let child):
                    self.adopt(child, into: &current)
                case .open(let child):
                    // Moved, not copied: a copy retained and released every string and array in it.
                    enclosing.append(consume current)
                    current = child
                }
            case .end:
                let element = self.finish(consume current)
                guard let parent = enclosing.popLast() else { return element }
                current = parent
                self.adopt(element, into: &current)
            }
        }
    }

    /// Reads an element's start tag, with the cursor on its `<`; an empty-element tag finishes it.
    private mutating func startElement(level: Int, parentIsRead: Bool) throws(ProblemDecodingError) -> StartedElement {
        let tag = try self.parseStartTag()
        let name = tag.name
        let qualifiedName = self.string(name.range)
        let localName = name.colon.map { self.string($0 + 1..<name.range.upperBound) } ?? qualifiedName
        let isRoot = level == 1
        let isRead =
            parentIsRead && tag.namespace == Self.problemNamespace && (!isRoot || localName == "problem")
        if isRead, level == 2 { self.topLevelMember = localName }
        if isRead, isRoot { self.problemBase = tag.xmlBase }
        // A repeated member keeps its last value, so its last element's base.
        if isRead, level == 2, localName == "type" || localName == "instance" { self.memberBases[localName] = tag.xmlBase }

        guard tag.isEmpty else {
            return .open(
                OpenElement(
                    name: name,
                    qualifiedName: qualifiedName,
                    localName: localName,
                    namespace: tag.namespace,
                    restore: tag.restore,
                    level: level,
                    isRead: isRead,
                    children: Children(isArray: level > 1)
                )
            )
        }
        self.restore(tag.restore)
        let value: ExtensionValue? = isRead ? (isRoot ? .object([:]) : .string("")) : nil
        return .finished(
            Element(qualifiedName: qualifiedName, localName: localName, namespace: tag.namespace, value: value)
        )
    }

    /// An element whose end tag was read, as its parent needs it; its namespace bindings end.
    private mutating func finish(_ element: consuming OpenElement) -> Element {
        let value: ExtensionValue? =
            element.isRead
            ? self.value(
                text: element.hasChildElements || element.level == 1
                    ? "" : element.textRun.map(self.string) ?? String(decoding: element.text, as: UTF8.self),
                children: element.children,
                hasChildElements: element.hasChildElements,
                hasText: element.hasText,
                isRoot: element.level == 1
            ) : nil
        self.restore(element.restore)
        return Element(
            qualifiedName: element.qualifiedName,
            localName: element.localName,
            namespace: element.namespace,
            value: value
        )
    }

    /// Undoes an element's namespace declarations, innermost first.
    private mutating func restore(_ bindings: [(prefix: String, previous: String?)]) {
        for binding in bindings.reversed() {
            self.namespaces[binding.prefix] = binding.previous
        }
    }

    /// Adds a child element that was read to its parent's value, or says why it is ignored.
    private mutating func adopt(_ child: Element, into parent: inout OpenElement) {
        guard parent.isRead else { return }
        if let value = child.value {
            self.add(child.localName, value, to: &parent.children, isTopLevel: parent.level == 1)
        } else {
            let namespace =
                child.namespace.map { "is in the namespace '\(ProblemDiagnostic.excerpt($0))'" } ?? "has no namespace"
            self.diagnostics.record(
                .init(
                    member: parent.level == 1 ? nil : self.topLevelMember,
                    message: "the element <\(ProblemDiagnostic.excerpt(child.qualifiedName))> \(namespace), not "
                        + "\(Self.problemNamespace); ignored (RFC 9457 Appendix B)"
                )
            )
        }
    }

    /// Checks a namespace declaration against the rules of Namespaces in XML 1.0 §3.
    /// https://www.w3.org/TR/xml-names/#ns-decl
    private func checkDeclaration(of prefix: String, as uri: String, at position: Int) throws(ProblemDecodingError) {
        if prefix == "xmlns" {
            throw self.error(.malformed, "the prefix 'xmlns' cannot be declared", at: position)
        }
        if uri.isEmpty {
            throw self.error(.malformed, "a namespace prefix cannot be undeclared in XML 1.0", at: position)
        }
        if (prefix == "xml") != (uri == Self.xmlNamespace) || uri == Self.xmlnsNamespace {
            throw self.error(
                .malformed, "the 'xml' and 'xmlns' namespaces are bound to their own prefixes only", at: position)
        }
    }

    /// The namespace URI of an element name, with the declarations in scope.
    private func namespace(of name: QualifiedName, at position: Int) throws(ProblemDecodingError) -> String? {
        guard let colon = name.colon else {
            guard let uri = self.namespaces[""], !uri.isEmpty else { return nil }
            return uri
        }
        let prefix = self.string(name.range.lowerBound..<colon)
        if prefix == "xml" { return Self.xmlNamespace }
        guard prefix != "xmlns", let uri = self.namespaces[prefix] else {
            throw self.error(
                .malformed, "the namespace prefix '\(ProblemDiagnostic.excerpt(prefix))' is not declared", at: position)
        }
        return uri
    }

    /// Reads an element's content up to its next child element or its end tag, with the cursor
    /// in the content; text is kept while the element is read and has no child elements.
    ///
    /// The element's value, built by ``finish(_:)``, is an object for the root, an array when
    /// every child is `i`, an object when there are other children, and a string otherwise.
    private mutating func readContent(of element: inout OpenElement) throws(ProblemDecodingError) -> ContentEvent {
        while true {
            guard self.index < self.bytes.count else {
                throw self.error(
                    .malformed,
                    "the document ends inside the element <\(ProblemDiagnostic.excerpt(element.qualifiedName))>"
                )
            }
            let byte = self.bytes[self.index]
            if byte == UInt8(ascii: "&") {
                let scalar = try self.parseReference()
                if !Self.isWhitespace(scalar) { element.hasText = true }
                if element.isRead, !element.hasChildElements {
                    self.moveTextRun(of: &element)
                    Self.append(scalar, to: &element.text)
                }
                continue
            }
            guard byte == UInt8(ascii: "<") else {
                let start = self.index
                let isWhitespace = try self.scanText()
                if !isWhitespace { element.hasText = true }
                if element.isRead, !element.hasChildElements {
                    if element.text.isEmpty, element.textRun == nil, !self.bytes[start..<self.index].contains(0x0D) {
                        element.textRun = start..<self.index
                    } else {
                        self.moveTextRun(of: &element)
                        Self.appendNormalizingLineEnds(self.bytes[start..<self.index], to: &element.text)
                    }
                }
                continue
            }
            guard self.index + 1 < self.bytes.count else {
                throw self.error(.malformed, "the document ends inside a tag")
            }
            switch self.bytes[self.index + 1] {
            case UInt8(ascii: "/"):
                try self.parseEndTag(matching: element.name)
                return .end
            case UInt8(ascii: "?"):
                try self.skipProcessingInstruction()
            case UInt8(ascii: "!"):
                if self.hasPrefix("<!--") {
                    try self.skipComment()
                } else if self.hasPrefix("<![CDATA[") {
                    let content = try self.scanCDATA()
                    let isWhitespace = content.allSatisfy { Self.isWhitespace($0) }
                    if !isWhitespace { element.hasText = true }
                    if element.isRead, !element.hasChildElements {
                        self.moveTextRun(of: &element)
                        Self.appendNormalizingLineEnds(content, to: &element.text)
                    }
                } else {
                    throw self.declarationError()
                }
            default:
                // Only an element with child elements counts towards the depth, so a leaf may sit
                // one level below the limit and a problem within ProblemJSONDecoder's limit fits.
                guard element.level <= self.maximumDepth else {
                    throw self.error(.tooDeep, "the document nests deeper than \(self.maximumDepth) levels")
                }
                if !element.hasChildElements {
                    element.hasChildElements = true
                    element.text = []
                    element.textRun = nil
                }
                return .child
            }
        }
    }

    /// The value of an element that was read.
    private mutating func value(
        text: String,
        children: Children,
        hasChildElements: Bool,
        hasText: Bool,
        isRoot: Bool
    ) -> ExtensionValue {
        if hasChildElements || isRoot, hasText {
            self.diagnostics.record(
                .init(
                    member: isRoot ? nil : self.topLevelMember,
                    message: isRoot
                        ? "the problem element has text between its members; the text is ignored"
                        : "an element has both text and child elements; the text is ignored"
                )
            )
        }
        guard hasChildElements || isRoot else {
            return .string(text)
        }
        // An element whose only children were in other namespaces has no `i` to make it an array.
        if children.isArray, !children.items.isEmpty {
            return .array(children.items)
        }
        return .object(children.object.object)
    }

    /// The child elements of an element being read: an array while every one is `i`, an object
    /// from the first that is not.
    private struct Children {
        var isArray: Bool
        var items: [ExtensionValue] = []
        var object = ObjectBuilder()
    }

    /// Adds a child element's value, as it is read so that diagnostics come in document order.
    private mutating func add(
        _ name: String,
        _ value: ExtensionValue,
        to children: inout Children,
        isTopLevel: Bool
    ) {
        if children.isArray {
            if name == "i" {
                children.items.append(value)
                return
            }
            children.isArray = false
            let items = children.items
            children.items = []
            for item in items { self.insert("i", item, into: &children, isTopLevel: isTopLevel) }
        }
        self.insert(name, value, into: &children, isTopLevel: isTopLevel)
    }

    /// Adds an object member; a repeated name keeps its first position and its last value, as
    /// ``ProblemJSONDecoder`` does, with a diagnostic for each repeat.
    private mutating func insert(
        _ name: String,
        _ value: ExtensionValue,
        into children: inout Children,
        isTopLevel: Bool
    ) {
        guard children.object.add(name, value) != nil else { return }
        self.diagnostics.record(
            .init(
                member: isTopLevel ? name : self.topLevelMember,
                message: "the element <\(ProblemDiagnostic.excerpt(name))> appears more than once; the last one is used"
            )
        )
    }

    private mutating func parseEndTag(matching name: QualifiedName) throws(ProblemDecodingError) {
        let tagStart = self.index
        self.index += 2
        let nameStart = self.index
        while self.index < self.bytes.count, Self.isNameByte(self.bytes[self.index]) { self.index += 1 }
        let endName = nameStart..<self.index
        guard self.bytes[endName].elementsEqual(self.bytes[name.range]) else {
            throw self.error(
                .malformed,
                "the end tag </\(ProblemDiagnostic.excerpt(self.string(endName)))> does not match the start tag "
                    + "<\(ProblemDiagnostic.excerpt(self.string(name.range)))>",
                at: tagStart
            )
        }
        self.skipWhitespace()
        guard self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: ">") else {
            throw self.error(.malformed, "expected '>' to close the end tag")
        }
        self.index += 1
    }

    // MARK: Names

    /// Scans a name that is a QName of Namespaces in XML: one or two XML Names without colons,
    /// joined by a colon.
    /// https://www.w3.org/TR/xml-names/#NT-QName
    private mutating func scanQualifiedName() throws(ProblemDecodingError) -> QualifiedName {
        let start = self.index
        var colon: Int?
        while self.index < self.bytes.count, Self.isNameByte(self.bytes[self.index]) {
            if self.bytes[self.index] == UInt8(ascii: ":") {
                guard colon == nil else {
                    throw self.error(.malformed, "a name can have at most one ':'")
                }
                colon = self.index
            }
            self.index += 1
        }
        guard self.index > start else {
            throw self.error(.malformed, "expected a name")
        }
        let isValid =
            if let colon { self.isName(start..<colon) && self.isName(colon + 1..<self.index) } else { self.isName(start..<self.index) }
        guard isValid else {
            throw self.error(
                .malformed, "'\(ProblemDiagnostic.excerpt(self.string(start..<self.index)))' is not an XML name", at: start)
        }
        return QualifiedName(range: start..<self.index, colon: colon)
    }

    /// Whether a part of a qualified name, its bytes passed by ``isNameByte(_:)`` and holding no
    /// `:`, is an XML name.
    ///
    /// An ASCII one, as nearly every name is, needs only its first byte checked: every other ASCII
    /// byte ``isNameByte(_:)`` lets through is a name character. Any other is checked scalar by
    /// scalar.
    private func isName(_ range: Range<Int>) -> Bool {
        guard let first = range.first else { return false }
        for index in range where self.bytes[index] >= 0x80 { return XMLName.isValid(self.string(range)) }
        let byte = self.bytes[first]
        return byte.isASCIILetter || byte == UInt8(ascii: "_")
    }

    /// Whether a byte can be part of a name; ``isName(_:)`` then checks the name as a whole.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    // MARK: Text and references

    /// Scans character data up to the next `<` or `&`, returning whether it is all whitespace.
    private mutating func scanText() throws(ProblemDecodingError) -> Bool {
        let start = self.index
        var isWhitespace = true
        while self.index < self.bytes.count {
            let byte = self.bytes[self.index]
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") { break }
            if byte == UInt8(ascii: ">"), self.index - start >= 2, self.bytes[self.index - 1] == UInt8(ascii: "]"),
                self.bytes[self.index - 2] == UInt8(ascii: "]")
            {
                throw self.error(.malformed, "']]>' cannot appear in text; write ']]&gt;'", at: self.index - 2)
            }
            if !Self.isWhitespace(byte) { isWhitespace = false }
            self.index += 1
        }
        return isWhitespace
    }

    /// Reads an entity or character reference, with the cursor on its `&`.
    private mutating func parseReference() throws(ProblemDecodingError) -> Unicode.Scalar {
        let start = self.index
        self.index += 1
        if self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "#") {
            return try self.parseCharacterReference(from: start)
        }
        let nameStart = self.index
        while self.index < self.bytes.count, Self.isNameByte(self.bytes[self.index]) { self.index += 1 }
        let name = nameStart..<self.index
        guard !name.isEmpty, self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: ";") else {
            throw self.error(.malformed, "'&' must start a reference such as '&amp;'", at: start)
        }
        self.index += 1
        switch self.string(name) {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "apos": return "'"
        case "quot": return "\""
        default:
            throw self.error(
                .malformed,
                "the entity '&\(ProblemDiagnostic.excerpt(self.string(name)));' is unknown; "
                    + "only the five predefined entities are read",
                at: start
            )
        }
    }

    /// Reads `&#…;` or `&#x…;`, with the cursor on the `#`.
    private mutating func parseCharacterReference(from start: Int) throws(ProblemDecodingError) -> Unicode.Scalar {
        self.index += 1
        var radix: UInt32 = 10
        if self.index < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "x") {
            radix = 16
            self.index += 1
        }
        var value: UInt32 = 0
        var digits = 0
        while self.index < self.bytes.count, self.bytes[self.index] != UInt8(ascii: ";") {
            let byte = self.bytes[self.index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16:
                digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16:
                digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw self.error(.malformed, "a character reference has a character that is not a digit")
            }
            // Checked at every digit, so the value never overflows whatever the number of digits.
            value = value * radix + digit
            guard value <= 0x10FFFF else {
                throw self.error(.malformed, "a character reference is beyond U+10FFFF", at: start)
            }
            digits += 1
            self.index += 1
        }
        guard digits > 0, self.index < self.bytes.count else {
            throw self.error(.malformed, "a character reference needs digits and a closing ';'", at: start)
        }
        self.index += 1
        guard Self.isCharacter(value), let scalar = Unicode.Scalar(value) else {
            throw self.error(
                .malformed,
                "a character reference refers to U+\(String(value, radix: 16, uppercase: true)), "
                    + "which XML cannot carry",
                at: start
            )
        }
        return scalar
    }

    /// Reads a quoted attribute value, normalised as XML 1.0 §3.3.3 asks for CDATA attributes.
    private mutating func parseAttributeValue() throws(ProblemDecodingError) -> String {
        guard self.index < self.bytes.count,
            self.bytes[self.index] == UInt8(ascii: "\"") || self.bytes[self.index] == UInt8(ascii: "'")
        else {
            throw self.error(.malformed, "an attribute value must be in quotes")
        }
        let quote = self.bytes[self.index]
        self.index += 1
        var value: [UInt8] = []
        while true {
            guard self.index < self.bytes.count else {
                throw self.error(.malformed, "the document ends inside an attribute value")
            }
            let byte = self.bytes[self.index]
            switch byte {
            case quote:
                self.index += 1
                return String(decoding: value, as: UTF8.self)
            case UInt8(ascii: "<"):
                throw self.error(.malformed, "'<' cannot appear in an attribute value; write '&lt;'")
            case UInt8(ascii: "&"):
                Self.append(try self.parseReference(), to: &value)
            case 0x0D:
                // CR LF is one line end, and every line end becomes a space.
                value.append(UInt8(ascii: " "))
                self.index += 1
                if self.index < self.bytes.count, self.bytes[self.index] == 0x0A { self.index += 1 }
            case 0x09, 0x0A:
                value.append(UInt8(ascii: " "))
                self.index += 1
            default:
                value.append(byte)
                self.index += 1
            }
        }
    }

    // MARK: Markup that is skipped

    private mutating func skipComment() throws(ProblemDecodingError) {
        let start = self.index
        self.index += 4
        while self.index + 1 < self.bytes.count {
            if self.bytes[self.index] == UInt8(ascii: "-"), self.bytes[self.index + 1] == UInt8(ascii: "-") {
                guard self.index + 2 < self.bytes.count, self.bytes[self.index + 2] == UInt8(ascii: ">") else {
                    throw self.error(.malformed, "'--' cannot appear inside a comment")
                }
                self.index += 3
                return
            }
            self.index += 1
        }
        throw self.error(.malformed, "the document ends inside a comment", at: start)
    }

    private mutating func skipProcessingInstruction() throws(ProblemDecodingError) {
        let start = self.index
        self.index += 2
        let targetStart = self.index
        while self.index < self.bytes.count, Self.isNameByte(self.bytes[self.index]) { self.index += 1 }
        let target = self.string(targetStart..<self.index)
        guard XMLName.isValid(target) else {
            throw self.error(
                .malformed, "a processing instruction needs a target name without ':'", at: targetStart)
        }
        guard Self.lowercasedASCII(target) != "xml" else {
            throw self.error(.malformed, "the XML declaration can only come first in the document", at: start)
        }
        if self.hasPrefix("?>") {
            self.index += 2
            return
        }
        guard self.index < self.bytes.count, Self.isWhitespace(self.bytes[self.index]) else {
            throw self.error(.malformed, "expected whitespace or '?>' after the processing instruction's target")
        }
        while self.index + 1 < self.bytes.count {
            if self.bytes[self.index] == UInt8(ascii: "?"), self.bytes[self.index + 1] == UInt8(ascii: ">") {
                self.index += 2
                return
            }
            self.index += 1
        }
        throw self.error(.malformed, "the document ends inside a processing instruction", at: start)
    }

    /// Scans a CDATA section, returning its content.
    private mutating func scanCDATA() throws(ProblemDecodingError) -> Slice<UnsafeBufferPointer<UInt8>> {
        let start = self.index
        self.index += 9
        let contentStart = self.index
        while self.index + 2 < self.bytes.count {
            if self.bytes[self.index] == UInt8(ascii: "]"), self.bytes[self.index + 1] == UInt8(ascii: "]"),
                self.bytes[self.index + 2] == UInt8(ascii: ">")
            {
                let content = self.bytes[contentStart..<self.index]
                self.index += 3
                return content
            }
            self.index += 1
        }
        throw self.error(.malformed, "the document ends inside a CDATA section", at: start)
    }

    /// The error for `<!` markup that is neither a comment nor a CDATA section.
    ///
    /// A document type declaration could declare entities whose expansion reads files or
    /// multiplies the document (XXE, "billion laughs"), so it is refused outright, as are entity
    /// declarations; the comparison ignores case so that no spelling slips through.
    private func declarationError() -> ProblemDecodingError {
        if self.hasPrefix("<!DOCTYPE", ignoringCase: true) {
            return self.error(
                .forbiddenDeclaration,
                "a document type declaration is refused: it could declare entities (XXE, entity expansion)"
            )
        }
        if self.hasPrefix("<!ENTITY", ignoringCase: true) {
            return self.error(.forbiddenDeclaration, "an entity declaration is refused")
        }
        return self.error(.malformed, "unexpected markup declaration")
    }

    // MARK: Characters

    /// Checks that the whole document is UTF-8 made of characters XML 1.0 can carry.
    ///
    /// Done once, up front, so that the rest of the reader can decode any slice without checks.
    /// https://www.w3.org/TR/xml/#charsets
    private func validateCharacters() throws(ProblemDecodingError) {
        if let offset = UTF8Validation.firstInvalidOffset(in: self.bytes, from: self.index) {
            throw self.error(.notUTF8, "the document is not valid UTF-8", at: offset)
        }
        // Valid UTF-8 now; what XML 1.0 adds is that C0 controls other than tab, line feed and
        // carriage return, and the noncharacters U+FFFE and U+FFFF (EF BF BE, EF BF BF), are not
        // characters at all.
        var position = self.index
        let count = self.bytes.count
        while position < count {
            let byte = self.bytes[position]
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                throw self.error(
                    .malformed,
                    "the control character U+\(String(byte, radix: 16, uppercase: true)) cannot appear in XML",
                    at: position
                )
            }
            if byte == 0xEF, position + 2 < count, self.bytes[position + 1] == 0xBF, self.bytes[position + 2] >= 0xBE {
                throw self.error(
                    .malformed, "the noncharacters U+FFFE and U+FFFF cannot appear in XML", at: position)
            }
            position += 1
        }
    }

    /// Whether a code point is a `Char` of XML 1.0.
    /// https://www.w3.org/TR/xml/#NT-Char
    private static func isCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 && Self.isWhitespace(UInt8(scalar.value))
    }

    /// Copies an element's text run into its text buffer, before more text joins it.
    private func moveTextRun(of element: inout OpenElement) {
        guard let run = element.textRun else { return }
        element.text.append(contentsOf: self.bytes[run])
        element.textRun = nil
    }

    private static func append(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: scalar.utf8)
    }

    /// Appends text with every CR LF and every lone CR turned into LF, as XML 1.0 §2.11 asks.
    private static func appendNormalizingLineEnds(
        _ text: Slice<UnsafeBufferPointer<UInt8>>, to buffer: inout [UInt8]
    ) {
        guard text.contains(0x0D) else {
            buffer.append(contentsOf: text)
            return
        }
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            index += 1
            guard byte == 0x0D else {
                buffer.append(byte)
                continue
            }
            buffer.append(0x0A)
            if index < text.endIndex, text[index] == 0x0A { index += 1 }
        }
    }

    // MARK: Helpers

    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = self.index
        while self.index < self.bytes.count, Self.isWhitespace(self.bytes[self.index]) { self.index += 1 }
        return self.index > start
    }

    private func hasPrefix(_ literal: StaticString, ignoringCase: Bool = false) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard self.index + count <= self.bytes.count else { return false }
        for offset in 0..<count {
            let expected = literal.utf8Start[offset]
            let actual = self.bytes[self.index + offset]
            guard actual == expected || (ignoringCase && expected.isASCIILetter && actual | 0x20 == expected | 0x20)
            else {
                return false
            }
        }
        return true
    }

    /// The text of a range of the document, which was checked to be UTF-8.
    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: self.bytes[range]), as: UTF8.self)
    }

    private static func lowercasedASCII(_ text: String) -> String {
        String(decoding: text.utf8.map { $0.isASCIILetter ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// At most 64 scalars of a name or URI from the document, so that a hostile document cannot
    /// make messages huge.
    private func error(_ reason: ProblemDecodingError.Reason, _ message: String, at position: Int? = nil)
        -> ProblemDecodingError
    {
        let offset = min(position ?? self.index, self.bytes.count)
        let (line, column) = JSONParser.lineAndColumn(of: offset, in: self.bytes)
        return ProblemDecodingError(reason, message, line: line, column: column)
    }
}
#endif
