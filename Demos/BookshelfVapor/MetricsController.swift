#if Vapor
import Prometheus
import Vapor

/// `GET /metrics`: every metric of the app's Prometheus registry in the text exposition format,
/// among them the problem counter `problem_details_responses{type, status}`.
struct MetricsController: RouteCollection {
    /// The content type of the Prometheus text format 0.0.4, written out because
    /// `HTTPMediaType` keeps its parameters in a dictionary, in no fixed order.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    let registry: PrometheusCollectorRegistry

    func boot(routes: any RoutesBuilder) throws {
        routes.get("metrics") { request in
            var bytes: [UInt8] = []
            self.registry.emit(into: &bytes)
            let headers: HTTPHeaders = ["Content-Type": Self.contentType]
            var buffer = request.byteBufferAllocator.buffer(capacity: bytes.count)
            buffer.writeBytes(bytes)
            return Response(status: .ok, headers: headers, body: .init(buffer: buffer))
        }
    }
}
#endif
