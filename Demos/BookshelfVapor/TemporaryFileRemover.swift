#if Vapor
import Foundation
import Vapor

/// Deletes files when the application shuts down, such as the file behind an in-memory database.
struct TemporaryFileRemover: LifecycleHandler {
    /// The files to delete; those that do not exist are skipped.
    let paths: [String]

    func shutdownAsync(_ application: Application) async {
        for path in self.paths where FileManager.default.fileExists(atPath: path) {
            do {
                try FileManager.default.removeItem(atPath: path)
            } catch {
                application.logger.warning("could not delete \(path): \(error)")
            }
        }
    }
}
#endif
