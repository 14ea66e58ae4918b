// The confirmation queue (ORD-2): accepted orders waiting for the call, overdue first and oldest first,
// each with its countdown ticking in the browser; the agent confirms from here or opens the order.
// REST: GET /api/orders/confirmations?limit=200; POST /api/orders/confirmations/{id} (the dialog).
import { useStyles, money, orderLink, confirmationClock, tick, confirmDialog } from './common.js';

export async function render(ctx) {
  useStyles();
  const { root, api, t, ui, formatTime, formatMoney, can, readOnly, live, debounce } = ctx;
  const { el } = ui;
  const body = el('tbody');
  const table = el('table', { class: 'data', id: 'confirmation-queue' }, el('thead', {}, el('tr', {},
    [t('orders.col.id'), t('orders.col.customer'), t('orders.col.phone'), t('orders.col.total'), t('orders.order.accepted'),
      t('orders.col.due'), t('orders.col.flags'), ''].map((h, i) => el('th', { scope: 'col', class: i === 3 ? 'num' : undefined }, h)))), body);
  const empty = el('p', { class: 'empty', hidden: true }, t('orders.confirmations.empty'));
  root.append(el('h1', {}, t('orders.confirmations.heading')), el('p', { class: 'muted' }, t('orders.confirmations.intro')), table, empty);
  let clock = confirmationClock(null);

  async function refresh() {
    const data = (await api('/api/orders/confirmations?limit=200')).data;
    clock = confirmationClock(data);
    body.replaceChildren(...data.items.map((c) => {
      const due = el('span', { class: 'countdown' });
      const tr = el('tr', { dataset: { order: c.orderId } },
        el('td', {}, orderLink(ui, c.orderId)), el('td', {}, c.customerName), el('td', {}, c.customerPhone),
        el('td', { class: 'num' }, money(formatMoney, c.total)), el('td', {}, formatTime(c.acceptedAt)), el('td', {}, due),
        el('td', { class: 'flags' }, c.hasNotes ? ui.badge('PENDING', t('orders.flag.notes')) : null,
          c.paymentFlagged ? ui.badge('bad', t('orders.flag.payment')) : null),
        el('td', {}, can('orders.confirm') && !readOnly ? el('button', { type: 'button', class: 'primary small confirm-order',
          dataset: { order: c.orderId }, onclick: () => confirmDialog(ctx, c.orderId, refresh) }, t('orders.action.confirm')) : null));
      tr.tickDue = () => tr.classList.toggle('overdue', tick(t, due, clock.secondsLeft(c.orderId)) || c.overdueRecorded);
      tr.tickDue();
      return tr;
    }));
    table.hidden = data.items.length === 0;
    empty.hidden = data.items.length > 0;
  }

  const soon = debounce(() => refresh().catch((e) => ui.toast(ui.errorText(e), 'error')), 150);
  live('orders', soon);
  const timer = setInterval(() => {
    if (!document.contains(table)) { clearInterval(timer); return; }
    body.querySelectorAll('tr').forEach((tr) => tr.tickDue && tr.tickDue());
  }, 1000);
  await refresh();
}
