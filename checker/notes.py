"""Notes: things the user should know that never change the status.

- `category_confirm`: the sources describe the card for class A (high-end) talent, so for
  a B, C or unknown category the user is told to confirm at a citizen card service outlet.
  Class A gets no category note (the sources describe exactly that case).
- `policy_currency`: always. The rules date from August 2018; since 1 December 2024
  work-permit data is carried on the social security card, so the procedure may have
  changed; confirm before going.
"""

from __future__ import annotations

from checker.messages import render
from checker.result import Note
from checker.rules import load_rules

__all__ = ["category_note", "notes_for", "policy_currency_note"]


def category_note(category: str, lang: str) -> Note | None:
    """The note for a category the sources do not describe, or None for class A."""
    data = load_rules().category
    if category in data.confirmed_categories:
        return None
    variant = "unknown" if category == data.default_category else "class"
    return Note(
        id="category_confirm",
        message=render(
            f"note.category_confirm.{variant}",
            lang,
            category=category,
            confirmed="/".join(data.confirmed_categories),
        ),
    )


def policy_currency_note(lang: str) -> Note:
    """The note that the rules date from 2018 and may have changed since."""
    policy = load_rules().policy_currency
    return Note(
        id="policy_currency",
        message=render(
            "note.policy_currency",
            lang,
            published=policy.rules_published,
            since=policy.work_permit_on_social_security_card_since,
            notice=policy.notice,
        ),
    )


def notes_for(category: str, lang: str) -> tuple[Note, ...]:
    """Every note that applies, in order: the category note (if any), then policy currency."""
    category_confirm = category_note(category, lang)
    policy = policy_currency_note(lang)
    return (policy,) if category_confirm is None else (category_confirm, policy)
