// Texts and language of the console: zh-CN (default) or English, remembered in localStorage and in the
// wubu_lang cookie (so that pages the server renders, e.g. "module not running", use it too).
const KEY = 'wubu.lang';
let texts = {};

export function currentLang() {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
}

export function setLang(lang) {
  const l = lang === 'en' ? 'en' : 'zh-CN';
  localStorage.setItem(KEY, l);
  document.cookie = 'wubu_lang=' + l + '; Path=/console; SameSite=Strict; Max-Age=31536000';
}

/** Loads every text of the shell and the running pages in the current language. */
export async function loadMessages() {
  setLang(currentLang());
  const resp = await fetch('/console/messages/' + currentLang(), { cache: 'no-cache' });
  texts = resp.ok ? await resp.json() : {};
  document.documentElement.lang = currentLang();
}

/** Whether the current language has a text for the key. */
export function has(key) {
  return Object.prototype.hasOwnProperty.call(texts, key);
}

/** The text of a key with {name} placeholders filled; the key itself when it is missing. */
export function t(key, vars) {
  let s = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
  if (vars) {
    for (const [k, v] of Object.entries(vars)) s = s.split('{' + k + '}').join(String(v));
  }
  return s;
}

/** Fills elements marked data-t (text), data-t-placeholder and data-t-title below root. */
export function applyTexts(root = document) {
  root.querySelectorAll('[data-t]').forEach((e) => { e.textContent = t(e.dataset.t); });
  root.querySelectorAll('[data-t-placeholder]').forEach((e) => { e.placeholder = t(e.dataset.tPlaceholder); });
  root.querySelectorAll('[data-t-title]').forEach((e) => { e.title = t(e.dataset.tTitle); });
}

/** A time the API sent (ISO-8601 with the shop's offset) as the shop's local date and time. */
export function formatTime(iso) {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(iso);
  return m ? m[1] + ' ' + m[2] : iso;
}

/** A money value {amount, currency} as text, e.g. "¥129.00" / "CNY 129.00". */
export function formatMoney(money) {
  if (!money) return '';
  const symbol = money.currency === 'CNY' ? '¥' : money.currency + ' ';
  // the sign goes before the currency: -¥15.36, not ¥-15.36 (the amount is the API's exact decimal text)
  const amount = String(money.amount);
  return amount.startsWith('-') ? '-' + symbol + amount.slice(1) : symbol + amount;
}

/** A role's name in the current language, or the role id when the console does not know it. */
export function roleName(role) {
  const key = 'role.' + role;
  const text = t(key);
  return text === key ? role : text;
}
