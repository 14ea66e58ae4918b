// My account: who I am, changing my password under the shop's policy (the server checks it and
// names every rule the new password breaks, in both languages), and my personal API tokens for
// scripts (shown once when created, with a copy button; revoked at once).
export async function render({ root, api, t, ui, user, lang, roleName, formatTime }) {
  const { el } = ui;
  const { passwordChanged } = await import('../kit/api.js');
  root.append(el('h1', {}, t('account.heading')));
  if (new URLSearchParams(location.search).get('forced') || user.mustChangePassword) {
    root.append(el('p', { class: 'notice-line', id: 'must-change' }, t('account.mustChange')));
  }
  root.append(el('div', { class: 'panel' }, el('dl', { class: 'facts' },
    el('dt', {}, t('account.username')), el('dd', { id: 'account-username' }, user.username),
    el('dt', {}, t('account.roles')), el('dd', {}, user.roles.map(roleName).join(', ') || '—'),
    user.passwordExpiresInDays != null ? [el('dt', {}, t('account.expires')),
      el('dd', {}, t('account.expiresIn', { days: user.passwordExpiresInDays }))] : null)));

  const form = el('form', { class: 'stack panel', id: 'password-form', novalidate: true },
    el('h2', {}, t('account.changePassword')),
    el('label', {}, el('span', {}, t('account.current')),
      el('input', { name: 'current', type: 'password', autocomplete: 'current-password' })),
    el('label', {}, el('span', {}, t('account.next')),
      el('input', { name: 'next', type: 'password', autocomplete: 'new-password' })),
    el('label', {}, el('span', {}, t('account.repeat')),
      el('input', { name: 'repeat', type: 'password', autocomplete: 'new-password' })),
    el('button', { type: 'submit', class: 'primary', id: 'password-submit' }, t('account.save')));
  root.append(form);

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    ui.clearErrors(form);
    const current = form.current.value;
    const next = form.next.value;
    const errors = {};
    if (!current) errors.current = t('form.required');
    if (!next) errors.next = t('form.required');
    else if (next !== form.repeat.value) errors.repeat = t('account.mismatch');
    if (Object.keys(errors).length) {
      ui.showErrors(form, errors);
      return;
    }
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const r = await api('/api/security/me/password', { method: 'POST', body: { current, next }, allow: [400, 403] });
      if (r.status === 204 || r.status === 200) {
        passwordChanged(user.username, next);
        form.reset();
        ui.toast(t('account.changed'), 'ok');
        const done = el('p', { class: 'notice-line', id: 'password-changed' }, t('account.changed'));
        form.before(done);
        document.getElementById('must-change')?.remove();
        return;
      }
      const data = r.data || {};
      const violations = (data.details && data.details.violations) || [];
      if (violations.length) {
        ui.showErrors(form, { next: violations.map((v) => (lang === 'en' ? v.english : v.chinese) || v.rule) });
      } else if (data.details && Object.keys(data.details).some((k) => form.elements[k])) {
        const byField = {};
        for (const [k, v] of Object.entries(data.details)) byField[form.elements[k] ? k : ''] = data.message || String(v);
        ui.showErrors(form, byField);
      } else {
        ui.showErrors(form, { current: data.message || t('error.unknown') });
      }
    } catch (e) {
      ui.toast(ui.errorText(e), 'error');
    } finally {
      button.disabled = false;
    }
  });

  if (!user.mustChangePassword && !new URLSearchParams(location.search).get('forced')) await tokens({ root, api, t, ui, formatTime });
}

async function tokens({ root, api, t, ui, formatTime }) {
  const { el } = ui;
  const section = el('section', { class: 'panel', id: 'tokens' }, el('h2', {}, t('tokens.heading')),
    el('p', { class: 'muted' }, t('tokens.intro')));
  root.append(section);

  const revoke = async (tok) => {
    if (!await ui.ask({ id: 'revoke-dialog', title: t('tokens.revoke'), text: t('tokens.revokeConfirm', { name: tok.name }),
      confirmText: t('tokens.revoke'), danger: true })) return;
    try {
      await api('/api/security/me/tokens/' + encodeURIComponent(tok.id), { method: 'DELETE' });
      ui.toast(t('tokens.revoked', { name: tok.name }), 'ok');
      await table.reload();
    } catch (e) {
      ui.toast(ui.errorText(e), 'error');
    }
  };
  const stateText = (s) => (t('tokens.status.' + s) === 'tokens.status.' + s ? s : t('tokens.status.' + s));
  const table = ui.dataTable({
    id: 'tokens-table', sortBy: { column: 1, descending: true }, pageSize: 10, emptyText: t('tokens.empty'),
    columns: [
      { title: t('tokens.name'), value: (x) => x.name, sort: (x) => x.name },
      { title: t('tokens.created'), value: (x) => formatTime(x.createdAt), sort: (x) => x.createdAt },
      { title: t('tokens.expires'), value: (x) => formatTime(x.expiresAt), sort: (x) => x.expiresAt },
      { title: t('tokens.lastUsed'), value: (x) => formatTime(x.lastUsedAt) || '—', sort: (x) => x.lastUsedAt || '' },
      { title: t('tokens.status'), value: (x) => ui.badge(x.status === 'active' ? 'ok' : 'bad', stateText(x.status)), sort: (x) => x.status },
      { title: '', value: (x) => (x.status === 'active' ? el('button', {
        type: 'button', class: 'small danger', dataset: { token: x.id }, onclick: () => revoke(x) }, t('tokens.revoke')) : '') },
    ],
    load: async () => (await api('/api/security/me/tokens')).data.items,
  });

  const form = el('form', { class: 'inline', id: 'token-form', novalidate: true },
    ui.field(t('tokens.name'), el('input', { name: 'name', maxlength: 100 })),
    ui.field(t('tokens.days'), el('input', { name: 'expiresInDays', type: 'number', min: 1, value: 90, style: 'width:6em' })),
    el('button', { type: 'submit', class: 'primary', id: 'token-create' }, t('tokens.create')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    ui.clearErrors(form);
    const name = form.name.value.trim();
    if (!name) { ui.showErrors(form, { name: t('form.required') }); return; }
    const days = form.expiresInDays.value ? Number(form.expiresInDays.value) : null;
    let created;
    try {
      created = (await api('/api/security/me/tokens', { method: 'POST', body: { name, expiresInDays: days } })).data;
    } catch (e) {
      const details = (e.details && Object.keys(e.details)) || [];
      if (e.status === 400 && details.length) {
        const errors = {};
        for (const k of details) errors[form.elements[k] ? k : ''] = t(k === 'expiresInDays' ? 'tokens.error.days' : 'tokens.error.name');
        ui.showErrors(form, errors);
      } else {
        ui.showErrors(form, { '': ui.errorText(e) });
      }
      return;
    }
    form.reset();
    const value = el('input', { id: 'token-value', readonly: true, value: created.token, class: 'mono wide', 'aria-label': t('tokens.secret') });
    ui.dialog({ id: 'token-dialog', title: t('tokens.createdTitle', { name: created.name }), body: [
      el('p', { class: 'notice-line' }, t('tokens.onlyOnce')),
      el('div', { class: 'copy-line' }, value, ui.copyButton(value, 'token-copy')),
      el('p', { class: 'muted' }, t('tokens.usage')),
      el('pre', { class: 'payload' }, 'curl -H "Authorization: Bearer <token>" ' + location.origin + '/api/security/me'),
      el('p', { class: 'muted' }, t('tokens.expiresAt', { time: formatTime(created.expiresAt) })),
    ] });
    value.select();
    await table.reload();
  });
  section.append(form, table);
  await table.ready;
}
