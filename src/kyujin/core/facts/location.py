"""Workplace location: prefecture and city (or Tokyo ward), from 東京都渋谷区, 大阪市北区,
"Tokyo (Minato-ku)", "Shibuya, Tokyo", 六本木オフィス, 渋谷オフィス, 名古屋オフィス. The 勤務地 /
"Location:" field wins over places named elsewhere (head offices, client sites in the company
description); a fully remote role whose only place is the company's seat has no location."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ahocorasick_rs import AhoCorasick, MatchKind

from kyujin.core.facts.work import OPTIONAL_VISIT, parse_remote
from kyujin.core.model import Location, Span
from kyujin.core.prefilter import prefiltered
from kyujin.core.roles import said_of_others
from kyujin.core.text import line_end as _line_end
from kyujin.core.triggers import Triggers, finditer_in, search_in

_PREFECTURE_SUFFIX = {"東京": "都", "大阪": "府", "京都": "府", "北海道": ""}
_PREFECTURES = [
    ("北海道", "Hokkaido"),
    ("青森", "Aomori"),
    ("岩手", "Iwate"),
    ("宮城", "Miyagi"),
    ("秋田", "Akita"),
    ("山形", "Yamagata"),
    ("福島", "Fukushima"),
    ("茨城", "Ibaraki"),
    ("栃木", "Tochigi"),
    ("群馬", "Gunma"),
    ("埼玉", "Saitama"),
    ("千葉", "Chiba"),
    ("東京", "Tokyo"),
    ("神奈川", "Kanagawa"),
    ("新潟", "Niigata"),
    ("富山", "Toyama"),
    ("石川", "Ishikawa"),
    ("福井", "Fukui"),
    ("山梨", "Yamanashi"),
    ("長野", "Nagano"),
    ("岐阜", "Gifu"),
    ("静岡", "Shizuoka"),
    ("愛知", "Aichi"),
    ("三重", "Mie"),
    ("滋賀", "Shiga"),
    ("京都", "Kyoto"),
    ("大阪", "Osaka"),
    ("兵庫", "Hyogo"),
    ("奈良", "Nara"),
    ("和歌山", "Wakayama"),
    ("鳥取", "Tottori"),
    ("島根", "Shimane"),
    ("岡山", "Okayama"),
    ("広島", "Hiroshima"),
    ("山口", "Yamaguchi"),
    ("徳島", "Tokushima"),
    ("香川", "Kagawa"),
    ("愛媛", "Ehime"),
    ("高知", "Kochi"),
    ("福岡", "Fukuoka"),
    ("佐賀", "Saga"),
    ("長崎", "Nagasaki"),
    ("熊本", "Kumamoto"),
    ("大分", "Oita"),
    ("宮崎", "Miyazaki"),
    ("鹿児島", "Kagoshima"),
    ("沖縄", "Okinawa"),
]
_TOKYO_WARDS = [
    ("千代田", "Chiyoda"),
    ("中央", "Chuo"),
    ("港", "Minato"),
    ("新宿", "Shinjuku"),
    ("文京", "Bunkyo"),
    ("台東", "Taito"),
    ("墨田", "Sumida"),
    ("江東", "Koto"),
    ("品川", "Shinagawa"),
    ("目黒", "Meguro"),
    ("大田", "Ota"),
    ("世田谷", "Setagaya"),
    ("渋谷", "Shibuya"),
    ("中野", "Nakano"),
    ("杉並", "Suginami"),
    ("豊島", "Toshima"),
    ("北", "Kita"),
    ("荒川", "Arakawa"),
    ("板橋", "Itabashi"),
    ("練馬", "Nerima"),
    ("足立", "Adachi"),
    ("葛飾", "Katsushika"),
    ("江戸川", "Edogawa"),
]
_CITIES = [  # (japanese, english, prefecture)
    ("札幌", "Sapporo", "Hokkaido"),
    ("仙台", "Sendai", "Miyagi"),
    ("さいたま", "Saitama", "Saitama"),
    ("千葉", "Chiba", "Chiba"),
    ("横浜", "Yokohama", "Kanagawa"),
    ("川崎", "Kawasaki", "Kanagawa"),
    ("相模原", "Sagamihara", "Kanagawa"),
    ("新潟", "Niigata", "Niigata"),
    ("静岡", "Shizuoka", "Shizuoka"),
    ("浜松", "Hamamatsu", "Shizuoka"),
    ("名古屋", "Nagoya", "Aichi"),
    ("京都", "Kyoto", "Kyoto"),
    ("大阪", "Osaka", "Osaka"),
    ("堺", "Sakai", "Osaka"),
    ("吹田", "Suita", "Osaka"),
    ("豊中", "Toyonaka", "Osaka"),
    ("神戸", "Kobe", "Hyogo"),
    ("岡山", "Okayama", "Okayama"),
    ("広島", "Hiroshima", "Hiroshima"),
    ("北九州", "Kitakyushu", "Fukuoka"),
    ("福岡", "Fukuoka", "Fukuoka"),
    ("熊本", "Kumamoto", "Kumamoto"),
    ("那覇", "Naha", "Okinawa"),
    ("金沢", "Kanazawa", "Ishikawa"),
    ("つくば", "Tsukuba", "Ibaraki"),
    ("松山", "Matsuyama", "Ehime"),
    ("高松", "Takamatsu", "Kagawa"),
    ("鹿児島", "Kagoshima", "Kagoshima"),
    ("宇都宮", "Utsunomiya", "Tochigi"),
    ("柏", "Kashiwa", "Chiba"),
    ("船橋", "Funabashi", "Chiba"),
    ("藤沢", "Fujisawa", "Kanagawa"),
    ("豊田", "Toyota", "Aichi"),
    ("長野", "Nagano", "Nagano"),
    ("宮崎", "Miyazaki", "Miyazaki"),
    ("長崎", "Nagasaki", "Nagasaki"),
    ("大分", "Oita", "Oita"),
    ("武蔵野", "Musashino", "Tokyo"),
    ("八王子", "Hachioji", "Tokyo"),
    ("立川", "Tachikawa", "Tokyo"),
]
# More cities, named only with their suffix (刈谷市, "Kariya City", "Kariya-shi"): many are
# also surnames, companies or words (日立, 松本, 大和, 富士). Their English name alone counts
# too where it is long and nothing else (not in _NOT_BARE). (japanese, english, prefecture)
_MORE_CITIES = [
    ("函館", "Hakodate", "Hokkaido"), ("旭川", "Asahikawa", "Hokkaido"),
    ("釧路", "Kushiro", "Hokkaido"), ("帯広", "Obihiro", "Hokkaido"),
    ("苫小牧", "Tomakomai", "Hokkaido"), ("小樽", "Otaru", "Hokkaido"),
    ("江別", "Ebetsu", "Hokkaido"), ("北見", "Kitami", "Hokkaido"),
    ("青森", "Aomori", "Aomori"), ("八戸", "Hachinohe", "Aomori"), ("弘前", "Hirosaki", "Aomori"),
    ("盛岡", "Morioka", "Iwate"), ("石巻", "Ishinomaki", "Miyagi"), ("秋田", "Akita", "Akita"),
    ("山形", "Yamagata", "Yamagata"), ("郡山", "Koriyama", "Fukushima"),
    ("いわき", "Iwaki", "Fukushima"), ("福島", "Fukushima", "Fukushima"),
    ("水戸", "Mito", "Ibaraki"), ("日立", "Hitachi", "Ibaraki"), ("土浦", "Tsuchiura", "Ibaraki"),
    ("ひたちなか", "Hitachinaka", "Ibaraki"), ("小山", "Oyama", "Tochigi"),
    ("前橋", "Maebashi", "Gunma"), ("高崎", "Takasaki", "Gunma"), ("太田", "Ota", "Gunma"),
    ("伊勢崎", "Isesaki", "Gunma"), ("川口", "Kawaguchi", "Saitama"),
    ("川越", "Kawagoe", "Saitama"), ("所沢", "Tokorozawa", "Saitama"),
    ("越谷", "Koshigaya", "Saitama"), ("草加", "Soka", "Saitama"),
    ("春日部", "Kasukabe", "Saitama"), ("上尾", "Ageo", "Saitama"),
    ("熊谷", "Kumagaya", "Saitama"), ("和光", "Wako", "Saitama"), ("朝霞", "Asaka", "Saitama"),
    ("戸田", "Toda", "Saitama"), ("松戸", "Matsudo", "Chiba"), ("市川", "Ichikawa", "Chiba"),
    ("市原", "Ichihara", "Chiba"), ("習志野", "Narashino", "Chiba"), ("浦安", "Urayasu", "Chiba"),
    ("流山", "Nagareyama", "Chiba"), ("八千代", "Yachiyo", "Chiba"), ("佐倉", "Sakura", "Chiba"),
    ("成田", "Narita", "Chiba"), ("木更津", "Kisarazu", "Chiba"), ("町田", "Machida", "Tokyo"),
    ("府中", "Fuchu", "Tokyo"), ("調布", "Chofu", "Tokyo"), ("三鷹", "Mitaka", "Tokyo"),
    ("多摩", "Tama", "Tokyo"), ("日野", "Hino", "Tokyo"), ("国分寺", "Kokubunji", "Tokyo"),
    ("小金井", "Koganei", "Tokyo"), ("西東京", "Nishitokyo", "Tokyo"),
    ("小平", "Kodaira", "Tokyo"), ("国立", "Kunitachi", "Tokyo"), ("青梅", "Ome", "Tokyo"),
    ("昭島", "Akishima", "Tokyo"), ("稲城", "Inagi", "Tokyo"), ("横須賀", "Yokosuka", "Kanagawa"),
    ("平塚", "Hiratsuka", "Kanagawa"), ("茅ヶ崎", "Chigasaki", "Kanagawa"),
    ("茅ケ崎", "Chigasaki", "Kanagawa"), ("厚木", "Atsugi", "Kanagawa"),
    ("大和", "Yamato", "Kanagawa"), ("鎌倉", "Kamakura", "Kanagawa"),
    ("小田原", "Odawara", "Kanagawa"), ("海老名", "Ebina", "Kanagawa"),
    ("座間", "Zama", "Kanagawa"), ("秦野", "Hadano", "Kanagawa"), ("伊勢原", "Isehara", "Kanagawa"),
    ("長岡", "Nagaoka", "Niigata"), ("上越", "Joetsu", "Niigata"), ("富山", "Toyama", "Toyama"),
    ("福井", "Fukui", "Fukui"), ("甲府", "Kofu", "Yamanashi"), ("松本", "Matsumoto", "Nagano"),
    ("上田", "Ueda", "Nagano"), ("岐阜", "Gifu", "Gifu"), ("大垣", "Ogaki", "Gifu"),
    ("各務原", "Kakamigahara", "Gifu"), ("沼津", "Numazu", "Shizuoka"),
    ("富士", "Fuji", "Shizuoka"), ("磐田", "Iwata", "Shizuoka"), ("掛川", "Kakegawa", "Shizuoka"),
    ("焼津", "Yaizu", "Shizuoka"), ("豊橋", "Toyohashi", "Aichi"), ("岡崎", "Okazaki", "Aichi"),
    ("一宮", "Ichinomiya", "Aichi"), ("春日井", "Kasugai", "Aichi"), ("豊川", "Toyokawa", "Aichi"),
    ("刈谷", "Kariya", "Aichi"), ("安城", "Anjo", "Aichi"), ("西尾", "Nishio", "Aichi"),
    ("小牧", "Komaki", "Aichi"), ("稲沢", "Inazawa", "Aichi"), ("瀬戸", "Seto", "Aichi"),
    ("半田", "Handa", "Aichi"), ("長久手", "Nagakute", "Aichi"), ("日進", "Nisshin", "Aichi"),
    ("四日市", "Yokkaichi", "Mie"), ("津", "Tsu", "Mie"), ("鈴鹿", "Suzuka", "Mie"),
    ("桑名", "Kuwana", "Mie"), ("伊勢", "Ise", "Mie"), ("大津", "Otsu", "Shiga"),
    ("草津", "Kusatsu", "Shiga"), ("彦根", "Hikone", "Shiga"), ("宇治", "Uji", "Kyoto"),
    ("京田辺", "Kyotanabe", "Kyoto"), ("東大阪", "Higashiosaka", "Osaka"),
    ("枚方", "Hirakata", "Osaka"), ("高槻", "Takatsuki", "Osaka"), ("茨木", "Ibaraki", "Osaka"),
    ("八尾", "Yao", "Osaka"), ("寝屋川", "Neyagawa", "Osaka"), ("岸和田", "Kishiwada", "Osaka"),
    ("和泉", "Izumi", "Osaka"), ("守口", "Moriguchi", "Osaka"), ("門真", "Kadoma", "Osaka"),
    ("池田", "Ikeda", "Osaka"), ("箕面", "Minoh", "Osaka"), ("摂津", "Settsu", "Osaka"),
    ("姫路", "Himeji", "Hyogo"), ("西宮", "Nishinomiya", "Hyogo"), ("尼崎", "Amagasaki", "Hyogo"),
    ("明石", "Akashi", "Hyogo"), ("加古川", "Kakogawa", "Hyogo"), ("宝塚", "Takarazuka", "Hyogo"),
    ("伊丹", "Itami", "Hyogo"), ("芦屋", "Ashiya", "Hyogo"), ("三田", "Sanda", "Hyogo"),
    ("奈良", "Nara", "Nara"), ("生駒", "Ikoma", "Nara"), ("和歌山", "Wakayama", "Wakayama"),
    ("鳥取", "Tottori", "Tottori"), ("米子", "Yonago", "Tottori"), ("松江", "Matsue", "Shimane"),
    ("出雲", "Izumo", "Shimane"), ("倉敷", "Kurashiki", "Okayama"),
    ("福山", "Fukuyama", "Hiroshima"), ("呉", "Kure", "Hiroshima"),
    ("東広島", "Higashihiroshima", "Hiroshima"), ("下関", "Shimonoseki", "Yamaguchi"),
    ("山口", "Yamaguchi", "Yamaguchi"), ("宇部", "Ube", "Yamaguchi"),
    ("周南", "Shunan", "Yamaguchi"), ("徳島", "Tokushima", "Tokushima"),
    ("今治", "Imabari", "Ehime"), ("新居浜", "Niihama", "Ehime"), ("高知", "Kochi", "Kochi"),
    ("久留米", "Kurume", "Fukuoka"), ("飯塚", "Iizuka", "Fukuoka"), ("春日", "Kasuga", "Fukuoka"),
    ("大牟田", "Omuta", "Fukuoka"), ("糸島", "Itoshima", "Fukuoka"), ("佐賀", "Saga", "Saga"),
    ("佐世保", "Sasebo", "Nagasaki"), ("別府", "Beppu", "Oita"),
    ("都城", "Miyakonojo", "Miyazaki"), ("浦添", "Urasoe", "Okinawa"),
    ("宜野湾", "Ginowan", "Okinawa"), ("うるま", "Uruma", "Okinawa"), ("名護", "Nago", "Okinawa"),
]  # fmt: skip
# English names of _MORE_CITIES that alone are more often something else.
_NOT_BARE = frozenset(
    {"hitachi", "sakura", "narita", "yamato", "matsumoto", "okazaki", "nisshin", "ibaraki",
     "fukushima", "yamaguchi", "fukuyama", "kamakura", "toyama", "kasuga", "ichikawa",
     "kawaguchi", "yamagata", "tokushima"}
)  # fmt: skip
# Office districts written instead of the ward: (japanese, english, city, prefecture).
_DISTRICTS = [
    ("六本木", "Roppongi", "Minato", "Tokyo"),
    ("赤坂", "Akasaka", "Minato", "Tokyo"),
    ("虎ノ門", "Toranomon", "Minato", "Tokyo"),
    ("浜松町", "Hamamatsucho", "Minato", "Tokyo"),
    ("田町", "Tamachi", "Minato", "Tokyo"),
    ("汐留", "Shiodome", "Minato", "Tokyo"),
    ("麻布", "Azabu", "Minato", "Tokyo"),
    ("表参道", "Omotesando", "Minato", "Tokyo"),
    ("丸の内", "Marunouchi", "Chiyoda", "Tokyo"),
    ("大手町", "Otemachi", "Chiyoda", "Tokyo"),
    ("秋葉原", "Akihabara", "Chiyoda", "Tokyo"),
    ("神田", "Kanda", "Chiyoda", "Tokyo"),
    ("日本橋", "Nihonbashi", "Chuo", "Tokyo"),
    ("銀座", "Ginza", "Chuo", "Tokyo"),
    ("八重洲", "Yaesu", "Chuo", "Tokyo"),
    ("五反田", "Gotanda", "Shinagawa", "Tokyo"),
    ("大崎", "Osaki", "Shinagawa", "Tokyo"),
    ("天王洲", "Tennozu", "Shinagawa", "Tokyo"),
    ("恵比寿", "Ebisu", "Shibuya", "Tokyo"),
    ("池袋", "Ikebukuro", "Toshima", "Tokyo"),
    ("豊洲", "Toyosu", "Koto", "Tokyo"),
    ("梅田", "Umeda", "Osaka", "Osaka"),
    ("天神", "Tenjin", "Fukuoka", "Fukuoka"),
    ("博多", "Hakata", "Fukuoka", "Fukuoka"),
    ("みなとみらい", "Minatomirai", "Yokohama", "Kanagawa"),
    ("幕張", "Makuhari", "Chiba", "Chiba"),
    ("大宮", "Omiya", "Saitama", "Saitama"),
    ("新橋", "Shimbashi", "Minato", "Tokyo"),
    ("青山", "Aoyama", "Minato", "Tokyo"),
    ("有楽町", "Yurakucho", "Chiyoda", "Tokyo"),
    ("神保町", "Jimbocho", "Chiyoda", "Tokyo"),
    ("茅場町", "Kayabacho", "Chuo", "Tokyo"),
    ("人形町", "Ningyocho", "Chuo", "Tokyo"),
    ("代官山", "Daikanyama", "Shibuya", "Tokyo"),
    ("広尾", "Hiroo", "Shibuya", "Tokyo"),
    ("中目黒", "Nakameguro", "Meguro", "Tokyo"),
    ("自由が丘", "Jiyugaoka", "Meguro", "Tokyo"),
    ("大井町", "Oimachi", "Shinagawa", "Tokyo"),
    ("高田馬場", "Takadanobaba", "Shinjuku", "Tokyo"),
    ("上野", "Ueno", "Taito", "Tokyo"),
    ("浅草", "Asakusa", "Taito", "Tokyo"),
    ("錦糸町", "Kinshicho", "Sumida", "Tokyo"),
    ("蒲田", "Kamata", "Ota", "Tokyo"),
    ("難波", "Namba", "Osaka", "Osaka"),
    ("なんば", "Nanba", "Osaka", "Osaka"),
    ("心斎橋", "Shinsaibashi", "Osaka", "Osaka"),
    ("淀屋橋", "Yodoyabashi", "Osaka", "Osaka"),
    ("中之島", "Nakanoshima", "Osaka", "Osaka"),
    ("関内", "Kannai", "Yokohama", "Kanagawa"),
    ("武蔵小杉", "Musashikosugi", "Kawasaki", "Kanagawa"),
    ("烏丸", "Karasuma", "Kyoto", "Kyoto"),
]
# Ward names written without 区 (渋谷オフィス, 東京・新宿) where the bare name is seldom
# anything else; 港, 中央, 北 and 大田 are left out. Weaker than 渋谷区 beside them.
_BARE_WARDS = (
    "千代田",
    "新宿",
    "文京",
    "台東",
    "墨田",
    "江東",
    "品川",
    "目黒",
    "世田谷",
    "渋谷",
    "中野",
    "杉並",
    "豊島",
    "練馬",
    "葛飾",
    "江戸川",
)
# City names written without 市 (横浜オフィス, 名古屋本社); a few that are mostly
# surnames, companies or single characters need 市.
_STATIONS_ELSEWHERE = [("品川", "Shinagawa", "Minato"), ("目黒", "Meguro", "Shinagawa")]
_SHINAGAWA_TOWERS = [
    ("品川インターシティ", "shinagawa intercity"),
    ("品川グランドコモンズ", "shinagawa grand commons"),
    ("品川シーズンテラス", "shinagawa season terrace"),
]
_CITIES_NEED_SUFFIX = ("堺", "柏", "豊田", "武蔵野", "藤沢", "松山", "高松", "吹田", "豊中")
_SECTION = re.compile(
    r"勤務地|勤務場所|就業場所|所在地|オフィス所在地"
    r"|work location|location|office|based in|workplace"
)
# The workplace field itself: it wins over places in a company blurb ("based in Osaka").
_WORKPLACE_LABEL = prefiltered(
    r"勤務地|勤務場所|就業場所|勤務先|(?<![^\s・【\[|])場所\s?[:：]"
    # "、オフィスは東京都港区", "オフィス：大阪市北区" (not 東京オフィスは, 本社オフィス)
    r"|(?<![^\s・、。【\[|(（])オフィス(?:の場所)?(?:は|\s?[:：])"
    r"|(?<![a-z])(?:work(?:ing)? location|work ?place|place of work|duty station)"
    r"|(?<![a-z])(?<!head )(?<!main )(?<!registered )(?<!hq )"
    r"(?:location|office(?: location)?)\s?[:：]"
    # a heading line: "Location", "Location and work arrangement", "■ Work location"
    r"|(?<![^\n])[ \t#*■◆●\-]*(?:work )?location(?:\s(?:and|&)\s[a-z ]{1,30})?[ \t]*\n"
    # "an office-based role at our Tokyo office in ...", "Office-based in Otemachi"
    r"|(?<![a-z])office[- ]based(?: role| position)?(?: (?:at|in))?\b"
    # "This role is based at the Kobe hub", "an on-site role at the Kawasaki R&D Center"
    r"|(?<![a-z])(?:role|position|job) is (?:based |located )?(?:at|in)\b"
    r"|(?<![a-z])on[- ]site (?:role|position) (?:at|in)\b"
    # "Fully on-site at the client's office in Shinagawa-ku"
    r"|(?<![a-z])on[- ]site at (?:the |our |a )?(?:client['’]s |customer['’]s )?"
    r"(?:office|site)s? in\b"
    r"|(?<![a-z])(?<!head )(?<!main )(?<!registered )(?<!hq )(?<!office )address\s?[:：]"
)
# A place named as the company's seat, not a workplace: 本社, 所在地, "HQ", "founded in".
_COMPANY_SEAT = prefiltered(
    r"本社|本店|所在地|登記|設立|創業|headquarter|(?<![a-z])hq(?![a-z])|head office"
    r"|registered|founded"
    # "SakuraPay is a payments startup in Tokyo": what the company is and where.
    r"|(?:startup|start-up|company|firm|scale-?up|business|provider|platform|group)"
    r"\s(?:(?:based|headquartered|located)\s)?in\s$"
)
# "at our Kobe office", "to the Osaka office": the place before the word names the workplace.
_OFFICE_AFTER = re.compile(r"\s?(?:office|hub|studio|campus|オフィス)\b")
_OUR = re.compile(r"(?:\bour|当社|弊社|私たちの)\s?$")
_NAMED_BEFORE = re.compile(r"[a-z)] ")  # a word before "office:" names which office
_AT_OUR = re.compile(r"(?:\bat|\bto|\bin|\bfrom)\s(?:our|the)\s$")
_SEAT_BEFORE = re.compile(
    r"(?:本社|本店|headquarters|head office|hq)\s?[:：]?\s?(?:[^\s、,()（）]{1,3}[都道府県])?"
    # the seat's address goes on: "本社：東京都千代田区神田須田町" (神田 is the seat's too)
    r"(?:[^\s、,()（）]{1,4}[市区町村]){0,2}[^\s、,()（）/／0-9]{0,4}$"
)
# A line giving the place of the training before the workplace proper.
_TRAINING_LINE = re.compile(
    r"[ \t・\-*•]*(?:(?:入社時)?研修(?:期間)?(?:中|時)?|during (?:the )?(?:initial )?training"
    r"(?: period)?|training(?: period)?)\s?[:：]"
)
_ADDRESS_OF_NAMED_OFFICE = re.compile(r"\s?(?:本社|本店|オフィス|支社|支店|事業所)\s?[:：(（]")
_SEAT_REACH = 24  # characters from 本社 to a place of its address
# A fully remote role with no office has no workplace to report.
_NO_OFFICE = re.compile(
    r"(?:have|has|with|there is) no (?:physical )?offices?\b(?! visits?| days?| attendance)"
    r"|(?:do not|don['’]t|does not|doesn['’]t) have an? (?:physical )?office\b"
    r"|no (?:physical|designated|fixed) office|officeless|office-less|オフィスレス"
    r"|オフィス(?:は|を|も|が)?(?:なし|無し|なく|ありません|持たない|持っていません|持たず)"
    # a remote role that belongs to no office: "not attached to any office", 出社先はなく
    r"|(?:not|never) (?:be )?(?:assigned|attached|tied|linked) to"
    r" (?:any|an|a (?:specific|particular|single)) office"
    r"|出社先(?:は|が)?(?:なく|なし|無し|ありません)"
    r"|所属(?:する)?(?:オフィス|拠点)(?:は|が)?(?:なく|なし|ありません)"
)
# The workplace field itself says remote: 勤務地：フルリモート, "Location: Fully remote (Japan)".
_WORKPLACE_FIELD = prefiltered(
    r"(?:勤務地|勤務場所|就業場所|(?<![a-z])(?:work )?location|workplace)\s?(?:[】\]:：]|\n)\s?"
    r"[-・*]?\s?(?:フルリモート|完全リモート|完全在宅|全国どこでも|fully[- ]remote|full[- ]remote"
    r"|100% remote|remote[- ]only|remote \((?:japan|anywhere)|remote within japan"
    r"|anywhere in japan)"
)
# A bare remote value, read as "fully remote" unless the posting states another policy:
# 勤務地：在宅（フルリモート）, "Work location: Remote, anywhere in Japan".
_WORKPLACE_BARE_REMOTE = prefiltered(
    r"(?:勤務地|勤務場所|就業場所|(?<![a-z])(?:work )?location|workplace)\s?(?:[】\]:：]|\n)\s?"
    r"[-・*]?\s?(?:在宅(?:勤務)?|リモート(?:ワーク|勤務)?|テレワーク|remote(?: work)?)"
    r"(?=\s?(?:$|[(（,、;；/]|-\s|–|—|within|anywhere|in japan|only))",
    re.MULTILINE,
)
_REMOTE_WORDS = ("remote", "リモート", "在宅", "テレワーク", "全国どこでも", "anywhere")
_SENTENCE_BREAK = re.compile(r"[。！？]|[.!?;](?:\s|$)")
_NEAR = 40  # characters within which a city qualifies the prefecture it sits beside
# A decided move of the office ("2027年4月に本社を大阪市北区へ移転します", "the office moves
# to Umeda (Osaka) next spring"): the destination is where someone hired now will work.
# Japanese names the destination before へ/に移転; English after "move/relocate ... to".
_MOVE_JA = re.compile(
    r"(?:へ|に)(?:の)?\s?(?:移転|引っ越)(?!を?(?:検討|予定していません|しません|の予定はありません))"
)
_MOVE_EN = re.compile(
    r"(?<!may )(?<!might )(?<!could )(?<!considering )"
    r"(?:(?:office|headquarters|hq|we|company|team)"
    r"(?: will| is| are| is going to| are going to| plans? to)? (?:move|moving|moves|relocate"
    r"|relocating|relocates)"
    r"|(?:move|moving|relocat(?:e|ing)) (?:our|the) (?:office|headquarters|hq))"
    r"(?: (?:our|the) (?:office|headquarters|hq))? to "
)
_MOVE_OFFICE = re.compile(r"本社|オフィス|事務所|拠点|勤務地|社屋|office|headquarters|\bhq\b")
_MOVE_REACH = 400  # characters after the workplace read for a move of it


def _entries() -> dict[str, tuple[str, str | None, int]]:
    """Folded surface -> (prefecture, city, rank): 0 prefecture only, 1 city, 2 ward/district."""
    table: dict[str, tuple[str, str | None, int]] = {}

    def add(key: str, value: tuple[str, str | None, int]) -> None:
        table.setdefault(key, value)

    wards = dict(_TOKYO_WARDS)
    for ja, en in _TOKYO_WARDS:
        add(f"{ja}区", ("Tokyo", en, 2))
        add(f"{en.lower()}-ku", ("Tokyo", en, 2))
        add(f"{en.lower()} ward", ("Tokyo", en, 2))
        if len(en) > 3:
            add(en.lower(), ("Tokyo", en, 2))
    for ja, en, city, pref in _DISTRICTS:
        add(ja, (pref, city, 2))
        add(en.lower(), (pref, city, 2))
    prefecture_names = {en for _, en in _PREFECTURES}
    prefecture_names_lower = {en.lower() for en in prefecture_names}

    # Stations not in the ward they are named after (品川駅 is in Minato, 目黒駅 in
    # Shinagawa); a city's namesake station is in the city (川口駅, 府中駅).
    for ja, en, city in _STATIONS_ELSEWHERE:
        add(f"{ja}駅", ("Tokyo", city, 2))
        add(f"{en.lower()} station", ("Tokyo", city, 2))
    # and the office towers by 品川駅's east exit, in Konan, Minato
    for ja, en in _SHINAGAWA_TOWERS:
        add(ja, ("Tokyo", "Minato", 2))
        add(en, ("Tokyo", "Minato", 2))

    def add_suffixed(ja: str, en: str, pref: str) -> None:
        add(f"{ja}市", (pref, en, 1))
        add(f"{ja}駅", (pref, en, 1))
        add(f"{en.lower()} city", (pref, en, 1))
        add(f"{en.lower()}-shi", (pref, en, 1))

    for ja, en, pref in _CITIES:
        add_suffixed(ja, en, pref)
        # 大阪 / Osaka alone most often means the city; 東京 / Tokyo never names a city.
        if en in prefecture_names or ja not in _CITIES_NEED_SUFFIX:
            add(ja, (pref, en, 1))
        add(en.lower(), (pref, en, 1))
    for ja, en, pref in _MORE_CITIES:
        add_suffixed(ja, en, pref)
        name = en.lower()
        if len(name) >= 6 and name not in _NOT_BARE and name not in prefecture_names_lower:
            add(name, (pref, en, 1))
    for ja, en in _PREFECTURES:
        add(f"{ja}{_PREFECTURE_SUFFIX.get(ja, '県')}", (en, None, 0))
        add(ja, (en, None, 0))
        add(en.lower(), (en, None, 0))
        add(f"{en.lower()}-to" if en == "Tokyo" else f"{en.lower()} prefecture", (en, None, 0))
    for ja in _BARE_WARDS:
        add(ja, ("Tokyo", wards[ja], 2))
    for key, value in _municipality_entries().items():
        add(key, value)
    return table


_MUNICIPALITIES = Path(__file__).with_name("municipalities.tsv")
_ENGLISH_SUFFIXES = {"市": (" city",), "町": (" town",), "村": (" village",)}
# Keys of the full list of municipalities (the towns and villages, the cities not above):
# named with their suffix, they must not continue a word before them (神田錦町 is a
# street of Chiyoda, not 錦町 in Kumamoto).
_BOUNDED: set[str] = set()
_WARD_NAMES = frozenset(en for _, en in _TOKYO_WARDS)


def _municipality_entries() -> dict[str, tuple[str, str | None, int]]:
    """Every municipality of Japan named with its suffix (神山町, 名西郡神山町, 徳島県神山町,
    Kamiyama-cho, "Onna village"), from ``municipalities.tsv``. A name that several
    prefectures have (府中市, 伊達市) counts only with its prefecture or district."""
    prefecture_ja = {en: ja + _PREFECTURE_SUFFIX.get(ja, "県") for ja, en in _PREFECTURES}
    found: dict[str, set[tuple[str, str]]] = {}
    bare: list[str] = []
    for line in _MUNICIPALITIES.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        _code, pref, district, name, suffix, reading, en = line.split("\t")
        keys = [f"{name}{suffix}", f"{prefecture_ja[pref]}{name}{suffix}"]
        if en not in _WARD_NAMES:  # "Chuo City, Tokyo" is the ward, not 中央市 in Yamanashi
            keys.append(f"{en.lower()}-{reading}")
            keys.extend(f"{en.lower()}{english}" for english in _ENGLISH_SUFFIXES[suffix])
        if district:
            keys.append(f"{district}{name}{suffix}")
        bare.append(keys[0])
        for key in keys:
            found.setdefault(key, set()).add((pref, en))
    entries: dict[str, tuple[str, str | None, int]] = {}
    for key, places in found.items():
        if len(places) == 1:
            ((pref, en),) = places
            entries[key] = (pref, en, 1)
    for key in bare:
        if key in entries:
            _BOUNDED.add(key)
    names: dict[str, set[tuple[str, str]]] = {}
    for key in bare:
        for place in found[key]:
            names.setdefault(key[:-1], set()).add(place)
            names.setdefault(place[1].lower(), set()).add(place)
    for name, places in names.items():
        if len(places) == 1 and len(name) >= 2 and name not in _NOT_NAMES:
            _BY_OFFICE[name] = next(iter(places))
    return entries


# Bare names of municipalities (黒部, 日南, ニセコ, shirahama, goto), each of one place only:
# taken where an office or a station names them (_named_by_office).
_BY_OFFICE: dict[str, tuple[str, str]] = {}
# (words, not places: 中央研究所, "the main office", "Tokyo-based", "New office")
_NOT_NAMES = frozenset(
    {"中央", "main", "head", "new", "our", "the", "tokyo", "home", "back",
     # regions and words that are also a town's name (東北町, 本部町, 東洋町, 共和町)
     "東北", "本部", "東洋", "共和", "中部", "北陸", "東海", "関東", "関西", "九州", "四国", "中国",
     "北海", "日本", "本町", "新町", "大町", "三田"}
)  # fmt: skip
_NOT_OFFICE_NOUNS = ("事務所", "駅")


_TABLE = _entries()
# Bare names of a prefecture that are also its capital's (静岡, Shizuoka, 大阪, Osaka): a city
# unless another city of that prefecture is named beside them.
_PREFECTURE_OR_CITY = frozenset(
    key for key, (pref, city, rank) in _TABLE.items() if rank == 1 and city == pref
) & frozenset(name for ja, en in _PREFECTURES for name in (ja, en.lower()))
# Places outside Japan where postings on Japanese boards put the workplace: the countries and
# cities of Japanese companies' subsidiaries, offshore centres and postings abroad. A
# workplace stated there has no location (the field holds a prefecture).
_ABROAD = (
    # countries
    "ベトナム", "インド", "フィリピン", "タイ", "インドネシア", "マレーシア", "シンガポール",
    "台湾", "中国", "韓国", "香港", "米国", "アメリカ", "カナダ", "メキシコ", "ブラジル",
    "英国", "イギリス", "ドイツ", "フランス", "オランダ", "アイルランド", "スペイン",
    "スウェーデン", "ポーランド", "イスラエル", "オーストラリア", "ニュージーランド",
    "vietnam", "viet nam", "india", "philippines", "thailand", "indonesia", "malaysia",
    "singapore", "taiwan", "china", "south korea", "korea", "hong kong", "united states",
    "usa", "u.s.", "canada", "mexico", "brazil", "united kingdom", "germany", "france",
    "netherlands", "ireland", "spain", "sweden", "poland", "israel", "australia",
    "new zealand",
    # cities
    "ホーチミン", "ハノイ", "ダナン", "マニラ", "セブ", "マカティ", "ベンガルール", "バンガロール",
    "ムンバイ", "デリー", "チェンナイ", "ハイデラバード", "プネー", "バンコク", "ジャカルタ",
    "クアラルンプール", "台北", "台中", "高雄", "上海", "北京", "大連", "深圳", "深セン",
    "広州", "蘇州", "ソウル", "釜山", "シドニー", "メルボルン", "ロンドン", "ベルリン",
    "パリ", "ミュンヘン", "デュッセルドルフ", "アムステルダム", "ダブリン", "ニューヨーク",
    "シリコンバレー", "サンフランシスコ", "シアトル", "ロサンゼルス", "サンノゼ", "トロント",
    "バンクーバー", "ho chi minh", "hcmc", "saigon", "hanoi", "da nang", "danang", "manila",
    "cebu", "makati", "bengaluru", "bangalore", "mumbai", "new delhi", "chennai",
    "hyderabad", "pune", "bangkok", "jakarta", "kuala lumpur", "taipei", "shanghai",
    "beijing", "dalian", "shenzhen", "guangzhou", "seoul", "busan", "melbourne", "london",
    "berlin", "munich", "dusseldorf", "düsseldorf", "amsterdam", "dublin", "new york",
    "silicon valley", "san francisco", "seattle", "los angeles", "san jose", "toronto",
    "vancouver", "austin", "boston", "chicago", "texas", "california", "uk", "u.k.",
)  # fmt: skip
_ABROAD_KEYS = [key for key in _ABROAD if key not in _TABLE]
_KEYS = list(_TABLE) + _ABROAD_KEYS
_ABROAD_START = len(_TABLE)  # keys from here on are places abroad
_VALUES = [_TABLE[k] for k in _TABLE] + [("", None, -1)] * len(_ABROAD_KEYS)
# A bare ward name yields to 渋谷区 beside it, and a district's name to the ward named with
# it ("Hiroo, Minato-ku": 広尾 spans two wards).
_DISTRICT_KEYS = frozenset(
    key for ja, en, _city, _pref in _DISTRICTS for key in (ja, en.lower())
) - {f"{ja}区" for ja, _ in _TOKYO_WARDS}
_WEAK = [k in _BARE_WARDS or k in _DISTRICT_KEYS for k in _KEYS]  # (abroad: unused)
# (and a one-character city with its suffix: 油津駅 is a station of Nichinan, not 津駅)
_NEEDS_EDGE = [k in _BOUNDED or (len(k) == 2 and k[1] in "市駅町村") for k in _KEYS]
_ENGINE = AhoCorasick(_KEYS, matchkind=MatchKind.LeftmostLongest)


Hit = tuple[int, int, str, str | None, int, bool]  # start, end, prefecture, city, rank, weak


# A place name that is a person's surname (千葉, 福岡, 長野): "採用担当の千葉です",
# "千葉と申します", "千葉様".
_SURNAME_AFTER = re.compile(r"\s?(?:と申します|と申し上げます|様|さん|氏(?!名)|くん)")
_SELF_INTRODUCTION = re.compile(r"\s?です(?:[。!！、\s]|$)")
_INTRODUCER = re.compile(r"(?:している|しております|担当|cto|ceo|の)\s?$")


_RESIDENCE_AFTER = re.compile(
    r"(?:県|府|都|市|町|村)?\s?(?:在住|に住んで|にお住まい|に住む|住まい)"
)
# A chat message's header: the speaker's name (and role) before the time, "└ 山口 10:21".
_SPEAKER_HEADER = re.compile(
    r"[ \t\u3000]*(?:[(（][^)）\n]{0,12}[)）])?[ \t\u3000]*\d{1,2}:\d{2}[ \t\u3000]*$"
)


def _surname(folded: str, start: int, end: int) -> bool:
    if folded[start].isascii():
        return False
    if _SURNAME_AFTER.match(folded, end):
        return True
    if _SPEAKER_HEADER.match(folded, end, _line_end(folded, end)):
        return True
    if _RESIDENCE_AFTER.match(folded, end):
        return True  # where someone lives, not a workplace: 同僚が長野在住で
    return (
        _SELF_INTRODUCTION.match(folded, end) is not None
        and _INTRODUCER.search(folded, max(0, start - 8), start) is not None
    )


# 中央市場, 市販, 市況: not 中央市; 信濃町駅, 田原町駅: a station of a city's street, not the town
_MARKET = re.compile(r"場|販|況|駅")


def _inside_a_name(folded: str, start: int) -> bool:
    """Whether a name starts inside a longer one: after a kanji or katakana (神田錦町),
    except the prefecture's or district's own suffix (徳島県, 名西郡)."""
    if start == 0:
        return False
    before = folded[start - 1]
    if before in "県都府道郡":
        return False
    return "\u4e00" <= before <= "\u9fff" or "\u30a1" <= before <= "\u30ff" or before == "々"


_LIVES_IN = re.compile(
    r"\b(?:live|lives|lived|living|reside|resides|residing|resident)\s(?:in|of)\s$"
)


def _hits(folded: str) -> list[Hit]:
    return _scan(folded)[0]


_KATAKANA = re.compile(r"[\u30a1-\u30ffー]")
# A place named for the distance from it to the workplace: "福岡市内から車で約30分", "30
# minutes by train from Osaka".
_DISTANCE_FROM = re.compile(
    # (not a walk from a station, "渋谷駅から徒歩5分": the workplace is there)
    # (nor a bus, "つくば駅からバスで約10分": the bus goes to the workplace's own town)
    r"(?:市内|内|中心部|都心|市街地?)?(?:から|より)\s?(?:車|電車|新幹線|jr|在来線|特急|快速)"
    r"(?:で)?\s?(?:約|およそ)?\s?\d"
)
_DISTANCE_BEFORE = re.compile(
    r"\d\s?(?:minutes?|mins?|hours?|hrs?) by (?:car|train|shinkansen)"
    r" (?:away )?from (?:central |downtown |the centre of |the center of )?$"
)
_NOT_THE_COUNTRY = re.compile(r"地方|エリア|・?四国|地区|語|人")  # 中国地方, 中国語, 韓国人


def _scan(folded: str) -> tuple[list[Hit], list[tuple[int, int]]]:
    """The places in Japan the text names, and the [start, end) of the places abroad."""
    hits: list[Hit] = []
    abroad: list[tuple[int, int]] = []
    n = len(folded)
    for index, start, end in _ENGINE.find_matches_as_indexes(folded):
        if index >= _ABROAD_START:
            first = folded[start]
            if first.isascii():
                if (start > 0 and folded[start - 1].isalnum()) or (
                    end < n and folded[end].isalnum()
                ):
                    continue
            elif _KATAKANA.match(first):
                if (start > 0 and _KATAKANA.match(folded, start - 1)) or _KATAKANA.match(
                    folded, end
                ):
                    continue  # タイ in タイトル, インド in ウインドウ
            elif _NOT_THE_COUNTRY.match(folded, end):
                continue
            abroad.append((start, end))
            continue
        if folded[start].isascii() and (
            (start > 0 and folded[start - 1].isascii() and folded[start - 1].isalnum())
            or (end < n and folded[end].isascii() and folded[end].isalnum())
        ):
            continue
        if _surname(folded, start, end):
            continue
        if folded[start].isascii() and _LIVES_IN.search(folded, max(0, start - 16), start):
            continue  # "I live in Nagoya": where someone lives, not a workplace
        if _NEEDS_EDGE[index] and (_inside_a_name(folded, start) or _MARKET.match(folded, end)):
            continue
        if _DISTANCE_FROM.match(folded, end) or _DISTANCE_BEFORE.search(
            folded, max(0, start - 30), start
        ):
            continue  # "糸島市（福岡市内から車で約30分）": a place the workplace is near
        pref, city, rank = _VALUES[index]
        hits.append((start, end, pref, city, rank, _WEAK[index]))
    return hits, abroad


_NAME_CHARS_JA = re.compile(r"[\u4e00-\u9fff々ヶ\u30a1-\u30ffー]{2,8}$")
_NAME_BEFORE_EN = re.compile(r"(?<![a-z])([a-z]{4,20})[ -]$")
_NAME_AFTER_EN = re.compile(
    r"[a-z]*\s(?:in|at)\s(?:central |downtown |the (?:town|city|village) of )?([a-z]{4,20})\b"
)


def _named_by_office(folded: str, hits: list[Hit], triggers: Triggers) -> list[Hit]:
    """``hits`` with the municipalities named only by an office or station of theirs: 黒部事業所,
    日南サテライトオフィス, "the Goto office", "Shirahama-based", "our office in central
    Rikuzentakata" (one place's bare name, _BY_OFFICE)."""
    found: list[Hit] = []
    for start, _ in triggers.windows("office_noun", 0, 1):
        if start == 0:
            continue
        previous = folded[start - 1]
        if folded[start].isascii():
            if previous.isalnum() and previous.isascii():
                continue  # inside a word
            before = (
                _NAME_BEFORE_EN.search(folded, max(0, start - 22), start)
                if previous in " -" and folded[start - 2 : start - 1].isalpha()
                else None
            )
            following = folded[start : start + 24]
            after = (
                _NAME_AFTER_EN.match(folded, start)
                if " in " in following or " at " in following
                else None
            )
            for m in (before, after):
                if m is not None and m.group(1) in _BY_OFFICE:
                    pref, city = _BY_OFFICE[m.group(1)]
                    found.append((m.start(1), m.end(1), pref, city, 1, False))
                    break
            continue
        if not ("\u4e00" <= previous <= "\u9fff" or "\u30a1" <= previous <= "\u30ff"):
            continue  # (most: 本社 after a particle or a bracket)
        if folded.startswith(_NOT_OFFICE_NOUNS, start):
            continue  # 山田事務所, 小林事務所 (a surname's firm), 信濃町駅 (a station's name)
        run = _NAME_CHARS_JA.search(folded, max(0, start - 8), start)
        # the whole name before the noun (二子玉川 is no 玉川村); one that starts the run
        if run is not None and (place := _BY_OFFICE.get(run.group())) is not None:
            found.append((run.start(), start, place[0], place[1], 1, False))
    return _with_extra(folded, hits, found)


_NEAR_HITS = 40
_NAME_BEFORE_COMMA = re.compile(r"(?<![a-z])([a-z]{3,20}),\s?$")


def _named_with_prefecture(folded: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` with the municipalities named bare before their own prefecture: "Onna,
    Okinawa", "Kikuyo, Kumamoto" (one place's bare name, _BY_OFFICE, in that prefecture)."""
    found: list[Hit] = []
    for start, _end, pref, _city, rank, _weak in hits:
        if rank == 0 and folded[start].isascii():
            m = _NAME_BEFORE_COMMA.search(folded, max(0, start - 24), start)
            place = _BY_OFFICE.get(m.group(1)) if m is not None else None
            if m is not None and place is not None and place[0] == pref:
                found.append((m.start(1), m.end(1), pref, place[1], 1, False))
    return _with_extra(folded, hits, found)


def _with_extra(folded: str, hits: list[Hit], found: list[Hit]) -> list[Hit]:
    """``hits`` with the ``found`` ones that overlap none of them and whose line names no
    other prefecture ("Kanan campus, Morioka, Iwate": a campus, not 河南町 in Osaka)."""
    extra = []
    starts = [h[0] for h in hits]  # in order
    for hit in found:
        line_start = folded.rfind("\n", 0, hit[0]) + 1
        line_end = _line_end(folded, hit[1])
        first = bisect_left(starts, line_start)
        last = bisect_left(starts, line_end, first)
        # (the hits on its line only, at most a few dozen of them looked at)
        near = hits[first : min(last, first + _NEAR_HITS)]
        if any(a < hit[1] and hit[0] < b for a, b, *_ in near) or any(h[2] != hit[2] for h in near):
            continue
        extra.append(hit)
    return sorted({*hits, *extra}) if extra else hits


def _outside(hits: list[Hit], names: Sequence[tuple[int, int]]) -> list[Hit]:
    starts = [start for start, _ in names]
    kept = []
    for hit in hits:
        i = bisect_right(starts, hit[0]) - 1  # the last name starting at or before the hit
        if i < 0 or names[i][1] < hit[1]:
            kept.append(hit)
    return kept


def _remote_workplace(
    folded: str,
    starts: list[int],
    windows: list[tuple[int, int]],
    remote: Callable[[], str | None],
) -> bool:
    """The workplace field says remote, and names no place on its line (``starts``: the
    places' starts, in order)."""
    for field in finditer_in(_WORKPLACE_FIELD, folded, windows):
        if not _place_on_line(folded, field, starts):
            return True
    bare = [
        f
        for f in finditer_in(_WORKPLACE_BARE_REMOTE, folded, windows)
        if not _place_on_line(folded, f, starts)
    ]
    return bool(bare) and remote() in (None, "full")


def _place_on_line(folded: str, field: re.Match[str], starts: list[int]) -> bool:
    # the first place at or after the field, found by bisection: a scan of every place for
    # every field grew with their product (4,000 of each took 1.3 s)
    line_end = folded.find("\n", field.end())
    line_end = len(folded) if line_end < 0 else line_end
    i = bisect_left(starts, field.start())
    return i < len(starts) and starts[i] < line_end


def _seat_of_remote_company(folded: str, start: int, remote: Callable[[], str | None]) -> bool:
    """The role is fully remote and the place at ``start`` is only the company's seat
    ("Fully remote ... Headquarters: Tokyo", "フルリモート ... 本社：東京都港区")."""
    line_start = folded.rfind("\n", 0, start) + 1
    if not _COMPANY_SEAT.search(folded, max(line_start, start - 40), start):
        return False
    if not any(w in folded for w in _REMOTE_WORDS):
        return False
    line_end = folded.find("\n", start)
    if OPTIONAL_VISIT.search(folded, start, len(folded) if line_end < 0 else line_end):
        return False  # "our registered office is in Kita-ku; you are welcome to use it"
    return remote() == "full"


# An office named on the line of a full-remote phrase: "オフィスは世田谷区", "office in Chuo-ku".
_OFFICE_NAMED = re.compile(r"(?:オフィス|office)(?:は|:|\s(?:is\s)?(?:in|at)\s)[^。.\n]{0,12}$")
_FULL_REMOTE_LINE = re.compile(
    r"フルリモート|フルリモ|完全リモート|完全在宅|fully[- ]remote|full[- ]remote"
)


def _office_on_remote_line(folded: str, hits: list[Hit]) -> int | None:
    """The first place named as an office on a line that says the role is fully remote."""
    for i, hit in enumerate(hits):
        line_start = folded.rfind("\n", 0, hit[0]) + 1
        named = _OFFICE_NAMED.search(folded, max(line_start, hit[0] - 30), hit[0])
        if (named or _OFFICE_AFTER.match(folded, hit[1]) or folded.startswith("本社", hit[1])) and (
            _FULL_REMOTE_LINE.search(folded, line_start, _line_end(folded, hit[0]))
        ):
            return i
    return None


# A workplace abroad said without a label: ホーチミンで勤務, 大連へ赴任, 【台北勤務】, 大連駐在,
# シンガポール現地採用 (not ベトナムでの勤務経験, シンガポール勤務の可能性, 現地採用面接).
_ABROAD_AFTER = re.compile(
    r"[ \t\u3000]?(?:市|州)?(?:で(?:の)?勤務(?!経験|して|の可能性)|勤務(?!経験|の可能性|して)"
    r"|へ(?:の)?赴任|に赴任|駐在(?!経験))"
    r"|[^\n。]{0,8}?現地(?:採用|雇用)(?!面接|の面接)"
)
# ... or in English: "at our Makati office", "in our Berlin studio", "X is the Bengaluru
# development centre of Y", "Our HCMC office (District 7)" opening a sentence (not
# "collaborate with our London office").
_ABROAD_OFFICE_AFTER = re.compile(
    r"(?:[ -][a-z0-9]+){0,2} (?:office|studio|hub|(?:development|dev) cent(?:er|re))(?!s)"
)
_ABROAD_OFFICE_BEFORE = re.compile(r"(?:\b(?:at|in|is) (?:our|the) |(?:^|\n|\. )our )$")
_ABROAD_BEFORE = re.compile(
    r"(?:海外赴任|海外勤務|現地採用)[／/・\s]*$|\b(?:office|on[- ]site) (?:in|at) $"
    # "You'll move to Austin"
    r"|\b(?:you(?:['’]ll| will)|to) (?:move|relocate) to $"
)
# A place in Japan stated as the workplace, which no office abroad overrides: 東京本社勤務,
# 福岡で勤務, "a backend engineer in Tokyo", "based in Osaka".
_HOME_AFTER = re.compile(
    r"[ \t\u3000]?(?:市|区|県|都|府)?(?:本社|オフィス)?(?:で(?:の)?勤務(?!経験)|勤務(?!経験|地以外)"
    r"|への出社|で働)"
)
_HOME_BEFORE = re.compile(
    r"\b(?:based|located|work(?:ing)?|engineers?|developers?|role|position|job|hiring) (?:in|at) $"
)
# What a place abroad on the workplace label's line may be besides the workplace: a trip.
_TRIP = re.compile(r"出張|trips?\b|visits?\b|[(（][^)）]*$")


def _workplace_abroad(
    folded: str,
    hits: list[Hit],
    starts: list[int],
    abroad: list[tuple[int, int]],
    labels: list[re.Match[str]],
) -> bool:
    """Whether the workplace is abroad: the first workplace label's place (on its line, where
    no place in Japan is named beside it) is a place abroad, or, with no label naming a place
    in Japan and no place in Japan stated as the workplace, the text says the work is done at
    a place abroad."""
    abroad_starts = [start for start, _ in abroad]
    for label in labels:
        line_end = _line_end(folded, label.end())
        home = bisect_left(starts, label.end())
        away = bisect_left(abroad_starts, label.end())
        home_at = starts[home] if home < len(starts) else len(folded)
        away_at = abroad_starts[away] if away < len(abroad_starts) else len(folded)
        if min(home_at, away_at) - label.end() >= 200:
            continue  # (as _anchor: a label with no place after it)
        if home_at < line_end:
            return False  # "勤務地：東京都港区（シンガポール拠点との兼務）", "Tokyo / Singapore"
        if away_at < line_end and _TRIP.search(folded, label.end(), away_at):
            # "勤務地：本社（海外出張あり：アメリカ・中国）" then the address below
            return home_at - label.end() >= 200
        return away_at < line_end or away_at < home_at
    for start, end, *_ in hits:
        if _HOME_AFTER.match(folded, end) or _HOME_BEFORE.search(folded, max(0, start - 20), start):
            return False
    for start, end in abroad:
        if (
            _ABROAD_AFTER.match(folded, end)
            or _ABROAD_BEFORE.search(folded, max(0, start - 20), start)
            or (
                _ABROAD_OFFICE_AFTER.match(folded, end)
                and _ABROAD_OFFICE_BEFORE.search(folded, max(0, start - 12), start)
            )
        ):
            return True
    return False


# What a place is the site of when it is not where the hire works: other functions' sites,
# customers and partners, names of institutions and events.
_OTHER_SITE = re.compile(
    r"カスタマー(?:サポート|サクセス)|(?:サポート|コール|データ|物流|配送)センター|サポートデスク"
    r"|地上局|物流拠点|倉庫|提携|加盟店|メーカー|医療機関|証券取引所|東証|万博|導入実績"
    r"|stock exchange|\bexpo\b|data ?cent(?:er|re)s?|(?:call|support) cent(?:er|re)|support desk"
    r"|greenhouses?|warehouses?|\bcustomers?\b|\bpartner\b|\bhotels?\b|\bfarms?\b"
)
# ... unless the same clause puts the work there ("福岡のカスタマーサポート拠点で勤務").
_WORK_THERE = re.compile(
    r"勤務|就業|働[きくけ]|常駐|出社|配属|本社|本店"
    r"|\bbased\b|\bwork(?:s|ing)? (?:at|in|from)|\bjoin|head ?office|headquarter"
    r"|\b(?:assigned|dispatched|stationed|posted) (?:to|at|in)\b"
)
_CLAUSE_END = re.compile(r"[。！？\n、]|[.!?;,](?:\s|$)")
_CLAUSE_REACH = 60


def _site_of_other(folded: str, hit: Hit) -> bool:
    """``hit`` is named in its clause as the site of something other than the workplace."""
    start = hit[0]
    back = max(0, start - _CLAUSE_REACH)
    before = folded[back:start]
    cut = max(before.rfind(c) for c in "。！？\n、,")
    clause_start = back + cut + 1 if cut >= 0 else back
    end = _CLAUSE_END.search(folded, hit[1], hit[1] + _CLAUSE_REACH)
    clause_end = end.start() if end else min(len(folded), hit[1] + _CLAUSE_REACH)
    # a place in a list is read with the list's clause: "customers in Aichi, Shizuoka and the
    # Kanto area", "大阪、福岡にはカスタマーサポート拠点"
    if (
        cut >= 0
        and folded[clause_start - 1] in "、,"
        and not folded[clause_start:start].strip(" ・")
    ):
        back = max(0, clause_start - 1 - _CLAUSE_REACH)
        before = folded[back : clause_start - 1]
        previous = max(before.rfind(c) for c in "。！？\n、,")
        clause_start = back + previous + 1 if previous >= 0 else back
    if (
        end is not None
        # (a Japanese list only: an English comma also joins a city to its prefecture, "Naha,
        # Okinawa support center")
        and folded[end.start() : end.start() + 1] == "、"
        and not folded[hit[1] : end.start()].strip()
    ):
        further = _CLAUSE_END.search(folded, end.end(), end.end() + _CLAUSE_REACH)
        clause_end = further.start() if further else min(len(folded), end.end() + _CLAUSE_REACH)
    clause = folded[clause_start:clause_end]
    return _OTHER_SITE.search(clause) is not None and _WORK_THERE.search(clause) is None


def _anchor(starts: list[int], labels: Iterable[re.Match[str]]) -> int | None:
    """Index of the first place named within 200 characters after one of ``labels``
    (``starts``: the places' starts, in order)."""
    for label in labels:
        after = bisect_left(starts, label.end())
        if after < len(starts) and starts[after] - label.end() < 200:
            return after
    return None


def _right_after_a_place(folded: str, at: int, ends: set[int]) -> bool:
    """A place ends at ``at`` or one space before it ("Tokyo office:"). Looked up among the
    places' ends: comparing every place with every label took 13 s for 4,000 of each."""
    return at in ends or (folded[at - 1 : at] == " " and at - 1 in ends)


_UNSET: Any = object()


def parse_location(
    folded: str,
    triggers: Triggers | None = None,
    remote: str | None = _UNSET,
    *,
    names: Sequence[tuple[int, int]] = (),
) -> tuple[Location | None, Span | None]:
    """``remote`` is the posting's remote policy when the caller already has it. ``names``
    are the spans of technology names found in the text, in order: a place name inside one
    is part of the name (Redux-Saga, "redux saga"), not a place."""
    hits, abroad = _scan(folded)
    triggers = triggers or Triggers(folded)
    if triggers.any("office_noun"):
        hits = _named_by_office(folded, hits, triggers)
    if any(h[4] == 0 for h in hits) and ", " in folded:
        hits = _named_with_prefecture(folded, hits)
    if names:
        hits = _outside(hits, names)
    if not hits:
        return None, None
    if len(hits) > 1 and "#" in folded:
        # "#hiring #golang #tokyo": a tag, when a place is stated too
        hits = [h for h in hits if folded[h[0] - 1 : h[0]] != "#"] or hits
    if len(hits) > 1 and triggers.any("others"):
        # not the agency's own office or another opening's: "our own consultants work from
        # our Ebisu office"
        hits = [h for h in hits if not said_of_others(folded, h[0], h[1])] or hits
    if len(hits) > 1 and ("研修" in folded or "training" in folded):
        # "研修期間：本社（東京都豊島区）／研修後：東京都内のプロジェクト先": the place of
        # the training is not the workplace after it
        hits = [
            h for h in hits if not _TRAINING_LINE.match(folded, folded.rfind("\n", 0, h[0]) + 1)
        ] or hits
    starts = [h[0] for h in hits]  # in order: the scan's matches do not overlap
    known: list[str | None] = [] if remote is _UNSET else [remote]

    def remote_policy() -> str | None:
        if not known:
            known.append(parse_remote(folded, triggers)[0])
        return known[0]

    # Every label and phrase below contains a "location" trigger word (勤務地, location,
    # office, オフィス, workplace, 本社 ...): search only around those.
    windows = triggers.windows("location", 60, 120)
    if search_in(_NO_OFFICE, folded, windows):
        return None, None
    if any(w in folded for w in _REMOTE_WORDS) and _remote_workplace(
        folded, starts, windows, remote_policy
    ):
        return None, None
    # not "Tokyo office:" in a list of the company's sites: that names the office
    ends = {h[1] for h in hits}
    labels = [
        label
        for label in finditer_in(_WORKPLACE_LABEL, folded, windows)
        if not _right_after_a_place(folded, label.start(), ends)
    ]
    if len(labels) > 1:
        # "Our office: Ebisu" (an agency's, or the company's seat) yields to another
        # workplace label ("Location and work style / Client office in Otemachi")
        labels = [
            label
            for label in labels
            if not _OUR.search(folded, max(0, label.start() - 5), label.start())
        ] or labels
    if len(labels) > 1:
        # "Tokyo Liaison Office: Chiyoda" in a list of the company's sites yields to the
        # role's "Location: head office, Kawasaki"
        labels = [
            label
            for label in labels
            if not (
                label.group().startswith("office")
                and _NAMED_BEFORE.match(folded, max(0, label.start() - 2))
            )
        ] or labels
    if abroad and _workplace_abroad(folded, hits, starts, abroad, labels):
        return None, None  # 勤務地：ベトナム・ホーチミン市, "On-site at our office in Hanoi"
    anchor_index = _anchor(starts, labels)
    if anchor_index is None:
        # "2 days a week at our Kobe office": the place that names the office one works at
        anchor_index = next(
            (
                i
                for i, h in enumerate(hits)
                if _OFFICE_AFTER.match(folded, h[1])
                and _AT_OUR.search(folded, max(0, h[0] - 12), h[0])
            ),
            None,
        )
    if anchor_index is None:
        # "フルリモート（…オフィスは世田谷区の本社）", "Fully remote; the client's office in
        # Chuo-ku, Sapporo is open to those who want it": the office the remote line names
        anchor_index = _office_on_remote_line(folded, hits)
    if anchor_index is None:
        section = search_in(_SECTION, folded, windows)
        anchor_index = _anchor(starts, [section] if section else []) or 0
        # with no workplace stated, a place named as the site of something else is none:
        # 大阪と福岡にはカスタマーサポート拠点, データセンターは石狩と北九州, "partner hotels
        # in Kyoto", "the Tokyo Stock Exchange"
        anchor_index = next(
            (i for i in range(anchor_index, len(hits)) if not _site_of_other(folded, hits[i])),
            -1,
        )
        if anchor_index < 0:
            return None, None
        if _seat_of_remote_company(folded, hits[anchor_index][0], remote_policy):
            return None, None
    moved = False
    if triggers.any("move"):
        destination = _after_move(folded, hits, anchor_index)
        moved = destination != anchor_index
        anchor_index = destination
    anchor = hits[anchor_index]
    # "東京都内の各プロジェクト先（本社：東京都台東区）": the seat named beside the workplace
    # is not part of it (unless the anchor is the seat itself, or where it moves to)
    seat_ok = (
        moved
        or _SEAT_BEFORE.search(folded, max(0, anchor[0] - _SEAT_REACH), anchor[0]) is not None
        # the anchor names the office whose address follows: "東京本社：東京都千代田区…"
        or _ADDRESS_OF_NAMED_OFFICE.match(folded, anchor[1]) is not None
    )
    group = [
        h
        for h in hits
        if (h[0] - anchor[0] if moved else abs(h[0] - anchor[0])) in range(_NEAR + 1)
        and "\n" not in folded[min(h[0], anchor[0]) : max(h[0], anchor[0])]
        # "offices in Osaka and Nagoya. This position is based in our Shinjuku office": a
        # place in the sentence before qualifies nothing in this one
        and not _SENTENCE_BREAK.search(folded, min(h[1], anchor[1]), max(h[0], anchor[0]))
        and (
            seat_ok
            or h is anchor
            or not _SEAT_BEFORE.search(folded, max(0, h[0] - _SEAT_REACH), h[0])
        )
    ]
    prefecture = anchor[2]
    city: str | None = None
    best_rank = -1
    for start, end, pref, c, rank, _ in sorted(group, key=lambda h: h[5]):  # weak ones last
        if c is None:
            continue
        if folded[start:end] in _PREFECTURE_OR_CITY and any(
            h[2] == pref and h[3] not in (None, c) for h in group
        ):
            continue  # "Hamamatsu, Shizuoka": the prefecture of another city named beside it
        if pref != prefecture and any(h[4] == 0 and h[2] == prefecture for h in group):
            continue  # a ward name that belongs to another prefecture's city
        # A designated city (大阪市) beats a ward name after it (北区) outside Tokyo.
        takes = rank == 1 or (rank == 2 and best_rank != 1 and pref == prefecture) or best_rank < 0
        if takes and (rank == 1 or best_rank < 2):
            city, prefecture, best_rank = c, pref, rank
    start = min(h[0] for h in group)
    end = max(h[1] for h in group)
    cities = {h[3] for h in group if h[4] == 1 and folded[h[0] : h[1]] not in _PREFECTURE_OR_CITY}
    if len(cities) > 1:
        city = None  # "客先常駐（名古屋市、豊田市、刈谷市など）": several cities, none the one
    elif city is None:
        # "Location: Tokyo, Japan (Hybrid - 2 days/week at our Nihonbashi office)": an office
        # of the prefecture named further along the workplace's line
        line_end = _line_end(folded, anchor[1])
        office = next(
            (
                h
                for h in hits
                if anchor[1] <= h[0] < line_end
                and h[2] == prefecture
                and h[3] is not None
                and _OFFICE_AFTER.match(folded, h[1])
            ),
            None,
        )
        if office is not None:
            city, end = office[3], max(end, office[1])
    if city is None:
        # a structure's fields: "prefecture: Kanagawa" then "city: Yokohama", <都道府県> then
        # <市区町村>, JSON-LD's addressRegion then addressLocality
        below = _city_below(folded, hits, anchor, prefecture)
        if below is not None:
            return Location(prefecture=prefecture, city=below[3]), Span(below[0], below[1])
    if city is None and len(labels) > 1:
        # "Location: Kanagawa" on a board's summary card, then 勤務地 神奈川県横浜市西区…:
        # the workplace stated again with its city refines it
        refined = _refined(folded, hits, starts, labels, prefecture)
        if refined is not None:
            return Location(prefecture=prefecture, city=refined[3]), Span(refined[0], refined[1])
    if city is None and (
        _THAT_BEFORE.search(folded, max(0, anchor[0] - 9), anchor[0])
        or _OFFICE_AFTER.match(folded, anchor[1])
    ):
        # "This role is based in that Tokyo office", "Our Tokyo office opened in 2022 …
        # Our Tokyo office is in Toranomon, Minato-ku": the office named with its ward
        named = _named_office(folded, hits, prefecture)
        if named is not None:
            return Location(prefecture=prefecture, city=named[3]), Span(named[0], named[1])
    if city is None:
        # "東京本社とバンガロールの開発拠点 … 所属オフィス：東京本社（東京都中央区日本橋）",
        # "London, UK or Tokyo, Japan (Shibuya)": the one city of the prefecture the text
        # names, not as a seat's address nor as the site of something else
        only = _only_city(folded, hits, prefecture)
        if only is not None:
            return Location(prefecture=prefecture, city=only[3]), Span(start, end)
    return Location(prefecture=prefecture, city=city), Span(start, end)


def _only_city(folded: str, hits: list[Hit], prefecture: str) -> Hit | None:
    """The hit naming the one city (or ward) of ``prefecture`` in the text, if exactly one
    is named there apart from seats' addresses and other things' sites."""
    found = [
        h
        for h in hits
        if h[2] == prefecture
        and h[3] is not None
        and not _SEAT_BEFORE.search(folded, max(0, h[0] - _SEAT_REACH), h[0])
        and not _site_of_other(folded, h)
        # named as a workplace or office on its line or the line above (not a company's
        # name or header, "Sumida Pay K.K.", "（SES / 神田）", nor a board's footer)
        and _PLACE_OF_WORK.search(folded, _line_start(folded, _line_start(folded, h[0]) - 1), h[0])
        is not None
    ]
    return found[0] if len({h[3] for h in found}) == 1 else None


_PLACE_OF_WORK = re.compile(
    r"勤務地|勤務場所|就業場所|勤務先|オフィス|拠点|(?<![a-z])(?:office|location|based|studio|hub"
    r"|workplace|work place)(?![a-z])"
)


def _line_start(folded: str, position: int) -> int:
    return folded.rfind("\n", 0, max(0, position)) + 1


_FIELD_SHAPE = re.compile(r"[:：=<\"]")
_BELOW_LINES = 2  # lines after the prefecture's field read for the city's


def _city_below(folded: str, hits: list[Hit], anchor: Hit, prefecture: str) -> Hit | None:
    """The one city of ``prefecture`` that fields on the next lines name, when the anchor's
    line is a field too."""
    line_start = folded.rfind("\n", 0, anchor[0]) + 1
    if not _FIELD_SHAPE.search(folded, line_start, anchor[0]):
        return None
    end = _line_end(folded, anchor[1])
    stop = end
    for _ in range(_BELOW_LINES):
        if stop < len(folded):
            stop = _line_end(folded, stop + 1)
    found: dict[str, Hit] = {}
    for hit in hits:
        if end < hit[0] < stop and hit[2] == prefecture and hit[3] is not None and hit[4] == 1:
            below_start = folded.rfind("\n", 0, hit[0]) + 1
            if _FIELD_SHAPE.search(folded, below_start, hit[0]):
                found.setdefault(hit[3], hit)
    # (two cities below are two workplaces, neither the one)
    return next(iter(found.values())) if len(found) == 1 else None


def _refined(
    folded: str, hits: list[Hit], starts: list[int], labels: list[re.Match[str]], prefecture: str
) -> Hit | None:
    """The one city of ``prefecture`` that the workplace labels name, each label's place read
    to the end of its line; None when they name none or several."""
    found: dict[str, Hit] = {}
    for label in labels:
        first = _anchor(starts, [label])
        if first is None:
            continue
        line_end = _line_end(folded, hits[first][0])
        for hit in hits[first:]:
            if hit[0] >= line_end:
                break
            if hit[2] == prefecture and hit[3] is not None and hit[4] == 1:
                found.setdefault(hit[3], hit)
                break
    return next(iter(found.values())) if len(found) == 1 else None


def stated_as_workplace(folded: str, span: Span) -> bool:
    """A workplace word (勤務地, 所在地, オフィス, office, location …) stands on the line of the
    place at ``span`` or in the 200 characters before it: the place is stated as where one
    works, not only named (an agency's address beside its name: 株式会社X（東京都新宿区）より
    ご紹介)."""
    return (
        _SECTION.search(folded, max(0, span.start - 200), _line_end(folded, span.end)) is not None
    )


_THAT_BEFORE = re.compile(r"\b(?:that|the same|this) $|(?:その|同|当該)$")
_OFFICE_NEAR = re.compile(r"office|オフィス|拠点|事業所")


def _named_office(folded: str, hits: list[Hit], prefecture: str) -> Hit | None:
    """The one place with a city, in ``prefecture``, that the text names as an office."""
    found = {
        h[3]: h
        for h in hits
        if h[2] == prefecture
        and h[3] is not None
        and _OFFICE_NEAR.search(folded, max(0, h[0] - 30), min(len(folded), h[1] + 30))
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _after_move(folded: str, hits: list[Hit], anchor_index: int) -> int:
    """The hit naming where the workplace moves to, when a decided move of the office is
    stated soon after the workplace; else ``anchor_index``."""
    begin = hits[anchor_index][0]
    end = min(len(folded), begin + _MOVE_REACH)
    for m in _MOVE_JA.finditer(folded, begin, end):
        sentence_start = max(folded.rfind("。", 0, m.start()), folded.rfind("\n", 0, m.start()))
        if not _MOVE_OFFICE.search(folded, sentence_start + 1, m.end() + 20):
            continue
        # the clause's places, the last of them ending just before へ移転 (a parenthesis
        # may stand between: 横浜市西区（みなとみらい）へ移転)
        before = [
            i
            for i, h in enumerate(hits)
            if sentence_start < h[0] and h[1] <= m.start() and m.start() - h[1] <= 12
        ]
        if not before:
            continue
        last = before[-1]
        first = last
        while (
            first > 0
            and hits[first - 1][0] > sentence_start
            and hits[first][0] - hits[first - 1][1] <= 2
        ):
            first -= 1
        if first != anchor_index:
            return first
    for m in _MOVE_EN.finditer(folded, begin, end):
        after = next((i for i, h in enumerate(hits) if h[0] >= m.end()), None)
        if after is not None and hits[after][0] - m.end() <= 30 and after != anchor_index:
            line_end = folded.find("\n", m.end())
            if line_end < 0 or hits[after][0] < line_end:
                return after
    return anchor_index


_PREFECTURE_NAMES: dict[str, str] = {}
for _ja, _en in _PREFECTURES:
    for _form in (_ja, _en, _en.casefold()):
        _PREFECTURE_NAMES[_form] = _en
    for _suffix in ("都", "道", "府", "県"):
        _PREFECTURE_NAMES[_ja + _suffix] = _en


def prefecture_name(label: str) -> str | None:
    """The stored (English) name of a prefecture given in Japanese or English: 大阪府, 大阪,
    osaka -> Osaka; None when the label names no prefecture."""
    text = label.strip()
    return _PREFECTURE_NAMES.get(text) or _PREFECTURE_NAMES.get(text.casefold())
