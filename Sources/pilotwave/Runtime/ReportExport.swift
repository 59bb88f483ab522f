import Foundation
import PilotwaveApp
import PilotwaveCore

/// Export from the UI: the same report as `pilotwave export`, written atomically to a new file
/// (or, for CSV, a new folder of files); never over an existing file, never over the plan.
enum ReportExport {
    static func write(_ plan: Plan, format: String, path: String, workshop: WorkshopID?, today: Day,
                      planFile: String?) -> Result<[String], ExportFailure> {
        let report: Report
        do throws(ReportError) {
            report = try Report.build(plan, today: today, workshop: workshop)
        } catch {
            return .failure(ExportFailure(error.message))
        }
        func taken(_ p: String) -> Bool {
            var st = stat()
            return lstat(fileURL(p).path, &st) == 0
        }
        if let planFile, fileURL(path).standardizedFileURL.path == fileURL(planFile).standardizedFileURL.path {
            return .failure(ExportFailure("\(path) is the plan file itself"))
        }
        do throws(CLIFailure) {
            if format == "csv" {
                if taken(path) { return .failure(ExportFailure("\(path) already exists; choose a new folder name")) }
                do {
                    try FileManager.default.createDirectory(at: fileURL(path), withIntermediateDirectories: true)
                } catch {
                    return .failure(ExportFailure("cannot create the folder \(path): \(error.localizedDescription)"))
                }
                var written: [String] = []
                for file in CSVReport.files(report) {
                    let target = (path.hasSuffix("/") ? path : path + "/") + file.name
                    try ReportFile.write(file.text, to: target, replace: false)
                    written.append(target)
                }
                return .success(written)
            }
            if taken(path) { return .failure(ExportFailure("\(path) already exists; not overwritten — choose another name")) }
            let text = switch format {
            case "html": HTMLReport.render(report)
            case "json": JSONReport.render(report)
            default: MarkdownReport.render(report)
            }
            try ReportFile.write(text, to: path, replace: false)
            return .success([path])
        } catch {
            return .failure(ExportFailure(error.message))
        }
    }
}
