-- Drives the language server from headless Neovim 0.7 (a real LSP client nobody here wrote):
-- opens the fixture, waits for pushed diagnostics, asks for code actions on the first one, and
-- writes what it saw as JSON to $CORS_OUT. Positions are UTF-16 in Neovim 0.7. Filetype detection
-- is on, as in any user's setup, so the client sends Neovim's language id (nginx, python, …).
local fixture = vim.env.CORS_FIXTURE
local server = vim.env.CORS_SERVER
local out = vim.env.CORS_OUT

vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(fixture))
local bufnr = vim.api.nvim_get_current_buf()

local published = nil
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
local client_id = vim.lsp.start_client({
  name = 'cors',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(fixture, ':h'),
  flags = { debounce_text_changes = 0 },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result and result.diagnostics and #result.diagnostics > 0 then published = result end
      return default_publish(err, result, ctx, config)
    end,
  },
})
vim.lsp.buf_attach_client(bufnr, client_id)

local arrived = vim.wait(20000, function() return published ~= nil end, 20)
local result = { arrived = arrived, filetype = vim.bo[bufnr].filetype, diagnostics = {}, actions = {}, edits = {}, shown = 0 }
if arrived then
  result.diagnostics = published.diagnostics
  result.shown = #vim.diagnostic.get(bufnr)
  local first = published.diagnostics[1]
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = first.range,
    context = { diagnostics = { first } },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000) or {}
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(result.actions, action.title)
      -- The text each action would insert, joined: what a quick fix writes into the file.
      local texts = {}
      local edit = action.edit or {}
      for _, edits in pairs(edit.changes or {}) do
        for _, one in ipairs(edits) do table.insert(texts, one.newText) end
      end
      for _, change in ipairs(edit.documentChanges or {}) do
        for _, one in ipairs(change.edits or {}) do table.insert(texts, one.newText) end
      end
      result.edits[action.title] = table.concat(texts, '')
    end
  end
end
vim.fn.writefile({ vim.json.encode(result) }, out)
vim.lsp.stop_client(client_id)
vim.cmd('qa!')
