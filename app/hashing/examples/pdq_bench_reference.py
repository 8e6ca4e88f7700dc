#!/usr/bin/env python3
"""Times Meta's C++ PDQ through the `pdqhash` binding on one image.

    python bench_reference.py [FILE] [RUNS]

Decodes with Pillow to RGB (as pdq_reference.py does), then times
`pdqhash.compute` and `pdqhash.compute_dihedral` (best of RUNS). The
binding's time includes its numpy luma conversion (float64 temporaries);
its C++ core alone is faster still, which only makes our ratio look worse.
"""
import os
import sys
import time

import numpy as np
import pdqhash
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "testdata", "images", "poster_4000x3000.png")


def best(runs, f):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - start)
    return min(times), result


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    t, img = best(3, lambda: Image.open(path).convert("RGB"))
    rgb = np.ascontiguousarray(np.asarray(img))
    print(f"{path}: {rgb.shape[1]}x{rgb.shape[0]}, best of {runs} runs")
    print(f"decode (Pillow)                 {t * 1e3:8.1f} ms")
    t, (bits, quality) = best(runs, lambda: pdqhash.compute(rgb))
    value = 0
    for bit in bits:
        value = (value << 1) | int(bit)
    print(f"pdqhash.compute                 {t * 1e3:8.1f} ms  {value:064x} q{quality}")
    t, _ = best(runs, lambda: pdqhash.compute_dihedral(rgb))
    print(f"pdqhash.compute_dihedral        {t * 1e3:8.1f} ms")
    t, _ = best(runs, lambda: (rgb[:, :, 0] * 0.299 + rgb[:, :, 1] * 0.587 + rgb[:, :, 2] * 0.114).astype("float32"))
    print(f"  of which numpy luma (approx.) {t * 1e3:8.1f} ms")


if __name__ == "__main__":
    main()
