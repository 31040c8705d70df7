"""``GET /api/settings/llm``: the server's language model, shown read-only (never its key)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from rehearse.config import Settings
from rehearse.web.deps import CurrentUser, RuntimeDep

router = APIRouter(prefix="/api/settings", tags=["settings"])


class LLMSettingsPublic(BaseModel):
    configured: bool = Field(description="Whether REHEARSE_LLM_BASE_URL names an endpoint.")
    model: str | None = Field(description="REHEARSE_LLM_MODEL, when an endpoint is configured.")
    provider: str = Field(description='"offline" or "openai-compatible".')


@router.get("/llm", summary="The server's optional language model: configured or not, and which")
def llm_settings(_user: CurrentUser, runtime: RuntimeDep) -> LLMSettingsPublic:
    return llm_settings_of(runtime.settings)


def llm_settings_of(settings: Settings) -> LLMSettingsPublic:
    configured = bool(settings.llm_base_url)
    return LLMSettingsPublic(
        configured=configured,
        model=settings.llm_model if configured else None,
        provider="openai-compatible" if configured else "offline",
    )
