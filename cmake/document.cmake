# document: the readers that turn HTML, Markdown, PDF and DOCX into the text
# the pipeline reads (src/document/), and their tests.
# Debian: libxml2-dev libcmark-dev libpoppler-glib-dev libzip-dev.
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
pkg_check_modules(CMARK REQUIRED IMPORTED_TARGET libcmark)
pkg_check_modules(POPPLER_GLIB REQUIRED IMPORTED_TARGET poppler-glib)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)

target_sources(degloss PRIVATE
  src/document/read.c src/document/document_build.c src/document/doc_html.c
  src/document/doc_markdown.c src/document/doc_pdf.c src/document/doc_docx.c
  # the document source's paragraphs (the gloss side of this layer)
  src/gloss/gloss_document.c)
target_link_libraries(degloss PUBLIC PkgConfig::LIBXML2 PkgConfig::CMARK PkgConfig::POPPLER_GLIB
                      PkgConfig::LIBZIP)

if(DEGLOSS_TESTS)
  add_executable(document_dump tests/document/document_dump.c)
  target_link_libraries(document_dump PRIVATE degloss_internal)

  # tests/document/document_test.py CASE: the fixtures (HTML, Markdown, PDF,
  # DOCX) glossed without markup, with origins and code tokens; the fixtures'
  # generators reproduce them; bad documents (made at test time) give a
  # message naming the file, exit 4, bounded memory, and the next file is
  # still glossed; plain text passes through unchanged.
  set(DG_DOC_T "${CMAKE_SOURCE_DIR}/tests/document")
  foreach(c html markdown pdf docx fixtures sniff forced text_passthrough jobs
            truncated_pdf encrypted_pdf not_a_pdf zip_bomb zip_bomb_lying docx_without_document
            not_a_zip nested_html html_limits)
    add_test(NAME document.${c}
             COMMAND ${PYTHON3} ${DG_DOC_T}/document_test.py ${c} $<TARGET_FILE:degloss_cli>
                     $<TARGET_FILE:document_dump> ${CMAKE_SOURCE_DIR}
                     ${CMAKE_CURRENT_BINARY_DIR}/document-test/${c})
    set_tests_properties(document.${c} PROPERTIES TIMEOUT 300
                         ENVIRONMENT DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR})
  endforeach()
endif()
