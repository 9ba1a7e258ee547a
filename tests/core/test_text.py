from hypothesis import given
from hypothesis import strategies as st

from kyujin.core.text import clean_surface, fold, width_fold


def test_full_width_and_case_fold_in_place() -> None:
    assert fold("ＰＨＰとＪａｖａの経験") == "phpとjavaの経験"
    assert fold("年収５００万円～８００万円") == "年収500万円~800万円"
    assert fold("Ｇｏ言語") == "go言語"
    assert width_fold("Ｇｏ言語") == "Go言語"
    assert fold("ｴﾝｼﾞﾆｱ").startswith("エンシ")
    assert fold("a\x00b\x1bc") == "a b c"


@given(st.text())
def test_fold_never_changes_length(text: str) -> None:
    assert len(fold(text)) == len(text)
    assert len(width_fold(text)) == len(text)


def test_clean_surface() -> None:
    assert clean_surface("  Ruby   on  RAILS ") == "ruby on rails"
    assert clean_surface("ＰＨＰ") == "php"
