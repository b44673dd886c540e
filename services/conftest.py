"""Every service's tests: the apps are built on import and the platform requires an app
token, so a test one is set. (One file here rather than one per service: pytest imports
each services/<name>/tests/conftest.py as `tests.conftest`, and only the first one wins.)"""

import os
import secrets

os.environ.setdefault("APP_API_TOKEN", "test-app-token-" + secrets.token_hex(8))
