// The packing queue (ORD-7): confirmed orders, oldest first, with their notes and payment flags (a
// flagged order cannot be packed until the flag is resolved); packing itself happens on the order page.
// REST: GET /api/orders?state=CONFIRMED&limit=200 (newest first; shown oldest first).
import { useStyles, money, orderLink } from './common.js';

export async function render(ctx) {
  useStyles();
  const { root, api, t, ui, formatTime, formatMoney, live, debounce } = ctx;
  const { el } = ui;
  const table = ui.dataTable({
    id: 'packing-queue', pageSize: 50, emptyText: t('orders.packing.empty'), sortBy: { column: 0, descending: false },
    load: async () => (await api('/api/orders?state=CONFIRMED&limit=200')).data.items,
    columns: [
      { title: t('orders.col.id'), value: (o) => orderLink(ui, o.id), sort: (o) => o.id },
      { title: t('orders.col.created'), value: (o) => formatTime(o.createdAt), sort: (o) => o.createdAt },
      { title: t('orders.col.customer'), value: (o) => o.customerName },
      { title: t('orders.col.lines'), value: (o) => String(o.lineCount), class: 'num' },
      { title: t('orders.col.total'), value: (o) => money(formatMoney, o.total), class: 'num' },
      { title: t('orders.col.flags'), value: (o) => el('span', { class: 'flags' },
        o.hasNotes ? ui.badge('PENDING', t('orders.flag.notes')) : null,
        o.paymentFlagged ? ui.badge('bad', t('orders.flag.payment')) : null) },
    ],
  });
  root.append(el('h1', {}, t('orders.packing.heading')), el('p', { class: 'muted' }, t('orders.packing.intro')), table);
  live('orders', debounce(() => table.reload().catch(() => {}), 150));
  await table.ready;
}
