"""The session's life: initialize (the capabilities the server advertises, the position encoding
it picks from what the client offers), the KB root given as DIR instead of rootUri, and
shutdown + exit ending the process with status 0."""
import asyncio

import pytest
from lsprotocol import types

from conftest import TIMEOUT, line_of, position, start, stop


def sync_kind(capabilities):
    """The textDocumentSync change kind and openClose flag, whichever form the server used."""
    sync = capabilities.text_document_sync
    if isinstance(sync, types.TextDocumentSyncOptions):
        return sync.change, sync.open_close
    return sync, True  # a bare kind implies open/close notifications


async def test_initialize_advertises_incremental_sync_and_utf16(lsp):
    caps = lsp.capabilities
    change, open_close = sync_kind(caps)
    assert change == types.TextDocumentSyncKind.Incremental, f"textDocumentSync: {caps.text_document_sync}"
    assert open_close, "the server must want didOpen/didClose"
    # Only utf-16 was offered (VS Code's capabilities offer no positionEncodings): the default.
    assert caps.position_encoding in (None, types.PositionEncodingKind.Utf16), caps.position_encoding
    if lsp.result.server_info is not None:
        assert lsp.result.server_info.name, "serverInfo without a name"


async def test_initialize_advertises_every_feature(lsp):
    """What the integrator plans: one assertion per provider, all reported at once."""
    caps = lsp.capabilities
    missing = [name for name, value in [
        ("completionProvider", caps.completion_provider),
        ("hoverProvider", caps.hover_provider),
        ("definitionProvider", caps.definition_provider),
        ("referencesProvider", caps.references_provider),
        ("documentSymbolProvider", caps.document_symbol_provider),
        ("workspaceSymbolProvider", caps.workspace_symbol_provider),
        ("renameProvider", caps.rename_provider),
        ("codeActionProvider", caps.code_action_provider),
        ("codeLensProvider", caps.code_lens_provider),
        ("inlayHintProvider", caps.inlay_hint_provider),
    ] if not value]
    assert not missing, f"not advertised: {missing}"
    rename = caps.rename_provider
    assert isinstance(rename, types.RenameOptions) and rename.prepare_provider, \
        f"renameProvider should offer prepareRename: {rename}"


@pytest.mark.parametrize("offered, expected", [
    (["utf-32", "utf-16"], "utf-32"),
    (["utf-8", "utf-16"], "utf-8"),
    (["utf-16"], "utf-16"),
])
async def test_position_encoding_follows_the_client(kb, tmp_path, offered, expected):
    """The picked encoding is used: a diagnostic after non-ASCII text on its line starts at the
    column counted in that encoding (é is 1 UTF-16 unit and 2 UTF-8 bytes, 🚀 2 units and 4 bytes)."""
    session = await start(kb, tmp_path, encodings=offered)
    try:
        assert session.capabilities.position_encoding == expected, \
            f"offered {offered}, server picked {session.capabilities.position_encoding!r}"
        rel = "briefs/dunning-automation.md"
        text = kb.text(rel) + "\nCafé 🚀 see [[g-nope]] now\n"
        uri = session.open(rel, text)
        line = line_of(text, "[[g-nope]]")
        diags = await session.wait_diagnostics(
            uri, lambda ds: any(d.range.start.line == line for d in ds), what=f"one on line {line}")
        diag = next(d for d in diags if d.range.start.line == line)
        candidates = {position(text, "[[g-nope]]", expected).character,
                      position(text, "g-nope]]", expected).character}
        assert diag.range.start.character in candidates, (
            f"in {expected}, [[g-nope]] starts at {sorted(candidates)}; the diagnostic starts at "
            f"{diag.range.start.character}: {diag.message}")
    finally:
        await stop(session)


async def test_kb_root_given_as_dir(kb, tmp_path):
    """`bearing lsp DIR` with no rootUri nor workspace folders: DIR is the KB (goal ids resolve)."""
    session = await start(kb, tmp_path, args=[str(kb.root)], root=False)
    try:
        rel = "briefs/portal-card-payments.md"
        uri = session.open(rel)
        line = line_of(kb.text(rel), "review_by:")
        await session.wait_diagnostics(
            uri, lambda ds: any("overdue" in d.message or d.range.start.line == line for d in ds),
            what="the overdue-review warning")
    finally:
        await stop(session)


async def test_shutdown_then_exit_ends_with_status_0(lsp):
    client = lsp.client
    result = await lsp.request(client.shutdown_async(None), "shutdown")
    assert result is None
    client.exit(None)
    proc = client._server
    try:
        await asyncio.wait_for(proc.wait(), TIMEOUT)
    except asyncio.TimeoutError:
        pytest.fail("the server did not exit after shutdown + exit", pytrace=False)
    assert proc.returncode == 0
