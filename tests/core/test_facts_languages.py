"""Japanese and English levels: general phrasings, clauses, headings and plus markers."""

import pytest

from kyujin.core.extract import extract


def levels(text: str) -> tuple[str | None, str | None]:
    facts = extract(text)
    return facts.japanese_level, facts.english_level


@pytest.mark.parametrize(
    ("text", "japanese", "english"),
    [
        # A level after or before the language word.
        ("必須\n・日本語：ネイティブレベル\n・英語：不問", "native", "none"),
        ("ビジネスレベル以上の日本語力", "N2", None),
        ("日本語力：日常会話レベル以上", "N3", None),
        ("Fluent Japanese is a must.", "N1", None),
        ("Daily conversation level Japanese (around JLPT N3)", "N3", None),
        ("TOEIC 730点以上", None, "conversational"),
        ("TOEICスコア850点以上の英語力", None, "business"),
        ("英語：技術ドキュメントが読めるレベル", None, "basic"),
        ("English: able to read technical documentation", None, "basic"),
        # Each language keeps its own clause.
        ("Japanese: conversational; English: fluent", "N3", "business"),
        ("- English: conversational or above\n- Japanese: JLPT N2", "N2", "conversational"),
        ("Language: English (business), Japanese (N2 preferred)", "none", "business"),
        ("必須：日本語N2、歓迎：英語", "N2", "none"),
        # One level shared by two languages.
        ("Japanese and English: business level", "N2", "business"),
        # Not required, in either language.
        ("Japanese language skills are not required for this role.", "none", None),
        ("- No Japanese required", "none", None),
        (
            "You don't need to speak Japanese. English is our working language (business level).",
            "none",
            "business",
        ),
        ("Japanese: none", "none", None),
        ("英語は不要です", None, "none"),
        ("【語学】英語は使用しません", None, "none"),
        ("Japanese ability: not required but helpful", "none", None),
    ],
)
def test_levels(text: str, japanese: str | None, english: str | None) -> None:
    assert levels(text) == (japanese, english)


@pytest.mark.parametrize(
    ("text", "japanese", "english"),
    [
        # Named only as a plus, with or without a level: not required.
        ("Nice to have\n- JLPT N2\n- Kafka", "none", None),
        ("Nice to have\n- Terraform\n- Japanese is a plus", "none", None),
        ("・英語力（読み書き）があれば尚可", None, "none"),
        ("【歓迎】\n・英語力（海外拠点とのやり取りがあります）", None, "none"),
        (
            "Requirements\n- Go\n\nIt's a plus if you have:\n- Japanese (JLPT N2)\n- Kafka",
            "none",
            None,
        ),
        # A conditions heading after the preferred list states requirements again.
        (
            "Requirements\n- Go\n\nNice to have\n- Japanese (N3+)\n\n"
            "Conditions\n- English: business level",
            "none",
            "business",
        ),
        (
            "Preferred\n- Docker\n\nConditions\n- English: conversational English is enough",
            None,
            "conversational",
        ),
        (
            "Nice to have\n- Kafka\n\nWhat we offer:\n- English: business level\n- Full-time",
            None,
            "business",
        ),
        (
            "Bonus points\n- AWS\n\nCompensation & conditions\n- Japanese: not required. "
            "Our working language is English and business-level English is expected.",
            "none",
            "business",
        ),
        ("【歓迎】\n・AWS\n【待遇】\n・英語：日常会話レベル", None, "conversational"),
        (
            "【必須 / Required】\n- Business-level Japanese\n"
            "【歓迎 / Preferred】\n- Conversational English",
            "N2",
            "none",
        ),
        # An unlabelled short line between a blank line and a list is a heading.
        ("Nice to have\n- Kafka\n\nEngagement\n- English: business level", None, "business"),
    ],
)
def test_headings_and_plus_markers(text: str, japanese: str | None, english: str | None) -> None:
    assert levels(text) == (japanese, english)


@pytest.mark.parametrize(
    "text",
    [
        "We are a Japanese company with native English speakers in the team.",
        "About a third of the team are non-Japanese; our business is growing.",
        "Full-time employment with our Japanese entity (business hours 9-18).",
        "We are a Series C HR-tech company serving 8,000 Japanese businesses.",
        "Our customers are Japanese business people and their accountants.",
    ],
)
def test_the_adjective_japanese_is_not_a_language_requirement(text: str) -> None:
    assert levels(text)[0] is None


def test_many_language_words_stay_fast() -> None:
    facts = extract("- Japanese: N2\n" * 5000)
    assert facts.japanese_level == "N2"


def test_a_language_line_after_a_conditions_field_is_not_a_plus() -> None:
    # The 歓迎 list ends at the first conditions field ("雇用形態：正社員").
    text = "歓迎 / Nice to have\n- React\n\n雇用形態：正社員\n日本語：ネイティブレベル"
    assert extract(text).japanese_level == "native"
    text = "Nice to have\n- Redis\n\nEmployment type: Full-time\nJapanese: conversational"
    assert extract(text).japanese_level == "N3"


def test_a_business_level_right_after_the_language_word_is_a_level() -> None:
    # 英語ビジネスレベル is a level; 英会話ビジネス (a business teaching English) is not
    text = "【歓迎条件】\n・英語ビジネスレベルの方歓迎"
    assert extract(text).english_level == "none"
    text = "【必須】\n・英語ビジネスレベル"
    assert extract(text).english_level == "business"
    assert extract("当社は英会話ビジネスを展開しています。").english_level is None


@pytest.mark.parametrize(
    ("text", "japanese", "english"),
    [
        # 国籍不問 / 学歴不問 next to a level say nothing about the language
        ("【応募資格】\n・日本語：ネイティブ同等（学歴不問）", "native", None),
        ("Requirements\n- 日本語：日常会話以上（年齢・国籍不問）", "N3", None),
        # "no speaking needed" beside a reading level: the reading level is the requirement
        ("■必須\n・英語：仕様書を読める程度の読解力（会話力は不要）", None, "basic"),
        (
            "Must have\n- English: reading documentation (conversation is not required)",
            None,
            "basic",
        ),
        # a plain not-required still reads as none
        ("■必須\n・英語：不要", None, "none"),
    ],
)
def test_not_required_words_about_something_else(
    text: str, japanese: str | None, english: str | None
) -> None:
    assert levels(text) == (japanese, english)


@pytest.mark.parametrize(
    ("text", "japanese"),
    [
        (
            "Requirements\n- Japanese: the team lead position needs N1; for this position "
            "JLPT N2 is enough",
            "N2",
        ),
        ("【必須】\n・日本語：マネージャー職はN1、本ポジションはN3程度で可", "N3"),
        # no role named: the first required level stays
        ("Requirements\n- Japanese: N2 (N1 preferred)", "N2"),
    ],
)
def test_the_level_said_of_this_role(text: str, japanese: str) -> None:
    assert extract(text).japanese_level == japanese


@pytest.mark.parametrize(
    ("text", "japanese", "english"),
    [
        # a heading naming the language, its level on the line below
        ("【日本語レベル】\nビジネスレベル\n\n【勤務地】\n大阪市", "N2", None),
        ("【英語力】\n\n特に問いません", None, "none"),
        ("English level:\nTOEIC 650 or above", None, "conversational"),
        # a heading alone with no level below says nothing
        ("【英語】\n【勤務地】東京都", None, None),
    ],
)
def test_a_language_heading_with_its_level_below(
    text: str, japanese: str | None, english: str | None
) -> None:
    assert levels(text) == (japanese, english)


def test_what_is_said_of_this_role_beats_another_teams_requirement() -> None:
    text = (
        "Requirements\n- Japanese: not needed for this position. The data team (a separate "
        "opening) works in Japanese and asks for JLPT N2.\n"
    )
    assert extract(text).japanese_level == "none"
    # "but" turns to another role: the first level is not this role's
    text = "Requirements\n- Japanese: N2 for this team, but the lead role needs N1"
    assert extract(text).japanese_level == "N2"


def test_who_we_are_looking_for_heads_the_requirements() -> None:
    # the requirement under it beats a description of the company's documents above it
    text = (
        "社内ドキュメントは英語です。\n\nこんな方と働きたい / Who we're looking for\n"
        "・英語：TOEIC 700点程度\n"
    )
    assert extract(text).english_level == "conversational"


@pytest.mark.parametrize(
    ("text", "english"),
    [
        # a sentence about a person is not the role's requirement
        (
            "Our president studied in Boston and speaks fluent English.\nEnglish: not required",
            "none",
        ),
        # "a native English speaker" asks for the level
        ("Requirements\n- Native English speaker", "native"),
        # near-native: the English scale has no step between native and business
        ("Requirements\n- Native or near-native English speaker", "native"),
        # but "our English speakers" does not
        ("We have several English speakers in the team.", None),
    ],
)
def test_people_and_speakers(text: str, english: str | None) -> None:
    assert extract(text).english_level == english


def test_a_level_a_few_words_before_the_language() -> None:
    text = "Who we're looking for\n- Business-level written and spoken English for client calls"
    assert extract(text).english_level == "business"


# Another opening's language needs, named beside this role's.
@pytest.mark.parametrize(
    ("text", "english"),
    [
        (
            "応募資格\n・英語力：不要\n※同時募集中の「海外事業PM」ポジションでは、ビジネスレベルの英語"
            "（TOEIC 850点以上）が必須です。",
            "none",
        ),
        (
            "Requirements\n- English: not required\nNote: the Data Platform Lead role we are also "
            "hiring for needs business-level English.",
            "none",
        ),
        ("Requirements\n- Business-level English (TOEIC 800+)", "business"),
    ],
)
def test_another_openings_language_needs(text: str, english: str) -> None:
    assert extract(text).english_level == english


@pytest.mark.parametrize(
    ("text", "japanese", "english"),
    [
        ("backend | JP: N2くらい | EN: conversational | 正社員", "N2", "conversational"),
        ("Osaka · JP N1↑ · EN business · 正社員", "N1", "business"),
        ("🗣 日本語ビジネス、英語不問", "N2", "none"),
        ("Contact: recruit@example.jp | jp.example.com", None, None),
    ],
)
def test_shorthand_language_labels(text: str, japanese: str | None, english: str | None) -> None:
    facts = extract(text)
    assert (facts.japanese_level, facts.english_level) == (japanese, english)


def test_a_level_to_reach_later_is_not_asked() -> None:
    text = (
        "Requirements\n- Japanese is not required when you join. We expect you to reach JLPT "
        "N3 within a year; we pay for lessons."
    )
    assert extract(text).japanese_level == "none"


def test_a_language_field_after_a_preference_list_is_its_own() -> None:
    text = (
        "尚可スキル：\n　・決済の経験\n　・Kubernetesの運用経験\n"
        "日本語　：☑ネイティブレベル必須　☐不問"
    )
    assert extract(text).japanese_level == "native"


def test_english_read_to_understand_documents_is_basic() -> None:
    text = "応募資格\n・英語：海外製品のドキュメントを読んで理解できる程度"
    assert extract(text).english_level == "basic"


@pytest.mark.parametrize(
    "text",
    [
        "Requirements\n- Japanese business level",
        "Requirements\n- Japanese business-level",
        "Requirements\n- Japanese business proficiency",
        "Requirements\n- Japanese business and daily conversation",
    ],
)
def test_japanese_business_followed_by_a_level_word_is_business_level(text: str) -> None:
    assert levels(text)[0] == "N2"


def test_japanese_businesses_do_not_outweigh_a_stated_none() -> None:
    text = "We serve 8,000 Japanese businesses.\n\nLanguage: No Japanese required."
    assert levels(text)[0] == "none"


def test_a_business_team_is_no_business_level() -> None:
    text = "Requirements\n- Japanese: conversational level (our business team speaks Japanese)"
    assert levels(text)[0] == "N3"


@pytest.mark.parametrize(
    ("text", "japanese", "english"),
    [
        # a higher JLPT level in brackets as a plus leaves the level said outside them
        (
            "Requirements:\n- Business-level Japanese (JLPT N1 preferred) and basic English",
            "N2",
            "basic",
        ),
        ("日本語：ビジネスレベル（N1尚可）、英語：日常会話", "N2", "conversational"),
        ("日本語：ビジネスレベル (N1 preferred)", "N2", None),
        ("Requirements:\n- Japanese: N2 (N1 preferred)", "N2", None),
        ("Requirements:\n- Japanese (N1 preferred)", "none", None),
        # a higher level named as the plus after a separator leaves the first one required
        ("Requirements:\n- Japanese (JLPT N2 required, N1 preferred)", "N2", None),
        ("Requirements:\n- JLPT N2, N1 preferred", "N2", None),
        ("日本語：N2以上、N1尚可", "N2", None),
        # a "Language:" field after a nice-to-have list is a field of its own
        (
            "Nice to have:\n- gRPC\nLanguage: English required (conversational is fine); "
            "Japanese: none",
            "none",
            "conversational",
        ),
    ],
)
def test_plus_asides_language_fields_and_support(
    text: str, japanese: str | None, english: str | None
) -> None:
    facts = extract(text)
    assert (facts.japanese_level, facts.english_level) == (japanese, english)


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("We help Japanese SMEs.", []),
        ("You would be employed by our Japanese subsidiary.", []),
        ("The technology arm of a Japanese regional bank.", []),
        ("[English]\nWe are hiring.\n【日本語】\n採用中です", []),
        ("non-Japanese speakers welcome", []),
        ("Native German speakers welcome.", ["German"]),
        ("Requirements:\n- Business-level Japanese", ["Japanese"]),
        ("Requirements:\n- English (TOEIC 800)", ["English"]),
        # the JLPT names the language; its 試験 is not software testing
        ("必須：日本語能力試験N2以上", ["Japanese"]),
        ("Requirements:\n- JLPT N2", ["Japanese"]),
    ],
)
def test_a_language_name_as_an_adjective_or_a_version_mark_is_not_a_skill(
    text: str, languages: list[str]
) -> None:
    skills = extract(text).skills
    assert [m.skill for m in skills if m.category == "spoken_language"] == languages
    assert "software testing" not in {m.skill for m in skills}


@pytest.mark.parametrize(
    "text",
    [
        "Requirements:\n- Japanese not required",
        "Japanese: none",
        "日本語不問",
        "【語学】英語力は不要です",
        "Full medical insurance on top of Japanese social insurance.",
        "An SSP for Japanese publishers and app developers.",
    ],
)
def test_a_language_named_as_not_needed_is_not_a_skill(text: str) -> None:
    assert [m.skill for m in extract(text).skills if m.category == "spoken_language"] == []


@pytest.mark.parametrize(
    ("text", "japanese", "english", "spoken"),
    [
        # a generic language label under a nice-to-have list is one more wish
        (
            "Requirements:\n3+ years of Go\nNice to have:\nLanguages: business-level English",
            None,
            "none",
            ["English"],
        ),
        ("必須：\nJava経験3年以上\n歓迎：\n語学：ビジネスレベルの英語", None, "none", ["English"]),
        # a heading naming the language, its level below, is not a version mark
        (
            "【応募資格】\n・Java開発経験3年以上\n【英語】\nビジネスレベル（TOEIC800点以上）",
            None,
            "business",
            ["English"],
        ),
        # "none of ..." is not "none"; support as a duty asks for the language
        (
            "Requirements: Japanese: none of our clients speak English, so fluency is essential.",
            None,
            None,
            ["Japanese", "English"],
        ),
        (
            "Responsibilities: provide Japanese support to enterprise customers.",
            None,
            None,
            ["Japanese"],
        ),
    ],
)
def test_language_rules_keep_what_they_do_not_mean(
    text: str, japanese: str | None, english: str | None, spoken: list[str]
) -> None:
    facts = extract(text)
    assert [m.skill for m in facts.skills if m.category == "spoken_language"] == spoken
    assert facts.japanese_level == japanese
    if english is not None:
        assert facts.english_level == english


@pytest.mark.parametrize(
    ("text", "japanese"),
    [
        (
            "Japanese language ability is a plus. Our customers expect native-level Japanese "
            "support from our CS team.",
            "none",
        ),
        ("Our clients speak Japanese, so business Japanese is required.", "N2"),
    ],
)
def test_what_the_customers_want_is_not_the_level_asked(text: str, japanese: str) -> None:
    assert extract(text).japanese_level == japanese


@pytest.mark.parametrize(
    ("text", "japanese", "english"),
    [
        # levels given as alternatives: either is enough, so the lower one is asked
        ("Japanese: N1 or N2", "N2", None),
        ("JLPT N1 or N2 required", "N2", None),
        ("Japanese: N2/N1", "N2", None),
        ("日本語：ネイティブまたはビジネスレベル", "N2", None),
        ("Japanese: fluent or native", "N1", None),
        ("Native-level or business-level Japanese required", "N2", None),
        ("English: native or business level", None, "business"),
        # near-native Japanese is N1, not native
        ("Japanese: near-native", "N1", None),
        ("Native or near-native Japanese and English", "N1", "native"),
        ("Requirements: Japanese: native or near-native (JLPT N1)", "N1", None),
        ("日本語：ネイティブに近いレベル", "N1", None),
        # not alternatives: one level, or a level and an aside
        ("日本語：ネイティブレベル", "native", None),
        ("Japanese: JLPT N2 or above", "N2", None),
        ("Japanese: business level or higher", "N2", None),
    ],
)
def test_alternative_levels_ask_for_the_lower(
    text: str, japanese: str | None, english: str | None
) -> None:
    facts = extract(text)
    assert (facts.japanese_level, facts.english_level) == (japanese, english)


def test_a_person_in_an_aside_does_not_hide_what_follows_it() -> None:
    text = (
        "What you need: good Python, business-level English (our founders don't speak Japanese,"
        " so the team works in English), and conversational Japanese for talking with clinic"
        " staff."
    )
    facts = extract(text)
    assert (facts.japanese_level, facts.english_level) == ("N3", "business")


@pytest.mark.parametrize(
    ("text", "japanese", "english"),
    [
        # a language field after a blank line is a field of its own, not one more wish
        (
            "Nice to have\n- Kafka\n\nLanguage: Basic English is enough (docs are in English).",
            None,
            "basic",
        ),
        (
            "NICE TO HAVE\n- Docker\n\nLANGUAGE: Conversational Japanese (the PM speaks limited "
            "English)",
            "N3",
            None,
        ),
        # right under the list it is one more wish
        ("Nice to have\n- Kafka\nLanguages: business-level English", None, "none"),
    ],
)
def test_a_language_field_after_a_wish_list(
    text: str, japanese: str | None, english: str | None
) -> None:
    facts = extract(text)
    assert (facts.japanese_level, facts.english_level) == (japanese, english)


@pytest.mark.parametrize(
    ("text", "japanese", "english"),
    [
        # a field labelled in both languages, under a line of wishes
        (
            "Preferred: Java / Study experience in Java\n"
            "日本語 / Japanese: N2以上 / JLPT N2 or above",
            "N2",
            None,
        ),
        # the level before a slash is the other language's
        ("【語学】日本語：ネイティブレベル／英語：技術文書を読める方", "native", "basic"),
        # a shared level stays shared
        ("日本語/英語：ビジネスレベル", "N2", "business"),
    ],
)
def test_language_fields_on_one_line(text: str, japanese: str | None, english: str | None) -> None:
    facts = extract(text)
    assert (facts.japanese_level, facts.english_level) == (japanese, english)


@pytest.mark.parametrize(
    ("text", "japanese", "english"),
    [
        ("Company language: English. Our engineers represent 16 nationalities.", None, "business"),
        ("社内公用語は英語です。", None, "business"),
        ("English: not required. Company language: English", None, "none"),
        # the exam named a little further on
        ("You need to read Japanese comfortably — roughly JLPT N3 level.", "N3", None),
        # not across a comma into a future goal
        (
            "Our customer work happens in Japanese, we expect you to reach JLPT N3 within 18 "
            "months.",
            None,
            None,
        ),
    ],
)
def test_working_language_and_named_exams(
    text: str, japanese: str | None, english: str | None
) -> None:
    facts = extract(text)
    assert (facts.japanese_level, facts.english_level) == (japanese, english)


@pytest.mark.parametrize("label", ["[Japanese]", "【日本語】", "[Japanese level]", "【日本語力】"])
def test_a_bracketed_language_field_after_a_preferred_list_is_its_own(label: str) -> None:
    text = (
        "[Welcome skill / experience]\n- Experience of Spring Boot\n- Docker\n\n"
        f"{label} Business level or more (the conversation with the customer occurs)\n"
    )
    assert extract(text).japanese_level == "N2"


def test_we_do_not_ask_is_not_required() -> None:
    assert extract("■English ability: We do not ask.").english_level == "none"


def test_languages_under_emoji_headings_in_both_languages() -> None:
    text = (
        "💪 Must\n・2+ years with Go\n🌟 Nice to have\n・GraphQL\n・AWS\n"
        "📍 勤務地 / Office\n沖縄県那覇市久茂地3丁目\n\n"
        "🗣 日本語 / Japanese\n日常会話レベル / conversational\n\n"
        "🔤 English\nあれば尚可 / nice to have\n"
    )
    facts = extract(text)
    assert (facts.japanese_level, facts.english_level) == ("N3", "none")


def test_a_plus_on_the_line_under_a_language_heading() -> None:
    text = "英語 / English\n日常会話程度あれば尚可\n"
    assert extract(text).english_level == "none"


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("・日本語：ネイティブレベル　英語：ビジネスレベル", ("native", "business")),
        ("・日本語：不問　英語：ビジネスレベル（海外拠点とのやり取りあり）", ("none", "business")),
        ("Japanese and English: business level", ("N2", "business")),
    ],
)
def test_two_language_fields_on_one_line(text: str, levels: tuple[str, str]) -> None:
    facts = extract(text)
    assert (facts.japanese_level, facts.english_level) == levels


def test_reading_research_papers_is_basic() -> None:
    text = "・English: able to read research papers and technical documents"
    assert extract(text).english_level == "basic"


def test_a_language_label_with_its_level_below_after_a_nice_to_have_list() -> None:
    # one cell per line: the label and its value follow the list; not an item of it
    text = (
        "Required skills\nPHP, Laravel, MySQL\nNice to have\nVue.js, AWS\n"
        "Japanese\nBusiness level (client meetings are in Japanese)\nEnglish\nNot required\n"
    )
    facts = extract(text)
    assert (facts.japanese_level, facts.english_level) == ("N2", "none")
    # a plus on the level's own line still makes it one
    assert extract("Nice to have\nAWS\nJapanese\nBusiness level is a plus\n").japanese_level == (
        "none"
    )


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("🗾 JP not required\n📄 Full-time", ("none", None)),
        ("JP N2+, EN not needed", ("N2", "none")),
        # a reply after a rule is not an item of the nice-to-have list above it
        (
            "歓迎：\n・AWS\n\n---\n↳ 自己リプ\n・英語は使いません、不要です\n"
            "・日本語はネイティブレベル必須です",
            ("native", "none"),
        ),
    ],
)
def test_short_labels_and_replies(text: str, levels: tuple[str | None, str | None]) -> None:
    facts = extract(text)
    assert (facts.japanese_level, facts.english_level) == levels


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("・英語で論文執筆および国際会議での発表ができる者", "business"),
        ("4. Ability to write research papers and give presentations in English", "business"),
        ("- Excellent written and spoken English", "business"),
        ("- Very good English; Japanese is not required", "business"),
        ("Ability to read research papers in English", "basic"),
    ],
)
def test_research_work_in_english(text: str, level: str) -> None:
    assert extract(text).english_level == level


@pytest.mark.parametrize(
    "text",
    [
        "英語：不要（ただし英語のドキュメントを読む機会はあります）",
        "- English: no (but being able to read English documentation helps)",
    ],
)
def test_an_occasion_to_read_is_no_requirement(text: str) -> None:
    assert extract(text).english_level == "none"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # an organisation the language qualifies, a word between them
        (
            "Japanese\tNot required\nKumo Ledger runs the payment rails behind 1,800 Japanese "
            "subscription businesses.",
            "none",
        ),
        ("Japanese business level required", "N2"),
        # a form's row after a 歓迎 list: a field of its own
        (
            "応募資格（必須）\t・実務経験は問いません（未経験可）\n"
            "歓迎条件\t・SQL Server を使った開発経験\n\t・Azure の利用経験\n"
            "日本語\tビジネスレベル以上（外国籍の方も歓迎します）\n在留資格\t就労ビザの取得をサポートします\n",
            "N2",
        ),
        # a line that asks and wishes: the language's own clause
        ("Must have 3+ yrs Go; AWS a plus; Japanese N2 required", "N2"),
    ],
)
def test_adjectives_form_rows_and_clauses(text: str, level: str) -> None:
    assert extract(text).japanese_level == level


def test_a_tag_lines_bar_ends_a_language_clause() -> None:
    text = (
        "正社員｜フルリモート（居住地不問・オフィスなし）｜TypeScript｜"
        "日本語ネイティブレベル｜副業OK"
    )
    assert extract(text).japanese_level == "native"
    assert extract("| 日本語 | N2 |").japanese_level == "N2"  # a table's cells are not broken


@pytest.mark.parametrize(
    "text", ["・英語：できると嬉しい（必須ではありません）", "英語：必須ではありません"]
)
def test_not_a_must_is_no_requirement(text: str) -> None:
    assert extract(text).english_level == "none"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("- Japanese: N2以上あればOK。社外MTGは日本語なので。", "N2"),
        ("- Japanese: daily conv. (our customers write in Japanese)", "N3"),
        ("日本語：N2あれば尚可", "none"),
        # a condition to apply
        ("はい。日本語能力試験N2以上をお持ちであれば応募いただけます。", "N2"),
    ],
)
def test_enough_is_asked_and_short_forms(text: str, level: str) -> None:
    assert extract(text).japanese_level == level


def test_biz_is_business() -> None:
    facts = extract("- Language: JP: N2, EN: biz")
    assert (facts.japanese_level, facts.english_level) == ("N2", "business")


def test_a_language_field_after_a_heading_mark_is_not_an_item_of_the_list_above() -> None:
    from kyujin.core.extract import extract

    text = (
        "■ Must have（必須）：\n・Javaでの開発経験\n\n"
        "■ Nice to have（歓迎）：\n・Linux の運用経験\n\n"
        "■ Japanese：ネイティブレベル\n■ English：不要\n"
    )
    facts = extract(text)
    assert (facts.japanese_level, facts.english_level) == ("native", "none")


def test_japanese_naming_a_country_s_law_is_not_the_language() -> None:
    from kyujin.core.extract import extract

    text = "Eight weeks of product training and Japanese labour-law basics at our Osaka office."
    assert extract(text).japanese_level is None


@pytest.mark.parametrize(
    ("text", "field", "level"),
    [
        ("Nice to have:\n- Business-level English (not strictly required)", "english", "none"),
        ("Requirements:\n- Native-level Japanese legal writing skills", "japanese", "native"),
    ],
)
def test_review_cases_for_levels(text: str, field: str, level: str) -> None:
    from kyujin.core.extract import extract

    assert getattr(extract(text), f"{field}_level") == level


@pytest.mark.parametrize(
    ("text", "japanese"),
    [
        # the exam's whole scale, named by what a company makes, asks for no level
        ("当社は日本語能力試験（N1〜N5）の対策教材を制作しています。", None),
        ("Our JLPT prep app covers N5 to N1 with 8,000 questions.", None),
        ("JLPT N1-N4 mock tests are our best-selling product.", None),
        # a range of two levels: the lower one is enough
        ("日本語：N1〜N2レベル", "N2"),
        ("Japanese: JLPT N2 to N1", "N2"),
        # a level asked beside the scale a product covers
        ("We build a JLPT app for N5 to N1 learners.\nRequirements: Japanese (JLPT N2)", "N2"),
    ],
)
def test_a_range_of_jlpt_levels(text: str, japanese: str | None) -> None:
    assert levels(text)[0] == japanese


@pytest.mark.parametrize(
    ("text", "japanese"),
    [
        # a JLPT level with 相当 / 程度 / "equivalent" names the exam's scale on its own
        ("Q 日本語・英語\n→ 社内は全部日本語。外国籍の人もいるが、N1相当は欲しいとのこと。", "N1"),
        ("N2 equivalent or better is expected.", "N2"),
        ("N3程度あれば大丈夫です。", "N3"),
        # "None needed", as "none required"
        ("Japanese: None needed for engineering.", "none"),
        # not a level: a cloud product, a count
        ("We run on N1 Cloud equivalent hardware.", None),
    ],
)
def test_bare_jlpt_forms_and_none_needed(text: str, japanese: str | None) -> None:
    assert levels(text)[0] == japanese


def test_a_language_under_a_translated_plus_heading_is_not_required() -> None:
    assert (
        levels("持っているとプラス\n- 日本語の会話能力はプラスです\n- Terraformの経験")[0] == "none"
    )
    assert levels("あれば望ましい\n- Next.jsの経験\n- 英語")[1] == "none"


@pytest.mark.parametrize(
    ("text", "english"),
    [
        # a field's value reaches further than a clause in prose
        ("English: Level at which you can read technical documents", "basic"),
        # but not past a separator to the next field
        (
            "日本語：ビジネスレベル／Kotlin・Spring Bootの実務経験必須、Androidアプリ開発経験歓迎",
            None,
        ),
    ],
)
def test_a_language_fields_value(text: str, english: str | None) -> None:
    assert levels(text)[1] == english


def test_the_next_field_is_not_the_languages_value() -> None:
    text = (
        "勤務形態：出社／日本語：ビジネスレベル／Kotlin・Spring Bootの実務経験必須、"
        "Androidアプリ開発経験歓迎"
    )
    assert levels(text)[0] == "N2"


@pytest.mark.parametrize(
    ("text", "japanese", "english"),
    [
        # the talk inside a team is not a level of the language named beside it
        ("＜日本語＞日常会話レベル（チーム内の会話は日本語と英語の両方）", "N3", None),
        ("社内での会話は英語です", None, None),
        # a conversation in the language asked of the candidate is
        ("英語での会話に抵抗のない方", None, "conversational"),
        ("英語：会話レベル", None, "conversational"),
    ],
)
def test_conversation_as_a_level_or_as_the_teams_talk(
    text: str, japanese: str | None, english: str | None
) -> None:
    assert levels(text) == (japanese, english)


def test_a_nice_to_have_with_hyphens_asks_for_none() -> None:
    facts = extract("Lang: English fluent; Japanese is a nice-to-have")
    assert (facts.japanese_level, facts.english_level) == ("none", "business")


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("・コミュニケーションは日本語・英語どちらでも構いません", ("none", "none")),
        ("Communication: Japanese or English — whichever you prefer", ("none", "none")),
        ("日本語か英語のどちらでもOK", ("none", "none")),
        # either language for the application or the interview says nothing of the work
        (
            "応募書類は日本語・英語どちらでも構いません。\n必須：\n・日本語での顧客折衝経験3年以上",
            (None, None),
        ),
        ("Application documents: Japanese or English is fine.", (None, None)),
        ("面接は日本語・英語どちらでも構いません。", (None, None)),
    ],
)
def test_either_language_will_do(text: str, levels: tuple[str | None, str | None]) -> None:
    facts = extract(text)
    assert (facts.japanese_level, facts.english_level) == levels


def test_either_language_does_not_undo_a_stated_level() -> None:
    facts = extract("Business Japanese required. Documents in Japanese or English — either is fine")
    assert facts.japanese_level == "N2"


@pytest.mark.parametrize(
    "text",
    [
        "言語日本語：不問英語：ビジネスレベル",
        "LanguageJapanese: not requiredEnglish: business level",
        "歓迎要件\n・Terraform\n\n言語日本語：不問英語：ビジネスレベル",
    ],
)
def test_language_fields_run_together(text: str) -> None:
    facts = extract(text)
    assert (facts.japanese_level, facts.english_level) == ("none", "business")


@pytest.mark.parametrize(
    "text",
    [
        "Learn about the culture and join our free German language courses.",
        "We offer free English classes and Spanish lessons.",
        "Free inhouse German course on different levels",
    ],
)
def test_lessons_the_employer_offers_are_not_a_language_asked(text: str) -> None:
    assert not [m for m in extract(text).skills if m.category == "spoken_language"]


def test_a_bracketed_catch_all_field_ends_a_preferred_list() -> None:
    text = "【必須】\n・Java\n【歓迎】\n・Go\n【その他】英語：ビジネスレベル／ビザサポートあり"
    facts = extract(text)
    assert facts.english_level == "business"  # its own field, not a plus of the list above
    assert ("English", "unknown") in [(m.skill, m.requirement) for m in facts.skills]


def test_a_version_of_the_posting_is_no_language_asked() -> None:
    facts = extract("※日本語版と英語版で内容が異なる場合は、日本語版が優先します。")
    assert facts.skills == [] and facts.english_level is None


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("【福利厚生】\n・語学学習支援：TOEIC 730点以上取得で報奨金5万円\n", None),
        ("【福利厚生・社内制度】\n・語学学習支援：オンライン英会話が無料で受講可能\n", None),
        ("Benefits\n- Free English lessons; TOEIC 800 earns a bonus\n", None),
        # "What we offer" lists the job's own terms in English postings
        ("What we offer\n- Hybrid work\n- Native English is required\n", "native"),
    ],
)
def test_languages_in_a_benefits_section_are_offered(text: str, english: str | None) -> None:
    assert extract(text).english_level == english


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("English: conversational English is a plus", "none"),
        ("English: conversational English is helpful, but not required", "none"),
        ("English: business level", "business"),
    ],
)
def test_a_language_named_again_in_its_own_field(text: str, english: str) -> None:
    assert extract(text).english_level == english


def test_a_second_field_for_the_same_language_is_its_own() -> None:
    # the bilingual halves' two fields: the first (the Japanese original) is read
    assert extract("・日本語：日常会話レベル以上 / Japanese: business level").japanese_level == "N3"


@pytest.mark.parametrize(
    ("text", "japanese", "english"),
    [
        # a benefits list ends at a blank line or at the job's terms
        (
            "Salary: ¥6M-¥8M\nBenefits\nSocial insurance, transportation\n"
            "Japanese level: Fluent\nEnglish level: Conversational",
            "N1",
            "conversational",
        ),
        (
            "【福利厚生】\n社会保険完備、交通費全額支給\n日本語レベル：N1\n英語レベル：不要",
            "N1",
            "none",
        ),
        (
            "Benefits\n- Free lunch\n\nYou need to be based in Japan and have business Japanese.",
            "N2",
            None,
        ),
        ("Perks\n- Visa sponsorship\n- English-only team: Japanese not required", "none", None),
        # a level named again with a level of its own is a second clause
        (
            "English: Conversational English required, business English preferred",
            None,
            "conversational",
        ),
        ("English: Basic English is fine, fluent English is a big plus", None, "basic"),
        # a language's teachers are no lessons offered
        ("We are looking for native English teachers for elementary schools", None, "native"),
    ],
)
def test_look_alikes_of_the_benefits_and_field_rules(
    text: str, japanese: str | None, english: str | None
) -> None:
    facts = extract(text)
    assert (facts.japanese_level, facts.english_level) == (japanese, english)


@pytest.mark.parametrize(
    ("text", "japanese", "english"),
    [
        # a goal after joining, read to its sentence's end only
        (
            "【言語】日本語力は問いません。入社後2年以内に日本語能力試験N3レベルを目指して"
            "いただけるよう、語学学習を支援します。",
            "none",
            None,
        ),
        ("We expect you to reach JLPT N3 within 18 months.", None, None),
        ("・日本語：読み書き・会話ともに業務に支障のないレベル", "N2", None),
        ("・英語の会議に参加できる方（週次ミーティングは英語）", None, "conversational"),
        ("Must: able to join weekly English meetings", None, "conversational"),
        ("We run an online English-conversation school.\nEnglish: a plus", None, "none"),
    ],
)
def test_goals_enough_for_the_work_and_meetings(
    text: str, japanese: str | None, english: str | None
) -> None:
    facts = extract(text)
    assert (facts.japanese_level, facts.english_level) == (japanese, english)


@pytest.mark.parametrize(
    ("text", "english"),
    [
        # English's other scales, mapped as TOEIC's thresholds are
        ("Requirements: English: TOEFL iBT 80+ or IELTS 6.5+", "business"),
        ("English: TOEFL iBT 65", "conversational"),
        ("TOEFL ITP 520", "conversational"),
        ("English (CEFR B1) for documentation", "conversational"),
        ("English at CEFR C1", "business"),
        ("英語：英検準1級以上", "business"),
        ("英検2級程度の英語力", "conversational"),
        ("Nice to have: IELTS 7.0", "none"),
    ],
)
def test_toefl_ielts_cefr_and_eiken_scores(text: str, english: str) -> None:
    assert extract(text).english_level == english


@pytest.mark.parametrize(
    ("text", "japanese", "english"),
    [
        # the level of staff already there, or of a product, is not asked
        ("オフショアとのやり取りは日本語が堪能なブリッジSEが担当します。", None, None),
        ("英語ネイティブのメンバーや、N1を取得したメンバーも活躍しています。", None, None),
        ("JLPT N5〜N1の対策コースやビジネス日本語講座を提供しています。", None, None),
        # the candidate described so is asked
        ("日本語ネイティブの方を募集します", "native", None),
    ],
)
def test_levels_of_staff_and_products(text: str, japanese: str | None, english: str | None) -> None:
    facts = extract(text)
    assert (facts.japanese_level, facts.english_level) == (japanese, english)


def test_a_language_asked_beside_staff_named_in_brackets() -> None:
    text = "【必須】\n・英語でのコミュニケーション（海外出身のメンバーが在籍しています）"
    assert ("English", "required") in [(m.skill, m.requirement) for m in extract(text).skills]
