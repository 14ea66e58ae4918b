// The confirmation report (ORD-2): for the shop days from..to (inclusive, in the shop's zone; default: this month
// so far) how many orders each agent confirmed, the median and 90th percentile minutes from acceptance to the
// confirmation, how many of them within the limit and the share, and the shop's total share within the limit,
// as GET /api/orders/confirmations/report answers it. The period is kept in the URL (?from=&to=), so a report can
// be bookmarked or sent; the table can be downloaded as CSV (made here from the same answer).
import { useStyles } from './common.js';

const DAY_MS = 86400000;
/** The server's longest period. */
const MAX_DAYS = 93;

/** The shop's UTC offset from a time the server sent in its zone ("...+08:00" → "+08:00", "...Z" → "Z"), else this browser's. */
export function shopOffset(iso) {
  const m = /([+-]\d{2}:\d{2}|Z)$/.exec(iso || '');
  if (m) return m[1];
  const minutes = -new Date().getTimezoneOffset();
  const abs = Math.abs(minutes);
  return (minutes < 0 ? '-' : '+') + String(Math.floor(abs / 60)).padStart(2, '0') + ':' + String(abs % 60).padStart(2, '0');
}

/** The shop's calendar day of a time the server sent in its zone, else this browser's day. */
export function shopToday(iso) {
  const m = /^(\d{4}-\d{2}-\d{2})T/.exec(iso || '');
  if (m) return m[1];
  const d = new Date();
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dayNumber(date) {
  return Date.parse(date + 'T00:00:00Z') / DAY_MS;
}

function nextDay(date) {
  return new Date(Date.parse(date + 'T00:00:00Z') + DAY_MS).toISOString().slice(0, 10);
}

export async function render(ctx) {
  useStyles();
  const { root, api, t, ui, lang, health, formatTime } = ctx;
  const { el } = ui;
  const offset = shopOffset(health && health.time);
  const today = shopToday(health && health.time);
  const params = new URLSearchParams(location.search);
  const from = el('input', { type: 'date', name: 'from', id: 'report-from', required: true, max: today,
    value: DATE.test(params.get('from') || '') ? params.get('from') : today.slice(0, 8) + '01' });
  const to = el('input', { type: 'date', name: 'to', id: 'report-to', required: true, max: today,
    value: DATE.test(params.get('to') || '') ? params.get('to') : today });
  const csv = el('a', { id: 'report-csv', class: 'button-link', hidden: true }, t('orders.report.csv'));
  const form = el('form', { class: 'report-form', id: 'report-form', novalidate: true },
    ui.field(t('orders.report.from'), from), ui.field(t('orders.report.to'), to),
    el('button', { type: 'submit', class: 'primary', id: 'report-show' }, t('orders.report.show')), csv);
  const out = el('div', { id: 'report', dataset: { loaded: '0' } });
  root.append(el('h1', {}, t('orders.report.heading')), el('p', { class: 'muted' }, t('orders.report.intro', { zone: offset })), form, out);

  const locale = lang === 'en' ? 'en' : 'zh-CN';
  const minutes = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const mins = (v) => (v == null ? '–' : minutes.format(v));
  const share = (v) => (v == null ? '–' : percent.format(v));
  let loads = 0;

  async function show() {
    ui.clearErrors(form);
    const errors = {};
    if (!DATE.test(from.value)) errors.from = t('orders.report.error.date');
    if (!DATE.test(to.value)) errors.to = t('orders.report.error.date');
    if (!Object.keys(errors).length && dayNumber(to.value) < dayNumber(from.value)) errors.to = t('orders.report.error.order');
    if (!Object.keys(errors).length && dayNumber(to.value) - dayNumber(from.value) + 1 > MAX_DAYS) {
      errors.to = t('orders.report.error.long', { days: MAX_DAYS });
    }
    if (Object.keys(errors).length) {
      ui.showErrors(form, errors);
      return;
    }
    history.replaceState(null, '', location.pathname + '?from=' + from.value + '&to=' + to.value);
    const q = '?from=' + encodeURIComponent(from.value + 'T00:00:00' + offset) + '&to=' + encodeURIComponent(nextDay(to.value) + 'T00:00:00' + offset);
    let r;
    try {
      r = (await api('/api/orders/confirmations/report' + q)).data;
    } catch (e) {
      if (!e || !e.status) throw e;
      // the server names the bad field (from, to); anything else at the top of the form
      const d = e.status === 400 ? e.details || {} : {};
      const shown = {};
      for (const k of Object.keys(d)) shown[k === 'from' || k === 'to' ? k : ''] = t('orders.report.error.refused', { reason: d[k] });
      if (!Object.keys(shown).length) shown[''] = ui.errorText(e);
      ui.showErrors(form, shown);
      return;
    }
    draw(r);
    out.dataset.loaded = String(++loads);
  }

  function draw(r) {
    const limit = Math.round(r.limitSeconds / 60);
    const heads = [t('orders.report.agent'), t('orders.report.confirmed'), t('orders.report.median'), t('orders.report.p90'),
      t('orders.report.within', { minutes: limit }), t('orders.report.share', { minutes: limit })];
    const cells = (row) => [String(row.confirmed), mins(row.medianMinutes), mins(row.p90Minutes), String(row.withinLimit), share(row.shareWithinLimit)];
    const agents = r.agents.slice().sort((a, b) => b.confirmed - a.confirmed || String(a.agent).localeCompare(String(b.agent)));
    out.replaceChildren(
      el('p', { class: 'muted', id: 'report-period' }, t('orders.report.period', { from: formatTime(r.from), to: formatTime(r.to) })),
      el('section', { class: 'panel', id: 'report-summary' },
        el('p', {}, t('orders.report.totalShare', { minutes: limit }), ' ',
          el('span', { class: 'report-share', id: 'report-total-share', dataset: { share: r.total.shareWithinLimit == null ? '' : r.total.shareWithinLimit } },
            share(r.total.shareWithinLimit))),
        el('p', { class: 'muted' }, t('orders.report.totalText', { within: r.total.withinLimit, confirmed: r.total.confirmed }))),
      agents.length ? el('table', { class: 'data', id: 'report-agents' },
        el('thead', {}, el('tr', {}, heads.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : undefined }, h)))),
        el('tbody', {}, agents.map((a) => el('tr', { dataset: { agent: a.agent, confirmed: a.confirmed } },
          el('td', {}, a.agent), cells(a).map((c) => el('td', { class: 'num' }, c))))),
        el('tfoot', {}, el('tr', { dataset: { agent: '' } }, el('td', {}, t('orders.report.total')),
          cells(r.total).map((c) => el('td', { class: 'num' }, c)))))
        : el('p', { class: 'empty', id: 'report-empty' }, t('orders.report.empty')));
    // CSV: plain numbers (dot decimals, share as a fraction) so that a spreadsheet can compute with them
    const plain = (v) => (v == null ? '' : String(v));
    const line = (values) => values.map((v) => '"' + String(v).replace(/"/g, '""') + '"').join(',');
    const rows = [line(heads)].concat(agents.map((a) => line([a.agent, a.confirmed, plain(a.medianMinutes), plain(a.p90Minutes), a.withinLimit,
      plain(a.shareWithinLimit)])), [line([t('orders.report.total'), r.total.confirmed, plain(r.total.medianMinutes), plain(r.total.p90Minutes),
      r.total.withinLimit, plain(r.total.shareWithinLimit)])]);
    if (csv.href) URL.revokeObjectURL(csv.href);
    // the byte order mark lets spreadsheet programs read the Chinese headings as UTF-8
    csv.href = URL.createObjectURL(new Blob(['\uFEFF' + rows.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' }));
    csv.download = 'confirmations-' + from.value + '-' + to.value + '.csv';
    csv.hidden = false;
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    show().catch((e) => ui.toast(ui.errorText(e), 'error'));
  });
  await show();
}
