// Staff accounts (IT administrators): every account with roles, level, scope and state; create an
// account, unlock, reset a password (forces a change), record that someone else used an account,
// request a permission change (an approval, SEC-2) and read an account's grant log. The page shows
// the actions only to those with security.accounts.manage who are not reader-level; the server checks
// every call anyway.
const SPECIAL_ROLES = ['gm', 'it-admin', 'finance', 'executive-director'];
const LEVELS = ['reader', 'editor', 'dba'];
// Fields the server names in {"error":"invalid","details":{field: ...}}, with the console's own text.
const FIELD_TEXTS = ['username', 'displayName', 'phone', 'roles', 'level', 'areas'];

export async function render({ root, api, t, ui, formatTime, lang, can, readOnly, roleName }) {
  const { el } = ui;
  const manage = can('security.accounts.manage') && !readOnly;
  let roles = [];
  try {
    roles = (await api('/api/security/roles')).data.items || [];
  } catch (e) {
    ui.toast(ui.errorText(e), 'error');
  }
  const roleTitle = (name) => {
    const r = roles.find((x) => x.name === name);
    return r ? (lang === 'en' ? r.english : r.chinese) || name : roleName(name);
  };
  const list = (xs) => (xs || []).join(', ');

  root.append(el('h1', {}, t('staff.heading')));
  if (manage) {
    root.append(el('div', { class: 'toolbar' },
      el('button', { type: 'button', class: 'primary', id: 'staff-new', onclick: () => createDialog() }, t('staff.new'))));
  }

  const actions = (a) => {
    const buttons = [];
    const b = (name, text, onclick, cls) => el('button', {
      type: 'button', class: 'small ' + (cls || ''), dataset: { action: name, user: a.username }, onclick,
    }, text);
    if (can('audit.read')) buttons.push(b('grants', t('staff.grants'), () => grantsDialog(a)));
    if (manage) {
      if (a.status === 'locked' || a.lockedUntil) buttons.push(b('unlock', t('staff.unlock'), () => unlock(a)));
      buttons.push(b('reset', t('staff.reset'), () => resetDialog(a)));
      buttons.push(b('used', t('staff.usedByOther'), () => usedDialog(a)));
      buttons.push(b('change', t('staff.change'), () => changeDialog(a)));
    }
    return el('div', { class: 'row-actions' }, buttons);
  };

  const table = ui.dataTable({
    id: 'accounts-table',
    sortBy: { column: 0 },
    columns: [
      { title: t('staff.username'), value: (a) => el('span', { class: 'username', dataset: { user: a.username } }, a.username), sort: (a) => a.username },
      { title: t('staff.displayName'), value: (a) => a.displayName || '', sort: (a) => a.displayName || '' },
      { title: t('staff.roles'), value: (a) => (a.roles || []).map(roleTitle).join(', '), sort: (a) => list(a.roles) },
      { title: t('staff.level'), value: (a) => t('staff.level.' + a.level), sort: (a) => LEVELS.indexOf(a.level) },
      { title: t('staff.areas'), value: (a) => list(a.areas), sort: (a) => list(a.areas) },
      { title: t('staff.status'), value: (a) => ui.badge(a.status === 'active' ? 'ok' : 'bad', t('staff.status.' + a.status)), sort: (a) => a.status },
      { title: t('staff.passwordChanged'), value: (a) => formatTime(a.passwordChangedAt), sort: (a) => a.passwordChangedAt || '' },
      { title: t('staff.mustChange'), value: (a) => (a.mustChangePassword ? ui.badge('PENDING', t('staff.yes')) : t('staff.no')),
        sort: (a) => (a.mustChangePassword ? 1 : 0) },
      { title: t('staff.actions'), value: actions },
    ],
    load: async () => (await api('/api/security/accounts')).data.items,
  });
  root.append(table);
  await table.ready;

  // ---- the forms' parts ------------------------------------------------------------------------
  const roleSelect = (selected = []) => el('select', { name: 'roles', multiple: true, size: Math.min(8, Math.max(4, roles.length)) },
    roles.map((r) => el('option', { value: r.name, selected: selected.includes(r.name) }, roleTitle(r.name) + ' (' + r.name + ')')));
  const levelSelect = (value = 'editor') => el('select', { name: 'level' },
    LEVELS.map((l) => el('option', { value: l, selected: l === value }, t('staff.level.' + l))));
  const areasInput = (areas = []) => el('input', { name: 'areas', value: list(areas), placeholder: 'catalog, cms' });
  const selectedRoles = (form) => Array.from(form.roles.selectedOptions).map((o) => o.value);
  const areasOf = (form) => form.areas.value.split(/[,，\s]+/).map((x) => x.trim()).filter(Boolean);

  /** Shows a refusal of the server next to its fields; answers false so that the dialog stays open. */
  function refusal(form, err, passwordField) {
    if (err.code === 'password-rejected' && passwordField) {
      const violations = (err.details && err.details.violations) || [];
      ui.showErrors(form, { [passwordField]: violations.length
        ? violations.map((v) => (lang === 'en' ? v.english : v.chinese) || v.rule) : err.message });
      return false;
    }
    if (err.code === 'exists') {
      ui.showErrors(form, { username: t('staff.error.exists') });
      return false;
    }
    const details = err.details || {};
    const fields = Object.keys(details).filter((k) => k !== 'violations');
    if (err.status === 400 && fields.length) {
      const errors = {};
      for (const k of fields) {
        const known = FIELD_TEXTS.includes(k) ? t('staff.error.' + k) : null;
        errors[form.elements[k] ? k : ''] = known || String(details[k] || err.message);
      }
      ui.showErrors(form, errors);
      return false;
    }
    throw err;
  }

  function createDialog() {
    const body = [
      ui.field(t('staff.username'), el('input', { name: 'username', autocomplete: 'off', required: true })),
      ui.field(t('staff.displayName'), el('input', { name: 'displayName', required: true })),
      ui.field(t('staff.phone'), el('input', { name: 'phone', type: 'tel' })),
      ui.field(t('staff.roles'), roleSelect(), t('staff.rolesHint')),
      ui.field(t('staff.level'), levelSelect('editor')),
      ui.field(t('staff.areas'), areasInput(), t('staff.areasHint')),
      ui.field(t('staff.initialPassword'), el('input', { name: 'password', type: 'password', autocomplete: 'new-password' }),
        t('staff.initialPasswordHint')),
    ];
    ui.dialog({
      id: 'account-dialog', title: t('staff.new'), body, submitText: t('staff.create'),
      onSubmit: async (form) => {
        const errors = {};
        for (const name of ['username', 'displayName', 'password']) if (!form[name].value.trim()) errors[name] = t('form.required');
        if (!selectedRoles(form).length) errors.roles = t('staff.error.roles');
        if (Object.keys(errors).length) { ui.showErrors(form, errors); return false; }
        try {
          await api('/api/security/accounts', { method: 'POST', body: {
            username: form.username.value.trim(), displayName: form.displayName.value.trim(),
            phone: form.phone.value.trim() || null, roles: selectedRoles(form), level: form.level.value,
            areas: areasOf(form), password: form.password.value,
          } });
        } catch (e) {
          return refusal(form, e, 'password');
        }
        ui.toast(t('staff.created', { user: form.username.value.trim() }), 'ok');
        await table.reload();
        return true;
      },
    }).form.id = 'account-form';
  }

  async function unlock(a) {
    if (!await ui.ask({ id: 'unlock-dialog', title: t('staff.unlock'), text: t('staff.unlockConfirm', { user: a.username }),
      confirmText: t('staff.unlock') })) return;
    try {
      await api('/api/security/accounts/' + encodeURIComponent(a.username) + '/unlock', { method: 'POST' });
      ui.toast(t('staff.unlocked', { user: a.username }), 'ok');
      await table.reload();
    } catch (e) {
      ui.toast(ui.errorText(e), 'error');
    }
  }

  function resetDialog(a) {
    ui.dialog({
      id: 'reset-dialog', title: t('staff.resetTitle', { user: a.username }), submitText: t('staff.reset'),
      body: [el('p', { class: 'muted' }, t('staff.resetText')),
        ui.field(t('staff.newPassword'), el('input', { name: 'password', type: 'password', autocomplete: 'new-password' }))],
      onSubmit: async (form) => {
        if (!form.password.value) { ui.showErrors(form, { password: t('form.required') }); return false; }
        try {
          await api('/api/security/accounts/' + encodeURIComponent(a.username) + '/reset-password', {
            method: 'POST', body: { password: form.password.value } });
        } catch (e) {
          return refusal(form, e, 'password');
        }
        ui.toast(t('staff.resetDone', { user: a.username }), 'ok');
        await table.reload();
        return true;
      },
    });
  }

  function usedDialog(a) {
    ui.dialog({
      id: 'used-dialog', title: t('staff.usedTitle', { user: a.username }), submitText: t('staff.usedRecord'),
      body: [el('p', { class: 'muted' }, t('staff.usedText')),
        ui.field(t('staff.reason'), el('textarea', { name: 'reason' }))],
      onSubmit: async (form) => {
        if (!form.reason.value.trim()) { ui.showErrors(form, { reason: t('form.required') }); return false; }
        try {
          await api('/api/security/accounts/' + encodeURIComponent(a.username) + '/used-by-other', {
            method: 'POST', body: { reason: form.reason.value.trim() } });
        } catch (e) {
          return refusal(form, e);
        }
        ui.toast(t('staff.usedDone', { user: a.username }), 'ok');
        await table.reload();
        return true;
      },
    });
  }

  function changeDialog(a) {
    const kindLine = el('p', { class: 'notice-line', id: 'change-kind' });
    const body = [
      el('p', { class: 'muted' }, t('staff.changeText')),
      ui.field(t('staff.roles'), roleSelect(a.roles || []), t('staff.rolesHint')),
      ui.field(t('staff.level'), levelSelect(a.level)),
      ui.field(t('staff.areas'), areasInput(a.areas), t('staff.areasHint')),
      ui.field(t('staff.reason'), el('textarea', { name: 'reason' })),
      kindLine,
    ];
    const dlg = ui.dialog({
      id: 'change-dialog', title: t('staff.changeTitle', { user: a.username }), submitText: t('staff.changeSubmit'),
      onSubmit: async (form) => {
        const errors = {};
        if (!selectedRoles(form).length) errors.roles = t('staff.error.roles');
        if (!form.reason.value.trim()) errors.reason = t('form.required');
        if (Object.keys(errors).length) { ui.showErrors(form, errors); return false; }
        const payload = { username: a.username, roles: selectedRoles(form), level: form.level.value, areas: areasOf(form),
          reason: form.reason.value.trim() };
        let r;
        try {
          r = await api('/api/approvals', { method: 'POST', body: {
            kind: kindOf(payload), subject: 'account:' + a.username,
            summary: t('staff.changeSummary', { user: a.username, roles: payload.roles.join(', '), level: payload.level }),
            payload: JSON.stringify(payload) } });
        } catch (e) {
          return refusal(form, e);
        }
        ui.toast(t('staff.changeRequested', { id: r.data && r.data.id }), 'ok');
        return true;
      },
      body,
    });
    const form = dlg.form;
    const showKind = () => {
      const special = kindOf({ roles: selectedRoles(form), level: form.level.value }) === 'security.special-permission-change';
      kindLine.textContent = t(special ? 'staff.kind.special' : 'staff.kind.normal');
    };
    form.addEventListener('change', showKind);
    showKind();
  }

  function kindOf(p) {
    return p.level === 'dba' || p.roles.some((r) => SPECIAL_ROLES.includes(r))
      ? 'security.special-permission-change' : 'security.permission-change';
  }

  async function grantsDialog(a) {
    const holder = el('div', { id: 'grants-list' }, el('p', { class: 'muted' }, t('shell.loading')));
    ui.dialog({ id: 'grants-dialog', title: t('staff.grantsTitle', { user: a.username }), body: holder, wide: true });
    try {
      const q = new URLSearchParams({ subject: 'account:' + a.username, action: 'security.grant', limit: '50' });
      const items = (await api('/api/audit?' + q)).data.items || [];
      const grants = ui.dataTable({
        id: 'grants-table', rows: items, sortBy: { column: 0, descending: true }, pageSize: 10, emptyText: t('staff.grantsEmpty'),
        columns: [
          { title: t('audit.time'), value: (e) => formatTime(e.time), sort: (e) => e.sequence },
          { title: t('audit.actor'), value: (e) => e.actor, sort: (e) => e.actor },
          { title: t('audit.details'), value: (e) => e.details || '', class: 'mono' },
        ],
      });
      holder.replaceChildren(grants);
    } catch (e) {
      holder.replaceChildren(el('p', { class: 'form-error' }, ui.errorText(e)));
    }
  }
}
