"""The prose around the facts: company blurbs, titles, duties, benefits, in Japanese and
English.

Pools are ordered most common first and drawn with Zipf weights, so a few phrases (バック
エンド開発, "code reviews") recur in most postings and others are rare, as in real text.
None of these phrases holds a salary, a level, a remote or visa phrase, a number of years
or a place: those come only from phrasing.py, so the planted truth is the only fact in a
posting (tests/test_synthetic.py checks the extractor reads it back).
"""

from __future__ import annotations

import random
from typing import Final

from kyujin.synthetic.sampling import Weighted, zipf

# Per industry: (what the company does, ja), (en), and product domains (ja, en).
INDUSTRY_TEXT: Final[dict[str, tuple[str, str, tuple[tuple[str, str], ...]]]] = {
    "finance": ("個人・法人向けに決済・資産管理サービスを提供する金融事業者",
                "a financial services company offering payments and wealth management",
                (("決済プラットフォーム", "Payments Platform"), ("勘定系システム", "Core Banking"),
                 ("証券取引システム", "Trading Platform"), ("保険契約管理システム", "Policy Admin"),
                 ("家計簿・資産管理アプリ", "Personal Finance App"),
                 ("不正検知基盤", "Fraud Detection"))),
    "si": ("金融・製造・公共分野のシステム開発を手がけるシステムインテグレーター",
           "a systems integrator building systems for finance, manufacturing and government",
           (("自治体向け住民情報システム", "Municipal Records System"),
            ("製造業向け生産管理システム", "Production Management"),
            ("金融機関向け業務システム", "Bank Back-office Systems"),
            ("物流業界向け基幹システム", "Logistics Core Systems"),
            ("流通業向け販売管理システム", "Retail Sales Management"))),
    "web": ("複数の大規模Webサービスを運営するインターネット企業",
            "an internet company running several large consumer web services",
            (("グルメ情報サイト", "Restaurant Reviews"), ("求人マッチングサービス", "Job Matching"),
             ("動画配信プラットフォーム", "Video Streaming"), ("マッチングアプリ", "Dating App"),
             ("口コミサイト", "Review Site"), ("ニュースアプリ", "News App"))),
    "ecommerce": ("自社ECサイトとマーケットプレイスを運営するEC企業",
                  "an e-commerce company running its own online store and a marketplace",
                  (("ECサイト", "Online Store"), ("在庫管理システム", "Inventory Management"),
                   ("受発注システム", "Order Management"), ("ネットスーパー", "Online Grocery"),
                   ("フリマアプリ", "C2C Marketplace"), ("ポイント基盤", "Loyalty Points"))),
    "gaming": ("スマートフォン向けゲームを開発・運営するゲーム会社",
               "a game company developing and operating mobile games",
               (("ゲームサーバー", "Game Servers"), ("オンライン対戦基盤", "Online Matchmaking"),
                ("ゲーム内課金システム", "In-game Payments"),
                ("ライブオペレーション基盤", "Live Operations"),
                ("ランキング・イベント機能", "Rankings and Events"))),
    "saas": ("中小企業向けの業務効率化サービスを提供するSaaS企業",
             "a SaaS company making business software for small and medium-sized firms",
             (("人事労務SaaS", "HR and Payroll SaaS"), ("会計ソフト", "Accounting Software"),
              ("請求書発行SaaS", "Invoicing SaaS"), ("勤怠管理SaaS", "Time Tracking SaaS"),
              ("営業支援ツール", "Sales Enablement"), ("監視サービス", "Monitoring Service"))),
    "manufacturing": ("産業用機器を製造する総合メーカー",
                      "a manufacturer of industrial equipment",
                      (("IoTプラットフォーム", "IoT Platform"),
                       ("設備監視システム", "Equipment Monitoring"),
                       ("生産管理システム", "Production Management"),
                       ("車載ソフトウェア", "In-vehicle Software"),
                       ("ロボット制御ソフトウェア", "Robot Control Software"))),
    "consulting": ("企業のDX推進を支援するコンサルティングファーム",
                   "a consulting firm helping enterprises with digital transformation",
                   (("DX推進プロジェクト", "Digital Transformation"),
                    ("基幹システム刷新", "Core System Renewal"),
                    ("データ活用基盤", "Data Platform"),
                    ("業務システムの刷新", "Business Systems Renewal"))),
    "healthcare": ("医療機関向けのサービスを提供するヘルスケア企業",
                   "a healthcare company serving hospitals and clinics",
                   (("電子カルテ", "Electronic Medical Records"),
                    ("オンライン診療サービス", "Telemedicine"),
                    ("クリニック予約システム", "Clinic Booking"),
                    ("介護事業者向けSaaS", "Care Provider SaaS"))),
    "education": ("オンライン学習サービスを運営する教育企業",
                  "an education company running online learning services",
                  (("オンライン学習プラットフォーム", "Online Learning"),
                   ("学校向け校務支援システム", "School Administration"),
                   ("プログラミング学習サービス", "Coding School"),
                   ("家庭教師マッチングサービス", "Tutor Matching"))),
    "media": ("ニュース・エンタメ領域のメディアを運営する企業",
              "a media company running news and entertainment sites",
              (("ニュース配信システム", "News Delivery"), ("広告配信システム", "Ad Delivery"),
               ("動画配信サービス", "Video Service"), ("電子書籍ストア", "E-book Store"))),
    "telecom": ("通信サービスを提供する通信事業者",
                "a telecommunications carrier",
                (("料金計算システム", "Billing System"),
                 ("顧客管理システム", "Customer Management"), ("会員向けアプリ", "Member App"))),
    "logistics": ("物流サービスを提供する企業",
                  "a logistics company",
                  (("配送管理システム", "Delivery Management"),
                   ("倉庫管理システム", "Warehouse Management"),
                   ("ラストワンマイル配送プラットフォーム", "Last-mile Delivery"),
                   ("運行管理SaaS", "Fleet Management SaaS"))),
    "real_estate": ("不動産ポータルサイトを運営する不動産テック企業",
                    "a property-tech company running a real-estate portal",
                    (("不動産ポータルサイト", "Real-estate Portal"),
                     ("賃貸管理システム", "Rental Management"),
                     ("物件価格推定エンジン", "Property Pricing"))),
    "hr": ("人材紹介と求人メディアを運営する人材サービス企業",
           "a recruiting company running job boards and placement services",
           (("求人メディア", "Job Board"), ("採用管理システム", "Applicant Tracking"),
            ("スカウトサービス", "Scouting Service"),
            ("人材マッチングエンジン", "Talent Matching"))),
    "travel": ("旅行予約サービスを運営する企業",
               "a travel company running booking services",
               (("宿泊予約サイト", "Hotel Booking"), ("航空券予約システム", "Flight Booking"),
                ("体験予約プラットフォーム", "Activity Booking"))),
    "other": ("複数の事業を展開する企業",
              "a company with several lines of business",
              (("社内業務システム", "Internal Systems"), ("会員管理システム", "Membership System"),
               ("基幹システム", "Core Business System"))),
}  # fmt: skip

# Why the company hires, how its team works, how it interviews (a company's own; "{p}" is
# its product).
BACKGROUND_JA: Final = (
    "事業拡大に伴い、開発体制を強化するための増員募集です。",
    "新規サービスの立ち上げに向けて、バックエンドエンジニアを募集します。",
    "既存システムの刷新プロジェクトが始まるため、中核を担う方を募集します。",
    "利用者数の増加に伴い、基盤の改善を進めるメンバーを募集しています。",
    "「{p}」の機能拡充に向けて、開発チームを拡大しています。",
)
BACKGROUND_EN: Final = (
    "We are growing the backend team to keep up with demand.",
    "We are building a new product and need engineers to shape its backend.",
    "We are replacing a legacy system and need people to lead the work.",
    "Usage of {p} keeps growing, and so does the team behind it.",
)
TEAM_JA: Final = (
    "スクラムで2週間単位のスプリントを回しています。",
    "週1回の設計レビューと、隔週の勉強会を行っています。",
    "プルリクエストでのコードレビューを必須としています。",
    "企画・デザイン・開発が同じチームで動いています。",
)
TEAM_EN: Final = (
    "We work in two-week sprints.",
    "We review designs every week and hold a study session every other week.",
    "Every change goes through a pull request and a code review.",
    "Product, design and engineering sit in one team.",
)
HIRING_JA: Final = (
    "書類選考 → 一次面接 → 技術面接 → 最終面接",
    "書類選考 → カジュアル面談 → 技術面接（コーディング課題あり） → 最終面接",
    "書類選考 → 面接（2回） → 内定",
)
HIRING_EN: Final = (
    "Application review → casual chat → technical interview → final interview",
    "Application review → take-home exercise → two interviews",
    "Application review → technical interview → meeting the team → offer",
)

# Duties. "{d}" is the product domain, "{p}" the company's product.
DUTIES_JA: Final = zipf(
    (
        "・{d}のバックエンド開発（API設計・実装・テスト）",
        "・新機能の設計・開発・運用",
        "・既存システムの保守・運用・改善",
        "・パフォーマンス改善とリファクタリング",
        "・コードレビュー",
        "・技術選定やアーキテクチャ設計への参加",
        "・データベース設計とクエリのチューニング",
        "・外部サービスとのAPI連携の開発",
        "・障害対応と監視の仕組みづくり",
        "・テスト自動化の推進",
        "・「{p}」の機能開発",
        "・開発プロセスの改善",
        "・若手エンジニアの育成",
        "・バッチ処理の設計・開発",
        "・プロダクトマネージャーと連携した仕様検討",
        "・社内向け管理画面のAPI開発",
        "・セキュリティ対策の強化",
        "・大量データを処理する基盤の開発",
        "・インフラのコスト最適化",
        "・運用ツールの開発",
        "・レガシーシステムの刷新",
        "・要件定義から詳細設計までの上流工程",
        "・障害の振り返りと再発防止策の立案",
        "・技術ブログや勉強会での情報発信",
        "・オンコール対応（持ち回り）",
        "・開発チームのスクラムマスター",
    ),
    exponent=0.9,
)
DUTIES_EN: Final = zipf(
    (
        "- Design, build and run the backend of our {d}",
        "- Build new features end to end, from design docs to production",
        "- Improve performance and reliability of existing services",
        "- Take part in code reviews and design discussions",
        "- Design database schemas and tune queries",
        "- Build integrations with external APIs",
        "- Improve monitoring, alerting and incident response",
        "- Automate tests and deployments",
        "- Develop features for {p}",
        "- Mentor other engineers",
        "- Work with product managers on specifications",
        "- Build internal admin tools and APIs",
        "- Harden the security of our services",
        "- Build pipelines that process large volumes of data",
        "- Reduce infrastructure cost",
        "- Modernise legacy systems",
        "- Write postmortems and follow up on them",
        "- Share knowledge through tech talks and blog posts",
        "- Join the on-call rotation",
    ),
    exponent=0.9,
)
INTRO_JA: Final = (
    "「{p}」のバックエンド開発をお任せします。",
    "{d}の開発チームで、サーバーサイドの設計・開発を担当していただきます。",
    "{d}の開発・運用をご担当いただきます。",
)
INTRO_EN: Final = (
    "You will build and run the backend of {p}.",
    "Join the team behind our {d} and own its server side.",
)
# Tail skills as requirements or pluses.
TAIL_JA: Final = ("・{s}の実務経験", "・{s}を用いた開発経験", "・{s}に関する知見")
TAIL_EN: Final = ("- Experience with {s}", "- Familiarity with {s}", "- Hands-on {s} experience")
PLUS_JA: Final = zipf(
    (
        "・チームリーダーとしてのマネジメント経験",
        "・大規模トラフィックを扱うサービスの開発経験",
        "・自社サービスの開発経験",
        "・OSSへのコントリビュート経験",
        "・{d}の開発経験",
    )
)
PLUS_EN: Final = zipf(
    (
        "- Experience leading a team",
        "- Experience with high-traffic services",
        "- Open source contributions",
        "- Experience building a {d}",
    )
)
BENEFITS_JA: Final = zipf(
    (
        "・各種社会保険完備",
        "・賞与年2回",
        "・昇給年1回",
        "・年間休日125日（完全週休2日制）",
        "・書籍購入・資格取得支援",
        "・フレックスタイム制",
        "・退職金制度",
        "・PC・周辺機器の支給",
        "・健康診断",
        "・育児・介護休暇",
        "・カンファレンス参加費補助",
        "・社員食堂",
        "・社内勉強会",
    )
)
BENEFITS_EN: Final = zipf(
    (
        "- Social insurance (health insurance and pension)",
        "- 20 days of paid leave",
        "- Flexible working hours",
        "- Learning budget for books and conferences",
        "- Latest MacBook Pro",
        "- Commuting allowance",
        "- Annual health check",
        "- Parental leave",
        "- Stock options",
    )
)
ROLES_JA: Final = Weighted.of(
    {
        "バックエンドエンジニア": 40,
        "サーバーサイドエンジニア": 20,
        "Webエンジニア": 10,
        "アプリケーションエンジニア": 5,
        "プラットフォームエンジニア": 3,
    }
)
ROLES_SI_JA: Final = Weighted.of(
    {"システムエンジニア": 3, "バックエンドエンジニア": 1, "プログラマー": 1}
)
ROLES_EN: Final = Weighted.of(
    {
        "Backend Engineer": 45,
        "Software Engineer": 20,
        "Server-side Engineer": 10,
        "Platform Engineer": 5,
        "Backend Developer": 8,
    }
)


def seniority_ja(years: int | None) -> str:
    if years is None or years < 5:
        return ""
    return "リードエンジニア／" if years >= 8 else "シニア"


def seniority_en(years: int | None) -> str:
    if years is None or years < 5:
        return ""
    return "Lead " if years >= 8 else "Senior "


def blocks(pool: Weighted[str], *, lowest: int, highest: int, count: int = 256) -> tuple[str, ...]:
    """``count`` lists of ``lowest``-``highest`` distinct lines drawn from ``pool``, joined
    by newlines, made once with a fixed seed: a posting draws a whole list in one step
    (the lines keep the pool's frequencies; 256 lists are plenty of variety beside the
    rest of the posting, and a posting costs one draw instead of six)."""
    rng = random.Random(f"blocks:{lowest}:{highest}:{len(pool.items)}:{pool.items[0]}")
    made: list[str] = []
    for _ in range(count):
        lines: list[str] = []
        for _ in range(lowest + int(rng.random() * (highest - lowest + 1))):
            line = pool.pick(rng.random)
            if line not in lines:
                lines.append(line)
        made.append("\\n".join(lines))  # text.NL: newlines as JSON writes them
    return tuple(made)


DUTY_BLOCKS_JA: Final = blocks(DUTIES_JA, lowest=3, highest=6)
DUTY_BLOCKS_EN: Final = blocks(DUTIES_EN, lowest=3, highest=6)
DUTY_BLOCKS_MIXED: Final = tuple(
    zip(blocks(DUTIES_JA, lowest=2, highest=3), blocks(DUTIES_EN, lowest=1, highest=2), strict=True)
)
BENEFIT_BLOCKS_JA: Final = blocks(BENEFITS_JA, lowest=3, highest=6)
BENEFIT_BLOCKS_EN: Final = blocks(BENEFITS_EN, lowest=3, highest=6)


def blurb_ja(name: str, industry: str, founded: int, employees: int, product: str) -> str:
    return (
        f"{name}は、{INDUSTRY_TEXT[industry][0]}です。{founded}年設立、従業員数は約{employees:,}名。"
        f"主力サービス「{product}」を中心に事業を展開しています。"
    )


def blurb_en(name: str, industry: str, founded: int, employees: int, product: str) -> str:
    return (
        f"{name} is {INDUSTRY_TEXT[industry][1]}. Founded in {founded}, we are a team of about "
        f"{employees:,} people, and {product} is our main product."
    )
