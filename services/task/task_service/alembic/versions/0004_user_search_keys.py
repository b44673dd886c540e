"""Search keys of one user: the GIN index holds each lexeme tagged with its owner

Revision ID: 0004_user_search_keys
Revises: 0003_user_scoped_gin

Migration 0003 put user_id in the search index beside search_vector, but a GIN index
keeps one entry per lexeme for all users. An exact word is cheap (GIN steps through the
word's posting list to the user's rows), a prefix is not: 'grocer:*' gathers every
user's rows under every lexeme starting with 'grocer' before the user_id entry narrows
them. At 523,000 tasks (100,000 of the searching user's) that was 218,000 rows and 7 of
the 11 ms of the index scan; it grows with the whole table, not with the user.

The index now holds task_search_keys(user_id, search_vector): each lexeme prefixed with
an 8-hex tag of its owner (the start of sha256(user_id)), so 'grocer:*' becomes
'<tag>grocer:*' and reads only that user's lexemes (2.8-4.4 ms instead of 9-12).
task_search_query tags the lexemes of a tsquery the same way, keeping only what the keys
can decide (no phrases, no negations: see SEARCH_QUERY_SQL). So the keys find a superset
of the matches without a recheck, and the search still checks user_id (two users may
share a tag) and `search_vector @@ query` (phrases, negations) on each row.

A lexeme is cut to 500 characters in a key: a search is at most 500 characters long, and
a tsvector lexeme may not pass 2,047 bytes with the tag added. sha256 rather than md5:
md5 is refused where PostgreSQL runs in FIPS mode.

The index is built CONCURRENTLY, so tasks stay writable while it builds (12 s at 783,000
tasks here; a plain CREATE INDEX would hold off every write for that long). That runs
outside the migration's transaction, so each step may be repeated after a crash: the
functions are created or replaced, and an index left invalid by a build that died is
dropped before the build.
"""

from alembic import op

revision = "0004_user_search_keys"
down_revision = "0003_user_scoped_gin"

USER_TAG_SQL = r"""
CREATE OR REPLACE FUNCTION task_user_tag(user_id text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT left(encode(sha256(user_id::bytea), 'hex'), 8)
$$
"""
SEARCH_KEYS_SQL = r"""
CREATE OR REPLACE FUNCTION task_search_keys(user_id text, search_vector tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT array_to_tsvector(coalesce(array_agg(tag || left(lexeme, 500)), '{}'))
  FROM task_user_tag(user_id) AS tag, unnest(search_vector)
$$
"""
# The query for the keys: each lexeme tagged as task_search_keys tags it. The keys carry
# no positions, and a phrase ('a' <-> 'b') never matches a vector without positions, so
# the keys are asked querytree(query), the part of the query an index can use (negations
# dropped), with its phrase operators made &: a condition every match of the query meets.
# A query with no such part (only negations: querytree gives T) is tagged as it is; a
# negation is true of a vector without positions whenever it is true of the full one.
# tsquery's text form quotes every lexeme ('it''s', with ' and \ doubled): the pattern
# takes a quoted lexeme whole, an operator <-> or <N>, or anything else up to either.
SEARCH_QUERY_SQL = r"""
CREATE OR REPLACE FUNCTION task_search_query(user_id text, query tsquery) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(string_agg(
           CASE WHEN m[1] LIKE '''%' THEN '''' || task_user_tag(user_id) || substr(m[1], 2)
                WHEN m[1] LIKE '<%' AND indexable THEN '&'
                ELSE m[1] END, '' ORDER BY n), '')::tsquery
  FROM (SELECT querytree(query) NOT IN ('', 'T') AS indexable) AS q,
       regexp_matches(CASE WHEN q.indexable THEN querytree(query) ELSE query::text END,
                      '(''(?:[^'']|'''')*''|<(?:-|[0-9]+)>|[^''<]+)', 'g') WITH ORDINALITY AS t(m, n)
$$
"""


def _rebuild(drop: str, create: str, columns: str) -> None:
    """Build index `create` on tasks(columns) and drop index `drop`, both CONCURRENTLY."""
    with op.get_context().autocommit_block():
        op.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {create}")
        op.execute(f"CREATE INDEX CONCURRENTLY {create} ON tasks USING gin ({columns})")
        op.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {drop}")


def upgrade() -> None:
    op.execute(USER_TAG_SQL)
    op.execute(SEARCH_KEYS_SQL)
    op.execute(SEARCH_QUERY_SQL)
    _rebuild(
        "ix_tasks_user_search",
        "ix_tasks_user_search_keys",
        "user_id, task_search_keys(user_id, search_vector)",
    )


def downgrade() -> None:
    _rebuild("ix_tasks_user_search_keys", "ix_tasks_user_search", "user_id, search_vector")
    op.execute("DROP FUNCTION task_search_query(text, tsquery)")
    op.execute("DROP FUNCTION task_search_keys(text, tsvector)")
    op.execute("DROP FUNCTION task_user_tag(text)")
