#!/usr/bin/env python3
"""bench/run.py - speed and memory of kgbuild on real or synthetic news.

  bench/run.py [--kgbuild PATH] [--corpus reuters|orangesum|synthetic|DIR]... [--limit N]

For each corpus it prints MB/s, articles/s, triples/s and peak RSS for kgbuild end to
end (all articles of the corpus in one run, N-Triples to a file), and as floors the same
figures for `cat` over the same files and for Raptor alone writing the same triples
(`rapper -i ntriples -o nquads` on kgbuild's own output). Then start-up: kgbuild on one
small article against rapper on an empty file (median of 11 runs).

Corpora are unpacked from ../shared/corpora into a temporary folder outside the project
(never into the source tree). `synthetic` generates articles from templates.
Nothing here asserts: the figures are for people to read and compare.
"""
import argparse, os, random, resource, shutil, statistics, subprocess, sys, tarfile, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(TOP), "shared", "corpora")
CORPORA = {"reuters": "reuters21578-en.tar.gz", "orangesum": "orangesum-fr.tar.gz"}


def run(cmd, stdout=subprocess.DEVNULL):
    """Run cmd; return (wall seconds, peak RSS in MiB of that child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd)} failed ({status})")
    return dt, ru.ru_maxrss / 1024.0


def unpack(name, work):
    tgz = os.path.join(SHARED, CORPORA[name])
    if not os.path.exists(tgz):
        sys.exit(f"bench: {tgz} not found")
    dest = os.path.join(work, name)
    if not os.path.isdir(dest):
        with tarfile.open(tgz) as t:
            t.extractall(dest)
    return dest


def synthetic(work, n=5000, seed=7):
    rnd = random.Random(seed)
    dest = os.path.join(work, "synthetic")
    if os.path.isdir(dest):
        return dest
    os.makedirs(dest)
    firms = ["Zorbex", "Quintal Systems", "Velmore", "Draxil", "Nuvalis", "Korvant Capital",
             "Brightwell Partners", "Ostrava Holdings", "Lumeo", "Tessaract Ventures"]
    en = ["{a} Inc. agreed to buy {b} for ${m} billion, the companies said on {d}.",
          "{a} invested ${m} million in {b}, according to people familiar with the matter.",
          "{b}, based in Austin, Texas, is a subsidiary of {a}.",
          "{a} holds a {p}% stake in {b}."]
    fr = ["La société {a} a racheté {b} pour {m} milliards d'euros.",
          "{a} détiendrait une participation de {p} % dans {b}, selon des sources.",
          "Le groupe {a} investit {m} millions d'euros dans {b}."]
    for i in range(n):
        tpl = en if i % 2 == 0 else fr
        sents = []
        for _ in range(rnd.randint(5, 25)):
            a, b = rnd.sample(firms, 2)
            sents.append(rnd.choice(tpl).format(a=a, b=b, m=rnd.randint(1, 90), p=rnd.randint(1, 99),
                                                d="Monday"))
        with open(os.path.join(dest, f"{i:05d}.txt"), "w") as f:
            f.write(" ".join(sents) + "\n")
    return dest


def files_of(d, limit):
    out = []
    for root, _, names in os.walk(d):
        out += [os.path.join(root, n) for n in names if n.endswith((".txt", ".html", ".htm"))]
    out.sort()
    return out[:limit] if limit else out


def fmt(label, secs, mb, arts, triples, rss):
    tps = f"{triples / secs:12.0f}" if triples else f"{'-':>12}"
    print(f"  {label:<22} {secs:8.2f} s {mb / secs:9.2f} MB/s {arts / secs:10.0f} art/s "
          f"{tps} triples/s {rss:8.1f} MiB peak RSS")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kgbuild", default=os.path.join(TOP, "_build", "release", "src", "kgbuild"))
    ap.add_argument("--corpus", action="append")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "kgbuild-bench"))
    args = ap.parse_args()
    corpora = args.corpus or ["reuters", "orangesum", "synthetic"]
    kg = os.path.abspath(args.kgbuild)
    if not os.access(kg, os.X_OK):
        sys.exit(f"bench: {kg} is not executable (build first, or pass --kgbuild)")
    rapper = shutil.which("rapper")
    os.makedirs(args.work, exist_ok=True)
    env_dir = os.environ.get("KGBUILD_DATA_DIR") or os.path.join(TOP, "ontology")
    os.environ["KGBUILD_DATA_DIR"] = env_dir

    for c in corpora:
        d = unpack(c, args.work) if c in CORPORA else synthetic(args.work) if c == "synthetic" else c
        files = files_of(d, args.limit)
        mb = sum(os.path.getsize(f) for f in files) / 1e6
        listfile = os.path.join(args.work, f"{os.path.basename(d)}.list")
        nt = os.path.join(args.work, f"{os.path.basename(d)}.nt")
        print(f"{c}: {len(files)} articles, {mb:.1f} MB")
        # the file list goes through xargs-free argv chunks: kgbuild takes many paths at once
        chunks = [files[i:i + 2000] for i in range(0, len(files), 2000)]
        total_t, peak = 0.0, 0.0
        with open(nt, "wb") as out:
            for ch in chunks:
                t, r = run([kg, "-q", "-f", "ntriples"] + ch, stdout=out)
                total_t += t
                peak = max(peak, r)
        with open(nt, "rb") as f:
            triples = sum(1 for _ in f)
        fmt("kgbuild", total_t, mb, len(files), triples, peak)
        ct, cpk = 0.0, 0.0
        for ch in chunks:
            t, r = run(["cat"] + ch)
            ct += t
            cpk = max(cpk, r)
        fmt("cat (floor)", ct, mb, len(files), 0, cpk)
        if rapper:
            t, r = run([rapper, "-q", "-i", "ntriples", "-o", "nquads", nt, "https://w3id.org/kgbuild/base/"])
            fmt("rapper writing (floor)", t, mb, len(files), triples, r)
            print(f"  kgbuild / rapper time: {total_t / t:.2f}x")

    small = os.path.join(TOP, "examples", "microsoft-openai-2023-01.fr.txt")
    empty = os.path.join(args.work, "empty.nt")
    open(empty, "w").close()
    k = statistics.median(run([kg, "-q", small])[0] for _ in range(11))
    print(f"start-up: kgbuild on one article {k * 1000:.1f} ms", end="")
    if rapper:
        r = statistics.median(run([rapper, "-q", "-i", "ntriples", empty, "https://x/"])[0] for _ in range(11))
        print(f", rapper on an empty file {r * 1000:.1f} ms, ratio {k / r:.1f}x")
    else:
        print()


if __name__ == "__main__":
    main()
