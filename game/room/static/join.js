/* Typing the room's code instead of scanning: POST /code, then go to the room's page. */
'use strict';
(() => {
  const T = {
    en: {
      title: 'Join the room', label: 'The room code from the screen', go: 'Join', other: 'Русский', short: 'RU',
      bad_code: 'No room has this code. Check the screen: letters and digits, 4 of them.',
      room_locked: 'The room is locked: ask the facilitator.', too_many_tries: 'Too many tries: wait a minute.',
      short_code: 'The code has 4 characters.', network: 'The laptop does not answer. Are you on its Wi-Fi?',
    },
    ru: {
      title: 'Войти в комнату', label: 'Код комнаты с экрана', go: 'Войти', other: 'English', short: 'EN',
      bad_code: 'Комнаты с таким кодом нет. Посмотрите на экран: 4 буквы и цифры.',
      room_locked: 'Комната закрыта для входа: спросите ведущего.', too_many_tries: 'Слишком много попыток: подождите минуту.',
      short_code: 'В коде 4 знака.', network: 'Ноутбук не отвечает. Вы в его сети Wi-Fi?',
    },
  };
  const $ = (id) => document.getElementById(id);
  let lang = 'en';
  try { lang = localStorage.getItem('tm:lang') || ''; } catch { /* none */ }
  if (lang !== 'ru' && lang !== 'en') {
    lang = (navigator.languages || [navigator.language || 'en']).map((l) => String(l).slice(0, 2).toLowerCase())
      .find((l) => l === 'ru' || l === 'en') || 'en';
  }
  function apply() {
    document.documentElement.lang = lang;
    for (const id of ['title', 'label', 'go']) $(id).textContent = T[lang][id];
    $('lang').textContent = T[lang].short;
    $('lang').setAttribute('aria-label', T[lang].other);
  }
  $('lang').addEventListener('click', () => {
    lang = lang === 'ru' ? 'en' : 'ru';
    try { localStorage.setItem('tm:lang', lang); } catch { /* memory only */ }
    apply();
  });
  $('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const code = $('code').value.trim().toUpperCase();
    const error = $('error');
    error.textContent = '';
    if (code.length !== 4) { error.textContent = T[lang].short_code; return; }
    $('go').disabled = true;
    try {
      const answer = await fetch('/code', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }),
      });
      const body = await answer.json().catch(() => ({}));
      if (answer.ok && typeof body.url === 'string' && body.url.startsWith('/r/')) {
        location.assign(body.url);
        return;
      }
      error.textContent = T[lang][body.code] || T[lang].bad_code;
    } catch {
      error.textContent = T[lang].network;
    } finally {
      $('go').disabled = false;
    }
  });
  apply();
})();
