#if Hummingbird
import BookshelfHummingbird
import Foundation

/// `bookshelf-hummingbird`: the demo API of swift-problem-details on Hummingbird. See
/// `bookshelf-hummingbird --help`.
@main
enum Main {
    static func main() async {
        exit(await BookshelfHummingbirdServer.run(arguments: Array(CommandLine.arguments.dropFirst())))
    }
}
#else
import Foundation

/// `bookshelf-hummingbird` built without the `Hummingbird` trait: there is no server to run.
@main
enum Main {
    static func main() {
        FileHandle.standardError.write(
            Data("bookshelf-hummingbird was built without the Hummingbird trait; enable it to run the server.\n".utf8)
        )
        exit(1)
    }
}
#endif
