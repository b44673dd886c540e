"""The assistant's pure core: reading English (dates, recurrence, intents), matching task
references, choosing the next tool call and wording replies. No I/O anywhere here."""
