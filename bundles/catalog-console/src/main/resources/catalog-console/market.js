// Market watch (CAT-8): the planner records a competitor's price for a product (POST /api/catalog/market/records);
// the weekly summary of an ISO week in the shop's zone (GET /api/catalog/market/summary?week=2026-W48, by default the
// last full week): best-sellers and price gaps, with the CSV downloads in Chinese and English (summary.csv?lang=).
// The CSV links are plain links: the console's session cookie goes with them.
import { useStyles, money, title, productLink, shopIso, refusal } from './common.js';

export async function render(ctx) {
  useStyles();
  const { root, api, t, ui, formatTime, formatMoney, lang, can, readOnly } = ctx;
  const { el } = ui;
  const params = new URLSearchParams(location.search);
  const mayRecord = can('catalog.market.edit') && !readOnly;
  root.append(el('h1', {}, t('catalog.market.heading')), el('p', { class: 'muted' }, t('catalog.market.intro')));

  const week = el('input', { type: 'week', name: 'week', id: 'market-week', value: /^\d{4}-W\d{2}$/.test(params.get('week') || '') ? params.get('week') : '' });
  const csvZh = el('a', { id: 'market-csv-zh', class: 'button', download: '' }, t('catalog.market.csvZh'));
  const csvEn = el('a', { id: 'market-csv-en', class: 'button', download: '' }, t('catalog.market.csvEn'));
  root.append(el('div', { class: 'toolbar' },
    el('form', { class: 'inline', id: 'market-filter' }, ui.field(t('catalog.market.week'), week),
      el('button', { type: 'submit', class: 'primary', id: 'market-show' }, t('catalog.market.show'))),
    csvZh, csvEn,
    mayRecord ? el('button', { type: 'button', class: 'primary', id: 'market-record', onclick: () => recordDialog() }, t('catalog.market.record')) : null));
  const summaryBox = el('div', { id: 'market-summary' });
  const recordsBox = el('div', { id: 'market-records' });
  root.append(summaryBox, el('h2', {}, t('catalog.market.records')), recordsBox);

  async function loadSummary() {
    const q = week.value ? '?week=' + encodeURIComponent(week.value) : '';
    const s = (await api('/api/catalog/market/summary' + q)).data;
    if (!week.value) week.value = s.week;
    const csv = (l) => '/api/catalog/market/summary.csv?week=' + encodeURIComponent(s.week) + '&lang=' + l;
    csvZh.href = csv('zh');
    csvEn.href = csv('en');
    summaryBox.replaceChildren(
      el('p', { class: 'muted', id: 'market-week-text' }, t('catalog.market.weekText', { week: s.week, from: s.from, to: s.to, zone: s.zone, records: s.competitorRecords })),
      el('h2', {}, t('catalog.market.bestSellers')),
      ui.dataTable({ id: 'best-sellers-table', rows: s.bestSellers, pageSize: 20, emptyText: t('catalog.market.noSales'), columns: [
        { title: '#', value: (b) => String(b.rank), sort: (b) => b.rank },
        { title: t('catalog.product.sku'), value: (b) => productLink(ui, b.sku), sort: (b) => b.sku },
        { title: t('catalog.product.title'), value: (b) => title(b, lang) },
        { title: t('catalog.market.quantity'), value: (b) => String(b.quantity), class: 'num', sort: (b) => b.quantity },
      ] }),
      el('h2', {}, t('catalog.market.priceGaps')),
      ui.dataTable({ id: 'price-gaps-table', rows: s.priceGaps, pageSize: 20, emptyText: t('catalog.market.noGaps'), columns: [
        { title: t('catalog.product.sku'), value: (g) => productLink(ui, g.sku), sort: (g) => g.sku },
        { title: t('catalog.product.title'), value: (g) => title(g, lang) },
        { title: t('catalog.market.ourPrice'), value: (g) => money(formatMoney, g.ourPrice), class: 'num' },
        { title: t('catalog.market.competitor'), value: (g) => el('span', { class: 'evidence' }, el('strong', {}, g.competitor || ''), ' ',
          money(formatMoney, g.theirPrice), el('br'), el('small', { class: 'muted' }, (g.whereSeen || '') + ' · ' + formatTime(g.seenAt))) },
        { title: t('catalog.market.gap'), value: (g) => money(formatMoney, g.gap) + ' (' + g.gapPercent + '%)', class: 'num',
          sort: (g) => Math.abs(Number(g.gapPercent)) },
      ] }));
  }

  const records = ui.pagedTable({
    id: 'market-records-table', emptyText: t('catalog.market.noRecords'),
    columns: [
      { title: t('catalog.product.sku'), value: (r) => productLink(ui, r.sku) },
      { title: t('catalog.market.competitor'), value: (r) => r.competitor },
      { title: t('catalog.market.theirPrice'), value: (r) => money(formatMoney, r.price), class: 'num' },
      { title: t('catalog.market.whereSeen'), value: (r) => el('small', { class: 'evidence' }, r.whereSeen || '') },
      { title: t('catalog.market.seenAt'), value: (r) => formatTime(r.seenAt) },
      { title: t('catalog.market.note'), value: (r) => r.note || '' },
      { title: t('catalog.market.recordedBy'), value: (r) => r.recordedBy + ' · ' + formatTime(r.recordedAt) },
    ],
    load: async (before) => {
      const p = new URLSearchParams({ limit: '20' });
      if (before) p.set('before', before);
      const data = (await api('/api/catalog/market/records?' + p)).data;
      return { items: data.items, next: data.next };
    },
  });
  recordsBox.append(records);

  root.querySelector('#market-filter').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    history.replaceState(null, '', location.pathname + (week.value ? '?week=' + week.value : ''));
    try {
      await loadSummary();
    } catch (e) {
      ui.toast(ui.errorText(e), 'error');
    }
  });

  function recordDialog() {
    const input = (n, v, attrs) => el('input', Object.assign({ name: n, value: v || '', autocomplete: 'off' }, attrs || {}));
    ui.dialog({
      id: 'market-dialog', title: t('catalog.market.recordTitle'), submitText: t('catalog.market.recordSubmit'), wide: true,
      body: [
        ui.field(t('catalog.product.sku'), input('sku', params.get('sku') || '')),
        ui.field(t('catalog.market.competitor'), input('competitor'), t('catalog.propose.competitorHint')),
        ui.field(t('catalog.market.theirPrice'), input('price', '', { inputmode: 'decimal' })),
        ui.field(t('catalog.market.whereSeen'), input('whereSeen'), t('catalog.propose.whereSeenHint')),
        ui.field(t('catalog.market.seenAt'), input('seenAt', formatTime(ctx.health && ctx.health.time)), t('catalog.propose.seenAtHint')),
        ui.field(t('catalog.market.note'), input('note')),
      ],
      onSubmit: async (form) => {
        const errors = {};
        for (const f of ['sku', 'competitor', 'price', 'whereSeen', 'seenAt']) if (!form[f].value.trim()) errors[f] = t('catalog.error.required');
        const seenAt = shopIso(form.seenAt.value, ctx.health);
        if (form.seenAt.value.trim() && !seenAt) errors.seenAt = t('catalog.error.seenAt');
        if (Object.keys(errors).length) { ui.showErrors(form, errors); return false; }
        try {
          await api('/api/catalog/market/records', { method: 'POST', body: {
            sku: form.sku.value.trim(), competitor: form.competitor.value.trim(),
            price: { amount: form.price.value.trim().replace(/[¥,，\s]/g, ''), currency: 'CNY' },
            whereSeen: form.whereSeen.value.trim(), seenAt, note: form.note.value.trim() || undefined,
          } });
        } catch (e) {
          return refusal(ctx, form, e);
        }
        ui.toast(t('catalog.market.recorded', { sku: form.sku.value.trim() }), 'ok');
        await records.reload();
        await loadSummary();
        return true;
      },
    }).form.id = 'market-form';
  }

  await Promise.all([loadSummary(), records.ready]);
}
