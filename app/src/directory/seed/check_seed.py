#!/usr/bin/env python3
"""Validate the directory seed (directory.yaml) and print counts.

Usage:
    python3 check_seed.py [directory.yaml] [--evidence FILE ...]

Without a path it checks the directory.yaml next to this script. With --evidence it also
checks that every URL, e-mail address and phone number in the seed occurs in the given
files (the draft and the research notes it came from); a value that does not occur must be
on an unverified entry. Exit status 1 if any error is found. Needs PyYAML
(`pip install pyyaml`); uses only the standard library otherwise.
"""
import argparse
import collections
import datetime
import os
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML missing: pip install pyyaml")

try:
    import zoneinfo
except ImportError:  # pragma: no cover
    zoneinfo = None

KINDS = ["emergency", "helpline", "hotline", "care_centre", "dsc", "authority", "tool"]
CHANNELS = {"phone", "chat", "web", "email", "walk_in"}
TOPICS = {"sextortion", "shared_without_consent", "fake_nudes", "child_abuse_material",
          "child_pressured", "sexual_violence", "suicidal_thoughts", "own_thoughts", "parents"}
AUDIENCE = {"myself", "my_child", "someone_else", "professional"}
DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
LANGUAGES_BASIS = {"source", "country_default"}
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TIME = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$")
PHONE = re.compile(r"^(?:\+[1-9]\d{6,14}|\d{3,6})$")
LANG = re.compile(r"^[a-z]{2}$")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Country calling codes, for matching E.164 numbers against numbers written nationally.
CALLING = {"AT": "43", "BE": "32", "BG": "359", "HR": "385", "CY": "357", "CZ": "420", "DK": "45",
           "EE": "372", "FI": "358", "FR": "33", "DE": "49", "GR": "30", "HU": "36", "IE": "353",
           "IT": "39", "LV": "371", "LT": "370", "LU": "352", "MT": "356", "NL": "31", "PL": "48",
           "PT": "351", "RO": "40", "SK": "421", "SI": "386", "ES": "34", "SE": "46", "GB": "44"}
ORG_KEYS = {"id", "kind", "country", "countries", "name", "name_local", "operator", "url", "timezone",
            "languages", "languages_basis", "ages", "ages_note", "topics", "audience", "audience_text",
            "free", "anonymous", "verified", "unverified_fields", "source", "checked", "notes", "related",
            "services"}
SERVICE_KEYS = {"id", "channel", "app", "handle", "phone", "phone_alt", "phone_display", "url", "email", "hours",
                "verified", "unverified_fields", "source", "notes"}

errors = []
warnings = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def warn(where, msg):
    warnings.append(f"{where}: {msg}")


def valid_tz(name):
    if zoneinfo is None:
        return True
    try:
        zoneinfo.ZoneInfo(name)
        return True
    except Exception:
        return False


def check_hours(where, hours):
    if hours is None:
        return
    if not isinstance(hours, dict):
        err(where, "hours must be a mapping or null")
        return
    always = hours.get("always")
    weekly = hours.get("weekly")
    if not isinstance(always, bool):
        err(where, "hours.always must be true or false")
    if always and weekly:
        err(where, "hours: always: true with a weekly list")
    if always is False:
        if not isinstance(weekly, list) or not weekly:
            err(where, "hours: always: false needs a non-empty weekly list")
            return
        for slot in weekly:
            if not isinstance(slot, dict) or set(slot) != {"days", "open", "close"}:
                err(where, f"hours.weekly entry must have days/open/close: {slot!r}")
                continue
            bad = [d for d in slot["days"] or [] if d not in DAYS]
            if bad or not slot["days"]:
                err(where, f"hours.weekly bad days {slot['days']!r}")
            for k in ("open", "close"):
                if not isinstance(slot[k], str) or not TIME.match(slot[k]):
                    err(where, f"hours.weekly {k} not HH:MM: {slot[k]!r}")
            if isinstance(slot["open"], str) and isinstance(slot["close"], str) and slot["open"] >= slot["close"]:
                err(where, f"hours.weekly open {slot['open']} not before close {slot['close']}")


def check_sources(where, sources, verified):
    if not isinstance(sources, list):
        err(where, "source must be a list")
        return
    for s in sources:
        if not isinstance(s, str) or not URL.match(s):
            err(where, f"source is not a URL: {s!r}")
    if verified is True and not sources:
        err(where, "verified: true without a source")


def check_unverified_fields(where, entry):
    uf = entry.get("unverified_fields")
    if uf is None:
        return
    if not isinstance(uf, list) or not uf:
        err(where, "unverified_fields must be a non-empty list")
        return
    for f in uf:
        if f not in entry:
            err(where, f"unverified_fields names {f!r}, which the entry does not have")
    if entry.get("verified") is True:
        err(where, "verified: true but unverified_fields is set")


# ---------------------------------------------------------------- evidence cross-check

def load_evidence(paths):
    text = ""
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            text += "\n" + fh.read()
    urls = set()
    for m in re.finditer(r"https?://[^\s\]\)\"'<>`|,;]+", text):
        u = m.group(0).rstrip(".:")
        urls.add(norm_url(u))
    # Bare domains written in notes, e.g. "chat at 113.nl".
    numbers = set()
    for m in re.finditer(r"\+?\d[\d \-]{0,24}\d|\d", text):
        groups = re.split(r"[ \-]", m.group(0))
        for i in range(len(groups)):
            for j in range(i + 1, len(groups) + 1):
                numbers.add("".join(groups[i:j]).lstrip("+"))
    return text.lower(), urls, numbers


def norm_url(u):
    u = u.lower()
    u = re.sub(r"^https?://", "", u)
    u = re.sub(r"^www\.", "", u)
    return u.rstrip("/")


def url_in_evidence(u, ev_urls):
    n = norm_url(u)
    if n in ev_urls:
        return True
    # A site's home counts as seen when a page under it is cited.
    return any(e == n or e.startswith(n + "/") or e.startswith(n + "?") for e in ev_urls)


def phone_in_evidence(p, country, ev_numbers):
    if not p.startswith("+"):
        return p in ev_numbers
    digits = p[1:]
    cc = CALLING.get(country or "", "")
    nsn = digits[len(cc):] if cc and digits.startswith(cc) else None
    if digits in ev_numbers:
        return True
    if nsn and (nsn in ev_numbers or "0" + nsn in ev_numbers):
        return True
    return False


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", nargs="?", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                           "directory.yaml"))
    ap.add_argument("--evidence", nargs="+", default=[], help="draft and research files to cross-check values")
    args = ap.parse_args()

    with open(args.path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)

    for k in ("meta", "countries", "organisations"):
        if k not in data:
            err("top", f"missing top-level key {k!r}")
    if errors:
        return report({}, {}, 0, 0, 0, 0)
    meta = data["meta"]
    for k in ("title", "generated", "derived_from", "verification_rule", "licence"):
        if k not in meta:
            err("meta", f"missing {k!r}")

    countries = {}
    for c in data["countries"]:
        where = f"countries[{c.get('iso')}]"
        if not re.match(r"^[A-Z]{2}$", str(c.get("iso", ""))):
            err(where, "iso must be ISO 3166-1 alpha-2")
        if c.get("iso") in countries:
            err(where, "duplicate country")
        countries[c.get("iso")] = c
        if not isinstance(c.get("eu"), bool):
            err(where, "eu must be true/false")
        for lang in c.get("languages") or []:
            if not LANG.match(str(lang)):
                err(where, f"language {lang!r} is not ISO 639-1")
        if not c.get("languages"):
            err(where, "languages missing")
        if not valid_tz(str(c.get("timezone"))):
            err(where, f"timezone {c.get('timezone')!r} is not an IANA zone")
        for tz in c.get("timezones_other") or []:
            if not valid_tz(tz):
                err(where, f"timezone {tz!r} is not an IANA zone")
    if "GR" in countries and "EL" in countries:
        err("countries", "Greece must be GR only (EL is the EU code)")

    ev = load_evidence(args.evidence) if args.evidence else None
    ids = set()
    by_country = collections.defaultdict(collections.Counter)
    by_kind = collections.Counter()
    unverified_orgs = unverified_services = n_services = 0
    not_in_evidence = []

    orgs = data["organisations"]
    all_org_ids = {o.get("id") for o in orgs}
    for o in orgs:
        oid = o.get("id")
        where = f"org {oid}"
        extra = set(o) - ORG_KEYS
        if extra:
            err(where, f"unknown keys {sorted(extra)}")
        if not isinstance(oid, str) or not KEBAB.match(oid):
            err(where, "id is not kebab-case")
        if oid in ids:
            err(where, "duplicate id")
        ids.add(oid)
        kind = o.get("kind")
        if kind not in KINDS:
            err(where, f"kind {kind!r} not allowed")
        country = o.get("country")
        clist = o.get("countries")
        if kind == "tool":
            if not isinstance(clist, list) or not clist:
                err(where, "tool needs countries: [all] or a list of ISO codes")
            else:
                for c in clist:
                    if c != "all" and c not in countries:
                        err(where, f"countries entry {c!r} unknown")
            if not str(oid).startswith("tool-"):
                err(where, "tool ids start with tool-")
            if country is not None and country not in countries:
                err(where, f"country {country!r} unknown")
        else:
            if country not in countries:
                err(where, f"country {country!r} not in countries list")
            elif not str(oid).startswith(country.lower() + "-"):
                err(where, f"id must start with {country.lower()}-")
            if clist is not None:
                err(where, "countries is only for tools")
        if not o.get("name"):
            err(where, "name missing")
        if o.get("url") is not None and not URL.match(str(o["url"])):
            err(where, f"url not http(s): {o['url']!r}")
        tz = o.get("timezone")
        if tz is None:
            if not (kind == "tool" and clist == ["all"]):
                err(where, "timezone missing")
        elif not valid_tz(tz):
            err(where, f"timezone {tz!r} is not an IANA zone")
        langs = o.get("languages")
        if not isinstance(langs, list) or not langs:
            err(where, "languages must be a non-empty list")
        else:
            for lang in langs:
                if not LANG.match(str(lang)):
                    err(where, f"language {lang!r} is not ISO 639-1")
        if o.get("languages_basis") not in LANGUAGES_BASIS:
            err(where, f"languages_basis must be one of {sorted(LANGUAGES_BASIS)}")
        ages = o.get("ages")
        if not isinstance(ages, dict) or set(ages) != {"min", "max"}:
            err(where, "ages must be {min, max}")
        else:
            for k in ("min", "max"):
                if ages[k] is not None and (not isinstance(ages[k], int) or not 0 <= ages[k] <= 120):
                    err(where, f"ages.{k} must be an integer or null")
            if isinstance(ages["min"], int) and isinstance(ages["max"], int) and ages["min"] > ages["max"]:
                err(where, "ages.min > ages.max")
        for t in o.get("topics") or []:
            if t not in TOPICS:
                err(where, f"topic {t!r} not allowed")
        if not isinstance(o.get("topics"), list):
            err(where, "topics must be a list")
        aud = o.get("audience")
        if not isinstance(aud, list) or not aud:
            err(where, "audience must be a non-empty list")
        else:
            for a in aud:
                if a not in AUDIENCE:
                    err(where, f"audience {a!r} not allowed")
        for k in ("free", "anonymous"):
            if o.get(k) not in (True, False, None):
                err(where, f"{k} must be true, false or null")
        if not isinstance(o.get("verified"), bool):
            err(where, "verified must be true or false")
        check_sources(where, o.get("source"), o.get("verified"))
        check_unverified_fields(where, o)
        if not isinstance(o.get("checked"), str) or not DATE.match(o["checked"]):
            err(where, "checked must be 'YYYY-MM-DD'")
        else:
            try:
                datetime.date.fromisoformat(o["checked"])
            except ValueError:
                err(where, "checked is not a date")
        for r in o.get("related") or []:
            if r not in all_org_ids:
                err(where, f"related id {r!r} does not exist")

        services = o.get("services")
        if not isinstance(services, list):
            err(where, "services must be a list (may be empty)")
            services = []
        for s in services:
            n_services += 1
            sid = s.get("id")
            swhere = f"service {sid}"
            extra = set(s) - SERVICE_KEYS
            if extra:
                err(swhere, f"unknown keys {sorted(extra)}")
            if not isinstance(sid, str) or not KEBAB.match(sid):
                err(swhere, "id is not kebab-case")
            elif not sid.startswith(str(oid) + "-"):
                err(swhere, f"service id must start with {oid}-")
            if sid in ids:
                err(swhere, "duplicate id")
            ids.add(sid)
            ch = s.get("channel")
            if not ch:
                err(swhere, "service has no channel")
            elif ch not in CHANNELS:
                err(swhere, f"channel {ch!r} not allowed")
            for k in ("phone", "phone_alt"):
                if s.get(k) is not None and (not isinstance(s[k], str) or not PHONE.match(s[k])):
                    err(swhere, f"{k} must be a string, E.164 or a short number: {s.get(k)!r}")
            if s.get("url") is not None and not URL.match(str(s["url"])):
                err(swhere, f"url not http(s): {s['url']!r}")
            if s.get("email") is not None and not EMAIL.match(str(s["email"])):
                err(swhere, f"email looks wrong: {s['email']!r}")
            if ch == "phone" and not s.get("phone"):
                err(swhere, "phone service without phone")
            if ch == "web" and not s.get("url"):
                err(swhere, "web service without url")
            if ch == "email" and not s.get("email"):
                err(swhere, "email service without email")
            if ch == "chat" and not (s.get("url") or s.get("phone") or s.get("handle")):
                err(swhere, "chat service without url, phone or handle")
            if s.get("handle") is not None and not s.get("app"):
                err(swhere, "handle without app")
            if "hours" not in s:
                err(swhere, "hours missing (use null when unknown)")
            check_hours(swhere, s.get("hours"))
            if not isinstance(s.get("verified"), bool):
                err(swhere, "verified must be true or false")
            if s.get("verified") and not o.get("verified"):
                err(swhere, "service verified but its organisation is not")
            check_sources(swhere, s.get("source"), s.get("verified"))
            check_unverified_fields(swhere, s)
            if not s.get("verified"):
                unverified_services += 1

            if ev is not None:
                _, ev_urls, ev_numbers = ev
                uf = set(s.get("unverified_fields") or []) | set(o.get("unverified_fields") or [])
                verified = s.get("verified")
                for k in ("phone", "phone_alt"):
                    if s.get(k) and not phone_in_evidence(s[k], country, ev_numbers):
                        not_in_evidence.append((swhere, k, s[k], verified))
                if s.get("url") and not url_in_evidence(s["url"], ev_urls):
                    not_in_evidence.append((swhere, "url", s["url"], verified and "url" not in uf))
                if s.get("email") and s["email"].lower() not in ev[0]:
                    not_in_evidence.append((swhere, "email", s["email"], verified))
                if s.get("handle") and s["handle"].lower() not in ev[0]:
                    not_in_evidence.append((swhere, "handle", s["handle"], verified))
        if ev is not None and o.get("url") and not url_in_evidence(o["url"], ev[1]):
            uf = set(o.get("unverified_fields") or [])
            not_in_evidence.append((where, "url", o["url"], o.get("verified") and "url" not in uf))

        bucket = country if country else ",".join(clist or ["?"])
        by_country[bucket][kind] += 1
        by_kind[kind] += 1
        if not o.get("verified"):
            unverified_orgs += 1

    for c in countries:
        if c not in by_country:
            err("countries", f"{c} has no organisations")
        elif countries[c].get("eu") and by_country[c]["emergency"] == 0:
            err("countries", f"{c} has no emergency entry")

    for where, field, value, verified in not_in_evidence:
        if verified:
            err(where, f"verified {field} {value!r} not found in the evidence files")
        else:
            warn(where, f"{field} {value!r} not found in the evidence files (entry is unverified)")

    return report(by_country, by_kind, len(orgs), unverified_orgs, n_services, unverified_services)


def report(by_country, by_kind, n_orgs, unverified_orgs, n_services, unverified_services):
    if by_country:
        kinds = KINDS
        short = {"emergency": "emerg", "helpline": "help", "hotline": "hot", "care_centre": "care",
                 "dsc": "dsc", "authority": "auth", "tool": "tool"}
        print("Organisations per country and kind")
        print(f"{'country':<8}" + "".join(f"{short[k]:>6}" for k in kinds) + f"{'total':>7}")
        keys = sorted(by_country, key=lambda c: (c != "all", c))
        for c in keys:
            row = by_country[c]
            print(f"{c:<8}" + "".join(f"{row[k]:>6}" for k in kinds) + f"{sum(row.values()):>7}")
        print(f"{'total':<8}" + "".join(f"{by_kind[k]:>6}" for k in kinds) + f"{sum(by_kind.values()):>7}")
        print()
        print(f"organisations: {n_orgs}, unverified: {unverified_orgs}")
        print(f"services: {n_services}, unverified: {unverified_services}")
    for w in warnings:
        print("WARNING", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
