#!/usr/bin/env python3
"""Compare tietopankki's inlined newsletter e-mail with PyPI premailer's result on the same input
(docs/newsletter.md explains the differences found).

The input for premailer is our email.html with every style attribute removed and the theme's
newsletter.css put back as a <style> block, i.e. what the build inlines. Prints per-element differences
of the inline declarations and of other attributes.

usage: .venv/bin/python checks/compare_premailer.py output/fi/uutiskirjeet/2/email.html themes/default/email/newsletter.css
"""
import re, sys
from lxml import html as lhtml
from premailer import Premailer

ours_path, css_path = sys.argv[1], sys.argv[2]
ours = open(ours_path, encoding="utf-8").read()
css = open(css_path, encoding="utf-8").read()
doc = lhtml.fromstring(ours.encode("utf-8"))
for el in doc.iter():
    if isinstance(el.tag, str) and "style" in el.attrib:
        del el.attrib["style"]
for style in doc.iter("style"):
    style.getparent().remove(style)
head = doc.find("head")
s = lhtml.Element("style"); s.text = css; head.append(s)
source = lhtml.tostring(doc, encoding="unicode", doctype="<!DOCTYPE html>")
theirs = Premailer(source, allow_network=False, keep_style_tags=True, strip_important=False,
                   remove_classes=False, disable_validation=True, cssutils_logging_level=50).transform()

def styles(text):
    tree = lhtml.fromstring(text.encode("utf-8"))
    out = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "head", "meta", "title", "style"):
            continue
        decls = {}
        for part in (el.get("style") or "").split(";"):
            if ":" in part:
                k, v = part.split(":", 1)
                decls[k.strip().lower()] = re.sub(r"\s+", " ", v.strip())
        out.append((el.tag, el.get("class"), decls))
    return out

a, b = styles(ours), styles(theirs)
assert len(a) == len(b), (len(a), len(b))
diffs = 0
for (tag, cls, da), (_, _, db) in zip(a, b):
    if da != db:
        diffs += 1
        only_ours = {k: v for k, v in da.items() if db.get(k) != v}
        only_theirs = {k: v for k, v in db.items() if da.get(k) != v}
        print(f"<{tag} class={cls}> ours-only={only_ours} premailer-only={only_theirs}")
print(f"{len(a)} elements compared, {diffs} differ")

def attrs(text):
    tree = lhtml.fromstring(text.encode("utf-8"))
    return [(el.tag, {k: v for k, v in el.attrib.items() if k != "style"}) for el in tree.iter()
            if isinstance(el.tag, str) and el.tag not in ("html", "head", "meta", "title", "style")]
extra = 0
for (tag, x), (_, y) in zip(attrs(ours), attrs(theirs)):
    if x != y:
        extra += 1
        if extra <= 5: print("attributes differ:", tag, {k: y[k] for k in y if x.get(k) != y[k]})
print(f"{extra} elements with other attribute differences")
