#!/usr/bin/env python3
"""Times `anakinra batch` against `jq -c .` and one `anakinra dose` against /bin/true, on one
core (taskset -c 0), release build. Prints a table and checks the targets of the batch issue.

    python3 bench/bench.py [--records 1000000] [--runs 5]

Each batch run is paired with a run of `jq -c .` just before it and the ratio is taken per
pair (the median is reported, with every ratio); one `dose` is timed in rounds with /bin/true.
The machine is shared and its load drifts over minutes: a ratio of two runs far apart in time
measures the drift as much as the program.

It builds two release binaries: the default (dynamically linked, what `cargo build --release`
gives) and a static one (glibc static, no PIE: no dynamic loader at start-up), and reports the
start-up of both; the batch figures are the static binary's.

Needs: cargo, jq, taskset, GNU time. Nothing here runs in CI: these machines are shared and
noisy, so the figures are for people, not for a pass/fail test."""
import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRIPLE = "x86_64-unknown-linux-gnu"
DYNAMIC = os.path.join(ROOT, "target", "release", "anakinra")
STATIC_DIR = os.path.join(ROOT, "target", "static")
BIN = os.path.join(STATIC_DIR, TRIPLE, "release", "anakinra")
STATIC_FLAGS = "-C target-feature=+crt-static -C relocation-model=static"


def build():
    subprocess.run(["cargo", "build", "--release", "--locked"], cwd=ROOT, check=True)
    env = dict(os.environ, RUSTFLAGS=STATIC_FLAGS)
    subprocess.run(["cargo", "build", "--release", "--locked", "--target", TRIPLE, "--target-dir", STATIC_DIR],
                   cwd=ROOT, env=env, check=True)


def run(cmd, stdin_path=None):
    """Wall time and peak RSS (KiB, from GNU time: a fork of this Python process would report
    Python's own size) of one run, output to /dev/null."""
    with tempfile.NamedTemporaryFile("r") as rss_file, open(os.devnull, "wb") as devnull:
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        start = time.perf_counter()
        proc = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", rss_file.name, "taskset", "-c", "0", *cmd],
            stdin=stdin, stdout=devnull, stderr=devnull,
        )
        wall = time.perf_counter() - start
        if stdin_path:
            stdin.close()
        rss = int(rss_file.read().strip().splitlines()[-1])
    return wall, rss, proc.returncode


def start_time(cmd, n):
    """Mean wall time of one run in a shell loop of `n` runs (as a script runs it): the loop's
    fork and exec are the process-start floor that /bin/true measures too."""
    quoted = " ".join(shlex.quote(c) for c in cmd)
    start = time.perf_counter()
    subprocess.run(["bash", "-c", f"for i in $(seq {n}); do {quoted} >/dev/null; done"], check=True)
    return (time.perf_counter() - start) / n


def median_run(cmd, runs, stdin_path=None):
    results = [run(cmd, stdin_path) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results), results[0][2]


def generate(n, fmt, path):
    with open(path, "w", encoding="utf-8", newline="") as out:
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), str(n), fmt], stdout=out, check=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--dose-runs", type=int, default=200)
    args = ap.parse_args()
    build()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        big_jsonl, big_csv = os.path.join(tmp, "big.jsonl"), os.path.join(tmp, "big.csv")
        small_jsonl = os.path.join(tmp, "small.jsonl")
        generate(args.records, "jsonl", big_jsonl)
        generate(args.records, "csv", big_csv)
        generate(args.records // 10, "jsonl", small_jsonl)

        jq_cmd = ["jq", "-c", "."]
        rows = [
            ("batch jsonl -> jsonl (brief)", [BIN, "batch", "--input", "jsonl"], big_jsonl),
            ("batch csv -> csv", [BIN, "batch", "--input", "csv", "--format", "csv"], big_csv),
            ("batch jsonl -> jsonl (full)", [BIN, "batch", "--detail", "full"], big_jsonl),
        ]
        # Each run of anakinra is paired with a run of jq just before it, and the ratio taken
        # per pair: the machine is shared, and its load drifts over minutes.
        print(f"{'command':32} {'wall s':>8} {'jq s':>6} {'x jq':>6} {'records/s':>12} {'peak MiB':>9}")
        jq_walls = []
        for name, cmd, path in rows:
            pairs = [(run(jq_cmd, big_jsonl), run(cmd, path)) for _ in range(args.runs)]
            jq_walls += [j[0] for j, _ in pairs]
            jq = statistics.median(j[0] for j, _ in pairs)
            wall = statistics.median(b[0] for _, b in pairs)
            ratios = sorted(b[0] / j[0] for j, b in pairs)
            ratio = statistics.median(ratios)
            rss = max(b[1] for _, b in pairs)
            print(f"{name:32} {wall:8.2f} {jq:6.2f} {ratio:6.2f} {args.records / wall:12,.0f} {rss / 1024:9.1f}"
                  f"   (ratios {', '.join(f'{r:.2f}' for r in ratios)})")
            if "full" not in name:
                ok &= ratio <= 0.3 and rss / 1024 <= 16
        jq = statistics.median(jq_walls)
        print(f"jq -c . over {args.records:,} JSON lines: median {jq:.2f} s ({args.records / jq:,.0f} lines/s)")
        _, rss_small, _ = median_run([BIN, "batch"], 1, small_jsonl)
        _, rss_big, _ = median_run([BIN, "batch"], 1, big_jsonl)
        print(f"peak memory, batch brief: {rss_small / 1024:.1f} MiB at {args.records // 10:,} records, "
              f"{rss_big / 1024:.1f} MiB at {args.records:,}")
        ok &= rss_big <= rss_small * 1.1 + 256

        dose = ["dose", "--weight", "30", "--age", "8y", "--indication", "sjia", "--gfr", "95"]
        # Five rounds, each timing /bin/true and then both builds; ratios per round.
        rounds = [
            (start_time(["/bin/true"], args.dose_runs),
             start_time([BIN, *dose], args.dose_runs),
             start_time([DYNAMIC, *dose], args.dose_runs))
            for _ in range(5)
        ]
        true_wall = statistics.median(r[0] for r in rounds)
        for name, at in [("static", 1), ("dynamic", 2)]:
            wall = statistics.median(r[at] for r in rounds)
            ratio = statistics.median(r[at] / r[0] for r in rounds)
            print(f"one dose ({name}): {wall * 1000:.2f} ms; /bin/true {true_wall * 1000:.2f} ms; "
                  f"ratio {ratio:.2f} (target <= 1.5)")
            if name == "static":
                ok &= ratio <= 1.5
    print("targets met" if ok else "TARGETS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
