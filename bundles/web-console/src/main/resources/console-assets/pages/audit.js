// The audit log: filters, pages of 20 newest first, and the state of the hash chain.
export async function render({ root, api, t, ui, formatTime, health, can }) {
  const { el } = ui;
  root.append(el('h1', {}, t('audit.heading')));
  const chain = el('div', { class: 'panel', id: 'chain-status' }, t('shell.loading'));
  root.append(chain);
  if (can('audit.verify')) {
    api('/api/audit/verify').then(({ data }) => {
      chain.replaceChildren(ui.badge(data.intact ? 'ok' : 'bad', data.intact ? t('audit.intact') : t('audit.broken')), ' ',
        data.intact ? t('audit.checked', { n: data.checked }) : t('audit.firstBroken', { n: data.firstBroken }));
    }).catch((e) => chain.replaceChildren(ui.errorText(e)));
  } else {
    chain.replaceChildren(el('span', { class: 'muted' }, t('audit.noVerify')));
  }

  // The shop's offset from the server's clock, so that dates mean the shop's days.
  const offset = (/([+-]\d{2}:\d{2}|Z)$/.exec(health.time || '') || ['+08:00'])[0];
  const field = (name, title, type = 'text') => el('label', {}, el('span', {}, title), el('input', { name, type }));
  const form = el('form', { class: 'inline', id: 'audit-filter' },
    field('actor', t('audit.actor')), field('subject', t('audit.subject')), field('action', t('audit.action')),
    field('from', t('audit.from'), 'date'), field('to', t('audit.to'), 'date'),
    el('button', { type: 'submit', class: 'primary' }, t('audit.filter')));
  root.append(form);

  const query = () => {
    const p = new URLSearchParams({ limit: '20' });
    for (const name of ['actor', 'subject', 'action']) if (form[name].value.trim()) p.set(name, form[name].value.trim());
    if (form.from.value) p.set('from', form.from.value + 'T00:00:00' + offset);
    if (form.to.value) p.set('to', form.to.value + 'T23:59:59' + offset);
    return p;
  };
  const table = ui.pagedTable({
    id: 'audit-table',
    columns: [
      { title: '#', value: (e) => e.sequence },
      { title: t('audit.time'), value: (e) => formatTime(e.time) },
      { title: t('audit.actor'), value: (e) => e.actor },
      { title: t('audit.action'), value: (e) => e.action },
      { title: t('audit.subject'), value: (e) => e.subject },
      { title: t('audit.details'), value: (e) => e.details || '', class: 'mono' },
    ],
    load: async (cursor) => (await api(cursor || '/api/audit?' + query())).data,
  });
  root.append(table);
  await table.ready;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    table.reload();
  });
}
