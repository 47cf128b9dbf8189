import Foundation
import PolicyCore
import PolicyExtraction

/// A one-line progress bar on standard error: files, megabytes, rate and
/// time left. Drawn only on a terminal, at most ten times a second.
final class ProgressBar {
    let enabled: Bool
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ progress: IngestProgress) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || progress.filesDone == progress.filesTotal else { return }
        lastDraw = now
        let fraction = progress.bytesTotal > 0 ? Double(progress.bytesDone) / Double(progress.bytesTotal)
            : Double(progress.filesDone) / Double(max(1, progress.filesTotal))
        let width = 24
        let filled = min(width, Int(fraction * Double(width)))
        let rate = progress.seconds > 0 ? Double(progress.bytesDone) / 1_000_000 / progress.seconds : 0
        let left = rate > 0 ? Double(progress.bytesTotal - progress.bytesDone) / 1_000_000 / rate : 0
        let line = String(format: "\r[%@%@] %d/%d files  %.1f/%.1f MB  %.1f MB/s  ETA %@ ",
                          String(repeating: "=", count: filled), String(repeating: " ", count: width - filled),
                          progress.filesDone, progress.filesTotal, Double(progress.bytesDone) / 1_000_000,
                          Double(progress.bytesTotal) / 1_000_000, rate, Self.duration(left))
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    /// Erases the bar so that a message can take the line.
    func clear() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 60 ? "\(total / 60)m\(String(format: "%02d", total % 60))s" : "\(total)s"
    }
}
