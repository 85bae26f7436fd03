from theme_research.cli import app

app(prog_name="theme-research")
