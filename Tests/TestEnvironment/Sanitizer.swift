#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether this test process runs under ThreadSanitizer or AddressSanitizer (`.ci/sanitizers`).
///
/// Both slow everything down several times over, so wall-clock limits that hold in a plain build,
/// such as the demos' 1 s route timeout, do not hold under them. The sanitizer runtimes export
/// their initialisers, so looking the symbols up tells, without a flag to keep in step.
public enum Sanitizer {
    /// Whether a sanitizer runtime is loaded.
    public static let isActive: Bool = {
        let initialisers: [String] = ["__tsan_init", "__asan_init"]
        // RTLD_DEFAULT, the process's global symbols; a C macro Swift does not import.
        #if canImport(Darwin)
        let everywhere = UnsafeMutableRawPointer(bitPattern: -2)
        #else
        let everywhere = UnsafeMutableRawPointer(bitPattern: 0)
        #endif
        return initialisers.contains { (symbol: String) -> Bool in
            dlsym(everywhere, symbol) != nil
        }
    }()
}
