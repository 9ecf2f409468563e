"use strict";
// The typed room code → the room's page. Text goes in with textContent only.
(function () {
  var ru = (navigator.language || "").toLowerCase().indexOf("ru") === 0;
  var words = ru ? {
    title: "Войти в комнату", label: "Код из 4 знаков на экране", go: "Войти",
    bad_code: "Такого кода нет: проверьте его на экране.", room_locked: "Комната закрыта: спросите ведущего.",
    too_many_tries: "Слишком много попыток: подождите минуту.", bad_field: "Введите код.",
    offline: "Нет связи с ноутбуком ведущего."
  } : {
    title: "Join the room", label: "The 4-character code on the screen", go: "Join",
    bad_code: "No room has this code: check it on the screen.", room_locked: "The room is locked: ask the facilitator.",
    too_many_tries: "Too many tries: wait a minute.", bad_field: "Type the code.",
    offline: "Cannot reach the facilitator's laptop."
  };
  if (ru) { document.documentElement.lang = "ru"; }
  document.getElementById("title").textContent = words.title;
  document.getElementById("label").textContent = words.label;
  document.getElementById("go").textContent = words.go;
  var said = document.getElementById("said");
  document.getElementById("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var code = document.getElementById("code").value.trim().toUpperCase();
    fetch("/code", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({code: code})})
      .then(function (r) { return r.json(); })
      .then(function (answer) {
        if (answer.url) { location.href = answer.url; } else { said.textContent = words[answer.code] || words.bad_code; }
      })
      .catch(function () { said.textContent = words.offline; });
  });
})();
