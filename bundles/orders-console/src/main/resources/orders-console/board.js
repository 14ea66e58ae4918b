// The live order board (ORD-1) and, below /orders/{id}, the order page (order.js). The board shows the
// counts per state and the newest orders; any wubu/orders/* event on the console's stream refreshes it
// within a second (debounced bursts: intake posts CREATED, ACCEPTED and the payment check at once). New
// orders flash and, when the user switched it on, beep (WebAudio, no file); accepted orders count down
// their confirmation time and turn red when it ran out (ORD-2).
// REST: GET /api/orders?state=&limit= (counts: one page of at most 200 per state, "200+" beyond),
// GET /api/orders?limit=25, GET /api/orders/confirmations?limit=200.
import { useStyles, STATES, money, orderLink, stateBadge, kindText, confirmationClock, tick } from './common.js';

const SOUND = 'wubu.orders.sound';
const NEWEST = 25;
const COUNT_PAGE = 200;
const FRESH_MS = 10000;
let audio = null;

function beep() {
  try {
    audio = audio || new (window.AudioContext || window.webkitAudioContext)();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.4);
  } catch (e) {
    // no audio here (e.g. a browser policy): the visual cue is enough
  }
}

export async function render(ctx) {
  useStyles();
  const id = /^\/(\d+)$/.exec(ctx.sub || '');
  if (id) {
    const order = await import('./order.js');
    await order.render(ctx, Number(id[1]));
    return;
  }
  await board(ctx);
}

async function board(ctx) {
  const { root, api, t, ui, formatTime, formatMoney, live, debounce } = ctx;
  const { el } = ui;
  const params = new URLSearchParams(location.search);
  let filter = STATES.includes(params.get('state')) ? params.get('state') : '';
  const sound = el('input', { type: 'checkbox', id: 'board-sound', checked: localStorage.getItem(SOUND) === '1' });
  sound.addEventListener('change', () => {
    localStorage.setItem(SOUND, sound.checked ? '1' : '0');
    if (sound.checked) beep(); // the click lets the browser start audio; the user hears what to expect
  });
  const liveState = el('span', { class: 'live-state muted', id: 'board-live' }, t('orders.board.connecting'));
  const counts = el('div', { id: 'state-counts' });
  const body = el('tbody');
  const table = el('table', { class: 'data', id: 'board-orders' }, el('thead', {}, el('tr', {},
    [t('orders.col.id'), t('orders.col.created'), t('orders.col.customer'), t('orders.col.total'), t('orders.col.lines'),
      t('orders.col.state'), t('orders.col.due'), t('orders.col.flags')].map((h, i) =>
      el('th', { scope: 'col', class: i === 3 || i === 4 ? 'num' : undefined }, h)))), body);
  const empty = el('p', { class: 'empty', hidden: true }, t('orders.board.empty'));
  const listTitle = el('h2', {});
  const boardEl = el('div', { id: 'order-board', dataset: { refreshed: '0' } },
    el('div', { class: 'board-bar' }, el('label', {}, sound, t('orders.board.sound')), liveState),
    counts, listTitle, table, empty);
  root.append(el('h1', {}, t('orders.board.heading')), el('p', { class: 'muted' }, t('orders.board.intro')), boardEl);

  let known = null; // ids shown so far; null before the first load (nothing is "new" then)
  let maxId = 0;
  let confirmations = confirmationClock(null);
  let refreshes = 0;
  const freshUntil = new Map(); // new orders keep their cue for a while, even when an event redraws the list

  async function count(state) {
    const page = (await api('/api/orders?state=' + state + '&limit=' + COUNT_PAGE)).data;
    return { state, n: page.items.length, more: !!page.next, overdue: page.items.filter((o) => o.confirmationOverdue).length };
  }

  function drawCounts(list) {
    counts.replaceChildren(...list.filter((c) => c.n > 0 || c.state !== 'NEW').map((c) => el('a', {
      href: '/console/orders' + (c.state === filter ? '' : '?state=' + c.state), id: 'count-' + c.state,
      class: [c.state === filter ? 'active' : '', c.overdue ? 'has-overdue' : ''].join(' ').trim() || undefined,
      dataset: { state: c.state, count: c.n },
      onclick: (ev) => { ev.preventDefault(); filter = c.state === filter ? '' : c.state;
        history.replaceState(null, '', '/console/orders' + (filter ? '?state=' + filter : '')); refresh(); },
    }, el('span', { class: 'n' }, c.n + (c.more ? '+' : '')), t('orders.state.' + c.state),
    c.overdue ? el('small', { class: 'muted' }, ' · ' + t('orders.board.overdueCount', { n: c.overdue })) : null)));
  }

  function row(o, fresh) {
    const due = el('span', { class: 'countdown' });
    const tr = el('tr', { class: fresh ? 'fresh' : undefined, dataset: { order: o.id, state: o.state } },
      el('td', {}, orderLink(ui, o.id)),
      el('td', {}, formatTime(o.createdAt)),
      el('td', {}, o.customerName),
      el('td', { class: 'num' }, money(formatMoney, o.total)),
      el('td', { class: 'num' }, String(o.lineCount)),
      el('td', {}, stateBadge(ui, t, o.state)),
      el('td', {}, due),
      el('td', { class: 'flags' },
        o.confirmationOverdue ? ui.badge('bad', t('orders.flag.overdue')) : null,
        o.paymentFlagged ? ui.badge('bad', t('orders.flag.payment')) : null,
        o.hasNotes ? ui.badge('PENDING', t('orders.flag.notes')) : null));
    tr.tickDue = () => {
      const left = o.state === 'ACCEPTED' ? confirmations.secondsLeft(o.id) : null;
      const over = tick(t, due, left);
      tr.classList.toggle('overdue', o.confirmationOverdue && o.state === 'ACCEPTED' || over);
    };
    tr.tickDue();
    return tr;
  }

  async function refresh() {
    let list;
    let countList;
    try {
      const [page, conf, ...c] = await Promise.all([
        api('/api/orders?limit=' + NEWEST + (filter ? '&state=' + filter : '')),
        api('/api/orders/confirmations?limit=200').catch(() => ({ data: null })),
        ...STATES.map(count),
      ]);
      list = page.data.items;
      confirmations = confirmationClock(conf.data);
      countList = c;
    } catch (e) {
      ui.toast(ui.errorText(e), 'error');
      return;
    }
    drawCounts(countList);
    listTitle.textContent = filter ? t('orders.board.newestIn', { state: t('orders.state.' + filter) }) : t('orders.board.newest');
    const fresh = known ? list.filter((o) => !known.has(o.id) && o.id > maxId) : [];
    const now = Date.now();
    fresh.forEach((o) => freshUntil.set(o.id, now + FRESH_MS));
    body.replaceChildren(...list.map((o) => row(o, (freshUntil.get(o.id) || 0) > now)));
    empty.hidden = list.length > 0;
    table.hidden = list.length === 0;
    known = known || new Set();
    list.forEach((o) => { known.add(o.id); maxId = Math.max(maxId, o.id); });
    if (fresh.length) {
      ui.toast(t('orders.board.newOrder', { ids: fresh.map((o) => '#' + o.id).join(', ') }), 'ok');
      if (sound.checked) beep();
    }
    boardEl.dataset.refreshed = String(++refreshes);
  }

  const soon = debounce(refresh, 150);
  live('orders', (d) => {
    liveState.textContent = t('orders.board.lastEvent', { kind: kindText(t, d && d.event), id: d && d.orderId });
    soon();
  });
  live('ready', () => { liveState.textContent = t('orders.board.live'); soon(); });
  const timer = setInterval(() => {
    if (!document.contains(boardEl)) { clearInterval(timer); return; }
    body.querySelectorAll('tr').forEach((tr) => tr.tickDue && tr.tickDue());
  }, 1000);
  await refresh();
}
