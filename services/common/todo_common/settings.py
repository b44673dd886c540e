"""Service settings, read once from the environment (dapr run sets the Dapr ones)."""

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ServiceSettings(BaseSettings):
    """What every service needs to know about its sidecar, its caller and itself.

    Field names are the environment variable names, lower-cased: APP_ID, APP_PORT,
    DAPR_HTTP_PORT and DAPR_GRPC_PORT come from `dapr run`; DAPR_API_TOKEN and
    APP_API_TOKEN from scripts/stack.sh (a Kubernetes secret in the chart).
    """

    model_config = SettingsConfigDict(extra="ignore", frozen=True)

    app_id: str = "service"
    app_host: str = "127.0.0.1"
    app_port: int = 8000
    dapr_host: str = "127.0.0.1"
    dapr_http_port: int = 3500
    dapr_grpc_port: int = 50001
    # Token this app presents to its sidecar's API.
    dapr_api_token: str | None = None
    # Token the sidecar presents to this app; every route but health and metrics needs it.
    app_api_token: str = Field(min_length=16)

    jwt_issuer: str = "todo-platform"
    jwt_audience: str = "todo-api"
    # The JWKS comes from the frontend (Better Auth) through Dapr service invocation.
    auth_app_id: str = "frontend"
    jwks_method: str = "api/auth/jwks"
    jwks_cache_seconds: int = 300

    secret_store: str = "secretstore"
    pubsub_name: str = "pubsub"
    state_store: str = "statestore"

    max_body_bytes: int = 1_048_576
    # Per-user rate limits on the public API, per replica (todo_common.ratelimit): every
    # authenticated call takes a token from the user's bucket; POST /api/chat also takes
    # one from the user's chat bucket. 429 with Retry-After when a bucket is empty.
    # DESIGN.md: 100 requests a minute per user on the public API.
    rate_limit_per_minute: float = Field(default=100, gt=0)
    rate_limit_burst: int = Field(default=100, ge=1)
    chat_rate_limit_per_minute: float = Field(default=30, gt=0)
    chat_rate_limit_burst: int = Field(default=10, ge=1)
    log_level: str = "INFO"
    # Database connections per replica (fixed pools, no overflow; todo_common.db). Every
    # service with a database has the first; task-service also a pool for reads and
    # single-statement writes and a small one for searches. Replicas times their sum must stay
    # under PostgreSQL's max_connections.
    db_pool_size: int = Field(default=20, ge=1, le=200)
    db_autocommit_pool_size: int = Field(default=20, ge=1, le=200)
    db_search_pool_size: int = Field(default=5, ge=1, le=200)

    @property
    def dapr_http_url(self) -> str:
        return f"http://{self.dapr_host}:{self.dapr_http_port}"


@lru_cache
def get_settings() -> ServiceSettings:
    return ServiceSettings()
