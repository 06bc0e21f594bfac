import HTTPTypes
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
}
