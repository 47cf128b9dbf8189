import Foundation

/// Why a PDF's text could not be had.
public enum PDFTextError: Error, Equatable, CustomStringConvertible {
    case toolMissing
    case failed(String)

    public var description: String {
        switch self {
        case .toolMissing:
            "PDF input needs pdftotext, which is not installed: install poppler-utils (apt-get install poppler-utils)"
        case .failed(let why):
            "pdftotext could not read the PDF: \(why)"
        }
    }
}

/// The text layer of a PDF, through poppler's `pdftotext` (found on PATH
/// when needed, so that the tool is only required for PDF input). The
/// text then goes through the same parser as any bulletin.
public enum PDFText {
    /// Whether `bytes` start like a PDF, whatever the file is called.
    public static func isPDF(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: Array("%PDF-".utf8))
    }

    /// The `pdftotext` executable on PATH, if any.
    public static var tool: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/pdftotext"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Extracts the text of the PDF `bytes` in reading order, pages
    /// separated by a blank line.
    public static func extract(_ bytes: [UInt8]) throws(PDFTextError) -> String {
        guard let tool else { throw .toolMissing }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-q", "-enc", "UTF-8", "-eol", "unix", "-", "-"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .failed("cannot run \(tool): \(error.localizedDescription)")
        }
        // Feed stdin from another thread so a large PDF cannot deadlock on
        // a full output pipe.
        let writer = input.fileHandleForWriting
        let data = Data(bytes)
        let feeding = Thread {
            try? writer.write(contentsOf: data)
            try? writer.close()
        }
        feeding.start()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let why = String(decoding: message, as: UTF8.self).split(separator: "\n").first.map(String.init)
            throw .failed(why ?? "exit status \(process.terminationStatus)")
        }
        // Form feeds end pages.
        return String(decoding: text, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n\n")
    }
}
