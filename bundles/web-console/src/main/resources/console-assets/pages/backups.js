// Backups (DB-1): every backup with its size, tables, rows and audit head; run one now and verify one
// (backup.manage, not for reader-level accounts); and how to restore, step by step. The list follows
// the backup events live.
export async function render({ root, api, t, ui, formatTime, can, readOnly, live, debounce }) {
  const { el } = ui;
  const manage = can('backup.manage') && !readOnly;
  root.append(el('h1', {}, t('backups.heading')));
  const status = el('div', { id: 'backups-status' });
  root.append(status);
  const result = el('div', { id: 'verify-result', 'aria-live': 'polite' });

  let available = true;
  const load = async () => {
    const r = await api('/api/backups', { allow: [404] });
    if (r.status === 404) {
      available = false;
      status.replaceChildren(el('div', { class: 'panel notice-line', id: 'backups-unavailable' }, t('backups.unavailable')));
      return [];
    }
    return (r.data && r.data.items) || [];
  };

  const verify = async (b, button) => {
    button.disabled = true;
    result.replaceChildren(el('div', { class: 'panel' }, t('backups.verifying', { name: b.name })));
    try {
      const v = (await api('/api/backups/' + encodeURIComponent(b.name) + '/verify', { method: 'POST' })).data;
      result.replaceChildren(el('div', { class: 'panel', dataset: { name: v.name, ok: String(!!v.ok) } },
        ui.badge(v.ok ? 'ok' : 'bad', v.ok ? t('backups.verifyOk') : t('backups.verifyBad')), ' ',
        t('backups.verifiedName', { name: v.name }),
        v.problems && v.problems.length ? el('ul', { class: 'problems' }, v.problems.map((p) => el('li', {}, String(p)))) : null));
    } catch (e) {
      result.replaceChildren(el('div', { class: 'panel form-error' }, ui.errorText(e)));
    } finally {
      button.disabled = false;
    }
  };

  const table = ui.dataTable({
    id: 'backups-table',
    sortBy: { column: 1, descending: true },
    emptyText: t('backups.empty'),
    columns: [
      { title: t('backups.name'), value: (b) => el('span', { class: 'mono' }, b.name), sort: (b) => b.name },
      { title: t('backups.takenAt'), value: (b) => formatTime(b.takenAt), sort: (b) => b.takenAt },
      { title: t('backups.trigger'), value: (b) => t('backups.trigger.' + b.trigger) === 'backups.trigger.' + b.trigger
        ? b.trigger : t('backups.trigger.' + b.trigger), sort: (b) => b.trigger },
      { title: t('backups.size'), value: (b) => ui.formatBytes(b.sizeBytes), sort: (b) => Number(b.sizeBytes) },
      { title: t('backups.tables'), value: (b) => b.tables, sort: (b) => Number(b.tables) },
      { title: t('backups.rows'), value: (b) => b.rows, sort: (b) => Number(b.rows) },
      { title: t('backups.auditHead'), value: (b) => b.auditHeadSequence, sort: (b) => Number(b.auditHeadSequence) },
      { title: t('backups.actions'), value: (b) => (manage ? el('button', {
        type: 'button', class: 'small verify', dataset: { name: b.name }, onclick: (ev) => verify(b, ev.currentTarget),
      }, t('backups.verify')) : '') },
    ],
    load,
  });

  if (manage) {
    const run = el('button', { type: 'button', class: 'primary', id: 'backup-run' }, t('backups.run'));
    const running = el('span', { class: 'muted', id: 'backup-running', hidden: true }, t('backups.running'));
    run.addEventListener('click', async () => {
      run.disabled = true;
      running.hidden = false;
      try {
        const b = (await api('/api/backups', { method: 'POST' })).data;
        ui.toast(t('backups.done', { name: b.name }), 'ok');
        await table.reload();
      } catch (e) {
        ui.toast(ui.errorText(e), 'error');
      } finally {
        run.disabled = !available;
        running.hidden = true;
      }
    });
    root.append(el('div', { class: 'toolbar' }, run, running));
    table.ready.then(() => { run.disabled = !available; });
  }
  root.append(table, result);

  // How to restore: the procedure of the operations guide (README "Backups and restore").
  const steps = [
    [t('backups.restore.step1'), t('backups.restore.code1')],
    [t('backups.restore.step2'), t('backups.restore.code2')],
    [t('backups.restore.step3'), t('backups.restore.code3')],
    [t('backups.restore.step4'), t('backups.restore.code4')],
  ].map(([text, code]) => el('li', {}, text, el('pre', { class: 'payload' }, code)));
  root.append(el('section', { class: 'panel', id: 'restore-procedure' },
    el('h2', {}, t('backups.restore.heading')),
    el('p', {}, t('backups.restore.intro')),
    el('ol', {}, steps),
    el('p', { class: 'muted' }, t('backups.restore.note'))));

  await table.ready;
  if (available) live('backups', debounce(() => table.reload().catch(() => {}), 500));
}
