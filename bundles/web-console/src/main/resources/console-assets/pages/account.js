// My account: who I am, and changing my password under the shop's policy (the server checks it and
// names every rule the new password breaks, in both languages).
export async function render({ root, api, t, ui, user, lang, roleName }) {
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
}
