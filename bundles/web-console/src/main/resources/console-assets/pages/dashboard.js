// Dashboard: my approvals waiting and overdue, then the tiles that running areas contribute.
export async function render({ root, api, t, ui, lang }) {
  const { el } = ui;
  root.append(el('h1', {}, t('dashboard.heading')));
  const tiles = el('div', { class: 'tiles', id: 'tiles' });
  root.append(tiles);

  const count = async (path) => {
    try {
      return String((await api(path)).data.items.length);
    } catch (e) {
      return '—';
    }
  };
  const [inbox, overdue, contributed] = await Promise.all([
    count('/api/approvals/inbox'),
    count('/api/approvals/overdue'),
    api('/api/console/tiles?lang=' + lang).then((r) => r.data.items).catch(() => []),
  ]);
  const tile = (id, title, value, link, alert) => el(link ? 'a' : 'div', {
    class: 'tile' + (alert ? ' alert' : ''), id: 'tile-' + id, href: link || undefined,
  }, el('span', { class: 'value' }, value == null ? '—' : value), el('span', { class: 'title' }, title));
  tiles.append(
    tile('inbox', t('dashboard.inbox'), inbox, '/console/approvals'),
    tile('overdue', t('dashboard.overdue'), overdue, '/console/approvals', overdue !== '0' && overdue !== '—'),
    ...contributed.map((c) => tile(c.id.replace(/[^a-zA-Z0-9_-]/g, '-'), c.title, c.value, c.link)));
}
