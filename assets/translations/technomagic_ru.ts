<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
  <context>
    <name>Game</name>
    <message>
      <location filename="../../game/cli.py" />
      <source>added {0}, skipped {1} duplicates</source>
      <translation>добавлено: {0}, пропущено повторов: {1}</translation>
    </message>
    <message>
      <location filename="../../game/cli.py" />
      <source>{0}: nothing was imported: the library refused it ({1})</source>
      <translation>{0}: ничего не импортировано: библиотека не приняла файл ({1})</translation>
    </message>
    <message>
      <location filename="../../game/cli.py" />
      <source>{0}: nothing was imported: the file is too large or too deep to check ({1})</source>
      <translation>{0}: ничего не импортировано: файл слишком велик или слишком глубоко вложен, чтобы его проверить ({1})</translation>
    </message>
    <message>
      <location filename="../../game/cli.py" />
      <source>cannot write {0}: {1}</source>
      <translation>не удаётся записать {0}: {1}</translation>
    </message>
    <message>
      <location filename="../../game/cli.py" />
      <source>{0}: import reads .json and .csv files</source>
      <translation>{0}: импорт читает файлы .json и .csv</translation>
    </message>
    <message>
      <location filename="../../game/cli.py" />
      <source>wrote {0} ideas to {1}</source>
      <translation>Записано идей: {0}, в {1}</translation>
    </message>
    <message>
      <location filename="../../game/cli.py" />
      <source>--map {0}: COLUMN=FIELD, for CSV files only</source>
      <translation>--map {0}: нужно СТОЛБЕЦ=ПОЛЕ, и только для CSV</translation>
    </message>
    <message>
      <location filename="../../game/cli.py" />
      <source>note: {0}</source>
      <translation>заметка: {0}</translation>
    </message>
    <message>
      <location filename="../../game/io/csv_import.py" />
      <source>{0} columns; at most {1} are read</source>
      <translation>столбцов: {0}; читается не больше {1}</translation>
    </message>
    <message>
      <location filename="../../game/io/csv_import.py" />
      <source>columns {0} and {1} are both mapped to {2}</source>
      <translation>столбцы {0} и {1} оба сопоставлены с {2}</translation>
    </message>
    <message>
      <location filename="../../game/io/csv_import.py" />
      <source>column {0} is mapped to {1}, which is not a field</source>
      <translation>столбец {0} сопоставлен с {1}, а такого поля нет</translation>
    </message>
    <message>
      <location filename="../../game/io/csv_import.py" />
      <source>no column is mapped to the title or the text</source>
      <translation>ни один столбец не сопоставлен с названием или текстом</translation>
    </message>
    <message>
      <location filename="../../game/io/csv_import.py" />
      <location filename="../../game/io/import_checks.py" />
      <location filename="../../game/io/json_import.py" />
      <source>{0} characters; at most {1} are kept</source>
      <translation>знаков: {0}; хранится не больше {1}</translation>
    </message>
    <message>
      <location filename="../../game/io/csv_import.py" />
      <location filename="../../game/io/json_import.py" />
      <source>{0} is not a whole number from 0 to {1}</source>
      <translation>{0} — не целое число от 0 до {1}</translation>
    </message>
    <message>
      <location filename="../../game/io/csv_import.py" />
      <location filename="../../game/io/json_import.py" />
      <source>{0} is not one of {1}</source>
      <translation>{0} — не одно из {1}</translation>
    </message>
    <message>
      <location filename="../../game/io/csv_import.py" />
      <location filename="../../game/io/json_import.py" />
      <source>{0} is not one of {1} or empty</source>
      <translation>{0} — не одно из {1} и не пусто</translation>
    </message>
    <message>
      <location filename="../../game/io/csv_import.py" />
      <source>{0} is not a date</source>
      <translation>{0} — не дата</translation>
    </message>
    <message>
      <location filename="../../game/io/csv_import.py" />
      <location filename="../../game/io/json_import.py" />
      <source>{0} is not between {1} and {2}</source>
      <translation>{0} — не между {1} и {2} годом</translation>
    </message>
    <message>
      <location filename="../../game/io/csv_import.py" />
      <source>a note of {0} has {1} characters; at most {2} are kept</source>
      <translation>в заметке от {0} знаков: {1}; хранится не больше {2}</translation>
    </message>
    <message>
      <location filename="../../game/io/csv_import.py" />
      <source>not valid CSV: {0}</source>
      <translation>неверный CSV: {0}</translation>
    </message>
    <message>
      <location filename="../../game/io/csv_import.py" />
      <source>there is no column {0}</source>
      <translation>нет столбца {0}</translation>
    </message>
    <message>
      <location filename="../../game/io/csv_import.py" />
      <source>{0} columns are not imported: {1}</source>
      <translation>не импортируются столбцы ({0}): {1}</translation>
    </message>
    <message>
      <location filename="../../game/io/csv_import.py" />
      <location filename="../../game/io/json_import.py" />
      <source>no title and no text</source>
      <translation>нет ни названия, ни текста</translation>
    </message>
    <message>
      <location filename="../../game/io/csv_import.py" />
      <source>column {0} is not imported</source>
      <translation>столбец {0} не импортируется</translation>
    </message>
    <message>
      <location filename="../../game/io/csv_import.py" />
      <source>more than {0} ideas; a file brings at most that many</source>
      <translation>идей больше {0}: это наибольшее число идей в одном файле</translation>
    </message>
    <message>
      <location filename="../../game/io/import_checks.py" />
      <source>byte {0} (0x{1}) is not UTF-8 text: save the file as UTF-8</source>
      <translation>байт {0} (0x{1}) — не текст UTF-8: сохраните файл в UTF-8</translation>
    </message>
    <message>
      <location filename="../../game/io/import_checks.py" />
      <source>byte {0} (0x{1}) is not UTF-8, Windows-1251 or UTF-16 text: save the file as UTF-8</source>
      <translation>байт {0} (0x{1}) — не текст UTF-8, Windows-1251 или UTF-16: сохраните файл в UTF-8</translation>
    </message>
    <message>
      <location filename="../../game/io/import_checks.py" />
      <source>column {0}: character {1} is not allowed (only tab and line breaks are)</source>
      <translation>позиция {0}: знак {1} недопустим (можно только табуляцию и переводы строк)</translation>
    </message>
    <message>
      <location filename="../../game/io/import_checks.py" />
      <source>character {0} at position {1} is not allowed (only tab and line breaks are)</source>
      <translation>знак {0} на позиции {1} недопустим (можно только табуляцию и переводы строк)</translation>
    </message>
    <message>
      <location filename="../../game/io/import_checks.py" />
      <source>{0} tags; an idea has at most {1}</source>
      <translation>меток: {0}; у идеи их не больше {1}</translation>
    </message>
    <message>
      <location filename="../../game/io/import_checks.py" />
      <source>cannot read the file ({0})</source>
      <translation>не удаётся прочитать файл ({0})</translation>
    </message>
    <message>
      <location filename="../../game/io/import_checks.py" />
      <source>not a regular file (a folder, a device or a pipe); nothing was read</source>
      <translation>это не обычный файл (папка, устройство или канал); ничего не прочитано</translation>
    </message>
    <message>
      <location filename="../../game/io/import_checks.py" />
      <source>tag {0} has {1} characters; at most {2} are kept</source>
      <translation>в метке {0} знаков: {1}; хранится не больше {2}</translation>
    </message>
    <message>
      <location filename="../../game/io/import_checks.py" />
      <source>the file is larger than {0} MB; it is not imported</source>
      <translation>файл больше {0} МБ; он не импортируется</translation>
    </message>
    <message>
      <location filename="../../game/io/import_checks.py" />
      <source>byte {0} is not {1} text</source>
      <translation>байт {0} — не текст {1}</translation>
    </message>
    <message>
      <location filename="../../game/io/intake.py" />
      <source>{0}:{1}: idea {2}</source>
      <translation>{0}:{1}: идея {2}</translation>
    </message>
    <message>
      <location filename="../../game/io/intake.py" />
      <source>{0}: idea {1}</source>
      <translation>{0}: идея {1}</translation>
    </message>
    <message>
      <location filename="../../game/io/intake.py" />
      <source>field '{0}': {1}</source>
      <translation>поле '{0}': {1}</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>field {0} is not an idea field; left out</source>
      <translation>поле {0} — не поле идеи; пропущено</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>more than {0} objects and lists; a file brings at most {1} ideas</source>
      <translation>больше {0} объектов и списков; файл приносит не больше {1} идей</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>{0} is not at most {1} check ids, each true or false</source>
      <translation>{0} — не до {1} id проверок со значениями true или false</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>{0} ideas; a file brings at most {1}</source>
      <translation>идей: {0}; файл приносит не больше {1}</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>{0} is not text</source>
      <translation>{0} — не текст</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>{0} is not a card id</source>
      <translation>{0} — не id карты</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>{0} is not a date (YYYY-MM-DD)</source>
      <translation>{0} — не дата (ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>{0} is not a date and time (ISO 8601)</source>
      <translation>{0} — не дата и время (ISO 8601)</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>not valid JSON: {0} (column {1})</source>
      <translation>неверный JSON: {0} (позиция {1})</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>version {0} is not one this game reads ({1})</source>
      <translation>версию {0} эта игра не читает ({1})</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>{0} is not an object</source>
      <translation>{0} — не объект</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>{0} is not a list of texts</source>
      <translation>{0} — не список текстов</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>{0} is not a list</source>
      <translation>{0} — не список</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>{0} is not a number JSON allows</source>
      <translation>{0} — не число, которое допускает JSON</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>the key {0} is twice in one object</source>
      <translation>ключ {0} дважды в одном объекте</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>not an ideas file: its lists and objects are nested too deep</source>
      <translation>это не файл идей: списки и объекты вложены слишком глубоко</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>a number has too many digits</source>
      <translation>в числе слишком много цифр</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>not an ideas file: neither an object nor a list</source>
      <translation>это не файл идей: ни объект, ни список</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>{0} is not {{"on": date, "text": text}}</source>
      <translation>{0} — не {{"on": дата, "text": текст}}</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>not an ideas file: it needs "format": "{0}"</source>
      <translation>это не файл идей: нужно "format": "{0}"</translation>
    </message>
    <message>
      <location filename="../../game/io/json_import.py" />
      <source>"ideas" is not a list</source>
      <translation>"ideas" — не список</translation>
    </message>
    <message>
      <location filename="../../game/io/tabular.py" />
      <source>{0} cells were longer than {1} characters, which a workbook holds, and were cut</source>
      <translation>ячеек длиннее {1} знаков (больше не вмещает книга) — {0}; они обрезаны</translation>
    </message>
    <message>
      <location filename="../../game/io/tabular.py" />
      <source>{0} cells had control characters, which a workbook cannot hold; they were left out</source>
      <translation>ячеек с управляющими знаками, которых книга не вмещает, — {0}; эти знаки пропущены</translation>
    </message>
    <message>
      <location filename="../../game/ui/autosave.py" />
      <source>Cannot keep the round in {0}: {1}</source>
      <translation>Не получается сохранить раунд в {0}: {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/autosave.py" />
      <source>An unfinished round could not be read ({0}); it is kept in {1}</source>
      <translation>Незаконченный раунд не удалось прочитать ({0}); он сохранён в {1}</translation>
    </message>
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
      <source>Show or hide the join card (QR code) for phones</source>
      <translation>Показать или скрыть карточку входа (QR-код) для телефонов</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>The phones in the room</source>
      <translation>Телефоны в комнате</translation>
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
      <location filename="../../game/ui/scenario_studio.py" />
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
      <location filename="../../game/ui/widgets.py" />
      <source>Paused</source>
      <translation>Пауза</translation>
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
      <source>Phones: {0} of {1}</source>
      <translation>Телефоны: {0} из {1}</translation>
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
      <source>Phones</source>
      <translation>Телефоны</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>Join card</source>
      <translation>Карточка входа</translation>
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
      <source>{0}: redraw {1}</source>
      <translation>{0}: заменить карту «{1}»</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>A tie on the line: press Put ahead on the idea the room keeps.</source>
      <translation>Ничья на границе: нажмите «Вперёд» у идеи, которую оставляет зал.</translation>
    </message>
    <message>
      <location filename="../../game/ui/console.py" />
      <source>{0}: type what the team names</source>
      <translation>{0}: впишите, что назовёт команда</translation>
    </message>
    <message>
      <location filename="../../game/ui/crash.py" />
      <source>the log could not be written; the details went to the terminal</source>
      <translation>журнал записать не удалось; подробности выведены в терминал</translation>
    </message>
    <message>
      <location filename="../../game/ui/crash.py" />
      <source>Something went wrong</source>
      <translation>Что-то пошло не так</translation>
    </message>
    <message>
      <location filename="../../game/ui/crash.py" />
      <source>Something went wrong inside the game: {0}.

Your round is kept: it comes back with Continue on the home screen.

The details are in {1}</source>
      <translation>В игре что-то пошло не так: {0}.

Ваш раунд сохранён: он вернётся по кнопке «Продолжить» на главном экране.

Подробности — в {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/crash.py" />
      <source>Something went wrong inside the game: {0}.

No round was in play. The details are in {1}</source>
      <translation>В игре что-то пошло не так: {0}.

Раунда в игре не было. Подробности — в {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Shipped decks stay as they are. Your copy, with the same id, is what your games will play; “Back to the shipped deck” undoes that at any time. Make your copy?</source>
      <translation>Колоды, которые идут с игрой, не меняются. В ваших партиях будет играть ваша копия с тем же id; «Вернуть колоду из игры» в любой момент отменит это. Сделать копию?</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Shipped scenarios stay as they are. Your copy, with the same id, is what the game will play. Make your copy?</source>
      <translation>Сценарии, которые идут с игрой, не меняются. Играть будет ваша копия с тем же id. Сделать копию?</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Make my copy</source>
      <translation>Сделать мою копию</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Edit a shipped deck</source>
      <translation>Изменить колоду из игры</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Install deck</source>
      <translation>Установить колоду</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Deck packs (*.tmdeck)</source>
      <translation>Файлы колод (*.tmdeck)</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Export deck</source>
      <translation>Выгрузить колоду</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Edit a shipped scenario</source>
      <translation>Изменить сценарий из игры</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Create</source>
      <translation>Создать</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>New deck</source>
      <translation>Новая колода</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Deck kind</source>
      <translation>Вид колоды</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Installed {0} as {1}</source>
      <translation>Колода «{0}» установлена: {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Deck written to {0}: give it to a colleague, who installs it with Install deck…</source>
      <translation>Колода записана в {0}: отдайте файл коллеге, он установит его кнопкой «Установить колоду…»</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>New scenario</source>
      <translation>Новый сценарий</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Start from</source>
      <translation>Взять за основу</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Name in Russian</source>
      <translation>Название по-русски</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Name in English</source>
      <translation>Название по-английски</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Install</source>
      <translation>Установить</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Keep both</source>
      <translation>Оставить обе</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Replace mine</source>
      <translation>Заменить мою</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Not installed: {0}</source>
      <translation>Не установлено: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>You already have a deck with this id ({0}).</source>
      <translation>У вас уже есть колода с таким id ({0}).</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Not installed: cannot write {0}: {1}</source>
      <translation>Не установлено: не удалось записать {0}: {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <location filename="../../game/ui/transfer.py" />
      <source>Could not write {0}: {1}</source>
      <translation>Не удалось записать {0}: {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>Not installed, nothing was written: {0}</source>
      <translation>Не установлено, ничего не записано: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>
… and {0} more</source>
      <translation>
… и ещё {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <location filename="../../game/ui/screens.py" />
      <source>min</source>
      <translation>мин</translation>
    </message>
    <message>
      <location filename="../../game/ui/deck_actions.py" />
      <source>{0} — {1}, {2} cards:</source>
      <translation>«{0}» — {1}, карт: {2}:</translation>
    </message>
    <message>
      <location filename="../../game/ui/decks_controller.py" />
      <source>The game cannot play it yet: {0}</source>
      <translation>Игра пока не может его запустить: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/decks_controller.py" />
      <source>Cannot open {0}: {1}</source>
      <translation>Не удалось открыть {0}: {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/decks_controller.py" />
      <source>Your copy is kept in {0}</source>
      <translation>Ваша копия сохранена в {0}</translation>
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
      <source>Due</source>
      <translation>Срок</translation>
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
      <location filename="../../game/ui/library_safety.py" />
      <source>Open another folder</source>
      <translation>Открыть другую папку</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_safety.py" />
      <location filename="../../game/ui/safety.py" />
      <source>Restored the backup of {0} ({1} ideas).</source>
      <translation>Восстановлена копия от {0} (идей: {1}).</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_safety.py" />
      <source>Rescuing the library…</source>
      <translation>Спасаем библиотеку…</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_safety.py" />
      <source>Rounds saved to the idea library: {0}.</source>
      <translation>Раундов сохранено в библиотеку идей: {0}.</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_safety.py" />
      <source>The library could not be backed up: {0}</source>
      <translation>Не удалось сделать резервную копию библиотеки: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_safety.py" />
      <source>Rescued {0} ideas into a new library; {1} damaged rows were skipped. The damaged file is kept as {2}</source>
      <translation>Спасено идей в новую библиотеку: {0}; повреждённых строк пропущено: {1}. Повреждённый файл сохранён как {2}</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_safety.py" />
      <location filename="../../game/ui/safety.py" />
      <source>The library it replaced is kept as {0}</source>
      <translation>Библиотека, которую она заменила, сохранена как {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_safety.py" />
      <source>Not saved: {0}</source>
      <translation>Не сохранено: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_safety.py" />
      <location filename="../../game/ui/safety.py" />
      <source>The backup could not be restored: {0}</source>
      <translation>Не удалось восстановить копию: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_safety.py" />
      <source>Nothing could be rescued: {0}</source>
      <translation>Ничего спасти не удалось: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <location filename="../../game/ui/library_settings.py" />
      <location filename="../../game/ui/main_window.py" />
      <location filename="../../game/ui/screens.py" />
      <location filename="../../game/ui/settings_dialog.py" />
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
      <source>Changed on another computer</source>
      <translation>Изменено на другом компьютере</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Keep mine writes your change over theirs; take theirs shows what they saved.</source>
      <translation>«Оставить моё» запишет вашу правку поверх их правки; «Взять их» покажет, что сохранили они.</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Keep mine</source>
      <translation>Оставить моё</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Take theirs</source>
      <translation>Взять их</translation>
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
      <location filename="../../game/ui/studio.py" />
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
      <source>By when</source>
      <translation>К какому сроку</translation>
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
      <location filename="../../game/ui/room_panel.py" />
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
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Editing is off: your database role may read this library, not change it.</source>
      <translation>Правка выключена: ваша роль в базе данных может читать эту библиотеку, но не менять её.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../game/ui/library_screen.py" />
      <location filename="../../game/ui/presenter.py" />
      <location filename="../../game/ui/round_end.py" />
      <location filename="../../game/ui/screens.py" />
      <location filename="../../game/ui/transfer.py" />
      <source>%n ideas</source>
      <translation>
        <numerusform>%Ln идея</numerusform>
        <numerusform>%Ln идеи</numerusform>
        <numerusform>%Ln идей</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <location filename="../../game/ui/screens.py" />
      <source>Edit</source>
      <translation>Правка</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>changed on another computer at {0}</source>
      <translation>изменено на другом компьютере в {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>This library is read-only for you</source>
      <translation>Эта библиотека для вас только для чтения</translation>
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
      <location filename="../../game/ui/studio.py" />
      <source>Redo</source>
      <translation>Вернуть</translation>
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
      <source>read-only: your database role may read this library but not change it</source>
      <translation>только чтение: ваша роль в базе данных может читать библиотеку, но не менять</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Set status</source>
      <translation>Смена статуса</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Delete {0}</source>
      <translation>Удалить: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>This idea was changed on another computer at {0}.</source>
      <translation>Эту идею изменили на другом компьютере: {0}.</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>Any card</source>
      <translation>Любая карта</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_screen.py" />
      <source>The library server cannot be reached just now; the list comes back with it.</source>
      <translation>Сервер библиотеки сейчас недоступен; список вернётся вместе с ним.</translation>
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
      <source>No ideas yet. Play a round: the ideas you choose land here.</source>
      <translation>Идей пока нет. Сыграйте раунд — выбранные идеи появятся здесь.</translation>
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
      <location filename="../../game/ui/library_screen.py" />
      <source>more than {0} ideas</source>
      <translation>более {0} идей</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_settings.py" />
      <source>Passwords are never kept here: put them in ~/.pgpass or PGPASSWORD, as for psql.</source>
      <translation>Пароли здесь не хранятся: укажите их в ~/.pgpass или PGPASSWORD, как для psql.</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_settings.py" />
      <source>Use this library</source>
      <translation>Использовать эту библиотеку</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_settings.py" />
      <source>Use the file in the data folder</source>
      <translation>Файл в папке данных</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_settings.py" />
      <source>Copy to…</source>
      <translation>Копировать в…</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_settings.py" />
      <source>Opening…</source>
      <translation>Открываю…</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_settings.py" />
      <source>Copying…</source>
      <translation>Копирую…</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_settings.py" />
      <source>This run was started with a library of its own (--library or TECHNOMAGIC_LIBRARY): a choice made here applies when neither is given.</source>
      <translation>Игра запущена со своей библиотекой (--library или TECHNOMAGIC_LIBRARY): выбор здесь действует, когда их нет.</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_settings.py" />
      <source>A PostgreSQL server the team shares, or a SQLite file:</source>
      <translation>Общий сервер PostgreSQL команды или файл SQLite:</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_settings.py" />
      <source>Copy every round, idea and note of the library in use to another one:</source>
      <translation>Скопировать все раунды, идеи и заметки текущей библиотеки в другую:</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_settings.py" />
      <source>In use now: {0}</source>
      <translation>Сейчас используется: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_settings.py" />
      <source>Not changed: {0}</source>
      <translation>Не изменено: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_settings.py" />
      <source>Copied: {0} rounds, {1} ideas, {2} notes.</source>
      <translation>Скопировано — раундов: {0}, идей: {1}, заметок: {2}.</translation>
    </message>
    <message>
      <location filename="../../game/ui/library_settings.py" />
      <source>The copy stopped: {0}. Copy again to go on where it stopped.</source>
      <translation>Копирование остановилось: {0}. Запустите снова — оно продолжится с того же места.</translation>
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
      <source>&amp;Library</source>
      <translation>&amp;Библиотека</translation>
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
      <source>Backups…</source>
      <translation>Резервные копии…</translation>
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
      <source>Technomagic of Impressions, version {0}.
Your data: {1}</source>
      <translation>Техномагия впечатлений, версия {0}.
Ваши данные: {1}</translation>
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
      <location filename="../../game/ui/room_card.py" />
      <source>Join from your phone: scan the code</source>
      <translation>Входите с телефона: отсканируйте код</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_card.py" />
      <source>the room is locked</source>
      <translation>комната закрыта</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_card.py" />
      <source>Code</source>
      <translation>Код</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_card.py" />
      <source>or open {0} and type the code</source>
      <translation>или откройте {0} и введите код</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_card.py" />
      <location filename="../../game/ui/room_panel.py" />
      <source>Joined: {0}</source>
      <translation>Вошли: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_panel.py" />
      <source>Phones may take the report home</source>
      <translation>Телефоны могут забрать отчёт с собой</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_panel.py" />
      <source>When the workshop ends, each phone can open the session report, the same as the laptop exports</source>
      <translation>Когда воркшоп закончится, каждый телефон сможет открыть отчёт о сессии — тот же, что сохраняет ноутбук</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_panel.py" />
      <source>Phones in the room</source>
      <translation>Телефоны в комнате</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_panel.py" />
      <source>Move to team</source>
      <translation>Перевести в команду</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_panel.py" />
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Remove</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_panel.py" />
      <source>Lock the room (no new phones)</source>
      <translation>Закрыть комнату (новые телефоны не войдут)</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_panel.py" />
      <location filename="../../game/ui/safety.py" />
      <source>Close</source>
      <translation>Закрыть</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_panel.py" />
      <source>connected</source>
      <translation>на связи</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_panel.py" />
      <source>idle</source>
      <translation>молчит</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_panel.py" />
      <source>gone</source>
      <translation>ушёл</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_panel.py" />
      <source>Name</source>
      <translation>Имя</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_panel.py" />
      <source>Connection</source>
      <translation>Связь</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_panel.py" />
      <source>(no name)</source>
      <translation>(без имени)</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_panel.py" />
      <source>(no team yet)</source>
      <translation>(команда не выбрана)</translation>
    </message>
    <message>
      <location filename="../../game/ui/room_panel.py" />
      <source>Phones open {0} and type the code {1}.</source>
      <translation>Телефоны открывают {0} и вводят код {1}.</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_end.py" />
      <source>round</source>
      <translation>раунд</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_end.py" />
      <source>Saving to the idea library…</source>
      <translation>Сохраняем в библиотеку идей…</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_end.py" />
      <source>The library is back: rounds that waited, saved now: {0}.</source>
      <translation>Библиотека снова доступна: ожидавшие раунды сохранены, их {0}.</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_end.py" />
      <source>Saved to the idea library: {0}.</source>
      <translation>Сохранено в библиотеку идей: {0}.</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_end.py" />
      <source>The library server ({0}) cannot be reached: your round waits in {1} and is sent when it is back.</source>
      <translation>Сервер библиотеки ({0}) недоступен: раунд ждёт в {1} и будет отправлен, когда сервер вернётся.</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_end.py" />
      <source>Could not save to the library ({0}). Your round is kept in {1}</source>
      <translation>Не удалось сохранить в библиотеку ({0}). Ваш раунд не потерян — он в файле {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/round_end.py" />
      <source>Could not save to the library ({0}), nor keep the round in {1} ({2}). The round stays open: free some space or fix the folder, then finish again.</source>
      <translation>Не удалось сохранить в библиотеку ({0}) и отложить раунд в {1} ({2}). Раунд остаётся открытым: освободите место на диске или исправьте папку и завершите раунд ещё раз.</translation>
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
      <location filename="../../game/ui/safety.py" />
      <source>today</source>
      <translation>сегодня</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>The idea library file cannot be read. Nothing will be written into it.</source>
      <translation>Файл библиотеки идей не читается. В него ничего не будет записано.</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>Restore a backup</source>
      <translation>Восстановить копию</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>yesterday</source>
      <translation>вчера</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>Open another folder…</source>
      <translation>Открыть другую папку…</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>Save now</source>
      <translation>Сохранить сейчас</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>Backups</source>
      <translation>Резервные копии</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>Back up now</source>
      <translation>Сделать копию сейчас</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>Restore…</source>
      <translation>Восстановить…</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>The idea library is damaged: part of the file cannot be read. Nothing will be written into it.</source>
      <translation>Библиотека идей повреждена: часть файла не читается. В неё ничего не будет записано.</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>The idea library file is empty (0 bytes), though backups of it exist. Nothing will be written into it.</source>
      <translation>Файл библиотеки идей пуст (0 байт), хотя её резервные копии есть. В него ничего не будет записано.</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>The idea library was made by a newer version of the game. Update the game to open it; nothing will be written into it.</source>
      <translation>Библиотека идей создана более новой версией игры. Обновите игру, чтобы открыть её; в неё ничего не будет записано.</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>The idea library cannot be written in its folder (the folder is read-only, or the disk is full). The file itself is left as it was.</source>
      <translation>Библиотеку идей нельзя записать в её папке (папка только для чтения или диск заполнен). Сам файл остался как был.</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>Rescue what can be read</source>
      <translation>Спасти то, что читается</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>Put the backup of {0} ({1} ideas) in place of the library? The library as it is now is set aside beside it, not deleted.</source>
      <translation>Поставить копию от {0} (идей: {1}) на место библиотеки? Нынешняя библиотека будет отложена рядом, а не удалена.</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>damaged</source>
      <translation>повреждена</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>No backups yet.</source>
      <translation>Резервных копий пока нет.</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>There is no library to back up.</source>
      <translation>Библиотеки, которую можно скопировать, пока нет.</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>This backup is damaged and cannot be restored.</source>
      <translation>Эта копия повреждена, восстановить её нельзя.</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>Rounds not yet in the library: {0}</source>
      <translation>Раундов ещё не в библиотеке: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>A checked copy of the library is kept before every import and upgrade, and when it changed: the last ten, one a day for a week and one a week for a month. Folder: {0}</source>
      <translation>Проверенная копия библиотеки делается перед каждым импортом и обновлением, а также когда библиотека изменилась: хранятся последние десять, по одной за день в течение недели и по одной за неделю в течение месяца. Папка: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>File: {0}</source>
      <translation>Файл: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>Restore the backup of {0} ({1} ideas)</source>
      <translation>Восстановить копию от {0} (идей: {1})</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>before an import</source>
      <translation>перед импортом</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>before an upgrade</source>
      <translation>перед обновлением</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>{0} ideas</source>
      <translation>Идей: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>Backed up: {0}</source>
      <translation>Копия сделана: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/safety.py" />
      <source>The backup failed: {0}</source>
      <translation>Копия не удалась: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Scenario studio</source>
      <translation>Мастерская сценариев</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Scenario name ({0})</source>
      <translation>Название сценария ({0})</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Who plays it</source>
      <translation>Кто играет</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Alone</source>
      <translation>Один человек</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Teams in a workshop</source>
      <translation>Команды на воркшопе</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Steps of the scenario</source>
      <translation>Шаги сценария</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>+ Step</source>
      <translation>+ Шаг</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Add a step after this one</source>
      <translation>Добавить шаг после этого</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Take the step out</source>
      <translation>Убрать шаг</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <location filename="../../game/ui/studio.py" />
      <source>↑</source>
      <translation>↑</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Move the step up</source>
      <translation>Поднять шаг</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <location filename="../../game/ui/studio.py" />
      <source>↓</source>
      <translation>↓</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Move the step down</source>
      <translation>Опустить шаг</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Minutes</source>
      <translation>Минуты</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source> min</source>
      <translation> мин</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Seconds</source>
      <translation>Секунды</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source> s</source>
      <translation> с</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Shortlist per team</source>
      <translation>Короткий список команды</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Ideas each team puts forward for the check (0: every idea)</source>
      <translation>Сколько идей каждая команда выдвигает на проверку (0 — все идеи)</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>every idea</source>
      <translation>все идеи</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Teams tick on their phones</source>
      <translation>Команды отмечают на телефонах</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>When the room joins from phones: each team ticks its own ideas' checks</source>
      <translation>Когда зал подключён с телефонов: каждая команда сама отмечает проверку своих идей</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Stated length in minutes</source>
      <translation>Заявленная длительность в минутах</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Stated length</source>
      <translation>Заявленная длительность</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Dots per voter</source>
      <translation>Точек у каждого</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Most dots on one idea</source>
      <translation>Больше всего точек на одну идею</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Votes for one's own ideas</source>
      <translation>Можно голосовать за свои идеи</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Rehearse</source>
      <translation>Прогнать</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Save it and play it now, alone</source>
      <translation>Сохранить и сразу сыграть одному</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>no timer</source>
      <translation>без таймера</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Timer</source>
      <translation>Таймер</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Decks drawn</source>
      <translation>Какие колоды тянуть</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>each team its own</source>
      <translation>каждой команде свою</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <location filename="../../game/ui/studio.py" />
      <source>← Decks</source>
      <translation>← Колоды</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Back to every deck and scenario</source>
      <translation>Назад ко всем колодам и сценариям</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Steps, opening, break and wrap-up add up to {0} min; the scenario says {1} min.</source>
      <translation>Шаги, вступление, перерыв и завершение — это {0} мин; в сценарии заявлено {1} мин.</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Change a timer or the stated length so they agree.</source>
      <translation>Поправьте таймер или заявленную длительность, чтобы они совпали.</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Opening</source>
      <translation>Вступление</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Wrap-up</source>
      <translation>Завершение</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Step {0}: {1}</source>
      <translation>Шаг {0}: {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <location filename="../../game/ui/studio.py" />
      <source>Saved to {0}</source>
      <translation>Сохранено в {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Draws a {0} card</source>
      <translation>Тянуть карту: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Each team draws its own {0} card</source>
      <translation>Каждая команда тянет свою карту: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Instruction ({0})</source>
      <translation>Инструкция ({0})</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <source>Until this is fixed the game skips the scenario: {0}</source>
      <translation>Пока это не исправлено, игра пропускает сценарий: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/scenario_studio.py" />
      <location filename="../../game/ui/studio.py" />
      <source>Not saved: {0}: {1}</source>
      <translation>Не сохранено: {0}: {1}</translation>
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
      <source>New deck…</source>
      <translation>Новая колода…</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Write your own deck: cards in Russian and English, saved as you go</source>
      <translation>Своя колода: карты по-русски и по-английски, всё сохраняется сразу</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>New scenario…</source>
      <translation>Новый сценарий…</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Build a session from the game's steps, with your timers and decks</source>
      <translation>Соберите занятие из шагов игры — со своими таймерами и колодами</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Install deck…</source>
      <translation>Установить колоду…</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Add a deck a colleague gave you (a .tmdeck file), checked first</source>
      <translation>Добавить колоду от коллеги (файл .tmdeck) — сначала она будет проверена</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Export deck…</source>
      <translation>Выгрузить колоду…</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>One .tmdeck file with the deck and its art, to give to a colleague</source>
      <translation>Один файл .tmdeck с колодой и картинками — чтобы отдать коллеге</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Open the scenario in the scenario studio</source>
      <translation>Открыть сценарий в мастерской сценариев</translation>
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
      <source>Scenarios</source>
      <translation>Сценарии</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Edit a copy…</source>
      <translation>Изменить копию…</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Edit…</source>
      <translation>Изменить…</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Shipped decks stay as they are: you edit your own copy, which your games then play</source>
      <translation>Колоды из игры не меняются: вы правите свою копию, и в ваших партиях играет она</translation>
    </message>
    <message>
      <location filename="../../game/ui/screens.py" />
      <source>Open the deck in the studio</source>
      <translation>Открыть колоду в мастерской</translation>
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
        <numerusform>%Ln точка</numerusform>
        <numerusform>%Ln точки</numerusform>
        <numerusform>%Ln точек</numerusform>
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
      <location filename="../../game/ui/settings_dialog.py" />
      <location filename="../../game/ui/widgets.py" />
      <source>Settings</source>
      <translation>Настройки</translation>
    </message>
    <message>
      <location filename="../../game/ui/settings_dialog.py" />
      <source>Language</source>
      <translation>Язык</translation>
    </message>
    <message>
      <location filename="../../game/ui/settings_dialog.py" />
      <source>Projector text</source>
      <translation>Текст на проекторе</translation>
    </message>
    <message>
      <location filename="../../game/ui/settings_dialog.py" />
      <source>Card animations</source>
      <translation>Анимация карт</translation>
    </message>
    <message>
      <location filename="../../game/ui/settings_dialog.py" />
      <source>Library…</source>
      <translation>Библиотека…</translation>
    </message>
    <message>
      <location filename="../../game/ui/settings_dialog.py" />
      <source>System language</source>
      <translation>Язык системы</translation>
    </message>
    <message>
      <location filename="../../game/ui/settings_dialog.py" />
      <source>S: a small room, the screen close</source>
      <translation>S: маленькая комната, экран рядом</translation>
    </message>
    <message>
      <location filename="../../game/ui/settings_dialog.py" />
      <source>M: a meeting room</source>
      <translation>M: переговорная</translation>
    </message>
    <message>
      <location filename="../../game/ui/settings_dialog.py" />
      <source>L: a large room</source>
      <translation>L: большой зал</translation>
    </message>
    <message>
      <location filename="../../game/ui/settings_dialog.py" />
      <source>XL: a hall</source>
      <translation>XL: аудитория</translation>
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
      <source>★ Shortlist</source>
      <translation>★ Короткий список</translation>
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
      <source>Keys 1–{0} toggle a check for the selected idea; double-click an idea to rework it.</source>
      <translation>Клавиши 1–{0} ставят и снимают отметку у выбранной идеи; двойной щелчок по идее — переделать её.</translation>
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
      <source>Each team puts forward its {0} strongest ideas (★, key S): only those are checked.</source>
      <translation>Каждая команда выдвигает {0} самые сильные идеи (★, клавиша S): проверяются только они.</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <location filename="../../game/ui/vote_panel.py" />
      <source>{0}: {1}</source>
      <translation>{0}: {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>{0} already has {1} ideas on its shortlist: take one off first.</source>
      <translation>У команды «{0}» в коротком списке уже {1} идеи: сначала уберите одну.</translation>
    </message>
    <message>
      <location filename="../../game/ui/step_panels.py" />
      <source>“{0}”</source>
      <translation>«{0}»</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Russian</source>
      <translation>Русский</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>English</source>
      <translation>Английский</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Title</source>
      <translation>Название</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Question</source>
      <translation>Вопрос</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <location filename="../../game/ui/widgets.py" />
      <source>Example story</source>
      <translation>Пример</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Source</source>
      <translation>Источник</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Twist</source>
      <translation>Поворот</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Yes</source>
      <translation>Да</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>No</source>
      <translation>Нет</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Rename the deck</source>
      <translation>Переименовать колоду</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Change the deck's colour</source>
      <translation>Сменить цвет колоды</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Change the deck's emblem</source>
      <translation>Сменить эмблему колоды</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Add a card</source>
      <translation>Добавить карту</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Retire a card</source>
      <translation>Убрать карту</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Move a card</source>
      <translation>Переставить карту</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Deck studio</source>
      <translation>Мастерская колод</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Deck name ({0})</source>
      <translation>Название колоды ({0})</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Colour…</source>
      <translation>Цвет…</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>The colour of the deck's band (the emblem and the deck's word stay on it)</source>
      <translation>Цвет полосы колоды (эмблема и название колоды остаются на ней)</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>The deck's colour</source>
      <translation>Цвет колоды</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Emblem</source>
      <translation>Эмблема</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>The picture on the deck's band: one of the game's, or your own SVG</source>
      <translation>Картинка на полосе колоды: одна из игровых или ваша SVG</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>The deck's emblem</source>
      <translation>Эмблема колоды</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Your own picture (SVG)…</source>
      <translation>Своя картинка (SVG)…</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Cards of the deck</source>
      <translation>Карты колоды</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>+ Card</source>
      <translation>+ Карта</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Add a card after this one (Ctrl+N)</source>
      <translation>Добавить карту после этой (Ctrl+N)</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Move the card up (Alt+↑)</source>
      <translation>Поднять карту (Alt+↑)</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Move the card down (Alt+↓)</source>
      <translation>Опустить карту (Alt+↓)</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Retire</source>
      <translation>Убрать</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Take the card out of the deck (undo brings it back)</source>
      <translation>Убрать карту из колоды (отмена вернёт её)</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Print size</source>
      <translation>Размер печати</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>The card as print-and-play cuts it: 63 × 88 mm</source>
      <translation>Карта такой, какой её вырежут из распечатки: 63 × 88 мм</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Show the card at print size</source>
      <translation>Показать карту в размере печати</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Back to every deck</source>
      <translation>Назад ко всем колодам</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Undo (Ctrl+Z)</source>
      <translation>Отменить (Ctrl+Z)</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Redo (Ctrl+Shift+Z)</source>
      <translation>Вернуть (Ctrl+Shift+Z)</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Back to the shipped deck</source>
      <translation>Вернуть колоду из игры</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Put your copy aside and play the deck as it ships</source>
      <translation>Отложить вашу копию и играть колодой из игры</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>SVG pictures (*.svg)</source>
      <translation>Картинки SVG (*.svg)</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Your copy of this deck is put aside (in cards/replaced/) and the game plays the deck as it ships. Go back to the shipped deck?</source>
      <translation>Ваша копия колоды будет отложена (в cards/replaced/), и игра снова возьмёт колоду, которая идёт с ней. Вернуть колоду из игры?</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>The card as the room sees it</source>
      <translation>Карта такой, какой её увидят участники</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>The card as it prints</source>
      <translation>Карта, как она печатается</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>A deck needs at least one card: add another before you retire this one.</source>
      <translation>В колоде должна быть хотя бы одна карта: добавьте другую, прежде чем убрать эту.</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>White text is hard to read on this colour: choose a darker one.</source>
      <translation>Белый текст плохо читается на этом цвете: выберите цвет потемнее.</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Edit {0}</source>
      <translation>Правка: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Deck kind: {0}</source>
      <translation>Вид колоды: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>(no title yet)</source>
      <translation>(пока без названия)</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Until this is fixed the game skips the deck: {0}</source>
      <translation>Пока это не исправлено, игра пропускает колоду: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Preview in {0}</source>
      <translation>Показать: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <location filename="../../game/ui/widgets.py" />
      <source>Twist: {0}</source>
      <translation>Вариант: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>The picture cannot be used: {0}</source>
      <translation>Эту картинку нельзя взять: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>Missing translation: {0}</source>
      <translation>Нет перевода: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source>line {0}: {1}</source>
      <translation>строка {0}: {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/studio.py" />
      <source> (and {0} more)</source>
      <translation> (и ещё {0})</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>Merge ideas</source>
      <translation>Объединить идеи</translation>
    </message>
    <message>
      <location filename="../../game/ui/team_panels.py" />
      <source>the whole team</source>
      <translation>вся команда</translation>
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
      <source>Semicolon ; (Excel in Russian and most of Europe)</source>
      <translation>точкой с запятой ; (Excel на русском и в большей части Европы)</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Comma , (Excel in English, Google Sheets)</source>
      <translation>запятой , (Excel на английском, Google Таблицы)</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Tab</source>
      <translation>табуляцией</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Export</source>
      <translation>Экспортировать</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>{0} written to {1}</source>
      <translation>{0}: записано в {1}</translation>
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
      <source>Imported {0}; {1} already in the library.</source>
      <translation>Добавлено: {0}; уже были в библиотеке: {1}.</translation>
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
      <source>Separate the cells with:</source>
      <translation>Разделять ячейки:</translation>
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
      <source>Nothing was imported: {0}</source>
      <translation>Ничего не импортировано: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>semicolons</source>
      <translation>точкой с запятой</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>commas</source>
      <translation>запятой</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>tabs</source>
      <translation>табуляцией</translation>
    </message>
    <message>
      <location filename="../../game/ui/transfer.py" />
      <source>Read as {0}, cells separated by {1}.</source>
      <translation>Прочитан как {0}, ячейки разделены {1}.</translation>
    </message>
    <message>
      <location filename="../../game/ui/vote_panel.py" />
      <source>Ideas to take on</source>
      <translation>Идей берём дальше</translation>
    </message>
    <message>
      <location filename="../../game/ui/vote_panel.py" />
      <location filename="../../game/ui/workshop_setup.py" />
      <source>all with a dot</source>
      <translation>все с точками</translation>
    </message>
    <message>
      <location filename="../../game/ui/vote_panel.py" />
      <source>− dot</source>
      <translation>− точка</translation>
    </message>
    <message>
      <location filename="../../game/ui/vote_panel.py" />
      <source>+ dot</source>
      <translation>+ точка</translation>
    </message>
    <message>
      <location filename="../../game/ui/vote_panel.py" />
      <source>Put ahead (tie)</source>
      <translation>Вперёд (ничья)</translation>
    </message>
    <message>
      <location filename="../../game/ui/vote_panel.py" />
      <source>no votes for your own team's ideas</source>
      <translation>за идеи своей команды голосовать нельзя</translation>
    </message>
    <message>
      <location filename="../../game/ui/vote_panel.py" />
      <source>votes shown</source>
      <translation>голоса открыты</translation>
    </message>
    <message>
      <location filename="../../game/ui/vote_panel.py" />
      <source>votes hidden until revealed (Ctrl+Shift+V)</source>
      <translation>голоса скрыты, пока их не откроют (Ctrl+Shift+V)</translation>
    </message>
    <message>
      <location filename="../../game/ui/vote_panel.py" />
      <source>{0} dots each, at most {1} on one idea</source>
      <translation>точек у каждого: {0}, на одну идею — не больше {1}</translation>
    </message>
    <message>
      <location filename="../../game/ui/vote_panel.py" />
      <source>Dots left: {0}</source>
      <translation>Осталось точек: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/vote_panel.py" />
      <source>Check score: {0}</source>
      <translation>Баллы проверки: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/vote_panel.py" />
      <source>Alt+{0} picks who votes</source>
      <translation>Alt+{0} — выбрать, кто голосует</translation>
    </message>
    <message>
      <location filename="../../game/ui/vote_panel.py" />
      <source>yours: {0}</source>
      <translation>ваши: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/vote_panel.py" />
      <source>in all: {0}</source>
      <translation>всего: {0}</translation>
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
      <source>minutes</source>
      <translation>за минуты</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>hours</source>
      <translation>за часы</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>days</source>
      <translation>за дни</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>free</source>
      <translation>бесплатно</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>small cost</source>
      <translation>недорого</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>needs a budget</source>
      <translation>нужен бюджет</translation>
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
      <source>How long it takes to put in place, and what it costs</source>
      <translation>Сколько времени займёт внедрение и во что обойдётся</translation>
    </message>
    <message>
      <location filename="../../game/ui/widgets.py" />
      <source>Put this card back and draw another (Ctrl+R redraws the first card)</source>
      <translation>Вернуть карту в колоду и вытянуть другую (Ctrl+R заменяет первую карту)</translation>
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
      <source>Why it works</source>
      <translation>Почему это работает</translation>
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
      <source>Why it works: {0}</source>
      <translation>Почему это работает: {0}</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_controller.py" />
      <source>The room could not open on {0}: {1}</source>
      <translation>Комната не открылась на {0}: {1}</translation>
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
      <source>The room joins from phones</source>
      <translation>Комната участвует с телефонов</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Participants scan a QR code and send their ideas and votes from their phones</source>
      <translation>Участники сканируют QR-код и присылают идеи и голоса со своих телефонов</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>The network the phones join on</source>
      <translation>Сеть, через которую подключаются телефоны</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>127.0.0.1 · this laptop only</source>
      <translation>127.0.0.1 · только этот ноутбук</translation>
    </message>
    <message>
      <location filename="../../game/ui/workshop_setup.py" />
      <source>Network</source>
      <translation>Сеть</translation>
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
