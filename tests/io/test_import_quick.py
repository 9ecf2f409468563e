"""An import checks a batch of ideas column by column (`_json_quick`, `_csv_quick`), and one by one only when that
declines: what the quick checks accept is exactly what the one-by-one checks make of the same ideas, and what
those refuse the quick checks never accept (they leave saying what is wrong to them)."""

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from game.io import csv_import, import_checks, importer, json_import
from game.io.intake import Batch

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
WORDS = ["Чай", "tea", "  Ёлка\nна кассе ", "=1+2", "🎉", "ß ǅ"]
ODD_WORDS = ["", " ", "a\x7fb", "x" * 201, None, 3, ["list"]]
STAMPS = ["2026-12-01T10:00:00+00:00", "2026-03-04T23:59:59.123456+03:00", "2025-12-31T21:30:00",
          "1987-06-05T04:03:02Z"]  # fmt: skip
ODD_STAMPS = [None, "1900-01-01T00:00:00+00:00", "2100-12-31T23:00:00-09:00", "2026-02-30T00:00:00", "tomorrow", 5]
ODD = object()  # a field left out


def field(good, odd):
    """Mostly good values (a batch of several ideas must often be all good, or the quick checks never accept
    one), sometimes odd or wrong ones, sometimes the field left out."""
    return st.sampled_from([*good * 30, *odd, ODD])


def idea_values():
    fields = {
        "title": field(WORDS, ODD_WORDS), "text": field(WORDS, ODD_WORDS),
        "focus": field(["", "wow", "fix", "planb"], ["WOW", None]),
        "status": field(["new", "tried", "working"], ["Done", [], 1]),
        "score": field([0, 3, 20], [21, -1, True, 2.0, "3"]), "dots": field([0, 5, 1000], [1001, False]),
        "checks": field([{}, {"tm-fit": True, "tm-cost": False}], [{"a": 1}, {"x" * 65: True}, [], None]),
        "business_card": field([None, "biz-cafe"], ["", "b" * 65, 7]),
        "technique_card": field([None, "tm-joshi-giraffe"], ["tm\u0000x"]),
        "promise_who": field(WORDS, ODD_WORDS), "team": field(WORDS, ODD_WORDS), "player": field(WORDS, ODD_WORDS),
        "promise_due": field([None, "2026-12-01", "2027-01-31"], ["1899-12-31", "2026-13-01", "2024-W08-1", "", 7]),
        "tags": field([[], ["Зима", "зима ", "a,b"], ["wow"]], [["x" * 41], [1], "tag", ["t"] * 21, ["", " "]]),
        "created_at": field(STAMPS, ODD_STAMPS), "updated_at": field(STAMPS, ODD_STAMPS),
        "notes": field([[], [{"on": "2026-04-01", "text": "Клиент вернулся"}]],
                       [[{"on": "2026-04-01"}], [{"on": None, "text": "x"}], [{"on": "2026-04-01", "text": "y" * 4001}],
                        {}]),
        "id": field([1], ["a"]), "session_id": field([None], [2]), "colour": st.just(ODD),
    }  # fmt: skip
    return st.fixed_dictionaries(fields).map(lambda idea: {k: v for k, v in idea.items() if v is not ODD})


def one_by_one(check, ideas):
    """What the one-by-one check makes of the ideas, or the error it raises."""
    try:
        return Batch.of([check(number, idea) for number, idea in enumerate(ideas, start=1)])
    except importer.ImportError_ as e:
        return e


def agree(quick, slow):
    """The quick checks declined (None), or made what the one-by-one checks made; never took what they refuse."""
    if isinstance(slow, Exception):
        assert quick is None, f"the quick checks took what the one-by-one ones refuse: {slow}"
    elif quick is not None:
        assert quick == slow


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch):
    monkeypatch.setattr(import_checks, "now", lambda: NOW)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(idea_values(), st.sampled_from([[], "idea", None])), min_size=1, max_size=4),
       st.booleans())  # fmt: skip
def test_quick_json_checks_make_what_the_one_by_one_checks_make(tmp_path, ideas, escaped):
    quick = json_import._json_quick(ideas, set(), escaped, NOW)
    slow = one_by_one(lambda number, idea: json_import._json_idea(tmp_path, number, idea, set(), escaped), ideas)
    agree(quick, slow)
    event(f"quick: {quick is not None}; one by one: {not isinstance(slow, Exception)}")


def test_quick_json_checks_take_our_own_export():
    ideas = [{"title": "Чай", "text": "tea", "focus": "wow", "status": "tried", "score": 3, "dots": 2,
              "checks": {"tm-fit": True}, "business_card": "biz-cafe", "client_card": None, "promise_due": "2026-12-01",
              "tags": ["зима"], "created_at": "2026-12-01T10:00:00+00:00", "updated_at": "2026-12-01T10:00:00+00:00",
              "notes": [{"on": "2026-04-01", "text": "ok"}], "id": 7, "session_id": None}] * 3  # fmt: skip
    assert json_import._json_quick(ideas, set(), False, NOW) is not None


CELLS = ["Чай", "tea", "=1+2", "'=1+2", "''x", "'plain", "🎉", " spaced "]
ODD_CELLS = ["", " ", "x" * 201]
CELL_VALUES = {  # key: (good cells, odd or wrong ones)
    "title": (CELLS, ODD_CELLS), "text": (CELLS, ODD_CELLS), "promise_who": (CELLS, ["x" * 201]),
    "team": (CELLS, ["x" * 201]),
    "focus": (["", "wow", "WOW", "Исправить", " fix "], ["nope"]),
    "status": (["", "new", "Новая", "отказались", " TRIED "], ["done"]),
    "score": (["", "0", "3", " 7 ", "007"], ["21", "-1", "x"]), "dots": (["", "5", "1000"], ["1001"]),
    "business_card": (["", " biz-cafe ", "biz-cafe"], ["b" * 65]),
    "promise_due": (["", "2026-12-01", "1.12.2026", "1 декабря 2026"], ["31.02.2026", "1899-12-31", "soon"]),
    "created_at": (["", "2025-05-01 02:33", "2026-12-01T10:00:00+00:00", "1 December 2026, 14:05"],
                   ["1900-01-01 00:00", "2100-12-31 23:59", "25:00", "x"]),
    "updated_at": (["", "2025-05-01 02:33", "2026-12-01 10:00"], ["0000-00-00"]),
    "tags": (["", "зима, Зима", "a,,b", "'=x,y"], ["x" * 41, ",".join(f"t{i}" for i in range(21))]),
    "notes": (["", "2026-04-01: ok", "2026-04-01: ok\nsecond line", "comment of theirs"],
              ["2026-13-01: x", "2026-04-01: " + "y" * 4001]),
}  # fmt: skip


def cells_of(keys):
    return st.tuples(*(st.sampled_from([*CELL_VALUES[k][0] * 30, *CELL_VALUES[k][1]]) for k in keys))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(sorted(CELL_VALUES)), min_size=1, unique=True).flatmap(
    lambda keys: st.tuples(st.just(keys), st.lists(cells_of(keys), min_size=1, max_size=4))))  # fmt: skip
def test_quick_csv_checks_make_what_the_one_by_one_checks_make(tmp_path, keys_and_rows):
    keys, rows = keys_and_rows
    quick = csv_import._csv_quick(keys, rows, NOW)
    slow = one_by_one(
        lambda number, cells: csv_import._csv_idea(
            tmp_path, number + 1, number, dict(zip(keys, map(csv_import._unquote, cells), strict=True))
        ),
        rows,
    )
    agree(quick, slow)
    event(f"quick: {quick is not None}; one by one: {not isinstance(slow, Exception)}")


def test_quick_csv_checks_take_our_own_export():
    keys = ["title", "text", "status", "focus", "score", "promise_due", "created_at", "updated_at", "tags", "notes"]
    rows = [("Чай", "tea", "отказались", "WOW", "3", "2025-06-05", "2025-05-01 02:33", "2025-05-01 02:33", "зима",
             "2026-04-01: ok")] * 3  # fmt: skip
    assert csv_import._csv_quick(keys, rows, NOW) is not None


@pytest.mark.parametrize("ideas", [[{"title": "a"}, {"title": "bb"}], [{"text": "Чай\nс мятой"}], [{"colour": "red"}],
                                   [{"title": "a", "text": "b"}, {"title": "c"}], [{}]])  # fmt: skip
def test_quick_json_checks_of_ideas_with_one_field_or_none(tmp_path, ideas):
    quick = json_import._json_quick(ideas, set(), False, NOW)
    slow = one_by_one(lambda number, idea: json_import._json_idea(tmp_path, number, idea, set()), ideas)
    assert quick is not None or isinstance(slow, Exception), "one field or none: still quick"
    agree(quick, slow)
