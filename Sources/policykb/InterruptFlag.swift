import Dispatch
import Foundation

/// Ctrl-C (SIGINT) or SIGTERM during a long run: the first asks the run to
/// stop after the file in hand, so that every file is written whole or not
/// at all; a second ends the process at once (SQLite's journal undoes a
/// transaction cut short).
///
/// `@unchecked Sendable`: `count` is read and written only under `lock`;
/// the signal sources are set once, before any signal is handled.
final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var sources: [DispatchSourceSignal] = []

    /// Takes SIGINT and SIGTERM from their default action (ending the
    /// process) and counts them instead.
    func install() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                let seen = lock.withLock { count += 1; return count }
                if seen >= 2 { _exit(130) }
            }
            source.resume()
            sources.append(source)
        }
    }

    var isSet: Bool { lock.withLock { count > 0 } }
}
