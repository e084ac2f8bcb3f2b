"""Editing features: completion of goal ids in `goals: [`, prepareRename and rename of a goal id
(a WorkspaceEdit over several files, returned and never applied by the server), a code action on
a diagnostic, code lenses and inlay hints."""
import shutil
import subprocess

import pytest
from lsprotocol import types

from conftest import (EXAMPLE, TIMEOUT, TODAY, apply_workspace_edit, bearing, line_of, position, slice_range,
                      start, stop, workspace_edits)

DUNNING = "briefs/dunning-automation.md"
GOAL_ID = "g-2027-q1-dso"
GOAL_FILE = f"goals/{GOAL_ID}.md"
GOAL_TITLE = "Bring days sales outstanding from 52 to 45"


def doc(uri):
    return types.TextDocumentIdentifier(uri=uri)


def items_of(result):
    if result is None:
        return []
    return result.items if isinstance(result, types.CompletionList) else result


def inserted(item):
    """What accepting a completion item inserts."""
    edit = item.text_edit
    if edit is not None:
        return edit.new_text
    return item.insert_text or item.label


def documentation(item):
    doc_ = item.documentation
    if doc_ is None:
        return ""
    return doc_ if isinstance(doc_, str) else doc_.value


async def test_completion_in_goals_lists_goal_ids_with_detail(lsp):
    assert lsp.capabilities.completion_provider, "completionProvider not advertised"
    uri = lsp.open(DUNNING)
    lsp.replace(uri, "goals: [g-2027-q1-dso]", "goals: [")
    at = position(lsp.texts[uri], "goals: [", offset=len("goals: ["))
    result = await lsp.request(lsp.client.text_document_completion_async(types.CompletionParams(
        text_document=doc(uri), position=at,
        context=types.CompletionContext(trigger_kind=types.CompletionTriggerKind.TriggerCharacter,
                                        trigger_character="["))), "completion")
    items = items_of(result)
    by_id = {inserted(i).strip(): i for i in items}
    assert GOAL_ID in by_id, f"{GOAL_ID} not offered; offered {sorted(by_id)[:30]}"
    assert "g-2027-break-even" in by_id
    # Only goals belong in goals: (no briefs, decisions or people).
    assert "dunning-automation" not in by_id and "0007-use-stripe-for-card-and-ach-payments" not in by_id, sorted(by_id)
    item = by_id[GOAL_ID]
    assert item.detail, f"no detail on {item.label}"
    described = " ".join([item.detail or "", documentation(item),
                          (item.label_details.description or "") if item.label_details else ""])
    assert GOAL_TITLE in described, f"the goal's title is nowhere in the item: {described!r}"
    if item.text_edit is not None and isinstance(item.text_edit, types.TextEdit):
        assert item.text_edit.range.start.line == at.line


async def test_completion_filters_by_the_typed_prefix(lsp):
    uri = lsp.open(DUNNING)
    lsp.replace(uri, "goals: [g-2027-q1-dso]", "goals: [g-2027-w07")
    at = position(lsp.texts[uri], "goals: [g-2027-w07", offset=len("goals: [g-2027-w07"))
    result = await lsp.request(lsp.client.text_document_completion_async(types.CompletionParams(
        text_document=doc(uri), position=at)), "completion")
    offered = {inserted(i).strip() for i in items_of(result)}
    assert "g-2027-w07-dunning-emails" in offered, sorted(offered)


async def test_person_completion_in_owner(lsp):
    """Not only goal ids: `owner:` completes people from people.yml."""
    uri = lsp.open(DUNNING)
    lsp.replace(uri, "owner: fatima", "owner: ")
    at = position(lsp.texts[uri], "owner: ", offset=len("owner: "))
    result = await lsp.request(lsp.client.text_document_completion_async(types.CompletionParams(
        text_document=doc(uri), position=at)), "completion")
    items = items_of(result)
    labels = {i.label for i in items}
    assert {"fatima", "dan", "olga"} <= labels, sorted(labels)
    assert not any(label.startswith("g-2027") for label in labels), sorted(labels)

async def test_prepare_rename_and_rename_of_a_goal_id(lsp, kb):
    rename = lsp.capabilities.rename_provider
    assert rename, "renameProvider not advertised"
    uri = lsp.open(DUNNING)
    at = position(lsp.texts[uri], "goals: [" + GOAL_ID, offset=len("goals: [") + 2)

    prepared = await lsp.request(lsp.client.text_document_prepare_rename_async(types.PrepareRenameParams(
        text_document=doc(uri), position=at)), "prepareRename")
    assert prepared is not None, "prepareRename refused a goal id"
    rng = prepared if isinstance(prepared, types.Range) else getattr(prepared, "range", None)
    if rng is not None:
        assert slice_range(lsp.texts[uri], rng) == GOAL_ID, f"prepareRename range {rng}"

    new_id = "g-2027-q1-cash-in"
    edit = await lsp.request(lsp.client.text_document_rename_async(types.RenameParams(
        text_document=doc(uri), position=at, new_name=new_id)), "rename")
    assert edit is not None, "rename returned no edit"
    by_uri, operations = workspace_edits(edit)
    files = {kb.rel(u) for u in by_uri}
    expected = {DUNNING, "briefs/portal-card-payments.md", "goals/g-2027-w07-dunning-emails.md"}
    assert expected <= files, f"rename misses {sorted(expected - files)}; edits {sorted(files)}"
    assert len(files) >= 3
    for u, edits in by_uri.items():
        rel = kb.rel(u)
        text = lsp.texts.get(u) or kb.text(rel)
        for e in edits:
            old = slice_range(text, e.range)
            assert GOAL_ID in old, f"{rel}: the edit at {e.range} replaces {old!r}, not the id"
            assert new_id in e.new_text, f"{rel}: {e.new_text!r}"
    # The goal's own file is named by its id: renamed by a resource operation, if at all.
    for op in operations:
        assert isinstance(op, types.RenameFile), op
        assert kb.rel(op.old_uri) == GOAL_FILE and kb.rel(op.new_uri) == f"goals/{new_id}.md", op
    # Returned, not applied: the disk is unchanged (the kb fixture checks every file again at the end).
    assert kb.text(DUNNING).count(GOAL_ID) == 1 and kb.path(GOAL_FILE).exists()
    assert not kb.path(f"goals/{new_id}.md").exists()


def check_after_edit(kb, edit, tmp_path):
    """Applies a WorkspaceEdit to a second copy of the example (never the kb the server reads)
    and runs `bearing check` on it: the rename must leave no reference unresolved."""
    other = tmp_path / "applied"
    shutil.copytree(EXAMPLE, other)
    touched = apply_workspace_edit(kb, edit, other)
    run = subprocess.run([bearing(), "check", str(other), "--today", TODAY], capture_output=True, text=True,
                         timeout=TIMEOUT * 3)
    report = run.stdout + run.stderr
    assert run.returncode == 0 and "unresolved" not in report, f"after applying {touched}:\n{report}"
    return other, touched


async def rename_goal(session, new_id):
    uri = session.open(DUNNING)
    at = position(session.texts[uri], "goals: [" + GOAL_ID, offset=len("goals: [") + 2)
    return await session.request(session.client.text_document_rename_async(types.RenameParams(
        text_document=doc(uri), position=at, new_name=new_id)), "rename")


async def test_rename_applied_leaves_a_clean_knowledge_base(lsp, kb, tmp_path):
    """VS Code's capabilities allow file renames: the goal's file follows its new id."""
    new_id = "g-2027-q1-cash-in"
    edit = await rename_goal(lsp, new_id)
    other, touched = check_after_edit(kb, edit, tmp_path)
    assert (other / "goals" / f"{new_id}.md").exists() or \
        f"id: {new_id}" in (other / GOAL_FILE).read_text(encoding="utf-8"), touched


async def test_rename_for_a_client_that_cannot_rename_files(kb, tmp_path):
    """A client without documentChanges gets plain `changes` (no RenameFile it could not apply),
    and the result is still a knowledge base where every reference resolves."""
    def no_file_operations(params):
        params.capabilities.workspace.workspace_edit = types.WorkspaceEditClientCapabilities(document_changes=False)

    session = await start(kb, tmp_path, adjust=no_file_operations)
    try:
        new_id = "g-2027-q1-cash-in"
        edit = await rename_goal(session, new_id)
        assert edit is not None and edit.document_changes is None, "documentChanges to a client that has none"
        other, touched = check_after_edit(kb, edit, tmp_path)
        assert not (other / "goals" / f"{new_id}.md").exists(), touched
    finally:
        await stop(session)


@pytest.mark.parametrize("new_name, why", [
    ("g-2027-break-even", "the id of another goal"),
    ("not a valid id", "spaces"),
])
async def test_rename_refuses_a_name_it_cannot_take(lsp, new_name, why):
    uri = lsp.open(DUNNING)
    at = position(lsp.texts[uri], "goals: [" + GOAL_ID, offset=len("goals: [") + 2)
    with pytest.raises(Exception) as refusal:
        await lsp.request(lsp.client.text_document_rename_async(types.RenameParams(
            text_document=doc(uri), position=at, new_name=new_name)), "rename")
    assert new_name in str(refusal.value), f"the refusal ({why}) should name {new_name!r}: {refusal.value}"


async def test_prepare_rename_refuses_plain_prose(lsp):
    uri = lsp.open(DUNNING)
    at = position(lsp.texts[uri], "Reminders for overdue invoices", offset=3)
    try:
        prepared = await lsp.request(lsp.client.text_document_prepare_rename_async(types.PrepareRenameParams(
            text_document=doc(uri), position=at)), "prepareRename")
    except Exception as error:  # an error response is a refusal too
        assert "Reminders" not in str(error)
        return
    assert prepared is None, f"prepareRename on prose: {prepared}"


async def test_code_action_on_an_unknown_goal_id(lsp):
    assert lsp.capabilities.code_action_provider, "codeActionProvider not advertised"
    uri = lsp.open(DUNNING)
    typo = "g-2027-q1-dsoo"
    mark = lsp.mark()
    lsp.replace(uri, "goals: [g-2027-q1-dso]", f"goals: [{typo}]")
    diags = await lsp.wait_diagnostics(uri, lambda ds: any(typo in d.message for d in ds), since=mark,
                                       what=f"an error naming {typo}")
    diag = next(d for d in diags if typo in d.message)
    actions = await lsp.request(lsp.client.text_document_code_action_async(types.CodeActionParams(
        text_document=doc(uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag], only=None,
                                        trigger_kind=types.CodeActionTriggerKind.Invoked))), "codeAction")
    assert actions, f"no code action for: {diag.message}"
    titles = [a.title for a in actions]
    fixes = [a for a in actions if isinstance(a, types.CodeAction) and (a.edit or a.command)]
    assert fixes, f"no action does anything: {titles}"
    suggested = [a for a in fixes if GOAL_ID in a.title and a.edit]
    assert suggested, f"no action offers the nearest goal id {GOAL_ID}: {titles}"
    by_uri, _ = workspace_edits(suggested[0].edit)
    text = lsp.texts[uri]
    for u, edits in by_uri.items():
        for e in edits:
            assert typo in slice_range(text, e.range) or slice_range(text, e.range) == "", (e.range, e.new_text)
            assert GOAL_ID in e.new_text


async def test_code_lens_on_a_goal(lsp, kb):
    assert lsp.capabilities.code_lens_provider, "codeLensProvider not advertised"
    uri = lsp.open(GOAL_FILE)
    lenses = await lsp.request(lsp.client.text_document_code_lens_async(
        types.CodeLensParams(text_document=doc(uri))), "codeLens")
    assert lenses, "no code lens on a goal"
    line_count = len(kb.text(GOAL_FILE).split("\n"))
    for lens in lenses:
        assert 0 <= lens.range.start.line < line_count, lens.range
    resolve = lsp.capabilities.code_lens_provider.resolve_provider
    titled = [lens for lens in lenses if lens.command and lens.command.title]
    if not resolve:
        assert len(titled) == len(lenses), f"unresolved lenses without resolveProvider: {lenses}"


async def test_inlay_hints_follow_the_goal_references_of_a_brief(lsp, kb):
    """Hints sit right after a goal reference (the id in goals:, a [[wikilink]] in the body) and
    say something about the goal (bearing shows its progress, e.g. 46% for g-2027-q1-dso)."""
    assert lsp.capabilities.inlay_hint_provider, "inlayHintProvider not advertised"
    uri = lsp.open(DUNNING)
    text = lsp.texts[uri]
    lines = text.split("\n")
    hints = await lsp.request(lsp.client.text_document_inlay_hint_async(types.InlayHintParams(
        text_document=doc(uri), range=types.Range(start=types.Position(line=0, character=0),
                                                  end=types.Position(line=len(lines), character=0)))), "inlayHint")
    assert hints, "no inlay hint in a brief that serves a goal"

    def label(h):
        return h.label if isinstance(h.label, str) else "".join(p.value for p in h.label)

    seen = [(h.position.line, h.position.character, label(h)) for h in hints]
    goal_ids = {p.stem for p in kb.path("goals").glob("*.md")}
    for h in hints:
        assert label(h).strip(), seen
        before = lines[h.position.line][:h.position.character]  # ASCII lines: characters are units
        assert any(before.endswith(g) or before.endswith(g + "]]") for g in goal_ids), \
            f"a hint not right after a goal reference: {before!r} | {label(h)!r}"
    goals_line = line_of(text, "goals:")
    end_of_id = position(text, "goals: [" + GOAL_ID, offset=len("goals: [" + GOAL_ID))
    assert any(h.position == end_of_id for h in hints), f"no hint after {GOAL_ID} on line {goals_line}: {seen}"

    # A range that covers only the body leaves the front matter's hint out.
    body = line_of(text, "## Problem")
    later = await lsp.request(lsp.client.text_document_inlay_hint_async(types.InlayHintParams(
        text_document=doc(uri), range=types.Range(start=types.Position(line=body, character=0),
                                                  end=types.Position(line=len(lines), character=0)))), "inlayHint")
    assert all(h.position.line >= body for h in later or []), [(h.position, label(h)) for h in later]
