// The order page (/console/orders/{id}, ORD-3): header, notes shown first and prominently, customer,
// lines, payment with its checks (ORD-6), the full timeline of records (kind, actor, time in the shop's
// zone, payload in one line) and the actions the member of staff may take in the order's state: confirm
// (ORD-2), note, resolve a payment flag, pack (ORD-7), ship and deliver (ORD-8); shipped and delivered orders link
// to the returns page (returns.js: returns, exchanges, gifts, ORD-9). Every action is checked
// again by the server; its refusal is shown in the dialog. The page follows the order live.
// REST: GET /api/orders/{id}, /api/orders/{id}/records, /api/orders/payment-flags/{id},
// /api/orders/confirmations (the countdown), /api/orders/verify (orders.verify, on demand).
import {
  money, timeSec, title, stateBadge, kindText, payloadSummary, confirmationClock, tick,
  confirmDialog, noteDialog, resolveDialog, packDialog, shipDialog, deliverDialog,
} from './common.js';

/** The states whose goods may come back or be exchanged: the order page links them to the returns page. */
const RETURN_STATES = ['SHIPPED', 'DELIVERED', 'RETURN_REQUESTED', 'RETURNED', 'EXCHANGED'];

export async function render(ctx, id) {
  const { root, api, t, ui, can, readOnly, formatMoney, live, debounce, lang } = ctx;
  const { el } = ui;
  const page = el('div', { id: 'order-page', dataset: { order: id, refreshed: '0' } });
  root.append(el('p', {}, el('a', { href: '/console/orders', id: 'back-to-board' }, '← ' + t('orders.order.back'))), page);
  let refreshes = 0;
  let clock = confirmationClock(null);
  let due = null;

  async function load() {
    let order;
    try {
      order = (await api('/api/orders/' + id)).data;
    } catch (e) {
      if (e.status === 404) {
        page.replaceChildren(el('div', { class: 'panel', id: 'order-missing' }, el('h1', {}, t('orders.order.missing', { id }))));
        return;
      }
      throw e;
    }
    const [records, flags, conf] = await Promise.all([
      api('/api/orders/' + id + '/records').then((r) => r.data.items),
      api('/api/orders/payment-flags/' + id).then((r) => r.data).catch(() => null),
      order.state === 'ACCEPTED' ? api('/api/orders/confirmations?limit=200').then((r) => r.data).catch(() => null) : null,
    ]);
    clock = confirmationClock(conf);
    draw(order, records, flags);
    page.dataset.state = order.state;
    page.dataset.refreshed = String(++refreshes);
  }

  function actions(order, flags) {
    const s = order.state;
    const reload = () => load();
    const may = (p) => can(p) && !readOnly;
    const buttons = [];
    if (s === 'ACCEPTED' && may('orders.confirm')) {
      buttons.push(el('button', { type: 'button', class: 'primary', id: 'action-confirm', onclick: () => confirmDialog(ctx, id, reload) },
        t('orders.action.confirm')));
    }
    if (s === 'CONFIRMED' && may('orders.pack')) {
      buttons.push(el('button', { type: 'button', class: 'primary', id: 'action-pack', disabled: flags && flags.blocked,
        title: flags && flags.blocked ? t('orders.pack.blockedByFlag') : undefined,
        onclick: async () => { try { await packDialog(ctx, id, reload); } catch (e) { ui.toast(ui.errorText(e), 'error'); } } },
      t('orders.action.pack')));
    }
    if (s === 'PACKED' && may('orders.ship')) {
      buttons.push(el('button', { type: 'button', class: 'primary', id: 'action-ship', onclick: () => shipDialog(ctx, id, reload) },
        t('orders.action.ship')));
    }
    if (s === 'SHIPPED' && may('orders.ship')) {
      buttons.push(el('button', { type: 'button', class: 'primary', id: 'action-deliver', onclick: () => deliverDialog(ctx, id, reload) },
        t('orders.action.deliver')));
    }
    if (RETURN_STATES.includes(s)) {
      // returns, exchanges and gifts have their own page (ORD-8, ORD-9); a link, so that it also opens in a new tab
      buttons.push(el('a', { href: '/console/orders/returns/' + id, id: 'action-returns', class: 'button-link' }, t('orders.action.returns')));
    }
    if (may('orders.note')) {
      buttons.push(el('button', { type: 'button', id: 'action-note', onclick: () => noteDialog(ctx, id, reload) }, t('orders.action.note')));
    }
    if (can('orders.verify')) {
      const out = el('span', { id: 'chain-status', class: 'chain muted' });
      buttons.push(el('button', { type: 'button', id: 'action-verify', onclick: async () => {
        out.textContent = t('orders.verify.running');
        try {
          const r = (await api('/api/orders/verify')).data;
          out.replaceChildren(ui.badge(r.intact ? 'ok' : 'bad', r.intact ? t('orders.verify.intact') : t('orders.verify.broken')), ' ', r.summary);
        } catch (e) {
          out.textContent = ui.errorText(e);
        }
      } }, t('orders.verify.button')), out);
    }
    return el('div', { id: 'order-actions' }, buttons);
  }

  function flagList(order, flags) {
    if (!flags || !flags.flags || !flags.flags.length) return null;
    const mayResolve = can('orders.payment.resolve') && !readOnly;
    return el('ul', { id: 'payment-flags' }, flags.flags.map((f) => el('li', { dataset: { flag: f.recordId, open: f.open } },
      ui.badge(f.open ? 'bad' : 'ok', f.open ? t('orders.flag.open') : t('orders.flag.closed')), ' ',
      el('strong', {}, f.rule), ': ', lang === 'en' ? f.reason : f.reasonZh || f.reason,
      f.resolution ? el('small', { class: 'muted' }, ' — ' + t('orders.flag.resolvedBy',
        { by: f.resolution.by, at: timeSec(f.resolution.at), reason: f.resolution.reason })) : null,
      f.open && mayResolve ? [' ', el('button', { type: 'button', class: 'small resolve-flag', dataset: { flag: f.recordId },
        onclick: () => resolveDialog(ctx, id, f, () => load()) }, t('orders.flag.resolve'))] : null)));
  }

  function draw(order, records, flags) {
    const st = order.status || {};
    due = order.state === 'ACCEPTED' ? el('span', { class: 'countdown', id: 'order-countdown' }) : null;
    const notes = order.notes || [];
    page.replaceChildren(
      el('h1', {}, t('orders.order.heading', { id }), ' ', el('span', { id: 'order-state', dataset: { state: order.state } },
        stateBadge(ui, t, order.state)),
      st.confirmationOverdue && order.state === 'ACCEPTED' ? [' ', ui.badge('bad', t('orders.flag.overdue'))] : null,
      st.paymentFlagged ? [' ', ui.badge('bad', t('orders.flag.payment'))] : null),
      notes.length ? el('div', { class: 'order-notes', id: 'order-notes' }, el('strong', {}, t('orders.order.notes')),
        notes.map((n) => el('p', { dataset: { record: n.recordId } }, el('small', { class: 'muted' },
          kindText(t, n.kind) + ' · ' + n.actor + ' · ' + timeSec(n.at) + ' — '), n.text))) : '', // not null: replaceChildren writes "null"
      actions(order, flags),
      el('div', { class: 'order-grid' },
        el('section', { class: 'panel', id: 'order-customer' }, el('h2', {}, t('orders.order.customer')), el('dl', {},
          el('dt', {}, t('orders.order.name')), el('dd', {}, order.customer.name),
          el('dt', {}, t('orders.order.phone')), el('dd', {}, order.customer.phone),
          el('dt', {}, t('orders.order.address')), el('dd', {}, order.address))),
        el('section', { class: 'panel', id: 'order-facts' }, el('h2', {}, t('orders.order.facts')), el('dl', {},
          el('dt', {}, t('orders.order.created')), el('dd', {}, timeSec(order.createdAt) + ' · ' + order.createdBy),
          el('dt', {}, t('orders.order.source')), el('dd', {}, order.source || ''),
          el('dt', {}, t('orders.order.accepted')), el('dd', {}, timeSec(st.acceptedAt)),
          due ? [el('dt', {}, t('orders.col.due')), el('dd', {}, due)] : null,
          st.confirmedAt ? [el('dt', {}, t('orders.order.confirmed')), el('dd', {}, timeSec(st.confirmedAt) + ' · ' + st.confirmedBy)] : null,
          el('dt', {}, t('orders.order.records')), el('dd', {}, String(st.records)))),
        el('section', { class: 'panel', id: 'order-payment' }, el('h2', {}, t('orders.order.payment')), el('dl', {},
          el('dt', {}, t('orders.order.method')), el('dd', {}, order.payment.method),
          el('dt', {}, t('orders.order.amount')), el('dd', {}, money(formatMoney, order.payment.amount)),
          el('dt', {}, t('orders.order.reference')), el('dd', {}, order.payment.transactionRef || ''),
          el('dt', {}, t('orders.order.check')), el('dd', { id: 'payment-check' }, st.paymentFlagged
            ? ui.badge('bad', t('orders.order.paymentFlagged'))
            : st.paymentVerified ? ui.badge('ok', t('orders.order.paymentVerified')) : ui.badge('', t('orders.order.paymentUnchecked')))),
        flagList(order, flags))),
      el('section', { class: 'panel' }, el('h2', {}, t('orders.order.lines')),
        el('table', { class: 'data', id: 'order-lines' }, el('thead', {}, el('tr', {},
          [t('orders.line.no'), t('orders.line.sku'), t('orders.line.title'), t('orders.line.quantity'), t('orders.line.unitPrice'),
            t('orders.line.total')].map((h, i) => el('th', { scope: 'col', class: i >= 3 ? 'num' : undefined }, h)))),
        el('tbody', {}, order.lines.map((l) => el('tr', { dataset: { sku: l.sku } },
          el('td', {}, String(l.lineNo)), el('td', {}, l.sku), el('td', {}, title(l, lang)), el('td', { class: 'num' }, String(l.quantity)),
          el('td', { class: 'num' }, money(formatMoney, l.unitPrice)), el('td', { class: 'num' }, money(formatMoney, l.lineTotal))))),
        el('tfoot', {}, el('tr', {}, el('td', { colspan: 5 }, el('strong', {}, t('orders.order.total'))),
          el('td', { class: 'num', id: 'order-total' }, el('strong', {}, money(formatMoney, order.total))))))),
      el('section', { class: 'panel' }, el('h2', {}, t('orders.order.timeline')),
        el('table', { class: 'data', id: 'order-timeline' }, el('thead', {}, el('tr', {},
          [t('orders.record.seq'), t('orders.record.kind'), t('orders.record.actor'), t('orders.record.at'),
            t('orders.record.details')].map((h) => el('th', {}, h)))),
        el('tbody', {}, records.map((r) => el('tr', { dataset: { kind: r.kind, record: r.id } },
          el('td', {}, String(r.sequence)), el('td', {}, kindText(t, r.kind)), el('td', {}, r.actor), el('td', {}, timeSec(r.occurredAt)),
          el('td', { class: 'details', title: t('orders.record.hash') + ' ' + r.hash },
            r.corrects ? t('orders.record.corrects', { id: r.corrects }) + ' · ' : '', payloadSummary(ctx, r))))))));
    if (due) tick(t, due, clock.secondsLeft(id));
  }

  await load();
  const soon = debounce(() => load().catch((e) => ui.toast(ui.errorText(e), 'error')), 150);
  live('orders', (d) => { if (d && Number(d.orderId) === id) soon(); });
  const timer = setInterval(() => {
    if (!document.contains(page)) { clearInterval(timer); return; }
    if (due) tick(t, due, clock.secondsLeft(id));
  }, 1000);
}
