"""Company names for the synthetic pool: unique by construction, and none of their parts
read as a skill, a place or a fact (tests/test_synthetic.py extracts every part).

A company index maps one-to-one onto a name (see ``companies.name_of``): a katakana word
and a generic ending (株式会社ツバメラボ), two kanji and an ending of the company's industry
(高峰精機株式会社), a romanised word and an English ending (Hanabi Works K.K.), or, for
foreign-affiliated companies, an invented brand and an English word of the industry
(Paxora Pay Japan G.K.). Industry endings never repeat across industries, so two indices
never share a name. Word lists are "japanese:romaji" pairs.
"""

from __future__ import annotations

from typing import Final


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((ja, en) for ja, en in (item.split(":") for item in _words(text)))


# Katakana words (nature, birds, plants, old words); romaji for English names. Place
# names (ミナト, シブヤ ...) are left out: the location extractor would read them.
WORDS: Final = _pairs(
    "サクラ:Sakura アオバ:Aoba ミライ:Mirai ヒカリ:Hikari ツバメ:Tsubame カエデ:Kaede "
    "ハナビ:Hanabi コモレビ:Komorebi ソラノ:Sorano ツクモ:Tsukumo ヒバナ:Hibana "
    "ワタリドリ:Wataridori ヨリミチ:Yorimichi ノキシタ:Nokishita エニシ:Enishi "
    "カザグルマ:Kazaguruma ハコブネ:Hakobune ホシゾラ:Hoshizora ニジイロ:Nijiiro "
    "ヤマブキ:Yamabuki シズク:Shizuku キラメキ:Kirameki ツムギ:Tsumugi イロハ:Iroha "
    "マナビ:Manabi アサギリ:Asagiri コバン:Koban クロガネ:Kurogane シロガネ:Shirogane "
    "アカツキ:Akatsuki ユウヒ:Yuhi ハルカゼ:Harukaze ナツメ:Natsume アキツ:Akitsu フユノ:Fuyuno "
    "モミジ:Momiji イチョウ:Icho ススキ:Susuki ヒイラギ:Hiiragi ツツジ:Tsutsuji スミレ:Sumire "
    "アザミ:Azami ナデシコ:Nadeshiko キキョウ:Kikyo リンドウ:Rindo ワカバ:Wakaba コハク:Kohaku "
    "ルリイロ:Ruriiro ヒスイ:Hisui サンゴ:Sango メノウ:Menou コトブキ:Kotobuki タマユラ:Tamayura "
    "ミカゲ:Mikage カナタ:Kanata ハルカ:Haruka トキワ:Tokiwa アマネ:Amane ヒビキ:Hibiki "
    "カガリ:Kagari ツキミ:Tsukimi ユキミ:Yukimi ホタル:Hotaru カワセミ:Kawasemi ヒバリ:Hibari "
    "ウグイス:Uguisu ツグミ:Tsugumi シラサギ:Shirasagi タンチョウ:Tancho オオルリ:Ooruri "
    "カモメ:Kamome イルカ:Iruka クジラ:Kujira ラッコ:Rakko キツネ:Kitsune タヌキ:Tanuki "
    "ウサギ:Usagi フクロウ:Fukurou ミツバチ:Mitsubachi ホオズキ:Hozuki ツユクサ:Tsuyukusa "
    "アスナロ:Asunaro ハヤテ:Hayate イカズチ:Ikazuchi カスミソウ:Kasumiso シグレ:Shigure "
    "コガネ:Kogane ミドリノ:Midorino アカネ:Akane ソヨカゼ:Soyokaze ナギサ:Nagisa ウシオ:Ushio "
    "サザナミ:Sazanami ミナモ:Minamo イズミノ:Izumino セセラギ:Seseragi カケハシ:Kakehashi "
    "ツナグ:Tsunagu マドカ:Madoka ツドイ:Tsudoi ヒマワリ:Himawari アジサイ:Ajisai "
    "タンポポ:Tanpopo ユズリハ:Yuzuriha "
)
# Generic endings of katakana names (Japanese and English).
ENDINGS: Final = _pairs(
    "テック:Tech ラボ:Labs システムズ:Systems ソリューションズ:Solutions デジタル:Digital "
    "ネットワークス:Networks ワークス:Works リンク:Link ゲート:Gate ブリッジ:Bridge "
    "ロジック:Logic データ:Data ソフト:Soft プラス:Plus ネクスト:Next ベース:Base フロー:Flow "
    "スタジオ:Studio パートナーズ:Partners テクノロジーズ:Technologies イノベーション:Innovation "
    "エンジニアリング:Engineering コネクト:Connect ウェーブ:Wave フィールド:Field ライン:Line "
    "ファクトリー:Factory アーキテクツ:Architects ドライブ:Drive クリエイト:Create "
    "ビジョン:Vision コア:Core ハブ:Hub サイエンス:Science プラットフォームズ:Platforms "
    "デザイン:Design インタラクティブ:Interactive コマース:Commerce メディア:Media "
    "クレスト:Crest ペイ:Pay ヘルス:Health ラーニング:Learning ポート:Port トレイル:Trail "
    "ギア:Gear アナリティクス:Analytics アップス:Apps "
)
# Two-kanji names, first and second character; pairs that name a place are removed.
KANJI_FIRST: Final = (
    "青白高北東西南朝星月花若緑桜松竹梅光明大小新中三金銀瑞翠紫藤菊稲秋春夏冬雪雲空海"
    "山川森林岩石宮富福幸栄豊和泉葉杉桐楓鷹鶴亀龍鳳千万天旭清浅深美野原沢岡田井本村吉"
    "平"
)
KANJI_SECOND: Final = (
    "峰葉杜樺井本田野原川山島崎浜沢谷橋岡丘里門光陽星風波雲泉林森宮城輪和栄進創成徳明"
    "信友英真晴翔洋海空嶺瀬湊舟灯路道坂松梅竹蔵倉屋堂輝"
)
KANJI_PLACES: Final = frozenset(
    _words(
        "青山 青森 梅田 大崎 大宮 新橋 中野 金沢 秋田 川崎 "
        "石川 宮崎 宮城 富山 福井 福島 福岡 豊島 千葉 岡山"
    )
)
# Eight endings per industry, Japanese and English; no ending belongs to two industries.
INDUSTRY_ENDINGS: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    name: (_words(ja), _words(en))
    for name, (ja, en) in {
        "finance": (
            "ペイメント 証券 フィナンシャル カード 信託 キャピタル 生命 アセット",
            "Pay Capital Securities Financial Markets Bank Insurance Wealth",
        ),
        "si": (
            "情報システム システムズ システムサービス データシステム "
            "コンピュータ テクノサービス ソフトウェア 情報サービス",
            "Infotech Computing Integration Consultancy ITServices Solutions Systems Software",
        ),
        "web": (
            "ネット ウェブ インターネット オンライン "
            "ドットコム ネットサービス ウェブワークス アプリ",
            "Web Online Internet Net Social Apps Portal Digital",
        ),
        "ecommerce": (
            "通販 コマース マート マーケット ショップ リテール 商店 ストア",
            "Commerce Market Shop Retail Store Marketplace Mart Goods",
        ),
        "gaming": (
            "ゲームス エンターテインメント インタラクティブ スタジオ "
            "ゲームワークス プレイ アミューズ ソフト",
            "Games Entertainment Interactive Studios Play Arcade Gaming Worlds",
        ),
        "saas": (
            "ソフトラボ テクノロジーズ ワークス プラットフォーム "
            "ラボ テック ソリューションズ デジタル",
            "Cloud Platforms Labs Works Stack Ops Tech Automation",
        ),
        "manufacturing": (
            "電機 精機 工業 製作所 重工 電子 機械 化学",
            "Precision Devices Industries Electronics Machines Motors Materials Instruments",
        ),
        "consulting": (
            "総合研究所 総研 パートナーズ アドバイザリー "
            "経営研究所 ストラテジー マネジメント リサーチ",
            "Consulting Advisory Partners Strategy Management Research Associates Insights",
        ),
        "healthcare": (
            "メディカル ヘルスケア 製薬 ケア "
            "医療システム ライフサイエンス ファーマ クリニックサポート",
            "Health Medical Pharma Care Bio Clinic Wellness Therapeutics",
        ),
        "education": (
            "学舎 エデュケーション 教育 ラーニング 学習システム スクール アカデミー 塾",
            "Learning Education Academy School EdTech Tutors Campus Courses",
        ),
        "media": (
            "メディア 出版 放送 新聞 コミュニケーションズ 広告 パブリッシング プロダクション",
            "Media News Publishing Broadcasting Ads Content Press Creative",
        ),
        "telecom": (
            "通信 テレコム モバイル 通信サービス コネクト ケーブル ブロードバンド 回線サービス",
            "Telecom Mobile Networks Connect Wireless Broadband Fiber Communications",
        ),
        "logistics": (
            "物流 ロジスティクス 運輸 配送 倉庫 運送 陸運 海運",
            "Logistics Freight Delivery Shipping Cargo Transport Supply Mobility",
        ),
        "real_estate": (
            "不動産 地所 住宅 ホーム エステート ハウジング 建物 リビング",
            "Realty Homes Estate Property Living Spaces Housing Properties",
        ),
        "hr": (
            "人材 キャリア スタッフィング ヒューマンリソース "
            "人材サービス 採用支援 エージェント リクルーティング",
            "Talent Careers Staffing Recruiting People Workforce HR Jobs",
        ),
        "travel": (
            "トラベル ツーリスト 旅行 ホテルズ ツアーズ リゾート 観光 トリップ",
            "Travel Tours Trips Hotels Journeys Resorts Voyages Getaways",
        ),
        "other": (
            "ホールディングス 商事 産業 興業 物産 総合サービス グループ 企画",
            "Holdings Group Ventures Trading Enterprises International Global Alliance",
        ),
    }.items()
}
# Foreign brands: a syllable and an ending (Pax + ora).
BRAND_FIRST: Final = _words(
    "Pax Lum Orb Fer Ver Nov Zen Kal Vel Sol Aur Tal Qui Ner Cor Mir Ast Dal Emb Fal Hal Ion "
    "Jov Lyr Mar Nex Oct Pol Rav Syl Tor Ulm Vox Wyn Xan Yar Zel Bre Cal Dov Eld Fin Gal Hel "
    "Ivo Kyr Lor Mon Pyr Ser"
)
BRAND_SECOND: Final = _words(
    "ora ina itra ovia ex ify ly era ion ium ara ano ento ix os us eon ira aro ella"
)
# Product names: a word above and one of these (「ツバメノート」, "Tsubame Note").
PRODUCT_ENDINGS: Final = _pairs(
    "ノート:Note ボード:Board ナビ:Navi ポケット:Pocket ドア:Door ミル:Mill カート:Cart "
    "ポスト:Post マップ:Map デスク:Desk ボックス:Box スケジュール:Schedule ダイアリー:Diary "
    "ルーム:Room ベル:Bell キット:Kit パス:Pass クエスト:Quest レター:Letter ガイド:Guide "
)
