"""chat-service's own settings (the platform ones are todo_common's ServiceSettings)."""

from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict


class ChatSettings(BaseSettings):
    """CHAT_MODEL picks the model: "offline" (the default, built in, no network) or a model
    name served by the OpenAI-compatible endpoint whose key and base URL are the secrets
    openai-api-key and openai-base-url (OpenAI, Azure OpenAI, Ollama, vLLM)."""

    model_config = SettingsConfigDict(env_prefix="CHAT_", extra="ignore", frozen=True)

    model: str = "offline"
    # Chat Completions is what every OpenAI-compatible server speaks; "responses" for OpenAI's.
    model_api: Literal["chat_completions", "responses"] = "chat_completions"
    max_turns: int = 10
    turn_timeout_seconds: float = 60.0
    # Export agent traces to OpenAI (needs a real OpenAI key); off by default.
    tracing: bool = False
