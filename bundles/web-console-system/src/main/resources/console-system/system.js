// System: overall health, every check, and the Wubu bundles with state and version (GET /api/health).
export async function render({ root, api, t, ui, formatTime }) {
  const { el } = ui;
  const h = (await api('/api/health', { allow: [503] })).data;
  root.append(el('h1', {}, t('system.heading')),
    el('div', { class: 'panel', id: 'system-summary' }, el('dl', { class: 'facts' },
      el('dt', {}, t('system.status')), el('dd', {}, ui.badge(h.status, h.status)),
      h.reason ? [el('dt', {}, t('system.reason')), el('dd', {}, h.reason)] : null,
      el('dt', {}, t('system.version')), el('dd', {}, h.version),
      el('dt', {}, t('system.mode')), el('dd', {}, h.mode),
      el('dt', {}, t('system.time')), el('dd', {}, formatTime(h.time)))));
  const table = (id, heads, rows) => el('table', { class: 'data', id },
    el('thead', {}, el('tr', {}, heads.map((x) => el('th', {}, x)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c))))));
  const checks = Object.entries(h.checks || {}).map(([name, c]) => [name, ui.badge(c.status, c.status), c.reason || '']);
  const bundles = Object.entries(h.bundles || {}).map(([name, text]) => {
    const [state, version] = String(text).split(' ');
    return [name, ui.badge(state, state), version || ''];
  });
  root.append(el('h2', {}, t('system.checks')),
    table('system-checks', [t('system.check'), t('system.state'), t('system.detail')], checks),
    el('h2', {}, t('system.bundles')),
    table('system-bundles', [t('system.bundle'), t('system.state'), t('system.bundleVersion')], bundles));
}
