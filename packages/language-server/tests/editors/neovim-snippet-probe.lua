-- Runs after the README's Neovim 0.7 block (loaded as init.lua): opens each file of $CORS_FILES
-- (separated by newlines), waits until the server has published diagnostics for it, and writes per
-- file its filetype, the id of the client attached to it and how many diagnostics arrived, plus how
-- many clients run, as JSON to $CORS_OUT.
local out = vim.env.CORS_OUT
local published = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result then published[vim.uri_to_fname(result.uri)] = #result.diagnostics end
  return default_publish(err, result, ctx, config)
end

local files = {}
for _, file in ipairs(vim.split(vim.env.CORS_FILES, '\n', { trimempty = true })) do
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local arrived = vim.wait(20000, function() return published[file] ~= nil end, 20)
  local clients = {}
  for id, _ in pairs(vim.lsp.buf_get_clients(bufnr)) do table.insert(clients, id) end
  table.insert(files, { file = file, filetype = vim.bo[bufnr].filetype, clients = clients, diagnostics = arrived and published[file] or -1 })
end
local running = 0
for _, _ in pairs(vim.lsp.get_active_clients()) do running = running + 1 end
vim.fn.writefile({ vim.json.encode({ files = files, running = running }) }, out)
vim.lsp.stop_client(vim.lsp.get_active_clients())
vim.cmd('qa!')
