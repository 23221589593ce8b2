#!/usr/bin/python3
"""Draws the sample site's placeholder artwork into content/brand/ (run from the repository root):
the wordmark of "Kulttuuria yhteistuumin / Kultur tillsammans" in light and dark variants, the favicon
SVG with its 32 x 32 and 180 x 180 PNGs, and four placeholder partner wordmarks. None of it is a real
organisation's logo; docs/site-face.md says where the real ones go.

Letters are converted to outlines (DejaVu Sans from Debian's fonts-dejavu-core, through Debian's
python3-fonttools), so the pictures look the same whatever fonts a reader has. The PNGs are made with
rsvg-convert (librsvg2-bin). The colours are the theme's brand colours (themes/default/static/site.css).
"""
import subprocess
from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

FONTS = Path("/usr/share/fonts/truetype/dejavu")
OUT = Path("content/brand")
BLUE, DEEP, ACCENT, FOCUS = "#004d73", "#003550", "#8a3b00", "#ffbf47"
DARK_INK, DARK_ACCENT = "#e8eaed", "#ffb07a"


def outline(text, font_file, size, x, y):
    """The SVG path of `text` set at `size` with its baseline starting at (x, y), and its width."""
    font = TTFont(FONTS / font_file)
    glyphs, cmap = font.getGlyphSet(), font.getBestCmap()
    scale = size / font["head"].unitsPerEm
    # One decimal is a tenth of a unit of a 300-unit picture: small files, no visible difference.
    pen = SVGPathPen(glyphs, ntos=lambda n: f"{n:.1f}".rstrip("0").rstrip("."))
    cursor = 0
    for char in text:
        name = cmap[ord(char)]
        glyphs[name].draw(TransformPen(pen, (scale, 0, 0, -scale, x + cursor * scale, y)))
        cursor += font["hmtx"][name][0]
    return pen.getCommands(), cursor * scale


def rings(x, y, size):
    """The mark: two interlocking rings (together) on a rounded square. The yellow ring lies over the
    white one, except where a short white arc crosses it at the top."""
    s = size / 64
    def p(px, py):
        return f"{x + px * s:.2f} {y + py * s:.2f}"
    stroke = f'fill="none" stroke-width="{6 * s:.2f}"'
    return (f'<rect x="{x}" y="{y}" width="{size}" height="{size}" rx="{14 * s:.1f}" fill="{BLUE}"/>'
            f'<circle cx="{x + 25 * s:.2f}" cy="{y + 32 * s:.2f}" r="{14 * s:.2f}" stroke="#ffffff" {stroke}/>'
            f'<circle cx="{x + 39 * s:.2f}" cy="{y + 32 * s:.2f}" r="{14 * s:.2f}" stroke="{FOCUS}" {stroke}/>'
            f'<path d="M {p(23.78, 18.05)} A {14 * s:.2f} {14 * s:.2f} 0 0 1 {p(37.69, 26.08)}" stroke="#ffffff" {stroke}/>')


def svg(width, height, title, comment, body):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}">\n'
            f'<!-- {comment} -->\n<title>{title}</title>\n{body}\n</svg>\n')


def wordmark(ink, accent, variant):
    first, w1 = outline("Kulttuuria yhteistuumin", "DejaVuSans-Bold.ttf", 21, 70, 25)
    second, w2 = outline("Kultur tillsammans", "DejaVuSans.ttf", 18, 70, 49)
    width = 70 + max(w1, w2) + 2
    comment = (f"Placeholder wordmark ({variant}) of the sample site, drawn for tietopankki by "
               "docs/placeholder-artwork.py: not a real organisation's logo. The real logo goes in "
               "content/brand/ and is named in content/site.yml (logo).")
    body = rings(0, 0, 56) + f'\n<path fill="{ink}" d="{first}"/>\n<path fill="{accent}" d="{second}"/>'
    return svg(width, 56, "Kulttuuria yhteistuumin – Kultur tillsammans", comment, body)


def partner(name, subtitle, shape, colour):
    """A generic placeholder partner: a simple emblem, a name and the word placeholder."""
    top, w1 = outline(name, "DejaVuSans-Bold.ttf", 20, 52, 26)
    bottom, w2 = outline(subtitle, "DejaVuSans.ttf", 12, 52, 44)
    width = 52 + max(w1, w2) + 4
    emblems = {
        "shield": f'<path d="M 4 6 L 40 6 L 40 26 C 40 40 22 48 22 48 C 22 48 4 40 4 26 Z" fill="{colour}"/>',
        "circle": f'<circle cx="22" cy="26" r="19" fill="{colour}"/><circle cx="22" cy="26" r="8" fill="#ffffff"/>',
        "triangle": f'<path d="M 22 5 L 42 45 L 2 45 Z" fill="{colour}"/>',
        "square": f'<rect x="4" y="8" width="36" height="36" fill="{colour}"/><rect x="14" y="18" width="16" height="16" fill="#ffffff"/>',
    }
    comment = ("Placeholder partner logo of the sample site, drawn for tietopankki by docs/placeholder-artwork.py: "
               "not a real organisation. Real funders' and partners' logos go in content/brand/partners/ "
               "and are named in content/site.yml (partners).")
    body = emblems[shape] + f'\n<path fill="#1b1f24" d="{top}"/>\n<path fill="#4a525c" d="{bottom}"/>'
    return svg(width, 52, f"{name} ({subtitle})", comment, body)


def main():
    (OUT / "partners").mkdir(parents=True, exist_ok=True)
    (OUT / "logo.svg").write_text(wordmark(DEEP, ACCENT, "light"))
    (OUT / "logo-dark.svg").write_text(wordmark(DARK_INK, DARK_ACCENT, "dark scheme"))
    icon = svg(64, 64, "Kulttuuria yhteistuumin",
               "Placeholder favicon of the sample site (two rings: together), drawn for tietopankki by "
               "docs/placeholder-artwork.py. The real favicon set goes in content/brand/ and is named in "
               "content/site.yml (favicon).", rings(0, 0, 64))
    (OUT / "favicon.svg").write_text(icon)
    subprocess.run(["rsvg-convert", "-w", "32", "-h", "32", OUT / "favicon.svg", "-o", OUT / "favicon-32.png"], check=True)
    # The home-screen icon has no transparency (phones would put it on black).
    subprocess.run(["rsvg-convert", "-w", "180", "-h", "180", "-b", BLUE, OUT / "favicon.svg", "-o", OUT / "apple-touch-icon.png"], check=True)
    for file, name, subtitle, shape, colour in [
        ("rahoittaja.svg", "Rahoittaja", "paikkamerkki · platshållare", "shield", BLUE),
        ("kumppani-a.svg", "Kumppani A", "paikkamerkki · platshållare", "circle", ACCENT),
        ("kumppani-b.svg", "Kumppani B", "paikkamerkki · platshållare", "triangle", "#2f6b3a"),
        ("kumppani-c.svg", "Kumppani C", "paikkamerkki · platshållare", "square", "#5b3f8c"),
    ]:
        (OUT / "partners" / file).write_text(partner(name, subtitle, shape, colour))


if __name__ == "__main__":
    main()
