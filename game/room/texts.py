"""The few words the laptop sends to phones, in both languages.

A phone reads in its own language whatever the laptop's is, so these are plain ru/en tables (like the decks'
`{ ru = …, en = … }`), not Qt translations. tests/room/test_views.py checks that every code has both.
"""

STEPS = {
    "warmup": ("Warm-up", "Разминка"),
    "client": ("Client", "Клиент"),
    "moment": ("Moment", "Момент"),
    "obstacle": ("Obstacle", "Препятствие"),
    "lens": ("Lens", "Линза"),
    "magic": ("Magic", "Магия"),
    "check": ("Check", "Проверка"),
    "choose": ("Choose", "Выбор"),
    "promise": ("Promise", "Обещание"),
}

DECKS = {
    "business": ("Business", "Бизнес"),
    "client": ("Client", "Клиент"),
    "touchpoint": ("Touchpoint", "Точка контакта"),
    "lens": ("Lens", "Линза"),
    "technomagic": ("Technomagic", "Техномагия"),
    "constraint": ("Constraint", "Ограничение"),
    "check": ("Human check", "Проверка на человечность"),
    "obstacle": ("Obstacle", "Препятствие"),
    "warmup": ("Warm-up", "Разминка"),
}

REFUSALS = {
    "bad_json": (
        "The phone sent something the laptop cannot read.",
        "Телефон прислал то, что ноутбук не может прочесть.",
    ),
    "bad_field": ("A field is missing or wrong: {0}.", "Поле не заполнено или заполнено неверно: {0}."),
    "hello_first": ("Connect first.", "Сначала подключитесь."),
    "not_joined": ("Choose your team first.", "Сначала выберите команду."),
    "needs_name": ("Type your name first.", "Сначала введите имя."),
    "unknown_team": ("There is no such team in this room.", "В этой комнате нет такой команды."),
    "team_fixed": ("The facilitator has put you in your team.", "Ведущий уже определил вашу команду."),
    "too_long": ("Too long: {0}.", "Слишком длинно: {0}."),
    "empty": ("Nothing to send: {0} is empty.", "Нечего отправить: поле {0} пустое."),
    "too_fast": ("Too fast: wait a second and send again.", "Слишком быстро: подождите секунду и отправьте снова."),
    "wrong_step": ("That is not for this step.", "Это не для этого шага."),
    "unknown_idea": ("That idea is not here any more.", "Этой идеи здесь больше нет."),
    "not_yours": (
        "Only the phone that sent an idea can change it.",
        "Менять идею может только телефон, который её прислал.",
    ),
    "other_team": ("That idea belongs to another team.", "Это идея другой команды."),
    "not_shortlisted": (
        "Only your team's shortlist is checked: ask the facilitator to put this idea on it.",
        "Проверяются только идеи из короткого списка команды: попросите ведущего добавить в него эту идею.",
    ),
    "no_dots_left": ("No dots left.", "Точки закончились."),
    "idea_cap": ("This idea has as many of your dots as it can take.", "У этой идеи уже максимум ваших точек."),
    "own_idea": ("Not on your own team's ideas.", "Не за идеи своей команды."),
    "no_dot_to_take": ("You have no dot on this idea.", "У вас нет точки на этой идее."),
    "votes_closed": ("The votes are revealed: voting is over.", "Голоса открыты: голосование окончено."),
    "room_locked": ("The room is locked: ask the facilitator.", "Комната закрыта: спросите ведущего."),
    "room_full": ("The room is full.", "Комната заполнена."),
    "removed": ("The facilitator removed this phone from the room.", "Ведущий удалил этот телефон из комнаты."),
    "ended": ("The workshop is over.", "Воркшоп закончился."),
}

FIELDS = {
    "text": ("the idea", "идея"),
    "name": ("the name", "имя"),
    "team": ("the team", "команда"),
    "cid": ("the idea's id", "номер идеи"),
    "idea": ("the idea", "идея"),
    "check": ("the check question", "вопрос проверки"),
    "value": ("the tick", "отметка"),
    "delta": ("the dot", "точка"),
    "who": ("who", "кто"),
    "due": ("by when", "срок"),
    "first_step": ("the first step", "первый шаг"),
    "lang": ("the language", "язык"),
    "type": ("the message type", "тип сообщения"),
}


WITHHELD = {  # "Take the list home" asked for too early, or the report the trainer has not shared (HTTP 403)
    "not_ended": (
        "The lists are ready when the workshop ends.",
        "Списки будут готовы, когда воркшоп закончится.",
    ),
    "not_shared": (
        "The facilitator has not shared the workshop report with phones.",
        "Ведущий не открыл отчёт о воркшопе для телефонов.",
    ),
}

EXPORT_NAMES = ("ideas.md", "ideas.csv", "report.html")  # what a phone may take home (server's /export/NAME)
LANGS = ("en", "ru")


def word(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    pair = table.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "ru" else pair[0]


def refusal(code: str, lang: str, detail: str = "") -> str:
    return word(REFUSALS, code, lang).format(word(FIELDS, detail, lang) if detail else "?")
