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


def patient(rng, i):
    roll = rng.random()
    if roll < 0.05:
        p = dict(rng.choice(INVALID))
    elif roll < 0.15:  # refused: renal, age, weight, adult
        p = rng.choice([
            {"weight": round(rng.uniform(10, 60), 2), "age": f"{rng.randint(1, 17)}y", "indication": "sjia", "gfr": round(rng.uniform(0, 29.9), 1)},
            {"weight": round(rng.uniform(5, 9.99), 2), "age": f"{rng.randint(3, 7)}m", "indication": "caps-mild"},
            {"weight": 70, "age": "40y", "indication": "ra", "dialysis": True},
        ])
    elif roll < 0.2:
        p = {"weight": round(rng.uniform(45, 110), 1), "age": f"{rng.randint(18, 80)}y", "indication": "ra", "gfr": rng.randint(30, 120)}
    else:
        months = rng.randint(8, 215)
        p = {"weight": round(rng.uniform(10, 80), 2), "age": f"{months // 12}y{months % 12}m", "indication": rng.choice(INDICATIONS)}
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
