import Benchmark
import HTTPTypes
import Hummingbird
import HummingbirdLoadRoutes
import Logging
import NIOCore
import NIOEmbedded
import ProblemDetailsHummingbird
import Vapor
import VaporLoadRoutes

/// Whole requests through each framework's responder chain, in process: the same applications as
/// `HTTP/run` (``VaporLoadRoutes``, ``HummingbirdLoadRoutes``), each with its default error
/// handling and with ours, in the same run.
///
/// The network, the HTTP parser and the kernel are left out: what remains is the routing, the
/// middleware, the handler and the response, so the two arms differ only by what our integration
/// does. Allocations are counted exactly, where the HTTP load ratios move by several per cent
/// from one run to the next on this machine. Each iteration does what the framework's server does
/// per request around the responder: Vapor's `Request` made as its request decoder makes it;
/// Hummingbird's request logger, request ID and context made as its `Application` makes them, and
/// an error that escapes the responder answered with a bodiless 500, as there.

/// The scenarios of `HTTP/run`.
let paths = [
    ("happy path", "/hello"),
    ("thrown 4xx", "/thrown"),
    ("unknown route 404", "/no/such/route"),
    ("422, three errors", "/invalid"),
    ("generic 500", "/boom"),
]

let baseURI = "http://127.0.0.1:8080"

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        timeUnits: .nanoseconds,
        warmupIterations: 1_000,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 1_000_000
    )
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = .critical
        return handler
    }

    for (scenario, path) in paths {
        for problems in [false, true] {
            Benchmark("Vapor \(problems ? "ours" : "default"): \(scenario)") { benchmark in
                try await serveVapor(path, problems: problems, benchmark: benchmark)
            }
        }
    }
    // An unmatched request's lookup in the table of routes the 405 answer needs, with an API's few
    // routes and with thousands: a scanner's 404 flood must cost the same either way.
    for routeCount in [12, 6_000] {
        // Made here, once: the benchmark's closure runs again for every sample.
        let table = routeTable(routeCount: routeCount)
        Benchmark("Route table: an unknown path among \(routeCount) routes") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(table.problem(forUnmatched: .get, path: "/wp-admin/setup-config.php"))
            }
        }
    }
    for (scenario, path) in paths {
        Benchmark("Hummingbird default: \(scenario)") { benchmark in
            try await serveHummingbird(path, router: HummingbirdLoadRoutes.defaultRouter(), benchmark: benchmark)
        }
        Benchmark("Hummingbird ours: \(scenario)") { benchmark in
            let router = try HummingbirdLoadRoutes.problemRouter(baseURI: baseURI)
            try await serveHummingbird(path, router: router, benchmark: benchmark)
        }
    }
}

/// Serves `path` once per iteration through a Vapor application's responder, on an embedded
/// event loop, so that the whole chain runs on this thread and no hop is measured.
func serveVapor(_ path: String, problems: Bool, benchmark: Benchmark) async throws {
    var environment = Environment.production
    environment.arguments = ["Serving"]
    let app = try await Application.make(environment)
    app.logger.logLevel = .critical
    try VaporLoadRoutes.install(on: app, problems: problems, baseURI: baseURI)
    try await app.asyncBoot()
    let responder = app.responder.current
    let eventLoop = EmbeddedEventLoop()
    let allocator = ByteBufferAllocator()
    let headers: HTTPHeaders = ["Host": "127.0.0.1:8080", "Accept": "*/*"]
    func serve() {
        let request = Vapor.Request(
            application: app,
            method: .GET,
            url: URI(path: path),
            version: .http1_1,
            headers: headers,
            collectedBody: nil,
            remoteAddress: nil,
            logger: app.logger,
            byteBufferAllocator: allocator,
            on: eventLoop
        )
        // On an embedded event loop the future is complete on return, and the callback runs
        // at once.
        responder.respond(to: request).whenSuccess { blackHole($0.status) }
    }
    // Once before measuring: the table of routes the 405 answer needs is read on first use, once
    // in a server's life, and the benchmark makes a new application for every sample.
    serve()
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
        serve()
    }
    benchmark.stopMeasurement()
    try await app.asyncShutdown()
}

/// Serves `path` once per iteration through a Hummingbird router's responder.
func serveHummingbird<Context: RequestContext>(
    _ path: String,
    router: Hummingbird.Router<Context>,
    benchmark: Benchmark
) async throws where Context.Source == ApplicationRequestContextSource {
    let responder = router.buildResponder()
    let channel = EmbeddedChannel()
    var logger = Logger(label: "Serving")
    logger.logLevel = .critical
    var head = HTTPTypes.HTTPRequest(method: .get, scheme: nil, authority: "127.0.0.1:8080", path: path)
    head.headerFields[.accept] = "*/*"
    func serve() async {
        let request = Hummingbird.Request(head: head, body: RequestBody(buffer: ByteBuffer()))
        var requestLogger = logger
        requestLogger[metadataKey: "hb.request.id"] = .stringConvertible(Hummingbird.RequestID())
        let response = await withLogger(requestLogger) { requestLogger in
            let context = Context(source: ApplicationRequestContextSource(channel: channel, logger: requestLogger))
            do {
                return try await responder.respond(to: request, context: context)
            } catch {
                return Hummingbird.Response(status: .internalServerError, body: ResponseBody())
            }
        }
        blackHole(response.status)
    }
    // Once before measuring, as for Vapor.
    await serve()
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
        await serve()
    }
    benchmark.stopMeasurement()
}

/// The table of an API with `routeCount` routes: resources, each listed, created, read, deleted
/// and with items under it, read on first use as the integrations' tables are.
func routeTable(routeCount: Int) -> RouteMethodTable {
    let table = RouteMethodTable {
        (0..<routeCount / 6).flatMap { index -> [RouteMethodTable.Route] in
            let name = "resource\(index)"
            let item: [RouteMethodTable.Segment] = [.literal("api"), .literal(name), .parameter]
            return [
                .init(key: "/api/\(name)", path: [.literal("api"), .literal(name)], method: .get),
                .init(key: "/api/\(name)", path: [.literal("api"), .literal(name)], method: .post),
                .init(key: "/api/\(name)/:id", path: item, method: .get),
                .init(key: "/api/\(name)/:id", path: item, method: .delete),
                .init(key: "/api/\(name)/:id/items", path: item + [.literal("items")], method: .get),
                .init(key: "/api/\(name)/:id/items/**", path: item + [.literal("items"), .rest], method: .get),
            ]
        }
    }
    _ = table.methods(forPath: "/")
    return table
}
