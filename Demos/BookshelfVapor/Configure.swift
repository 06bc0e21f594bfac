#if Vapor
public import BookshelfContract
import Fluent
import FluentSQLiteDriver
import Foundation
import ProblemDetailsVapor
public import Prometheus
public import Vapor

/// Sets up the bookshelf API on an application: problem details, the SQLite database (created
/// and migrated), the body limit and every route of the contract.
///
/// ```swift
/// let app = try await Application.make(.production)
/// try await configure(app, options: BookshelfOptions(port: 8081))
/// try await app.execute()
/// ```
/// - Parameters:
///   - app: The application.
///   - options: The address, database, log level and public URL.
///   - metrics: The Prometheus registry `/metrics` shows; the problem counter is made in it.
/// - Throws: When the public URL is not absolute or the database cannot be opened or migrated.
public func configure(
    _ app: Application,
    options: BookshelfOptions,
    metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry()
) async throws {
    app.http.server.configuration.hostname = options.hostname
    app.http.server.configuration.port = options.port
    if let level = Logger.Level(rawValue: options.logLevel) { app.logger.logLevel = level }

    // Problems: the API's types with German titles, the legacy envelope for old clients, and the
    // problem counter in the registry `/metrics` shows rather than in a process-wide backend.
    let registry = try BookshelfRegistry.make(publicURL: options.publicURL)
    let representations = BookshelfRegistry.representations
    let reporting = ProblemReporting(metricsFactory: PrometheusMetricsFactory(registry: metrics))
    app.useProblemDetails(registry, representations: representations, reporting: reporting)
    let responder = ProblemResponder(registry: registry, representations: representations)
    app.routes.defaultMaxBodySize = ByteCount(value: BookshelfPolicy.maximumBodySize)

    app.databases.use(.sqlite(.file(databaseFile(for: options, app: app))), as: .sqlite)
    app.migrations.add(CreateBooks())
    try await app.autoMigrate()

    try app.register(collection: BookController())
    try app.register(
        collection: DemoController(
            rateLimit: RateLimitMiddleware(limit: BookshelfPolicy.rateLimit, window: BookshelfPolicy.rateLimitWindow),
            timeout: RouteTimeoutMiddleware(timeout: BookshelfPolicy.slowRouteTimeout)
        )
    )
    try app.register(collection: ProblemPagesController(responder: responder))
    try app.register(collection: MetricsController(registry: metrics))
    try app.register(collection: OpenAPIController(registry: registry))
}

/// The SQLite file to open: `--database`, or for `:memory:` a temporary file deleted on shutdown.
///
/// Every pooled connection must see the same tables, and SQLite is built here without shared
/// cache, so separate connections cannot share a true in-memory database. SQLiteKit's `.memory`
/// works around that with a temporary file it never deletes; this one is removed on shutdown.
private func databaseFile(for options: BookshelfOptions, app: Application) -> String {
    guard options.isInMemory else { return options.databasePath }
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("bookshelf-memory-\(UUID().uuidString).sqlite").path
    app.lifecycle.use(TemporaryFileRemover(paths: [path, path + "-journal", path + "-wal", path + "-shm"]))
    return path
}
#endif
