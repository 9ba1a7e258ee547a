"""What a posting asks for besides its main language: frameworks, databases, cloud, tools,
and a long tail of rarer skills.

Every skill is a (canonical name, written form) pair; the written form is the canonical
name or one of its aliases or Japanese forms in the taxonomy (src/kyujin/core/taxonomy/
data/*.yaml), which tests/test_synthetic.py checks. Frameworks per language follow seed 000
section 4 (Spring Boot and Hibernate for Java; Django, Flask, FastAPI for Python; Laravel,
Symfony, CakePHP for PHP; Ruby on Rails; Express and Nest for Node.js; Akka and Spark for
Scala; Unity for C# in games) and seed 002 (Spring Boot "the standard framework"; FastAPI
and Django "the primary frameworks"); the shared pools follow seed 002's list of what
postings ask for (PostgreSQL and Redis; Docker, Kubernetes, Kafka or RabbitMQ, gRPC; REST).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

from kyujin.synthetic.sampling import Weighted, zipf

Skill = tuple[str, str]  # (canonical name, as written)

# Written forms the extractor takes only with technical context (declared ambiguous in the
# taxonomy; tests/test_synthetic.py keeps this list complete): lists put each next to a
# form that needs none, and requirement lines add a cue (Goを用いた, "experience with Go").
AMBIGUOUS: Final = frozenset(
    {"Go", "C", "Rust", "Gin", "Echo", "Flask", "Celery", "Unity", "Qt", "Boost", "Tokio",
     "Hibernate", "Jest", "Prisma", "Rails", "Hotwire"}
)  # fmt: skip


def listed(skills: Sequence[Skill], sep: str) -> str:
    """Written forms joined in order; when some need context, each is put beside one that
    needs none (a plain form hosts one on each side: "Gin, gRPC, Echo")."""
    written = [w for _, w in skills]
    if AMBIGUOUS.isdisjoint(written):
        return sep.join(written)
    plain = [w for w in written if w not in AMBIGUOUS]
    unsure = [w for w in written if w in AMBIGUOUS]
    ordered: list[str] = []
    for word in plain:
        if unsure:
            ordered.append(unsure.pop(0))
        ordered.append(word)
        if unsure:
            ordered.append(unsure.pop(0))
    return sep.join(ordered + unsure)


def _skills(weights: dict[str, float]) -> Weighted[Skill]:
    """Weights keyed by "Canonical" or "Canonical=written form"."""
    return Weighted(
        ((key.split("=", 1)[0], key.split("=", 1)[-1]), weight) for key, weight in weights.items()
    )


@dataclass(frozen=True, slots=True)
class Stack:
    written: Weighted[Skill]  # the main language as written (Go, Golang, Go言語)
    frameworks: Weighted[Skill]
    extras: tuple[tuple[Skill, float], ...] = ()  # other languages, each with its chance
    specialism: tuple[Skill, ...] = ()  # seed 000 s6: the >20% premium skills
    title: str = ""  # how titles name the language


_ML: Final = (("machine learning", "機械学習"), ("PyTorch", "PyTorch"), ("pandas", "pandas"))
_MICRO: Final = (("microservices", "マイクロサービス"), ("Kubernetes", "Kubernetes"))

STACKS: Final[dict[str, Stack]] = {
    "Java": Stack(
        _skills({"Java": 1}),
        _skills({"Spring Boot": 6, "Spring=Spring Framework": 1.5, "MyBatis": 1.5, "JPA": 1,
                 "Hibernate": 0.8, "Spring Batch": 0.8, "Apache Struts": 0.5, "JUnit": 0.5,
                 "Gradle": 0.4, "Spring Security": 0.4, "Seasar2": 0.3, "TERASOLUNA": 0.3,
                 "Quarkus": 0.3, "Spring WebFlux": 0.3}),
        ((("Kotlin", "Kotlin"), 0.12), (("SQL", "SQL"), 0.25)),
        _MICRO,
        "Java",
    ),
    "Kotlin": Stack(
        _skills({"Kotlin": 1}),
        _skills({"Spring Boot": 5, "Ktor": 1.5, "Spring WebFlux": 0.5, "JUnit": 0.4,
                 "Gradle": 0.4}),
        ((("Java", "Java"), 0.6),),
        _MICRO,
        "Kotlin",
    ),
    "Scala": Stack(
        _skills({"Scala": 1}),
        _skills({"Akka": 3, "Apache Spark": 3, "Play Framework": 2}),
        ((("Java", "Java"), 0.3),),
        (("Apache Spark", "Apache Spark"), ("Apache Kafka", "Kafka")),
        "Scala",
    ),
    "C#": Stack(
        _skills({"C#": 1}),
        _skills({".NET": 5, "ASP.NET Core": 4, "Entity Framework": 2, "Blazor": 0.5}),
        ((("SQL", "SQL"), 0.2),),
        _MICRO,
        "C#",
    ),
    "COBOL": Stack(
        _skills({"COBOL": 1}),
        _skills({"mainframe=メインフレーム": 3, "mainframe": 1, "JCL": 2}),
        ((("Java", "Java"), 0.4), (("PL/I", "PL/I"), 0.1)),
        (("Java", "Java"),),
        "COBOL",
    ),
    "PHP": Stack(
        _skills({"PHP": 1}),
        _skills({"Laravel": 6, "CakePHP": 2, "Symfony": 1.2, "WordPress": 1, "PHPUnit": 0.4,
                 "Magento": 0.3}),
        ((("JavaScript", "JavaScript"), 0.3),),
        (("Laravel", "Laravel"), ("Amazon ECS", "Amazon ECS")),
        "PHP",
    ),
    "Python": Stack(
        _skills({"Python": 1}),
        _skills({"Django": 4, "FastAPI": 4, "Flask": 2, "SQLAlchemy": 1, "pandas": 1,
                 "Celery": 0.6, "pytest": 0.6}),
        ((("Go", "Go"), 0.08), (("TypeScript", "TypeScript"), 0.1)),
        _ML,
        "Python",
    ),
    "Ruby": Stack(
        _skills({"Ruby": 1}),
        _skills({"Ruby on Rails": 8, "RSpec": 2, "Sidekiq": 1, "Hotwire": 0.3}),
        ((("TypeScript", "TypeScript"), 0.15),),
        (("Ruby on Rails", "Rails"), ("GraphQL", "GraphQL")),
        "Ruby",
    ),
    "Go": Stack(
        _skills({"Go": 5, "Go=Golang": 2, "Go=Go言語": 3}),
        _skills({"gRPC": 3, "Gin": 3, "Echo": 2, "Protocol Buffers": 1}),
        ((("Python", "Python"), 0.1), (("TypeScript", "TypeScript"), 0.1)),
        _MICRO,
        "Go",
    ),
    "Node.js": Stack(
        _skills({"Node.js": 1}),
        _skills({"NestJS": 3, "Express=Express.js": 3, "Next.js": 1.5, "GraphQL": 1.5,
                 "Prisma": 1, "TypeORM": 0.8, "Fastify": 0.5, "Jest": 0.5}),
        ((("TypeScript", "TypeScript"), 0.75), (("JavaScript", "JavaScript"), 0.45)),
        _MICRO,
        "Node.js",
    ),
    "C++": Stack(
        _skills({"C++": 1}),
        _skills({"Linux": 2, "Embedded Linux": 2, "RTOS": 1.5, "Qt": 1, "Boost": 1,
                 "CMake": 1}),
        ((("C", "C"), 0.6), (("Python", "Python"), 0.3)),
        (("Embedded Linux", "Embedded Linux"), ("RTOS", "RTOS")),
        "C/C++",
    ),
    "Rust": Stack(
        _skills({"Rust": 1}),
        _skills({"Tokio": 2, "Actix": 1.5, "Axum": 1.5}),
        ((("Go", "Go"), 0.2),),
        _MICRO,
        "Rust",
    ),
}  # fmt: skip
# 000 s2: gaming "increased demand for C# when related to Unity development".
UNITY: Final[Skill] = ("Unity", "Unity")

# Shared pools (seed 002: "Add PostgreSQL and Redis", Docker and Kubernetes "table stakes",
# Kafka "dominant", RabbitMQ "for traditional task queues", gRPC "growing"); weights assumed.
DATABASES: Final = _skills({"PostgreSQL": 30, "MySQL": 30, "Amazon Aurora": 8,
                            "Oracle Database": 6, "MongoDB": 5, "SQL Server": 4,
                            "Amazon DynamoDB": 4, "Google BigQuery=BigQuery": 4,
                            "Elasticsearch": 4, "PostgreSQL=Postgres": 2,
                            "Cloud Spanner": 1})  # fmt: skip
# Large enterprises and finance keep Oracle and Db2 (000 s2: they prioritise "stability and
# reliability"; shares assumed).
ENTERPRISE_DATABASES: Final = _skills({"Oracle Database": 10, "PostgreSQL": 4, "SQL Server": 3,
                                       "IBM Db2": 1.5, "MySQL": 2})  # fmt: skip
REDIS_SHARE: Final = 0.35
REDIS: Final[Skill] = ("Redis", "Redis")
CLOUDS: Final = Weighted.of({"AWS": 0.55, "Google Cloud": 0.22, "Microsoft Azure": 0.15, "": 0.08})
CLOUD_SERVICES: Final[dict[str, Weighted[Skill]]] = {
    "AWS": _skills({"Amazon ECS": 4, "AWS Lambda": 3, "Amazon EKS": 2, "Amazon S3": 3,
                    "Amazon RDS": 3, "Amazon CloudWatch": 1, "AWS Fargate": 1}),
    "Google Cloud": _skills({"Google Kubernetes Engine=GKE": 3, "Cloud Run": 3,
                             "Cloud Functions": 1, "Google Cloud Storage": 1}),
    "Microsoft Azure": _skills({"Azure App Service": 2, "Azure Functions": 2,
                                "Azure Kubernetes Service=AKS": 1}),
}  # fmt: skip
CLOUD_WRITTEN: Final[dict[str, Weighted[str]]] = {
    "AWS": Weighted.of({"AWS": 1.0}),
    "Google Cloud": Weighted.of({"Google Cloud": 0.5, "GCP": 0.5}),
    "Microsoft Azure": Weighted.of({"Azure": 0.7, "Microsoft Azure": 0.3}),
}
# (skill, chance a company uses it)
DEVOPS: Final[tuple[tuple[Skill, float], ...]] = (
    (("Docker", "Docker"), 0.55),
    (("Git", "Git"), 0.30),
    (("Kubernetes", "Kubernetes"), 0.28),
    (("Terraform", "Terraform"), 0.25),
    (("GitHub Actions", "GitHub Actions"), 0.22),
    (("Linux", "Linux"), 0.20),
    (("CI/CD", "CI/CD"), 0.18),
    (("Datadog", "Datadog"), 0.14),
    (("Jenkins", "Jenkins"), 0.06),
)


def subsets(chances: tuple[tuple[Skill, float], ...]) -> Weighted[tuple[Skill, ...]]:
    """Each skill kept with its own chance, as one draw over all combinations."""
    combos: list[tuple[tuple[Skill, ...], float]] = [((), 1.0)]
    for skill, chance in chances:
        combos = [((*c, skill), w * chance) for c, w in combos] + [
            (c, w * (1 - chance)) for c, w in combos
        ]
    return Weighted(combos)


DEVOPS_SETS: Final = subsets(DEVOPS)
EXTRA_SETS: Final = {name: subsets(stack.extras) for name, stack in STACKS.items()}
MESSAGING: Final = Weighted.of(
    {
        None: 0.70,
        ("Apache Kafka", "Kafka"): 0.14,
        ("RabbitMQ", "RabbitMQ"): 0.06,
        ("Amazon SQS", "Amazon SQS"): 0.06,
        ("Google Cloud Pub/Sub", "Cloud Pub/Sub"): 0.04,
    }
)
API: Final = Weighted.of(
    {
        None: 0.55,
        ("REST", "REST API"): 0.27,
        ("gRPC", "gRPC"): 0.10,
        ("GraphQL", "GraphQL"): 0.08,
    }
)


@dataclass(frozen=True, slots=True)
class Tail:
    skills: Weighted[Skill]
    names: tuple[str, ...]
    taxonomy_version: str  # of the taxonomy the list was checked against


@cache
def tail() -> Tail:
    """The long tail (data/skill_tail.json, how it was made is in its "about"), with Zipf
    weights by rank: with 2-5 draws a posting, the first skill is in about one posting in
    ten and the last (the 1,210th) in about one in 2,000."""
    raw = json.loads(
        resources.files("kyujin.synthetic").joinpath("data/skill_tail.json").read_text("utf-8")
    )
    names = tuple(raw["skills"])
    return Tail(
        zipf(((n, n) for n in names), exponent=1.05, offset=8.0), names, raw["taxonomy_version"]
    )
