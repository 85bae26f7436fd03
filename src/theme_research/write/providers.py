"""OpenAI-compatible model providers: presets and the settings the LLM writer runs with.

Every provider here speaks the OpenAI chat-completions protocol, so one client serves all
of them; a preset only says where it lives, which model to ask for by default, where its
API key is found and whether it accepts ``response_format={"type": "json_schema"}``.

The API key is read from the environment variable the settings name, at the moment a
client is made. It is never stored in the settings, written to the store or logged.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from theme_research.errors import ThemeResearchError


@dataclass(frozen=True)
class Preset:
    """Where a provider lives and what it supports."""

    name: str
    base_url: str
    model: str
    key_env: str
    json_schema: bool
    """Accepts ``response_format={"type": "json_schema", ...}``; else JSON mode is used."""
    key_required: bool = True
    """Local servers (Ollama, vLLM, llama.cpp) take any key, or none."""


PRESETS: dict[str, Preset] = {
    preset.name: preset
    for preset in (
        Preset(
            "deepseek", "https://api.deepseek.com/v1", "deepseek-chat", "DEEPSEEK_API_KEY", False
        ),
        Preset(
            "qwen",
            "https://dashscope.aliyuncs.com/compatible-mode/v1",
            "qwen-plus",
            "DASHSCOPE_API_KEY",
            False,
        ),
        Preset(
            "glm", "https://open.bigmodel.cn/api/paas/v4", "glm-4-plus", "ZHIPUAI_API_KEY", False
        ),
        Preset("kimi", "https://api.moonshot.cn/v1", "moonshot-v1-32k", "MOONSHOT_API_KEY", False),
        Preset("openai", "https://api.openai.com/v1", "gpt-4o-mini", "OPENAI_API_KEY", True),
        Preset("ollama", "http://localhost:11434/v1", "qwen2.5:7b", "OLLAMA_API_KEY", True, False),
        Preset("vllm", "http://localhost:8000/v1", "", "VLLM_API_KEY", True, False),
        Preset("llamacpp", "http://localhost:8080/v1", "local", "LLAMACPP_API_KEY", True, False),
    )
}
"""Built-in providers by name."""

LOCAL_KEY = "not-needed"
"""What the client sends to a local server when no key is set (the SDK insists on one)."""


class ProviderError(ThemeResearchError):
    """The provider cannot be used as configured (unknown name, no model, no key)."""


class LLMSettings(BaseModel):
    """How to reach the model and how much it may cost.

    Example::

        settings = LLMSettings(provider="deepseek")          # key from $DEEPSEEK_API_KEY
        settings = LLMSettings(provider="vllm", model="Qwen2.5-14B-Instruct",
                               base_url="http://gpu-box:8000/v1")
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    provider: str = "deepseek"
    model: str | None = None
    """The model name; default: the preset's."""
    base_url: str | None = None
    """Overrides the preset's base URL (a proxy, a self-hosted server)."""
    timeout: float = Field(default=120.0, gt=0)
    """Seconds one request may take before it counts as failed."""
    max_retries: int = Field(default=2, ge=0, le=6)
    """Retries after a timeout, a 429 or a 5xx, with exponential backoff."""
    max_tokens: int = Field(default=3000, gt=0)
    """Cap on the completion of one request (an answer cut off at it falls back offline)."""
    prompt_budget: int = Field(default=12_000, gt=0)
    """Cap on one request's prompt (estimated at one token per character): heavier evidence
    is trimmed to fit."""
    token_budget: int = Field(default=60_000, gt=0)
    """Cap on the tokens one report may spend (prompt and completion, repair included)."""
    chars_per_item: int = Field(default=400, gt=0)
    """How much of each news item's cleaned text the model is shown."""
    api_key_env: str | None = None
    """The environment variable holding the key; default: the preset's."""
    relevance_check: bool = False
    """Before writing, one call re-judges the top candidate events for the theme; those
    judged not relevant are dropped."""

    def preset(self) -> Preset:
        """The provider's preset; :class:`ProviderError` names the known ones."""
        try:
            return PRESETS[self.provider]
        except KeyError:
            known = ", ".join(sorted(PRESETS))
            raise ProviderError(f"unknown LLM provider {self.provider!r}; known: {known}") from None

    def resolved_model(self) -> str:
        model = self.model or self.preset().model
        if not model:
            raise ProviderError(f"provider {self.provider!r} has no default model: pass --model")
        return model

    def resolved_base_url(self) -> str:
        return self.base_url or self.preset().base_url

    def key_env(self) -> str:
        return self.api_key_env or self.preset().key_env

    def api_key(self) -> str:
        """The key from the environment, read now and not kept."""
        key = os.environ.get(self.key_env(), "")
        if key:
            return key
        if not self.preset().key_required:
            return LOCAL_KEY
        raise ProviderError(f"no API key for {self.provider}: set ${self.key_env()}")

    def supports_json_schema(self) -> bool:
        return self.preset().json_schema
