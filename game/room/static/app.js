/* The phone page of a Technomagic room: join, see the step, send ideas, check, vote, promise, take the list home.
   Plain JS, no framework, nothing from outside the laptop. User text only ever goes in through textContent. */
'use strict';
(() => {
  const IDEA_CHARS = 500, NAME_CHARS = 40, PROMISE_CHARS = 300; // game/domain/limits.py
  const IDEA_KINDS = ['moment', 'obstacle', 'lens', 'magic'];

  const T = { // every word of the page, as [English, Russian]
    no_answer: [
      "The laptop does not answer yet. Is this phone on the room's Wi-Fi?",
      'Ноутбук пока не отвечает. Этот телефон в Wi-Fi комнаты?',
    ],
    over: ['The workshop is over', 'Воркшоп закончился'],
    brand: ['Technomagic', 'Техномагия'],
    connecting: ['Connecting to the room…', 'Подключаемся к комнате…'],
    stop_title: ['Cannot join', 'Не получается войти'],
    retry: ['Try again', 'Попробовать снова'],
    name_title: ['Your name', 'Ваше имя'],
    name_hint: ['Your team will see it next to your ideas.', 'Команда увидит его рядом с вашими идеями.'],
    name_label: ['Name', 'Имя'],
    next: ['Next', 'Дальше'],
    team_title: ['Your team', 'Ваша команда'],
    team_hint: ['Pick the team you sit with.', 'Выберите команду, с которой сидите.'],
    team_fixed: ['The facilitator put you in this team:', 'Ведущий определил вас в команду:'],
    team_change: ['Change team', 'Сменить команду'],
    ideas_title: ['Our ideas', 'Наши идеи'],
    idea_label: ['Your idea', 'Ваша идея'],
    send: ['Send', 'Отправить'],
    ideas_empty: ['No ideas yet: yours can be the first.', 'Идей пока нет: ваша может стать первой.'],
    check_title: ['Human check', 'Проверка на человечность'],
    vote_title: ['Dot voting', 'Голосование точками'],
    ranking: ["The room's choice", 'Выбор комнаты'],
    promise_title: ['Promises', 'Обещания'],
    promise_hint: [
      'Each chosen idea becomes a promise: who, by when, the first step.',
      'Каждая выбранная идея становится обещанием: кто, к какому сроку, первый шаг.',
    ],
    end_title: ['Take the list home', 'Заберите список с собой'],
    end_hint: ["The session's ideas, to keep on this phone.", 'Идеи этой сессии — сохраните их на телефон.'],
    step_of: ['Step {0} of {1}', 'Шаг {0} из {1}'],
    you: ['you', 'вы'],
    sending: ['sending…', 'отправляется…'],
    waiting_net: ['waiting for the network…', 'ждёт сети…'],
    edit: ['Edit', 'Изменить'],
    save: ['Save', 'Сохранить'],
    cancel: ['Cancel', 'Отмена'],
    del: ['Delete', 'Удалить'],
    del_sure: ['Delete for good?', 'Удалить насовсем?'],
    edit_label: ['Edit your idea', 'Измените свою идею'],
    chars_left: ['Characters left: {0}', 'Осталось знаков: {0}'],
    too_long: ['Too long: {0} over the limit.', 'Слишком длинно: лишних знаков {0}.'],
    offline: ['Offline: reconnecting…', 'Нет связи: переподключаемся…'],
    story: ['Example story', 'Пример истории'],
    hide_story: ['Hide the story', 'Скрыть историю'],
    dots_left: ['{0} of {1} dots left', 'Осталось точек: {0} из {1}'],
    cap_hint: ['At most {0} dots on one idea.', 'Не больше {0} точек на одну идею.'],
    no_own: ['Not on your own team’s ideas.', 'За идеи своей команды голосовать нельзя.'],
    hidden_votes: [
      'Votes stay hidden until the facilitator reveals them.',
      'Голоса скрыты, пока ведущий их не откроет.',
    ],
    closed_votes: ['Voting is over.', 'Голосование закончено.'],
    more: ['Add a dot to: {0}', 'Добавить точку: {0}'],
    less: ['Take a dot from: {0}', 'Снять точку: {0}'],
    your_dots: ['Your dots on this idea', 'Ваши точки на этой идее'],
    dots_n: ['Dots: {0}', 'Точек: {0}'],
    team_idea: ['your team', 'ваша команда'],
    who: ['Who', 'Кто'],
    due: ['By when', 'К какому сроку'],
    first_step: ['First step', 'Первый шаг'],
    saved: ['Saved.', 'Сохранено.'],
    not_yet: ['not yet filled in', 'пока не заполнено'],
    md: ['Ideas as Markdown (.md)', 'Идеи в Markdown (.md)'],
    csv: ['Ideas as a table (.csv)', 'Идеи таблицей (.csv)'],
    report: ['The workshop report', 'Отчёт о воркшопе'],
    break_on: ['Break: {0}. The room will go on after it.', 'Перерыв: {0}. Потом комната продолжит.'],
    timer_label: ['Time left: {0}', 'Осталось времени: {0}'],
    time_up: ['Time is up', 'Время вышло'],
    lost_ws: ['The room closed this connection.', 'Комната закрыла это подключение.'],
    bad_token: [
      'This room is no longer open. Scan the code on the screen again.',
      'Эта комната уже закрыта. Отсканируйте код на экране ещё раз.',
    ],
    no_ideas_step: [
      'Listen to the facilitator: ideas come on the next steps.',
      'Слушайте ведущего: идеи — на следующих шагах.',
    ],
    deleted: ['Idea deleted.', 'Идея удалена.'],
    kept: ['What you typed is kept for the next idea step.', 'Текст сохранён до следующего шага с идеями.'],
    lang_other: ['Русский', 'English'],
    lang_short: ['RU', 'EN'],
    me_team: ['{0} · team {1}', '{0} · команда {1}'],
    team_only: ['Team {0}', 'Команда {0}'],
    errors: { // a refusal the laptop sent without a message of its own
      too_fast: ['Slow down a little: at most 5 ideas a second.', 'Чуть медленнее: не больше 5 идей в секунду.'],
      wrong_step: ['This step is over.', 'Этот шаг уже закончился.'],
      no_dots_left: ['No dots left.', 'Точек больше нет.'],
      idea_cap: [
        'This idea already has as many of your dots as it may.',
        'На этой идее уже столько ваших точек, сколько можно.',
      ],
      own_idea: ['Not on your own team’s idea.', 'За идею своей команды голосовать нельзя.'],
      votes_closed: ['Voting is over.', 'Голосование закончено.'],
      not_yours: ['That idea is not yours.', 'Это не ваша идея.'],
      room_locked: ['The room is locked: ask the facilitator.', 'Комната закрыта для входа: спросите ведущего.'],
      room_full: ['The room is full.', 'Комната заполнена.'],
      removed: ['The facilitator removed this phone from the room.', 'Ведущий убрал этот телефон из комнаты.'],
      ended: ['The workshop is over.', 'Воркшоп закончился.'],
      empty: ['Type something first.', 'Сначала напишите что-нибудь.'],
      too_long: ['Too long.', 'Слишком длинно.'],
      unknown_team: ['No such team.', 'Такой команды нет.'],
      needs_name: ['Type your name first.', 'Сначала напишите имя.'],
      team_fixed: ['The facilitator chose your team.', 'Команду выбрал ведущий.'],
    },
  };

  const $ = (id) => document.getElementById(id);
  const fmt = (s, ...v) => s.replace(/\{(\d)\}/g, (_, i) => String(v[+i]));
  const room = location.pathname.replace(/[^/]*$/, ''); // /r/TOKEN/: keys below are per room
  const store = {
    get(key, fallback) {
      try {
        const v = localStorage.getItem(`tm${room}${key}`);
        return v === null ? fallback : JSON.parse(v);
      } catch { return fallback; }
    },
    set(key, value) {
      try { localStorage.setItem(`tm${room}${key}`, JSON.stringify(value)); } catch { /* private mode: memory only */ }
    },
    del(key) { try { localStorage.removeItem(`tm${room}${key}`); } catch { /* nothing stored */ } },
  };

  function pickLang() {
    let saved = null;
    try { saved = localStorage.getItem('tm:lang'); } catch { /* none */ }
    if (saved === 'ru' || saved === 'en') return saved;
    const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
    for (const l of wanted) {
      const code = String(l).slice(0, 2).toLowerCase();
      if (code === 'ru' || code === 'en') return code;
    }
    return 'en';
  }

  let lang = pickLang();
  const word = (pair) => (pair ? pair[lang === 'ru' ? 1 : 0] : undefined);
  const t = (key) => word(T[key]) ?? key;

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function button(text, cls, onClick, label) {
    const b = el('button', cls, text);
    b.type = 'button';
    if (label) b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  }
  function newId() {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes); // unlike randomUUID, works on a plain-http LAN page
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // ---- what the page knows ----------------------------------------------------------------------------------
  let me = null; // the last welcome
  let state = null; // the last state
  let shownVersion = -1;
  let queue = store.get('queue', []); // ideas sent but not acknowledged: [{cid, text}]
  let nameGiven = false;
  let pendingJoin = null;
  let joinRefused = false;
  let choosingTeam = false;
  let editing = null; // {id, text} while one's own idea is being edited
  const arrived = new Map(); // ideas acknowledged, not yet in the laptop's list: idea id -> text
  let confirmDelete = null;
  const promiseDrafts = store.get('promises', {});
  let stopMessage = '';
  let stopped = false;

  // ---- the connection ---------------------------------------------------------------------------------------
  let ws = null, attempt = 0, retryTimer = 0, lastHeard = 0, everConnected = false;

  function connect() {
    clearTimeout(retryTimer);
    if (stopped || (ws && ws.readyState <= 1)) return;
    const url = new URL('ws', location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    let sock;
    try { sock = new WebSocket(url.href); } catch { retry(); return; }
    ws = sock;
    sock.onopen = () => {
      lastHeard = Date.now();
      raw({ type: 'hello', device: store.get('device', null), lang });
    };
    sock.onmessage = (e) => {
      if (sock !== ws) return;
      lastHeard = Date.now();
      let msg;
      try { msg = JSON.parse(e.data); } catch { return; }
      if (msg && typeof msg === 'object') handle(msg);
    };
    sock.onclose = (e) => {
      if (sock !== ws) return;
      ws = null;
      me = me && { ...me, online: false };
      if (e.code === 4403 || e.code === 4404) {
        stop(stopMessage || (e.code === 4404 ? t('bad_token') : t('lost_ws')));
        return;
      }
      showNet();
      retry();
    };
  }
  function retry() {
    clearTimeout(retryTimer);
    const delay = Math.min(5000, 500 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
    attempt += 1;
    $('no-answer').hidden = everConnected || attempt < 3; // on mobile data, not the room's network?
    retryTimer = setTimeout(connect, delay);
  }
  function drop() { // a socket that went silent: forget it and dial again now
    if (!ws) return;
    const dead = ws;
    ws = null;
    dead.onclose = null;
    try { dead.close(); } catch { /* already gone */ }
    showNet();
    attempt = 0;
    connect();
  }
  function ready() { return ws && ws.readyState === 1 && me && me.online; }
  function raw(msg) {
    if (!ws || ws.readyState !== 1) return false;
    ws.send(JSON.stringify(msg));
    return true;
  }
  function send(msg) { return ready() ? raw(msg) : false; }

  setInterval(() => { // a phone that slept or lost Wi-Fi often keeps a dead socket: ping, and redial when silent
    if (!ws || ws.readyState !== 1) return;
    if (Date.now() - lastHeard > 12000) drop();
    else raw({ type: 'ping' });
  }, 5000);
  window.addEventListener('online', () => { attempt = 0; if (!ws) connect(); });
  window.addEventListener('offline', () => { if (ws) drop(); });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return;
    attempt = 0;
    if (!ws) connect();
    else if (Date.now() - lastHeard > 15000) drop(); // slept: the socket is likely dead, dial at once
    else raw({ type: 'ping' });
  });
  window.addEventListener('pageshow', () => { if (!ws) connect(); });

  function stop(message) {
    stopped = true;
    stopMessage = message;
    clearTimeout(retryTimer);
    route();
  }

  // ---- messages from the laptop -----------------------------------------------------------------------------
  function handle(msg) {
    switch (msg.type) {
      case 'welcome': return welcome(msg);
      case 'state': return onState(msg);
      case 'ideas': return onIdeas(msg);
      case 'ack': return onAck(msg);
      case 'refused': return onRefused(msg);
      default: return undefined; // pong and anything newer
    }
  }

  function welcome(msg) {
    me = { ...msg, online: true };
    everConnected = true;
    attempt = 0;
    shownVersion = -1; // a restarted laptop counts again from the start
    if (typeof msg.device === 'string') store.set('device', msg.device);
    if (msg.lang && msg.lang !== lang && (msg.lang === 'ru' || msg.lang === 'en')) raw({ type: 'lang', lang });
    showNet();
    flushQueue();
    route();
  }

  let resendTimer = 0;
  function flushQueue() {
    for (const item of queue) raw({ type: 'idea', cid: item.cid, ref: item.cid, text: item.text });
  }

  function join(name, team) {
    pendingJoin = { name, team };
    raw({ type: 'join', ref: 'join', name, team });
  }

  function onState(msg) {
    if (typeof msg.version === 'number' && msg.version < shownVersion) return;
    shownVersion = typeof msg.version === 'number' ? msg.version : shownVersion;
    const stepChanged = !state || !msg.step || !state.step || state.step.id !== msg.step.id;
    if (state && stepChanged && !editing) window.scrollTo(0, 0); // a new step starts at its title
    state = msg;
    if (!Array.isArray(state.ideas)) state.ideas = [];
    if (me && typeof msg.team === 'string') me = { ...me, team: msg.team };
    if (me && typeof msg.anonymous === 'boolean') me = { ...me, anonymous: msg.anonymous };
    if (me && typeof msg.name === 'string' && msg.name) me = { ...me, name: msg.name };
    arrived.clear(); // every message after an ack carries the laptop's list with that idea in it
    if (stepChanged) {
      editing = null;
      confirmDelete = null;
      $('idea-error').textContent = '';
      $('vote-error').textContent = '';
    }
    if (state.joined) choosingTeam = choosingTeam && !me.team_fixed;
    startTimer();
    route();
  }

  function onIdeas(msg) { // a change to the ideas only: upsert and remove by id
    if (!state) return;
    if (typeof msg.version === 'number') {
      if (msg.version < shownVersion) return;
      shownVersion = msg.version;
    }
    arrived.clear();
    const byId = new Map((state.ideas || []).map((i) => [i.id, i]));
    for (const id of msg.remove || []) byId.delete(id);
    for (const idea of msg.upsert || []) if (idea && idea.id !== undefined) byId.set(idea.id, idea);
    state.ideas = Array.from(byId.values()).sort((a, b) => a.id - b.id);
    const gone = new Set(msg.remove || []);
    if ((msg.upsert || []).length) { // the new full lists
      if (Array.isArray(msg.mine)) state.mine = msg.mine;
      if (Array.isArray(msg.editable)) state.editable = msg.editable;
    } else { // only removals: one's own ideas can only have lost the removed ones
      state.mine = (state.mine || []).filter((id) => !gone.has(id));
      state.editable = (state.editable || []).filter((id) => !gone.has(id));
    }
    if (editing && !byId.has(editing.id)) editing = null;
    if (!$('v-step').hidden) renderPanels();
  }
  const isMine = (idea) => !!(state && Array.isArray(state.mine) && state.mine.includes(idea.id));
  const isEditable = (idea) => !!(state && Array.isArray(state.editable) && state.editable.includes(idea.id));

  function onAck(msg) {
    const cid = msg.cid || msg.ref;
    const acked = cid && queue.find((q) => q.cid === cid);
    if (acked) {
      const known = (state?.ideas || []).some((i) => i.id === msg.idea);
      if (typeof msg.idea === 'number' && !known) arrived.set(msg.idea, acked.text); // until the list has it
      queue = queue.filter((q) => q.cid !== cid);
      store.set('queue', queue);
      renderIdeas();
    }
    if (typeof msg.ref === 'string' && msg.ref.startsWith('promise:')) {
      const id = msg.ref.slice(8);
      delete promiseDrafts[id];
      store.set('promises', promiseDrafts);
      toast(t('saved'));
    }
    if (msg.ref === 'join') {
      if (pendingJoin) me = { ...me, ...pendingJoin, needs_name: false };
      pendingJoin = null;
      choosingTeam = false;
      flushQueue();
      $('team-error').textContent = '';
    }
    if (typeof msg.ref === 'string' && msg.ref.startsWith('delete:')) toast(t('deleted'));
  }

  function reason(msg) {
    return msg.message || word(T.errors[msg.code]) || String(msg.code || '');
  }

  function onRefused(msg) {
    const text = reason(msg);
    const ref = typeof msg.ref === 'string' ? msg.ref : '';
    if (['room_locked', 'room_full', 'removed'].includes(msg.code)) {
      stopMessage = text;
      if (msg.code === 'removed') store.del('device');
      return;
    }
    const queued = queue.find((q) => q.cid === ref);
    if (queued && ['not_joined', 'hello_first'].includes(msg.code)) return; // sent again after joining
    if (queued && msg.code === 'too_fast') { // a burst: the laptop takes five a second, the rest go a bit later
      clearTimeout(resendTimer);
      resendTimer = setTimeout(flushQueue, 1200);
      return;
    }
    if (queued) { // the laptop will never take it: give the text back rather than lose it
      queue = queue.filter((q) => q.cid !== ref);
      store.set('queue', queue);
      const input = $('idea-input');
      input.value = input.value.trim() ? `${input.value.trimEnd()}\n${queued.text}` : queued.text;
      saveDraft();
      $('idea-error').textContent = text;
      renderIdeas();
      if ($('p-ideas').hidden) toast(`${text} ${t('kept')}`);
      return;
    }
    if (ref === 'join' || ['needs_name', 'unknown_team', 'team_fixed'].includes(msg.code)) {
      pendingJoin = null;
      joinRefused = true; // no automatic retry: the person sees why and acts
      if (msg.code === 'needs_name' || msg.code === 'empty' || (msg.code === 'too_long' && !state?.joined)) {
        nameGiven = false;
        $('name-error').textContent = text;
      } else {
        $('team-error').textContent = text;
      }
      route();
      return;
    }
    if (ref.startsWith('edit:') || ref.startsWith('delete:')) { $('idea-error').textContent = text; return; }
    if (ref.startsWith('vote:')) { $('vote-error').textContent = text; return; }
    toast(text);
  }

  // ---- which view ------------------------------------------------------------------------------------------
  const VIEWS = ['v-connect', 'v-stop', 'v-name', 'v-team', 'v-step'];
  function show(id) {
    for (const v of VIEWS) $(v).hidden = v !== id;
  }

  function route() {
    applyStatic();
    if (stopped) {
      $('stop-text').textContent = stopMessage;
      return show('v-stop');
    }
    if (!me) return show('v-connect');
    const joined = state && state.joined;
    if (!joined && me.needs_name && !nameGiven) return showName();
    if (!joined || choosingTeam) {
      if (me.team_fixed && me.team && !joined) {
        if (!pendingJoin && !joinRefused) join(nameValue(), me.team);
        return show('v-connect');
      }
      return showTeams();
    }
    show('v-step');
    renderStep();
  }

  function nameValue() { return ($('name-input').value || store.get('name', '') || me?.name || '').trim(); }

  function showName() {
    const input = $('name-input');
    if (!input.value) input.value = store.get('name', '') || me.name || '';
    show('v-name');
  }

  function showTeams() {
    const list = $('team-list');
    list.replaceChildren();
    const teams = me.team_fixed ? [me.team] : me.teams || [];
    $('team-hint').textContent = me.team_fixed ? t('team_fixed') : t('team_hint');
    for (const team of teams) {
      const b = button(team, '', () => {
        $('team-error').textContent = '';
        join(nameValue(), team);
      });
      b.setAttribute('aria-pressed', String(team === me.team));
      list.append(b);
    }
    show('v-team');
  }

  // ---- the step --------------------------------------------------------------------------------------------
  function renderStep() {
    const s = state;
    const step = s.step || {};
    $('step-count').textContent = step.count && !s.end ? fmt(t('step_of'), (step.index ?? 0) + 1, step.count) : '';
    $('step-title').textContent = s.end ? t('over') : step.title || '';
    $('step-text').textContent = s.end ? '' : step.instruction || '';
    const who = $('who');
    who.replaceChildren();
    const name = me.anonymous ? '' : (me.name || store.get('name', ''));
    const team = me.team || '';
    who.append(el('span', '', name ? fmt(t('me_team'), name, team) : fmt(t('team_only'), team)));
    if (!me.team_fixed && (me.teams || []).length > 1 && !s.end) {
      who.append(' ', button(t('team_change'), 'small', () => { choosingTeam = true; route(); }));
    }
    renderCards(s.cards || []);
    tickTimer();
    renderPanels();
  }

  function renderPanels() {
    // A button a keyboard had focused is drawn anew by a push: give the focus to its successor (same name).
    const active = document.activeElement;
    const name = active && active.tagName === 'BUTTON' && $('v-step').contains(active)
      ? active.getAttribute('aria-label') || active.textContent : null;
    renderIdeas();
    renderChecks();
    renderVoting();
    renderPromises();
    renderEnd();
    const panels = ['p-ideas', 'p-check', 'p-vote', 'p-promise', 'p-end'];
    $('idle').hidden = !state || !!state.break || panels.some((id) => !$(id).hidden);
    if (name && !document.body.contains(active)) {
      const next = [...$('v-step').querySelectorAll('button')]
        .find((b) => (b.getAttribute('aria-label') || b.textContent) === name && !b.disabled && b.offsetParent);
      if (next) next.focus();
    }
  }

  function renderCards(cards) {
    const box = $('cards');
    const key = JSON.stringify(cards) + lang;
    if (box.dataset.key === key) return; // keep an opened story open
    box.dataset.key = key;
    box.replaceChildren();
    for (const c of cards) {
      const card = el('article', 'card');
      const band = el('div', `band k-${/^[a-z]+$/.test(c.kind || '') ? c.kind : 'none'}`);
      if (/^#[0-9a-fA-F]{6}$/.test(c.colour || '')) band.style.backgroundColor = c.colour;
      if (c.emblem) {
        const img = el('img');
        img.src = new URL(c.emblem, location.href).href;
        img.alt = '';
        band.append(img);
      }
      band.append(el('span', '', c.deck || ''));
      const body = el('div', 'body');
      body.append(el('h2', 'title', c.title || ''), el('p', 'text', c.text || ''));
      if (c.story) {
        const story = el('p', 'story', c.story);
        story.hidden = true;
        const toggle = button(t('story'), 'small', () => {
          story.hidden = !story.hidden;
          toggle.textContent = story.hidden ? t('story') : t('hide_story');
          toggle.setAttribute('aria-expanded', String(!story.hidden));
        });
        toggle.setAttribute('aria-expanded', 'false');
        body.append(toggle, story);
      }
      card.append(band, body);
      box.append(card);
    }
  }

  // ---- the timer: counted down here from the last state, corrected by every state -------------------------
  let timerBase = null, buzzedFor = null;
  function startTimer() {
    const tm = state && state.timer;
    const b = state && state.break;
    breakBase = b ? { remaining: Number(b.remaining) || 0, running: b.running !== false, at: performance.now() } : null;
    timerBase = tm ? { remaining: Number(tm.remaining) || 0, running: !!tm.running, at: performance.now() } : null;
    if (timerBase && timerBase.remaining > 0.5 && buzzedFor === state.step?.id) buzzedFor = null; // +1 min
  }
  function clock(seconds) {
    const s = Math.max(0, Math.ceil(seconds));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  }
  let breakBase = null;
  function tickBreak() {
    const pause = $('break');
    pause.hidden = !breakBase;
    if (!breakBase) return;
    const left = breakBase.running ? breakBase.remaining - (performance.now() - breakBase.at) / 1000 : breakBase.remaining;
    const text = fmt(t('break_on'), clock(left));
    if (pause.textContent !== text) pause.textContent = text;
  }
  function tickTimer() {
    tickBreak();
    const node = $('timer');
    if (!timerBase || state?.end) { node.textContent = ''; node.hidden = true; return; }
    node.hidden = false;
    const left = timerBase.running
      ? timerBase.remaining - (performance.now() - timerBase.at) / 1000 : timerBase.remaining;
    const text = clock(left);
    if (node.textContent !== text) {
      node.textContent = text;
      node.setAttribute('aria-label', left > 0 ? fmt(t('timer_label'), text) : t('time_up'));
    }
    node.classList.toggle('alarm', left <= 0);
    const stepId = state?.step?.id;
    if (left <= 0 && timerBase.running && timerBase.remaining > 0 && buzzedFor !== stepId) {
      buzzedFor = stepId;
      if (navigator.vibrate) {
        try { navigator.vibrate([300, 150, 300]); } catch { /* not allowed here */ }
      }
    }
  }
  setInterval(() => { if (state && !$('v-step').hidden) tickTimer(); }, 250);

  // ---- ideas -----------------------------------------------------------------------------------------------
  function accepts(what) { return !!(state && Array.isArray(state.accepts) && state.accepts.includes(what)); }
  function ideaStep() { return !!(state && state.step && IDEA_KINDS.includes(state.step.kind)); }

  function saveDraft() { store.set('draft', $('idea-input').value); counter(); }
  function counter() {
    const n = $('idea-input').value.length;
    const node = $('idea-count');
    const left = IDEA_CHARS - n;
    node.textContent = left < 0 ? fmt(t('too_long'), -left) : left <= 100 ? fmt(t('chars_left'), left) : '';
    node.classList.toggle('near', left <= 20);
  }

  function sendIdea() {
    const input = $('idea-input');
    const text = input.value.trim();
    $('idea-error').textContent = '';
    if (!text) return;
    if (text.length > IDEA_CHARS) { $('idea-error').textContent = fmt(t('too_long'), text.length - IDEA_CHARS); return; }
    const item = { cid: newId(), text };
    queue.push(item);
    store.set('queue', queue);
    input.value = '';
    saveDraft();
    send({ type: 'idea', cid: item.cid, ref: item.cid, text });
    renderIdeas();
    input.focus();
  }

  function renderIdeas() {
    const panel = $('p-ideas');
    const show = !!state && !state.end && (ideaStep() || accepts('idea') || queue.length > 0)
      && state.step?.kind !== 'check' && !state.voting && state.step?.kind !== 'promise';
    panel.hidden = !show;
    if (!show) return;
    $('idea-form').hidden = !accepts('idea');
    const list = $('idea-list');
    const ideas = Array.isArray(state.ideas) ? state.ideas : [];
    keepingCaret(list, () => {
      list.replaceChildren();
      for (const idea of ideas) list.append(ideaItem(idea));
      for (const text of arrived.values()) {
        const li = el('li');
        li.append(el('div', 'text', text), el('span', 'mine', t('you')));
        list.append(li);
      }
      for (const q of queue) {
        const li = el('li');
        li.append(el('div', 'text', q.text), el('span', 'pending', ready() ? t('sending') : t('waiting_net')));
        list.append(li);
      }
    });
    $('ideas-empty').hidden = ideas.length + arrived.size + queue.length > 0;
  }

  // A push from the laptop redraws `box` under the typing finger: the field typed in (found again by its id)
  // keeps the focus and the caret.
  function keepingCaret(box, draw) {
    const active = document.activeElement && box.contains(document.activeElement) ? document.activeElement : null;
    const id = active ? active.id : '';
    let caret = null;
    try { caret = active ? [active.selectionStart, active.selectionEnd] : null; } catch { /* a date field */ }
    draw();
    const again = id && $(id);
    if (!again) return;
    again.focus();
    try { if (caret && caret[0] !== null) again.setSelectionRange(caret[0], caret[1]); } catch { /* a date field */ }
  }

  function ideaItem(idea) {
    const li = el('li');
    li.dataset.id = String(idea.id);
    if (editing && editing.id === idea.id && isEditable(idea)) {
      const id = `edit-${idea.id}`;
      const label = el('label', 'sr', t('edit_label'));
      label.htmlFor = id;
      const box = el('textarea');
      box.id = id;
      box.rows = 3;
      box.maxLength = IDEA_CHARS;
      box.value = editing.text;
      box.addEventListener('input', () => { editing.text = box.value; });
      const save = () => {
        const text = box.value.trim();
        if (!text) return;
        send({ type: 'edit', ref: `edit:${idea.id}`, idea: idea.id, text });
        editing = null;
        renderIdeas();
      };
      box.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); save(); }
        if (e.key === 'Escape') { editing = null; renderIdeas(); }
      });
      const row = el('div', 'actions');
      row.append(button(t('save'), 'small primary', save), button(t('cancel'), 'small', () => { editing = null; renderIdeas(); }));
      li.append(label, box, row);
      return li;
    }
    li.append(el('div', 'text', idea.text));
    if (isMine(idea)) li.append(el('span', 'mine', t('you')));
    if (isEditable(idea)) {
      const row = el('div', 'actions');
      row.append(button(t('edit'), 'small', () => {
        editing = { id: idea.id, text: idea.text };
        confirmDelete = null;
        renderIdeas();
        const box = $(`edit-${idea.id}`);
        if (box) box.focus();
      }, `${t('edit')}: ${idea.text.slice(0, 40)}`));
      const sure = confirmDelete === idea.id;
      row.append(button(sure ? t('del_sure') : t('del'), 'small', () => {
        if (confirmDelete !== idea.id) { confirmDelete = idea.id; renderIdeas(); return; }
        confirmDelete = null;
        send({ type: 'delete', ref: `delete:${idea.id}`, idea: idea.id });
      }, `${sure ? t('del_sure') : t('del')}: ${idea.text.slice(0, 40)}`));
      li.append(row);
    }
    return li;
  }

  // ---- the human check -------------------------------------------------------------------------------------
  function renderChecks() {
    const panel = $('p-check');
    const checks = (state && Array.isArray(state.checks)) ? state.checks : [];
    panel.hidden = !state || state.step?.kind !== 'check' || !!state.end;
    if (panel.hidden) return;
    const qs = $('check-questions');
    qs.replaceChildren();
    for (const c of checks) {
      const li = el('li');
      li.append(el('strong', '', c.title || ''), document.createTextNode(c.text ? ` — ${c.text}` : ''));
      qs.append(li);
    }
    const list = $('check-list');
    list.replaceChildren();
    const can = accepts('check');
    for (const idea of state.ideas || []) {
      const li = el('li');
      li.append(el('div', 'text', idea.text));
      const ticks = el('div', 'ticks');
      for (const c of checks) {
        const on = !!(idea.checks && idea.checks[c.id]);
        const b = button(`${on ? '✓ ' : ''}${c.title}`, 'small', () => {
          send({ type: 'check', ref: `check:${idea.id}`, idea: idea.id, check: c.id, value: !on });
        }, `${c.title}: ${idea.text.slice(0, 40)}`);
        b.setAttribute('aria-pressed', String(on));
        b.disabled = !can;
        ticks.append(b);
      }
      li.append(ticks);
      list.append(li);
    }
  }

  // ---- dot voting ------------------------------------------------------------------------------------------
  function renderVoting() {
    const panel = $('p-vote');
    const v = state && state.voting;
    panel.hidden = !v || !!state.end;
    if (panel.hidden) return;
    const left = Number(v.dots_left) || 0;
    const total = Number(v.dots) || left;
    $('dots-left').hidden = !!v.revealed;
    $('dots-left').textContent = `${'●'.repeat(Math.max(0, total - left))}${'○'.repeat(left)}  ${fmt(t('dots_left'), left, total)}`;
    const hints = [];
    if (v.revealed) hints.push(t('closed_votes'));
    else {
      if (v.cap) hints.push(fmt(t('cap_hint'), v.cap));
      if (v.self_votes === false) hints.push(t('no_own'));
      hints.push(t('hidden_votes'));
    }
    $('vote-hint').textContent = hints.join(' ');
    const list = $('vote-list');
    list.replaceChildren();
    const open = !v.revealed && accepts('vote');
    list.hidden = !!v.revealed;
    for (const idea of v.revealed ? [] : state.ideas || []) {
      const li = el('li');
      li.append(el('div', 'text', idea.text));
      const own = v.self_votes === false && ((!!idea.team && idea.team === me.team) || isMine(idea));
      if (idea.team && !me.anonymous) li.append(el('div', 'meta', own ? `${idea.team} · ${t('team_idea')}` : idea.team));
      const mine = Number((v.my_dots || {})[String(idea.id)]) || 0;
      const row = el('div', 'vote');
      const short = idea.text.slice(0, 40);
      const minus = button('−', '', () => vote(idea.id, -1), fmt(t('less'), short));
      minus.disabled = !open || mine <= 0;
      const out = el('output', '', String(mine));
      out.setAttribute('aria-label', t('your_dots'));
      const plus = button('+', '', () => vote(idea.id, 1), fmt(t('more'), short));
      plus.disabled = !open || left <= 0 || own || (v.cap && mine >= v.cap);
      row.append(minus, out, plus);
      li.append(row);
      list.append(li);
    }
    const ranking = v.revealed && Array.isArray(v.ranking) ? v.ranking : null;
    $('rank-title').hidden = !ranking;
    const rank = $('rank-list');
    rank.replaceChildren();
    (ranking || []).forEach((r, n) => {
      const li = el('li');
      li.append(el('span', 'place', `${n + 1}.`));
      const body = el('div');
      body.append(el('div', 'text', r.text));
      const meta = [fmt(t('dots_n'), r.dots)];
      if (r.team && !me.anonymous) meta.push(r.team);
      body.append(el('div', 'meta', meta.join(' · ')));
      li.append(body);
      rank.append(li);
    });
  }
  function vote(idea, delta) {
    $('vote-error').textContent = '';
    send({ type: 'vote', ref: `vote:${idea}`, idea, delta });
  }

  // ---- promises ------------------------------------------------------------------------------------------------
  function renderPromises() {
    const panel = $('p-promise');
    const list = state && state.step?.kind === 'promise' ? state.ideas || [] : null;
    panel.hidden = !list || !!state.end;
    if (panel.hidden) return;
    const box = $('promise-list');
    const can = accepts('promise');
    keepingCaret(box, () => {
      box.replaceChildren();
      for (const p of list) {
        const item = el('div', 'promise');
        item.append(el('div', 'idea', p.text));
        if (can && p.team && p.team === me.team) item.append(promiseForm(p));
        else {
          const pr = p.promise || {};
          const said = [pr.who, pr.due, pr.first_step].filter(Boolean);
          const parts = [p.team && !me.anonymous ? p.team : '', said.length ? said.join(' · ') : t('not_yet')];
          item.append(el('div', 'meta', parts.filter(Boolean).join(' · ')));
        }
        box.append(item);
      }
    });
  }
  function promiseForm(p) {
    const form = el('form', 'stack');
    const key = String(p.id);
    const given = p.promise || {};
    const draft = promiseDrafts[key] || {};
    const fields = [['who', 'input', 'text'], ['due', 'input', 'date'], ['first_step', 'textarea', '']];
    const inputs = {};
    for (const [name, tag, type] of fields) {
      const id = `promise-${key}-${name}`;
      const label = el('label', '', t(name));
      label.htmlFor = id;
      const input = el(tag);
      input.id = id;
      if (type) input.type = type;
      if (tag === 'textarea') input.rows = 2;
      input.maxLength = PROMISE_CHARS;
      input.value = draft[name] ?? given[name] ?? '';
      input.addEventListener('input', () => {
        promiseDrafts[key] = { ...(promiseDrafts[key] || {}), [name]: input.value };
        store.set('promises', promiseDrafts);
      });
      inputs[name] = input;
      form.append(label, input);
    }
    const save = el('button', 'primary', t('save'));
    save.type = 'submit';
    form.append(save);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      send({
        type: 'promise', ref: `promise:${key}`, idea: p.id,
        who: inputs.who.value.trim(), due: inputs.due.value, first_step: inputs.first_step.value.trim(),
      });
    });
    return form;
  }

  // ---- the end -------------------------------------------------------------------------------------------------
  function renderEnd() {
    const end = state && state.end;
    $('p-end').hidden = !end;
    if (!end) return;
    const links = $('end-links');
    links.replaceChildren();
    for (const [key, label] of [['markdown_url', 'md'], ['csv_url', 'csv'], ['report_url', 'report']]) {
      if (!end[key]) continue;
      const a = el('a', '', t(label));
      a.href = new URL(end[key], location.href).href; // in this phone's language (the laptop made it so)
      if (key === 'report_url') { // a page to read: opened beside the room's, which stays connected
        a.target = '_blank';
        a.rel = 'noopener';
      } else {
        a.setAttribute('download', '');
      }
      const li = el('li');
      li.append(a);
      links.append(li);
    }
  }

  // ---- chrome: language, network, toast ---------------------------------------------------------------------
  function applyStatic() {
    document.documentElement.lang = lang;
    for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
    const b = $('lang');
    b.textContent = t('lang_short');
    b.setAttribute('aria-label', `${t('lang_other')} (${t('lang_short')})`);
    b.lang = lang === 'ru' ? 'en' : 'ru';
    for (const node of document.querySelectorAll('.room-title')) node.textContent = (me && me.title) || '';
    document.title = me && me.title ? `${me.title} · ${t('brand')}` : t('brand');
    showNet();
    counter();
  }
  function showNet() {
    const net = $('net');
    const off = everConnected && !stopped && !(ws && ws.readyState === 1 && me && me.online);
    net.textContent = off ? t('offline') : '';
    net.classList.toggle('off', off);
  }
  let toastTimer = 0;
  function toast(text) {
    const node = $('toast');
    node.textContent = text;
    node.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { node.hidden = true; }, 2500);
  }

  // ---- wiring ----------------------------------------------------------------------------------------------------
  function init() {
    $('lang').addEventListener('click', () => {
      lang = lang === 'ru' ? 'en' : 'ru';
      try { localStorage.setItem('tm:lang', lang); } catch { /* memory only */ }
      raw({ type: 'lang', lang });
      route();
    });
    $('name-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const name = $('name-input').value.trim();
      if (!name) { $('name-error').textContent = word(T.errors.needs_name); return; }
      $('name-error').textContent = '';
      store.set('name', name);
      nameGiven = true;
      joinRefused = false;
      if (me.team && state && state.joined) join(name, me.team);
      route();
    });
    $('name-input').maxLength = NAME_CHARS;
    const input = $('idea-input');
    input.maxLength = IDEA_CHARS;
    input.value = store.get('draft', '');
    input.addEventListener('input', saveDraft);
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); sendIdea(); }
    });
    $('idea-form').addEventListener('submit', (e) => { e.preventDefault(); sendIdea(); });
    $('stop-retry').addEventListener('click', () => {
      stopped = false;
      stopMessage = '';
      attempt = 0;
      route();
      connect();
    });
    route();
    connect();
  }
  init();
})();
