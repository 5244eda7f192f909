"""``QueueService.tickets(ticket_ids=...)``: the same list, narrowed to the tickets a client was told changed."""

from __future__ import annotations

from typing import Any


def test_ticket_ids_narrow_the_same_list(services: Any, staff: Any) -> None:
    queue, clerk = services.queue, staff["clerk"]
    issued = [queue.issue_ticket(clerk, service, priority=priority)
              for service, priority in (("RF", "ordinary"), ("LAV", "elderly"), ("LEG", "ordinary"),
                                        ("RF", "disability"))]
    full = queue.tickets(clerk, desk_code="D1")
    assert [t.number for t in full] == ["R002", "N001", "R001"]  # call order: priorities' head start first
    assert [t.sort_key for t in full] == sorted(t.sort_key for t in full)
    ids = {t.id for t in issued}
    assert queue.tickets(clerk, desk_code="D1", ticket_ids=ids) == full  # LEG is not D1's: left out
    some = {issued[0].id, issued[2].id}
    assert queue.tickets(clerk, desk_code="D1", ticket_ids=some) == [full[2]]
    queue.call_next(clerk, "D1")  # R002 leaves the waiting list
    assert queue.tickets(clerk, desk_code="D1", ticket_ids={issued[3].id}) == []
    assert queue.tickets(clerk, desk_code="D1", ticket_ids=set()) == []
    called = queue.tickets(clerk, desk_code="D1", statuses=("called",), ticket_ids={issued[3].id})
    assert [(t.number, t.desk_code) for t in called] == [("R002", "D1")]
