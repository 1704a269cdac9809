"""Chat scrolling snaps to item boundaries: never a half-cut label or bubble at the top edge."""

from __future__ import annotations

import pygame

from simulator.app.settings import Profile, Settings
from simulator.app.widgets.chatlog import PAD, ChatLog, scroll_stops

from .helpers import press
from .test_screens import number_of, to_play


def test_following_the_newest_item_starts_the_view_at_an_item_boundary() -> None:
    # Items start at 12, 100, 200 and 300; the content is 400 high, the view 250.
    stops = scroll_stops([12, 100, 200, 300], content=400, view=250)
    assert stops.stops == (0, 88, 188)
    assert stops.newest == 188 == stops.limit  # not 150 (= 400 - 250), which cuts the item at 100
    assert stops.newest + 250 >= 400  # the newest item is whole
    assert scroll_stops([12, 100], content=90, view=250).newest == 0  # everything fits


def test_an_item_taller_than_the_view_shows_its_top_and_can_be_paged_through() -> None:
    # The last item runs from 100 to 688: taller than the view.
    stops = scroll_stops([12, 100], content=700, view=250)
    assert stops.newest == 100 - PAD  # its top (with its label) shows
    assert stops.limit == 450  # its end can still be reached
    assert stops.stops == (0, 88, 275, 450)  # a stop every page (187) in between
    assert stops.step(88, 1, page=187) == 275 and stops.step(275, 1, page=187) == 450
    assert stops.step(450, -1, page=187) == 275 and stops.step(275, -1, page=187) == 88
    assert stops.step(450, 1, page=187) == 450 and stops.step(0, -1, page=187) == 0  # the ends hold


def test_paging_moves_at_most_a_page_but_always_at_least_one_stop() -> None:
    stops = scroll_stops([12, 60, 110, 160, 400, 450], content=700, view=300)
    assert stops.stops == (0, 48, 98, 148, 388, 438) and stops.newest == 438
    assert stops.step(0, 1, page=225) == 148  # the furthest boundary within a page
    assert stops.step(148, 1, page=225) == 388  # none within a page: the next one
    assert stops.step(438, -1, page=225) == 388 and stops.step(388, -1, page=225) == 148
    assert stops.step(48, -1) == 0 and stops.step(48, 1) == 98  # page 0: one stop
    assert stops.snap(120) == 98 and stops.snap(-5) == 0


def span(bubble) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Where an item (its label and bubble) starts and ends, in content coordinates."""
    return bubble.rect.top - (bubble.label.get_height() + 2 if bubble.label else 0), bubble.rect.bottom


def cut_at_top(chat: ChatLog) -> list[str]:
    """Speakers of items whose label or bubble crosses the view's top edge."""
    return [b.entry.speaker or b.entry.kind for b in chat.bubbles if span(b)[0] < chat.scroll < span(b)[1]]


def test_play_screen_chat_at_largest_text_never_cuts_the_top_item(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Settings(reduced_motion=True, text_size="largest", profile=Profile("Robin")))
    play = to_play(app)
    chat = play.chat
    top, bottom = span(chat.bubbles[-1])
    assert chat.scroll <= top and bottom <= chat.scroll + chat.rect.height  # the options left room for it
    press(app, pygame.K_0 + number_of(play, "ask-details"))
    if app.top is not play:  # coach mode: the feedback card
        press(app, pygame.K_RETURN)
    assert app.top is play
    assert chat.max_scroll > 0, "the test needs a chat taller than its view"
    assert chat.pinned and chat.scroll == chat.stops.newest and cut_at_top(chat) == []
    top, bottom = span(chat.bubbles[-1])
    assert chat.scroll <= top and bottom <= chat.scroll + chat.rect.height  # the newest item is whole
    while chat.scroll > 0:  # PageUp to the start: always on a boundary, at most a page at a time
        before = chat.scroll
        chat.page(-1)
        assert 0 < before - chat.scroll <= chat.rect.height
        assert chat.scroll in chat.stops.stops and cut_at_top(chat) == [] and not chat.pinned
    while chat.scroll < chat.max_scroll:  # and PageDown back to the newest
        chat.page(1)
        assert chat.scroll in chat.stops.stops and cut_at_top(chat) == []
    assert chat.pinned and chat.scroll == chat.stops.newest
    press(app, pygame.K_PAGEUP)  # the keys reach the chat
    assert not chat.pinned and chat.scroll < chat.stops.newest
    chat.layout(app.ctx, chat.rect)  # a relayout keeps the place, on a boundary
    assert chat.scroll in chat.stops.stops and not chat.pinned
