// The console's UI kit: elements, icons, toasts, paged tables and form errors, so that every page
// looks and behaves alike. No framework; plain DOM.
import { t } from './i18n.js';

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

/** An error from the API as one readable line. */
export function errorText(err) {
  if (err && err.status === 403) return t('error.forbidden') + (err.message ? ' (' + err.message + ')' : '');
  if (err && err.status === 0) return t('error.network');
  return (err && err.message) || t('error.unknown');
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
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', {}, c.title)))), body);
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
 * Shows errors next to their fields: errors is {fieldName: text | [texts]}; a name without a field
 * in the form (or '') goes to the top of the form.
 */
export function showErrors(form, errors) {
  clearErrors(form);
  for (const [name, value] of Object.entries(errors)) {
    const texts = Array.isArray(value) ? value : [value];
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
