"""task_words: each user's vocabulary, for correcting typos in searches

Revision ID: 0002_task_words
Revises: 0001_tasks

A search that full text cannot match is retried with each word replaced by the most
similar word (pg_trgm) of the user's titles and tags: the "Text Search Integration"
technique of the pg_trgm documentation. It replaces trigram similarity over every title,
which had to score every task sharing a trigram with the query (136 ms at 100,000 tasks).
A trigger keeps the vocabulary: words are added, never removed (a stale word only
suggests a search that finds nothing).
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_task_words"
down_revision = "0001_tasks"


def words_of(row: str) -> str:
    """The vocabulary words of a tasks row: lower-cased letter runs of its title and tags."""
    return f"regexp_split_to_table(lower({row}.title || ' ' || task_tags_text({row}.tags)), '[^[:alpha:]]+') AS w"


KEEP = "char_length(w) BETWEEN 3 AND 32"
COLLECT_SQL = f"""
CREATE FUNCTION task_words_collect() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO task_words (user_id, word)
  SELECT DISTINCT NEW.user_id, w FROM {words_of("NEW")} WHERE {KEEP}
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$
"""


def upgrade() -> None:
    op.create_table(
        "task_words",
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("word", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "word", name="pk_task_words"),
    )
    op.create_index(
        "ix_task_words_trgm",
        "task_words",
        ["word"],
        postgresql_using="gin",
        postgresql_ops={"word": "gin_trgm_ops"},
    )
    op.execute(COLLECT_SQL)
    op.execute(
        "CREATE TRIGGER tasks_collect_words AFTER INSERT OR UPDATE OF title, tags ON tasks "
        "FOR EACH ROW EXECUTE FUNCTION task_words_collect()"
    )
    op.execute(
        f"INSERT INTO task_words (user_id, word) SELECT DISTINCT user_id, w FROM tasks, {words_of('tasks')} "
        f"WHERE {KEEP} ON CONFLICT DO NOTHING"
    )
    op.drop_index("ix_tasks_title_trgm", table_name="tasks")


def downgrade() -> None:
    op.create_index(
        "ix_tasks_title_trgm",
        "tasks",
        ["title"],
        postgresql_using="gin",
        postgresql_ops={"title": "gin_trgm_ops"},
    )
    op.execute("DROP TRIGGER tasks_collect_words ON tasks")
    op.execute("DROP FUNCTION task_words_collect()")
    op.drop_table("task_words")
