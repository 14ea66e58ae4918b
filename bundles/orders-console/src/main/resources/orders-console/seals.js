// The daily sealed order records (ORD-4) for dba users: one per day, written at 18:00 in the shop's zone
// (missed days at the next start); each can be downloaded (records and manifest) and checked against the
// database. REST: GET /api/orders-seals?limit=, GET /api/orders-seals/{date}/{records.jsonl|manifest.json},
// POST /api/orders-seals/{date}/verify.
import { useStyles, timeSec } from './common.js';

export async function render(ctx) {
  useStyles();
  const { root, api, t, ui } = ctx;
  const { el } = ui;
  const results = new Map();
  let table;
  async function verify(s) {
    try {
      const v = (await api('/api/orders-seals/' + s.date + '/verify', { method: 'POST', body: {} })).data;
      results.set(s.date, v);
      ui.toast(v.summary, v.ok ? 'ok' : 'error');
    } catch (e) {
      ui.toast(ui.errorText(e), 'error');
    }
    table.setRows(rows);
  }
  let rows = [];
  table = ui.dataTable({
    id: 'seals-table', pageSize: 31, emptyText: t('orders.seals.empty'), sortBy: { column: 0, descending: true },
    load: async () => { rows = (await api('/api/orders-seals?limit=366')).data.items; return rows; },
    columns: [
      { title: t('orders.seal.date'), value: (s) => s.date, sort: (s) => s.date },
      { title: t('orders.seal.records'), value: (s) => String(s.records), class: 'num' },
      { title: t('orders.seal.orders'), value: (s) => String(s.orders), class: 'num' },
      { title: t('orders.seal.sealedAt'), value: (s) => timeSec(s.sealedAt) + ' · ' + s.trigger },
      { title: 'SHA-256', value: (s) => el('code', { title: s.sha256 }, (s.sha256 || '').slice(0, 12) + '…') },
      { title: t('orders.seal.download'), value: (s) => el('span', {},
        el('a', { href: '/api/orders-seals/' + s.date + '/records.jsonl', download: true }, 'records.jsonl'), ' · ',
        el('a', { href: '/api/orders-seals/' + s.date + '/manifest.json', download: true }, 'manifest.json')) },
      { title: t('orders.seal.check'), value: (s) => {
        const v = results.get(s.date);
        return el('span', { dataset: { date: s.date } },
          el('button', { type: 'button', class: 'small verify-seal', onclick: () => verify(s) }, t('orders.seal.verify')),
          v ? [' ', ui.badge(v.ok ? 'ok' : 'bad', v.ok ? t('orders.seal.ok') : t('orders.seal.bad')), ' ',
            el('small', { class: 'muted' }, v.summary)] : null);
      } },
    ],
  });
  root.append(el('h1', {}, t('orders.seals.heading')), el('p', { class: 'muted' }, t('orders.seals.intro')), table);
  await table.ready;
}
