"""The server under a misbehaving client, spoken to frame by frame (rawclient.RawServer): a
framed message that is not JSON, a request with nonsense params, an unknown method, a client
that goes away (stdin closed) and an exit without shutdown."""
import os

import pytest

from conftest import TIMEOUT, TODAY, bearing
from rawclient import RawServer

PARSE_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, INVALID_PARAMS = -32700, -32600, -32601, -32602
BRIEF = "briefs/dunning-automation.md"


@pytest.fixture
def raw(kb, tmp_path):
    """A RawServer on the copy of the example, initialized with a minimal client."""
    server = RawServer([bearing(), "lsp", "--today", TODAY], cwd=str(tmp_path))
    seen = []
    msg_id = server.request("initialize", {
        "processId": os.getpid(), "rootUri": kb.root.as_uri(), "capabilities": {},
        "workspaceFolders": [{"uri": kb.root.as_uri(), "name": kb.root.name}]})
    reply = server.response(msg_id, TIMEOUT, seen)
    assert reply is not None and "result" in reply, \
        f"no initialize result; read {seen}; stderr {server.stderr[-2000:]!r}"
    server.notify("initialized", {})
    yield server
    server.kill()


def open_broken_brief(server, kb):
    """didOpen of a brief whose text (not on disk) names an unknown goal: the server must publish
    a new error for it, so a publication proves it read and handled the message."""
    uri = kb.uri(BRIEF)
    text = kb.text(BRIEF).replace("goals: [g-2027-q1-dso]", "goals: [g-nope]")
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    return uri


def error_published(server, kb, uri, seen):
    """The publishDiagnostics for uri that names g-nope (None when none came in time)."""
    return server.receive(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and kb.rel(m["params"]["uri"]) == kb.rel(uri)
                          and any("g-nope" in d["message"] for d in m["params"]["diagnostics"]), TIMEOUT, seen)


def shutdown_and_exit(server, seen):
    msg_id = server.request("shutdown")
    reply = server.response(msg_id, TIMEOUT, seen)
    assert reply is not None and reply.get("result", "missing") is None, f"shutdown: {reply}; read {seen}"
    server.notify("exit")
    status = server.wait_exit(TIMEOUT)
    assert status == 0, f"exit after shutdown ended with {status}"


def errors(seen):
    return [m for m in seen if "error" in m and "method" not in m]


def test_bad_json_in_a_frame_is_answered_or_ignored_and_serving_goes_on(raw, kb):
    seen = []
    raw.send_bytes(b'{"jsonrpc": "2.0", "id": 41, "method": "textDocument/hover", "params": {')
    raw.send_bytes(b"\xff\xfe not even UTF-8")
    uri = open_broken_brief(raw, kb)
    assert error_published(raw, kb, uri, seen) is not None, \
        f"no diagnostics after the bad frames; read {seen}; stderr {raw.stderr[-2000:]!r}"
    assert raw.proc.poll() is None, "the server died on bad JSON"
    for reply in errors(seen):
        assert reply["error"]["code"] in (PARSE_ERROR, INVALID_REQUEST), reply
        assert reply.get("id") is None, f"a parse error has no id to answer: {reply}"
    shutdown_and_exit(raw, seen)


def test_nonsense_params_get_an_error_reply(raw, kb):
    seen = []
    msg_id = raw.request("textDocument/hover", {"textDocument": 12, "position": "here"})
    reply = raw.response(msg_id, TIMEOUT, seen)
    assert reply is not None, f"no reply to a hover with nonsense params; read {seen}"
    assert "error" in reply and reply["error"]["code"] in (INVALID_PARAMS, INVALID_REQUEST), reply
    uri = open_broken_brief(raw, kb)
    assert error_published(raw, kb, uri, seen) is not None, f"the server stopped serving; read {seen}"
    shutdown_and_exit(raw, seen)


def test_unknown_method_is_method_not_found_and_unknown_notification_is_ignored(raw, kb):
    seen = []
    raw.notify("$/somethingNew", {"x": 1})
    raw.notify("bearing/noSuchNotification", {})
    msg_id = raw.request("bearing/noSuchRequest", {})
    reply = raw.response(msg_id, TIMEOUT, seen)
    assert reply is not None and reply.get("error", {}).get("code") == METHOD_NOT_FOUND, f"{reply}; read {seen}"
    assert not [m for m in errors(seen) if m is not reply], f"notifications must not be answered: {seen}"
    shutdown_and_exit(raw, seen)


def test_client_gone_stdin_closed_ends_the_server(raw, kb):
    open_broken_brief(raw, kb)
    raw.close_stdin()
    status = raw.wait_exit(5)
    assert status is not None, "the server still runs 5 s after its stdin closed"


def test_exit_without_shutdown_ends_with_status_1(raw):
    raw.notify("exit")
    status = raw.wait_exit(5)
    assert status == 1, f"exit without shutdown: status {status} (LSP asks for 1)"


def test_requests_before_initialize_are_refused(kb, tmp_path):
    server = RawServer([bearing(), "lsp", "--today", TODAY], cwd=str(tmp_path))
    try:
        seen = []
        msg_id = server.request("workspace/symbol", {"query": "dso"})
        reply = server.response(msg_id, TIMEOUT, seen)
        assert reply is not None and reply.get("error", {}).get("code") == -32002, \
            f"a request before initialize should fail with ServerNotInitialized (-32002): {reply}; read {seen}"
    finally:
        server.kill()


def test_cancelled_request_still_gets_one_reply(raw, kb):
    """$/cancelRequest right after a request: the server answers it once, with its result or
    RequestCancelled (-32800), and goes on."""
    seen = []
    uri = open_broken_brief(raw, kb)
    msg_id = raw.request("textDocument/references", {
        "textDocument": {"uri": uri}, "position": {"line": 4, "character": 10},
        "context": {"includeDeclaration": True}})
    raw.notify("$/cancelRequest", {"id": msg_id})
    reply = raw.response(msg_id, TIMEOUT, seen)
    assert reply is not None, f"no reply to a cancelled request; read {seen}"
    assert "result" in reply or reply["error"]["code"] == -32800, reply
    again = raw.response(msg_id, 1, seen)
    assert again is None, f"two replies to one request: {reply} and {again}"
    shutdown_and_exit(raw, seen)


def test_pipelined_requests_are_all_answered(raw, kb):
    """Twenty requests sent at once, none awaited: one reply each, matched by id."""
    seen = []
    uri = open_broken_brief(raw, kb)
    ids = []
    for i in range(20):
        method = ("textDocument/hover", "textDocument/definition", "textDocument/completion",
                  "textDocument/documentSymbol")[i % 4]
        params = {"textDocument": {"uri": uri}}
        if method != "textDocument/documentSymbol":
            params["position"] = {"line": 4 + i % 3, "character": 8 + i % 5}
        ids.append(raw.request(method, params))
    replies = {}
    for msg_id in ids:
        reply = raw.response(msg_id, TIMEOUT, seen)
        assert reply is not None, f"no reply to request {msg_id}; read {[m.get('id') for m in seen]}"
        assert "error" not in reply, reply
        replies[msg_id] = reply
    assert sorted(replies) == ids
    shutdown_and_exit(raw, seen)
