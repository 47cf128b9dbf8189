// The server behind `policykb serve`, in its own executable so that the
// command line does not load the HTTP stack (NIO, Hummingbird) each time it
// starts. `policykb serve` checks its options and replaces itself with this
// program (execv), passing `ServerConfiguration.arguments`; run by hand it
// takes the same four options.
import Foundation
import PolicyCore
import PolicykbServeConfiguration
import PolicyExtraction
import PolicykbServer

func say(_ text: String, to handle: FileHandle) {
    handle.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

let configuration: ServerConfiguration
do {
    configuration = try ServerConfiguration(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    say("policykb-serve: \(error.description) (usage: policykb-serve --db PATH [--host HOST] [--port N] "
        + "[--cache-entries N] [--idle-timeout SECONDS] [--request-timeout SECONDS]; or run policykb serve)",
        to: .standardError)
    exit(2)
}
// Whether run by `policykb serve` or directly.
if let warning = ServerConfiguration.exposureWarning(host: configuration.host) {
    say("policykb: warning: " + warning, to: .standardError)
}

do {
    let host = configuration.host
    let application = try PolicykbServer.application(configuration) { port in
        let shown = host.contains(":") ? "[\(host)]" : host
        say("policykb serve: http://\(shown):\(port)/ (Ctrl-C stops)", to: .standardOutput)
    }
    // runService() returns once SIGINT or SIGTERM has shut the server down
    // gracefully, after the requests in flight.
    try await application.runService()
} catch let error as StoreError {
    say("policykb: \(error.description)", to: .standardError)
    exit(1)
} catch {
    say("policykb: serve: \(error)", to: .standardError)
    exit(1)
}
say("policykb serve: stopped", to: .standardError)
