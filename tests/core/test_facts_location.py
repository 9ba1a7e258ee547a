"""Workplace location: the workplace field wins; a fully remote role with no office has none."""

from collections.abc import Callable

import pytest

from kyujin.core.extract import extract
from tests.support.scaling import assert_linear


def place(text: str) -> tuple[str, str | None] | None:
    location = extract(text).location
    return (location.prefecture, location.city) if location else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【勤務地】東京都渋谷区道玄坂", ("Tokyo", "Shibuya")),
        ("本社：大阪府大阪市北区\n【勤務地】東京都港区六本木", ("Tokyo", "Minato")),
        ("Visa and relocation support.\nLocation: Fukuoka (Tenjin)", ("Fukuoka", "Fukuoka")),
        ("Our HQ is in Osaka.\nWork location: Nagoya, Aichi", ("Aichi", "Nagoya")),
        ("Location: Tokyo", ("Tokyo", None)),
        ("Location: Fully remote within Japan, office in Shibuya", ("Tokyo", "Shibuya")),
        ("Remote OK (no office visits needed). Office: Minato-ku, Tokyo", ("Tokyo", "Minato")),
    ],
)
def test_workplace(text: str, expected: tuple[str, str | None]) -> None:
    assert place(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A remote-first team spread from Hokkaido to Okinawa; we have no office.\nFully remote.",
        "Fully remote. We are an office-less company founded in Osaka.",
        "【勤務地】フルリモート（全国どこでも可）\n【会社所在地】東京都千代田区",
        "Location: Fully remote (Japan)\nHeadquarters: Fukuoka",
        "当社はオフィスを持たないフルリモートの会社です（登記上の本店：東京都港区）",
    ],
)
def test_fully_remote_without_an_office_has_no_location(text: str) -> None:
    assert place(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ward and city names written without 区 / 市.
        ("【勤務地】渋谷オフィス", ("Tokyo", "Shibuya")),
        ("勤務地：東京・新宿", ("Tokyo", "Shinjuku")),
        ("勤務地：東京本社（品川）", ("Tokyo", "Shinagawa")),
        ("勤務地：横浜オフィス", ("Kanagawa", "Yokohama")),
        ("勤務地：名古屋オフィス", ("Aichi", "Nagoya")),
        # ... yielding to a 区 beside them.
        ("品川オフィス（東京都港区港南）", ("Tokyo", "Minato")),
        ("東京都港区港南（品川駅徒歩3分）", ("Tokyo", "Minato")),
        # Office districts.
        ("勤務地：中目黒オフィス", ("Tokyo", "Meguro")),
        ("Office: Namba, Osaka", ("Osaka", "Osaka")),
        ("勤務地：川崎市中原区（武蔵小杉）", ("Kanagawa", "Kawasaki")),
        # A prefecture named like its capital, after (or before) another of its cities.
        ("Location: Hamamatsu, Shizuoka", ("Shizuoka", "Hamamatsu")),
        ("Office: Sakai, Osaka", ("Osaka", "Sakai")),
        ("勤務地：静岡（浜松）", ("Shizuoka", "Hamamatsu")),
        ("Location: Shizuoka", ("Shizuoka", "Shizuoka")),
        # The workplace field wins over a company blurb named first.
        ("The company is based in Osaka.\nOffice: Shibuya, Tokyo", ("Tokyo", "Shibuya")),
        ("Head office: Osaka\nWork location: Tokyo (Shibuya)", ("Tokyo", "Shibuya")),
        ("大阪本社・東京支社の2拠点です。\n【勤務地】東京支社", ("Tokyo", None)),
        # A remote value in a hybrid posting, or one naming its office, keeps the office.
        ("勤務地：リモート\n出社：月1回（東京都渋谷区）", ("Tokyo", "Shibuya")),
        ("Location: Remote OK\nOffice: Shibuya, Tokyo", ("Tokyo", "Shibuya")),
        ("勤務地：フルリモート（大阪オフィスへの出社も可）", ("Osaka", "Osaka")),
        ("Hybrid (2 days in office). Our HQ is in Tokyo (Minato-ku).", ("Tokyo", "Minato")),
    ],
)
def test_workplace_more_phrasings(text: str, expected: tuple[str, str | None]) -> None:
    assert place(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A bare remote value in the workplace field.
        "勤務地：在宅（フルリモート）\n会社所在地：大阪市",
        "Work location: Remote, anywhere in Japan\nHQ: Tokyo",
        # Fully remote, and the only place named is the company's seat.
        "We are a fully remote company; our registered address is in Tokyo.",
        "本社：東京都千代田区\n勤務形態：フルリモート（全国可）",
        "Fully remote. Founded in Kyoto in 2015.",
    ],
)
def test_fully_remote_with_only_a_company_seat_has_no_location(text: str) -> None:
    assert place(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frontend: React, Redux-Saga, TypeScript", None),
        ("State management with redux-saga", None),
        ("Stack: React / Redux-Saga\nLocation: Fukuoka", ("Fukuoka", "Fukuoka")),
        ("Location: Saga", ("Saga", None)),
    ],
)
def test_a_place_name_inside_a_technology_name_is_not_a_place(
    text: str, expected: tuple[str, str | None] | None
) -> None:
    assert place(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "Location" heading line, or an office-based role, names the workplace rather
        # than the city a company blurb mentions first
        (
            "Our Tokyo office opened in 2020 and hosts 30 engineers. "
            + "We ship often. " * 15
            + "\n\n"
            "Location and working style\nThe team sits in Ebisu (Shibuya-ku) four days a week.",
            ("Tokyo", "Shibuya"),
        ),
        (
            "Front-office traders in Tokyo and Singapore use the platform we build. "
            + "We ship often. " * 15
            + "\n\nConditions\n"
            "- Office-based in Nihonbashi, Chuo-ku. No remote work.",
            ("Tokyo", "Chuo"),
        ),
    ],
)
def test_location_headings_and_office_based_roles(
    text: str, expected: tuple[str, str | None]
) -> None:
    assert place(text) == expected


def test_a_remote_company_without_an_office_has_no_workplace() -> None:
    text = "Fully remote in Japan. We don't have an office; we meet twice a year in Tokyo."
    assert place(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our head office is in Minato-ku, Tokyo, and our lab is in Kyoto. "
            + "We ship often. " * 15
            + "This role is based at the Kyoto lab (Shimogyo-ku).",
            ("Kyoto", "Kyoto"),
        ),
        (
            "HQ: Shinagawa-ku, Tokyo. " + "We ship often. " * 15 + "\n"
            "Address: 2-X-X Nishiku, Yokohama, Kanagawa",
            ("Kanagawa", "Yokohama"),
        ),
    ],
)
def test_the_role_s_own_workplace_and_address(text: str, expected: tuple[str, str | None]) -> None:
    assert place(text) == expected


def test_the_office_one_works_at_beats_a_sales_branch_named_after_it() -> None:
    text = (
        "Work style\nHybrid: three days a week at our Sendai office. "
        "東京支店（千代田区）は営業部門のみです。"
    )
    location = extract(text).location
    assert location is not None and (location.prefecture, location.city) == ("Miyagi", "Sendai")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Head office is in Tokyo, Minato-ku.\n\n<Work place>\nKanagawa, Kawasaki-shi, "
            "Nakahara-ku (development center)\n\nInterview at our Shinjuku office",
            ("Kanagawa", "Kawasaki"),
        ),
        (
            "Work location: your home (no designated office)\nRegistered office: Tokyo, Shibuya",
            None,
        ),
    ],
)
def test_work_place_labels_and_no_designated_office(text: str, expected: tuple | None) -> None:
    location = extract(text).location
    assert (location and (location.prefecture, location.city)) == expected


def test_on_site_at_the_clients_office_beats_the_agencys_own() -> None:
    text = (
        "We are an agency; our own office is in Ebisu, Shibuya.\n\nConditions\n"
        "- Fully on-site at the client's office in Koto-ku, Tokyo."
    )
    location = extract(text).location
    assert location is not None and (location.prefecture, location.city) == ("Tokyo", "Koto")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the seat named beside the workplace is not part of it
        ("【勤務地】\n大阪府内の各プロジェクト先（本社：大阪府大阪市北区）", ("Osaka", None)),
        # the seat alone is the workplace
        ("本社：東京都墨田区\n\nWhat you'll do\n- APIs", ("Tokyo", "Sumida")),
    ],
)
def test_the_seat_beside_the_workplace(text: str, expected: tuple) -> None:
    location = extract(text).location
    assert location is not None and (location.prefecture, location.city) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a decided move: someone hired now will work at the destination
        (
            "【勤務地】兵庫県神戸市中央区\n2027年5月にオフィスを大阪府大阪市北区（梅田）へ移転します。",
            ("Osaka", "Osaka"),
        ),
        (
            "【勤務地】東京都中央区日本橋\n※来年4月、本社を東京都港区へ移転予定です。",
            ("Tokyo", "Minato"),
        ),
        (
            "Location: Chiyoda-ku, Tokyo. Our office moves to Meguro, Tokyo in spring 2027.",
            ("Tokyo", "Meguro"),
        ),
        (
            "Office: Nakano, Tokyo (we are relocating our headquarters to Shibuya, Tokyo in June)",
            ("Tokyo", "Shibuya"),
        ),
        # not a decided move of the office
        ("【勤務地】東京都品川区\n将来的に大阪府へ移転を検討しています。", ("Tokyo", "Shinagawa")),
        ("Location: Minato, Tokyo. We may move to Shibuya, Tokyo next year.", ("Tokyo", "Minato")),
        # the candidate moving, not the office
        (
            "Location: Fukuoka (Tenjin). Relocation support for engineers who move to Fukuoka.",
            ("Fukuoka", "Fukuoka"),
        ),
        (
            "【勤務地】東京都新宿区\n東京都へ引っ越す方には引越し手当を支給します。",
            ("Tokyo", "Shinjuku"),
        ),
    ],
)
def test_an_office_moving(text: str, expected: tuple[str, str | None]) -> None:
    assert place(text) == expected


def test_that_office_named_elsewhere_gives_its_ward() -> None:
    text = (
        "Last year we opened an office in Nishi-Shinjuku, Shinjuku-ku, Tokyo. "
        "This position is based in that Tokyo office."
    )
    assert place(text) == ("Tokyo", "Shinjuku")
    # without the reference, a bare prefecture stays as it is
    assert place("Location: Tokyo. We also have an office in Umeda, Osaka.") == ("Tokyo", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【勤務地】愛知県刈谷市（本社・技術センター）", ("Aichi", "Kariya")),
        ("勤務地：顧客の共同センター（東京都多摩市）", ("Tokyo", "Tama")),
        ("Location: Kakogawa City, Hyogo", ("Hyogo", "Kakogawa")),
        ("Location: Yokkaichi, Mie (plant site)", ("Mie", "Yokkaichi")),
        ("勤務地：茨城県日立市", ("Ibaraki", "Hitachi")),
        # a company or a surname is not a city without its suffix
        ("Location: Ibaraki prefecture (our Hitachi plant)", ("Ibaraki", None)),
        ("勤務地：長野県（松本さんのチームに配属）", ("Nagano", None)),
        # the office named by its prefecture, its ward given elsewhere
        ("Our Tokyo office opened in 2022.\nHybrid: our Tokyo office is in Toranomon, Minato-ku",
         ("Tokyo", "Minato")),
    ],
)  # fmt: skip
def test_more_cities_and_the_office_s_ward(text: str, expected: tuple[str, str | None]) -> None:
    assert place(text) == expected


def test_several_cities_listed_give_no_one_city() -> None:
    assert place("【勤務地】客先常駐（愛知県名古屋市、豊田市、刈谷市など）") == ("Aichi", None)
    assert place("勤務地：大阪府大阪市北区") == ("Osaka", "Osaka")


# A fully remote role that belongs to no office, beside the offices the company has; a list
# of the company's sites ("Tokyo office: sales") before the role's own workplace field.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fully remote within Japan. The role is not attached to any office, and you will "
            "not be expected to visit our Shibuya office.",
            None,
        ),
        ("フルリモート。出社先はなく、名古屋本社（中村区）への出社もありません。", None),
        (
            "Our sites:\n- Nagoya office: sales\n- Fukuoka office (Hakata-ku): support and "
            "operations for Kyushu\n\nLocation\nNagoya (Nagoya office).",
            ("Aichi", "Nagoya"),
        ),
    ],
)
def test_no_office_of_ones_own_and_site_lists(
    text: str, expected: tuple[str, str | None] | None
) -> None:
    location = extract(text).location
    got = None if location is None else (location.prefecture, location.city)
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("🏠 フルリモ（本社は目黒。来たい人はいつでもどうぞ）", ("Tokyo", "Meguro")),
        ("オフィスはなくて全員フルリモートです（メンバーは福岡から札幌まで）", None),
        (
            "会社：株式会社テスト\n場所：高松市（駅から徒歩5分）\n勤務：完全出社",
            ("Kagawa", "Takamatsu"),
        ),
    ],
)
def test_short_posts_offices_and_place_fields(
    text: str, expected: tuple[str, str | None] | None
) -> None:
    location = extract(text).location
    got = None if location is None else (location.prefecture, location.city)
    assert got == expected


def test_a_place_field_over_the_region_named_first() -> None:
    text = "【求人】愛媛・松山のEC企業です\n会社：株式会社テスト\n場所：今治市（駅から徒歩3分）"
    location = extract(text).location
    assert location is not None and (location.prefecture, location.city) == ("Ehime", "Imabari")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "クライアント：予約SaaSの企業（本社：京都市下京区）\n\n業務内容：API開発\n"
            "働き方：フルリモート（居住地不問。オフィスは京都市下京区の本社）",
            ("Kyoto", "Kyoto"),
        ),
        (
            "Our agency's head office is in Kita-ku, Sapporo.\n\nThe role\n- Fully remote within "
            "Japan; the client's office in Naka-ku, Nagoya is open to anyone who wants a desk.",
            ("Aichi", "Nagoya"),
        ),
        # the company's seat alone, on its own line, still gives no workplace
        ("Work style: fully remote\nHeadquarters: Minato-ku, Tokyo", None),
    ],
)
def test_the_office_a_full_remote_line_names(
    text: str, expected: tuple[str, str | None] | None
) -> None:
    location = extract(text).location
    got = None if location is None else (location.prefecture, location.city)
    assert got == expected


def test_the_head_office_of_training_before_full_remote() -> None:
    text = (
        "■働き方\n入社後2ヶ月間は研修として名古屋本社（中区）に毎日出社いただきます。研修修了後は"
        "フルリモート勤務です（出社の必要はありません。交通費は出社時のみ精算）。"
    )
    facts = extract(text)
    assert facts.remote == "full"
    assert facts.location is not None and (facts.location.prefecture, facts.location.city) == (
        "Aichi",
        "Nagoya",
    )


@pytest.mark.parametrize(
    "make",
    [
        # labels after many places: each label was compared with every place (13 s at 4,000)
        lambda n: "東京\n" * n + "勤務地\n" * n,
        # remote workplace fields after many places: each looked through every place (1.3 s)
        lambda n: "東京\n" * n + "勤務地：リモート、大阪\n" * n,
    ],
)
def test_many_places_and_labels_take_linear_time(make: Callable[[int], str]) -> None:
    assert_linear(make, 300)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place right before the label names the office, not the workplace
        ("Tokyo office: Shibuya\nOsaka office: Kita-ku\n勤務地：福岡市", ("Fukuoka", "Fukuoka")),
        ("勤務地：リモート\n本社：大阪市北区", None),
        ("勤務地：リモート、大阪市北区", ("Osaka", "Osaka")),
    ],
)
def test_labels_and_fields_beside_places(text: str, expected: tuple[str, str] | None) -> None:
    assert place(text) == expected


def test_an_office_named_further_along_the_workplace_line_gives_the_city() -> None:
    facts = extract("Location: Tokyo, Japan (Hybrid - 2 days/week at our Nihonbashi office)")
    assert facts.location is not None
    assert (facts.location.prefecture, facts.location.city) == ("Tokyo", "Chuo")
    # an office of another prefecture is not this workplace's city
    other = extract("Location: Osaka, Japan (remote OK; our Shibuya office hosts events)")
    assert other.location is not None and other.location.prefecture == "Osaka"
    assert other.location.city != "Shibuya"


def test_a_place_in_the_sentence_before_does_not_qualify_the_workplace() -> None:
    text = (
        "We have offices in Shinjuku (Tokyo), Osaka and Nagoya. "
        "This position is based in our Shinjuku office."
    )
    assert place(text) == ("Tokyo", "Shinjuku")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place name that is the writer's or the reader's surname
        (
            "エンジニアリングマネージャーをしている千葉です。\n勤務地：東京都港区",
            ("Tokyo", "Minato"),
        ),
        ("採用担当の福岡と申します。\n勤務地：大阪市北区", ("Osaka", "Osaka")),
        ("福岡様\n\n勤務地：札幌市中央区", ("Hokkaido", "Sapporo")),
        # the place itself stays one
        ("勤務地は千葉です。", ("Chiba", "Chiba")),
    ],
)
def test_surnames_are_not_places(text: str, expected: tuple[str, str | None]) -> None:
    assert place(text) == expected


def test_our_office_yields_to_the_workplace_label() -> None:
    text = (
        "Our office: Ebisu, Shibuya-ku, Tokyo\n\nWe are retained by a fintech company.\n\n"
        "Location and work style\n- Client office in Otemachi, Chiyoda-ku, Tokyo\n"
    )
    assert place(text) == ("Tokyo", "Chiyoda")
    # alone, it is the workplace
    assert place("Our office: Ebisu, Shibuya-ku, Tokyo") == ("Tokyo", "Shibuya")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # client sites in a prefecture; the seat's address beside them is not the workplace
        ("◆勤務地\n東京都内のプロジェクト先（本社：東京都千代田区神田須田町）", ("Tokyo", None)),
        (
            "■ Work place：東京都内のお客様先（本社：千代田区神田）/ Client sites in Tokyo",
            ("Tokyo", None),
        ),
        ("勤務地：本社（東京都渋谷区恵比寿）", ("Tokyo", "Shibuya")),
        # the place of the training yields to the workplace after it
        (
            "【勤務地】\n研修期間：本社（東京都豊島区東池袋／池袋駅徒歩7分）\n研修後：東京都内のプロジェクト先",
            ("Tokyo", None),
        ),
        # stations: a city's namesake station is in the city; 品川駅 is in Minato
        ("■作業場所：府中（京王線「府中駅」徒歩10分）", ("Tokyo", "Fuchu")),
        (
            "■就業場所\nJR京浜東北線「川口駅」東口より徒歩6分のお客様開発拠点",
            ("Saitama", "Kawaguchi"),
        ),
        ("Work style: 週1出社（品川駅 港南口）、その他はリモート", ("Tokyo", "Minato")),
        ("Office: a short walk from Shinagawa Station", ("Tokyo", "Minato")),
        ("勤務地：品川区大崎", ("Tokyo", "Shinagawa")),
    ],
)
def test_client_sites_training_places_and_stations(
    text: str, place: tuple[str, str | None]
) -> None:
    location = extract(text).location
    assert location is not None and (location.prefecture, location.city) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a board's summary card names the prefecture; the workplace field names the city
        (
            "Salary: ¥350,000 / Month    Location: Kanagawa    Job type: Contract\n\n"
            "【勤務地 / Work location】\n神奈川県横浜市西区みなとみらい（クライアント先常駐）",
            ("Kanagawa", "Yokohama"),
        ),
        # an export's place split over two fields
        ("勤務地（都道府県）\t北海道\n勤務地（市区町村）\t札幌市中央区\n", ("Hokkaido", "Sapporo")),
        # two labels naming two cities of the prefecture: neither refines it
        (
            "Location: Kanagawa\n勤務地：横浜市西区\n勤務地：川崎市中原区",
            ("Kanagawa", None),
        ),
    ],
)
def test_a_second_workplace_label_names_the_city(text: str, place: tuple[str, str | None]) -> None:
    location = extract(text).location
    assert location is not None and (location.prefecture, location.city) == place


def test_a_hashtag_is_no_place_when_one_is_stated() -> None:
    text = (
        "🏠 Remote-first. Our Tokyo HQ in Shibuya is open if you want a desk, but there are "
        "no required office days.\n\n#hiring #golang #tokyo #backend"
    )
    location = extract(text).location
    assert location is not None and location.city == "Shibuya"
    only_tag = extract("Backend engineer wanted, DM me!\n#hiring #fukuoka").location
    assert only_tag is not None and only_tag.prefecture == "Fukuoka"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a district's name yields to the ward named with it
        ("- Office: Hiroo, Minato-ku, Tokyo (head clinic building)", ("Tokyo", "Minato")),
        ("Office: Hiroo, Tokyo", ("Tokyo", "Shibuya")),
        # an international organisation's word for the workplace
        (
            "ICDI – Tokyo Liaison Office\n\n- Duty station: Tokyo (Shibuya). Staff may "
            "telecommute up to two days per week.",
            ("Tokyo", "Shibuya"),
        ),
    ],
)
def test_districts_and_duty_stations(text: str, place: tuple[str, str | None]) -> None:
    location = extract(text).location
    assert location is not None and (location.prefecture, location.city) == place


def test_a_named_office_in_a_list_of_sites_yields_to_the_roles_location() -> None:
    text = (
        "OFFICES\n• Head office: Kawasaki-ku, Kawasaki, Kanagawa\n"
        "• Tokyo Liaison Office: Chiyoda, Tokyo\n\n"
        "• Location: head office, Kawasaki-ku, Kawasaki City, Kanagawa\n"
    )
    location = extract(text).location
    assert location is not None and (location.prefecture, location.city) == (
        "Kanagawa",
        "Kawasaki",
    )


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("location:\n    country: JP\n    prefecture: Kanagawa\n    city: Yokohama\n", "Yokohama"),
        (
            "    <location>\n      <prefecture>福岡県</prefecture>\n"
            "      <city>福岡市中央区</city>\n",
            "Fukuoka",
        ),
        (
            '      "addressRegion": "新潟県",\n      "addressLocality": "新潟市中央区",\n',
            "Niigata",
        ),
        ("勤務地:\n  都道府県: 神奈川県\n  市区町村: 川崎市中原区\n", "Kawasaki"),
    ],
)
def test_a_structures_city_field_below_its_prefecture(text: str, place: str) -> None:
    location = extract(text).location
    assert location is not None and location.city == place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # towns and villages, and cities beyond the ones named in location.py
        ("【勤務地】徳島県名西郡神山町（サテライトオフィス）", ("Tokushima", "Kamiyama")),
        ("勤務地：恩納村（沖縄県）のリゾート内オフィス", ("Okinawa", "Onna")),
        ("勤務地　北海道虻田郡ニセコ町", ("Hokkaido", "Niseko")),
        ("勤務地：会津若松市", ("Fukushima", "Aizuwakamatsu")),
        ("Location: Kamiyama-cho, Tokushima (satellite office)", ("Tokushima", "Kamiyama")),
        ("Work location: Onna village, Okinawa", ("Okinawa", "Onna")),
        # a name two prefectures have counts with its prefecture
        ("勤務地：広島県府中市", ("Hiroshima", "Fuchu")),
        ("勤務地：福島県伊達市", ("Fukushima", "Date")),
        # a street of a Tokyo ward that shares a town's name is the ward's
        ("勤務地：東京都千代田区神田錦町3-1", ("Tokyo", "Chiyoda")),
    ],
)
def test_every_municipality_named_with_its_suffix(
    text: str, expected: tuple[str, str | None]
) -> None:
    assert place(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "勤務地：伊達市",  # Hokkaido or Fukushima: not said
        "国内の中央市場で取引される青果のデータ基盤を開発します。",  # a market, not 中央市
    ],
)
def test_a_municipality_that_cannot_be_told_is_not_guessed(text: str) -> None:
    assert place(text) is None


def test_the_municipality_list_is_whole() -> None:
    from kyujin.core.facts import location

    rows = [
        line.split("\t")
        for line in location._MUNICIPALITIES.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert all(len(row) == 7 for row in rows)
    codes = [row[0] for row in rows]
    assert len(set(codes)) == len(codes)
    by_suffix = {suffix: sum(row[4] == suffix for row in rows) for suffix in "市町村"}
    # 792 cities (the 20 designated ones once each), 743 towns, 183 villages (2026)
    assert by_suffix == {"市": 792, "町": 743, "村": 183}
    assert {row[1] for row in rows} == {en for _, en in location._PREFECTURES}
    assert all(row[6][:1].isupper() and row[6].isascii() for row in rows)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a municipality named bare by its office, station or base
        (
            "Work location｜黒部事業所（生地駅から車で10分）\n本社：富山県富山市",
            ("Toyama", "Kurobe"),
        ),
        ("This opening is for the Goto satellite office.", ("Nagasaki", "Goto")),
        ("This is a Shirahama-based position in our media team.", ("Wakayama", "Shirahama")),
        ("- Location: our office in central Rikuzentakata", ("Iwate", "Rikuzentakata")),
        # ... or bare before its own prefecture
        ("Work location: main campus, Onna, Okinawa", ("Okinawa", "Onna")),
        # a one-character city inside a longer station's name is not that city
        ("勤務地：宮崎県日南市（JR油津駅から徒歩8分）", ("Miyazaki", "Nichinan")),
    ],
)
def test_a_municipality_named_by_its_office(text: str, expected: tuple[str, str | None]) -> None:
    assert place(text) == expected


def test_a_bare_name_beside_another_prefecture_is_not_that_place() -> None:
    # 河南町 is in Osaka; "Kanan campus" here is a campus in Morioka
    assert place("Place of work: Kanan campus, Morioka, Iwate") == ("Iwate", "Morioka")


@pytest.mark.parametrize(
    "text",
    [
        # where someone lives is not a workplace
        "フルリモートのバックエンド募集です（オフィスはありません）。前職の同僚が長野在住で興味があるそうです。",
        "Fully remote, no office. I live in Nagoya and joined last year.",
        # a chat speaker's name is not a place
        "#hiring\n└ 山口 10:21\nフルリモートですか？オフィスはありません。",
    ],
)
def test_residents_and_speakers_are_not_workplaces(text: str) -> None:
    assert place(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # a workplace abroad: the field holds a prefecture, so there is none
        "本社：東京都中央区\n勤務地：台湾・台北市信義区\n勤務：週1日在宅勤務可",
        "入社後3ヶ月間は東京本社（江東区豊洲）で研修を行い、その後大連へ赴任します。",
        "New hires spend their first month at our Fukuoka head office.\n"
        "- Work setup: 3 days in our Makati office, 2 days WFH",
        "- On-site at our Cau Giay office in Hanoi, Monday to Friday (HQ: Minato-ku, Tokyo)",
        "ロンドンにある英国法人にて開発を担当していただきます。本ポジションは英国法人での現地採用です。"
        "日本本社（東京都中央区日本橋）の開発チームとは日本語でやり取りします。",
        "Kitsune GmbH (a subsidiary of a Tokyo company). Our Berlin studio runs the backend.",
        "Onboarding at our head office in Shinagawa, Tokyo; then you'll move to Austin.",
    ],
)
def test_a_workplace_abroad_has_no_location(text: str) -> None:
    assert place(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Tokyo as one of the options on the workplace's line
        (
            "勤務地：東京本社（東京都港区六本木）／ロンドン拠点（英国ロンドン・シティ）",
            ("Tokyo", "Minato"),
        ),
        # others abroad, not the role
        (
            "Two of our engineers are based in Vietnam.\n"
            "勤務：フルリモート。オフィスは東京都渋谷区にあります",
            ("Tokyo", "Shibuya"),
        ),
        # look-alikes: タイトル is no Thailand, 中国地方 no China, ベトナム勤務経験 no workplace
        (
            "【勤務地】広島県広島市（中国地方の拠点）\nタイトル：バックエンド",
            ("Hiroshima", "Hiroshima"),
        ),
        ("勤務地：大阪市北区\n歓迎：ベトナム勤務経験", ("Osaka", "Osaka")),
        # a partner's studio abroad is not the role's
        (
            "Our team is split between Tokyo and a partner studio in Manila.\n"
            "- Fully remote. Our Shibuya office is yours to use if you like.",
            ("Tokyo", "Shibuya"),
        ),
    ],
)
def test_places_abroad_beside_a_workplace_in_japan(
    text: str, expected: tuple[str, str | None]
) -> None:
    assert place(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an office abroad named beside a workplace in Japan does not move it
        (
            "We are hiring a backend engineer in Tokyo. You will collaborate closely with our "
            "London office.",
            ("Tokyo", None),
        ),
        ("東京本社勤務。将来的にはシンガポール勤務の可能性もあります。", ("Tokyo", None)),
        ("勤務地：大阪市北区\n歓迎：中国での勤務経験がある方", ("Osaka", "Osaka")),
        ("勤務地：本社（海外出張あり：アメリカ・中国）\n東京都渋谷区道玄坂", ("Tokyo", "Shibuya")),
        # Tokyo's wards by their English names are not the towns of the same names
        ("Location: Chuo City, Tokyo", ("Tokyo", "Chuo")),
        ("Location: Nakano City, Tokyo", ("Tokyo", "Nakano")),
    ],
)
def test_review_cases_that_keep_the_workplace_in_japan(
    text: str, expected: tuple[str, str | None]
) -> None:
    assert place(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "小林事務所で一般事務を担当します。",  # a surname's firm, not 小林市
        "勤務地：本部事務所",  # 本部 is no 本部町 here
        "東北支社での営業職です。",  # a region, not 東北町
        "勤務地：二子玉川オフィス",  # not 玉川村
        "最寄り駅：信濃町駅",  # a station in Tokyo, not 信濃町 in Nagano
    ],
)
def test_words_and_surnames_before_an_office_are_not_towns(text: str) -> None:
    assert place(text) is None


def test_places_named_by_offices_in_linear_time() -> None:
    assert_linear(lambda n: "黒部事業所と東京都。\n" * n, 400, lambda t: extract(t))


def test_a_named_office_and_its_address() -> None:
    assert place("■勤務地\n東京本社：東京都千代田区神田須田町2-8") == ("Tokyo", "Chiyoda")
    # a head office beside another workplace is still only the seat
    assert place("勤務地：東京都内の各プロジェクト先（本社：東京都台東区）") == ("Tokyo", None)


# With no workplace stated, a place named as the site of something else is not the
# workplace: other functions' sites, customers and partners, institutions and events.
@pytest.mark.parametrize(
    "text",
    [
        "当社は札幌と那覇にコールセンターを構え、通販事業者の受注を支えています。\n"
        "【必須】Goでの開発経験",
        "物流大手の倉庫（兵庫県尼崎市）で動くピッキングロボットの管制システムを開発しています。",
        "データセンターは白井と堺の2拠点で、稼働率99.9%を維持しています。",
        "Our sensors watch 1,200 vineyards and greenhouses in Yamanashi and Nagano.",
        "A fintech whose parent is listed on the Tokyo Stock Exchange.\nRequirements: Go",
        "We built the ticketing backend for the Osaka Expo and for regional festivals.",
        "提携する京都と金沢のホテル400軒に予約APIを提供しています。",
        "Our customers in Sendai and Niigata run 3,000 stores on our POS.",
    ],
)
def test_a_place_named_as_the_site_of_something_else(text: str) -> None:
    assert place(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same kinds of words, with the work put there or the seat named
        ("福岡のカスタマーサポート拠点で勤務していただきます。", ("Fukuoka", "Fukuoka")),
        (
            "当社は医療機関向けのシステム会社で、愛媛県松山市に本社があります。",
            ("Ehime", "Matsuyama"),
        ),
        ("A Sapporo-based team serving customers nationwide.", ("Hokkaido", "Sapporo")),
        # a labelled workplace still wins over a partner's city
        ("提携ホテルは京都に多数。\n勤務地：大阪府大阪市北区", ("Osaka", "Osaka")),
        # a plain mention of a city with nothing else said of it is still taken
        ("A growing startup in Nagoya.\nRequirements: Go", ("Aichi", "Nagoya")),
    ],
)
def test_other_sites_do_not_hide_the_workplace(text: str, expected: tuple[str, str | None]) -> None:
    assert place(text) == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the office named as the workplace in Japanese, after a blurb naming the city only
        (
            "東京オフィスを拡大しています。\nハイブリッド勤務（週に3日オフィス）、オフィスは東京都港区",
            ("Tokyo", "Minato"),
        ),
        ("オフィス：大阪市北区", ("Osaka", "Osaka")),
    ],
)
def test_the_office_as_workplace_label(text: str, place: tuple[str, str]) -> None:
    location = extract(text).location
    assert location is not None and (location.prefecture, location.city) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the one ward of the prefecture named as an office or workplace elsewhere
        (
            "当社の決済基盤は、東京本社とバンガロールの拠点の合同チームで開発しています。\n"
            "- 所属オフィス：東京本社（東京都中央区日本橋）",
            ("Tokyo", "Chuo"),
        ),
        (
            "当社は東京（新宿区西新宿）とホーチミンに開発拠点を持っています。\n東京採用者は日本時間帯を担当",
            ("Tokyo", "Shinjuku"),
        ),
        # not a seat's address in the company's profile
        (
            "勤務地：東京都内の各プロジェクト先\n\n会社概要\n本社所在地：東京都台東区上野3-21-6",
            ("Tokyo", None),
        ),
    ],
)
def test_the_one_ward_named_as_a_workplace_refines_the_prefecture(
    text: str, place: tuple[str, str | None]
) -> None:
    location = extract(text).location
    assert location is not None and (location.prefecture, location.city) == place


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("・勤務地：福岡県糸島市（福岡市内から車で約30分）", "Itoshima"),
        ("Office: Itoshima, 30 minutes by car from central Fukuoka", "Itoshima"),
        ("勤務地：渋谷駅から徒歩5分", "Shibuya"),  # a walk from a station: it is there
        ("勤務地：博多駅から電車で5分", "Fukuoka"),
    ],
)
def test_a_place_named_for_the_distance_from_it(text: str, city: str) -> None:
    location = extract(text).location
    assert location is not None and location.city == city


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Office: the Shinagawa Intercity building, Konan, Minato-ku, Tokyo", "Minato"),
        ("勤務地：品川インターシティ", "Minato"),
        ("勤務地：東京都品川区大崎", "Shinagawa"),
    ],
)
def test_the_towers_by_shinagawa_station_are_in_minato(text: str, city: str) -> None:
    location = extract(text).location
    assert location is not None and location.city == city


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("勤務地：つくば駅からバスで約10分", ("Ibaraki", "Tsukuba")),
        ("勤務地：本社（海老名駅からバスで10分）", ("Kanagawa", "Ebina")),
    ],
)
def test_a_bus_from_a_station_goes_to_the_workplace(text: str, place: tuple[str, str]) -> None:
    location = extract(text).location
    assert location is not None and (location.prefecture, location.city) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a place in a list is read with the list's clause
        (
            "We support manufacturing customers in Aichi, Shizuoka and the Kanto area.\n\n"
            "Where you'll work\nOur Tokyo office (address shared at interview stage).",
            ("Tokyo", None),
        ),
        ("大阪、福岡にはカスタマーサポート拠点があります。", None),
        # a site of something else where the hire is assigned is the workplace
        (
            "Dispatch staff assigned to a hyperscale data center in Inzai City, Chiba.",
            ("Chiba", "Inzai"),
        ),
    ],
)
def test_places_in_lists_and_sites_one_is_assigned_to(
    text: str, place: tuple[str, str | None] | None
) -> None:
    found = extract(text).location
    assert (None if found is None else (found.prefecture, found.city)) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Our Naha, Okinawa support center is hiring bilingual agents.", ("Okinawa", "Naha")),
        ("Sapporo, customer support center\nBilingual agents wanted", ("Hokkaido", "Sapporo")),
    ],
)
def test_a_city_and_its_prefecture_are_no_list(text: str, place: tuple[str, str]) -> None:
    found = extract(text).location
    assert found is not None and (found.prefecture, found.city) == place
