"""audit_service.app builds its app on import, and the platform requires an app token."""

import os
import secrets

os.environ.setdefault("APP_API_TOKEN", "test-app-token-" + secrets.token_hex(8))
