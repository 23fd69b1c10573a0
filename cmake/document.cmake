# document: the readers that turn HTML, Markdown, PDF and DOCX into the text
# the pipeline reads (src/document/), and their tests.
# Debian: libxml2-dev libcmark-dev libpoppler-glib-dev libzip-dev.
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
pkg_check_modules(CMARK REQUIRED IMPORTED_TARGET libcmark)
pkg_check_modules(POPPLER_GLIB REQUIRED IMPORTED_TARGET poppler-glib)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)

target_sources(degloss PRIVATE
  src/document/read.c src/document/document_build.c src/document/doc_html.c
  src/document/doc_markdown.c src/document/doc_pdf.c src/document/poppler_lazy.c src/document/doc_docx.c
  # the document source's paragraphs (the gloss side of this layer)
  src/gloss/gloss_document.c)
target_link_libraries(degloss PUBLIC PkgConfig::LIBXML2 PkgConfig::CMARK PkgConfig::LIBZIP ${CMAKE_DL_LIBS})
# poppler-glib is not linked: the PDF reader loads it when the first PDF is
# read (src/document/poppler_lazy.c), by the SONAME of the library found
# here, so that a run without PDFs does not load it and the ~50 libraries
# it needs (about 7 ms at every start).
target_include_directories(degloss PRIVATE ${POPPLER_GLIB_INCLUDE_DIRS})
set(_poppler_soname "libpoppler-glib.so.8")
find_library(_poppler_lib NAMES poppler-glib HINTS ${POPPLER_GLIB_LIBRARY_DIRS})
find_program(_objdump objdump)
if(_poppler_lib AND _objdump)
  execute_process(COMMAND ${_objdump} -p ${_poppler_lib} OUTPUT_VARIABLE _poppler_dyn ERROR_QUIET)
  string(REGEX MATCH "SONAME +([^\n ]+)" _m "${_poppler_dyn}")
  if(CMAKE_MATCH_1)
    set(_poppler_soname "${CMAKE_MATCH_1}")
  endif()
endif()
set_source_files_properties(src/document/poppler_lazy.c PROPERTIES
                            COMPILE_DEFINITIONS "DG_POPPLER_GLIB_SONAME=\"${_poppler_soname}\"")

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
            not_a_zip nested_html html_limits pdf_library_on_demand)
    add_test(NAME document.${c}
             COMMAND ${PYTHON3} ${DG_DOC_T}/document_test.py ${c} $<TARGET_FILE:degloss_cli>
                     $<TARGET_FILE:document_dump> ${CMAKE_SOURCE_DIR}
                     ${CMAKE_CURRENT_BINARY_DIR}/document-test/${c})
    set_tests_properties(document.${c} PROPERTIES TIMEOUT 300
                         ENVIRONMENT DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR})
  endforeach()
endif()
