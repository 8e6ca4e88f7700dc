#!/usr/bin/env python3
"""Validate providers.yaml and cdn.yaml (hosting resolver data) and print counts.

Usage: python3 check_data.py [--strict]   (run from any directory)

Checks (errors make the exit status 1; --strict also fails on warnings):
  * both files are valid YAML with the documented top-level shape;
  * ids are unique kebab-case slugs; every cdn id names a provider in providers.yaml
    (unless the cdn entry says standalone: true);
  * enum values: kinds, channel, country (ISO 3166-1 alpha-2), languages (ISO 639-1),
    true/false/null flags, verified;
  * AS numbers are integers in the public range; no AS number appears under two providers
    unless both list it in match.shared_asns; cdn ASNs are a subset of the provider's ASNs;
  * domain / CNAME suffixes are lowercase hostnames and not claimed twice;
  * URLs are http(s), e-mail addresses look like e-mail addresses;
  * channel matches the data (web_form needs notice_form_url, email needs notice_email,
    api needs dsa.api);
  * provenance: every non-null fact is either backed by a URL in `sources` or named in
    `unverified`; `sources`/`unverified` only name known facts; verified: true only when
    `unverified` is empty and every non-null fact has a source.
Needs PyYAML (pip install pyyaml).
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is missing: pip install pyyaml")

HERE = Path(__file__).resolve().parent
PROVIDERS = HERE / "providers.yaml"
CDNS = HERE / "cdn.yaml"

KINDS = {"hosting", "platform", "registrar", "cdn"}
CHANNELS = {"api", "email", "web_form", "none"}
# ISO 3166-1 alpha-2 (officially assigned codes).
ISO_COUNTRIES = set("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
""".split())
EU_EEA = set("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split())

PROVIDER_FACTS = [
    "name", "country",
    "notice_form_url", "notice_info_url", "notice_email", "contact_point_url",
    "legal_representative", "api", "trusted_flagger_channel",
    "notice_languages", "anonymous_csam_notices", "cooperates_with_hotline",
    "asns", "domain_suffixes", "rdap_handles",
]
DSA_KEYS = ["notice_form_url", "notice_info_url", "notice_email", "contact_point_url",
            "legal_representative", "api", "trusted_flagger_channel"]
MATCH_KEYS = ["asns", "domain_suffixes", "rdap_handles"]
CDN_FACTS = ["asns", "cname_suffixes", "abuse_url", "abuse_email",
             "forwards_to_origin", "forwards_to_customer"]

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
URL = re.compile(r"^https?://[^\s]+$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
LANG = re.compile(r"^[a-z]{2}$")
HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$")

errors: list[str] = []
warnings: list[str] = []


def err(where: str, msg: str) -> None:
    errors.append(f"{where}: {msg}")


def warn(where: str, msg: str) -> None:
    warnings.append(f"{where}: {msg}")


def present(value) -> bool:
    """A fact counts as stated when it is not null and not an empty list/dict."""
    if value is None:
        return False
    if isinstance(value, (list, dict, str)) and len(value) == 0:
        return False
    return True


def load(path: Path, top: str):
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except FileNotFoundError:
        err(path.name, "file not found")
        return None, []
    except yaml.YAMLError as exc:
        err(path.name, f"invalid YAML: {exc}")
        return None, []
    if not isinstance(data, dict) or not isinstance(data.get(top), list):
        err(path.name, f"top level must be a mapping with a list under '{top}'")
        return data, []
    if not isinstance(data.get("meta"), dict):
        err(path.name, "missing 'meta' mapping")
    return data, data[top]


def check_flag(where: str, key: str, value) -> None:
    if value not in (True, False, None):
        err(where, f"{key} must be true, false or null, got {value!r}")


def check_asn(where: str, asn) -> bool:
    if isinstance(asn, bool) or not isinstance(asn, int):
        err(where, f"AS number {asn!r} is not an integer")
        return False
    reserved = (
        asn <= 0 or asn >= 2**32 or asn == 23456      # 0, AS_TRANS, out of range
        or 64496 <= asn <= 65551                       # documentation, private 16-bit, 65535
        or 4200000000 <= asn                           # private 32-bit, 4294967295
    )
    if reserved:
        err(where, f"AS{asn} is reserved/private, not a public AS number")
        return False
    return True


def check_host(where: str, key: str, host) -> bool:
    if not isinstance(host, str) or host != host.lower() or host.startswith(".") or not HOST.match(host):
        err(where, f"{key}: {host!r} is not a lowercase hostname suffix (no leading dot)")
        return False
    return True


def check_provenance(where: str, facts: dict, known: list[str], entry: dict, counts: Counter) -> None:
    sources = entry.get("sources")
    unverified = entry.get("unverified")
    if sources is None:
        sources = {}
    if not isinstance(sources, dict):
        err(where, "sources must be a mapping fact -> [url, ...]")
        sources = {}
    if not isinstance(unverified, list):
        err(where, "unverified must be a list (use [] when empty)")
        unverified = []
    for key, urls in sources.items():
        if key not in known:
            err(where, f"sources names unknown fact {key!r}")
        if not isinstance(urls, list) or not urls:
            err(where, f"sources.{key} must be a non-empty list of URLs")
            continue
        for u in urls:
            if not isinstance(u, str) or not URL.match(u):
                err(where, f"sources.{key}: {u!r} is not an http(s) URL")
        if key in facts and not present(facts[key]):
            warn(where, f"sources.{key} given but the fact is null/empty")
    dup = [k for k, n in Counter(unverified).items() if n > 1]
    if dup:
        err(where, f"unverified lists {dup} twice")
    for key in unverified:
        if key not in known:
            err(where, f"unverified names unknown fact {key!r}")
    for key in known:
        value = facts.get(key)
        if present(value):
            if key in unverified:
                counts["unverified"] += 1
            elif key in sources:
                counts["sourced"] += 1
            else:
                err(where, f"fact {key!r} has neither a source nor an 'unverified' mark")
        elif key in unverified:
            counts["todo"] += 1
    verified = entry.get("verified")
    if verified is not None:
        if verified not in (True, False):
            err(where, f"verified must be true or false, got {verified!r}")
        elif verified:
            if unverified:
                err(where, f"verified: true but unverified = {unverified}")
            missing = [k for k in known if present(facts.get(k)) and k not in sources]
            if missing:
                err(where, f"verified: true but no source for {missing}")


def check_providers(items: list) -> dict:
    ids: dict[str, dict] = {}
    asn_owner: dict[int, list[str]] = {}
    suffix_owner: dict[str, str] = {}
    counts = Counter()
    for i, p in enumerate(items):
        if not isinstance(p, dict):
            err(f"providers[{i}]", "entry is not a mapping")
            continue
        pid = p.get("id")
        where = f"providers/{pid or i}"
        if not isinstance(pid, str) or not SLUG.match(pid):
            err(where, "id must be a kebab-case slug")
        elif pid in ids:
            err(where, "duplicate id")
        else:
            ids[pid] = p
        for req in ("name", "kinds", "country", "dsa", "channel", "notice_languages",
                    "anonymous_csam_notices", "cooperates_with_hotline", "match", "sources",
                    "verified", "unverified"):
            if req not in p:
                err(where, f"missing key {req!r}")
        if not isinstance(p.get("name"), str) or not p.get("name"):
            err(where, "name must be a non-empty string")
        kinds = p.get("kinds")
        if not isinstance(kinds, list) or not kinds or not set(kinds) <= KINDS or len(set(kinds)) != len(kinds):
            err(where, f"kinds must be a non-empty subset of {sorted(KINDS)}, got {kinds!r}")
        country = p.get("country")
        if country is not None and country not in ISO_COUNTRIES:
            err(where, f"country {country!r} is not an ISO 3166-1 alpha-2 code")
        channel = p.get("channel")
        if channel not in CHANNELS:
            err(where, f"channel must be one of {sorted(CHANNELS)}, got {channel!r}")
        langs = p.get("notice_languages")
        if langs is not None and (not isinstance(langs, list) or not all(isinstance(l, str) and LANG.match(l) for l in langs)):
            err(where, f"notice_languages must be null or a list of ISO 639-1 codes, got {langs!r}")
        check_flag(where, "anonymous_csam_notices", p.get("anonymous_csam_notices"))
        check_flag(where, "cooperates_with_hotline", p.get("cooperates_with_hotline"))

        dsa = p.get("dsa") or {}
        if not isinstance(dsa, dict):
            err(where, "dsa must be a mapping")
            dsa = {}
        for key in dsa:
            if key not in DSA_KEYS:
                err(where, f"unknown dsa key {key!r}")
        for key in ("notice_form_url", "notice_info_url", "contact_point_url"):
            v = dsa.get(key)
            if v is not None and (not isinstance(v, str) or not URL.match(v)):
                err(where, f"dsa.{key} must be null or an http(s) URL, got {v!r}")
        v = dsa.get("notice_email")
        if v is not None and (not isinstance(v, str) or not EMAIL.match(v)):
            err(where, f"dsa.notice_email {v!r} is not an e-mail address")
        api = dsa.get("api")
        if api is not None:
            if not isinstance(api, dict) or not isinstance(api.get("kind"), str) or not SLUG.match(api["kind"].replace("_", "-")):
                err(where, "dsa.api must be null or a mapping with a snake_case 'kind'")
            elif api.get("docs_url") is not None and not URL.match(str(api["docs_url"])):
                err(where, "dsa.api.docs_url must be null or an http(s) URL")
        rep = dsa.get("legal_representative")
        if rep is not None:
            if not isinstance(rep, dict) or not rep.get("name"):
                err(where, "dsa.legal_representative must be null or a mapping with a name")
            else:
                if rep.get("country") is not None and rep["country"] not in ISO_COUNTRIES:
                    err(where, f"legal_representative.country {rep['country']!r} is not ISO 3166-1")
                if rep.get("email") is not None and not EMAIL.match(str(rep["email"])):
                    err(where, f"legal_representative.email {rep['email']!r} is not an e-mail address")
        if channel == "web_form" and not dsa.get("notice_form_url"):
            err(where, "channel web_form but dsa.notice_form_url is null")
        if channel == "email" and not dsa.get("notice_email"):
            err(where, "channel email but dsa.notice_email is null")
        if channel == "api" and not api:
            err(where, "channel api but dsa.api is null")
        if channel == "none" and (dsa.get("notice_form_url") or dsa.get("notice_email") or api):
            warn(where, "channel none although a form, e-mail or API is recorded")

        match = p.get("match") or {}
        if not isinstance(match, dict):
            err(where, "match must be a mapping")
            match = {}
        for key in match:
            if key not in MATCH_KEYS + ["shared_asns"]:
                err(where, f"unknown match key {key!r}")
        asns = match.get("asns", [])
        if not isinstance(asns, list):
            err(where, "match.asns must be a list")
            asns = []
        dup_asns = [a for a, n in Counter(a for a in asns if isinstance(a, int)).items() if n > 1]
        if dup_asns:
            err(where, f"match.asns lists {dup_asns} twice")
        for asn in asns:
            if check_asn(where, asn):
                asn_owner.setdefault(asn, []).append(pid)
        for suffix in match.get("domain_suffixes", []) or []:
            if check_host(where, "domain_suffixes", suffix):
                if suffix in suffix_owner and suffix_owner[suffix] != pid:
                    err(where, f"domain suffix {suffix} is also claimed by {suffix_owner[suffix]}")
                suffix_owner[suffix] = pid
        handles = match.get("rdap_handles", [])
        if not isinstance(handles, list) or not all(isinstance(h, str) and h for h in handles):
            err(where, "match.rdap_handles must be a list of strings")

        facts = {
            "name": p.get("name"), "country": country,
            **{k: dsa.get(k) for k in DSA_KEYS},
            "notice_languages": langs,
            "anonymous_csam_notices": p.get("anonymous_csam_notices"),
            "cooperates_with_hotline": p.get("cooperates_with_hotline"),
            **{k: match.get(k) for k in MATCH_KEYS},
        }
        check_provenance(where, facts, PROVIDER_FACTS, p, counts)

    shared = {pid: set((ids[pid].get("match") or {}).get("shared_asns") or []) for pid in ids}
    for asn, owners in sorted(asn_owner.items()):
        if len(owners) > 1 and not all(asn in shared.get(o, set()) for o in owners):
            err("providers", f"AS{asn} is listed under {owners}; add it to match.shared_asns of each to allow that")
    return {"ids": ids, "counts": counts, "asn_owner": asn_owner}


def check_cdns(items: list, providers: dict) -> Counter:
    counts = Counter()
    seen: set[str] = set()
    suffix_owner: dict[str, str] = {}
    asn_owner: dict[int, str] = {}
    for i, c in enumerate(items):
        if not isinstance(c, dict):
            err(f"cdns[{i}]", "entry is not a mapping")
            continue
        cid = c.get("id")
        where = f"cdns/{cid or i}"
        if not isinstance(cid, str) or not SLUG.match(cid):
            err(where, "id must be a kebab-case slug")
        elif cid in seen:
            err(where, "duplicate id")
        seen.add(cid)
        for req in ("name", "asns", "cname_suffixes", "abuse_url", "abuse_email", "forwards_to_origin",
                    "sources", "unverified"):
            if req not in c:
                err(where, f"missing key {req!r}")
        provider = providers.get(cid)
        if provider is None and not c.get("standalone"):
            err(where, "id names no provider in providers.yaml (set standalone: true if intended)")
        if provider is not None and "cdn" not in (provider.get("kinds") or []):
            warn(where, f"provider {cid} is not marked kinds: [cdn, ...]")
        asns = c.get("asns") or []
        p_asns = set(((provider or {}).get("match") or {}).get("asns") or [])
        for asn in asns:
            if check_asn(where, asn):
                if provider is not None and asn not in p_asns:
                    err(where, f"AS{asn} is not in provider {cid}'s match.asns")
                if asn in asn_owner:
                    err(where, f"AS{asn} is also listed for cdn {asn_owner[asn]}")
                asn_owner[asn] = cid
        p_suffixes = ((provider or {}).get("match") or {}).get("domain_suffixes") or []
        for suffix in c.get("cname_suffixes") or []:
            if check_host(where, "cname_suffixes", suffix):
                if suffix in suffix_owner:
                    err(where, f"CNAME suffix {suffix} is also claimed by cdn {suffix_owner[suffix]}")
                suffix_owner[suffix] = cid
                if provider is not None and not any(suffix == s or suffix.endswith("." + s) for s in p_suffixes):
                    warn(where, f"CNAME suffix {suffix} is not covered by provider {cid}'s domain_suffixes")
        if c.get("abuse_url") is not None and not URL.match(str(c["abuse_url"])):
            err(where, "abuse_url must be null or an http(s) URL")
        if c.get("abuse_email") is not None and not EMAIL.match(str(c["abuse_email"])):
            err(where, f"abuse_email {c['abuse_email']!r} is not an e-mail address")
        check_flag(where, "forwards_to_origin", c.get("forwards_to_origin"))
        check_flag(where, "forwards_to_customer", c.get("forwards_to_customer"))
        facts = {k: c.get(k) for k in CDN_FACTS}
        check_provenance(where, facts, CDN_FACTS, c, counts)
    return counts


def main() -> int:
    strict = "--strict" in sys.argv[1:]
    _, providers = load(PROVIDERS, "providers")
    _, cdns = load(CDNS, "cdns")
    result = check_providers(providers)
    cdn_counts = check_cdns(cdns, result["ids"])

    ids = result["ids"]
    by_kind = Counter(k for p in ids.values() for k in (p.get("kinds") or []))
    by_country = Counter(p.get("country") or "unknown" for p in ids.values())
    by_channel = Counter(p.get("channel") for p in ids.values())
    n_verified = sum(1 for p in ids.values() if p.get("verified") is True)
    pc = result["counts"]
    eu = sum(n for c, n in by_country.items() if c in EU_EEA)

    print(f"providers.yaml: {len(ids)} providers ({n_verified} verified, {len(ids) - n_verified} not verified)")
    print("  by kind:    " + ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items())))
    print("  by channel: " + ", ".join(f"{k} {n}" for k, n in sorted(by_channel.items())))
    print(f"  by country ({eu} in EU/EEA): " + ", ".join(f"{c} {n}" for c, n in sorted(by_country.items(), key=lambda x: (-x[1], x[0]))))
    print(f"  ASNs: {sum(len(v) for v in result['asn_owner'].values())} across {len(result['asn_owner'])} distinct numbers")
    print(f"  facts: {pc['sourced'] + pc['unverified']} stated, {pc['sourced']} sourced, "
          f"{pc['unverified']} unverified, {pc['todo']} open TODOs (null + unverified)")
    print(f"cdn.yaml: {len(cdns)} CDNs; facts: {cdn_counts['sourced'] + cdn_counts['unverified']} stated, "
          f"{cdn_counts['sourced']} sourced, {cdn_counts['unverified']} unverified, {cdn_counts['todo']} open TODOs")
    for w in warnings:
        print(f"warning: {w}")
    for e in errors:
        print(f"ERROR: {e}")
    print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
    return 1 if errors or (strict and warnings) else 0


if __name__ == "__main__":
    sys.exit(main())
