import Foundation
import PackagePlugin

/// Embeds the default theme (the top-level `templates/` folder) in BearingCore as Swift string
/// literals, so a copied `bearing` binary works on its own (SPEC §7.4). The tool walks the folder
/// itself; SwiftPM may reuse the planned command when only a new file appears, so `make build`
/// removes the generated file when the list of template files changes (see the Makefile).
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "templates")
        var inputs: [URL] = []
        if let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walk where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        return [.buildCommand(displayName: "Embedding \(inputs.count) template files",
                              executable: try context.tool(named: "embed-templates").url,
                              arguments: [output.path, folder.path],
                              inputFiles: inputs,
                              outputFiles: [output])]
    }
}
