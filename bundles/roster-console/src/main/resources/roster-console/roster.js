// The duty roster (DUTY-1..3): one week of shifts per day in the shop's zone, who is on duty now and whether
// online service is open; with duty.manage a form to assign a shift (an end before the start means the next
// morning) and a button to remove one, with a reason. REST: GET /api/roster/now, GET /api/roster/shifts?from=&to=,
// POST /api/roster/shifts, DELETE /api/roster/shifts/{id}?reason=.
const ROLES = ['cs-manager', 'cs-agent', 'content-specialist'];
const LOCATIONS = ['head-office', 'restaurant'];

/** 'YYYY-MM-DD' plus n days, computed in UTC so that the browser's own zone plays no part. */
function addDays(day, n) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Monday of the week of a day (ISO weeks, as the server counts them). */
function mondayOf(day) {
  const wd = new Date(day + 'T00:00:00Z').getUTCDay(); // 0 = Sunday
  return addDays(day, wd === 0 ? -6 : 1 - wd);
}

function weekday(day) {
  return new Date(day + 'T00:00:00Z').getUTCDay();
}

/** 'HH:mm' of an ISO time the API sent with the shop's offset. */
function hhmm(iso) {
  return iso ? iso.slice(11, 16) : '';
}

export async function render(ctx) {
  const { root, api, t, ui, can, readOnly, roleName } = ctx;
  const { el } = ui;
  const manage = can('duty.manage') && !readOnly;
  let now = (await api('/api/roster/now')).data;
  const offset = now.at.slice(-6).replace('Z', '+00:00'); // the shop's offset (Asia/Shanghai keeps +08:00 all year)
  let monday = mondayOf(now.today);

  const status = el('div', { class: 'panel', id: 'roster-now' });
  const label = el('strong', { id: 'roster-week' });
  const toolbar = el('div', { class: 'toolbar' },
    el('button', { type: 'button', id: 'roster-prev', onclick: () => go(-7) }, t('roster.week.previous')),
    el('button', { type: 'button', id: 'roster-this', onclick: () => { monday = mondayOf(now.today); refresh(); } }, t('roster.week.this')),
    el('button', { type: 'button', id: 'roster-next', onclick: () => go(7) }, t('roster.week.next')),
    ' ', label);
  const body = el('tbody');
  const table = el('table', { class: 'data', id: 'roster-week-table' }, el('thead', {}, el('tr', {},
    [t('roster.col.day'), t('roster.col.shifts')].map((h) => el('th', {}, h)))), body);

  // The form above the week: toasts show in the lower corner, where they would cover its button.
  root.append(...[el('h1', {}, t('roster.heading')), el('p', { class: 'muted' }, t('roster.intro')), status,
    manage ? assignForm() : null, toolbar, table].filter(Boolean));

  function go(days) {
    monday = addDays(monday, days);
    refresh();
  }

  function drawStatus() {
    const byRole = new Map();
    for (const s of now.onDuty) {
      if (!byRole.has(s.role)) byRole.set(s.role, []);
      byRole.get(s.role).push(s.username);
    }
    status.replaceChildren(
      el('p', {}, t('roster.now.service', { opens: now.serviceHours.opens, closes: now.serviceHours.closes }), ' ',
        ui.badge(now.onlineServiceOpen ? 'ok' : 'bad', now.onlineServiceOpen ? t('roster.now.open') : t('roster.now.closed'))),
      el('p', {}, el('strong', {}, t('roster.now.onDuty')), ' ',
        byRole.size === 0 ? el('span', { class: 'muted' }, t('roster.now.nobody'))
          : el('span', { id: 'roster-on-duty' }, [...byRole.entries()].map(([role, names], i) =>
            [i ? ' · ' : '', roleName(role) + ': ', el('span', { dataset: { role } }, names.join(', '))]))),
      el('p', { class: 'muted' }, t('roster.standard', now.standardHours)));
  }

  async function refresh() {
    const to = addDays(monday, 6);
    label.textContent = monday + ' – ' + to;
    const [week, current] = await Promise.all([api('/api/roster/shifts?from=' + monday + '&to=' + to), api('/api/roster/now')]);
    now = current.data;
    drawStatus();
    const rows = [];
    for (let i = 0; i < 7; i++) {
      const day = addDays(monday, i);
      const shifts = week.data.items.filter((s) => s.start.slice(0, 10) === day);
      const cell = el('td', {}, shifts.length === 0 ? el('span', { class: 'muted' }, t('roster.day.empty')) : el('ul', { class: 'shifts' },
        shifts.map((s) => el('li', { dataset: { shift: s.id, username: s.username, role: s.role } },
          el('strong', {}, hhmm(s.start) + '–' + hhmm(s.end) + (s.end.slice(0, 10) !== day ? ' ' + t('roster.nextDay') : '')), ' ',
          s.username, ' · ', roleName(s.role), ' · ', t('roster.location.' + s.location) === 'roster.location.' + s.location
            ? s.location : t('roster.location.' + s.location),
          now.onDuty.some((o) => o.id === s.id) ? [' ', ui.badge('ok', t('roster.now.badge'))] : null,
          s.note ? [' ', el('small', { class: 'muted' }, s.note)] : null,
          manage ? [' ', el('button', { type: 'button', class: 'small danger remove-shift', dataset: { shift: s.id },
            onclick: () => remove(s) }, t('roster.remove'))] : null))));
      rows.push(el('tr', { dataset: { day }, class: day === now.today ? 'today' : null },
        el('td', {}, el('strong', {}, t('roster.weekday.' + weekday(day))), ' ', day), cell));
    }
    body.replaceChildren(...rows);
  }

  function remove(s) {
    const reason = el('input', { name: 'reason', required: true, maxlength: 500 });
    const dlg = ui.dialog({
      id: 'roster-remove', title: t('roster.remove.title', { who: s.username, when: s.start.slice(0, 10) + ' ' + hhmm(s.start) + '–' + hhmm(s.end) }),
      body: [ui.field(t('roster.remove.reason'), reason)], submitText: t('roster.remove'), danger: true,
      onSubmit: async (form) => {
        if (!reason.value.trim()) {
          ui.showErrors(form, { reason: t('roster.error.reason') });
          return false;
        }
        await api('/api/roster/shifts/' + s.id + '?reason=' + encodeURIComponent(reason.value.trim()), { method: 'DELETE' });
        ui.toast(t('roster.removed'), 'ok');
        return true;
      },
    });
    dlg.closed.then((done) => { if (done) refresh(); });
  }

  function assignForm() {
    const input = (name, attrs) => el('input', { name, ...attrs });
    const username = input('username', { required: true, maxlength: 64, autocomplete: 'off' });
    const role = el('select', { name: 'role' }, ROLES.map((r) => el('option', { value: r }, roleName(r))));
    const location = el('select', { name: 'location' }, LOCATIONS.map((l) => el('option', { value: l }, t('roster.location.' + l))));
    const day = input('day', { type: 'date', required: true, value: now.today });
    const start = input('start', { type: 'time', required: true, value: now.serviceHours.opens });
    const end = input('end', { type: 'time', required: true, value: now.serviceHours.closes });
    const note = input('note', { maxlength: 500 });
    const presets = el('select', { name: 'preset', onchange: () => {
      const v = presets.value;
      if (!v) return;
      const [a, b] = v.split('-');
      start.value = a;
      end.value = b;
    } }, el('option', { value: '' }, t('roster.preset.none')),
    el('option', { value: now.serviceHours.opens + '-' + now.serviceHours.closes }, t('roster.preset.service')),
    el('option', { value: now.standardHours.specialistDaily }, t('roster.preset.specialistDaily')),
    el('option', { value: now.standardHours.specialistSunday }, t('roster.preset.specialistSunday')),
    el('option', { value: now.standardHours.restaurantDaily }, t('roster.preset.restaurant')));
    const submit = el('button', { type: 'submit', class: 'primary', id: 'roster-assign-submit' }, t('roster.assign.submit'));
    const form = el('form', { class: 'panel stack', id: 'roster-assign', novalidate: true },
      el('h2', {}, t('roster.assign.heading')),
      ui.field(t('roster.field.username'), username), ui.field(t('roster.field.role'), role),
      ui.field(t('roster.field.location'), location), ui.field(t('roster.field.day'), day),
      ui.field(t('roster.field.preset'), presets),
      ui.field(t('roster.field.start'), start), ui.field(t('roster.field.end'), end, t('roster.field.endHint')),
      ui.field(t('roster.field.note'), note), el('div', { class: 'dialog-actions' }, submit));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      ui.clearErrors(form);
      const errors = {};
      if (!username.value.trim()) errors.username = t('roster.error.missing');
      if (!day.value) errors.day = t('roster.error.missing');
      if (!start.value) errors.start = t('roster.error.missing');
      if (!end.value) errors.end = t('roster.error.missing');
      if (Object.keys(errors).length) {
        ui.showErrors(form, errors);
        return;
      }
      const endDay = end.value > start.value ? day.value : addDays(day.value, 1);
      submit.disabled = true;
      try {
        await api('/api/roster/shifts', { method: 'POST', body: {
          username: username.value.trim(), role: role.value, location: location.value,
          start: day.value + 'T' + start.value + ':00' + offset, end: endDay + 'T' + end.value + ':00' + offset,
          note: note.value.trim() || null,
        } });
        ui.toast(t('roster.assigned', { who: username.value.trim() }), 'ok');
        note.value = '';
        if (day.value < monday || day.value > addDays(monday, 6)) monday = mondayOf(day.value);
        await refresh();
      } catch (e) {
        if (e.status === 400 && e.details && Object.keys(e.details).length) {
          const shown = {};
          for (const [field, why] of Object.entries(e.details)) {
            const key = 'roster.error.' + why.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '');
            const text = t(key) === key ? why : t(key);
            shown[['username', 'role', 'location', 'start', 'end', 'note'].includes(field) ? field : ''] = text;
          }
          ui.showErrors(form, shown);
        } else if (e.status === 409 && e.code === 'shift-overlap') {
          ui.showErrors(form, { start: t('roster.error.overlap', { who: e.details.username, id: e.details.shiftId,
            from: e.details.start.slice(0, 16).replace('T', ' '), to: e.details.end.slice(11, 16) }) });
        } else {
          ui.showErrors(form, { '': ui.errorText(e) });
        }
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }

  drawStatus();
  await refresh();
}
