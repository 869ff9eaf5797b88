#!/usr/bin/env python3
"""Draws the app icon's PNG sizes (assets/icons/icon-192.png, icon-512.png) from the same shapes
as assets/icons/icon.svg, with nothing but Python's standard library (4x4 supersampling).

Run it after changing the SVG's shapes here too:  python3 scripts/draw-icons.py
The PNGs are committed, so a build needs no image tools.
"""
import struct
import zlib
from pathlib import Path

TEAL, WHITE, MINT = (0x1D, 0x5C, 0x63), (0xFF, 0xFF, 0xFF), (0x7F, 0xD1, 0xC8)


def colour_at(x, y):
    """The icon's colour at (x, y) in its 512 x 512 design space."""
    if (x - 206) ** 2 + (y - 206) ** 2 <= 48**2 or (x - 312) ** 2 + (y - 218) ** 2 <= 40**2:
        return WHITE
    if y <= 360 and (
        ((x - 206) / 84) ** 2 + ((y - 360) / 100) ** 2 <= 1
        or ((x - 318) / 68) ** 2 + ((y - 360) / 88) ** 2 <= 1
    ):
        return WHITE
    if 374 <= y <= 388:
        # A bar with rounded ends (radius 7) from x 122 to 390.
        cx = min(max(x, 129), 383)
        if (x - cx) ** 2 + (y - 381) ** 2 <= 49:
            return MINT
    return TEAL


def draw(size):
    scale, samples = 512 / size, 4
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            total = [0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    c = colour_at((px + (sx + 0.5) / samples) * scale, (py + (sy + 0.5) / samples) * scale)
                    total = [t + v for t, v in zip(total, c)]
            row += bytes(round(t / samples**2) for t in total)
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "assets" / "icons"
    for size in (192, 512):
        (out / f"icon-{size}.png").write_bytes(draw(size))
        print(f"wrote {out / f'icon-{size}.png'}")
