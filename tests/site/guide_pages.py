"""The guide's pages, by the name of their source file in `docs/`."""

GUIDE_PAGES = (
    "index",
    "december-2024",
    "services",
    "functions",
    "apply",
    "eligibility",
    "identity-change",
    "lost-card",
    "glossary",
    "hr",
    "sources",
)


def built_path(page: str) -> str:
    """Where a page is in the built site, relative to a language's root: `apply/`, or ``."""
    return "" if page == "index" else f"{page}/"
