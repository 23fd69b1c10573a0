#!/usr/bin/env python3
"""Writes tests/document/zeitung.pdf: a 2-page PDF written as PDF syntax by
hand (no library), so it is reproducible byte for byte.

  make_pdf.py OUT.pdf [--encrypted]

Each page has the same header line and a footer "Seite N"; the last line of
page 1 ends in "NATO-" and page 2 goes on with "Mitgliedschaft verzichte."
(a hyphenated compound across the page break, the hyphen kept before a
capital), and "Waffenstill-" / "stand" is a hyphenated word inside a page
(the hyphen dropped).  Helvetica (a standard font, not embedded) with
WinAnsiEncoding, so the umlauts are single Latin-1 bytes.

With --encrypted the trailer names a standard security handler whose user
password is not empty (its /O and /U entries match no password we know):
a reader without the password cannot open it (tests/document/
document_test.py makes it at test time).
"""
import sys

PROVENANCE = (b"% Written by tests/document/make_pdf.py of degloss (PDF syntax by hand);\n"
              b"% regenerate: python3 tests/document/make_pdf.py tests/document/zeitung.pdf\n")
HEADER = "Beispielzeitung - Politik und Gesellschaft"
PAGES = [
    [("title", "Gespräche über einen Waffenstillstand"),
     ("gap", None),
     ("line", "Am Donnerstag erklärte Putin, Russland werde einem Waffenstill-"),
     ("line", "stand nur zustimmen, wenn dieser zu einem dauerhaften Frieden"),
     ("line", "führe. Die Verhandlungen in Riad dauern bis heute an."),
     ("gap", None),
     ("line", "Russland hat stets weitreichende Forderungen gestellt. Im Juni"),
     ("line", "erklärte Putin, er werde die Kämpfe sofort einstellen, wenn die"),
     ("line", "Ukraine auf eine NATO-")],
    [("line", "Mitgliedschaft verzichte."),
     ("gap", None),
     ("line", "Moskau wies außerdem Vorschläge westlicher Staaten zurück, aus-"),
     ("line", "ländische Friedenstruppen in die Ukraine zu entsenden.")],
]


def pdfstr(s):
    b = s.encode("cp1252")
    return b"(" + b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def content(page_no, items):
    out = [b"BT"]

    def text(font, size, x, y, s):
        out.append(b"/%s %d Tf 1 0 0 1 %d %d Tm %s Tj" % (font, size, x, y, pdfstr(s)))

    text(b"F1", 9, 72, 800, HEADER)
    y = 760
    for kind, s in items:
        if kind == "title":
            text(b"F2", 16, 72, y, s)
            y -= 22
        elif kind == "gap":
            y -= 14
        else:
            text(b"F1", 11, 72, y, s)
            y -= 14
    text(b"F1", 9, 280, 40, "Seite %d" % page_no)
    out.append(b"ET")
    return b"\n".join(out) + b"\n"


def main(path, encrypted=False):
    objs = []
    npages = len(PAGES)
    first_page = 3
    font1 = first_page + 2 * npages
    font2 = font1 + 1
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(npages))
    objs.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, npages))
    for i, items in enumerate(PAGES):
        c = content(i + 1, items)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R >>"
                    % (font1, font2, first_page + 2 * i + 1))
        objs.append(b"<< /Length %d >>\nstream\n%sendstream" % (len(c), c))
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    if encrypted:
        objs.append(b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <%s> /U <%s> >>"
                    % (b"4f" * 32, b"55" * 32))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    out += PROVENANCE
    offsets = []
    for n, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, o)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    extra = b""
    if encrypted:
        extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (len(objs), b"01" * 16, b"01" * 16)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, extra, xref)
    with open(path, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main(sys.argv[1], "--encrypted" in sys.argv[2:])
