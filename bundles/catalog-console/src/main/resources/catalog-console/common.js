// What the catalog pages share: money with two decimals, product names in the user's language, the
// price-proposal table (with the competitor evidence and the apply step), and refusals of the catalog's
// REST API shown next to the fields they name.

/** Adds the catalog pages' stylesheet (next to this module) once per page load. */
export function useStyles() {
  if (document.getElementById('catalog-css')) return;
  const link = document.createElement('link');
  link.id = 'catalog-css';
  link.rel = 'stylesheet';
  link.href = new URL('./catalog.css', import.meta.url).pathname;
  document.head.append(link);
}

export const STATUSES = ['DRAFT', 'PENDING_LISTING', 'LISTED', 'DELISTED'];
export const PROPOSAL_STATUSES = ['APPROVED_AWAITING_APPLY', 'PENDING', 'APPLIED', 'REJECTED'];

/** A money value {amount, currency} with exactly two decimals, e.g. "¥129.00". */
export function money(formatMoney, m) {
  if (!m || m.amount == null) return '';
  const [whole, frac = ''] = String(m.amount).split('.');
  return formatMoney({ amount: whole + '.' + (frac + '00').slice(0, 2), currency: m.currency });
}

/** The product's title in the user's language, the other one when that is empty. */
export function title(p, lang) {
  return (lang === 'en' ? p.titleEn || p.titleZh : p.titleZh || p.titleEn) || '';
}

export function productLink(ui, sku, text) {
  return ui.el('a', { href: '/console/catalog/products/' + encodeURIComponent(sku), class: 'product-link', dataset: { sku } }, text || sku);
}

export function statusBadge(ui, t, status) {
  const kind = { LISTED: 'ok', DELISTED: 'bad', PENDING_LISTING: 'PENDING' }[status] || '';
  return ui.badge(kind, t('catalog.status.' + status));
}

export function proposalBadge(ui, t, status) {
  const kind = { APPROVED_AWAITING_APPLY: 'PENDING', APPLIED: 'ok', REJECTED: 'bad' }[status] || '';
  return ui.badge(kind, t('catalog.proposal.status.' + status));
}

/**
 * "2026-11-27 10:30" (the shop's local time, as the page shows times) as ISO-8601 with the shop's
 * offset, or null when it is not such a time.
 */
export function shopIso(text, health) {
  const m = /^\s*(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})\s*$/.exec(text || '');
  if (!m) return null;
  const offset = (/([+-]\d{2}:\d{2}|Z)$/.exec((health && health.time) || '') || ['+08:00'])[0];
  return m[1] + 'T' + m[2] + ':00' + offset;
}

/**
 * Shows a refusal of the catalog next to its fields: a 400 names the fields in details (texts
 * catalog.error.<field> where the page has one, else the server's reason); a 409 on an edit says who changed
 * the product when. Answers false (the dialog stays open); other errors are thrown on.
 */
export function refusal(ctx, form, err) {
  const { t, ui, formatTime } = ctx;
  if (err.status === 409 && err.code === 'conflict') {
    const d = err.details || {};
    ui.showErrors(form, { '': t('catalog.error.conflict', { by: d.changedBy || '?', at: formatTime(d.changedAt) }) });
    return false;
  }
  const details = err.details || {};
  const fields = Object.keys(details);
  if (err.status === 400 && fields.length) {
    const errors = {};
    for (const k of fields) {
      const key = 'catalog.error.' + k;
      const known = t(key) !== key ? t(key) : k + ': ' + details[k];
      const target = form.elements[k] ? k : '';
      errors[target] = errors[target] ? [].concat(errors[target], known) : known;
    }
    ui.showErrors(form, errors);
    return false;
  }
  throw err;
}

/**
 * The price proposals as a table: product (optional), old → new, the competitor evidence, reason, who
 * proposed when, status with the approval request, and the Apply button for the content specialist
 * when the marketing director has approved. onApplied(product) runs after a successful apply.
 */
export function proposalTable(ctx, { id, load, withProduct, onApplied }) {
  const { t, ui, formatTime, formatMoney, can, readOnly, api } = ctx;
  const { el } = ui;
  const mayApply = can('catalog.price.apply') && !readOnly;
  let table;
  async function apply(p) {
    const ok = await ui.ask({
      id: 'apply-dialog', title: t('catalog.apply.title', { id: p.id }),
      text: t('catalog.apply.text', { sku: p.sku, old: money(formatMoney, p.oldPrice), new: money(formatMoney, p.newPrice) }),
      confirmText: t('catalog.apply.confirm'),
    });
    if (!ok) return;
    try {
      const product = (await api('/api/catalog/price-proposals/' + p.id + '/apply', { method: 'POST', body: {} })).data;
      ui.toast(t('catalog.apply.done', { sku: p.sku, price: money(formatMoney, product.price) }), 'ok');
      await table.reload();
      if (onApplied) await onApplied(product);
    } catch (e) {
      ui.toast(ui.errorText(e), 'error');
    }
  }
  const columns = [
    { title: '#', value: (p) => String(p.id), sort: (p) => p.id },
    withProduct ? { title: t('catalog.product.sku'), value: (p) => productLink(ui, p.sku), sort: (p) => p.sku } : null,
    { title: t('catalog.proposal.change'), value: (p) => el('span', { class: 'price-change' },
      money(formatMoney, p.oldPrice), ' → ', el('strong', {}, money(formatMoney, p.newPrice))) },
    { title: t('catalog.proposal.evidence'), value: (p) => el('span', { class: 'evidence' },
      el('strong', {}, p.competitor || ''), ' ', money(formatMoney, p.theirPrice), el('br'),
      el('small', { class: 'muted' }, (p.whereSeen || '') + ' · ' + formatTime(p.seenAt))) },
    { title: t('catalog.proposal.reason'), value: (p) => p.reason || '' },
    { title: t('catalog.proposal.proposed'), value: (p) => p.proposedBy + ' · ' + formatTime(p.proposedAt), sort: (p) => p.proposedAt },
    { title: t('catalog.proposal.status'), value: (p) => el('span', {}, proposalBadge(ui, t, p.status),
      p.approvalId ? [' ', el('a', { href: '/console/approvals/' + p.approvalId, class: 'approval-link' }, t('catalog.proposal.request', { id: p.approvalId }))] : null,
      p.appliedBy ? [el('br'), el('small', { class: 'muted' }, t('catalog.proposal.appliedBy', { by: p.appliedBy, at: formatTime(p.appliedAt) }))] : null),
    sort: (p) => p.status },
    mayApply ? { title: '', value: (p) => (p.status === 'APPROVED_AWAITING_APPLY'
      ? el('button', { type: 'button', class: 'primary small apply', dataset: { proposal: p.id, sku: p.sku }, onclick: () => apply(p) },
        t('catalog.apply.button'))
      : '') } : null,
  ].filter(Boolean);
  table = ui.dataTable({ id, columns, load, pageSize: 10, emptyText: t('catalog.proposal.none'), sortBy: { column: 0, descending: true } });
  return table;
}
