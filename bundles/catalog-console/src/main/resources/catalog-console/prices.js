// Price changes across the catalog (CAT-1): by default the approved ones whose new price is not in force
// until the content specialist applies it; pending, applied and rejected ones by the status filter.
// GET /api/catalog/price-proposals?status=&limit=, newest first.
import { useStyles, PROPOSAL_STATUSES, proposalTable } from './common.js';

export async function render(ctx) {
  useStyles();
  const { root, api, t, ui } = ctx;
  const { el } = ui;
  const params = new URLSearchParams(location.search);
  const initial = PROPOSAL_STATUSES.includes(params.get('status')) ? params.get('status') : 'APPROVED_AWAITING_APPLY';
  root.append(el('h1', {}, t('catalog.prices.heading')), el('p', { class: 'muted' }, t('catalog.prices.intro')));
  const select = el('select', { name: 'status', id: 'proposal-status' },
    PROPOSAL_STATUSES.map((s) => el('option', { value: s, selected: s === initial }, t('catalog.proposal.status.' + s))),
    el('option', { value: '' }, t('catalog.prices.all')));
  root.append(el('form', { class: 'inline', id: 'proposal-filter' }, ui.field(t('catalog.proposal.status'), select)));
  const table = proposalTable(ctx, {
    id: 'proposals-table', withProduct: true,
    load: async () => (await api('/api/catalog/price-proposals?limit=200' + (select.value ? '&status=' + select.value : ''))).data.items,
  });
  root.append(table);
  select.addEventListener('change', () => {
    history.replaceState(null, '', location.pathname + '?status=' + select.value);
    table.reload();
  });
  await table.ready;
}
