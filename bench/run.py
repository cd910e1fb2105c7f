#!/usr/bin/env python3
"""bench/run.py - speed and memory of kgbuild on real or synthetic news.

  bench/run.py [--kgbuild PATH] [--corpus reuters|orangesum|synthetic|DIR]... [--limit N]

For each corpus it prints MB/s, articles/s, triples/s, peak RSS and CPU seconds for kgbuild end to
end (all articles of the corpus in one run, N-Triples to a file), and as floors the same
figures for `cat` over the same files and for Raptor alone writing the same triples
(`rapper -i ntriples -o nquads` on kgbuild's own output). Then start-up: kgbuild on one
small article against rapper on an empty file (median of 11 runs).

Corpora are unpacked from ../shared/corpora (or $KGBUILD_CORPORA) into a temporary folder
outside the project (never into the source tree). `synthetic` generates articles from templates.
Nothing here asserts: the figures are for people to read and compare.
"""
import argparse, os, random, shutil, statistics, subprocess, sys, tarfile, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
SHARED = os.environ.get("KGBUILD_CORPORA") or os.path.join(os.path.dirname(TOP), "shared", "corpora")
CORPORA = {"reuters": "reuters21578-en.tar.gz", "orangesum": "orangesum-fr.tar.gz"}


# A child forked from this Python process starts with its peak RSS (Linux keeps the
# high-water mark across exec), so wait4() would never report less than Python's own
# ~20 MiB. GNU time forks the command from a small process and reports its own figure.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run(cmd, stdout=subprocess.DEVNULL, rss=True):
    """Run cmd; return (wall seconds, peak RSS in MiB of that child or None, CPU seconds)."""
    rssfile = None
    if rss and GNU_TIME:
        fd, rssfile = tempfile.mkstemp(prefix="bench-rss-")
        os.close(fd)
        cmd = [GNU_TIME, "-f", "%M", "-o", rssfile] + cmd
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        shown = " ".join(cmd[:8]) + (" ..." if len(cmd) > 8 else "")
        sys.exit(f"bench: {shown} failed (exit status {os.waitstatus_to_exitcode(status)})")
    peak = ru.ru_maxrss / 1024.0 if rss else None
    cpu = ru.ru_utime + ru.ru_stime  # the command's too, when GNU time ran it
    if rssfile:
        with open(rssfile) as f:
            lines = f.read().split()
        os.unlink(rssfile)
        peak = int(lines[-1]) / 1024.0 if lines and lines[-1].isdigit() else peak
    return dt, peak, cpu


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


def fmt(label, secs, mb, arts, triples, rss, cpu):
    tps = f"{triples / secs:12.0f}" if triples else f"{'-':>12}"
    print(f"  {label:<22} {secs:8.2f} s {mb / secs:9.2f} MB/s {arts / secs:10.0f} art/s "
          f"{tps} triples/s {rss:8.1f} MiB peak RSS {cpu:8.2f} s CPU")


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
        # argv chunks of 2,000 paths; kgbuild takes the whole corpus as one folder, as a user
        # would run it (one process), unless --limit picks a subset
        chunks = [files[i:i + 2000] for i in range(0, len(files), 2000)]
        kg_chunks = [[d]] if not args.limit else chunks
        total_t, peak, total_cpu = 0.0, 0.0, 0.0
        with open(nt, "wb") as out:
            for ch in kg_chunks:
                t, r, c = run([kg, "-q", "-f", "ntriples"] + ch, stdout=out)
                total_t += t
                total_cpu += c
                peak = max(peak, r)
        with open(nt, "rb") as f:
            triples = sum(1 for _ in f)
        fmt("kgbuild", total_t, mb, len(files), triples, peak, total_cpu)
        ct, cpk, ccpu = 0.0, 0.0, 0.0
        for ch in chunks:
            t, r, c = run(["cat"] + ch)
            ct += t
            ccpu += c
            cpk = max(cpk, r)
        fmt("cat (floor)", ct, mb, len(files), 0, cpk, ccpu)
        if rapper:
            t, r, c = run([rapper, "-q", "-i", "ntriples", "-o", "nquads", nt, "https://w3id.org/kgbuild/base/"])
            fmt("rapper writing (floor)", t, mb, len(files), triples, r, c)
            # CPU time is the steadier figure on a shared machine
            print(f"  kgbuild / rapper time: {total_t / t:.2f}x (CPU {total_cpu / max(c, 1e-3):.2f}x)")

    small = os.path.join(TOP, "examples", "microsoft-openai-2023-01.fr.txt")
    empty = os.path.join(args.work, "empty.nt")
    open(empty, "w").close()
    # no GNU time here: its fork and exec would count in milliseconds; the two commands take
    # turns, so a change in the machine's load during the runs weighs on both alike
    ks, rs = [], []
    for _ in range(21):
        ks.append(run([kg, "-q", small], rss=False)[0])
        if rapper:
            rs.append(run([rapper, "-q", "-i", "ntriples", empty, "https://x/"], rss=False)[0])
    k = statistics.median(ks)
    print(f"start-up: kgbuild on one article {k * 1000:.1f} ms", end="")
    if rapper:
        r = statistics.median(rs)
        print(f", rapper on an empty file {r * 1000:.1f} ms, ratio {k / r:.1f}x (medians of 21 runs, taking turns)")
    else:
        print()


if __name__ == "__main__":
    main()
