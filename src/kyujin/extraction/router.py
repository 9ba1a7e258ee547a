from __future__ import annotations

from fastapi import APIRouter

from kyujin.extraction import service
from kyujin.extraction.schemas import ExtractIn, FactsOut

router = APIRouter(prefix="/v1/extract", tags=["extraction"])


@router.post("", response_model=FactsOut, summary="Extract skills and facts from a posting")
def extract(body: ExtractIn) -> FactsOut:
    return service.to_out(service.extract_facts(body.text, title=body.title))
