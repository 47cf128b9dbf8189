import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A finished child process: how long it took, its exit status and its peak
/// resident memory.
struct Measurement {
    let seconds: Double
    let status: Int32
    let peakRSSBytes: Int
}

/// Runs a program to completion with its output discarded and measures it:
/// wall time, and peak RSS from wait4(2), which reports the child's own
/// `ru_maxrss` ("the maximum resident set size used, in kilobytes").
func measure(_ executable: String, _ arguments: [String]) throws -> Measurement {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let started = Date()
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else { throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    var usage = rusage()
    guard wait4(pid, &status, 0, &usage) == pid else { throw BenchError("wait4 failed for \(executable)") }
    let seconds = Date().timeIntervalSince(started)
    // WIFEXITED/WEXITSTATUS are macros; the exit status sits in bits 8-15.
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return Measurement(seconds: seconds, status: exitStatus, peakRSSBytes: Int(usage.ru_maxrss) * 1024)
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Size of a database with its WAL, in bytes.
func databaseSize(_ path: String) -> Int {
    [path, path + "-wal"].reduce(0) { total, file in
        total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
    }
}

func directorySize(_ path: String) -> (bytes: Int, files: Int) {
    var bytes = 0, files = 0
    for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
        // Symbolic links (the small corpus) count as the files they point at.
        let target = URL(fileURLWithPath: path + "/" + name).resolvingSymlinksInPath().path
        bytes += (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int) ?? 0
        files += 1
    }
    return (bytes, files)
}

/// A line on standard output, written at once: these runs take minutes and
/// their output often goes to a file.
func say(_ line: String = "") {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
