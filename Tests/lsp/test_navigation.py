"""Reading features on a goal id: hover, definition, references (the goal's backlinks),
documentSymbol of a goal and workspace/symbol across the KB."""
from lsprotocol import types

from conftest import flatten_symbols, hover_text, locations, position

DUNNING = "briefs/dunning-automation.md"
GOAL_ID = "g-2027-q1-dso"
GOAL_FILE = f"goals/{GOAL_ID}.md"
GOAL_TITLE = "Bring days sales outstanding from 52 to 45"


def doc(uri):
    return types.TextDocumentIdentifier(uri=uri)


def on_goal_id(lsp, uri):
    """A position inside the goal id of the brief's `goals:` line (not at its first character)."""
    return position(lsp.texts[uri], "goals: [" + GOAL_ID, offset=len("goals: [") + 3)


async def test_hover_on_a_goal_id_shows_the_goal(lsp):
    assert lsp.capabilities.hover_provider, "hoverProvider not advertised"
    uri = lsp.open(DUNNING)
    hover = await lsp.request(lsp.client.text_document_hover_async(types.HoverParams(
        text_document=doc(uri), position=on_goal_id(lsp, uri))), "hover")
    assert hover is not None, "no hover on a goal id"
    assert GOAL_TITLE in hover_text(hover), hover_text(hover)
    if hover.range is not None:
        line = lsp.texts[uri].split("\n")[hover.range.start.line]
        assert GOAL_ID in line[hover.range.start.character:hover.range.end.character], hover.range


async def test_definition_of_a_goal_id_is_its_file(lsp, kb):
    assert lsp.capabilities.definition_provider, "definitionProvider not advertised"
    uri = lsp.open(DUNNING)
    result = await lsp.request(lsp.client.text_document_definition_async(types.DefinitionParams(
        text_document=doc(uri), position=on_goal_id(lsp, uri))), "definition")
    targets = [kb.rel(u) for u, _ in locations(result)]
    assert targets == [GOAL_FILE], f"definition of {GOAL_ID}: {targets}"


async def test_references_of_a_goal_are_its_backlinks(lsp, kb):
    assert lsp.capabilities.references_provider, "referencesProvider not advertised"
    uri = lsp.open(DUNNING)
    result = await lsp.request(lsp.client.text_document_references_async(types.ReferenceParams(
        text_document=doc(uri), position=on_goal_id(lsp, uri),
        context=types.ReferenceContext(include_declaration=False))), "references")
    found = locations(result)
    files = {kb.rel(u) for u, _ in found}
    # Front matter that serves the goal (goals:, parent:) and a body wikilink to it.
    expected = {DUNNING, "briefs/portal-card-payments.md", "decisions/0007-use-stripe-for-card-and-ach-payments.md",
                "goals/g-2027-w07-dunning-emails.md", "goals/g-2027-break-even.md"}
    assert expected <= files, f"missing backlinks {sorted(expected - files)}; got {sorted(files)}"
    # Each location covers the id in the file's text (positions in UTF-16).
    for u, rng in found:
        lines = kb.path(kb.rel(u)).read_text(encoding="utf-8").split("\n")
        assert rng.start.line == rng.end.line, (u, rng)
        line = lines[rng.start.line]
        assert GOAL_ID in line, f"{kb.rel(u)}:{rng.start.line + 1} does not mention {GOAL_ID}: {line!r}"


async def test_document_symbols_of_a_goal(lsp, kb):
    assert lsp.capabilities.document_symbol_provider, "documentSymbolProvider not advertised"
    uri = lsp.open(GOAL_FILE)
    result = await lsp.request(lsp.client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=doc(uri))), "documentSymbol")
    symbols = flatten_symbols(result)
    assert symbols, "no symbols in a goal with three headings"
    names = " | ".join(s.name for s in symbols)
    for heading in ("Context", "Work", "Filed under this goal"):
        assert heading in names, f"heading {heading!r} not among the symbols: {names}"
    line_count = len(kb.text(GOAL_FILE).split("\n"))
    for s in symbols:
        rng = s.range if isinstance(s, types.DocumentSymbol) else s.location.range
        assert 0 <= rng.start.line <= rng.end.line < line_count, (s.name, rng)
        if isinstance(s, types.DocumentSymbol):
            sel = s.selection_range
            assert (rng.start.line, rng.start.character) <= (sel.start.line, sel.start.character), s.name
            assert (sel.end.line, sel.end.character) <= (rng.end.line, rng.end.character), s.name


async def test_workspace_symbol_finds_goals_by_query(lsp, kb):
    assert lsp.capabilities.workspace_symbol_provider, "workspaceSymbolProvider not advertised"
    result = await lsp.request(lsp.client.workspace_symbol_async(
        types.WorkspaceSymbolParams(query="dso")), "workspace/symbol")
    assert result, "workspace/symbol 'dso' found nothing"
    files = [kb.rel(s.location.uri) for s in result]
    assert GOAL_FILE in files, f"{GOAL_FILE} not among {files}"
    hit = next(s for s in result if kb.rel(s.location.uri) == GOAL_FILE)
    assert GOAL_ID in hit.name or GOAL_TITLE in hit.name, hit.name
    # A query that matches nothing gives an empty list, not an error.
    none = await lsp.request(lsp.client.workspace_symbol_async(
        types.WorkspaceSymbolParams(query="zzqqxxnothing")), "workspace/symbol")
    assert not none, none
