"""Which model the agent uses: a cloud model when an OpenAI-compatible endpoint is
configured (key and base URL from the Dapr secret store), else the offline model."""

import logging

from agents import (
    OpenAIChatCompletionsModel,
    OpenAIResponsesModel,
    set_tracing_disabled,
    set_tracing_export_api_key,
)
from agents.models.interface import Model
from openai import AsyncOpenAI
from todo_common.dapr import Dapr

from chat_service.offline_model import OfflineModel
from chat_service.settings import ChatSettings

log = logging.getLogger(__name__)


async def _secret(dapr: Dapr, name: str) -> str:
    try:
        return (await dapr.get_secret(name)).strip()
    except Exception as exc:  # an absent secret means "not configured"
        log.info("secret not available", extra={"secret": name, "reason": type(exc).__name__})
        return ""


async def choose_model(settings: ChatSettings, dapr: Dapr) -> Model:
    set_tracing_disabled(True)
    if settings.model in ("", "offline"):
        log.info("chat model: offline")
        return OfflineModel()
    key, base_url = await _secret(dapr, "openai-api-key"), await _secret(dapr, "openai-base-url")
    if not key and not base_url:
        log.warning(
            "CHAT_MODEL is set but no endpoint is configured; using the offline model",
            extra={"model": settings.model},
        )
        return OfflineModel()
    # Local servers (Ollama, vLLM) take any key; the client insists on one.
    client = AsyncOpenAI(api_key=key or "unused", base_url=base_url or None)
    if settings.tracing and key:
        set_tracing_export_api_key(key)
        set_tracing_disabled(False)
    log.info(
        "chat model",
        extra={"model": settings.model, "api": settings.model_api, "base_url": base_url or "default"},
    )
    if settings.model_api == "responses":
        return OpenAIResponsesModel(model=settings.model, openai_client=client)
    return OpenAIChatCompletionsModel(model=settings.model, openai_client=client)
