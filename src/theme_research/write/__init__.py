"""Writers turn a theme's ranked events into a :class:`~theme_research.report.Report`."""

from theme_research.write.llm import LLMResult, llm_writer, write_llm
from theme_research.write.offline import write_offline
from theme_research.write.providers import LLMSettings

__all__ = ["LLMResult", "LLMSettings", "llm_writer", "write_llm", "write_offline"]
