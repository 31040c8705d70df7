"""``GET /api/settings/llm``: the server's language model, shown read-only (never its key or
its address)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from rehearse.config import Settings
from rehearse.web.deps import CurrentUser, RuntimeDep

router = APIRouter(prefix="/api/settings", tags=["settings"])


class LLMSettingsPublic(BaseModel):
    enabled: bool = Field(description="Whether the language model is on (REHEARSE_LLM).")
    model: str | None = Field(description="The model's name (REHEARSE_LLM_MODEL), when on.")
    served_by: Literal["bundled", "endpoint", "off"] = Field(
        description='"bundled": the bundled model on a llama.cpp server this Rehearse runs; '
        '"endpoint": the OpenAI-compatible server at REHEARSE_LLM_URL; "off": no model.'
    )
    judges_content: bool = Field(description="Whether the content judge scores answers with it.")
    rewrites_questions: bool = Field(
        description="Whether the interviewer rewords questions and follow-ups with it "
        "(REHEARSE_LLM_REWRITES)."
    )


@router.get("/llm", summary="The server's language model: on or off, which, and what it does")
def llm_settings(_user: CurrentUser, runtime: RuntimeDep) -> LLMSettingsPublic:
    return llm_settings_of(runtime.settings)


def llm_settings_of(settings: Settings) -> LLMSettingsPublic:
    enabled = settings.llm == "on"
    served_by: Literal["bundled", "endpoint", "off"] = (
        "off" if not enabled else "endpoint" if settings.llm_url else "bundled"
    )
    return LLMSettingsPublic(
        enabled=enabled,
        model=settings.llm_model if enabled else None,
        served_by=served_by,
        judges_content=enabled,
        rewrites_questions=enabled and settings.llm_rewrites == "on",
    )
