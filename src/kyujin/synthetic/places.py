"""Where the synthetic companies sit, written the ways postings write it (東京都港区六本木,
"Tokyo (Minato-ku)", 大阪府大阪市, "Nagoya, Aichi"), with the (prefecture, city) the
location extractor reports for it.

Shares are assumed: most backend postings in Japan are in Tokyo, then Osaka, Kanagawa,
Aichi and Fukuoka; manufacturing sits more in Aichi, Shizuoka and Kanagawa (seed 000
section 2 pairs manufacturing with embedded C/C++ work, i.e. the factory regions).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from kyujin.synthetic.sampling import Weighted


@dataclass(frozen=True, slots=True)
class Place:
    ja: str  # 東京都港区 / 大阪府大阪市
    en: str  # Tokyo (Minato-ku) / Osaka
    prefecture: str  # as the extractor reports it (English)
    city: str  # ward for Tokyo, city elsewhere
    districts: tuple[tuple[str, str], ...] = ()  # (六本木, Roppongi): written after the ward
    en_alt: str = ""  # "Minato-ku, Tokyo": beside the Japanese form in mixed postings


def _tokyo(ward_ja: str, ward_en: str, *districts: tuple[str, str]) -> Place:
    return Place(
        f"東京都{ward_ja}区",
        f"Tokyo ({ward_en}-ku)",
        "Tokyo",
        ward_en,
        districts,
        f"{ward_en}-ku, Tokyo",
    )


# (place, weight in percent of postings)
_PLACES: Final[tuple[tuple[Place, float], ...]] = (
    (_tokyo("港", "Minato", ("六本木", "Roppongi"), ("赤坂", "Akasaka"), ("虎ノ門", "Toranomon"),
            ("浜松町", "Hamamatsucho"), ("田町", "Tamachi")), 14),
    (_tokyo("渋谷", "Shibuya", ("恵比寿", "Ebisu"), ("代官山", "Daikanyama"),
            ("広尾", "Hiroo")), 13),
    (_tokyo("千代田", "Chiyoda", ("丸の内", "Marunouchi"), ("大手町", "Otemachi"),
            ("神田", "Kanda"), ("秋葉原", "Akihabara")), 9),
    (_tokyo("中央", "Chuo", ("日本橋", "Nihonbashi"), ("銀座", "Ginza"), ("八重洲", "Yaesu")), 7),
    (_tokyo("品川", "Shinagawa", ("五反田", "Gotanda"), ("大崎", "Osaki")), 6),
    (_tokyo("新宿", "Shinjuku", ("高田馬場", "Takadanobaba")), 6),
    (_tokyo("目黒", "Meguro", ("中目黒", "Nakameguro")), 2.5),
    (_tokyo("江東", "Koto", ("豊洲", "Toyosu")), 2.5),
    (_tokyo("豊島", "Toshima", ("池袋", "Ikebukuro")), 2),
    (_tokyo("文京", "Bunkyo"), 1.5),
    (_tokyo("台東", "Taito", ("上野", "Ueno"), ("浅草", "Asakusa")), 1),
    (_tokyo("世田谷", "Setagaya"), 1),
    (_tokyo("中野", "Nakano"), 1),
    (Place("大阪府大阪市", "Osaka", "Osaka", "Osaka", (("梅田", "Umeda"), ("淀屋橋", "Yodoyabashi"),
           ("心斎橋", "Shinsaibashi"))), 9),
    (Place("神奈川県横浜市", "Yokohama, Kanagawa", "Kanagawa", "Yokohama",
           (("みなとみらい", "Minatomirai"), ("関内", "Kannai"))), 4),
    (Place("神奈川県川崎市", "Kawasaki, Kanagawa", "Kanagawa", "Kawasaki",
           (("武蔵小杉", "Musashikosugi"),)), 2),
    (Place("愛知県名古屋市", "Nagoya, Aichi", "Aichi", "Nagoya"), 4.5),
    (Place("福岡県福岡市", "Fukuoka", "Fukuoka", "Fukuoka",
           (("天神", "Tenjin"), ("博多", "Hakata"))), 4.5),
    (Place("京都府京都市", "Kyoto", "Kyoto", "Kyoto", (("烏丸", "Karasuma"),)), 2),
    (Place("北海道札幌市", "Sapporo, Hokkaido", "Hokkaido", "Sapporo"), 1.5),
    (Place("宮城県仙台市", "Sendai, Miyagi", "Miyagi", "Sendai"), 1.2),
    (Place("兵庫県神戸市", "Kobe, Hyogo", "Hyogo", "Kobe"), 1.2),
    (Place("広島県広島市", "Hiroshima", "Hiroshima", "Hiroshima"), 0.8),
    (Place("埼玉県さいたま市", "Saitama", "Saitama", "Saitama", (("大宮", "Omiya"),)), 0.8),
    (Place("千葉県千葉市", "Chiba", "Chiba", "Chiba", (("幕張", "Makuhari"),)), 0.8),
    # Not "Hamamatsu, Shizuoka": the extractor reads Shizuoka there as the city.
    (Place("静岡県浜松市", "Hamamatsu", "Shizuoka", "Hamamatsu"), 0.6),
    (Place("石川県金沢市", "Kanazawa, Ishikawa", "Ishikawa", "Kanazawa"), 0.4),
    (Place("茨城県つくば市", "Tsukuba, Ibaraki", "Ibaraki", "Tsukuba"), 0.4),
    (Place("熊本県熊本市", "Kumamoto", "Kumamoto", "Kumamoto"), 0.4),
    (Place("沖縄県那覇市", "Naha, Okinawa", "Okinawa", "Naha"), 0.4),
)  # fmt: skip
# Manufacturing sits by its factories (assumed multipliers on the shares above).
_MANUFACTURING: Final[dict[str, float]] = {
    "Aichi": 5.0,
    "Shizuoka": 6.0,
    "Kanagawa": 2.0,
    "Ibaraki": 4.0,
    "Hyogo": 2.0,
    "Osaka": 1.5,
    "Tokyo": 0.5,
}

PLACES: Final[tuple[Place, ...]] = tuple(p for p, _ in _PLACES)
HEADQUARTERS: Final[Weighted[Place]] = Weighted(_PLACES)
MANUFACTURING_HEADQUARTERS: Final[Weighted[Place]] = Weighted(
    (p, w * _MANUFACTURING.get(p.prefecture, 1.0)) for p, w in _PLACES
)
