from audit_service.adapters.db import metadata
from todo_common.alembic_env import run_migrations

run_migrations(metadata)
