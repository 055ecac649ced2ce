"""Checked loading of a saved open proof: its year, whether it is concluded, and each company."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..base._i18n import tr
from ..model import _proof_mac as mac
from ..model._load import array, at, boolean, fail, integer, obj, shape_keys
from ..model._load import cnpj as load_cnpj
from ._cnpjs import show
from ._entry import Entry
from ._load_parts import load_figure, same_companies


def load_proof(
    data: Any, key: bytes | None, companies: Iterable[str] | None
) -> tuple[int, bool, list[Entry]]:
    """The reference year, whether the proof is concluded, and its companies in order, from
    what ``Proof.to_dict`` wrote (sealed with ``key`` when given)."""
    top = obj(mac.unseal(data, key), "", shape_keys("ProofDict"))
    year = integer(top["reference_year"], "reference_year")
    concluded = boolean(top["concluded"], "concluded")
    entries: dict[str, Entry] = {}
    files: dict[str, str] = {}
    for i, item in enumerate(array(top["companies"], "companies")):
        entry = _company(item, at("companies", i), year, entries, files)
        entries[entry.cnpj] = entry
        if entry.metric is not None and entry.metric.fingerprint is not None:
            files[entry.metric.fingerprint] = entry.cnpj
    if companies is not None:
        same_companies(entries, companies, "companies")
    if concluded and not entries:
        fail("concluded", tr("a concluded proof lists at least one company"))
    if concluded and any(entry.metric is None for entry in entries.values()):
        fail("concluded", tr("a concluded proof has a figure for every company"))
    return year, concluded, list(entries.values())


def _company(
    item: object, path: str, year: int, entries: dict[str, Entry], files: dict[str, str]
) -> Entry:
    company = obj(item, path, shape_keys("ProofCompanyDict"))
    cnpj = load_cnpj(company["cnpj"], at(path, "cnpj"))
    if cnpj in entries:
        fail(at(path, "cnpj"), tr("company {company} is listed twice", company=show(cnpj)))
    name = company["name"]
    if name is not None and (not isinstance(name, str) or not name.strip() or name != name.strip()):
        fail(
            at(path, "name"),
            tr("a listed name is null or a non-empty text without surrounding spaces"),
        )
    metric, notes, replaced, contested = load_figure(company, path, year, cnpj)
    if metric is not None and metric.fingerprint in files:
        fail(
            at(at(path, "metric"), "fingerprint"),
            tr(
                "the same file is the figure of {owner} too",
                owner=show(files[metric.fingerprint]),
            ),
        )
    return Entry(cnpj, name, metric, notes, replaced, contested)
