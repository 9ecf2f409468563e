<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
  <context>
    <name>Game</name>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Start or pause the timer</source>
      <translation>Запустить или остановить таймер</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>+1 minute</source>
      <translation>+1 минута</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <location filename="../../game/ui/round_screen.py" />
      <source>Next step</source>
      <translation>Следующий шаг</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <location filename="../../game/ui/round_screen.py" />
      <source>Previous step</source>
      <translation>Предыдущий шаг</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Skip this step</source>
      <translation>Пропустить этот шаг</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Repeat this step (full timer)</source>
      <translation>Повторить этот шаг (таймер заново)</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Redraw a card</source>
      <translation>Заменить карту</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Break, or end the break</source>
      <translation>Пауза или конец паузы</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Mute or unmute the alarm</source>
      <translation>Выключить или включить звук сигнала</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Merge the selected idea into another</source>
      <translation>Объединить выбранную идею с другой</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Reveal or hide the votes</source>
      <translation>Открыть или скрыть голоса</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Ideas on the projector without teams</source>
      <translation>Идеи на экране для зала без названий команд</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Show the presenter view</source>
      <translation>Показать экран для зала</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Presenter view full screen</source>
      <translation>Экран для зала во весь экран</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>End the workshop early</source>
      <translation>Завершить воркшоп досрочно</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>These shortcuts</source>
      <translation>Эта подсказка</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Type in team N's line</source>
      <translation>Писать в строку команды N</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Choose who votes</source>
      <translation>Выбрать, кто голосует</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>The room sees</source>
      <translation>Зал видит</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Next: the summary</source>
      <translation>Дальше: итоги</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>On a break · </source>
      <translation>Пауза · </translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>End early</source>
      <translation>Завершить досрочно</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>End the workshop now? Every idea so far is saved to the library, chosen or not.</source>
      <translation>Завершить воркшоп сейчас? Все идеи, выбранные и нет, сохранятся в библиотеке.</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>End the workshop</source>
      <translation>Завершить воркшоп</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>No, go on</source>
      <translation>Нет, продолжаем</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>No sound player on this computer: the alarm only flashes</source>
      <translation>На этом компьютере нечем проиграть звук: сигнал будет только мигать</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <location filename="../../game/ui/round_screen.py" />
      <source>← Back</source>
      <translation>← Назад</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Repeat step</source>
      <translation>Повторить шаг</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Skip step</source>
      <translation>Пропустить шаг</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Merge…</source>
      <translation>Объединить…</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Reveal votes</source>
      <translation>Открыть голоса</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <location filename="../../game/ui/round_screen.py" />
      <source>Finish ✓</source>
      <translation>Готово ✓</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <location filename="../../game/ui/round_screen.py" />
      <source>Next →</source>
      <translation>Дальше →</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>End break</source>
      <translation>Закончить паузу</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <location filename="../../game/ui/presenter.py" />
      <source>Break</source>
      <translation>Пауза</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Hide votes</source>
      <translation>Скрыть голоса</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Pause timer</source>
      <translation>Остановить</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Start timer</source>
      <translation>Запустить</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Select an idea in a team's list first, then merge it into the same one.</source>
      <translation>Сначала выберите идею в списке команды, потом объедините её с такой же.</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Anonymous</source>
      <translation>Без команд</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Mute alarm</source>
      <translation>Без звука</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <location filename="../../game/ui/presenter.py" />
      <location filename="../../game/ui/round_screen.py" />
      <source>Step {0} of {1} · {2}</source>
      <translation>Шаг {0} из {1} · {2}</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <location filename="../../game/ui/widgets.py" />
      <source>Redraw</source>
      <translation>Заменить карту</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Next: {0}, {1} min</source>
      <translation>Дальше: {0}, {1} мин</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Voting and promises cannot be skipped: use End early to stop here.</source>
      <translation>Голосование и обещания не пропускаются: чтобы остановиться, нажмите «Завершить досрочно».</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <location filename="../../game/ui/widgets.py" />
      <source>+1 min</source>
      <translation>+1 мин</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Presenter view</source>
      <translation>Экран для зала</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Shortcuts (F1)</source>
      <translation>Клавиши (F1)</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>the session runs {0} more</source>
      <translation>до конца сессии {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Votes revealed: break any tie and tag the chosen ideas, then go on.</source>
      <translation>Голоса открыты: разрешите ничью, если она есть, отметьте выбранные идеи и идите дальше.</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>What the teams said</source>
      <translation>Что сказали команды</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>What the teams said, a line or two each</source>
      <translation>Что сказали команды — по строчке-две от каждой</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Redraw: {0}</source>
      <translation>Заменить: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>A tie on the line: press Put ahead on the idea the room keeps.</source>
      <translation>Ничья на границе: нажмите «Вперёд» у идеи, которую оставляет зал.</translation>
    </message>
    <message>
      <location filename="../../game/ui/library.py" />
      <location filename="../../game/ui/library_screen.py" />
      <location filename="../../game/ui/step_panels.py" />
      <source>Idea</source>
      <translation>Идея</translation>
    </message>
    <message>
      <location filename="../../game/ui/library.py" />
      <location filename="../../game/ui/library_screen.py" />
      <source>Focus</source>
      <translation>Фокус</translation>
    </message>
    <message>
      <location filename="../../game/ui/library.py" />
      <location filename="../../game/ui/library_screen.py" />
      <source>Status</source>
      <translation>Статус</translation>
    </message>
    <message>
      <location filename="../../game/ui/library.py" />
      <location filename="../../game/ui/library_screen.py" />
      <location filename="../../game/ui/step_panels.py" />
      <source>Who</source>
      <translation>Кто</translation>
    </message>
    <message>
      <location filename="../../game/ui/library.py" />
      <location filename="../../game/ui/library_screen.py" />
      <location filename="../../game/ui/step_panels.py" />
      <source>By when</source>
      <translation>К какому сроку</translation>
    </message>
    <message>
      <location filename="../../game/ui/library.py" />
      <location filename="../../game/ui/library_screen.py" />
      <source>Tags</source>
      <translation>Метки</translation>
    </message>
    <message>
      <location filename="../../game/ui/library.py" />
      <source>Saved</source>
      <translation>Сохранено</translation>
    </message>
    <message>
      <location filename="../../game/ui/library.py" />
      <source>new</source>
      <translation>новая</translation>
    </message>
    <message>
      <location filename="../../game/ui/library.py" />
      <source>planned</source>
      <translation>в планах</translation>
    </message>
    <message>
      <location filename="../../game/ui/library.py" />
      <source>tried</source>
      <translation>попробовали</translation>
    </message>
    <message>
      <location filename="../../game/ui/library.py" />
      <source>keeps working</source>
      <translation>работает</translation>
    </message>
    <message>
      <location filename="../../game/ui/library.py" />
      <source>dropped</source>
      <translation>отказались</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <location filename="../../game/ui/main_window.py" />
      <location filename="../../game/ui/screens.py" />
      <location filename="../../game/ui/widgets.py" />
      <source>Idea library</source>
      <translation>Библиотека идей</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <location filename="../../game/ui/step_panels.py" />
      <source>Ideas</source>
      <translation>Идеи</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Search</source>
      <translation>Поиск</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Search: words in any form, in Russian or English</source>
      <translation>Поиск: слова в любой форме, по-русски или по-английски</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Tag</source>
      <translation>Метка</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Who, team or player</source>
      <translation>Кто, команда, игрок</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>saved from</source>
      <translation>сохранено с</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>due by</source>
      <translation>срок до</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <location filename="../../game/ui/screens.py" />
      <location filename="../../game/ui/workshop_setup.py" />
      <source>← Home</source>
      <translation>← На главную</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <location filename="../../game/ui/screens.py" />
      <source>Export…</source>
      <translation>Экспорт…</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>The chosen ideas, or all that match the search and filters</source>
      <translation>Выбранные идеи или все, что подходят под поиск и фильтры</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Import…</source>
      <translation>Импорт…</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Undo</source>
      <translation>Отменить</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Tag…</source>
      <translation>Метка…</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Set status…</source>
      <translation>Статус…</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Delete</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>ideas</source>
      <translation>идеи</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Choose an idea to see its whole story; choose several to tag or change them.</source>
      <translation>Выберите идею, чтобы увидеть всю её историю; выберите несколько — чтобы пометить или изменить их разом.</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <location filename="../../game/ui/step_panels.py" />
      <source>not set</source>
      <translation>не указан</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Text</source>
      <translation>Текст</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <location filename="../../game/ui/step_panels.py" />
      <source>First step</source>
      <translation>Первый шаг</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <location filename="../../game/ui/step_panels.py" />
      <source>Success sign</source>
      <translation>Признак успеха</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Team</source>
      <translation>Команда</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Player</source>
      <translation>Игрок</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Save text</source>
      <translation>Сохранить текст</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>From the cards</source>
      <translation>Из карт</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>What happened</source>
      <translation>Что получилось</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>What clients said, dated today; Enter adds it</source>
      <translation>Что сказали клиенты (с сегодняшней датой); Enter — добавить</translation>
    </message>
    <message numerus="yes">
      <location filename="../../game/ui/library_screen.py" />
      <location filename="../../game/ui/main_window.py" />
      <location filename="../../game/ui/presenter.py" />
      <location filename="../../game/ui/screens.py" />
      <source>%n ideas</source>
      <translation>
        <numerusform>%n идея</numerusform>
        <numerusform>%n идеи</numerusform>
        <numerusform>%n идей</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Any score</source>
      <translation>Любые баллы</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Score 3 or more</source>
      <translation>Баллы от 3</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Score 5 or more</source>
      <translation>Баллы от 5</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Got dots</source>
      <translation>С точками</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Undo the last change</source>
      <translation>Отменить последнее изменение</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Redo</source>
      <translation>Вернуть отменённое</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Delete the chosen ideas (undo brings them back)</source>
      <translation>Удалить выбранные идеи (отмена вернёт их)</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Choose several ideas</source>
      <translation>Выбрать несколько идей</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Ctrl+click, Shift+click</source>
      <translation>Ctrl+щелчок, Shift+щелчок</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Move between the search, the filters and the table</source>
      <translation>Переходить между поиском, фильтрами и таблицей</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Set status</source>
      <translation>Смена статуса</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Edit</source>
      <translation>Правка</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Delete {0}</source>
      <translation>Удалить: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Any card</source>
      <translation>Любая карта</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>No ideas yet. Play a round: the ideas you choose land here.</source>
      <translation>Идей пока нет. Сыграйте раунд — выбранные идеи появятся здесь.</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Tag for {0}:</source>
      <translation>Метка для: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Score {0}, dots {1}; saved {2}, changed {3}</source>
      <translation>Баллы {0}, точки {1}; сохранено {2}, изменено {3}</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Any status</source>
      <translation>Любой статус</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Any focus</source>
      <translation>Любой фокус</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>The library could not be opened: {0}</source>
      <translation>Не удалось открыть библиотеку: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Chosen: {0}. Tag them, set their status or delete them below.</source>
      <translation>Выбрано: {0}. Пометьте их, смените статус или удалите кнопками ниже.</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Round #{0}</source>
      <translation>Раунд №{0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <location filename="../../game/ui/widgets.py" />
      <source>Settings</source>
      <translation>Настройки</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>Language</source>
      <translation>Язык</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>Projector text</source>
      <translation>Текст на проекторе</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>Card animations</source>
      <translation>Анимация карт</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>&amp;Game</source>
      <translation>&amp;Игра</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>&amp;Help</source>
      <translation>&amp;Справка</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <location filename="../../game/ui/screens.py" />
      <location filename="../../game/ui/widgets.py" />
      <source>Home</source>
      <translation>Главная</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <location filename="../../game/ui/screens.py" />
      <location filename="../../game/ui/widgets.py" />
      <source>Decks</source>
      <translation>Колоды</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>Settings…</source>
      <translation>Настройки…</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>Quit</source>
      <translation>Выход</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <location filename="../../game/ui/widgets.py" />
      <source>Keyboard shortcuts</source>
      <translation>Горячие клавиши</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>About</source>
      <translation>О программе</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>A round is in play</source>
      <translation>Раунд ещё идёт</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>Give it up, start anew</source>
      <translation>Бросить и начать заново</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>No, keep it</source>
      <translation>Нет, продолжу его</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>round</source>
      <translation>раунд</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>System language</source>
      <translation>Язык системы</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>S: a small room, the screen close</source>
      <translation>S: маленькая комната, экран рядом</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>M: a meeting room</source>
      <translation>M: переговорная</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>L: a large room</source>
      <translation>L: большой зал</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>XL: a hall</source>
      <translation>XL: аудитория</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>{0}, step {1} of {2}</source>
      <translation>{0}, шаг {1} из {2}</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>{0} with {1} teams, step {2} of {3}</source>
      <translation>{0}, команд: {1}, шаг {2} из {3}</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <location filename="../../game/ui/screens.py" />
      <source>Technomagic of Impressions</source>
      <translation>Техномагия впечатлений</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>Start a new round and give up the one in play ({0})?</source>
      <translation>Начать новый раунд и бросить тот, что идёт ({0})?</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>Saved to the idea library: {0}.</source>
      <translation>Сохранено в библиотеку идей: {0}.</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>Technomagic of Impressions, version {0}.
Your data: {1}</source>
      <translation>Техномагия впечатлений, версия {0}.
Ваши данные: {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>An unfinished round could not be read ({0}); it is kept in {1}</source>
      <translation>Незаконченный раунд не удалось прочитать ({0}); он сохранён в {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>Could not save to the library ({0}). Your round is kept in {1}</source>
      <translation>Не удалось сохранить в библиотеку ({0}). Ваш раунд не потерян — он в файле {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/main_window.py" />
      <source>Cannot keep the round in {0}: {1}</source>
      <translation>Не получается сохранить раунд в {0}: {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/outcome.py" />
      <source>We tried it</source>
      <translation>Попробовали</translation>
    </message>
    <message>
      <location filename="../../game/ui/outcome.py" />
      <source>It keeps working</source>
      <translation>Работает и дальше</translation>
    </message>
    <message>
      <location filename="../../game/ui/outcome.py" />
      <source>We dropped it</source>
      <translation>Отказались</translation>
    </message>
    <message>
      <location filename="../../game/ui/outcome.py" />
      <source>Not yet: give it another week</source>
      <translation>Ещё нет — дадим ещё неделю</translation>
    </message>
    <message>
      <location filename="../../game/ui/outcome.py" />
      <source>How did it go?</source>
      <translation>Как прошло?</translation>
    </message>
    <message>
      <location filename="../../game/ui/outcome.py" />
      <source>What did clients say? (optional)</source>
      <translation>Что сказали клиенты? (можно не писать)</translation>
    </message>
    <message>
      <location filename="../../game/ui/outcome.py" />
      <source>Promises due this week</source>
      <translation>Обещания на этой неделе</translation>
    </message>
    <message>
      <location filename="../../game/ui/outcome.py" />
      <source>{0} — {1}, by {2}</source>
      <translation>{0} — {1}, к {2}</translation>
    </message>
    <message>
      <location filename="../../game/ui/outcome.py" />
      <source>…and {0} more in the library</source>
      <translation>…и ещё {0} в библиотеке</translation>
    </message>
    <message>
      <location filename="../../game/ui/presenter.py" />
      <source>Technomagic of Impressions — presenter view</source>
      <translation>Техномагия впечатлений — экран для зала</translation>
    </message>
    <message>
      <location filename="../../game/ui/presenter.py" />
      <source>The votes</source>
      <translation>Итоги голосования</translation>
    </message>
    <message>
      <location filename="../../game/ui/presenter.py" />
      <source>Our promises</source>
      <translation>Наши обещания</translation>
    </message>
    <message>
      <location filename="../../game/ui/presenter.py" />
      <source>Want to listen to the radio?</source>
      <translation>Хочешь послушать радио?</translation>
    </message>
    <message>
      <location filename="../../game/ui/presenter.py" />
      <source>Thank you! Our promises</source>
      <translation>Спасибо! Наши обещания</translation>
    </message>
    <message>
      <location filename="../../game/ui/presenter.py" />
      <source>The ideas we chose, who keeps each promise and by when.</source>
      <translation>Идеи, которые мы выбрали: кто и к какому сроку держит обещание.</translation>
    </message>
    <message>
      <location filename="../../game/ui/presenter.py" />
      <source>a tie</source>
      <translation>ничья</translation>
    </message>
    <message>
      <location filename="../../game/ui/presenter.py" />
      <source>Voting: {0} of {1} dots given. The results show when the facilitator reveals them.</source>
      <translation>Голосование: отдано {0} из {1} точек. Итоги появятся, когда ведущий их откроет.</translation>
    </message>
    <message>
      <location filename="../../game/ui/presenter.py" />
      <source>+{0} earlier</source>
      <translation>ещё {0} выше</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>Previous step (Alt+←)</source>
      <translation>Предыдущий шаг (Alt+←)</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>Next step (Ctrl+Enter or Alt+→)</source>
      <translation>Следующий шаг (Ctrl+Enter или Alt+→)</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>Write at least one idea first: nothing is too small.</source>
      <translation>Сначала запишите хотя бы одну идею — мелочей не бывает.</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>Give at least one dot to the idea you want to keep.</source>
      <translation>Отдайте хотя бы одну точку идее, которую хотите оставить.</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>Tag each chosen idea: Fix, WOW or Plan B.</source>
      <translation>Отметьте каждую выбранную идею: Починка, WOW или План Б.</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>Each chosen idea needs a promise: who, by when and the first step.</source>
      <translation>Каждой выбранной идее нужно обещание: кто, к какому сроку и первый шаг.</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>No dots left: take one back from another idea first.</source>
      <translation>Точки закончились — сначала заберите одну у другой идеи.</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>This idea already has as many dots as one player may give it.</source>
      <translation>У этой идеи уже столько точек, сколько может дать один игрок.</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>In this scenario you cannot vote for your own idea.</source>
      <translation>В этом сценарии нельзя голосовать за свою идею.</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>This idea has no dot of yours to take back.</source>
      <translation>У этой идеи нет вашей точки — забирать нечего.</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>Stuck? Open the example story on the card: someone has done this before.</source>
      <translation>Застряли? Откройте пример на карте: кто-то уже делал что-то похожее.</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>Add the idea you typed</source>
      <translation>Добавить набранную идею</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>Paste several lines as separate ideas</source>
      <translation>Вставить несколько строк отдельными идеями</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>Rework an idea in a list</source>
      <translation>Переделать идею в списке</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>double-click or F2</source>
      <translation>двойной щелчок или F2</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>Remove the selected idea</source>
      <translation>Удалить выбранную идею</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>Pause or resume the timer</source>
      <translation>Пауза или продолжение таймера</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>Redraw the first card</source>
      <translation>Заменить первую карту</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_screen.py" />
      <source>Toggle a human check for the selected idea</source>
      <translation>Отметить или снять проверку на человечность у выбранной идеи</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Play solo</source>
      <translation>Играть в одиночку</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>15 minutes alone with the cards</source>
      <translation>15 минут наедине с картами</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Run a workshop</source>
      <translation>Провести воркшоп</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Teams, a projector and a facilitator console</source>
      <translation>Команды, проектор и пульт ведущего</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Play</source>
      <translation>Играть</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Print this deck…</source>
      <translation>Распечатать колоду…</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>A PDF of cut-out cards, fronts and backs, for groups without laptops</source>
      <translation>PDF с картами для вырезания, лицом и рубашкой, — для групп без ноутбуков</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Small, human ideas that delight your clients, card by card.</source>
      <translation>Маленькие человечные идеи, которые радуют ваших клиентов, — карта за картой.</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Choose a scenario</source>
      <translation>Выберите сценарий</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Play again</source>
      <translation>Сыграть ещё</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Session report…</source>
      <translation>Отчёт о сессии…</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Continue: {0}</source>
      <translation>Продолжить: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>No solo scenario could be loaded: see Decks for what was skipped.</source>
      <translation>Не удалось загрузить ни одного сценария для одиночной игры. Что пропущено — смотрите в разделе «Колоды».</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Workshop scenarios: play one alone to rehearse it</source>
      <translation>Сценарии для воркшопов: сыграйте в одиночку, чтобы отрепетировать</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Play {0}</source>
      <translation>Играть: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Your workshop</source>
      <translation>Ваш воркшоп</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Your round</source>
      <translation>Ваш раунд</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>{0} deck or scenario file(s) could not be read and were skipped: see Decks.</source>
      <translation>Не удалось прочитать файлы колод или сценариев, они пропущены: {0}. Подробности — в разделе «Колоды».</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>{0}, {1} chosen.</source>
      <translation>{0}, выбрано: {1}.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../game/ui/screens.py" />
      <source>%n dots</source>
      <translation>
        <numerusform>%n точка</numerusform>
        <numerusform>%n точки</numerusform>
        <numerusform>%n точек</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Who: {0}</source>
      <translation>Кто: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>By when: {0}</source>
      <translation>К какому сроку: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>First step: {0}</source>
      <translation>Первый шаг: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>{0}: {1}, {2}</source>
      <translation>{0}: {1}, {2}</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Success sign: {0}</source>
      <translation>Признак успеха: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Skipped, with the reason:</source>
      <translation>Что пропущено и почему:</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <location filename="../../game/ui/workshop_setup.py" />
      <source>{0} min</source>
      <translation>{0} мин</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>New idea</source>
      <translation>Новая идея</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>Nothing is too small. Write it down and press Enter</source>
      <translation>Мелочей не бывает — записывайте и нажимайте Enter</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>Add</source>
      <translation>Добавить</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>Separate ideas</source>
      <translation>Отдельными идеями</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>One idea</source>
      <translation>Одной идеей</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>No ideas yet. The first one is the hardest: try the example story.</source>
      <translation>Идей пока нет. Первая — самая трудная: загляните в пример на карте.</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>Ideas and their human checks</source>
      <translation>Идеи и проверка на человечность</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>Your answer</source>
      <translation>Ваш ответ</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>Score</source>
      <translation>Баллы</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <location filename="../../game/ui/team_panels.py" />
      <source>+ dot</source>
      <translation>+ точка</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <location filename="../../game/ui/team_panels.py" />
      <source>− dot</source>
      <translation>− точка</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>Lines pasted: {0}. Make each line an idea of its own?</source>
      <translation>Вставлено строк: {0}. Сделать каждую строку отдельной идеей?</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>In the client's voice: “I expect… I worry that…”</source>
      <translation>От лица клиента: «Я жду… Меня тревожит, что…»</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>Your answer, in a few words</source>
      <translation>Ваш ответ — в двух словах</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>{0}: {1}</source>
      <translation>{0}: {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>Dots left: {0}</source>
      <translation>Осталось точек: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>a name, not “we”</source>
      <translation>имя, а не «мы»</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>what happens tomorrow morning</source>
      <translation>что произойдёт завтра утром</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>what the client will say if it worked</source>
      <translation>что скажет клиент, если получилось</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>In a week</source>
      <translation>Через неделю</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>In a month</source>
      <translation>Через месяц</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>Already in your library: {0}</source>
      <translation>Уже есть в вашей библиотеке: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>{0} of {1} characters</source>
      <translation>{0} из {1} знаков</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>Check score: {0}</source>
      <translation>Баллы проверки: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>Keys 1–{0} toggle a check for the selected idea; double-click an idea to rework it.</source>
      <translation>Клавиши 1–{0} ставят и снимают отметку у выбранной идеи; двойной щелчок по идее — переделать её.</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>“{0}”</source>
      <translation>«{0}»</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>Merge ideas</source>
      <translation>Объединить идеи</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>Ideas to take on</source>
      <translation>Идей берём дальше</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <location filename="../../game/ui/workshop_setup.py" />
      <source>all with a dot</source>
      <translation>все с точками</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>the whole team</source>
      <translation>вся команда</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>no votes for your own team's ideas</source>
      <translation>за идеи своей команды голосовать нельзя</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>votes shown</source>
      <translation>голоса открыты</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>votes hidden until revealed (Ctrl+Shift+V)</source>
      <translation>голоса скрыты, пока их не откроют (Ctrl+Shift+V)</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>Alt+{0} jumps to this team's line</source>
      <translation>Alt+{0} — перейти к строке этой команды</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>New idea of {0}</source>
      <translation>Новая идея: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>{0}: type an idea, Enter</source>
      <translation>{0}: идея и Enter</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>Ideas of {0}</source>
      <translation>Идеи: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>“{0}” is the same idea as:</source>
      <translation>«{0}» — та же идея, что и:</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>{0} dots each, at most {1} on one idea</source>
      <translation>точек у каждого: {0}, на одну идею — не больше {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>Put ahead (tie)</source>
      <translation>Вперёд (ничья)</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>Alt+{0} picks who votes</source>
      <translation>Alt+{0} — выбрать, кто голосует</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>yours: {0}</source>
      <translation>ваши: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>in all: {0}</source>
      <translation>всего: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Spreadsheet, CSV (*.csv)</source>
      <translation>Таблица CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Excel workbook (*.xlsx)</source>
      <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Markdown for a wiki (*.md)</source>
      <translation>Markdown для вики (*.md)</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>JSON, to import again (*.json)</source>
      <translation>JSON для повторного импорта (*.json)</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>PDF handout (*.pdf)</source>
      <translation>Раздатка PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Export ideas</source>
      <translation>Экспорт идей</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Import ideas</source>
      <translation>Импорт идей</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Ideas (*.json *.csv)</source>
      <translation>Идеи (*.json *.csv)</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>PDF report (*.pdf)</source>
      <translation>Отчёт PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Web page (*.html)</source>
      <translation>Веб-страница (*.html)</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Session report</source>
      <translation>Отчёт о сессии</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>report</source>
      <translation>отчёт</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Cards on A4 (*.pdf)</source>
      <translation>Карты на A4 (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Cards on US Letter (*.pdf)</source>
      <translation>Карты на US Letter (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Print this deck</source>
      <translation>Распечатать колоду</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>{0} ideas written to {1}</source>
      <translation>Идей записано: {0} — в {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Import a CSV file</source>
      <translation>Импорт CSV-файла</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Import</source>
      <translation>Импортировать</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Imported {0} ideas; {1} were already in the library.</source>
      <translation>Импортировано идей: {0}; уже были в библиотеке: {1}.</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Report written to {0}</source>
      <translation>Отчёт записан в {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>{0} pages of cards written to {1}</source>
      <translation>Страниц с картами: {0} — записано в {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Exporting…</source>
      <translation>Экспорт…</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Choose which idea field each column fills; columns set to “skip” are ignored.</source>
      <translation>Выберите, какое поле идеи заполняет каждый столбец; столбцы с «пропустить» не используются.</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>skip</source>
      <translation>пропустить</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Importing…</source>
      <translation>Импорт…</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Could not write {0}: {1}</source>
      <translation>Не удалось записать {0}: {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Nothing was imported: {0}</source>
      <translation>Ничего не импортировано: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Business</source>
      <translation>Бизнес</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Client</source>
      <translation>Клиент</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Touchpoint</source>
      <translation>Точка контакта</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Lens</source>
      <translation>Линза</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Technomagic</source>
      <translation>Техномагия</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Constraint</source>
      <translation>Ограничение</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Human check</source>
      <translation>Проверка на человечность</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Obstacle</source>
      <translation>Нештатная ситуация</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Warm-up</source>
      <translation>Разминка</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Moment</source>
      <translation>Момент</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Magic</source>
      <translation>Магия</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Check</source>
      <translation>Проверка</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Choose</source>
      <translation>Выбор</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Promise</source>
      <translation>Обещание</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Example story</source>
      <translation>Пример</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Put this card back and draw another (Ctrl+R redraws the first card)</source>
      <translation>Вернуть карту в колоду и вытянуть другую (Ctrl+R заменяет первую карту)</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Paused</source>
      <translation>Пауза</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Pause</source>
      <translation>Пауза</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Pause or resume the timer (Ctrl+Space)</source>
      <translation>Пауза или продолжение таймера (Ctrl+Space)</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Esc or F1 closes this</source>
      <translation>Esc или F1 — закрыть</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Quit (a round in play is kept)</source>
      <translation>Выйти (раунд в игре сохранится)</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>This help</source>
      <translation>Эта справка</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Resume</source>
      <translation>Продолжить</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Fix</source>
      <translation>Починка</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>WOW</source>
      <translation>WOW</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Plan B</source>
      <translation>План Б</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Twist: {0}</source>
      <translation>Вариант: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Name the teams as the room calls them; empty names become Team 1, Team 2…</source>
      <translation>Назовите команды так, как их зовут в зале; пустые названия станут «Команда 1», «Команда 2»…</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>+ team</source>
      <translation>+ команда</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>− team</source>
      <translation>− команда</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Scenario</source>
      <translation>Сценарий</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Dots for each voter</source>
      <translation>Точек у каждого голосующего</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>At most on one idea</source>
      <translation>Не больше на одну идею</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Teams may vote for their own ideas</source>
      <translation>Команды могут голосовать за свои идеи</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Every named player votes (not each team)</source>
      <translation>Голосует каждый названный игрок (а не команда)</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Show ideas on the projector without teams</source>
      <translation>Показывать идеи в зале без названий команд</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Ideas to take on to promises</source>
      <translation>Сколько идей превращаем в обещания</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Start the workshop</source>
      <translation>Начать воркшоп</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>A workshop needs 2 to 8 teams.</source>
      <translation>В воркшопе от 2 до 8 команд.</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Every team needs a name.</source>
      <translation>У каждой команды должно быть название.</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Two teams have the same name: each team needs its own.</source>
      <translation>У двух команд одно название: каждой нужно своё.</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>A player's name appears twice in one team.</source>
      <translation>В одной команде дважды указан один и тот же игрок.</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Players (optional, comma-separated)</source>
      <translation>Игроки (необязательно, через запятую)</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Anna, Boris</source>
      <translation>Анна, Борис</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Name the players of at least one team, or let each team vote.</source>
      <translation>Назовите игроков хотя бы одной команды или пусть голосует каждая команда.</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Team {0}: name</source>
      <translation>Команда {0}: название</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Team {0}</source>
      <translation>Команда {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Team {0}: players</source>
      <translation>Команда {0}: игроки</translation>
    </message>
  </context>
</TS>
