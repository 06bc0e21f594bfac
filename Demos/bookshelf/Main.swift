#if Vapor
import BookshelfVapor
import Foundation

/// `bookshelf`: the demo API of swift-problem-details on Vapor. See `bookshelf --help`.
@main
enum Main {
    static func main() async {
        exit(await BookshelfServer.run(arguments: Array(CommandLine.arguments.dropFirst())))
    }
}
#else
import Foundation

/// `bookshelf` built without the `Vapor` trait: there is no server to run.
@main
enum Main {
    static func main() {
        FileHandle.standardError.write(Data("bookshelf was built without the Vapor trait; enable it to run the server.\n".utf8))
        exit(1)
    }
}
#endif
