#!/usr/bin/env python3
"""Writes tests/document/bericht.docx: a small Word document made with
Python's zipfile (stored entries, fixed dates: reproducible byte for byte).

  make_docx.py OUT.docx

It has a heading, a paragraph whose word "Waffenstillstand" is split over
two runs, a tab and a line break, a 2x2 table, a footnote (word/
footnotes.xml, after its separators), and text that is not the document's
text and must not come out: a tab stop in the paragraph properties, a field
code (w:instrText "HYPERLINK Feldcodewort"), deleted text (w:delText
"Gelöschtwort") and the fallback copy of alternate content
("Ersatzwort").
"""
import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
</Types>
"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>
"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>
"""

DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:mc="{MC}">
<w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
<w:r><w:t>Gespräche über einen Waffenstillstand</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Am Donnerstag erklärte Putin, Russland werde einem Waffen</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>stillstand</w:t></w:r><w:r><w:t xml:space="preserve"> nur zustimmen, wenn dieser zu einem dauerhaften Frieden führe.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK Feldcodewort </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Moskau</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> wies die Vorschläge zurück.</w:t></w:r><w:del w:id="7" w:author="A"><w:r><w:delText>Gelöschtwort</w:delText></w:r></w:del><w:r><w:tab/><w:t>Die Gespräche</w:t><w:br/><w:t>dauern an.</w:t></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>Textfeld</w:t></mc:Choice><mc:Fallback><w:t>Ersatzwort</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p/>
<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>
<w:tr><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>Land</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Haltung</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Frankreich</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>unterstützt den Plan</w:t></w:r></w:p><w:p><w:r><w:t>Polen zögert.</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:p><w:r><w:t>Das Ende des Berichts.</w:t></w:r></w:p>
<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>
</w:body>
</w:document>
"""

FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Laut einem Bericht der Regierung.</w:t></w:r></w:p></w:footnote>
</w:footnotes>
"""


def main(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.comment = (b"Written by tests/document/make_docx.py of degloss; regenerate: "
                     b"python3 tests/document/make_docx.py tests/document/bericht.docx")
        for name, text in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/document.xml", DOCUMENT), ("word/_rels/document.xml.rels", DOC_RELS),
                           ("word/footnotes.xml", FOOTNOTES)):
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.create_system = 3
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    main(sys.argv[1])
