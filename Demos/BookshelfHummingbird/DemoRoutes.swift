#if Hummingbird
import BookshelfContract
import Hummingbird
import ProblemDetailsHummingbird

/// The routes that show one problem each: `/health`, `/admin`, `/limited`, `/slow`,
/// `/maintenance` and `/boom`.
struct DemoRoutes {
    /// Guards `/limited`; one per application, so its counters live as long as the app.
    let rateLimit: RateLimitMiddleware<BookshelfRequestContext>

    func add(to router: Router<BookshelfRequestContext>) {
        router.get("health") { _, _ in try Response.json(["status": "ok"]) }
        router.get("admin") { request, _ in
            try Response.json(["role": try AdminAccess.authorize(request.headers[.authorization])])
        }
        router.group("limited").add(middleware: self.rateLimit).get { _, _ in try Response.json(["status": "ok"]) }
        router.get("slow") { request, _ in
            // Parsed before the time limit starts: a bad parameter is a 400, not a race.
            let seconds = try BookshelfProblems.sleepSeconds(request.uri.queryParameters["seconds"].map(String.init))
            return try await RouteTimeLimit.run(BookshelfPolicy.slowRouteTimeout) {
                try await Task.sleep(for: .seconds(seconds))
                return try Response.json(["slept_seconds": seconds])
            }
        }
        router.get("maintenance") { _, _ -> Response in throw BookshelfProblems.maintenance }
        router.get("boom") { _, _ -> Response in throw BoomError() }
    }
}
#endif
