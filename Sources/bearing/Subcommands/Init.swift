import ArgumentParser
import BearingCore
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a knowledge base: settings, people, a goal, a brief, a decision and a README explaining the format.",
        discussion: "Refuses a folder that exists and is not empty. A .gitignore keeps the built site (_site/) out of git. The result passes bearing check.")

    @Argument(help: "The folder to create.", completion: .directory)
    var directory: String = "."

    @OptionGroup var date: TodayOption

    func run() throws {
        let day = date.clock.today()
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: directory), !entries.isEmpty {
            FileHandleOutput.standardError("error: \(NewDocument.Failure.notEmpty(directory).description)\n")
            throw ExitCode(2)
        }
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            FileHandleOutput.standardError("error: cannot create the folder '\(directory)': \(FileHandleOutput.reason(error, writing: directory + "/"))\n")
            throw ExitCode(2)
        }
        do {
            for (path, text) in try NewDocument.starter(today: day) {
                let url = URL(fileURLWithPath: directory + "/" + path)
                let shown = url.path.replacingOccurrences(of: manager.currentDirectoryPath + "/", with: "")
                try DocumentEditor.write(text, to: url, replacing: nil, displayPath: shown)
                FileHandleOutput.standardOutput(shown + "\n")
            }
        } catch let failure as DocumentEditor.Failure {
            FileHandleOutput.standardError("error: \(failure.description)\n")
            throw ExitCode(2)
        } catch {
            FileHandleOutput.standardError("error: \(error)\n")
            throw ExitCode(2)
        }
    }
}
