// Approvals: my inbox (approve / reject with a comment), my requests, and one request in detail with
// the owning area's rendering of the change. The server decides who may decide (mayDecide); the page
// only hides what the user cannot do.
export async function render(ctx) {
  const { root, sub } = ctx;
  const id = /^\/(\d+)$/.exec(sub || '');
  if (id) return detail(ctx, id[1]);
  return lists(ctx);
}

function stateText(t, state) {
  return t('approvals.state.' + state);
}

async function lists({ root, api, t, ui, formatTime, lang }) {
  const { el } = ui;
  root.append(el('h1', {}, t('approvals.heading')));
  const holder = el('div');
  const link = (r) => el('a', { href: '/console/approvals/' + r.id, class: 'request-link', dataset: { id: r.id } }, '#' + r.id);
  const columns = (withWaiting) => [
    { title: t('approvals.id'), value: link },
    { title: t('approvals.kind'), value: (r) => r.kindTitle || r.kind },
    { title: t('approvals.summary'), value: (r) => r.summary || r.subject },
    { title: t('approvals.requester'), value: (r) => r.requester },
    { title: t('approvals.created'), value: (r) => formatTime(r.createdAt) },
    withWaiting
      ? { title: t('approvals.due'), value: (r) => (r.overdue ? ui.badge('bad', t('approvals.overdue')) : formatTime(r.dueAt)) }
      : { title: t('approvals.stateTitle'), value: (r) => ui.badge(r.state, stateText(t, r.state)) },
  ];
  const bar = ui.tabs([
    { id: 'inbox', title: t('approvals.inbox') },
    { id: 'mine', title: t('approvals.mine') },
  ], (tab) => {
    const table = tab === 'inbox'
      ? ui.pagedTable({ id: 'inbox-table', columns: columns(true), emptyText: t('approvals.inboxEmpty'),
        load: async () => ({ items: (await api('/api/approvals/inbox?lang=' + lang)).data.items, next: null }) })
      : ui.pagedTable({ id: 'mine-table', columns: columns(false), emptyText: t('approvals.mineEmpty'),
        load: async (cursor) => (await api(cursor || '/api/approvals/mine?limit=20&lang=' + lang)).data });
    holder.replaceChildren(table);
  });
  root.append(bar, holder);
  bar.select(location.hash === '#mine' ? 'mine' : 'inbox');
  await holder.firstChild.ready;
}

/** A UTC instant (as payloads store it) in the shop's zone, by the offset the server's clock reports. */
function shopTime(iso, health, formatTime) {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return iso || '';
  const m = /([+-])(\d{2}):(\d{2})$/.exec((health && health.time) || '');
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return formatTime(new Date(d.getTime() + minutes * 60000).toISOString());
}

/**
 * A price change (catalog.price-change) laid out for the decision: the product, current → new price with
 * the change in percent, and the planner's competitor evidence, from the request's payload.
 */
function priceChange({ t, ui, formatTime, formatMoney, health }, p) {
  const { el } = ui;
  const price = (amount) => formatMoney({ amount: Number(amount).toFixed(2), currency: p.currency });
  const pct = Number(p.currentPrice) > 0 ? ((Number(p.newPrice) - Number(p.currentPrice)) / Number(p.currentPrice)) * 100 : null;
  return el('dl', { class: 'facts', id: 'price-change' },
    el('dt', {}, t('approvals.price.product')),
    el('dd', {}, el('a', { href: '/console/catalog/products/' + encodeURIComponent(p.sku), id: 'price-change-product' }, p.sku)),
    el('dt', {}, t('approvals.price.change')),
    el('dd', { id: 'price-change-prices' }, price(p.currentPrice), ' → ', el('strong', {}, price(p.newPrice)),
      pct == null ? '' : ' (' + (pct > 0 ? '+' : '') + pct.toFixed(1) + '%)'),
    el('dt', {}, t('approvals.price.competitor')), el('dd', { id: 'price-change-competitor' }, p.competitor || ''),
    el('dt', {}, t('approvals.price.theirPrice')), el('dd', { id: 'price-change-their-price' }, p.theirPrice == null ? '' : price(p.theirPrice)),
    el('dt', {}, t('approvals.price.whereSeen')), el('dd', { id: 'price-change-where' }, p.whereSeen || ''),
    el('dt', {}, t('approvals.price.seenAt')), el('dd', { id: 'price-change-seen-at' }, shopTime(p.seenAt, health, formatTime)),
    el('dt', {}, t('approvals.price.reason')), el('dd', { id: 'price-change-reason' }, p.reason || ''));
}

async function detail(ctx, id) {
  const { root, api, t, ui, formatTime, lang, readOnly } = ctx;
  const { el } = ui;
  root.append(el('p', {}, el('a', { href: '/console/approvals' }, '← ' + t('approvals.back'))));
  const body = el('div', { id: 'request-detail' });
  root.append(body);

  async function draw() {
    let r;
    try {
      r = (await api('/api/approvals/' + encodeURIComponent(id) + '?lang=' + lang)).data;
    } catch (e) {
      body.replaceChildren(el('div', { class: 'panel' }, ui.errorText(e)));
      return;
    }
    const steps = el('table', { class: 'data', id: 'request-steps' },
      el('thead', {}, el('tr', {}, [t('approvals.step'), t('approvals.decider'), t('approvals.decision'), t('approvals.comment')]
        .map((x) => el('th', {}, x)))),
      el('tbody', {}, r.steps.map((s) => el('tr', { class: s.current ? 'current' : undefined },
        el('td', {}, s.label || s.role || s.permission),
        el('td', {}, s.decision ? s.decision.decider + ' · ' + formatTime(s.decision.decidedAt) : (s.current ? t('approvals.waiting') : '')),
        el('td', {}, s.decision ? ui.badge(s.decision.decision === 'approve' ? 'ok' : 'bad', t('approvals.decision.' + s.decision.decision)) : ''),
        el('td', {}, s.decision && s.decision.comment ? s.decision.comment : '')))));
    const structured = r.kind === 'catalog.price-change' && r.payload && typeof r.payload === 'object';
    const rendered = structured
      ? el('div', { class: 'panel', id: 'request-rendered' }, el('h2', {}, t('approvals.change')), priceChange(ctx, r.payload),
        el('p', { class: 'muted' }, t('approvals.price.note')))
      : r.rendered
      ? el('div', { class: 'panel', id: 'request-rendered' }, el('h2', {}, t('approvals.change')), el('p', {}, r.rendered))
      : el('div', { class: 'panel' }, el('h2', {}, t('approvals.change')),
        el('p', { class: 'muted' }, t('approvals.noRendering')),
        el('pre', { class: 'payload' }, typeof r.payload === 'string' ? r.payload : JSON.stringify(r.payload, null, 2)));
    body.replaceChildren(
      el('h1', {}, t('approvals.request', { id: r.id }), ' ', ui.badge(r.state, stateText(t, r.state))),
      el('div', { class: 'panel' }, el('dl', { class: 'facts' },
        el('dt', {}, t('approvals.kind')), el('dd', {}, r.kindTitle || r.kind),
        el('dt', {}, t('approvals.subject')), el('dd', {}, r.subject),
        el('dt', {}, t('approvals.summary')), el('dd', {}, r.summary || ''),
        el('dt', {}, t('approvals.requester')), el('dd', {}, r.requester),
        el('dt', {}, t('approvals.created')), el('dd', {}, formatTime(r.createdAt)),
        el('dt', {}, t('approvals.due')), el('dd', {}, formatTime(r.dueAt) || '—'),
        r.applyError ? [el('dt', {}, t('approvals.applyError')), el('dd', {}, r.applyError)] : null)),
      rendered, steps);
    if (r.mayDecide && !readOnly) body.append(decisionForm(r));
  }

  function decisionForm(r) {
    const form = el('form', { class: 'stack panel', id: 'decision-form' },
      el('h2', {}, t('approvals.decide')),
      el('label', {}, el('span', {}, t('approvals.comment')), el('textarea', { name: 'comment', id: 'decision-comment' })),
      el('div', { class: 'pager' },
        el('button', { type: 'submit', class: 'primary', id: 'approve', value: 'approve' }, t('approvals.approve')),
        el('button', { type: 'submit', class: 'danger', id: 'reject', value: 'reject' }, t('approvals.reject'))));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const decision = ev.submitter && ev.submitter.value === 'reject' ? 'reject' : 'approve';
      const comment = form.comment.value.trim();
      if (decision === 'reject' && !comment) {
        ui.showErrors(form, { comment: t('approvals.commentNeeded') });
        return;
      }
      form.querySelectorAll('button').forEach((b) => { b.disabled = true; });
      try {
        await api('/api/approvals/' + r.id + '/decision', { method: 'POST', body: { decision, comment: comment || null } });
        ui.toast(t(decision === 'approve' ? 'approvals.approved' : 'approvals.rejected'), 'ok');
        await draw();
      } catch (e) {
        ui.showErrors(form, { '': ui.errorText(e) });
        form.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      }
    });
    return form;
  }

  await draw();
}
