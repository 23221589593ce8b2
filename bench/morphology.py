#!/usr/bin/env python3
"""Snowball against Voikko on the search query set (issue 20): which morphology finds the pages a reader
means, measured on the word level alone.

For each query of checks/search-queries.json, the expected pages are the search check's (the item pages
whose article text holds one of the lemma's listed forms as a whole word). A morphology finds a page when
one of the page's words has the query word's key: Snowball's stem (Debian's libstemmer, the library the
build uses), or, for Voikko (Debian's libvoikko with voikko-fi), any of the word's base forms (a word
Voikko does not know is its own base form). Swedish has no Voikko, so only Finnish queries are compared;
both languages are reported for Snowball. The browser's own lookups (prefixes, typos) are not part of
this: checks/search_check.py measures the whole search.

Usage: bench/morphology.py SITE_OUTPUT (a built sample site). Needs lxml (the checks' virtualenv).
"""
from __future__ import annotations

import ctypes
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "checks"))
from search_check import QUERIES, item_texts  # noqa: E402


class Snowball:
    def __init__(self, language: str):
        lib = ctypes.CDLL("libstemmer.so.0d")
        lib.sb_stemmer_new.restype = ctypes.c_void_p
        lib.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.sb_stemmer_stem.restype = ctypes.c_void_p
        lib.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.sb_stemmer_length.argtypes = [ctypes.c_void_p]
        self.lib = lib
        self.stemmer = lib.sb_stemmer_new({"fi": b"finnish", "sv": b"swedish"}[language], b"UTF_8")

    def keys(self, word: str) -> set[str]:
        data = word.encode()
        pointer = self.lib.sb_stemmer_stem(self.stemmer, data, len(data))
        return {ctypes.string_at(pointer, self.lib.sb_stemmer_length(self.stemmer)).decode()}


class Voikko:
    def __init__(self):
        lib = ctypes.CDLL("libvoikko.so.1")
        lib.voikkoInit.restype = ctypes.c_void_p
        lib.voikkoInit.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_char_p, ctypes.c_char_p]
        lib.voikkoAnalyzeWordCstr.restype = ctypes.POINTER(ctypes.c_void_p)
        lib.voikkoAnalyzeWordCstr.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.voikko_mor_analysis_value_cstr.restype = ctypes.c_void_p
        lib.voikko_free_mor_analysis_value_cstr.argtypes = [ctypes.c_void_p]
        lib.voikko_mor_analysis_value_cstr.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.voikko_free_mor_analysis.argtypes = [ctypes.POINTER(ctypes.c_void_p)]
        error = ctypes.c_char_p()
        self.lib = lib
        self.handle = lib.voikkoInit(ctypes.byref(error), b"fi", None)
        if not self.handle:
            raise SystemExit(f"voikko: {error.value}")
        self.cache: dict[str, set[str]] = {}

    def keys(self, word: str) -> set[str]:
        if word not in self.cache:
            analyses = self.lib.voikkoAnalyzeWordCstr(self.handle, word.encode())
            found = set()
            i = 0
            while analyses and analyses[i]:
                base = self.lib.voikko_mor_analysis_value_cstr(analyses[i], b"BASEFORM")
                if base:
                    found.add(ctypes.string_at(base).decode().lower())
                    self.lib.voikko_free_mor_analysis_value_cstr(base)
                i += 1
            if analyses:
                self.lib.voikko_free_mor_analysis(analyses)
            self.cache[word] = found or {word}
        return self.cache[word]


class Both:
    """What the index keeps for a Finnish word: its Snowball stem and its base forms."""

    def __init__(self, *morphologies):
        self.morphologies = morphologies

    def keys(self, word: str) -> set[str]:
        return set().union(*(m.keys(word) for m in self.morphologies))


def measure(name, morphology, queries, texts) -> str:
    relevant = found = hits = 0
    empty = []
    for query in queries:
        pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, query["forms"])) + r")(?!\w)")
        pages = texts[query["lang"]]
        expected = {url for url, text in pages.items() if pattern.search(text)}
        want = morphology.keys(query["q"].lower())
        got = {url for url, words in page_words[query["lang"]].items() if any(morphology.keys(w) & want for w in words)}
        relevant += len(expected)
        found += len(got)
        hits += len(expected & got)
        if not got:
            empty.append(query["q"])
    recall = hits / relevant if relevant else 1
    precision = hits / found if found else 0
    return f"| {name} | {len(queries)} | {recall:.2f} ({hits}/{relevant}) | {precision:.2f} ({hits}/{found}) | {len(empty)} |"


if __name__ == "__main__":
    root = Path(sys.argv[1])
    queries = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    texts = {language: item_texts(root, language) for language in ("fi", "sv")}
    page_words = {language: {url: set(re.findall(r"\w+", text.lower())) for url, text in pages.items()}
                  for language, pages in texts.items()}
    finnish = [q for q in queries if q["lang"] == "fi"]
    swedish = [q for q in queries if q["lang"] == "sv"]
    print("| morphology (word level) | queries | recall | precision | queries with no result |")
    print("|---|---|---|---|---|")
    print(measure("Snowball, Finnish", Snowball("fi"), finnish, texts))
    voikko = Voikko()
    print(measure("Voikko base forms, Finnish", voikko, finnish, texts))
    print(measure("either (what the index keeps), Finnish", Both(Snowball("fi"), voikko), finnish, texts))
    print(measure("Snowball, Swedish", Snowball("sv"), swedish, texts))
