"""Text checks shared by every place that stores or parses what a user typed."""

import unicodedata


def clean_text(value: str, *, multiline: bool = False) -> str:
    """Refuse what PostgreSQL cannot store (NUL, lone surrogates) and, unless multiline,
    control characters. Returns the value unchanged."""
    if "\x00" in value:
        raise ValueError("must not contain NUL bytes")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text") from None
    allowed = "\n\r\t" if multiline else ""
    for ch in value:
        if ch not in allowed and unicodedata.category(ch) == "Cc":
            raise ValueError("must not contain control characters")
    return value
