#!/usr/bin/env python3
"""Generate N random patients for `anakinra batch` (fixed seed): mostly valid, some refused,
some invalid. Usage: generate.py N jsonl|csv > file"""
import json
import random
import sys

INDICATIONS = ["caps-mild", "caps-severe", "hereditary-autoinflammatory", "sjia", "other-autoinflammatory"]
INVALID = [
    {"weight": "25lb", "age": "5y", "indication": "sjia"},
    {"weight": "12", "age": "5", "indication": "sjia"},
    {"weight": "-3", "age": "5y", "indication": "sjia"},
    {"weight": "12", "age": "5y", "indication": "jia"},
    {"weight": "10,000", "age": "5y", "indication": "sjia"},
]


# Rough median weight (kg) by completed year of age: random weights around it stay plausible
# for the weight-for-age check (GROWTH-WFA), as a real clinic list would.
MEDIAN_BY_YEAR = [8, 10.5, 12.5, 14.5, 16.5, 18.5, 21, 23, 26, 29, 32, 36, 40, 45, 50, 55, 58, 61]


def plausible_weight(rng, months):
    median = MEDIAN_BY_YEAR[min(months // 12, len(MEDIAN_BY_YEAR) - 1)]
    return round(median * rng.uniform(0.85, 1.2), 2)


def patient(rng, i):
    roll = rng.random()
    if roll < 0.05:
        p = dict(rng.choice(INVALID))
    elif roll < 0.15:  # refused: renal, age, weight, adult
        p = rng.choice([
            (lambda y: {"weight": plausible_weight(rng, y * 12), "age": f"{y}y", "indication": "sjia", "gfr": round(rng.uniform(0, 29.9), 1)})(rng.randint(2, 17)),
            {"weight": round(rng.uniform(6, 8.5), 2), "age": f"{rng.randint(4, 7)}m", "indication": "caps-mild"},
            {"weight": 70, "age": "40y", "indication": "ra", "dialysis": True},
        ])
    elif roll < 0.2:
        p = {"weight": round(rng.uniform(45, 110), 1), "age": f"{rng.randint(18, 80)}y", "indication": "ra", "gfr": rng.randint(30, 120)}
    else:
        months = rng.randint(8, 215)
        p = {"weight": max(10, plausible_weight(rng, months)), "age": f"{months // 12}y{months % 12}m", "indication": rng.choice(INDICATIONS)}
        if rng.random() < 0.7:
            p["gfr"] = rng.randint(30, 140)
    p = {"id": f"P{i:07d}", **p}
    return p


def main():
    n, fmt = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261126)
    out = sys.stdout
    if fmt == "jsonl":
        for i in range(n):
            out.write(json.dumps(patient(rng, i), separators=(",", ":")) + "\n")
    elif fmt == "csv":  # Dutch Excel: `;`, decimal comma, CRLF, BOM
        cols = ["id", "weight", "age", "indication", "gfr", "dialysis"]
        out.write("\ufeff" + ";".join(cols) + "\r\n")
        for i in range(n):
            p = patient(rng, i)
            cells = []
            for c in cols:
                v = p.get(c, "")
                if isinstance(v, bool):
                    v = "ja" if v else "nee"
                cells.append(str(v).replace(".", ","))
            out.write(";".join(cells) + "\r\n")
    else:
        sys.exit(f"unknown format {fmt}")


if __name__ == "__main__":
    main()
