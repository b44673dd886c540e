import os

# The platform refuses to start without an app token; no sidecar listens on port 9.
os.environ.setdefault("APP_API_TOKEN", "test-app-token-0123456789")
os.environ["DAPR_HTTP_PORT"] = "9"
