"""Rounds that waited in unsaved/: sent once the library takes them, never twice (both engines)."""

from game.domain.round import new_round
from game.store import ideas, outbox
from game.store.db import save_round
from tests.play import play_to_end


def finished(content, seed: int):
    rnd = new_round(content.scenarios["solo-spark"], content, seed=seed)
    play_to_end(rnd)
    return rnd


def rounds_in(engine) -> int:
    with engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM play_session").scalar_one()


def test_waiting_rounds_are_sent_once_and_a_round_already_there_is_let_go(library, content, tmp_path):
    first, second = finished(content, 1), finished(content, 2)
    assert outbox.round_uid(first.to_json()) != outbox.round_uid(second.to_json())
    save_round(library, first, "en")  # saved, but the answer was lost: it was kept as well
    kept = [outbox.keep(tmp_path, rnd.to_json()) for rnd in (first, second)]
    assert outbox.waiting(tmp_path) == sorted(kept) and kept[0] != kept[1]
    assert outbox.send_waiting(library, tmp_path, content, "en") == (1, 1)
    assert outbox.waiting(tmp_path) == [] and rounds_in(library) == 2
    assert outbox.send_waiting(library, tmp_path, content, "en") == (0, 0)
    assert rounds_in(library) == 2
    assert len(ideas.find(library, ideas.IdeaFilter(query="idea at step"))) == 2


def test_a_round_that_cannot_be_read_stays_in_its_file(library, content, tmp_path):
    (tmp_path / "unsaved").mkdir()
    broken = tmp_path / "unsaved" / "round-20260101-120000.json"
    broken.write_text("{ not json", encoding="utf-8")
    assert outbox.send_waiting(library, tmp_path, content, "en") == (0, 0)
    assert broken.exists() and rounds_in(library) == 0


def test_a_round_is_known_by_its_own_id_and_an_older_one_by_its_state_without_timers(content):
    import json

    rnd = finished(content, 3)
    state = rnd.to_json()
    assert outbox.round_uid(state) == rnd.uid
    data = json.loads(state)
    data.pop("uid")  # a round kept before rounds had ids
    legacy = json.dumps(data)
    data["timers"] = {"9": {"left": 1}}
    assert outbox.round_uid(json.dumps(data)) == outbox.round_uid(legacy)
    data["ideas"][0]["text"] = "another idea"
    assert outbox.round_uid(json.dumps(data)) != outbox.round_uid(legacy)
