#!/usr/bin/env python3
"""(Re)generates the PDQ agreement test set and its reference hashes.

Usage (Python 3.11):
    pip install pdqhash==0.2.8 pillow==13.0.0 numpy==2.4.6
    python generate.py                    # committed set: images/ + reference.jsonl
    python generate.py --large            # also large/ (4000x3000 etc. in every format; not committed)
    python generate.py --threatexchange DIR
        # DIR is a ThreatExchange checkout: copies the few small pdq/data files
        # listed in threatexchange/expected.json and adds their reference lines.

Every image is generated from fixed seeds (no photographs), so a rerun gives
the same pixels; encoders may differ across Pillow versions, which is why
the reference hashes are recomputed from the files actually written.

Reference hashes come from /work/shared/tools/pdq_reference.py (override with
PDQ_REFERENCE=path), i.e. Meta's C++ PDQ through the `pdqhash` binding on
Pillow-decoded RGB pixels. Each line of reference.jsonl is its output plus:
    file      path relative to this directory
    kind      which generator drew it
    format    png | jpeg | webp
    lossless  true when any correct decoder yields the same pixels (PNG,
              lossless WebP): the Rust hash must then match exactly
    jpeg_quality / webp_quality   encoder quality, or null
"""
import argparse
import importlib.util
import json
import os
import shutil
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE_TOOL = os.environ.get("PDQ_REFERENCE", "/work/shared/tools/pdq_reference.py")

JPEG_QUALITIES = (50, 80, 95)
WEBP_LOSSY_QUALITY = 80


def load_reference_tool():
    spec = importlib.util.spec_from_file_location("pdq_reference", REFERENCE_TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- drawings


def gradient(w, h, seed):
    x = np.linspace(0.0, 1.0, w)[None, :]
    y = np.linspace(0.0, 1.0, h)[:, None]
    r = 255 * x * np.ones_like(y)
    g = 255 * y * np.ones_like(x)
    b = 255 * (0.5 + 0.5 * np.sin(3.0 * x + 2.0 * y + seed))
    return Image.fromarray(np.stack([r, g, b], axis=2).round().astype(np.uint8), "RGB")


def radial(w, h, seed):
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    cx, cy = w * 0.4, h * 0.6
    d = np.hypot(xx - cx, yy - cy) / max(w, h)
    r = 127.5 + 127.5 * np.cos(12.0 * d + seed)
    g = 255 * np.clip(1.0 - d, 0, 1)
    b = 127.5 + 127.5 * np.sin(np.arctan2(yy - cy, xx - cx) * 3)
    return Image.fromarray(np.stack([r, g, b], axis=2).round().astype(np.uint8), "RGB")


def shapes(w, h, seed, base=None):
    rng = np.random.default_rng(seed)
    img = base.copy() if base is not None else Image.new("RGB", (w, h), tuple(int(v) for v in rng.integers(0, 256, 3)))
    draw = ImageDraw.Draw(img)
    for _ in range(int(rng.integers(8, 20))):
        colour = tuple(int(v) for v in rng.integers(0, 256, 3))
        x0, x1 = sorted(rng.integers(-w // 8, w + w // 8, 2))
        y0, y1 = sorted(rng.integers(-h // 8, h + h // 8, 2))
        kind = rng.integers(0, 3)
        if kind == 0:
            draw.ellipse([x0, y0, x1 + 1, y1 + 1], fill=colour)
        elif kind == 1:
            draw.rectangle([x0, y0, x1, y1], fill=colour)
        else:
            points = [(int(rng.integers(0, w)), int(rng.integers(0, h))) for _ in range(3)]
            draw.polygon(points, fill=colour)
    return img


def text(w, h, seed, base=None):
    rng = np.random.default_rng(seed)
    img = base.copy() if base is not None else Image.new("RGB", (w, h), (250, 248, 240))
    draw = ImageDraw.Draw(img)
    size = max(8, h // 12)
    font = ImageFont.load_default(size=size)
    words = "report hash image device private safe lorem ipsum PDQ 0123456789".split()
    y = int(size * 0.3)
    while y < h:
        line = " ".join(words[int(i)] for i in rng.integers(0, len(words), 8))
        colour = tuple(int(v) for v in rng.integers(0, 120, 3))
        draw.text((int(rng.integers(0, max(1, w // 10))), y), line, fill=colour, font=font)
        y += int(size * 1.4)
    return img


def noise(w, h, seed):
    rng = np.random.default_rng(seed)
    return Image.fromarray(rng.integers(0, 256, (h, w, 3), dtype=np.uint8), "RGB")


def blobs(w, h, seed):
    """Smooth random field: coarse noise enlarged bicubically."""
    rng = np.random.default_rng(seed)
    coarse = Image.fromarray(rng.integers(0, 256, (9, 12, 3), dtype=np.uint8), "RGB")
    return coarse.resize((w, h), Image.BICUBIC)


def checker(w, h, seed):
    yy, xx = np.mgrid[0:h, 0:w]
    cell = max(2, min(w, h) // (6 + seed))
    v = (((xx // cell) + (yy // cell)) % 2 * 255).astype(np.uint8)
    return Image.fromarray(np.stack([v, 255 - v, v // 2], axis=2), "RGB")


def mixture(w, h, seed):
    img = shapes(w, h, seed, base=gradient(w, h, seed))
    img = text(w, h, seed + 1, base=img)
    rng = np.random.default_rng(seed + 2)
    arr = np.asarray(img).astype(np.int16) + rng.integers(-4, 5, (h, w, 3))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")


def poster(w, h, seed):
    """Large yet small on disk: flat shapes and text on a flat background,
    so PNG's row filters leave little to store."""
    return text(w, h, seed + 1, base=shapes(w, h, seed))


# name, drawing, width, height, formats ("all" or "png")
COMMITTED = [
    ("noise", noise, 4, 4, "png"),
    ("noise", noise, 5, 7, "png"),
    ("shapes", shapes, 64, 64, "all"),
    ("noise", noise, 64, 64, "all"),
    ("mixture", mixture, 100, 80, "all"),
    ("blobs", blobs, 127, 65, "all"),
    ("checker", checker, 128, 128, "all"),
    ("noise", noise, 150, 100, "png"),
    ("shapes", shapes, 257, 129, "all"),
    ("text", text, 320, 240, "all"),
    ("radial", radial, 333, 500, "all"),
    ("mixture", mixture, 320, 240, "all"),
    ("blobs", blobs, 1000, 37, "all"),
    ("shapes", shapes, 1023, 767, "all"),
    ("gradient", gradient, 1024, 1024, "all"),
    ("text", text, 767, 1023, "png"),
    ("shapes", shapes, 2000, 1500, "png"),
    ("poster", poster, 4000, 3000, "png"),
]

LARGE = [
    ("poster", poster, 4000, 3000, "all"),
    ("poster", poster, 3000, 4000, "all"),
    ("mixture", mixture, 1023, 767, "all"),
    ("mixture", mixture, 4000, 3000, "all"),
    ("mixture", mixture, 2999, 2001, "all"),
    ("noise", noise, 1500, 1000, "all"),
    ("blobs", blobs, 4032, 3024, "all"),
]


def mode_variants(out_dir):
    """Pillow modes other than RGB that a PNG commonly holds."""
    base = text(301, 203, 12, base=shapes(301, 203, 11))
    grey = base.convert("L")
    rgba = base.convert("RGBA")
    alpha = Image.linear_gradient("L").resize(base.size)
    rgba.putalpha(alpha)
    palette = base.convert("P", palette=Image.ADAPTIVE, colors=64)
    written = []
    for name, img in (("mode_l", grey), ("mode_rgba", rgba), ("mode_p", palette)):
        path = os.path.join(out_dir, f"{name}_301x203.png")
        img.save(path, optimize=True)
        written.append((path, name, "png", True, None, None))
    path = os.path.join(out_dir, "mode_l_301x203_q90.jpg")
    grey.save(path, quality=90)
    written.append((path, "mode_l", "jpeg", False, 90, None))
    return written


def write_formats(img, stem, formats):
    written = [(f"{stem}.png", "png", True, None, None)]
    img.save(f"{stem}.png", optimize=True)
    if formats == "all":
        for q in JPEG_QUALITIES:
            img.save(f"{stem}_q{q}.jpg", quality=q)
            written.append((f"{stem}_q{q}.jpg", "jpeg", False, q, None))
        img.save(f"{stem}_lossless.webp", lossless=True)
        written.append((f"{stem}_lossless.webp", "webp", True, None, None))
        img.save(f"{stem}_q{WEBP_LOSSY_QUALITY}.webp", quality=WEBP_LOSSY_QUALITY)
        written.append((f"{stem}_q{WEBP_LOSSY_QUALITY}.webp", "webp", False, None, WEBP_LOSSY_QUALITY))
    return written


def build(entries, out_dir, reference, with_modes):
    os.makedirs(out_dir, exist_ok=True)
    files = []
    for seed, (kind, draw, w, h, formats) in enumerate(entries):
        img = draw(w, h, seed)
        assert img.size == (w, h) and img.mode == "RGB", (kind, img.size, img.mode)
        stem = os.path.join(out_dir, f"{kind}_{w}x{h}")
        for path, fmt, lossless, jq, wq in write_formats(img, stem, formats):
            files.append((path, kind, fmt, lossless, jq, wq))
    if with_modes:
        files.extend(mode_variants(out_dir))
    lines = []
    for path, kind, fmt, lossless, jq, wq in files:
        entry = reference.describe(path, True)
        entry["file"] = os.path.relpath(path, HERE)
        entry.update(kind=kind, format=fmt, lossless=lossless, jpeg_quality=jq, webp_quality=wq)
        lines.append(entry)
    return lines


def threatexchange_lines(checkout, reference):
    expected_path = os.path.join(HERE, "threatexchange", "expected.json")
    with open(expected_path) as f:
        expected = json.load(f)
    lines = []
    for item in expected["files"]:
        source = os.path.join(checkout, "pdq", "data", item["source"])
        target = os.path.join(HERE, "threatexchange", os.path.basename(item["source"]))
        shutil.copyfile(source, target)
        entry = reference.describe(target, True)
        entry["file"] = os.path.relpath(target, HERE)
        entry.update(kind="threatexchange", format="jpeg", lossless=False, jpeg_quality=None, webp_quality=None)
        lines.append(entry)
    return lines


def write_jsonl(path, lines):
    with open(path, "w") as f:
        for line in lines:
            f.write(json.dumps(line, sort_keys=True) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--large", action="store_true", help="also write large/ (not committed)")
    parser.add_argument("--threatexchange", metavar="DIR", help="ThreatExchange checkout to copy pdq/data files from")
    args = parser.parse_args()
    reference = load_reference_tool()

    lines = build(COMMITTED, os.path.join(HERE, "images"), reference, with_modes=True)
    write_jsonl(os.path.join(HERE, "reference.jsonl"), lines)
    print(f"reference.jsonl: {len(lines)} files", file=sys.stderr)

    if args.threatexchange:
        te = threatexchange_lines(args.threatexchange, reference)
        write_jsonl(os.path.join(HERE, "threatexchange", "reference.jsonl"), te)
        print(f"threatexchange/reference.jsonl: {len(te)} files", file=sys.stderr)

    if args.large:
        large = build(LARGE, os.path.join(HERE, "large"), reference, with_modes=False)
        write_jsonl(os.path.join(HERE, "large", "reference.jsonl"), large)
        print(f"large/reference.jsonl: {len(large)} files", file=sys.stderr)


if __name__ == "__main__":
    main()
