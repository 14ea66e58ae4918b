// What the orders pages share: states and record kinds, money and times, the countdown of the
// confirmation clock (ORD-2), record payloads in one line, the action dialogs of the order page and the
// queues (confirm, note, resolve a payment flag, pack, ship, deliver), and refusals shown next to fields.

/** Adds the orders pages' stylesheet (next to this module) once per page load. */
export function useStyles() {
  if (document.getElementById('orders-css')) return;
  const link = document.createElement('link');
  link.id = 'orders-css';
  link.rel = 'stylesheet';
  link.href = new URL('./orders.css', import.meta.url).pathname;
  document.head.append(link);
}

export const STATES = ['ACCEPTED', 'CONFIRMED', 'PACKED', 'SHIPPED', 'DELIVERED', 'RETURN_REQUESTED', 'RETURNED', 'EXCHANGED',
  'CANCELLED', 'NEW'];
export const CHANNELS = ['phone', 'chat', 'sms'];
export const RESULTS = ['confirmed', 'unreachable', 'rejected'];
export const CARRIERS = ['顺丰速运', '中通快递', '圆通速递', '韵达快递', '京东物流', 'EMS'];

/** A money value {amount, currency} with exactly two decimals, e.g. "¥129.00". */
export function money(formatMoney, m) {
  if (!m || m.amount == null) return '';
  const [whole, frac = ''] = String(m.amount).split('.');
  return formatMoney({ amount: whole + '.' + (frac + '00').slice(0, 2), currency: m.currency });
}

/** A time the API sent (ISO-8601 with the shop's offset) as the shop's date and time with seconds. */
export function timeSec(iso) {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(:\d{2})?)/.exec(iso);
  return m ? m[1] + ' ' + m[2] : iso;
}

export function title(line, lang) {
  return (lang === 'en' ? line.titleEn || line.titleZh : line.titleZh || line.titleEn) || '';
}

export function orderLink(ui, id, text) {
  return ui.el('a', { href: '/console/orders/' + id, class: 'order-link', dataset: { order: id } }, text || '#' + id);
}

const STATE_BADGES = { ACCEPTED: 'PENDING', CONFIRMED: 'PENDING', DELIVERED: 'ok', CANCELLED: 'bad', RETURN_REQUESTED: 'PENDING' };

export function stateBadge(ui, t, state) {
  return ui.badge(STATE_BADGES[state] || '', t('orders.state.' + state));
}

export function kindText(t, kind) {
  const key = 'orders.kind.' + kind;
  return t(key) === key ? kind : t(key);
}

/** Seconds as "9:05", negative ones without the sign. */
function clock(seconds) {
  const s = Math.abs(Math.trunc(seconds));
  return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
}

/**
 * The confirmation clock in the browser: the server's answer fixes each order's due time and the offset
 * between the server's clock and this one, so the countdown ticks here without asking again.
 */
export function confirmationClock(confirmations) {
  const skew = confirmations && confirmations.now ? Date.parse(confirmations.now) - Date.now() : 0;
  const due = new Map();
  for (const c of (confirmations && confirmations.items) || []) due.set(String(c.orderId), Date.parse(c.dueAt));
  return {
    limitSeconds: confirmations ? confirmations.limitSeconds : null,
    has: (id) => due.has(String(id)),
    secondsLeft: (id) => (due.has(String(id)) ? (due.get(String(id)) - (Date.now() + skew)) / 1000 : null),
  };
}

/** "9:05 left" / "overdue by 1:20" for an accepted order, or '' when it is not waiting for its call. */
export function countdownText(t, secondsLeft) {
  if (secondsLeft == null) return '';
  return secondsLeft >= 0 ? t('orders.due.left', { time: clock(secondsLeft) }) : t('orders.due.over', { time: clock(secondsLeft) });
}

/** Draws the countdown into el and marks its row overdue when the time ran out; answers whether it did. */
export function tick(t, el, secondsLeft) {
  el.textContent = countdownText(t, secondsLeft);
  const over = secondsLeft != null && secondsLeft < 0;
  el.classList.toggle('over', over);
  return over;
}

function value(v) {
  if (v == null) return '';
  if (typeof v === 'object' && v.amount !== undefined && v.currency !== undefined) return v.amount + ' ' + v.currency;
  if (Array.isArray(v)) {
    return v.map((x) => (x && x.sku !== undefined ? x.sku + (x.quantity !== undefined ? ' ×' + x.quantity : '')
      + (x.expected !== undefined ? ' (' + x.expected + '→' + x.found + ')' : '') : value(x))).join(', ');
  }
  if (typeof v === 'object') return Object.entries(v).map(([k, x]) => k + ': ' + value(x)).join('; ');
  return String(v);
}

/** A record's payload in one line: the order itself for CREATED, else its fields. */
export function payloadSummary(ctx, record) {
  const p = record.payload || {};
  if (record.kind === 'CREATED') {
    const lines = (p.lines || []).map((l) => l.sku + ' ×' + l.quantity).join(', ');
    return [p.customer && p.customer.name, lines, p.total ? money(ctx.formatMoney, p.total) : null,
      p.payment ? p.payment.method : null].filter(Boolean).join(' · ');
  }
  return Object.entries(p).filter(([k]) => !['reasonZh', 'limitSeconds'].includes(k) || ctx.lang !== 'en')
    .filter(([k]) => !(k === 'reason' && ctx.lang !== 'en' && p.reasonZh))
    .map(([k, v]) => k + ': ' + value(v)).join(' · ');
}

/**
 * Shows a refusal next to the fields it names (a 400 with details) or at the top of the form (e.g. a 409
 * with the server's reason). Answers false so that the dialog stays open; a network error is thrown on.
 */
export function refusal(ctx, form, err) {
  const { ui } = ctx;
  if (!err || err.status === 0 || err.status == null) throw err;
  const details = err.details || {};
  const errors = {};
  if (err.status === 400) {
    for (const [k, v] of Object.entries(details)) {
      const target = form.elements[k] ? k : '';
      const text = typeof v === 'string' ? v : JSON.stringify(v);
      errors[target] = errors[target] ? [].concat(errors[target], k + ': ' + text) : (target ? text : k + ': ' + text);
    }
  }
  if (!Object.keys(errors).length || !errors['']) errors[''] = ui.errorText(err);
  ui.showErrors(form, errors);
  return false;
}

function select(name, values, label) {
  return values.map((v) => ({ v, text: label(v) })).reduce((s, o) => { s.append(new Option(o.text, o.v)); return s; },
    Object.assign(document.createElement('select'), { name }));
}

/** The confirmation call's outcome (ORD-2): channel, result, note. onDone runs after it was recorded. */
export function confirmDialog(ctx, orderId, onDone) {
  const { t, ui, api } = ctx;
  const { el } = ui;
  return ui.dialog({
    id: 'confirm-dialog', title: t('orders.confirm.title', { id: orderId }), submitText: t('orders.confirm.submit'),
    body: [
      ui.field(t('orders.confirm.channel'), select('channel', CHANNELS, (c) => t('orders.channel.' + c))),
      ui.field(t('orders.confirm.result'), select('result', RESULTS, (r) => t('orders.result.' + r))),
      ui.field(t('orders.confirm.note'), el('textarea', { name: 'note', rows: 2 })),
    ],
    onSubmit: async (form) => {
      const body = { channel: form.elements.channel.value, result: form.elements.result.value, note: form.elements.note.value.trim() || null };
      try {
        const r = (await api('/api/orders/confirmations/' + orderId, { method: 'POST', body })).data;
        ui.toast(r.confirmed ? t('orders.confirm.done', { id: orderId }) : t('orders.confirm.attempt', { id: orderId }), 'ok');
      } catch (e) {
        return refusal(ctx, form, e);
      }
      if (onDone) await onDone();
      return true;
    },
  });
}

export function noteDialog(ctx, orderId, onDone) {
  const { t, ui, api } = ctx;
  return ui.dialog({
    id: 'note-dialog', title: t('orders.note.title', { id: orderId }), submitText: t('orders.note.submit'),
    body: [ui.field(t('orders.note.text'), ui.el('textarea', { name: 'text', rows: 3, required: true }))],
    onSubmit: async (form) => {
      const text = form.elements.text.value.trim();
      if (!text) {
        ctx.ui.showErrors(form, { text: t('orders.error.required') });
        return false;
      }
      try {
        await api('/api/orders/' + orderId + '/records', { method: 'POST', body: { kind: 'NOTE', text } });
      } catch (e) {
        return refusal(ctx, form, e);
      }
      ui.toast(t('orders.note.done'), 'ok');
      if (onDone) await onDone();
      return true;
    },
  });
}

export function resolveDialog(ctx, orderId, flag, onDone) {
  const { t, ui, api } = ctx;
  return ui.dialog({
    id: 'resolve-dialog', title: t('orders.flag.resolveTitle', { rule: flag.rule }), submitText: t('orders.flag.resolve'),
    body: [ui.el('p', {}, ctx.lang === 'en' ? flag.reason : flag.reasonZh || flag.reason),
      ui.field(t('orders.flag.resolveReason'), ui.el('textarea', { name: 'reason', rows: 2, required: true }))],
    onSubmit: async (form) => {
      const reason = form.elements.reason.value.trim();
      if (!reason) {
        ui.showErrors(form, { reason: t('orders.error.required') });
        return false;
      }
      try {
        await api('/api/orders/payment-flags/' + orderId + '/' + flag.recordId + '/resolve', { method: 'POST', body: { reason } });
      } catch (e) {
        return refusal(ctx, form, e);
      }
      ui.toast(t('orders.flag.resolved'), 'ok');
      if (onDone) await onDone();
      return true;
    },
  });
}

/**
 * Packing (ORD-7): the pick list with the notes first; per expected line the SKU is scanned or typed and
 * the quantity counted. The server compares the parcel with the order; a mismatch is refused and recorded
 * (PACK_MISMATCH), and its reason is shown here while the dialog stays open. onChange runs after every
 * answer that appended a record (the refusal too).
 */
export async function packDialog(ctx, orderId, onChange) {
  const { t, ui, api, lang } = ctx;
  const { el } = ui;
  const pick = (await api('/api/orders/packing/' + orderId)).data;
  const rows = pick.expected.map((x, i) => {
    const line = pick.lines.find((l) => l.sku === x.sku) || (pick.gifts || []).find((g) => g.sku === x.sku) || {};
    return el('tr', { dataset: { sku: x.sku } },
      el('td', {}, el('strong', {}, x.sku), el('br'), el('small', { class: 'muted' }, title(line, lang))),
      el('td', { class: 'num' }, String(x.quantity)),
      el('td', {}, el('input', { name: 'sku-' + i, class: 'scan', autocomplete: 'off', placeholder: t('orders.pack.scanHint'),
        'aria-label': t('orders.pack.scan') + ' ' + (i + 1) })),
      el('td', {}, el('input', { name: 'qty-' + i, type: 'number', min: 0, step: 1, value: '', class: 'qty',
        'aria-label': t('orders.pack.quantity') + ' ' + (i + 1) })));
  });
  return ui.dialog({
    id: 'pack-dialog', wide: true, title: t('orders.pack.title', { id: orderId }), submitText: t('orders.pack.submit'),
    body: [
      pick.notes && pick.notes.length ? el('div', { class: 'order-notes', id: 'pack-notes' },
        pick.notes.map((n) => el('p', {}, el('strong', {}, kindText(t, n.kind) + ' · ' + n.actor + ': '), n.text))) : null,
      pick.blockedBy ? el('p', { class: 'form-error', id: 'pack-blocked' }, pick.blockedBy) : null,
      el('table', { class: 'data', id: 'pack-lines' }, el('thead', {}, el('tr', {},
        el('th', {}, t('orders.line.sku')), el('th', { class: 'num' }, t('orders.pack.expected')), el('th', {}, t('orders.pack.scan')),
        el('th', {}, t('orders.pack.quantity')))), el('tbody', {}, rows)),
    ],
    onSubmit: async (form) => {
      const lines = [];
      const errors = {};
      pick.expected.forEach((x, i) => {
        const sku = form.elements['sku-' + i].value.trim();
        const qty = form.elements['qty-' + i].value.trim();
        if (!sku) errors['sku-' + i] = t('orders.error.required');
        if (!/^\d+$/.test(qty)) errors['qty-' + i] = t('orders.error.quantity');
        if (sku && /^\d+$/.test(qty)) lines.push({ sku, quantity: Number(qty) });
      });
      if (Object.keys(errors).length) {
        ui.showErrors(form, errors);
        return false;
      }
      try {
        await api('/api/orders/packing/' + orderId, { method: 'POST', body: { lines } });
      } catch (e) {
        if (e.status === 409 && e.code === 'pack-mismatch') {
          // the server's reason in the user's language: what differs, line by line; the refusal is on the timeline
          const d = e.details || {};
          ui.showErrors(form, { '': [t('orders.pack.mismatch', { record: d.recordId })].concat((d.differences || []).map((x) =>
            t('orders.pack.difference', { sku: x.sku, expected: x.expected, found: x.found }))) });
          if (onChange) await onChange();
          return false;
        }
        return refusal(ctx, form, e);
      }
      ui.toast(t('orders.pack.done', { id: orderId }), 'ok');
      if (onChange) await onChange();
      return true;
    },
  });
}

export function shipDialog(ctx, orderId, onDone) {
  const { t, ui, api } = ctx;
  const { el } = ui;
  return ui.dialog({
    id: 'ship-dialog', title: t('orders.ship.title', { id: orderId }), submitText: t('orders.ship.submit'),
    body: [
      ui.field(t('orders.ship.carrier'), el('input', { name: 'carrier', list: 'carriers', required: true, autocomplete: 'off' })),
      el('datalist', { id: 'carriers' }, CARRIERS.map((c) => el('option', { value: c }))),
      ui.field(t('orders.ship.tracking'), el('input', { name: 'trackingNumber', required: true, autocomplete: 'off' })),
    ],
    onSubmit: async (form) => {
      const body = { carrier: form.elements.carrier.value.trim(), trackingNumber: form.elements.trackingNumber.value.trim() };
      const errors = {};
      if (!body.carrier) errors.carrier = t('orders.error.required');
      if (!body.trackingNumber) errors.trackingNumber = t('orders.error.required');
      if (Object.keys(errors).length) {
        ui.showErrors(form, errors);
        return false;
      }
      try {
        await api('/api/orders/shipping/' + orderId, { method: 'POST', body });
      } catch (e) {
        return refusal(ctx, form, e);
      }
      ui.toast(t('orders.ship.done', { id: orderId }), 'ok');
      if (onDone) await onDone();
      return true;
    },
  });
}

export function deliverDialog(ctx, orderId, onDone) {
  const { t, ui, api } = ctx;
  return ui.dialog({
    id: 'deliver-dialog', title: t('orders.deliver.title', { id: orderId }), submitText: t('orders.deliver.submit'),
    body: [ui.field(t('orders.deliver.note'), ui.el('input', { name: 'note', autocomplete: 'off' }))],
    onSubmit: async (form) => {
      const note = form.elements.note.value.trim();
      try {
        await api('/api/orders/shipping/' + orderId + '/delivered', { method: 'POST', body: note ? { note } : {} });
      } catch (e) {
        return refusal(ctx, form, e);
      }
      ui.toast(t('orders.deliver.done', { id: orderId }), 'ok');
      if (onDone) await onDone();
      return true;
    },
  });
}
