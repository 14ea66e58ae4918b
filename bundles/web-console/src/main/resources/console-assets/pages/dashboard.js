// Dashboard: my approvals waiting and overdue, then the tiles that running areas contribute. The two
// approval counts follow the approval events live (Server-Sent Events), without reloading the page.
export async function render({ root, api, t, ui, lang, live, debounce }) {
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
  const inboxTile = tile('inbox', t('dashboard.inbox'), inbox, '/console/approvals');
  const overdueTile = tile('overdue', t('dashboard.overdue'), overdue, '/console/approvals', overdue !== '0' && overdue !== '—');
  tiles.append(inboxTile, overdueTile,
    ...contributed.map((c) => tile(c.id.replace(/[^a-zA-Z0-9_-]/g, '-'), c.title, c.value, c.link)));

  const refresh = debounce(async () => {
    const [i, o] = await Promise.all([count('/api/approvals/inbox'), count('/api/approvals/overdue')]);
    inboxTile.querySelector('.value').textContent = i;
    overdueTile.querySelector('.value').textContent = o;
    overdueTile.classList.toggle('alert', o !== '0' && o !== '—');
  }, 250);
  live('approvals', refresh);
  // after a (re)connection: events sent meanwhile are not repeated, so count again
  let first = true;
  live('ready', () => {
    tiles.dataset.live = 'true';
    if (!first) refresh();
    first = false;
  });
}
