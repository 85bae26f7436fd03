"""Writers turn a theme's ranked events into a :class:`~theme_research.report.Report`."""

from theme_research.write.offline import write_offline

__all__ = ["write_offline"]
