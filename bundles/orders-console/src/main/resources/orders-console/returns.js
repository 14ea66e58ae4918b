// Returns, exchanges and gifts (ORD-8, ORD-9) at /console/orders/returns/{id}: the order's notes first, what was
// ordered, what came back and what may still come back, the agent's limit, and the open return request with the
// CS manager's approval. The agent requests a return (above the limit the approval is asked at once; when that
// failed, "submit again"), an exchange or a gift; delivery records the goods that came back, which the server
// compares with the request (a mismatch is shown line by line, nothing is recorded). Every refusal is shown next
// to its field or at the top of the dialog in the user's language; buttons a user may not use are not shown.
// At /console/orders/returns: an order number to open, and the shipped and delivered orders.
// REST: GET /api/orders/{id}, GET /api/orders/returns/{id}, POST /api/orders/returns/{id}, .../approval,
// .../check, POST /api/orders/exchanges/{id}, POST /api/orders/gifts/{id}, GET /api/orders?state=&limit=.
import { useStyles, money, timeSec, title, stateBadge } from './common.js';

/** The states a return may be requested in (the server's rule; the button explains when it does not apply). */
const REQUEST_STATES = ['SHIPPED', 'DELIVERED', 'EXCHANGED'];
const EXCHANGE_STATES = ['DELIVERED', 'RETURN_REQUESTED'];
/** The list below the order picker: orders goods may come back from. */
const LIST_STATES = ['DELIVERED', 'SHIPPED', 'RETURN_REQUESTED', 'EXCHANGED'];
const LIST_LIMIT = 50;

export async function render(ctx) {
  useStyles();
  const m = /^\/(\d+)$/.exec(ctx.sub || '');
  const id = m ? Number(m[1]) : null;
  ctx.root.append(picker(ctx, id));
  if (id) await orderReturns(ctx, id);
  else await recentOrders(ctx);
}

// ------------------------------------------------------------------ money in cents (exact, no floating point)

/** "129.5" → 12950; NaN when it is not an amount with at most two decimals. */
export function cents(amount) {
  const m = /^\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$/.exec(String(amount == null ? '' : amount));
  return m ? Number(m[1]) * 100 + Number(((m[2] || '') + '00').slice(0, 2)) : NaN;
}

/** 12950 → "129.50". */
export function amount(c) {
  return Math.floor(c / 100) + '.' + String(c % 100).padStart(2, '0');
}

// ------------------------------------------------------------------ the picker and the list

function picker(ctx, current) {
  const { t, ui } = ctx;
  const { el } = ui;
  const input = el('input', { name: 'order', id: 'returns-order-id', inputmode: 'numeric', autocomplete: 'off', size: 10,
    value: current ? String(current) : undefined });
  const form = el('form', { id: 'returns-pick', class: 'returns-pick', novalidate: true },
    ui.field(t('orders.returns.pick'), input), el('button', { type: 'submit', class: 'primary' }, t('orders.returns.open')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = input.value.trim().replace(/^#/, '');
    if (!/^\d+$/.test(v)) {
      ui.showErrors(form, { order: t('orders.returns.error.orderId') });
      return;
    }
    location.assign('/console/orders/returns/' + v);
  });
  return el('div', {}, el('h1', {}, current ? t('orders.returns.orderHeading', { id: current }) : t('orders.returns.heading')),
    current ? null : el('p', { class: 'muted' }, t('orders.returns.intro')), form);
}

async function recentOrders(ctx) {
  const { root, api, t, ui, formatTime, formatMoney, live, debounce } = ctx;
  const { el } = ui;
  const link = (o) => el('a', { href: '/console/orders/returns/' + o.id, class: 'returns-link', dataset: { order: o.id } }, '#' + o.id);
  const table = ui.dataTable({
    id: 'returns-orders', pageSize: 25, emptyText: t('orders.returns.listEmpty'), sortBy: { column: 4, descending: true },
    load: async () => {
      const pages = await Promise.all(LIST_STATES.map((s) => api('/api/orders?state=' + s + '&limit=' + LIST_LIMIT)));
      return pages.flatMap((p) => p.data.items);
    },
    columns: [
      { title: t('orders.col.id'), value: link, sort: (o) => o.id },
      { title: t('orders.col.state'), value: (o) => stateBadge(ui, t, o.state), sort: (o) => o.state },
      { title: t('orders.col.customer'), value: (o) => o.customerName },
      { title: t('orders.col.total'), value: (o) => money(formatMoney, o.total), class: 'num' },
      { title: t('orders.returns.lastAt'), value: (o) => formatTime(o.lastAt), sort: (o) => o.lastAt },
      { title: t('orders.col.flags'), value: (o) => (o.hasNotes ? ui.badge('PENDING', t('orders.flag.notes')) : '') },
    ],
  });
  root.append(el('h2', {}, t('orders.returns.listHeading')), table);
  live('orders', debounce(() => table.reload().catch(() => {}), 300));
  await table.ready;
}

// ------------------------------------------------------------------ one order

async function orderReturns(ctx, id) {
  const { root, api, t, ui, live, debounce } = ctx;
  const { el } = ui;
  const page = el('div', { id: 'returns-page', dataset: { order: id, refreshed: '0' } });
  root.append(page);
  let refreshes = 0;
  // what the last request or resubmission answered: the ledger does not keep why an approval could not be asked
  const last = { approvalError: null, stockProblems: [] };

  async function load() {
    let order;
    try {
      order = (await api('/api/orders/' + id)).data;
    } catch (e) {
      if (e.status === 404) {
        page.replaceChildren(el('div', { class: 'panel', id: 'order-missing' }, el('p', {}, t('orders.order.missing', { id }))));
        return;
      }
      throw e;
    }
    const ledger = (await api('/api/orders/returns/' + id)).data;
    draw(order, ledger);
    page.dataset.state = order.state;
    page.dataset.refreshed = String(++refreshes);
  }

  const reload = () => load().catch((e) => ui.toast(ui.errorText(e), 'error'));

  function draw(order, ledger) {
    const view = { ctx, id, order, ledger, last, reload };
    const notes = order.notes || [];
    // replaceChildren writes null as the text "null": only the parts there are
    page.replaceChildren(...[
      el('p', {}, el('span', { id: 'returns-state', dataset: { state: order.state } }, stateBadge(ui, t, order.state)), ' ',
        el('a', { href: '/console/orders/' + id, id: 'returns-order-link' }, t('orders.returns.orderPage', { id }))),
      notes.length ? el('div', { class: 'order-notes', id: 'returns-notes' }, el('strong', {}, t('orders.order.notes')),
        notes.map((n) => el('p', { dataset: { record: n.recordId } }, el('small', { class: 'muted' }, n.actor + ' · ' + timeSec(n.at) + ' — '),
          n.text))) : null,
      last.stockProblems.length ? el('div', { class: 'form-error', id: 'returns-stock-problems', role: 'alert' },
        t('orders.returns.stockProblems'), el('ul', {}, last.stockProblems.map((p) => el('li', {}, p)))) : null,
      actions(view),
      openRequest(view),
      el('div', { class: 'order-grid' },
        el('section', { class: 'panel', id: 'returns-customer' }, el('h2', {}, t('orders.order.customer')), el('dl', {},
          el('dt', {}, t('orders.order.name')), el('dd', {}, order.customer.name),
          el('dt', {}, t('orders.order.phone')), el('dd', {}, order.customer.phone),
          el('dt', {}, t('orders.order.address')), el('dd', {}, order.address),
          el('dt', {}, t('orders.order.total')), el('dd', {}, money(ctx.formatMoney, order.total)))),
        el('section', { class: 'panel', id: 'returns-limit' }, el('h2', {}, t('orders.returns.limitHeading')),
          el('p', {}, el('strong', { id: 'agent-limit' }, money(ctx.formatMoney, ledger.agentLimit))),
          el('p', { class: 'muted' }, t('orders.returns.limitText')))),
      goodsTable(view)].filter(Boolean));
  }

  await load();
  const soon = debounce(reload, 150);
  // the CS manager's approval arrives as a NOTE on the order (an orders event), like every other change
  live('orders', (d) => { if (d && Number(d.orderId) === id) soon(); });
}

function may(ctx, permission) {
  return ctx.can(permission) && !ctx.readOnly;
}

function actions(view) {
  const { ctx, order, ledger } = view;
  const { t, ui } = ctx;
  const { el } = ui;
  const buttons = [];
  const returnable = ledger.returnable.some((x) => x.quantity > 0);
  const open = ledger.openRequest;
  if (may(ctx, 'orders.return.request')) {
    const why = open ? t('orders.returns.why.open') : !REQUEST_STATES.includes(order.state) ? t('orders.returns.why.state')
      : !returnable ? t('orders.returns.why.nothing') : null;
    buttons.push(el('button', { type: 'button', class: 'primary', id: 'action-return-request', disabled: !!why, title: why || undefined,
      onclick: () => requestDialog(view) }, t('orders.returns.action.request')));
  }
  if (open && may(ctx, 'orders.return.check')) {
    const why = open.awaitingApproval ? t('orders.returns.why.approval') : null;
    buttons.push(el('button', { type: 'button', class: 'primary', id: 'action-return-check', disabled: !!why, title: why || undefined,
      onclick: () => checkDialog(view) }, t('orders.returns.action.check')));
  }
  if (may(ctx, 'orders.exchange') && EXCHANGE_STATES.includes(order.state) && returnable) {
    buttons.push(el('button', { type: 'button', id: 'action-exchange', onclick: () => exchangeDialog(view) }, t('orders.returns.action.exchange')));
  }
  if (may(ctx, 'orders.gift') && order.state !== 'CANCELLED') {
    buttons.push(el('button', { type: 'button', id: 'action-gift', onclick: () => giftDialog(view) }, t('orders.returns.action.gift')));
  }
  return el('div', { id: 'order-actions' }, buttons.length ? buttons : el('span', { class: 'muted' }, t('orders.returns.noActions')));
}

/** The order's goods per SKU: title and unit price from the order's first line of it, and the ledger's counts. */
function goods(view) {
  const { order, ledger } = view;
  const count = (list, sku) => ((list || []).find((x) => x.sku === sku) || { quantity: 0 }).quantity;
  return ledger.ordered.map((x) => {
    const line = order.lines.find((l) => l.sku === x.sku) || {};
    return { sku: x.sku, line, unitPrice: line.unitPrice, ordered: x.quantity, returned: count(ledger.returned, x.sku),
      returnable: count(ledger.returnable, x.sku) };
  });
}

function goodsTable(view) {
  const { ctx } = view;
  const { t, ui, lang, formatMoney } = ctx;
  const { el } = ui;
  return el('section', { class: 'panel' }, el('h2', {}, t('orders.returns.goods')),
    el('table', { class: 'data', id: 'returns-lines' }, el('thead', {}, el('tr', {},
      [t('orders.line.sku'), t('orders.line.title'), t('orders.line.unitPrice'), t('orders.returns.ordered'), t('orders.returns.returned'),
        t('orders.returns.returnable')].map((h, i) => el('th', { scope: 'col', class: i >= 2 ? 'num' : undefined }, h)))),
    el('tbody', {}, goods(view).map((g) => el('tr', { dataset: { sku: g.sku, returnable: g.returnable } },
      el('td', {}, g.sku), el('td', {}, title(g.line, lang)), el('td', { class: 'num' }, money(formatMoney, g.unitPrice)),
      el('td', { class: 'num' }, String(g.ordered)), el('td', { class: 'num returned' }, String(g.returned)),
      el('td', { class: 'num' }, String(g.returnable)))))));
}

/** Where the open request's refund approval stands: none, pending, approved, rejected or unsubmitted. */
function approvalStatus(r) {
  if (!r.approvalRequired) return 'none';
  if (r.approved) return 'approved';
  if (r.approvalId == null) return 'unsubmitted';
  if (r.approvalState === 'REJECTED') return 'rejected';
  return 'pending';
}

function openRequest(view) {
  const { ctx, ledger, last } = view;
  const { t, ui, formatMoney } = ctx;
  const { el } = ui;
  const r = ledger.openRequest;
  if (!r) {
    return el('section', { class: 'panel', id: 'open-request', dataset: { approval: '' } }, el('h2', {}, t('orders.returns.request')),
      el('p', { class: 'muted', id: 'no-open-request' }, t('orders.returns.noRequest')));
  }
  const status = approvalStatus(r);
  const link = r.approvalId != null ? el('a', { href: '/console/approvals/' + r.approvalId, id: 'approval-link' }, '#' + r.approvalId) : null;
  const approval = {
    none: () => [ui.badge('ok', t('orders.returns.approval.none'))],
    approved: () => [ui.badge('ok', t('orders.returns.approval.approved')), ' ', link],
    pending: () => [ui.badge('PENDING', t('orders.returns.approval.pending')), ' ', link,
      el('p', { class: 'muted' }, t('orders.returns.approval.pendingText'))],
    rejected: () => [ui.badge('bad', t('orders.returns.approval.rejected')), ' ', link, resubmit(view)],
    unsubmitted: () => [ui.badge('bad', t('orders.returns.approval.unsubmitted')),
      last.approvalError ? el('p', { class: 'form-error', id: 'approval-error' }, last.approvalError) : null, resubmit(view)],
  }[status]();
  return el('section', { class: 'panel', id: 'open-request', dataset: { approval: status, record: r.recordId } },
    el('h2', {}, t('orders.returns.request')),
    el('div', { class: 'order-grid' }, el('dl', {},
      el('dt', {}, t('orders.returns.requestedBy')), el('dd', {}, r.requestedBy + ' · ' + timeSec(r.requestedAt)),
      el('dt', {}, t('orders.returns.lines')), el('dd', { id: 'request-lines' }, r.lines.map((l) => l.sku + ' ×' + l.quantity).join(', ')),
      el('dt', {}, t('orders.returns.reason')), el('dd', {}, r.reason),
      el('dt', {}, t('orders.returns.refund')), el('dd', { id: 'request-refund' }, money(formatMoney, r.refund)),
      el('dt', {}, t('orders.returns.approval')), el('dd', { id: 'request-approval' }, approval))));
}

function resubmit(view) {
  const { ctx, id, last, reload } = view;
  const { t, ui, api } = ctx;
  if (!may(ctx, 'orders.return.request')) return null;
  const button = ui.el('button', { type: 'button', class: 'small', id: 'resubmit-approval', onclick: async () => {
    button.disabled = true;
    try {
      const r = (await api('/api/orders/returns/' + id + '/approval', { method: 'POST', body: {} })).data;
      last.approvalError = r.approvalError;
      ui.toast(r.approvalId != null ? t('orders.returns.approvalAsked', { id: r.approvalId }) : t('orders.returns.approvalFailed'),
        r.approvalId != null ? 'ok' : 'error');
    } catch (e) {
      if (!e || !e.status) throw e;
      last.approvalError = refusalText(ctx, e);
      ui.toast(last.approvalError, 'error');
    }
    await reload();
  } }, t('orders.returns.resubmit'));
  return [' ', button];
}

// ------------------------------------------------------------------ refusals in the user's language

const WORDS = { missing: 'orders.error.required', invalid: 'orders.returns.error.amount', 'too long': 'orders.returns.error.tooLong',
  unknown: 'orders.returns.error.unknownSku', 'too many': 'orders.returns.error.tooManyLines' };

/** A field's refusal: the server's word in the user's language, or what kind of value it refused with the server's reason. */
function fieldText(t, key, value) {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  if (WORDS[s]) return t(WORDS[s]);
  const kind = /quantity$/.test(key) ? 'quantity' : /sku$/.test(key) ? 'sku' : /^(refund|value)$/.test(key) ? 'amount' : 'other';
  return t('orders.returns.error.' + kind) + ' (' + s + ')';
}

/** A refusal that is not about one field: the known codes in the user's language, else the server's reason. */
function refusalText(ctx, err) {
  const { t, ui } = ctx;
  const d = err.details || {};
  if (err.status === 400) return t('orders.returns.refusal.invalid');
  if (err.status === 404) return t('orders.returns.refusal.not-found');
  const key = 'orders.returns.refusal.' + err.code;
  if (err.status === 409 && t(key) !== key) {
    return t(key, { approval: d.approvalId != null ? '#' + d.approvalId : '', module: d.module || '', sku: d.sku || '', limit: d.agentLimit || '' });
  }
  return ui.errorText(err);
}

/**
 * Shows the server's refusal in the dialog: 400 details next to their fields (fieldOf maps the server's field,
 * e.g. "lines[0].quantity", to the form's input name or null), 409 codes in the user's language (onCode(err)
 * may name the field a code belongs to). Answers false so that the dialog stays open; network errors are thrown on.
 */
function refusal(ctx, form, err, fieldOf, onCode) {
  const { ui, t } = ctx;
  if (!err || !err.status) throw err;
  const errors = {};
  const add = (name, text) => { errors[name] = errors[name] ? [].concat(errors[name], text) : text; };
  if (err.status === 400) {
    for (const [k, v] of Object.entries(err.details || {})) {
      const name = fieldOf(k);
      if (name && form.elements[name]) add(name, fieldText(t, k, v));
      else add('', fieldText(t, k, v));
    }
  }
  const field = err.status === 409 && onCode ? onCode(err) : null;
  if (field && form.elements[field]) add(field, refusalText(ctx, err));
  else if (!errors['']) errors[''] = refusalText(ctx, err);
  ui.showErrors(form, errors);
  return false;
}

/** "lines[2].quantity" → the input of the row that was sent third ("qty-5"), by the rows' indexes as sent. */
function lineField(prefix, sent, list) {
  const m = new RegExp('^' + list + '\\[(\\d+)\\]\\.?(sku|quantity)?$').exec(prefix);
  return m ? sent[Number(m[1])] && sent[Number(m[1])][m[2] || 'quantity'] : null;
}

// ------------------------------------------------------------------ the dialogs

function qtyInput(name, max, label) {
  const input = document.createElement('input');
  Object.assign(input, { name, type: 'number', min: 0, step: 1, className: 'qty', autocomplete: 'off' });
  if (max != null) input.max = max;
  input.setAttribute('aria-label', label);
  return input;
}

/** Whole quantities of the rows, checked here first: answers {lines, sent, errors}; rows left empty or 0 are skipped. */
function readLines(ctx, form, rows, name, max) {
  const { t } = ctx;
  const lines = [];
  const sent = [];
  const errors = {};
  rows.forEach((row, i) => {
    const v = form.elements[name(i)].value.trim();
    if (v === '' || v === '0') return;
    if (!/^\d+$/.test(v)) errors[name(i)] = t('orders.error.quantity');
    else if (max && Number(v) > max(row)) errors[name(i)] = t('orders.returns.error.tooMany', { n: max(row) });
    else {
      lines.push({ sku: row.sku, quantity: Number(v) });
      sent.push({ sku: name(i), quantity: name(i) });
    }
  });
  return { lines, sent, errors };
}

/** Fills an amount field with what the chosen goods cost until the user types one. */
function autoAmount(input, compute, after) {
  let touched = false;
  input.addEventListener('input', () => { touched = true; after(); });
  return () => {
    if (!touched) input.value = amount(compute());
    after();
  };
}

function returnableRows(view) {
  return goods(view).filter((g) => g.returnable > 0);
}

function linesTable(ctx, id, heads, rows) {
  const { el } = ctx.ui;
  // a header is right-aligned where the column's cells hold numbers (class num), as in the first row
  const first = rows && rows[0];
  const numAt = (i) => Boolean(first && first.children[i] && first.children[i].classList.contains('num'));
  return el('table', { class: 'data dialog-lines', id }, el('thead', {}, el('tr', {},
    heads.map((h, i) => el('th', { scope: 'col', class: numAt(i) ? 'num' : undefined }, h)))),
    el('tbody', {}, rows));
}

function worthOf(rows, form, name) {
  return rows.reduce((sum, g, i) => {
    const q = form.elements[name(i)].value.trim();
    return /^\d+$/.test(q) ? sum + cents(g.unitPrice && g.unitPrice.amount) * Number(q) : sum;
  }, 0);
}

/** The agent requests a return: the lines and quantities, the reason and the refund (at most what the goods cost). */
function requestDialog(view) {
  const { ctx, id, ledger, last, reload } = view;
  const { t, ui, api, lang, formatMoney } = ctx;
  const { el } = ui;
  const rows = returnableRows(view);
  const qty = (i) => 'qty-' + i;
  const currency = ledger.agentLimit.currency;
  const limit = cents(ledger.agentLimit.amount);
  const refund = el('input', { name: 'refund', inputmode: 'decimal', autocomplete: 'off', size: 12 });
  const worthText = el('strong', { id: 'return-worth' });
  const limitNote = el('p', { id: 'return-limit-note', class: 'muted' });
  const dlg = ui.dialog({
    id: 'return-dialog', wide: true, title: t('orders.returns.requestTitle', { id }), submitText: t('orders.returns.requestSubmit'),
    body: [
      linesTable(ctx, 'return-lines', [t('orders.line.sku'), t('orders.line.title'), t('orders.line.unitPrice'), t('orders.returns.returnable'),
        t('orders.returns.quantity')], rows.map((g, i) => el('tr', { dataset: { sku: g.sku } },
        el('td', {}, g.sku), el('td', {}, title(g.line, lang)), el('td', { class: 'num' }, money(formatMoney, g.unitPrice)),
        el('td', { class: 'num' }, String(g.returnable)),
        el('td', {}, qtyInput(qty(i), g.returnable, t('orders.returns.quantity') + ' ' + g.sku))))),
      el('p', {}, t('orders.returns.worth'), ' ', worthText),
      ui.field(t('orders.returns.reason'), el('textarea', { name: 'reason', rows: 2, required: true })),
      ui.field(t('orders.returns.refund') + ' (' + currency + ')', refund, t('orders.returns.refundHint')),
      limitNote,
    ],
    onSubmit: async (form) => {
      const { lines, sent, errors } = readLines(ctx, form, rows, qty, (g) => g.returnable);
      if (!lines.length && !Object.keys(errors).length) errors[''] = t('orders.returns.error.noLines');
      const reason = form.elements.reason.value.trim();
      if (!reason) errors.reason = t('orders.error.required');
      const r = cents(refund.value);
      const worth = worthOf(rows, form, qty);
      if (Number.isNaN(r)) errors.refund = t('orders.returns.error.amount');
      else if (lines.length && r > worth) errors.refund = t('orders.returns.error.refundAboveWorth', { worth: formatMoney({ amount: amount(worth), currency }) });
      if (Object.keys(errors).length) {
        ui.showErrors(form, errors);
        return false;
      }
      let answer;
      try {
        answer = (await api('/api/orders/returns/' + id, { method: 'POST', body: { lines, reason, refund: { amount: amount(r), currency } } })).data;
      } catch (e) {
        return refusal(ctx, form, e, (k) => (k === 'refund' || k === 'reason' ? k : lineField(k, sent, 'lines')));
      }
      last.approvalError = answer.approvalError;
      if (!answer.approvalRequired) ui.toast(t('orders.returns.requested'), 'ok');
      else if (answer.approvalId != null) ui.toast(t('orders.returns.approvalAsked', { id: answer.approvalId }), 'ok');
      else ui.toast(t('orders.returns.approvalFailed'), 'error');
      await reload();
      return true;
    },
  });
  const update = autoAmount(refund, () => worthOf(rows, dlg.form, qty), () => {
    const worth = worthOf(rows, dlg.form, qty);
    worthText.textContent = formatMoney({ amount: amount(worth), currency });
    const r = cents(refund.value);
    const above = !Number.isNaN(r) && r > limit;
    limitNote.textContent = above ? t('orders.returns.aboveLimit', { limit: money(formatMoney, ledger.agentLimit) }) : '';
    limitNote.className = above ? 'notice' : 'muted';
  });
  dlg.form.addEventListener('input', (ev) => { if (ev.target && ev.target.classList.contains('qty')) update(); });
  update();
  return dlg;
}

/** Delivery records the goods that came back; the server compares them with the request and refuses a mismatch. */
function checkDialog(view) {
  const { ctx, id, ledger, last, reload, order } = view;
  const { t, ui, api, lang } = ctx;
  const { el } = ui;
  const rows = ledger.openRequest.lines.map((l) => ({ ...l, line: order.lines.find((x) => x.sku === l.sku) || {} }));
  const found = (i) => 'found-' + i;
  return ui.dialog({
    id: 'return-check-dialog', wide: true, title: t('orders.returns.checkTitle', { id }), submitText: t('orders.returns.checkSubmit'),
    body: [
      el('p', { class: 'muted' }, t('orders.returns.checkIntro')),
      linesTable(ctx, 'return-check-lines', [t('orders.line.sku'), t('orders.line.title'), t('orders.returns.requestedQty'),
        t('orders.returns.foundQty')], rows.map((l, i) => el('tr', { dataset: { sku: l.sku } },
        el('td', {}, l.sku), el('td', {}, title(l.line, lang)), el('td', { class: 'num' }, String(l.quantity)),
        el('td', {}, qtyInput(found(i), null, t('orders.returns.foundQty') + ' ' + l.sku))))),
    ],
    onSubmit: async (form) => {
      const { lines, sent, errors } = readLines(ctx, form, rows, found, null);
      rows.forEach((l, i) => { if (form.elements[found(i)].value.trim() === '') errors[found(i)] = t('orders.error.required'); });
      if (!lines.length && !Object.keys(errors).length) errors[''] = t('orders.returns.error.noLines');
      if (Object.keys(errors).length) {
        ui.showErrors(form, errors);
        return false;
      }
      let answer;
      try {
        answer = (await api('/api/orders/returns/' + id + '/check', { method: 'POST', body: { lines } })).data;
      } catch (e) {
        if (e.status === 409 && e.code === 'return-mismatch') {
          // what differs, line by line, next to the counted quantity; nothing was recorded
          const diffs = (e.details && e.details.differences) || [];
          const shown = { '': [t('orders.returns.mismatch')].concat(diffs.map((d) => t('orders.returns.difference', d))) };
          diffs.forEach((d) => {
            const i = rows.findIndex((l) => l.sku === d.sku);
            if (i >= 0) shown[found(i)] = t('orders.returns.differenceField', d);
          });
          ui.showErrors(form, shown);
          return false;
        }
        return refusal(ctx, form, e, (k) => lineField(k, sent, 'lines'));
      }
      last.stockProblems = answer.stockProblems || [];
      ui.toast(t('orders.returns.checked', { id }), 'ok');
      await reload();
      return true;
    },
  });
}

/** An exchange: goods back (from what may still come back) and goods out, the reason and the value. */
function exchangeDialog(view) {
  const { ctx, id, ledger, last, reload } = view;
  const { t, ui, api, lang, formatMoney } = ctx;
  const { el } = ui;
  const rows = returnableRows(view);
  const back = (i) => 'back-' + i;
  // out: the order's SKUs (the same goods again is the usual exchange) and one free row for another SKU
  const outRows = goods(view).map((g) => ({ sku: g.sku })).concat([{ sku: '' }]);
  const currency = ledger.agentLimit.currency;
  const value = el('input', { name: 'value', inputmode: 'decimal', autocomplete: 'off', size: 12 });
  const dlg = ui.dialog({
    id: 'exchange-dialog', wide: true, title: t('orders.returns.exchangeTitle', { id }), submitText: t('orders.returns.exchangeSubmit'),
    body: [
      el('h3', {}, t('orders.returns.back')),
      linesTable(ctx, 'exchange-back', [t('orders.line.sku'), t('orders.line.title'), t('orders.returns.returnable'), t('orders.returns.quantity')],
        rows.map((g, i) => el('tr', { dataset: { sku: g.sku } }, el('td', {}, g.sku), el('td', {}, title(g.line, lang)),
          el('td', { class: 'num' }, String(g.returnable)), el('td', {}, qtyInput(back(i), g.returnable, t('orders.returns.back') + ' ' + g.sku))))),
      el('h3', {}, t('orders.returns.out')),
      linesTable(ctx, 'exchange-out', [t('orders.line.sku'), t('orders.returns.quantity')],
        outRows.map((o, i) => el('tr', {}, el('td', {}, el('input', { name: 'out-sku-' + i, value: o.sku, autocomplete: 'off',
          'aria-label': t('orders.returns.out') + ' ' + t('orders.line.sku') + ' ' + (i + 1) })),
        el('td', {}, qtyInput('out-qty-' + i, null, t('orders.returns.out') + ' ' + t('orders.returns.quantity') + ' ' + (i + 1)))))),
      ui.field(t('orders.returns.reason'), el('textarea', { name: 'reason', rows: 2, required: true })),
      ui.field(t('orders.returns.value') + ' (' + currency + ')', value, t('orders.returns.valueHint', { limit: money(formatMoney, ledger.agentLimit) })),
    ],
    onSubmit: async (form) => {
      const got = readLines(ctx, form, rows, back, (g) => g.returnable);
      const errors = got.errors;
      const out = [];
      const outSent = [];
      outRows.forEach((o, i) => {
        const sku = form.elements['out-sku-' + i].value.trim();
        const q = form.elements['out-qty-' + i].value.trim();
        if (q === '' || q === '0') return;
        if (!/^\d+$/.test(q)) errors['out-qty-' + i] = t('orders.error.quantity');
        else if (!sku) errors['out-sku-' + i] = t('orders.error.required');
        else {
          out.push({ sku, quantity: Number(q) });
          outSent.push({ sku: 'out-sku-' + i, quantity: 'out-qty-' + i });
        }
      });
      if (!got.lines.length && !errors[back(0)]) errors[''] = t('orders.returns.error.noBack');
      else if (!out.length && !Object.keys(errors).length) errors[''] = t('orders.returns.error.noOut');
      const reason = form.elements.reason.value.trim();
      if (!reason) errors.reason = t('orders.error.required');
      const v = cents(value.value);
      if (Number.isNaN(v)) errors.value = t('orders.returns.error.amount');
      if (Object.keys(errors).length) {
        ui.showErrors(form, errors);
        return false;
      }
      let answer;
      try {
        answer = (await api('/api/orders/exchanges/' + id, { method: 'POST',
          body: { back: got.lines, out, reason, value: { amount: amount(v), currency } } })).data;
      } catch (e) {
        return refusal(ctx, form, e, (k) => (k === 'reason' || k === 'value' ? k : lineField(k, got.sent, 'back') || lineField(k, outSent, 'out')),
          (err) => (err.code === 'above-agent-limit' ? 'value' : null));
      }
      last.stockProblems = answer.stockProblems || [];
      ui.toast(t('orders.returns.exchanged', { id }), 'ok');
      await reload();
      return true;
    },
  });
  const update = autoAmount(value, () => worthOf(rows, dlg.form, back), () => {});
  dlg.form.addEventListener('input', (ev) => { if (ev.target && /^back-/.test(ev.target.name || '')) update(); });
  update();
  return dlg;
}

/** A gift with the order: the SKU, how many, the reason and what it is worth (within the agent's limit). */
function giftDialog(view) {
  const { ctx, id, ledger, last, reload } = view;
  const { t, ui, api, formatMoney } = ctx;
  const { el } = ui;
  const currency = ledger.agentLimit.currency;
  return ui.dialog({
    id: 'gift-dialog', title: t('orders.returns.giftTitle', { id }), submitText: t('orders.returns.giftSubmit'),
    body: [
      ui.field(t('orders.line.sku'), el('input', { name: 'sku', autocomplete: 'off', required: true })),
      ui.field(t('orders.returns.quantity'), Object.assign(qtyInput('quantity', null, t('orders.returns.quantity')), { value: '1' })),
      ui.field(t('orders.returns.reason'), el('textarea', { name: 'reason', rows: 2, required: true })),
      ui.field(t('orders.returns.value') + ' (' + currency + ')', el('input', { name: 'value', inputmode: 'decimal', autocomplete: 'off',
        size: 12, value: '0.00' }), t('orders.returns.valueHint', { limit: money(formatMoney, ledger.agentLimit) })),
    ],
    onSubmit: async (form) => {
      const sku = form.elements.sku.value.trim();
      const q = form.elements.quantity.value.trim();
      const reason = form.elements.reason.value.trim();
      const v = cents(form.elements.value.value);
      const errors = {};
      if (!sku) errors.sku = t('orders.error.required');
      if (!/^\d+$/.test(q) || Number(q) < 1) errors.quantity = t('orders.returns.error.positive');
      if (!reason) errors.reason = t('orders.error.required');
      if (Number.isNaN(v)) errors.value = t('orders.returns.error.amount');
      if (Object.keys(errors).length) {
        ui.showErrors(form, errors);
        return false;
      }
      let answer;
      try {
        answer = (await api('/api/orders/gifts/' + id, { method: 'POST',
          body: { sku, quantity: Number(q), reason, value: { amount: amount(v), currency } } })).data;
      } catch (e) {
        return refusal(ctx, form, e, (k) => (/^gift\[\d+\]\.sku$|^sku$/.test(k) ? 'sku' : /^gift\[\d+\]\.quantity$/.test(k) ? 'quantity'
          : k === 'reason' || k === 'value' ? k : null),
        (err) => (err.code === 'above-agent-limit' ? 'value' : err.code === 'insufficient-stock' ? 'sku' : null));
      }
      last.stockProblems = answer.stockProblems || [];
      ui.toast(t('orders.returns.gifted', { id }), 'ok');
      await reload();
      return true;
    },
  });
}
