from pathlib import Path

import pytest

from kyujin.core.taxonomy import CATEGORIES, TaxonomyError, default_taxonomy, load_taxonomy


def write(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_shipped_taxonomy_is_large_and_covers_every_category() -> None:
    taxonomy = default_taxonomy()
    assert len(taxonomy) >= 800
    assert {s.category for s in taxonomy.skills.values()} == set(CATEGORIES)
    assert len(taxonomy.version) == 16


def test_canonical_names_aliases_and_parents() -> None:
    taxonomy = default_taxonomy()
    for name in (
        "PostgreSQL",
        "Node.js",
        "Vue.js",
        "Ruby on Rails",
        "C#",
        "Go",
        "Spring Boot",
        "Kubernetes",
    ):
        assert name in taxonomy
    assert taxonomy.ancestors("Spring Boot")[:2] == ("Spring", "Java")
    assert "Python" in taxonomy.ancestors("Django")
    assert "Spring Boot" in taxonomy.descendants("Java")
    go = taxonomy.skills["Go"]
    assert {"Golang", "Go言語", "ゴー言語"} <= {*go.aliases, *go.ja}
    assert "パイソン" in taxonomy.skills["Python"].ja
    assert any(s.esco for s in taxonomy.skills.values())
    assert any(s.onet for s in taxonomy.skills.values())


def test_version_changes_with_content(tmp_path: Path) -> None:
    write(tmp_path, "language.yaml", "- name: Python\n")
    first = load_taxonomy(tmp_path).version
    write(tmp_path, "language.yaml", "- name: Python\n  aliases: [py]\n")
    assert load_taxonomy(tmp_path).version != first


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {
                "language.yaml": "- name: Go\n  aliases: [golang]\n"
                "- name: Golang2\n  aliases: [GOLANG]\n"
            },
            "the form 'golang' belongs to several skills",
        ),
        ({"language.yaml": "- name: Django\n  parents: [Pythn]\n"}, "unknown parent 'Pythn'"),
        ({"languages.yaml": "- name: Python\n"}, "unknown category 'languages'"),
        (
            {"language.yaml": "- name: A1\n  parents: [B1]\n- name: B1\n  parents: [A1]\n"},
            "parent links form a cycle",
        ),
        ({"language.yaml": "- name: Python\n- name: Python\n"}, "duplicate name 'Python'"),
        (
            {"language.yaml": "- name: R\n"},
            "one-character form 'R' must be listed under 'ambiguous'",
        ),
        ({"language.yaml": "- name: Python\n  alias: [py]\n"}, "unknown key(s) ['alias']"),
        ({"language.yaml": '- name: Python\n  aliases: [""]\n'}, "empty or non-text item"),
        ({"language.yaml": "- name: [oops\n"}, "not valid YAML"),
    ],
)
def test_broken_entries_fail_with_a_clear_message(
    tmp_path: Path, files: dict[str, str], message: str
) -> None:
    for name, text in files.items():
        write(tmp_path, name, text)
    with pytest.raises(TaxonomyError) as info:
        load_taxonomy(tmp_path)
    assert message in str(info.value)


def test_a_shared_form_declared_ambiguous_in_both_loads(tmp_path: Path) -> None:
    write(tmp_path, "language.yaml", "- name: Swift\n  ambiguous: [Swift]\n")
    write(
        tmp_path, "domain.yaml", "- name: SWIFT network\n  aliases: [swift]\n  ambiguous: [swift]\n"
    )
    assert len(load_taxonomy(tmp_path)) == 2


def test_forms_that_collide_once_punctuation_is_ignored_are_refused(tmp_path: Path) -> None:
    from kyujin.core.skills import SkillMatcher

    write(tmp_path, "messaging.yaml", "- name: Google Cloud Pub/Sub\n  aliases: [Pub/Sub]\n")
    write(tmp_path, "practice.yaml", "- name: eventing\n  aliases: [pub-sub]\n")
    with pytest.raises(TaxonomyError, match="both match 'pub sub'"):
        SkillMatcher(load_taxonomy(tmp_path))


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Go", "Go"),
        ("golang", "Go"),  # an alias
        ("SpringBoot", "Spring Boot"),
        (" python ", "Python"),
        ("ＰＨＰ", "PHP"),
        ("スプリングブート", "Spring Boot"),  # a Japanese form
        ("no such skill", None),
    ],
)
def test_a_users_label_resolves_to_its_skill(label: str, name: str | None) -> None:
    assert default_taxonomy().resolve(label) == name


def test_a_form_of_two_skills_resolves_to_neither() -> None:
    taxonomy = default_taxonomy()
    shared: dict[str, set[str]] = {}
    for skill in taxonomy.skills.values():
        for form in skill.surfaces():
            shared.setdefault(form.casefold(), set()).add(skill.name)
    names = {name.casefold() for name in taxonomy.skills}
    ambiguous = [f for f, owners in shared.items() if len(owners) > 1 and f not in names]
    assert ambiguous, "the taxonomy declares forms shared by two skills"
    assert all(taxonomy.resolve(form) is None for form in ambiguous)


@pytest.mark.parametrize(
    ("general", "specific"),
    [
        ("container orchestration", "Kubernetes"),
        ("ORM", "Hibernate"),
        ("ORM", "Prisma"),
        ("unit testing", "JUnit"),
        ("end-to-end testing", "Playwright"),
        ("continuous delivery", "Argo CD"),
        ("machine learning", "PyTorch"),
        ("feature flags", "LaunchDarkly"),
    ],
)
def test_a_general_skill_reaches_its_kinds(general: str, specific: str) -> None:
    # expand_skills=true on search finds a posting asking for the specific skill
    assert specific in default_taxonomy().descendants(general)


def test_s3_as_a_grade_is_no_skill() -> None:
    from kyujin.core.extract import extract

    assert not extract("Pay grades\n- S2: JPY 5.4M – 7.2M\n- S3: JPY 7.2M – 9.6M").skills
    skills = {m.skill for m in extract("Requirements\n- AWS (EC2, S3, Lambda)").skills}
    assert "Amazon S3" in skills
