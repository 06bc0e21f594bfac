#if Hummingbird
import Hummingbird
import Prometheus

/// `GET /metrics`: every metric of the app's Prometheus registry in the text exposition format,
/// among them the problem counter `problem_details_responses{type, status}`.
struct MetricsRoute {
    /// The content type of the Prometheus text format 0.0.4.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    let registry: PrometheusCollectorRegistry

    func add(to router: Router<BookshelfRequestContext>) {
        router.get("metrics") { _, _ in
            var bytes: [UInt8] = []
            self.registry.emit(into: &bytes)
            return Response(
                status: .ok,
                headers: [.contentType: Self.contentType],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
            )
        }
    }
}
#endif
