#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a thread of its own with a stack of a given size, and waits for it.
///
/// Apple platforms give a secondary thread 512 KiB of stack, where Linux gives 8 MiB, so code
/// that recurses can pass every test here and crash in a developer's server on a Mac. A test that
/// runs the work on a small stack catches that on any machine: an overflow crashes the test run.
public enum SmallStack {
    /// The stack a secondary thread gets on Apple platforms.
    public static let appleSecondaryThread = 512 * 1024

    /// Runs `work` on a new thread with `size` bytes of stack and returns its result.
    ///
    /// A sanitizer's instrumentation makes every frame several times larger, so under one the
    /// stack is grown by the same factor, keeping the test about the code, not the sanitizer.
    public static func run<Result: Sendable>(
        stackSize size: Int = Self.appleSecondaryThread,
        _ work: @escaping @Sendable () -> Result
    ) -> Result {
        let box = Box<Result>()
        Self.start(stackSize: size) { box.result = work() }
        return box.result!
    }

    /// Runs `work` on a new thread with `size` bytes of stack (grown under a sanitizer) and waits
    /// for the thread to end.
    private static func start(stackSize size: Int, _ work: @escaping @Sendable () -> Void) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        let factor = Sanitizer.isActive ? 8 : 1
        precondition(pthread_attr_setstacksize(&attributes, size * factor) == 0, "the stack size was refused")
        let context = Unmanaged.passRetained(Work(work)).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let created = pthread_create(&thread, &attributes, Self.threadEntry, context)
        precondition(created == 0, "the thread could not be started")
        #if canImport(Darwin)
        pthread_join(thread!, nil)
        #else
        pthread_join(thread, nil)
        #endif
    }

    #if canImport(Darwin)
    private static let threadEntry: @convention(c) (UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? = { context in
        Unmanaged<Work>.fromOpaque(context).takeRetainedValue().body()
        return nil
    }
    #else
    private static let threadEntry: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = { context in
        Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().body()
        return nil
    }
    #endif

    /// The closure a thread runs, as an object its start routine can be handed.
    private final class Work: Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// The result, written by the thread and read back after it is joined.
    ///
    /// `@unchecked Sendable`: `result` is written by the thread once, before it exits, and read
    /// only after `pthread_join` returns, which orders the write before the read.
    private final class Box<Result>: @unchecked Sendable {
        var result: Result?
    }
}
