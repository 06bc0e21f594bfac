import HTTPTypes
import ProblemDetails
import ProblemDetailsServer
import PropertyBased
import Synchronization
import Testing

@Suite struct RouteMethodTableTests {
    static let routes: [RouteMethodTable.Route] = [
        .init(key: "/books", path: [.literal("books")], method: .get),
        .init(key: "/books", path: [.literal("books")], method: .post),
        .init(key: "/books/:id", path: [.literal("books"), .parameter], method: .get),
        .init(key: "/books/:id", path: [.literal("books"), .parameter], method: .delete),
        .init(key: "/books/:id", path: [.literal("books"), .parameter], method: .get),
        .init(key: "/files/**", path: [.literal("files"), .rest], method: .get),
        .init(key: "/img/*.jpg", path: [.literal("img"), .matching { $0.hasSuffix(".jpg") }], method: .get),
    ]

    @Test func aKnownPathListsItsMethodsOnceInRegistrationOrder() {
        let table = RouteMethodTable { Self.routes }
        #expect(table.methods(forPath: "/books") == [.get, .post])
        #expect(table.methods(forPath: "/books/42") == [.get, .delete])
        #expect(table.methods(forPath: "books/42/") == [.get, .delete])
    }

    @Test(arguments: ["", "/", "//", "/books", "books/42/", "//books//42//", "/é/ü/", "/a%2Fb/c", "/files/a/b/c", "x"])
    func pathComponentsAreTheNonEmptySegments(path: String) {
        var components = RouteMethodTable.PathComponents(path)
        var read: [Substring] = []
        while let component = components.next() { read.append(component) }
        #expect(read == path.split(separator: "/", omittingEmptySubsequences: true))
        #expect(components.next() == nil)
    }

    @Test func segmentsMatchAsTheirKindSays() {
        let table = RouteMethodTable { Self.routes }
        #expect(table.methods(forPath: "/files/a/b/c") == [.get])
        #expect(table.methods(forPath: "/files") == nil)
        #expect(table.methods(forPath: "/img/cat.jpg") == [.get])
        #expect(table.methods(forPath: "/img/cat.png") == nil)
        #expect(table.methods(forPath: "/books/42/pages") == nil)
        #expect(table.methods(forPath: "/nowhere") == nil)
        #expect(table.methods(forPath: "/") == nil)
    }

    @Test func aTableThatIgnoresCaseFindsAPathInAnyCase() {
        let ignoringCase = RouteMethodTable(ignoringCase: { true }) {
            Self.routes + [.init(key: "/Shelves/:id", path: [.literal("Shelves"), .parameter], method: .put)]
        }
        #expect(ignoringCase.methods(forPath: "/BOOKS/42") == [.get, .delete])
        #expect(ignoringCase.methods(forPath: "/shelves/1") == [.put])
        #expect(ignoringCase.methods(forPath: "/SHELVES/1") == [.put])
        // The framework lowercases its patterns; the predicate sees the segment lowercased.
        #expect(ignoringCase.methods(forPath: "/IMG/CAT.JPG") == [.get])
        #expect(ignoringCase.methods(forPath: "/BOOKS/42/pages") == nil)
        let sensitive = RouteMethodTable { Self.routes }
        #expect(sensitive.methods(forPath: "/BOOKS/42") == nil)
        #expect(sensitive.methods(forPath: "/img/CAT.JPG") == nil)
    }

    @Test func theRoutesAreReadOnceOnFirstUseEvenUnderConcurrency() async {
        let reads = Mutex(0)
        let table = RouteMethodTable {
            reads.withLock { $0 += 1 }
            return Self.routes
        }
        #expect(reads.withLock { $0 } == 0)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<50 { group.addTask { _ = table.methods(forPath: "/books") } }
        }
        #expect(reads.withLock { $0 } == 1)
    }

    @Test func theMostSpecificRouteCountsAndAllowIsInCanonicalOrder() {
        let table = RouteMethodTable {
            [
                .init(key: "/books/:id", path: [.literal("books"), .parameter], method: .delete),
                .init(key: "/books/:id", path: [.literal("books"), .parameter], method: .put),
                .init(key: "/books/:id", path: [.literal("books"), .parameter], method: .get),
                .init(key: "/books/search", path: [.literal("books"), .literal("search")], method: .get),
            ]
        }
        #expect(table.methods(forPath: "/books/search") == [.get])
        #expect(table.methods(forPath: "/books/42") == [.get, .put, .delete])
    }

    @Test func withOneTreePerMethodEveryFittingRouteCounts() {
        let routes: [RouteMethodTable.Route] = [
            .init(key: "/books/:id", path: [.literal("books"), .parameter], method: .delete),
            .init(key: "/books/search", path: [.literal("books"), .literal("search")], method: .get),
            .init(key: "/books/search", path: [.literal("books"), .literal("search")], method: .head),
            .init(key: "/books/**", path: [.literal("books"), .rest], method: .delete),
        ]
        let table = RouteMethodTable(resolution: .methodFirst) { routes }
        #expect(table.resolution == .methodFirst)
        #expect(table.methods(forPath: "/books/search") == [.get, .head, .delete])
        #expect(table.methods(forPath: "/books/42") == [.delete])
        #expect(table.methods(forPath: "/nowhere") == nil)
        #expect(table.problem(forUnmatched: .patch, path: "/books/search").problem.headers[.allow] == "GET, HEAD, DELETE")
        #expect(RouteMethodTable { routes }.methods(forPath: "/books/search") == [.get, .head])
    }

    @Test func anUnmatchedRequestIs405OnlyWhenItsPathLacksItsMethod() {
        let table = RouteMethodTable { Self.routes }
        let wrongMethod = table.problem(forUnmatched: .put, path: "/books/42")
        #expect(wrongMethod.problem.status == .methodNotAllowed)
        #expect(wrongMethod.problem.headers[.allow] == "GET, DELETE")
        #expect(!wrongMethod.isUnknownRoute)
        // The path accepts GET: the router matched and a handler found nothing, so 404.
        let ownMethod = table.problem(forUnmatched: .get, path: "/books/42")
        #expect(ownMethod.problem.status == .notFound)
        #expect(ownMethod.isUnknownRoute)
        let unknown = table.problem(forUnmatched: .get, path: "/nowhere")
        #expect(unknown.problem.status == .notFound)
        #expect(unknown.problem.type == "about:blank")
        #expect(unknown.isUnknownRoute)
    }

    /// A route's segment in a form the test can show and compare; `suffix` is a pattern.
    enum Part: Sendable, CustomStringConvertible {
        case literal(String), parameter, rest, suffix(String)

        var segment: RouteMethodTable.Segment {
            switch self {
            case .literal(let text): .literal(text)
            case .parameter: .parameter
            case .rest: .rest
            case .suffix(let suffix): .matching { $0.hasSuffix(suffix) }
            }
        }

        var description: String {
            switch self {
            case .literal(let text): text
            case .parameter: ":p"
            case .rest: "**"
            case .suffix(let suffix): "*" + suffix
            }
        }

        var specificity: Int {
            switch self {
            case .literal: 3
            case .suffix: 2
            case .parameter: 1
            case .rest: 0
            }
        }

        /// "é" twice, precomposed and decomposed: a router's literal compares as `String` does.
        func fits(_ component: Substring, ignoringCase: Bool) -> Bool {
            let component = ignoringCase ? Substring(component.lowercased()) : component
            switch self {
            case .literal(let text): return component == (ignoringCase ? text.lowercased() : text)
            case .parameter, .rest: return true
            case .suffix(let suffix): return component.hasSuffix(suffix)
            }
        }
    }

    static let texts = ["a", "b", "ab", "\u{E9}", "e\u{301}", "books", "A", "Books", "\u{C9}"]
    static let part = Gen.oneOf(
        Gen.element(of: texts).map { Part.literal($0!) }.eraseToAnySequence(),
        Gen.element(of: [Part.parameter, .rest, .suffix("b")]).map { $0! }.eraseToAnySequence()
    )
    static let route = zip(
        part.array(of: 0...4),
        Gen.element(of: [HTTPRequest.Method.get, .post, .delete, .put]).map { $0! }
    )
    static let path = Gen.element(of: texts + ["", "x"]).map { $0! }.array(of: 0...5)

    /// What the table answered before it kept a tree: every route's path matched in turn.
    static func linearMethods(
        of routes: [(parts: [Part], method: HTTPRequest.Method)],
        forPath path: String,
        resolution: RouteMethodTable.Resolution,
        ignoringCase: Bool
    ) -> [HTTPRequest.Method]? {
        func fits(_ parts: [Part]) -> Bool {
            var components = path.split(separator: "/")[...]
            for part in parts {
                if case .rest = part { return !components.isEmpty }
                guard let component = components.popFirst(), part.fits(component, ignoringCase: ignoringCase) else {
                    return false
                }
            }
            return components.isEmpty
        }
        func isMoreSpecific(_ parts: [Part], than other: [Part]) -> Bool {
            for (part, otherPart) in zip(parts, other) where part.specificity != otherPart.specificity {
                return part.specificity > otherPart.specificity
            }
            return parts.count > other.count
        }
        var paths: [(key: String, parts: [Part], methods: [HTTPRequest.Method])] = []
        for route in routes {
            let key = route.parts.map(\.description).joined(separator: "/")
            if let index = paths.firstIndex(where: { $0.key == key }) {
                if !paths[index].methods.contains(route.method) { paths[index].methods.append(route.method) }
            } else {
                paths.append((key, route.parts, [route.method]))
            }
        }
        let order: [HTTPRequest.Method] = [.get, .post, .put, .delete]
        let fitting = paths.filter { fits($0.parts) }
        guard var best = fitting.first else { return nil }
        if resolution == .methodFirst {
            return order.filter { method in fitting.contains { $0.methods.contains(method) } }
        }
        for candidate in fitting.dropFirst() where isMoreSpecific(candidate.parts, than: best.parts) {
            best = candidate
        }
        return order.filter(best.methods.contains)
    }

    @Test(arguments: [RouteMethodTable.Resolution.pathFirst, .methodFirst], [false, true])
    func aLookupFindsWhatMatchingEveryRouteInTurnFinds(resolution: RouteMethodTable.Resolution, ignoringCase: Bool) async {
        let input = (routes: Self.route.array(of: 0...10), paths: Self.path.array(of: 1...6))
        await propertyCheck(count: 3_000, input: input.routes, input.paths) { routes, paths in
            let table = RouteMethodTable(resolution: resolution, ignoringCase: { ignoringCase }) {
                routes.map { parts, method in
                    RouteMethodTable.Route(
                        key: parts.map(\.description).joined(separator: "/"),
                        path: parts.map(\.segment),
                        method: method
                    )
                }
            }
            for components in paths {
                let path = "/" + components.joined(separator: "/")
                let routes = routes.map { (parts: $0.0, method: $0.1) }
                let expected = Self.linearMethods(
                    of: routes,
                    forPath: path,
                    resolution: resolution,
                    ignoringCase: ignoringCase
                )
                #expect(table.methods(forPath: path) == expected, "\(routes) \(path)")
            }
        }
    }

    @Test func aLookupAmongThousandsOfRoutesFindsTheOneThatFits() {
        let routes = (0..<5_000).flatMap { index -> [RouteMethodTable.Route] in
            let name = "r\(index)"
            return [
                .init(key: "/\(name)/:id", path: [.literal(name), .parameter], method: .get),
                .init(key: "/\(name)/:id/items", path: [.literal(name), .parameter, .literal("items")], method: .post),
            ]
        }
        let table = RouteMethodTable { routes }
        #expect(table.methods(forPath: "/r4999/7") == [.get])
        #expect(table.methods(forPath: "/r0/7/items") == [.post])
        #expect(table.methods(forPath: "/r5000/7") == nil)
        #expect(table.methods(forPath: String(repeating: "/r1", count: 10_000)) == nil)
    }
}
