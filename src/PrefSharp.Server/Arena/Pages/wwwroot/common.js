'use strict';
// Shared by the arena's pages: JSON requests carrying the session's anti-forgery token, and DOM helpers that only
// ever set text (textContent), so prompts, answers, reasons and names are never parsed as HTML.
const arena = {
  csrf: '',
  byId: (id) => document.getElementById(id),
  show(id, text) { arena.byId(id).textContent = text; },
  async request(path, body) {
    const options = { credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (body !== undefined) {
      options.method = 'POST';
      options.headers['Content-Type'] = 'application/json';
      options.headers['X-CSRF-Token'] = arena.csrf;
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error((data.error && data.error.message) || ('HTTP ' + response.status));
      error.status = response.status;
      throw error;
    }
    return data;
  },
  async signIn() {
    const me = await arena.request('/api/me');
    arena.csrf = me.csrf;
    const who = arena.byId('who');
    if (who) who.textContent = 'signed in as ' + me.name;
    return me;
  },
  row(cells) {
    const tr = document.createElement('tr');
    for (const cell of cells) {
      const td = document.createElement('td');
      td.textContent = cell === null || cell === undefined ? '' : String(cell);
      if (typeof cell === 'number') td.className = 'num';
      tr.appendChild(td);
    }
    return tr;
  },
  fill(tableId, rows) {
    const body = arena.byId(tableId).querySelector('tbody');
    body.replaceChildren(...rows.map(arena.row));
  },
};
