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
