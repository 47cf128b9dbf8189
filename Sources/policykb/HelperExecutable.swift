import Foundation

/// A program `policykb` hands a command to, found beside this one the way
/// git finds its helpers: `policykb-serve` (the HTTP stack) and
/// `policykb-hub` (libpq), so that neither loads when a local command starts.
struct HelperExecutable {
    let name: String

    static let server = HelperExecutable(name: "policykb-serve")
    static let hub = HelperExecutable(name: "policykb-hub")

    /// Its path: beside this executable (a build folder, or `bin` when the
    /// two are installed together), else in `../lib/policykb` (where
    /// `Scripts/install.sh` puts it); nil when neither holds it.
    func locate() -> String? {
        // "/proc/self/exe ... is a symbolic link containing the actual
        // pathname of the executed command" (proc(5)): the real folder, even
        // when policykb was started through a link on PATH.
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        let candidates = [
            folder.appendingPathComponent(name),
            folder.deletingLastPathComponent().appendingPathComponent("lib/policykb").appendingPathComponent(name),
        ]
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Replaces this process with `path` (execv): same process id, same
    /// standard streams, so signals and exit status are the server's own.
    /// Returns only on failure, with the reason.
    func replaceProcess(with path: String, arguments: [String]) -> String {
        let argv = ([name] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        execv(path, argv)
        return String(cString: strerror(errno))
    }
}
