"""Diagnostics: didOpen publishes the document's problems (the same as `bearing check` finds), an
incremental didChange that breaks a reference publishes a located error, and the fix clears it.
Nothing of this reaches the disk (the kb fixture checks the copy afterwards)."""
from lsprotocol import types

from conftest import line_of, position

PORTAL = "briefs/portal-card-payments.md"
DUNNING = "briefs/dunning-automation.md"


def about(diags, needle):
    return [d for d in diags if needle in d.message]


async def test_did_open_publishes_the_documents_diagnostics(lsp, kb):
    """portal-card-payments is still in review past its review_by: `bearing check` warns at its
    review_by line, and so must the server as soon as the brief is opened."""
    text = kb.text(PORTAL)
    uri = lsp.open(PORTAL)
    line = line_of(text, "review_by:")
    diags = await lsp.wait_diagnostics(uri, lambda ds: any(d.range.start.line == line for d in ds),
                                       what=f"the overdue review on line {line}")
    warning = next(d for d in diags if d.range.start.line == line)
    assert warning.severity == types.DiagnosticSeverity.Warning, warning
    assert "review" in warning.message, warning.message
    assert warning.source, "diagnostics should name their source"


async def test_unknown_goal_id_is_reported_at_its_line_then_cleared(lsp, kb):
    text = kb.text(DUNNING)
    # The brief has no problem: the server need not publish anything for it on open.
    uri = lsp.open(DUNNING)
    mark = lsp.mark()
    lsp.replace(uri, "goals: [g-2027-q1-dso]", "goals: [g-nope]")
    line = line_of(text, "goals: [g-2027-q1-dso]")
    diags = await lsp.wait_diagnostics(uri, lambda ds: about(ds, "g-nope"), since=mark,
                                       what="an error naming g-nope")
    error = about(diags, "g-nope")[0]
    assert error.severity == types.DiagnosticSeverity.Error, error
    assert error.range.start.line == line, f"expected line {line} (goals:), got {error.range}"
    column = position(lsp.texts[uri], "g-nope").character
    assert error.range.start.character <= column <= error.range.end.character or \
        error.range.start.character == column, f"the range {error.range} should point at g-nope (column {column})"

    mark = lsp.mark()
    lsp.replace(uri, "goals: [g-nope]", "goals: [g-2027-q1-dso]")
    await lsp.wait_diagnostics(uri, lambda ds: not about(ds, "g-nope"), since=mark,
                               what="the g-nope error gone")


async def test_edits_are_incremental_and_versioned(lsp, kb):
    """Two edits in a row on different lines, then a third that undoes the first: the server must
    apply each range to the text as it stands (a wrong merge would keep or misplace the error)."""
    text = kb.text(DUNNING)
    uri = lsp.open(DUNNING)
    lsp.replace(uri, "reviewers: [dan, olga]", "reviewers: [dan, olga]\nextra_field_line: 1")
    mark = lsp.mark()
    lsp.replace(uri, "goals: [g-2027-q1-dso]", "goals: [g-2027-q1-dso, g-nope-two]")
    line = line_of(text, "goals:")
    diags = await lsp.wait_diagnostics(uri, lambda ds: about(ds, "g-nope-two"), since=mark,
                                       what="an error naming g-nope-two")
    assert about(diags, "g-nope-two")[0].range.start.line == line
    mark = lsp.mark()
    lsp.replace(uri, "reviewers: [dan, olga]\nextra_field_line: 1", "reviewers: [dan, olga]")
    lsp.replace(uri, ", g-nope-two]", "]")
    await lsp.wait_diagnostics(uri, lambda ds: not about(ds, "g-nope-two"), since=mark,
                               what="the g-nope-two error gone")


async def test_did_close_keeps_serving_other_documents(lsp, kb):
    uri = lsp.open(DUNNING)
    mark = lsp.mark()
    lsp.replace(uri, "goals: [g-2027-q1-dso]", "goals: [g-nope]")
    await lsp.wait_diagnostics(uri, lambda ds: about(ds, "g-nope"), since=mark, what="an error naming g-nope")
    mark = lsp.mark()
    lsp.close(uri)
    # Closed unsaved: the file on disk is the truth again, and it has no problem.
    await lsp.wait_diagnostics(uri, lambda ds: not about(ds, "g-nope"), since=mark,
                               what="the unsaved g-nope error gone after didClose")
    other = lsp.open(PORTAL)
    await lsp.wait_diagnostics(other, lambda ds: any("review" in d.message for d in ds),
                               what="the overdue review")


async def test_did_save_writes_nothing_and_serving_goes_on(lsp, kb):
    """A didSave (with the text, as VS Code sends it) of an edited buffer: the editor saved, not
    the server, so the copy on disk stays as it was (the kb fixture checks) and diagnostics go on."""
    uri = lsp.open(DUNNING)
    mark = lsp.mark()
    lsp.replace(uri, "goals: [g-2027-q1-dso]", "goals: [g-nope]")
    await lsp.wait_diagnostics(uri, lambda ds: about(ds, "g-nope"), since=mark, what="an error naming g-nope")
    lsp.client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri), text=lsp.texts[uri]))
    mark = lsp.mark()
    lsp.replace(uri, "goals: [g-nope]", "goals: [g-2027-q1-dso]")
    await lsp.wait_diagnostics(uri, lambda ds: not about(ds, "g-nope"), since=mark, what="the g-nope error gone")


async def test_typing_an_id_key_by_key(lsp, kb):
    """Fast typing: one incremental didChange per character, no waiting between them; the
    server must apply them in order and end on the final text."""
    uri = lsp.open(DUNNING)
    line = line_of(kb.text(DUNNING), "goals:")
    lsp.replace(uri, "goals: [g-2027-q1-dso]", "goals: []")
    typed = ""
    for ch in "g-typo":
        old = f"goals: [{typed}]"
        typed += ch
        lsp.replace(uri, old, f"goals: [{typed}]")
    diags = await lsp.wait_diagnostics(uri, lambda ds: about(ds, "'g-typo'"), what="an error naming 'g-typo'")
    assert about(diags, "'g-typo'")[0].range.start.line == line
    assert not [d for d in diags if "'g-typ'" in d.message or "'g-ty'" in d.message], diags


async def test_edits_after_astral_characters_use_utf16_positions(lsp, kb):
    """An incremental edit to the right of 🚀 (two UTF-16 units) and é on the same line: a server
    counting code points or bytes would cut the line in the wrong place."""
    text = kb.text(DUNNING) + "\nCafé 🚀 see [[g-2027-q1-dso]] now\n"
    uri = lsp.open(DUNNING, text)
    mark = lsp.mark()
    lsp.replace(uri, "[[g-2027-q1-dso]] now", "[[g-2027-q1-dsx]] now")
    diags = await lsp.wait_diagnostics(uri, lambda ds: about(ds, "g-2027-q1-dsx"), since=mark,
                                       what="an error naming g-2027-q1-dsx")
    error = about(diags, "g-2027-q1-dsx")[0]
    current = lsp.texts[uri]
    assert error.range.start == position(current, "[[g-2027-q1-dsx]]") or \
        error.range.start == position(current, "g-2027-q1-dsx]]"), (error.range, error.message)


async def test_a_new_unsaved_document_is_checked_and_forgotten_on_close(lsp, kb):
    """An editor's new buffer in briefs/ that was never saved: the server checks it like any
    brief (its unknown goal is an error), writes nothing, and clears it when it is closed."""
    rel = "briefs/brand-new-idea.md"
    text = ("---\ntitle: A brand new idea\nstatus: draft\nowner: dan\ngoals: [g-unheard-of]\n"
            "created: 2027-02-16\nupdated: 2027-02-16\n---\n## Problem\n\nSomething.\n")
    uri = lsp.open(rel, text)
    diags = await lsp.wait_diagnostics(uri, lambda ds: about(ds, "g-unheard-of"), what="an error naming g-unheard-of")
    assert about(diags, "g-unheard-of")[0].range.start.line == 4
    assert not kb.path(rel).exists()
    mark = lsp.mark()
    lsp.close(uri)
    await lsp.wait_diagnostics(uri, lambda ds: not ds, since=mark, what="an empty list after didClose")


async def test_a_file_outside_the_knowledge_base_is_left_alone(lsp, kb, tmp_path):
    """A Markdown file the editor opened elsewhere: no error reply, no crash, and the KB is
    still served afterwards."""
    outside = tmp_path / "elsewhere" / "notes.md"
    outside.parent.mkdir()
    outside.write_text("---\ngoals: [g-nope]\n---\nhello\n", encoding="utf-8")
    uri = outside.as_uri()
    lsp.versions[uri], lsp.texts[uri] = 1, outside.read_text(encoding="utf-8")
    lsp.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="markdown", version=1, text=lsp.texts[uri])))
    hover = await lsp.request(lsp.client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=1, character=9))), "hover")
    assert hover is None or hover.contents, hover
    inside = lsp.open(DUNNING)
    mark = lsp.mark()
    lsp.replace(inside, "goals: [g-2027-q1-dso]", "goals: [g-nope]")
    await lsp.wait_diagnostics(inside, lambda ds: about(ds, "g-nope"), since=mark, what="an error naming g-nope")
    assert not any(kb.rel(p.uri) is None and any("g-nope" in d.message for d in p.diagnostics)
                   for p in lsp.published), "the outside file was checked as part of the KB"
