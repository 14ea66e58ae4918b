// Stock counts (CAT-5): the count tasks (GET /api/catalog/counts?status=open|done) with DUE / OVERDUE badges
// and, at /console/catalog/counts/{id}, the task's lines (GET /api/catalog/counts/{id}): the warehouse enters
// what it counted, units available to sell, or why a product was not counted (POST {id}/lines), and sees the
// difference to the book stock (booked as a COUNT_ADJUSTMENT); once every line is settled, completes the task
// (POST {id}/complete; 409 lines-not-settled names the open SKUs).
import { useStyles, title, productLink, refusal } from './common.js';

export async function render(ctx) {
  useStyles();
  const m = /^\/(\d+)$/.exec(ctx.sub || '');
  if (m) return taskPage(ctx, m[1]);
  return list(ctx);
}

function taskBadges(ui, t, task) {
  return [
    ui.badge(task.status === 'DONE' ? 'ok' : '', t('catalog.count.status.' + task.status)),
    task.overdue ? [' ', ui.badge('bad', t('catalog.count.overdue'))] : null,
    task.due && !task.overdue && task.status !== 'DONE' ? [' ', ui.badge('PENDING', t('catalog.count.due'))] : null,
  ].flat(); // el() flattens its children one level only
}

async function list(ctx) {
  const { root, api, t, ui, formatTime } = ctx;
  const { el } = ui;
  const params = new URLSearchParams(location.search);
  const select = el('select', { name: 'status', id: 'count-status' },
    ['open', 'done'].map((s) => el('option', { value: s, selected: params.get('status') === s }, t('catalog.count.filter.' + s))));
  root.append(el('h1', {}, t('catalog.counts.heading')), el('p', { class: 'muted' }, t('catalog.counts.intro')),
    el('form', { class: 'inline', id: 'count-filter' }, ui.field(t('catalog.count.status'), select)));
  const table = ui.pagedTable({
    id: 'counts-table', emptyText: t('catalog.count.none'),
    columns: [
      { title: '#', value: (c) => el('a', { href: '/console/catalog/counts/' + c.id, class: 'count-link', dataset: { task: c.id } }, '#' + c.id) },
      { title: t('catalog.count.dueDate'), value: (c) => c.dueDate },
      { title: t('catalog.count.category'), value: (c) => c.category || t('catalog.count.allCategories') },
      { title: t('catalog.count.status'), value: (c) => el('span', {}, taskBadges(ui, t, c)) },
      { title: t('catalog.count.progress'), value: (c) => t('catalog.count.progressText', { counted: c.counted, notCounted: c.notCounted, lines: c.lines, open: c.open }) },
      { title: t('catalog.count.adjusted'), value: (c) => String(c.adjusted), class: 'num' },
      { title: t('catalog.count.completed'), value: (c) => (c.completedBy ? c.completedBy + ' · ' + formatTime(c.completedAt) : '') },
    ],
    load: async (before) => {
      const p = new URLSearchParams({ status: select.value, limit: '20' });
      if (before) p.set('before', before);
      const data = (await api('/api/catalog/counts?' + p)).data;
      return { items: data.items, next: data.next };
    },
  });
  root.append(table);
  await table.ready;
  select.addEventListener('change', () => {
    history.replaceState(null, '', location.pathname + '?status=' + select.value);
    table.reload();
  });
}

async function taskPage(ctx, id) {
  const { root, api, t, ui, formatTime, lang, can, readOnly } = ctx;
  const { el } = ui;
  const base = '/api/catalog/counts/' + id;
  const mayCount = can('catalog.stock.count') && !readOnly;
  root.append(el('p', {}, el('a', { href: '/console/catalog/counts', id: 'back-to-counts' }, '← ' + t('catalog.count.back'))));
  const head = el('div', { id: 'count-head' });
  const actions = el('div', { class: 'toolbar', id: 'count-actions' });
  const body = el('div', { id: 'count-lines' });
  root.append(head, actions, body);
  let task;

  async function load() {
    task = (await api(base)).data;
    const open = task.status !== 'DONE' && mayCount;
    head.replaceChildren(el('h1', {}, t('catalog.count.taskTitle', { id: task.id, date: task.dueDate }), ' ', taskBadges(ui, t, task)),
      el('p', { class: 'muted', id: 'count-progress' }, t('catalog.count.progressText',
        { counted: task.counted, notCounted: task.notCounted, lines: task.lines, open: task.open })));
    actions.replaceChildren(open ? el('button', { type: 'button', class: 'primary', id: 'count-complete', onclick: complete }, t('catalog.count.complete')) : '');
    body.replaceChildren(ui.dataTable({
      id: 'count-lines-table', pageSize: 50, rows: task.items, emptyText: t('catalog.count.noLines'),
      columns: [
        { title: t('catalog.product.sku'), value: (l) => productLink(ui, l.sku), sort: (l) => l.sku },
        { title: t('catalog.product.title'), value: (l) => title(l, lang), sort: (l) => title(l, lang) },
        { title: t('catalog.count.bookStock'), value: (l) => (l.bookStock == null ? '' : String(l.bookStock)), class: 'num' },
        { title: t('catalog.count.counted'), value: (l) => (l.counted == null ? (l.notCountedReason ? t('catalog.count.notCountedText', { reason: l.notCountedReason }) : '') : String(l.counted)), class: 'num' },
        { title: t('catalog.count.difference'), value: (l) => el('span', { class: 'count-difference', dataset: { sku: l.sku } },
          l.difference == null ? '' : (l.difference > 0 ? '+' : '') + l.difference), class: 'num', sort: (l) => l.difference || 0 },
        { title: t('catalog.count.by'), value: (l) => (l.countedBy ? l.countedBy + ' · ' + formatTime(l.countedAt) : ''), sort: (l) => l.countedAt || '' },
        open ? { title: '', value: (l) => el('button', { type: 'button', class: 'small count-enter', dataset: { sku: l.sku }, onclick: () => enter(l) },
          l.counted == null && !l.notCountedReason ? t('catalog.count.enter') : t('catalog.count.correct')) } : null,
      ].filter(Boolean),
    }));
  }

  function enter(line) {
    const notCounted = el('input', { type: 'checkbox', name: 'skip' });
    const counted = el('input', { name: 'counted', inputmode: 'numeric', autocomplete: 'off', value: line.counted == null ? '' : String(line.counted) });
    const reason = el('input', { name: 'notCounted', autocomplete: 'off', value: line.notCountedReason || '' });
    const reasonField = ui.field(t('catalog.count.notCountedReason'), reason);
    const sync = () => { reasonField.hidden = !notCounted.checked; counted.disabled = notCounted.checked; };
    notCounted.checked = !!line.notCountedReason;
    notCounted.addEventListener('change', sync);
    sync();
    ui.dialog({
      id: 'count-dialog', title: t('catalog.count.enterTitle', { sku: line.sku }), submitText: t('catalog.count.save'),
      body: [
        el('p', { class: 'muted' }, title(line, lang) + ' · ' + t('catalog.count.bookText', { n: line.bookStock == null ? '?' : line.bookStock })),
        ui.field(t('catalog.count.counted'), counted, t('catalog.count.countedHint')),
        el('label', { class: 'check' }, notCounted, ' ', t('catalog.count.notCounted')), reasonField,
        ui.field(t('catalog.count.note'), el('input', { name: 'note', autocomplete: 'off', value: line.note || '' })),
      ],
      onSubmit: async (form) => {
        const payload = { sku: line.sku };
        if (notCounted.checked) {
          if (!reason.value.trim()) { ui.showErrors(form, { notCounted: t('catalog.error.required') }); return false; }
          payload.notCounted = reason.value.trim();
        } else {
          if (!/^\d+$/.test(counted.value.trim())) { ui.showErrors(form, { counted: t('catalog.count.badNumber') }); return false; }
          payload.counted = Number(counted.value.trim());
          if (form.note.value.trim()) payload.note = form.note.value.trim();
        }
        let saved;
        try {
          saved = (await api(base + '/lines', { method: 'POST', body: payload })).data;
        } catch (e) {
          return refusal(ctx, form, e);
        }
        ui.toast(saved.difference ? t('catalog.count.savedDifference', { sku: line.sku, difference: (saved.difference > 0 ? '+' : '') + saved.difference })
          : t('catalog.count.saved', { sku: line.sku }), 'ok');
        await load();
        return true;
      },
    }).form.id = 'count-form';
  }

  async function complete() {
    try {
      await api(base + '/complete', { method: 'POST', body: {} });
      ui.toast(t('catalog.count.completedText', { id: task.id }), 'ok');
    } catch (e) {
      if (e.status === 409 && e.code === 'lines-not-settled') {
        const d = e.details || {};
        ui.toast(t('catalog.count.notSettled', { open: d.open, skus: [].concat(d.skus || []).join(', ') }), 'error');
      } else {
        ui.toast(ui.errorText(e), 'error');
      }
    }
    await load();
  }

  await load();
}
