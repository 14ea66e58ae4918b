// Products: the list (search box, status filter, pages by SKU from GET /api/catalog/products) and, at
// /console/catalog/products/{sku}, the product page: texts, category, status, price, price history,
// price proposals (apply when approved), stock and its ledger, with the actions the member of staff may
// take. The page only hides what the user cannot do; the catalog's REST API checks every call.
import { useStyles, STATUSES, money, title, productLink, statusBadge, shopIso, refusal, proposalTable } from './common.js';

export async function render(ctx) {
  useStyles();
  const m = /^\/([^/]+)$/.exec(ctx.sub || '');
  if (m) return productPage(ctx, decodeURIComponent(m[1]));
  return list(ctx);
}

async function list(ctx) {
  const { root, api, t, ui, formatTime, formatMoney, lang } = ctx;
  const { el } = ui;
  const params = new URLSearchParams(location.search);
  root.append(el('h1', {}, t('catalog.products.heading')));
  const form = el('form', { class: 'inline', id: 'product-filter', role: 'search' },
    ui.field(t('catalog.products.search'), el('input', { name: 'q', type: 'search', value: params.get('q') || '',
      placeholder: t('catalog.products.searchHint') })),
    ui.field(t('catalog.product.status'), el('select', { name: 'status' },
      el('option', { value: '' }, t('catalog.products.allStatuses')),
      STATUSES.map((s) => el('option', { value: s, selected: params.get('status') === s }, t('catalog.status.' + s))))),
    el('button', { type: 'submit', class: 'primary', id: 'product-search' }, t('catalog.products.filter')));
  root.append(form);
  const query = () => {
    const p = new URLSearchParams({ limit: '20' });
    if (form.q.value.trim()) p.set('q', form.q.value.trim());
    if (form.status.value) p.set('status', form.status.value);
    return p;
  };
  const table = ui.pagedTable({
    id: 'products-table',
    emptyText: t('catalog.products.none'),
    columns: [
      { title: t('catalog.product.sku'), value: (p) => productLink(ui, p.sku) },
      { title: t('catalog.product.title'), value: (p) => title(p, lang) },
      { title: t('catalog.product.category'), value: (p) => p.category || '' },
      { title: t('catalog.product.status'), value: (p) => statusBadge(ui, t, p.status) },
      { title: t('catalog.product.price'), value: (p) => money(formatMoney, p.price), class: 'num' },
      { title: t('catalog.product.stock'), value: (p) => String(p.stock), class: 'num' },
      { title: t('catalog.product.updated'), value: (p) => p.updatedBy + ' · ' + formatTime(p.updatedAt) },
    ],
    // keyset pages: the cursor is the SKU the previous page ended with
    load: async (after) => {
      const p = query();
      if (after) p.set('after', after);
      const data = (await api('/api/catalog/products?' + p)).data;
      return { items: data.items, next: data.next };
    },
  });
  root.append(table);
  await table.ready;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    history.replaceState(null, '', location.pathname + '?' + query());
    table.reload();
  });
}

async function productPage(ctx, sku) {
  const { root, api, t, ui, formatTime, formatMoney, lang, can, readOnly } = ctx;
  const { el } = ui;
  const base = '/api/catalog/products/' + encodeURIComponent(sku);
  root.append(el('p', {}, el('a', { href: '/console/catalog/products', id: 'back-to-products' }, '← ' + t('catalog.product.back'))));
  const head = el('div', { id: 'product-head' });
  const actions = el('div', { class: 'toolbar', id: 'product-actions' });
  const facts = el('div', { class: 'panel', id: 'product-facts' });
  root.append(head, actions, facts);
  let product;

  async function load() {
    product = (await api(base)).data;
    head.replaceChildren(el('h1', {}, product.sku, ' · ', title(product, lang), ' ', statusBadge(ui, t, product.status)));
    const dl = (pairs) => el('dl', { class: 'facts' }, pairs.filter(Boolean).flatMap(([k, v, id]) => [el('dt', {}, k), el('dd', { id }, v)]));
    facts.replaceChildren(dl([
      [t('catalog.product.price'), el('strong', { class: 'price' }, money(formatMoney, product.price)), 'product-price'],
      [t('catalog.product.stock'), String(product.stock), 'product-stock'],
      [t('catalog.product.status'), t('catalog.status.' + product.status), 'product-status'],
      product.delistReason ? [t('catalog.product.delistReason'), delistText(product.delistReason), 'product-delist-reason'] : null,
      [t('catalog.product.category'), product.category || '', 'product-category'],
      [t('catalog.product.titleZh'), product.titleZh || '', 'product-title-zh'],
      [t('catalog.product.titleEn'), product.titleEn || '', 'product-title-en'],
      [t('catalog.product.descriptionZh'), el('span', {}, product.descriptionZh || '—'), 'product-description-zh'],
      [t('catalog.product.descriptionEn'), el('span', {}, product.descriptionEn || '—'), 'product-description-en'],
      [t('catalog.product.updated'), product.updatedBy + ' · ' + formatTime(product.updatedAt) + ' · ' + t('catalog.product.version', { v: product.version }), 'product-updated'],
    ]));
    drawActions();
  }

  function delistText(reason) {
    if (reason === 'normal') return t('catalog.delist.normal');
    const abnormal = /^abnormal: (.*)$/s.exec(reason);
    return abnormal ? t('catalog.delist.abnormal', { reason: abnormal[1] }) : reason;
  }

  function drawActions() {
    if (readOnly) {
      actions.replaceChildren();
      return;
    }
    const button = (id, text, onclick, cls) => el('button', { type: 'button', id, class: cls || '', onclick }, text);
    actions.replaceChildren(...[
      can('catalog.product.edit') ? button('edit-product', t('catalog.edit.button'), editDialog) : null,
      can('catalog.price.propose') ? button('propose-price', t('catalog.propose.button'), proposeDialog, 'primary') : null,
      can('catalog.listing.propose') && (product.status === 'DRAFT' || product.status === 'DELISTED')
        ? button('request-listing', t('catalog.listing.button'), () => requestDialog(true)) : null,
      can('catalog.delisting.propose') && product.status === 'LISTED'
        ? button('request-delisting', t('catalog.delisting.button'), () => requestDialog(false), 'danger') : null,
      can('catalog.stock.move') || can('catalog.stock.count') ? button('record-movement', t('catalog.movement.button'), movementDialog) : null,
    ].filter(Boolean));
  }

  // ---- the actions' dialogs ---------------------------------------------------------------------
  const input = (name, value, attrs = {}) => el('input', { name, value: value == null ? '' : value, ...attrs });
  const area = (name, value) => { const a = el('textarea', { name, rows: 4 }); a.value = value || ''; return a; };
  const required = (form, names) => {
    const errors = {};
    for (const n of names) if (!form[n].value.trim()) errors[n] = t('catalog.error.required');
    if (Object.keys(errors).length) { ui.showErrors(form, errors); return false; }
    return true;
  };
  const amount = (text) => String(text || '').trim().replace(/^[¥￥]/, '').replace(/,/g, '');

  function editDialog() {
    const loaded = product;
    ui.dialog({
      id: 'edit-dialog', title: t('catalog.edit.title', { sku }), submitText: t('catalog.edit.save'), wide: true,
      body: [
        ui.field(t('catalog.product.titleZh'), input('titleZh', loaded.titleZh)),
        ui.field(t('catalog.product.titleEn'), input('titleEn', loaded.titleEn)),
        ui.field(t('catalog.product.descriptionZh'), area('descriptionZh', loaded.descriptionZh)),
        ui.field(t('catalog.product.descriptionEn'), area('descriptionEn', loaded.descriptionEn)),
        ui.field(t('catalog.product.category'), input('category', loaded.category), t('catalog.edit.categoryHint')),
      ],
      onSubmit: async (form) => {
        if (!required(form, ['titleZh', 'titleEn', 'category'])) return false;
        try {
          await api(base, { method: 'PUT', body: {
            titleZh: form.titleZh.value.trim(), titleEn: form.titleEn.value.trim(),
            descriptionZh: form.descriptionZh.value, descriptionEn: form.descriptionEn.value,
            category: form.category.value.trim(), version: loaded.version,
          } });
        } catch (e) {
          const stay = refusal(ctx, form, e);
          const line = e.status === 409 ? form.querySelector('.form-error') : null;
          if (line) {
            line.append(' ', el('button', { type: 'button', id: 'edit-reload', class: 'small',
              onclick: async () => { form.closest('dialog').close(); await load(); editDialog(); } }, t('catalog.edit.reload')));
          }
          return stay;
        }
        ui.toast(t('catalog.edit.saved', { sku }), 'ok');
        await load();
        return true;
      },
    }).form.id = 'edit-form';
  }

  function proposeDialog() {
    ui.dialog({
      id: 'propose-dialog', title: t('catalog.propose.title', { sku }), submitText: t('catalog.propose.submit'), wide: true,
      body: [
        el('p', { class: 'muted' }, t('catalog.propose.current', { price: money(formatMoney, product.price) })),
        ui.field(t('catalog.propose.newPrice'), input('newPrice', '', { inputmode: 'decimal', autocomplete: 'off' })),
        el('fieldset', {}, el('legend', {}, t('catalog.propose.evidence')),
          ui.field(t('catalog.propose.competitor'), input('competitor', ''), t('catalog.propose.competitorHint')),
          ui.field(t('catalog.propose.theirPrice'), input('theirPrice', '', { inputmode: 'decimal', autocomplete: 'off' })),
          ui.field(t('catalog.propose.whereSeen'), input('whereSeen', ''), t('catalog.propose.whereSeenHint')),
          ui.field(t('catalog.propose.seenAt'), input('seenAt', formatTime(ctx.health && ctx.health.time)), t('catalog.propose.seenAtHint'))),
        ui.field(t('catalog.propose.reason'), area('reason', '')),
      ],
      onSubmit: async (form) => {
        if (!required(form, ['newPrice', 'competitor', 'theirPrice', 'whereSeen', 'seenAt', 'reason'])) return false;
        const seenAt = shopIso(form.seenAt.value, ctx.health);
        if (!seenAt) { ui.showErrors(form, { seenAt: t('catalog.error.seenAt') }); return false; }
        let created;
        try {
          created = (await api(base + '/price-proposals', { method: 'POST', body: {
            newPrice: { amount: amount(form.newPrice.value), currency: product.price.currency },
            competitor: form.competitor.value.trim(),
            theirPrice: { amount: amount(form.theirPrice.value), currency: product.price.currency },
            whereSeen: form.whereSeen.value.trim(), seenAt, reason: form.reason.value.trim(),
          } })).data;
        } catch (e) {
          return refusal(ctx, form, e);
        }
        ui.toast(t('catalog.propose.done', { id: created.id, request: created.approvalId }), 'ok');
        await proposals.reload();
        return true;
      },
    }).form.id = 'propose-form';
  }

  function requestDialog(listing) {
    const kind = listing ? 'listing' : 'delisting';
    ui.dialog({
      id: kind + '-dialog', title: t('catalog.' + kind + '.title', { sku }), submitText: t('catalog.' + kind + '.submit'), danger: !listing,
      body: [el('p', { class: 'muted' }, t('catalog.' + kind + '.text')), ui.field(t('catalog.request.reason'), area('reason', ''))],
      onSubmit: async (form) => {
        if (!listing && !required(form, ['reason'])) return false;
        let created;
        try {
          created = (await api(base + '/' + kind + '-requests', { method: 'POST', body: { reason: form.reason.value.trim() || null } })).data;
        } catch (e) {
          if (e.status === 400 && listing && e.details && Object.keys(e.details).length) {
            ui.showErrors(form, { '': [t('catalog.listing.missing')].concat(Object.keys(e.details).map((k) => {
              const key = 'catalog.listing.lacks.' + k;
              return t(key) !== key ? t(key) : k + ': ' + e.details[k];
            })) });
            return false;
          }
          if (e.code === 'wrong-status') {
            ui.showErrors(form, { '': t('catalog.request.wrongStatus', { status: t('catalog.status.' + ((e.details && e.details.status) || product.status)) }) });
            return false;
          }
          return refusal(ctx, form, e);
        }
        ui.toast(t('catalog.request.done', { id: created.approvalId }), 'ok');
        return true;
      },
    }).form.id = kind + '-form';
  }

  function movementDialog() {
    const kinds = [];
    if (can('catalog.stock.move')) kinds.push('RECEIPT', 'SALE', 'RETURN');
    if (can('catalog.stock.count')) kinds.push('COUNT_ADJUSTMENT');
    ui.dialog({
      id: 'movement-dialog', title: t('catalog.movement.title', { sku }), submitText: t('catalog.movement.submit'),
      body: [
        el('p', { class: 'muted' }, t('catalog.movement.current', { stock: product.stock })),
        ui.field(t('catalog.movement.kind'), el('select', { name: 'kind' }, kinds.map((k) => el('option', { value: k }, t('catalog.movement.kind.' + k))))),
        ui.field(t('catalog.movement.quantity'), input('quantity', '', { type: 'number', step: '1' }), t('catalog.movement.quantityHint')),
        ui.field(t('catalog.movement.why'), input('why', '')),
      ],
      onSubmit: async (form) => {
        if (!required(form, ['quantity', 'why'])) return false;
        const quantity = Number(form.quantity.value);
        if (!Number.isInteger(quantity) || quantity === 0 || (quantity < 0 && form.kind.value !== 'COUNT_ADJUSTMENT')) {
          ui.showErrors(form, { quantity: t('catalog.error.quantity') });
          return false;
        }
        try {
          await api(base + '/stock-movements', { method: 'POST', body: { kind: form.kind.value, quantity, why: form.why.value.trim() } });
        } catch (e) {
          if (e.code === 'insufficient-stock') {
            ui.showErrors(form, { quantity: t('catalog.error.insufficientStock', { stock: product.stock }) });
            return false;
          }
          return refusal(ctx, form, e);
        }
        ui.toast(t('catalog.movement.done'), 'ok');
        await load();
        await ledger.reload();
        return true;
      },
    }).form.id = 'movement-form';
  }

  // The reasons the platform writes itself are in English in the ledger (they are data, kept as written);
  // shown here in the console's language, orders and count tasks as links. A person's reason is shown as typed.
  function whyText(why) {
    if (!why) return '';
    if (why === 'opening stock') return t('catalog.ledger.why.opening');
    const order = /^order:(\d+)$/.exec(why);
    if (order) return el('a', { href: '/console/orders/' + order[1], class: 'ledger-order' }, t('catalog.ledger.why.order', { id: order[1] }));
    const count = /^count task (\d+)$/.exec(why);
    if (count) return el('a', { href: '/console/catalog/counts/' + count[1], class: 'ledger-count' }, t('catalog.ledger.why.count', { id: count[1] }));
    return why;
  }

  // ---- proposals, price history, stock ledger (made once the product is known to exist) ----------
  try {
    await load();
  } catch (e) {
    head.replaceChildren(el('h1', {}, sku));
    facts.replaceChildren(el('p', { id: 'product-error' }, e.status === 404 ? t('catalog.product.notFound', { sku }) : ui.errorText(e)));
    return;
  }
  const proposals = proposalTable(ctx, {
    id: 'price-proposals',
    load: async () => (await api(base + '/price-proposals?limit=50')).data.items,
    onApplied: async () => { await load(); await historyTable.reload(); },
  });
  const historyTable = ui.dataTable({
    id: 'price-history', pageSize: 10, emptyText: t('catalog.history.none'),
    columns: [
      { title: t('catalog.history.when'), value: (h) => formatTime(h.changedAt) },
      { title: t('catalog.history.who'), value: (h) => h.changedBy },
      { title: t('catalog.history.change'), value: (h) => el('span', { class: 'price-change' },
        h.oldPrice ? money(formatMoney, h.oldPrice) : '—', ' → ', el('strong', {}, money(formatMoney, h.newPrice))) },
      { title: t('catalog.history.reason'), value: (h) => (h.reason === 'first price' ? t('catalog.history.firstPrice') : h.reason || '') },
      { title: t('catalog.history.proposal'), value: (h) => (h.proposalId ? '#' + h.proposalId : t('catalog.history.initial')) },
    ],
    load: async () => (await api(base + '/price-history')).data.items,
  });
  const LEDGER_PAGE = 20;
  const ledger = ui.pagedTable({
    id: 'stock-ledger', emptyText: t('catalog.ledger.none'),
    columns: [
      { title: t('catalog.ledger.when'), value: (s) => formatTime(s.time) },
      { title: t('catalog.movement.kind'), value: (s) => t('catalog.movement.kind.' + s.kind) },
      { title: t('catalog.ledger.change'), value: (s) => (s.change > 0 ? '+' : '') + s.change, class: 'num' },
      { title: t('catalog.ledger.after'), value: (s) => String(s.stockAfter), class: 'num' },
      { title: t('catalog.ledger.who'), value: (s) => s.who },
      { title: t('catalog.movement.why'), value: (s) => whyText(s.why) },
    ],
    // pages by id, newest first: the next page starts below the last id shown
    load: async (before) => {
      const items = (await api(base + '/stock-movements?limit=' + LEDGER_PAGE + (before ? '&before=' + before : ''))).data.items;
      return { items, next: items.length === LEDGER_PAGE ? items[items.length - 1].id : null };
    },
  });

  root.append(
    el('h2', {}, t('catalog.proposal.heading')), proposals,
    el('h2', {}, t('catalog.history.heading')), historyTable,
    el('h2', {}, t('catalog.ledger.heading')), ledger);
  await Promise.all([proposals.ready, historyTable.ready, ledger.ready]);
}
