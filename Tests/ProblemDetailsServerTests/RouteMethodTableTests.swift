import HTTPTypes
import ProblemDetails
import ProblemDetailsServer
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
}
