-- Drives `bearing lsp` from a real Neovim (headless, --clean), for Tests/lsp/test_neovim.py.
-- Reads from the environment:
--   BEARING_BIN  the binary;  BEARING_TODAY  its --today;  BEARING_KB  the knowledge base (root_dir)
--   BEARING_BRIEF  the brief to open;  BEARING_OUT  the JSON file to write;  BEARING_WAIT_MS  each wait
-- Opens the brief, waits for its diagnostics, edits its goals: line to an unknown id and waits
-- for the error, then to `goals: [` and asks for completion there, puts the id back and asks
-- for its definition and hover, stops the client and writes
-- everything it saw to BEARING_OUT; then quits. Any failure is written there too (as `error`),
-- so the test shows what went wrong instead of a hung editor.
local env = vim.env
local wait_ms = tonumber(env.BEARING_WAIT_MS or '20000')
local out = { nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch), steps = {} }

local function step(name) table.insert(out.steps, name) end

local function write_out()
  local file = assert(io.open(env.BEARING_OUT, 'w'))
  file:write(vim.fn.json_encode(out))
  file:close()
end

-- The diagnostics of the buffer as plain tables (0-based lines and columns, as in LSP).
local function diagnostics(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, { lnum = d.lnum, col = d.col, severity = d.severity, message = d.message, source = d.source })
  end
  return list
end

local function any_message(bufnr, needle)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.message:find(needle, 1, true) then return true end
  end
  return false
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(env.BEARING_BRIEF))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'
  local config = { name = 'bearing', cmd = { env.BEARING_BIN, 'lsp', '--today', env.BEARING_TODAY }, root_dir = env.BEARING_KB,
    on_exit = function(code, signal) out.exit_code = code; out.exit_signal = signal end }
  local client_id
  if vim.lsp.start then -- Neovim 0.8 and later
    out.started_with = 'vim.lsp.start'
    client_id = vim.lsp.start(config)
  else -- Neovim 0.7 (Debian 12's): the same in two steps
    out.started_with = 'vim.lsp.start_client'
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  assert(client_id, 'the client did not start')
  step('started')

  out.initialized = vim.wait(wait_ms, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized == true
  end, 50)
  assert(out.initialized, 'no initialize reply')
  local client = vim.lsp.get_client_by_id(client_id)
  out.offset_encoding = client.offset_encoding
  out.sync = client.server_capabilities and client.server_capabilities.textDocumentSync or client.resolved_capabilities and client.resolved_capabilities.text_document_did_change
  step('initialized')

  -- 1. The brief's own diagnostics (it is overdue for review).
  out.diagnostics_arrived = vim.wait(wait_ms, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  out.diagnostics = diagnostics(bufnr)
  step('diagnostics')

  -- 2. An unknown goal id in goals:, typed through the buffer (incremental didChange).
  local goals_line
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if line:match('^goals:') then goals_line = i - 1; break end
  end
  assert(goals_line, 'no goals: line in the brief')
  out.goals_line = goals_line
  vim.api.nvim_buf_set_lines(bufnr, goals_line, goals_line + 1, false, { 'goals: [g-nope]' })
  out.unknown_reported = vim.wait(wait_ms, function() return any_message(bufnr, 'g-nope') end, 50)
  out.diagnostics_after_edit = diagnostics(bufnr)
  step('unknown goal')

  -- 3. Completion right after `goals: [`.
  vim.api.nvim_buf_set_lines(bufnr, goals_line, goals_line + 1, false, { 'goals: [' })
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = goals_line, character = 8 } }
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, wait_ms)
  out.completion_error = err
  out.completion = {}
  for _, response in pairs(responses or {}) do
    if response.error then out.completion_error = response.error.message end
    local result = response.result or {}
    for _, item in ipairs(result.items or result) do
      local text = item.textEdit and item.textEdit.newText or item.insertText or item.label
      table.insert(out.completion, { label = item.label, detail = item.detail, text = text })
    end
  end
  step('completion')

  -- 4. Definition and hover of the goal id, back in its place.
  vim.api.nvim_buf_set_lines(bufnr, goals_line, goals_line + 1, false, { 'goals: [g-2027-q1-dso]' })
  local on_id = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = goals_line, character = 12 } }
  out.definition = {}
  for _, response in pairs(vim.lsp.buf_request_sync(bufnr, 'textDocument/definition', on_id, wait_ms) or {}) do
    local result = response.result or {}
    if result.uri or result.targetUri then result = { result } end
    for _, location in ipairs(result) do
      table.insert(out.definition, vim.uri_to_fname(location.uri or location.targetUri))
    end
  end
  out.hover = {}
  for _, response in pairs(vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', on_id, wait_ms) or {}) do
    if response.result then
      local lines = vim.lsp.util.convert_input_to_markdown_lines(response.result.contents)
      table.insert(out.hover, table.concat(lines, '\n'))
    end
  end
  step('definition and hover')

  -- 5. Stop the server (shutdown + exit) and wait until the client is gone.
  vim.lsp.stop_client(client_id)
  out.stopped = vim.wait(wait_ms, function()
    return vim.lsp.get_client_by_id(client_id) == nil and out.exit_code ~= nil
  end, 50)
  step('stopped')
end

local ok, failure = pcall(run)
if not ok then out.error = tostring(failure) end
write_out()
vim.cmd('qall!')
