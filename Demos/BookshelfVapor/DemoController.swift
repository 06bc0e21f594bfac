#if Vapor
import BookshelfContract
import Foundation
import ProblemDetailsVapor
import Vapor

/// The routes that show one problem each: `/health`, `/admin`, `/limited`, `/slow`,
/// `/maintenance` and `/boom`.
struct DemoController: RouteCollection {
    /// Guards `/limited`; one per application, so its counters live as long as the app.
    let rateLimit: RateLimitMiddleware
    /// Guards `/slow`.
    let timeout: RouteTimeoutMiddleware

    func boot(routes: any RoutesBuilder) throws {
        routes.get("health") { _ in try Response.json(["status": "ok"]) }
        routes.get("admin") { try self.admin($0) }
        routes.grouped(self.rateLimit).get("limited") { _ in try Response.json(["status": "ok"]) }
        routes.grouped(self.timeout).get("slow") { try await self.slow($0) }
        routes.get("maintenance") { _ -> Response in
            throw BookshelfProblems.maintenance
        }
        routes.get("boom") { _ -> Response in throw BoomError() }
    }

    /// `GET /admin`: 200 for the administrator's token only.
    func admin(_ request: Request) throws -> Response {
        let role = try AdminAccess.authorize(request.headers.first(name: .authorization))
        return try Response.json(["role": role])
    }

    /// `GET /slow?seconds=S`: sleeps `S` seconds, cut short by the route's time limit.
    func slow(_ request: Request) async throws -> Response {
        let seconds = try BookshelfProblems.sleepSeconds(request.query[String.self, at: "seconds"])
        try await Task.sleep(for: .seconds(seconds))
        return try Response.json(["slept_seconds": seconds])
    }
}
#endif
