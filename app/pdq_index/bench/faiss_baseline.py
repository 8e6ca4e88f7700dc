"""The FAISS baselines for `make bench-pdq`, on the data pdq_index_bench wrote (same codes, same
queries): IndexBinaryFlat (brute force) and IndexBinaryMultiHash(256, 16, 16) with nflip=1,
Meta HMA's own setting, both answering exact range searches at radius 31 (16 tables of 16 bits
with one flip each cover every distance up to 31). Two threads, as ours. Prints JSON lines with
queries per second, p99 latency (queries one at a time, for the latency only), bytes per entry
and whether every query found as many entries as the linear scan did.

python3 faiss_baseline.py DIR ENTRIES
"""

import json
import sys
import time

import faiss
import numpy as np

RADIUS = 31
THREADS = 2


def load(directory, name):
    codes = np.fromfile(f"{directory}/{name}-codes.bin", dtype=np.uint8).reshape(-1, 32)
    queries = np.fromfile(f"{directory}/{name}-queries.bin", dtype=np.uint8).reshape(-1, 32)
    with open(f"{directory}/{name}-expected.txt") as f:
        expected = [int(line) for line in f.read().split()]
    return codes, queries, expected


def range_search(index, queries):
    # FAISS answers "distance < radius": radius + 1 for "within 31".
    lims, distances, _ = index.range_search(queries, RADIUS + 1)
    assert distances.size == 0 or distances.max() <= RADIUS
    return np.diff(lims).tolist()


def bench(label, index, codes, queries, expected, name, build_seconds):
    faiss.omp_set_num_threads(THREADS)
    started = time.perf_counter()
    counts = range_search(index, queries)
    wall = time.perf_counter() - started
    # Latency: one query per call, on a sample (the batched call above gives the throughput).
    sample = queries[: min(len(queries), 500)]
    latencies = []
    faiss.omp_set_num_threads(1)
    for q in sample:
        t = time.perf_counter()
        index.range_search(q.reshape(1, 32), RADIUS + 1)
        latencies.append((time.perf_counter() - t) * 1000)
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, len(latencies) * 99 // 100)]
    memory = index_bytes(index, len(codes))
    print(json.dumps({
        "bench": label,
        "data": name,
        "entries": len(codes),
        "queries": len(queries),
        "radius": RADIUS,
        "threads": THREADS,
        "build_s": round(build_seconds, 2),
        "qps": round(len(queries) / wall),
        "p99_ms": round(p99, 3),
        "bytes_per_entry": round(memory / len(codes), 1),
        "recall_100": counts == expected,
    }), flush=True)


def index_bytes(index, n):
    # The serialised index: codes plus (for MultiHash) its hash tables.
    return faiss.serialize_index_binary(index).nbytes


def main():
    directory, n = sys.argv[1], int(sys.argv[2])
    for name in ("uniform", "skewed"):
        codes, queries, expected = load(directory, name)
        assert len(codes) == n
        faiss.omp_set_num_threads(THREADS)

        t = time.perf_counter()
        flat = faiss.IndexBinaryFlat(256)
        flat.add(codes)
        bench("faiss_flat", flat, codes, queries, expected, name, time.perf_counter() - t)
        del flat

        t = time.perf_counter()
        multi = faiss.IndexBinaryMultiHash(256, 16, 16)
        multi.nflip = 1
        multi.add(codes)
        bench("faiss_multihash_16x16_nflip1", multi, codes, queries, expected, name,
              time.perf_counter() - t)
        del multi


if __name__ == "__main__":
    main()
