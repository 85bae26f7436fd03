import theme_research


def kind(name: str) -> int:
    """isort order, as ruff's RUF022 keeps it: CONSTANTS, then Classes, then functions."""
    return 0 if name.isupper() else 1 if name[0].isupper() else 2


def test_public_api_is_sorted_and_importable():
    names = theme_research.__all__
    assert names == sorted(names, key=lambda n: (kind(n), n))
    for name in names:
        assert getattr(theme_research, name) is not None
