// The console's frame: who is logged in, the language switch, the menu from GET /api/console/menu
// (pages of the bundles that run now, filtered by permission) and the page module for the URL.
import { api, whoami, logout, hasPermission, loginUrl } from './kit/api.js';
import { t, loadMessages, applyTexts, currentLang, setLang, formatTime, formatMoney, roleName } from './kit/i18n.js';
import * as ui from './kit/ui.js';
import { live, stopLive, debounce } from './kit/live.js';

const content = document.getElementById('content');

function route() {
  const p = location.pathname.replace(/\/+$/, '');
  return p === '/console' || p === '' ? '/console/dashboard' : p;
}

function findPage(groups, path) {
  let best = null;
  for (const g of groups) {
    for (const item of g.items) {
      if ((path === item.path || path.startsWith(item.path + '/')) && (!best || item.path.length > best.path.length)) best = item;
    }
  }
  return best;
}

function drawMenu(groups, current) {
  const nav = document.getElementById('menu');
  nav.replaceChildren(...groups.map((g) => ui.el('section', { class: 'group', dataset: { group: g.id } },
    ui.el('h2', {}, g.title),
    g.items.map((item) => ui.el('a', {
      href: item.path, id: 'menu-' + item.id.replace(/[^a-zA-Z0-9_-]/g, '-'),
      class: current && current.id === item.id ? 'active' : undefined,
      dataset: { page: item.id },
    }, ui.icon(item.icon), ui.el('span', {}, item.title))))));
}

async function main() {
  await loadMessages();
  applyTexts();
  const langSelect = document.getElementById('lang');
  langSelect.value = currentLang();
  langSelect.addEventListener('change', () => { setLang(langSelect.value); location.reload(); });
  document.getElementById('logout').addEventListener('click', async () => {
    stopLive();
    await logout();
    location.assign('/console/login?reason=logout');
  });

  const user = await whoami();
  if (user.mustChangePassword && route() !== '/console/account') {
    location.assign('/console/account?forced=1');
    return;
  }
  document.getElementById('user').textContent = user.username;
  document.getElementById('roles').textContent = user.roles.map(roleName).join(', ');

  const [menu, health] = await Promise.all([
    api('/api/console/menu?lang=' + currentLang()),
    api('/api/health', { allow: [503] }).catch(() => ({ data: {} })),
  ]);
  const shop = (health.data && health.data.shop) || 'Wubu';
  document.getElementById('shop').textContent = shop;
  const groups = menu.data.groups;
  const path = route();
  const page = findPage(groups, path);
  drawMenu(groups, page);
  if (!page) {
    document.title = shop;
    content.replaceChildren(ui.el('div', { class: 'panel', id: 'no-access' },
      ui.el('h1', {}, t('shell.noAccess.title')), ui.el('p', {}, t('shell.noAccess.text'))));
    return;
  }
  document.title = page.title + ' · ' + shop;
  content.replaceChildren();
  content.dataset.page = page.id;
  let module;
  try {
    module = await import(page.script);
  } catch (e) {
    content.replaceChildren(ui.el('div', { class: 'panel', id: 'page-failed' },
      ui.el('h1', {}, t('shell.pageFailed.title')), ui.el('p', {}, t('shell.pageFailed.text'))));
    return;
  }
  await module.render({
    root: content, page, path, sub: path.slice(page.path.length), user, lang: currentLang(), shop, health: health.data || {},
    api, t, ui, formatTime, formatMoney, roleName, can: (permission) => hasPermission(user, permission),
    live, debounce,
    // A reader-level account holds read permissions only: pages show it no buttons that change anything.
    readOnly: !user.permissions.some((p) => !p.endsWith('.read')),
  });
  content.dataset.ready = 'true';
}

main().catch((e) => {
  if (e && e.status === 401) return; // on the way to the login page
  content.replaceChildren(ui.el('div', { class: 'panel', id: 'shell-error' },
    ui.el('h1', {}, t('shell.error.title')), ui.el('p', {}, ui.errorText(e))));
  if (!sessionStorage.length && e && e.status === 0) location.assign(loginUrl());
});
