#!/usr/bin/env python3
"""Runs one peer extractor over a data set, inside bench/.venv (made by bench/compare).

    peers.py PEER SET_DIR OUT_DIR [--wrap]

Writes OUT_DIR/<id>.txt for every page and OUT_DIR/run.json ({"peer", "version", "ms_per_doc",
"documents", "errors"}). Pages are read as bytes before the clock starts; the time is the peer's
own call, parse included, one process, one page at a time. With --wrap (text sets) each page is
the text scrape with every paragraph (blank-line block) wrapped in <p>, as HTML.
"""
import codecs
import html
import json
import re
import sys
import time
from importlib.metadata import version
from pathlib import Path


# A page's own charset declaration, for the peers that take str.
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([-\w:.]+)""", re.IGNORECASE)
# Labels browsers read as a wider encoding (WHATWG Encoding Standard): pages declare latin-1 and mean windows-1252.
WIDER = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
         "gb2312": "gb18030", "gbk": "gb18030"}


def decoded(page):
    """Bytes to str: UTF-8 when the bytes are valid UTF-8 (whatever the page declares), else the
    declared charset (an unknown one: UTF-8), bad bytes replaced."""
    try:
        return page.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = "utf-8"
    declared = CHARSET.search(page)
    if declared:
        label = declared.group(1).decode("ascii", "replace").lower()
        label = WIDER.get(label, label)
        try:
            codecs.lookup(label)
            encoding = label
        except LookupError:
            pass
    return page.decode(encoding, errors="replace")


def trafilatura_peer(**options):
    import trafilatura
    return lambda page: trafilatura.extract(page, **options) or ""


def readability_peer():
    # summary(html_partial=True): the article element itself; the default wraps it in <html><body>,
    # and on some pages its own clean-up then drops that wrapper with the whole article.
    import html_text
    from readability import Document
    return lambda page: html_text.extract_text(Document(decoded(page)).summary(html_partial=True))


def resiliparse_peer():
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree
    return lambda page: extract_plain_text(HTMLTree.parse_from_bytes(page, detect_encoding(page)), main_content=True)


def justext_peer():
    import justext
    stoplist = justext.get_stoplist("English")
    return lambda page: "\n\n".join(p.text for p in justext.justext(page, stoplist) if not p.is_boilerplate)


def boilerpy3_peer():
    from boilerpy3 import extractors
    extractor = extractors.ArticleExtractor()
    return lambda page: extractor.get_content(decoded(page))


def goose3_peer():
    from goose3 import Goose
    goose = Goose()
    return lambda page: goose.extract(raw_html=decoded(page)).cleaned_text


def html_text_peer():
    import html_text
    return lambda page: html_text.extract_text(decoded(page), guess_layout=True)


# key: (package whose version names the cache, label, factory)
PEERS = {
    "trafilatura": ("trafilatura", "trafilatura, default", lambda: trafilatura_peer()),
    "trafilatura-precision": ("trafilatura", "trafilatura, favor_precision", lambda: trafilatura_peer(favor_precision=True)),
    "trafilatura-recall": ("trafilatura", "trafilatura, favor_recall", lambda: trafilatura_peer(favor_recall=True)),
    "readability": ("readability-lxml", "readability-lxml (summary -> text)", readability_peer),
    "resiliparse": ("resiliparse", "resiliparse, main_content", resiliparse_peer),
    "justext": ("justext", "justext (English stoplist)", justext_peer),
    "boilerpy3": ("boilerpy3", "boilerpy3 ArticleExtractor", boilerpy3_peer),
    "goose3": ("goose3", "goose3", goose3_peer),
    "html-text": ("html-text", "html-text (whole page, no extraction)", html_text_peer),
}


def wrapped(text_bytes):
    """A text scrape as HTML: each blank-line paragraph in a <p>."""
    text = text_bytes.decode("utf-8", errors="replace")
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{body}\n</body></html>\n'.encode("utf-8")


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in PEERS:
        sys.exit(f"usage: peers.py PEER SET_DIR OUT_DIR [--wrap]; PEER one of {', '.join(PEERS)}")
    key, set_dir, out_dir = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    wrap = "--wrap" in sys.argv[4:]
    package, label, factory = PEERS[key]
    pages = sorted((set_dir / "html").glob("*.html")) or sorted((set_dir / "text").glob("*.txt"))
    if not pages:
        sys.exit(f"{set_dir}: no html/*.html or text/*.txt")
    if pages[0].suffix == ".txt" and not wrap:
        sys.exit(f"{set_dir}: a text set: the peers take HTML, run it with --wrap")
    extract = factory()
    out_dir.mkdir(parents=True, exist_ok=True)
    elapsed, errors = 0.0, []
    for path in pages:
        page = path.read_bytes()
        if wrap:
            page = wrapped(page)
        start = time.perf_counter()
        try:
            text = extract(page) or ""
        except Exception as error:  # a page the peer cannot handle is an empty output, as in the README
            text = ""
            errors.append(f"{path.stem}: {type(error).__name__}: {error}"[:300])
        elapsed += time.perf_counter() - start
        (out_dir / f"{path.stem}.txt").write_text(text, encoding="utf-8", errors="replace")
    run = {"peer": key, "label": label, "package": package, "version": version(package), "wrapped": wrap,
           "documents": len(pages), "ms_per_doc": elapsed * 1000 / len(pages), "errors": errors}
    (out_dir / "run.json").write_text(json.dumps(run, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
