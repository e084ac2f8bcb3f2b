"""Shared fixtures of the language-server suite: `bearing lsp` driven over stdio by pytest-lsp.

scripts/lsp-tests.sh exports BEARING (the binary under test). Every test gets its own copy of
examples/northwind in a temporary folder and its own server on it (`bearing lsp --today
2027-02-17`, the KB root given as the initialize's rootUri and workspaceFolders), so the tests
are independent of each other and of their order. The server must never write the knowledge
base: the copy is read byte for byte before the server starts and again after it stopped, and
any difference (a changed, added or removed file) fails the test that caused it.
"""
import asyncio
import hashlib
import os
import shutil
import time
import urllib.parse
from pathlib import Path

import pytest
import pytest_asyncio
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "northwind"
TODAY = "2027-02-17"
# A debug build on a loaded two-core machine: generous, but a hung server still fails.
TIMEOUT = float(os.environ.get("LSP_TIMEOUT", "20"))


def bearing():
    """The binary under test ($BEARING, else the debug build), or a clear failure."""
    path = Path(os.environ.get("BEARING", REPO / ".build" / "debug" / "bearing"))
    if not (path.is_file() and os.access(path, os.X_OK)):
        pytest.fail(f"no bearing binary at {path}: run scripts/lsp-tests.sh (or `swift build`)", pytrace=False)
    return str(path)


# ---------------------------------------------------------------------------------------------
# The knowledge base

def snapshot(root: Path):
    """Every file under root, as {relative path: sha256}, to tell whether anything was written."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() or p.is_symlink()}


class KnowledgeBase:
    """A copy of examples/northwind in a temporary folder, and what it held before the session."""

    def __init__(self, root: Path):
        self.root = root
        self.before = snapshot(root)

    def path(self, rel):
        return self.root / rel

    def uri(self, rel):
        return self.path(rel).as_uri()

    def text(self, rel):
        return self.path(rel).read_text(encoding="utf-8")

    def rel(self, uri):
        """The path relative to the root that a file URI names (None when it is outside)."""
        parts = urllib.parse.urlsplit(uri)
        if parts.scheme != "file":
            return None
        path = Path(urllib.parse.unquote(parts.path))
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return None

    def assert_untouched(self):
        after = snapshot(self.root)
        changed = sorted(k for k in self.before.keys() & after.keys() if self.before[k] != after[k])
        added = sorted(after.keys() - self.before.keys())
        removed = sorted(self.before.keys() - after.keys())
        assert not (changed or added or removed), (
            f"the server wrote the knowledge base: changed {changed}, added {added}, removed {removed}")


@pytest.fixture
def kb(tmp_path):
    """A fresh copy of the example; fails the test if the copy is not byte-identical afterwards."""
    root = tmp_path / "northwind"
    shutil.copytree(EXAMPLE, root)
    base = KnowledgeBase(root)
    yield base
    base.assert_untouched()


# ---------------------------------------------------------------------------------------------
# Positions

def units(text, encoding):
    """The length of text in the code units of an LSP position encoding."""
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    if encoding == "utf-32":
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def position(text, needle, encoding="utf-16", occurrence=0, offset=0):
    """The LSP position of the occurrence-th needle in text (plus offset characters into it)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    index = start + offset
    line = text.count("\n", 0, index)
    line_start = text.rfind("\n", 0, index) + 1
    return types.Position(line=line, character=units(text[line_start:index], encoding))


def line_of(text, needle):
    """The 0-based line of the first line that contains needle."""
    return text.count("\n", 0, text.index(needle))


def offset_of(lines, pos, encoding="utf-16"):
    """The index in "\n".join(lines) of an LSP position (a character past the line's end stops there)."""
    line = lines[pos.line] if pos.line < len(lines) else ""
    consumed, index = 0, 0
    while index < len(line) and consumed < pos.character:
        consumed += units(line[index], encoding)
        index += 1
    return sum(len(l) + 1 for l in lines[:pos.line]) + index


def slice_range(text, rng, encoding="utf-16"):
    """The text a range covers (positions in the given encoding)."""
    lines = text.split("\n")
    return text[offset_of(lines, rng.start, encoding):offset_of(lines, rng.end, encoding)]


# ---------------------------------------------------------------------------------------------
# The client

class Session:
    """One `bearing lsp` on a knowledge base, through a pytest-lsp client, with helpers: open and
    edit documents (incremental changes), wait for diagnostics, send requests with a timeout."""

    def __init__(self, client: LanguageClient, kb: KnowledgeBase):
        self.client = client
        self.kb = kb
        self.published = []   # every publishDiagnostics, in order
        self.versions = {}    # uri -> version of the open document
        self.texts = {}       # uri -> the client's text of the open document
        self.result = None    # the InitializeResult
        self.registrations = []    # client/registerCapability registrations received
        self.unregistrations = []  # and client/unregisterCapability ones

    @property
    def capabilities(self) -> types.ServerCapabilities:
        return self.result.capabilities

    async def request(self, coroutine, what=""):
        """Awaits a request with the suite's timeout."""
        try:
            return await asyncio.wait_for(coroutine, TIMEOUT)
        except asyncio.TimeoutError:
            pytest.fail(f"no reply to {what or 'the request'} within {TIMEOUT:.0f} s", pytrace=False)

    def open(self, rel, text=None):
        """didOpen of a KB file (its text on disk unless text is given); returns its URI."""
        uri = self.kb.uri(rel)
        text = self.kb.text(rel) if text is None else text
        self.versions[uri] = 1
        self.texts[uri] = text
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
        return uri

    def replace(self, uri, old, new, occurrence=0):
        """An incremental didChange replacing the occurrence-th `old` of the document with `new`."""
        text = self.texts[uri]
        start = position(text, old, occurrence=occurrence)
        end = position(text, old, occurrence=occurrence, offset=len(old))
        index = -1
        for _ in range(occurrence + 1):
            index = text.index(old, index + 1)
        self.texts[uri] = text[:index] + new + text[index + len(old):]
        self.versions[uri] += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=start, end=end), text=new)]))
        return self.versions[uri]

    def close(self, uri):
        self.client.text_document_did_close(types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
        self.versions.pop(uri, None)
        self.texts.pop(uri, None)

    def mark(self):
        """A point in the stream of diagnostics: wait_diagnostics(since=mark) sees only later ones."""
        return len(self.published)

    async def wait_diagnostics(self, uri, predicate=lambda diags: True, since=0, what="diagnostics"):
        """The diagnostics of the first publishDiagnostics for uri after `since` that satisfy
        predicate; fails after the timeout, showing what was published for uri meanwhile."""
        deadline = time.monotonic() + TIMEOUT
        seen = since
        while True:
            while seen < len(self.published):
                params = self.published[seen]
                seen += 1
                if self.kb.rel(params.uri) == self.kb.rel(uri) and predicate(params.diagnostics):
                    return params.diagnostics
            if time.monotonic() > deadline:
                got = [[(d.range.start.line, d.range.start.character, d.message) for d in p.diagnostics]
                       for p in self.published[since:] if self.kb.rel(p.uri) == self.kb.rel(uri)]
                pytest.fail(f"no publishDiagnostics for {self.kb.rel(uri)} with {what} within "
                            f"{TIMEOUT:.0f} s; published for it meanwhile: {got}", pytrace=False)
            await asyncio.sleep(0.02)


def make_client(session_box):
    """A pytest-lsp client whose publishDiagnostics handler also records every notification."""
    features = dict(DEFAULT_CLIENT_FEATURES)

    # pygls passes the client first only to a handler whose first parameter is annotated so.
    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams):
        client.diagnostics[params.uri] = params.diagnostics
        session_box[0].published.append(params)

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish

    # Accepted as an editor would (VS Code's capabilities allow dynamic registration); recorded.
    def register(client: LanguageClient, params: types.RegistrationParams):
        session_box[0].registrations.extend(params.registrations)

    def unregister(client: LanguageClient, params: types.UnregistrationParams):
        session_box[0].unregistrations.extend(params.unregisterations)

    features[types.CLIENT_REGISTER_CAPABILITY] = register
    features[types.CLIENT_UNREGISTER_CAPABILITY] = unregister
    client = LanguageClient(converter_factory=default_converter)
    register_lsp_features(client, features)
    return client


def initialize_params(kb, encodings=None, root=True):
    """InitializeParams of a realistic client (VS Code's capabilities, as pytest-lsp ships them),
    with the KB as rootUri and only workspace folder, and the offered position encodings."""
    capabilities = client_capabilities("visual-studio-code")
    if encodings is not None:
        capabilities.general = capabilities.general or types.GeneralClientCapabilities()
        capabilities.general.position_encodings = encodings
    params = types.InitializeParams(capabilities=capabilities, process_id=os.getpid(),
                                    client_info=types.ClientInfo(name="bearing-lsp-tests"))
    if root:
        params.root_uri = kb.root.as_uri()
        params.workspace_folders = [types.WorkspaceFolder(uri=kb.root.as_uri(), name=kb.root.name)]
    return params


async def start(kb, cwd, args=(), encodings=None, root=True, adjust=None):
    """Starts `bearing lsp [args] --today TODAY` in cwd and initializes it (adjust, when given,
    may change the InitializeParams first); returns the Session."""
    box = [None]
    client = make_client(box)
    await client.start_io(bearing(), "lsp", *args, "--today", TODAY, cwd=str(cwd))
    session = Session(client, kb)
    box[0] = session
    params = initialize_params(kb, encodings, root)
    if adjust is not None:
        adjust(params)
    session.result = await session.request(client.initialize_session(params), "initialize")
    return session


async def stop(session):
    """shutdown + exit (when the server is still up), then ends the client; kills a server that
    does not go. Returns the server's exit status."""
    client = session.client
    proc = client._server
    try:
        if proc is not None and proc.returncode is None:
            await asyncio.wait_for(client.shutdown_session(), TIMEOUT)
    except Exception:
        pass
    if proc is not None and proc.returncode is None:
        try:
            await asyncio.wait_for(proc.wait(), 5)
        except asyncio.TimeoutError:
            proc.kill()
            await proc.wait()
    try:
        await asyncio.wait_for(client.stop(), 5)
    except Exception:
        pass
    return proc.returncode if proc is not None else None


@pytest_asyncio.fixture
async def lsp(kb, tmp_path):
    """A Session: `bearing lsp` on a fresh copy of the example, initialized (utf-16)."""
    session = await start(kb, tmp_path)
    yield session
    await stop(session)


def flatten_symbols(symbols):
    """DocumentSymbol trees and SymbolInformation lists, as one flat list."""
    out = []
    for s in symbols or []:
        out.append(s)
        out.extend(flatten_symbols(getattr(s, "children", None)))
    return out


def locations(result):
    """A definition/references result (Location, [Location] or [LocationLink]) as [(uri, range)]."""
    if result is None:
        return []
    if not isinstance(result, (list, tuple)):
        result = [result]
    out = []
    for item in result:
        if isinstance(item, types.LocationLink):
            out.append((item.target_uri, item.target_selection_range))
        else:
            out.append((item.uri, item.range))
    return out


def workspace_edits(edit: types.WorkspaceEdit):
    """A WorkspaceEdit's text edits as {uri: [TextEdit]}, from `changes` or `documentChanges`
    (resource operations are returned apart, as a list)."""
    by_uri, operations = {}, []
    for uri, edits in (edit.changes or {}).items():
        by_uri.setdefault(uri, []).extend(edits)
    for change in edit.document_changes or []:
        if isinstance(change, types.TextDocumentEdit):
            by_uri.setdefault(change.text_document.uri, []).extend(change.edits)
        else:
            operations.append(change)
    return by_uri, operations


def apply_edits(text, edits, encoding="utf-16"):
    """text with TextEdits applied (all ranges refer to the original text, as LSP says)."""
    lines = text.split("\n")
    spans = sorted(((offset_of(lines, e.range.start, encoding), offset_of(lines, e.range.end, encoding), e.new_text)
                    for e in edits), key=lambda span: span[:2], reverse=True)
    for start_, end, new in spans:
        text = text[:start_] + new + text[end:]
    return text


def apply_workspace_edit(kb, edit, target: Path):
    """Applies a WorkspaceEdit meant for the kb to target, another copy of the same files (never
    to the kb itself): text edits, then file renames; returns the relative paths it touched."""
    by_uri, operations = workspace_edits(edit)
    touched = []
    for uri, edits in by_uri.items():
        rel = kb.rel(uri)
        assert rel is not None, f"an edit outside the knowledge base: {uri}"
        path = target / rel
        path.write_text(apply_edits(path.read_text(encoding="utf-8"), edits), encoding="utf-8")
        touched.append(rel)
    for op in operations:
        assert isinstance(op, types.RenameFile), f"unexpected resource operation {op}"
        old, new = kb.rel(op.old_uri), kb.rel(op.new_uri)
        assert not (target / new).exists(), f"a rename onto an existing file: {new}"
        (target / old).rename(target / new)
        touched.append(f"{old} -> {new}")
    return touched


def hover_text(hover: types.Hover):
    """The text of a hover's contents, whatever shape they take."""
    contents = hover.contents
    if isinstance(contents, (list, tuple)):
        return "\n".join(c if isinstance(c, str) else c.value for c in contents)
    if isinstance(contents, str):
        return contents
    return contents.value
