#!/usr/bin/env python3
"""Pictures made here, none downloaded.

  make_pictures.py sample CONTENT_DIR   the sample site's illustrations (flat drawings, SVG → JPEG)
  make_pictures.py photos N DIR [W H]   N photo-like JPEGs for the bench (default 3000×2000)

Drawings are SVG written below and rasterised with rsvg-convert, then saved as JPEG by vips, so the
sample site's pictures go through the same pipeline as an editor's photos. No people, no real places.
"""
import os
import random
import subprocess
import sys
import tempfile

W, H = 2400, 1600

# The programme's palette: the theme's brand colours and a few muted companions.
INK, TEAL, SUN, ROSE, SKY, LEAF, SAND = "#1d3557", "#2a7f84", "#f2b33d", "#d95d67", "#a8d5e2", "#5c9e5a", "#f4e9d8"


def frame(body, sky=SKY, ground=SAND):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">'
            f'<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">'
            f'<stop offset="0" stop-color="{sky}"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>'
            f'<rect width="{W}" height="{H}" fill="url(#sky)"/>'
            f'<rect y="{H*0.72:.0f}" width="{W}" height="{H*0.28:.0f}" fill="{ground}"/>{body}</svg>')


def hills(seed, colour=LEAF, base=0.72):
    rnd = random.Random(seed)
    points = [(0, H)]
    for i in range(0, 13):
        points.append((i * W / 12, H * base - rnd.randint(40, 260)))
    points.append((W, H))
    return f'<polygon fill="{colour}" opacity="0.85" points="{" ".join(f"{x:.0f},{y:.0f}" for x, y in points)}"/>'


def trees(seed, count=14, y=0.74):
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        x = rnd.randint(40, W - 40)
        h = rnd.randint(160, 340)
        top = H * y - h
        out.append(f'<rect x="{x-8}" y="{H*y-40:.0f}" width="16" height="60" fill="#6b4f3a"/>'
                   f'<polygon fill="#2f6b45" points="{x},{top:.0f} {x-h//3},{H*y-30:.0f} {x+h//3},{H*y-30:.0f}"/>')
    return "".join(out)


def library():
    shelves = []
    colours = [TEAL, SUN, ROSE, INK, LEAF, "#8e6fb5"]
    rnd = random.Random(3)
    for row in range(4):
        y = 260 + row * 280
        shelves.append(f'<rect x="300" y="{y+230}" width="1800" height="24" fill="#7a5a3a"/>')
        x = 320
        while x < 2060:
            w = rnd.randint(40, 90)
            h = rnd.randint(150, 225)
            shelves.append(f'<rect x="{x}" y="{y+230-h}" width="{w}" height="{h}" rx="6" fill="{rnd.choice(colours)}"/>')
            x += w + rnd.randint(4, 14)
    return frame(f'<rect x="260" y="180" width="1880" height="1180" fill="#fff8ec" stroke="#7a5a3a" stroke-width="18"/>'
                 + "".join(shelves), sky="#f6d9a8", ground="#c9a77c")


def cinema():
    seats = "".join(
        f'<rect x="{x}" y="{y}" width="120" height="110" rx="26" fill="{ROSE}"/>'
        for y in (1060, 1230, 1400) for x in range(160, 2240, 170))
    return frame(f'<clipPath id="screen"><rect x="360" y="180" width="1680" height="760" rx="20"/></clipPath>'
                 f'<rect x="360" y="180" width="1680" height="760" rx="20" fill="#fdfbf4"/>'
                 f'<g clip-path="url(#screen)"><circle cx="1200" cy="560" r="220" fill="{SUN}"/>{hills(5, TEAL, 0.55)}</g>'
                 f'{seats}', sky="#2b2d42", ground="#2b2d42")


def path():
    stones = "".join(
        f'<ellipse cx="{300 + i*170 + (i % 2)*40}" cy="{1500 - i*62}" rx="{110 - i*5}" ry="{40 - i*1.5:.0f}" fill="#e8dcc4" stroke="#b89f7a" stroke-width="6"/>'
        for i in range(12))
    flags = "".join(
        f'<line x1="{x}" y1="{y}" x2="{x}" y2="{y-260}" stroke="{INK}" stroke-width="10"/>'
        f'<polygon fill="{c}" points="{x},{y-260} {x+150},{y-215} {x},{y-170}"/>'
        for x, y, c in ((700, 1280, SUN), (1300, 1080, ROSE), (1900, 920, TEAL)))
    return frame(hills(11) + trees(12, 10) + stones + flags)


def village():
    houses = []
    rnd = random.Random(7)
    for i, x in enumerate(range(240, 2200, 330)):
        w, h = 220, rnd.randint(170, 260)
        y = 1180 - h
        colour = [ROSE, SUN, "#fdfbf4", TEAL][i % 4]
        houses.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{colour}" stroke="{INK}" stroke-width="6"/>'
                      f'<polygon fill="{INK}" points="{x-20},{y} {x+w/2:.0f},{y-130} {x+w+20},{y}"/>'
                      f'<rect x="{x+80}" y="{y+h-110}" width="60" height="110" fill="{INK}"/>')
    lake = f'<ellipse cx="1200" cy="1420" rx="1000" ry="140" fill="#5fa8c9"/>'
    return frame(hills(21, "#88b77a", 0.66) + trees(22, 8, 0.7) + "".join(houses) + lake)


def coffee():
    steam = "".join(
        f'<path d="M{x} 700 C {x-60} 600, {x+60} 520, {x} 420" stroke="#ffffff" stroke-width="22" fill="none" stroke-linecap="round" opacity="0.8"/>'
        for x in (1080, 1200, 1320))
    return frame(f'<rect x="0" y="1050" width="{W}" height="550" fill="#b07d55"/>'
                 f'<ellipse cx="1200" cy="1240" rx="520" ry="90" fill="#f4efe6"/>'
                 f'<path d="M860 760 h680 v300 a200 200 0 0 1 -200 200 h-280 a200 200 0 0 1 -200 -200 z" fill="{TEAL}"/>'
                 f'<path d="M1540 840 a110 110 0 0 1 0 220" stroke="{TEAL}" stroke-width="50" fill="none"/>'
                 f'<ellipse cx="1200" cy="760" rx="340" ry="46" fill="#5b3a24"/>{steam}'
                 f'<circle cx="1950" cy="330" r="150" fill="{SUN}"/>', sky="#ffe3b3", ground="#b07d55")


def webinar():
    tiles = "".join(
        f'<rect x="{740 + c*330}" y="{420 + r*220}" width="300" height="190" rx="14" fill="{col}"/>'
        f'<circle cx="{890 + c*330}" cy="{495 + r*220}" r="42" fill="#fdfbf4" opacity="0.9"/>'
        f'<rect x="{830 + c*330}" y="{545 + r*220}" width="120" height="40" rx="20" fill="#fdfbf4" opacity="0.9"/>'
        for r, row in enumerate(((TEAL, SUN, ROSE), (LEAF, INK, TEAL))) for c, col in enumerate(row))
    return frame(f'<rect x="640" y="320" width="1120" height="700" rx="30" fill="#2b2d42"/>{tiles}'
                 f'<path d="M520 1040 h1360 l120 120 h-1600 z" fill="#8d99ae"/>', sky="#dfe9f3", ground="#c7d3df")


def concert():
    notes = "".join(
        f'<ellipse cx="{x}" cy="{y}" rx="60" ry="44" fill="{c}" transform="rotate(-20 {x} {y})"/>'
        f'<rect x="{x+48}" y="{y-300}" width="16" height="300" fill="{c}"/>'
        for x, y, c in ((500, 700, ROSE), (900, 560, SUN), (1500, 640, TEAL), (1900, 500, INK)))
    return frame(f'<path d="M0 1150 Q1200 820 2400 1150 V1600 H0 z" fill="#7a5a3a"/>{notes}'
                 + "".join(f'<circle cx="{x}" cy="1320" r="70" fill="#2b2d42"/>' for x in range(120, 2400, 190)),
                 sky="#fcd5ce", ground="#7a5a3a")


def envelope():
    return frame(f'<rect x="600" y="420" width="1200" height="800" rx="24" fill="#fdfbf4" stroke="{INK}" stroke-width="16"/>'
                 f'<polyline points="600,440 1200,900 1800,440" fill="none" stroke="{INK}" stroke-width="16"/>'
                 f'<circle cx="1650" cy="560" r="90" fill="{ROSE}"/>'
                 + "".join(f'<rect x="760" y="{1020 + i*50}" width="{420 - i*90}" height="24" rx="12" fill="{TEAL}"/>' for i in range(3)),
                 sky="#cfe8ef", ground="#cfe8ef")


def share():
    """The default share picture: the programme's name on its colours (1200×630 is cut from the middle)."""
    rings = "".join(f'<circle cx="{cx}" cy="800" r="230" fill="none" stroke="{c}" stroke-width="70"/>'
                    for cx, c in ((760, SUN), (1040, "#fdfbf4")))
    text = (f'<text x="1420" y="750" font-family="DejaVu Sans" font-weight="bold" font-size="120" fill="#fdfbf4">Kulttuuria</text>'
            f'<text x="1420" y="890" font-family="DejaVu Sans" font-weight="bold" font-size="120" fill="#fdfbf4">yhteistuumin</text>'
            f'<text x="1420" y="1020" font-family="DejaVu Sans" font-size="80" fill="{SUN}">Kultur tillsammans</text>')
    return frame(rings + text, sky=INK, ground=INK).replace('<rect width="2400" height="1600" fill="url(#sky)"/>', f'<rect width="2400" height="1600" fill="{INK}"/>')


SCENES = {
    "pages/jakokuva.jpg": share,
    "practices/kirjasto.jpg": library, "practices/elokuvateatteri.jpg": cinema,
    "practices/kulttuuripolku.jpg": path, "practices/kunta.jpg": village, "practices/konsertti.jpg": concert,
    "events/aamukahvi.jpg": coffee, "events/webinaari.jpg": webinar, "events/kuntavierailu.jpg": village,
    "articles/uutiskirje.jpg": envelope, "articles/verkosto.jpg": path,
}


def rasterise(svg, target, quality=86):
    with tempfile.TemporaryDirectory() as tmp:
        source, png = os.path.join(tmp, "a.svg"), os.path.join(tmp, "a.png")
        with open(source, "w") as f:
            f.write(svg)
        subprocess.run(["rsvg-convert", "-o", png, source], check=True)
        subprocess.run(["vips", "copy", png, f"{target}[Q={quality},strip]"], check=True)


def sample(content):
    for name, scene in SCENES.items():
        target = os.path.join(content, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        rasterise(scene(), target)
        print(target)


def photos(count, folder, width=3000, height=2000):
    """Photo-like pictures: a drawn scene with film grain, so encoders work as hard as on photos."""
    os.makedirs(folder, exist_ok=True)
    scenes = list(SCENES.values())
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(count):
            target = os.path.join(folder, f"kuva-{i:04d}.jpg")
            if os.path.exists(target):
                continue
            base = os.path.join(tmp, f"s{i % len(scenes)}.png")
            if not os.path.exists(base):
                svg = scenes[i % len(scenes)]().replace(f'width="{W}" height="{H}"', f'width="{width}" height="{height}"')
                with open(base[:-4] + ".svg", "w") as f:
                    f.write(svg)
                subprocess.run(["rsvg-convert", "-o", base, base[:-4] + ".svg"], check=True)
            # Grain seeded by the picture's number: every picture differs, every run is the same.
            subprocess.run(["vips", "gaussnoise", os.path.join(tmp, "n.v"), str(width), str(height), "--sigma", "14", "--mean", "0",
                            "--seed", str(i)], check=True)
            subprocess.run(["vips", "extract_band", base, os.path.join(tmp, "rgb.v"), "0", "--n", "3"], check=True)
            subprocess.run(["vips", "add", os.path.join(tmp, "rgb.v"), os.path.join(tmp, "n.v"), os.path.join(tmp, "sum.v")], check=True)
            subprocess.run(["vips", "cast", os.path.join(tmp, "sum.v"), f"{target}[Q=90]", "uchar"], check=True)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "sample":
        sample(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1] == "photos":
        size = [int(v) for v in sys.argv[4:6]] or [3000, 2000]
        photos(int(sys.argv[2]), sys.argv[3], *size)
    else:
        sys.exit(__doc__)
