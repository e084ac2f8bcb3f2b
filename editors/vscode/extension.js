// Starts `bearing lsp` for the Markdown files of the workspace (see docs/editors.md).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("bearing").get("path", "bearing");
  const server = { command, args: ["lsp"] };
  client = new LanguageClient("bearing", "Bearing", { run: server, debug: server }, {
    documentSelector: [{ scheme: "file", language: "markdown" }],
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
