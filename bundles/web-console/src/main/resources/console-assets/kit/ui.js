// The console's UI kit: elements, icons, toasts, paged and sortable tables, form errors, dialogs and
// copy buttons, so that every page looks and behaves alike. No framework; plain DOM. Live updates over
// Server-Sent Events are in live.js.
import { currentLang, has, t } from './i18n.js';

/** el('button', {class: 'primary', onclick: f}, 'text', child, ...) */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (v === true) e.setAttribute(k, '');
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

const ICONS = {
  dashboard: 'M3 3h8v8H3zM13 3h8v5h-8zM13 10h8v11h-8zM3 13h8v8H3z',
  inbox: 'M3 13l3-9h12l3 9v7H3zM3 13h5l1 3h6l1-3h5',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6',
  users: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21c0-4 3-6 7-6s7 2 7 6M16 3.5a4 4 0 0 1 0 7.5M18 15c2.5.6 4 2.6 4 6',
  database: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  key: 'M8 15a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM11 11h10M18 11v3M21 11v3',
  log: 'M5 3h14v18H5zM8 7h8M8 11h8M8 15h5',
  server: 'M4 4h16v6H4zM4 14h16v6H4zM7 7h.01M7 17h.01',
  box: 'M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10',
  cart: 'M3 4h2l2 11h11l2-8H6M9 20h.01M17 20h.01',
  chat: 'M4 4h16v12H8l-4 4z',
  chart: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  cog: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2',
  dot: 'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
};

/** A small line icon by name (unknown names get a neutral dot). */
export function icon(name) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '1.8');
  svg.setAttribute('stroke-linecap', 'round');
  svg.setAttribute('stroke-linejoin', 'round');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name] || ICONS.dot);
  svg.append(path);
  return svg;
}

/** A short message in the corner; kind: 'ok' | 'error' | undefined. */
export function toast(message, kind) {
  let box = document.getElementById('toasts');
  if (!box) {
    box = el('div', { id: 'toasts' });
    document.body.append(box);
  }
  const item = el('div', { class: 'toast' + (kind ? ' ' + kind : ''), role: 'status' }, message);
  box.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 8000 : 4000);
}

/**
 * An error from the API as one readable line. The server words its refusals in English; in Chinese the line
 * starts with the refusal's kind in Chinese (error.code.<code>), so that the reader knows what happened even
 * when the details that follow are English.
 */
export function errorText(err) {
  if (err && err.status === 403) return t('error.forbidden') + (err.message ? ' (' + err.message + ')' : '');
  if (err && err.status === 0) return t('error.network');
  const detail = (err && err.message) || t('error.unknown');
  const key = err && err.code ? 'error.code.' + err.code : null;
  if (key && currentLang() !== 'en' && has(key)) return t('error.headed', { head: t(key), detail });
  return detail;
}

/** A number column's header is right-aligned over its numbers; other column classes (mono, ...) style cells only. */
function headClass(column) {
  return column.class && column.class.split(/\s+/).includes('num') ? 'num' : undefined;
}

/**
 * A table that loads pages from a cursor API. columns: [{title, value(item) -> text|Node, class}];
 * load(cursor) -> Promise<{items, next}> where next is the cursor (URL) of the next page or null.
 * Shows previous/next buttons and the page number.
 */
export function pagedTable({ columns, load, emptyText, id }) {
  const wrap = el('div', { class: 'paged', id });
  const cursors = [null];
  let index = 0;
  const body = el('tbody');
  const table = el('table', { class: 'data' },
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col', class: headClass(c) }, c.title)))), body);
  const prev = el('button', { type: 'button', class: 'prev', onclick: () => show(index - 1) }, t('table.previous'));
  const next = el('button', { type: 'button', class: 'next', onclick: () => show(index + 1) }, t('table.next'));
  const info = el('span', { class: 'muted page-no' });
  const empty = el('p', { class: 'empty', hidden: true }, emptyText || t('table.empty'));
  wrap.append(table, empty, el('div', { class: 'pager' }, prev, info, next));

  async function show(i) {
    prev.disabled = true;
    next.disabled = true;
    let page;
    try {
      page = await load(cursors[i]);
    } catch (e) {
      toast(errorText(e), 'error');
      prev.disabled = index === 0;
      next.disabled = cursors[index + 1] == null;
      return;
    }
    index = i;
    cursors[i + 1] = page.next || null;
    cursors.length = i + 2;
    body.replaceChildren(...page.items.map((item) => el('tr', {},
      columns.map((c) => el('td', { class: c.class }, c.value(item))))));
    empty.hidden = page.items.length > 0 || i > 0;
    table.hidden = page.items.length === 0 && i === 0;
    info.textContent = t('table.page', { n: i + 1 });
    prev.disabled = i === 0;
    next.disabled = !page.next;
  }
  wrap.reload = () => { cursors.length = 1; return show(0); };
  wrap.ready = show(0);
  return wrap;
}

/** Removes the error lines and marks of a form. */
export function clearErrors(form) {
  form.querySelectorAll('.field-error, .form-error.generated').forEach((e) => e.remove());
  form.querySelectorAll('.invalid').forEach((e) => e.classList.remove('invalid'));
}

/**
 * A field's refusal as the API words it ("missing", "too long", ...) in the console's language when it is one of
 * the common words (error.detail.<word>); any other text as it is.
 */
export function detailText(text) {
  return typeof text === 'string' && has('error.detail.' + text) ? t('error.detail.' + text) : text;
}

/**
 * Shows errors next to their fields: errors is {fieldName: text | [texts]}; a name without a field
 * in the form (or '') goes to the top of the form.
 */
export function showErrors(form, errors) {
  clearErrors(form);
  for (const [name, value] of Object.entries(errors)) {
    const texts = (Array.isArray(value) ? value : [value]).map(detailText);
    const line = el('div', { class: 'field-error', role: 'alert', dataset: { field: name } },
      texts.length > 1 ? el('ul', {}, texts.map((x) => el('li', {}, x))) : texts[0]);
    const input = name ? form.querySelector('[name="' + CSS.escape(name) + '"]') : null;
    if (input) {
      input.classList.add('invalid');
      (input.closest('label') || input).after(line);
    } else {
      line.classList.add('form-error', 'generated');
      form.prepend(line);
    }
  }
}

/** A badge for a state word. */
export function badge(state, text) {
  return el('span', { class: 'badge ' + state }, text || state);
}

/** Tabs: items [{id, title}], onSelect(id). Answers the bar; bar.select(id) switches. */
export function tabs(items, onSelect) {
  const bar = el('div', { class: 'tabs', role: 'tablist' });
  const buttons = items.map((it) => el('button', {
    type: 'button', role: 'tab', id: 'tab-' + it.id, onclick: () => bar.select(it.id),
  }, it.title));
  bar.append(...buttons);
  bar.select = (id) => {
    buttons.forEach((b, i) => b.classList.toggle('active', items[i].id === id));
    onSelect(id);
  };
  return bar;
}

/**
 * A table of a complete list, sorted and paged in the browser. columns: [{title, value(item) -> text|Node,
 * sort(item) -> string|number (omit: not sortable), class}]; rows: the items, or load() -> Promise<items>
 * (then wrap.reload() fetches again). sortBy: {column: index, descending}. The headers of sortable columns
 * are buttons (keyboard: Tab, Enter) that sort up, then down, with aria-sort on the header cell.
 */
export function dataTable({ columns, rows, load, pageSize = 20, sortBy, emptyText, id }) {
  const wrap = el('div', { class: 'paged', id });
  let items = rows || [];
  let sort = sortBy ? { ...sortBy } : null;
  let index = 0;
  const heads = columns.map((c, i) => {
    if (!c.sort) return el('th', { scope: 'col', class: headClass(c) }, c.title);
    const button = el('button', { type: 'button', class: 'sort', dataset: { column: i },
      onclick: () => { sort = { column: i, descending: sort && sort.column === i ? !sort.descending : false }; draw(0); } },
    c.title, el('span', { class: 'arrow', 'aria-hidden': 'true' }));
    return el('th', { scope: 'col', class: headClass(c) }, button);
  });
  const body = el('tbody');
  const table = el('table', { class: 'data sortable' }, el('thead', {}, el('tr', {}, heads)), body);
  const prev = el('button', { type: 'button', class: 'prev', onclick: () => draw(index - 1) }, t('table.previous'));
  const next = el('button', { type: 'button', class: 'next', onclick: () => draw(index + 1) }, t('table.next'));
  const info = el('span', { class: 'muted page-no' });
  const empty = el('p', { class: 'empty', hidden: true }, emptyText || t('table.empty'));
  const pager = el('div', { class: 'pager' }, prev, info, next);
  wrap.append(table, empty, pager);

  function compare(a, b) {
    if (a == null && b == null) return 0;
    if (a == null) return 1;
    if (b == null) return -1;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a).localeCompare(String(b), undefined, { numeric: true });
  }

  function draw(i) {
    const sorted = items.slice();
    if (sort && columns[sort.column] && columns[sort.column].sort) {
      const key = columns[sort.column].sort;
      sorted.sort((a, b) => compare(key(a), key(b)) * (sort.descending ? -1 : 1));
    }
    heads.forEach((th, c) => {
      if (!columns[c].sort) return;
      const active = sort && sort.column === c;
      th.setAttribute('aria-sort', active ? (sort.descending ? 'descending' : 'ascending') : 'none');
      th.querySelector('.arrow').textContent = active ? (sort.descending ? ' ▼' : ' ▲') : '';
    });
    const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
    index = Math.min(Math.max(0, i), pages - 1);
    const shown = sorted.slice(index * pageSize, (index + 1) * pageSize);
    body.replaceChildren(...shown.map((item) => el('tr', {}, columns.map((c) => el('td', { class: c.class }, c.value(item))))));
    table.hidden = sorted.length === 0;
    empty.hidden = sorted.length > 0;
    pager.hidden = pages < 2;
    info.textContent = t('table.pageOf', { n: index + 1, of: pages });
    prev.disabled = index === 0;
    next.disabled = index >= pages - 1;
  }

  wrap.setRows = (list) => { items = list || []; draw(index); };
  wrap.reload = async () => {
    if (!load) { draw(index); return; }
    try {
      items = (await load()) || [];
    } catch (e) {
      toast(errorText(e), 'error');
      throw e;
    }
    draw(index);
  };
  wrap.ready = load ? wrap.reload().catch(() => {}) : Promise.resolve(draw(0));
  return wrap;
}

/** A form field: a label with its caption over the input (or select, textarea). */
export function field(caption, input, hint) {
  return el('label', {}, el('span', {}, caption), input, hint ? el('small', { class: 'muted hint' }, hint) : null);
}

let dialogs = 0;

/**
 * A modal dialog (the browser's <dialog>: focus stays inside, Esc closes, the page behind is inert).
 * body: nodes inside the dialog's form; submitText: the main button (omit for a dialog with only a close
 * button); onSubmit(form) runs on submit, may throw an ApiError (shown at the top of the form) or answer
 * false to stay open (e.g. after showErrors). Answers the <dialog>; dlg.closed is a Promise of whether it
 * was submitted. Focus goes to the first field, and back to where it was when the dialog closes.
 */
export function dialog({ id, title, body, submitText, cancelText, onSubmit, danger, wide }) {
  const previous = document.activeElement;
  const titleId = (id || 'dialog-' + (++dialogs)) + '-title';
  const submit = submitText
    ? el('button', { type: 'submit', class: danger ? 'danger' : 'primary', 'data-role': 'submit' }, submitText) : null;
  const cancel = el('button', { type: 'button', class: 'cancel', 'data-role': 'cancel', onclick: () => dlg.close() },
    cancelText || (submitText ? t('dialog.cancel') : t('dialog.close')));
  const form = el('form', { class: 'stack', novalidate: true }, body, el('div', { class: 'dialog-actions' }, submit, cancel));
  const dlg = el('dialog', { class: 'dialog' + (wide ? ' wide' : ''), id, 'aria-labelledby': titleId, 'aria-modal': 'true' },
    el('h2', { id: titleId }, title), form);
  let submitted = false;
  dlg.form = form;
  dlg.closed = new Promise((resolve) => {
    dlg.addEventListener('close', () => {
      dlg.remove();
      if (previous && typeof previous.focus === 'function' && document.contains(previous)) previous.focus();
      resolve(submitted);
    });
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!submit) return;
    clearErrors(form);
    submit.disabled = true;
    try {
      const result = onSubmit ? await onSubmit(form, dlg) : true;
      if (result !== false) {
        submitted = true;
        dlg.close();
      }
    } catch (e) {
      showErrors(form, { '': errorText(e) });
    } finally {
      submit.disabled = false;
    }
  });
  document.body.append(dlg);
  dlg.showModal();
  const first = form.querySelector('input:not([type=hidden]):not([readonly]), select, textarea') || submit || cancel;
  first.focus();
  return dlg;
}

/** Asks a yes/no question in a dialog; answers a Promise of true when confirmed. */
export function ask({ id, title, text, confirmText, danger }) {
  return dialog({ id, title, body: el('p', {}, text), submitText: confirmText, danger }).closed;
}

/** A button that copies the text of an input (or a string) to the clipboard and says so. */
export function copyButton(source, id) {
  return el('button', { type: 'button', class: 'copy', id, onclick: async () => {
    const text = typeof source === 'string' ? source : source.value;
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch (e) {
      if (typeof source !== 'string') {
        source.select();
        ok = document.execCommand('copy');
      }
    }
    toast(ok ? t('copy.done') : t('copy.failed'), ok ? 'ok' : 'error');
  } }, t('copy.button'));
}

/** A size in bytes as text, e.g. "12.4 MB". */
export function formatBytes(n) {
  if (n == null || Number.isNaN(Number(n))) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = Number(n);
  let u = 0;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u += 1; }
  return (u === 0 ? String(v) : v.toFixed(1)) + ' ' + units[u];
}
