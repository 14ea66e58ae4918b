// Promotions (CAT-4): the list by status (GET /api/catalog/promotions?status=&limit=, newest first), the
// planner's proposal (POST: percent off or a fixed price, SKUs and/or categories, a window in the shop's time;
// the marketing director approves it in the approvals inbox), the content specialist's apply (POST {id}/apply)
// and cancelling with a reason (POST {id}/cancel). A proposal whose window overlaps another promotion on a same
// product is refused with 409 promotion-overlap: the dialog names the other promotion and the products.
import { useStyles, money, shopIso, refusal } from './common.js';

export const PROMOTION_STATUSES = ['PENDING', 'APPROVED_AWAITING_APPLY', 'ACTIVE', 'REJECTED', 'ENDED', 'CANCELLED'];

export async function render(ctx) {
  useStyles();
  const { root, api, t, ui, formatTime, formatMoney, lang, can, readOnly } = ctx;
  const { el } = ui;
  const params = new URLSearchParams(location.search);
  const initial = PROMOTION_STATUSES.includes(params.get('status')) ? params.get('status') : '';
  const mayPropose = can('catalog.promotion.propose') && !readOnly;
  const mayApply = can('catalog.promotion.apply') && !readOnly;
  root.append(el('h1', {}, t('catalog.promotions.heading')), el('p', { class: 'muted' }, t('catalog.promotions.intro')));
  const select = el('select', { name: 'status', id: 'promotion-status' },
    el('option', { value: '' }, t('catalog.prices.all')),
    PROMOTION_STATUSES.map((s) => el('option', { value: s, selected: s === initial }, t('catalog.promotion.status.' + s))));
  root.append(el('div', { class: 'toolbar' },
    el('form', { class: 'inline', id: 'promotion-filter' }, ui.field(t('catalog.promotion.status'), select)),
    mayPropose ? el('button', { type: 'button', class: 'primary', id: 'promotion-propose', onclick: () => proposeDialog() },
      t('catalog.promotion.propose')) : null));

  const name = (p) => (lang === 'en' ? p.nameEn || p.nameZh : p.nameZh || p.nameEn) || '';
  const badge = (s) => ui.badge({ PENDING: 'PENDING', APPROVED_AWAITING_APPLY: 'PENDING', ACTIVE: 'ok', REJECTED: 'bad', CANCELLED: 'bad' }[s] || '',
    t('catalog.promotion.status.' + s));
  const discount = (p) => (p.kind === 'PERCENT' ? t('catalog.promotion.percentText', { n: p.percentOff })
    : t('catalog.promotion.fixedText', { price: money(formatMoney, p.fixedPrice) }));
  const table = ui.dataTable({
    id: 'promotions-table', pageSize: 20, emptyText: t('catalog.promotion.none'), sortBy: { column: 0, descending: true },
    load: async () => (await api('/api/catalog/promotions?limit=200' + (select.value ? '&status=' + select.value : ''))).data.items,
    columns: [
      { title: '#', value: (p) => String(p.id), sort: (p) => p.id },
      { title: t('catalog.promotion.name'), value: (p) => name(p), sort: (p) => name(p) },
      { title: t('catalog.promotion.discount'), value: (p) => discount(p) },
      { title: t('catalog.promotion.scope'), value: (p) => el('span', {}, (p.skus || []).join(', '),
        (p.skus || []).length && (p.categories || []).length ? el('br') : null,
        (p.categories || []).length ? el('small', { class: 'muted' }, t('catalog.promotion.categoriesText', { list: p.categories.join(', ') })) : null) },
      { title: t('catalog.promotion.window'), value: (p) => formatTime(p.startAt) + ' – ' + formatTime(p.endAt), sort: (p) => p.startAt },
      { title: t('catalog.promotion.status'), value: (p) => el('span', {}, badge(p.status),
        p.inEffect ? [' ', ui.badge('ok', t('catalog.promotion.inEffect'))] : null,
        p.approvalId ? [' ', el('a', { href: '/console/approvals/' + p.approvalId, class: 'approval-link' }, t('catalog.proposal.request', { id: p.approvalId }))] : null,
        p.cancelReason ? [el('br'), el('small', { class: 'muted' }, t('catalog.promotion.cancelledBy', { by: p.cancelledBy || '', reason: p.cancelReason }))] : null),
      sort: (p) => p.status },
      { title: t('catalog.proposal.proposed'), value: (p) => p.proposedBy + ' · ' + formatTime(p.proposedAt), sort: (p) => p.proposedAt },
      { title: '', value: (p) => el('span', { class: 'row-actions' },
        mayApply && p.status === 'APPROVED_AWAITING_APPLY'
          ? el('button', { type: 'button', class: 'primary small apply', dataset: { promotion: p.id }, onclick: () => apply(p) }, t('catalog.promotion.apply')) : null,
        ((mayPropose || mayApply) && ['PENDING', 'APPROVED_AWAITING_APPLY'].includes(p.status)) || (mayApply && p.status === 'ACTIVE')
          ? el('button', { type: 'button', class: 'small cancel-promotion', dataset: { promotion: p.id }, onclick: () => cancel(p) }, t('catalog.promotion.cancel')) : null) },
    ],
  });
  root.append(table);
  select.addEventListener('change', () => {
    history.replaceState(null, '', location.pathname + (select.value ? '?status=' + select.value : ''));
    table.reload();
  });
  await table.ready;

  async function apply(p) {
    const ok = await ui.ask({ id: 'promotion-apply-dialog', title: t('catalog.promotion.applyTitle', { id: p.id }),
      text: t('catalog.promotion.applyText', { name: name(p), discount: discount(p) }), confirmText: t('catalog.promotion.apply') });
    if (!ok) return;
    try {
      await api('/api/catalog/promotions/' + p.id + '/apply', { method: 'POST', body: {} });
      ui.toast(t('catalog.promotion.applied', { id: p.id }), 'ok');
    } catch (e) {
      ui.toast(ui.errorText(e), 'error');
    }
    await table.reload();
  }

  function cancel(p) {
    ui.dialog({
      id: 'promotion-cancel-dialog', title: t('catalog.promotion.cancelTitle', { id: p.id }), submitText: t('catalog.promotion.cancel'), danger: true,
      body: [el('p', {}, name(p)), ui.field(t('catalog.request.reason'), el('textarea', { name: 'reason', rows: 3 }))],
      onSubmit: async (form) => {
        if (!form.reason.value.trim()) { ui.showErrors(form, { reason: t('catalog.error.required') }); return false; }
        try {
          await api('/api/catalog/promotions/' + p.id + '/cancel', { method: 'POST', body: { reason: form.reason.value.trim() } });
        } catch (e) {
          return refusal(ctx, form, e);
        }
        ui.toast(t('catalog.promotion.cancelled', { id: p.id }), 'ok');
        await table.reload();
        return true;
      },
    });
  }

  function proposeDialog() {
    const input = (n, v, attrs) => el('input', Object.assign({ name: n, value: v || '', autocomplete: 'off' }, attrs || {}));
    const kind = el('select', { name: 'kind' },
      el('option', { value: 'PERCENT' }, t('catalog.promotion.kind.PERCENT')),
      el('option', { value: 'FIXED_PRICE' }, t('catalog.promotion.kind.FIXED_PRICE')));
    const percent = ui.field(t('catalog.promotion.percentOff'), input('percentOff', '', { inputmode: 'numeric' }), t('catalog.promotion.percentHint'));
    const fixed = ui.field(t('catalog.promotion.fixedPrice'), input('fixedPrice', '', { inputmode: 'decimal' }));
    const sync = () => { percent.hidden = kind.value !== 'PERCENT'; fixed.hidden = kind.value === 'PERCENT'; };
    kind.addEventListener('change', sync);
    sync();
    const now = formatTime(ctx.health && ctx.health.time);
    const dlg = ui.dialog({
      id: 'promotion-dialog', title: t('catalog.promotion.proposeTitle'), submitText: t('catalog.promotion.proposeSubmit'), wide: true,
      body: [
        ui.field(t('catalog.promotion.nameZh'), input('nameZh')),
        ui.field(t('catalog.promotion.nameEn'), input('nameEn')),
        ui.field(t('catalog.promotion.kind'), kind), percent, fixed,
        ui.field(t('catalog.promotion.skus'), input('skus'), t('catalog.promotion.skusHint')),
        ui.field(t('catalog.promotion.categories'), input('categories'), t('catalog.promotion.categoriesHint')),
        ui.field(t('catalog.promotion.startAt'), input('startAt', now), t('catalog.promotion.timeHint')),
        ui.field(t('catalog.promotion.endAt'), input('endAt'), t('catalog.promotion.timeHint')),
      ],
      onSubmit: async (form) => {
        const errors = {};
        for (const f of ['nameZh', 'nameEn', 'startAt', 'endAt']) if (!form[f].value.trim()) errors[f] = t('catalog.error.required');
        const list = (v) => v.split(/[\s,，、]+/).map((s) => s.trim()).filter(Boolean);
        const skus = list(form.skus.value);
        const categories = list(form.categories.value);
        if (!skus.length && !categories.length) errors.skus = t('catalog.promotion.scopeMissing');
        const startAt = shopIso(form.startAt.value, ctx.health);
        const endAt = shopIso(form.endAt.value, ctx.health);
        if (form.startAt.value.trim() && !startAt) errors.startAt = t('catalog.promotion.badTime');
        if (form.endAt.value.trim() && !endAt) errors.endAt = t('catalog.promotion.badTime');
        if (Object.keys(errors).length) { ui.showErrors(form, errors); return false; }
        const body = { nameZh: form.nameZh.value.trim(), nameEn: form.nameEn.value.trim(), kind: kind.value, skus, categories, startAt, endAt };
        if (kind.value === 'PERCENT') body.percentOff = Number(form.percentOff.value.trim());
        else body.fixedPrice = { amount: form.fixedPrice.value.trim().replace(/[¥,，\s]/g, ''), currency: 'CNY' };
        let created;
        try {
          created = (await api('/api/catalog/promotions', { method: 'POST', body })).data;
        } catch (e) {
          if (e.status === 409 && e.code === 'promotion-overlap') {
            const conflicts = ((e.details || {}).conflicts || []).map((c) => t('catalog.promotion.overlapWith', {
              id: c.id, name: lang === 'en' ? c.nameEn : c.nameZh, start: formatTime(c.startAt), end: formatTime(c.endAt),
              products: [].concat(c.products || [], c.categories || []).join(', ') }));
            ui.showErrors(form, { '': [t('catalog.promotion.overlap')].concat(conflicts) });
            return false;
          }
          return refusal(ctx, form, e);
        }
        ui.toast(t('catalog.promotion.proposed', { id: created.id, request: created.approvalId }), 'ok');
        await table.reload();
        return true;
      },
    });
    dlg.form.id = 'promotion-form';
  }
}
