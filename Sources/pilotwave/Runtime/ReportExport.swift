import Foundation
import PilotwaveApp
import PilotwaveCore

/// Export from the UI: the same report and the same refusals as `pilotwave export` — a new file
/// (or, for CSV, a folder of new files), never over an existing one, never over the plan.
enum ReportExport {
    static func write(_ plan: Plan, format: String, path: String, workshop: WorkshopID?, today: Day,
                      planFile: String?) -> Result<[String], ExportFailure> {
        let report: Report
        do throws(ReportError) {
            report = try Report.build(plan, today: today, workshop: workshop)
        } catch {
            return .failure(ExportFailure(error.message))
        }
        let f = Export.Format(loose: format) ?? .markdown
        do throws(CLIFailure) {
            if f == .csv {
                return .success(try ReportFile.writeCSV(CSVReport.files(report), folder: path, plan: planFile, replace: false).paths)
            }
            try ReportFile.writeReport(ReportFile.render(report, f), format: f, to: path, plan: planFile, replace: false)
            return .success([path])
        } catch {
            // The UI never replaces a file: it asks for another name instead of mentioning --force.
            let message = error.message.components(separatedBy: " Pass --force").first ?? error.message
            return .failure(ExportFailure(message + (message == error.message ? "" : " Choose another name.")))
        }
    }
}
