# document: the readers that turn HTML, Markdown, PDF and DOCX into the text
# the pipeline reads (src/document/), and their tests.
# Debian: libxml2-dev libcmark-dev libpoppler-glib-dev libzip-dev.
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
pkg_check_modules(CMARK REQUIRED IMPORTED_TARGET libcmark)
pkg_check_modules(POPPLER_GLIB REQUIRED IMPORTED_TARGET poppler-glib)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)

target_sources(degloss PRIVATE
  src/document/document.c src/document/document_build.c src/document/doc_html.c
  src/document/doc_markdown.c src/document/doc_pdf.c src/document/doc_docx.c
  # the document source's paragraphs (the gloss side of this layer)
  src/gloss/gloss_document.c)
target_link_libraries(degloss PUBLIC PkgConfig::LIBXML2 PkgConfig::CMARK PkgConfig::POPPLER_GLIB
                      PkgConfig::LIBZIP)
