// The login page: username and password, then back to where the user was (?next=), or to the
// password form when the account must change its password first.
import { login, api } from './kit/api.js';
import { t, loadMessages, applyTexts, currentLang, setLang } from './kit/i18n.js';

function target() {
  const next = new URLSearchParams(location.search).get('next');
  // Only console paths: never an open redirect to another site.
  return next && next.startsWith('/console/') && !next.startsWith('/console/login') && !next.includes('//') ? next : '/console/';
}

async function main() {
  await loadMessages();
  applyTexts();
  const params = new URLSearchParams(location.search);
  const reason = params.get('reason');
  const notice = document.getElementById('login-notice');
  if (reason === 'expired' || reason === 'logout') {
    notice.textContent = t(reason === 'expired' ? 'login.expired' : 'login.loggedOut');
    notice.hidden = false;
  }
  const lang = document.getElementById('lang');
  lang.value = currentLang();
  lang.addEventListener('change', () => { setLang(lang.value); location.reload(); });
  api('/api/health', { allow: [503] }).then((r) => {
    if (r.data && r.data.shop) {
      document.getElementById('shop').textContent = r.data.shop;
      document.title = r.data.shop;
    }
  }).catch(() => {});

  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');
  const submit = document.getElementById('login-submit');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.hidden = true;
    const username = form.username.value.trim();
    const password = form.password.value;
    if (!username || !password) {
      error.textContent = t('login.missing');
      error.hidden = false;
      return;
    }
    submit.disabled = true;
    try {
      const result = await login(username, password);
      if (result.ok) {
        location.assign(result.user && result.user.mustChangePassword ? '/console/account?forced=1' : target());
        return;
      }
      error.textContent = result.status === 429 ? t('login.throttled') + (result.message ? ' ' + result.message : '')
          : t('login.failed');
      error.hidden = false;
    } catch (e) {
      error.textContent = t('error.network');
      error.hidden = false;
    } finally {
      submit.disabled = false;
    }
    form.password.value = '';
    form.password.focus();
  });
}

main();
