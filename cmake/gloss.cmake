# gloss: the glossing engine, the document model, renderers, the public API
# (simple API, streaming session, pipeline, worker threads); tests of the
# API, the command-line program and end to end.
target_sources(degloss PRIVATE
  src/gloss/gloss.c src/gloss/word.c src/gloss/engine.c src/gloss/lookup.c src/gloss/numbers.c src/gloss/closed.c src/gloss/case.c src/gloss/agree.c src/gloss/demonym.c src/gloss/analysis.c src/gloss/senses.c src/gloss/fallback.c src/gloss/participle.c src/gloss/parts.c src/gloss/context.c src/gloss/domains.c src/gloss/subjects.c src/gloss/governed.c src/gloss/ordinal.c src/gloss/prepositions.c src/gloss/names.c src/gloss/labels.c src/gloss/plain.c src/gloss/doc.c src/gloss/english.c src/gloss/mwe.c
  src/gloss/phrase.c src/gloss/separable.c src/gloss/suspended.c src/gloss/gloss_translate.c src/gloss/gloss_input.c
  src/gloss/doc_lines.c src/gloss/gloss_trfile.c src/gloss/align.c src/gloss/sense_details.c src/gloss/memo.c
  src/api/api.c src/api/session.c src/api/pipeline.c
  src/render/render.c src/render/cells.c src/render/interlinear.c src/render/json.c src/render/json_str.c
  src/render/conllu.c src/render/html.c src/render/tsv.c src/render/latex.c src/render/parallel.c
  src/render/vocab.c
  src/render/labels.c
  src/api/jobs.c)

# The legend of Leipzig labels: dictionaries/leipzig-labels.tsv ->
# leipzig_labels.inc (configure time), behind degloss --labels, the HTML
# legend and degloss_labels().
set(DG_RENDER_GEN_DIR "${CMAKE_BINARY_DIR}/gen/render")
file(MAKE_DIRECTORY "${DG_RENDER_GEN_DIR}")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             "${CMAKE_SOURCE_DIR}/dictionaries/leipzig-labels.tsv" "${CMAKE_SOURCE_DIR}/cmake/leipzig_labels.cmake")
execute_process(
  COMMAND ${CMAKE_COMMAND} -DIN=${CMAKE_SOURCE_DIR}/dictionaries/leipzig-labels.tsv
          -DOUT=${DG_RENDER_GEN_DIR}/leipzig_labels.inc -P ${CMAKE_SOURCE_DIR}/cmake/leipzig_labels.cmake
  RESULT_VARIABLE dg_labels_rc)
if(NOT dg_labels_rc EQUAL 0)
  message(FATAL_ERROR "cannot generate leipzig_labels.inc from dictionaries/leipzig-labels.tsv")
endif()
target_include_directories(degloss PRIVATE "${DG_RENDER_GEN_DIR}")

# The curated multiword list is read at run time from the data directory.
configure_file(dictionaries/mwe.tsv "${DEGLOSS_BUILD_DATA_DIR}/mwe.tsv" COPYONLY)
configure_file(dictionaries/subjects.tsv "${DEGLOSS_BUILD_DATA_DIR}/subjects.tsv" COPYONLY)
configure_file(dictionaries/governed-prepositions.tsv "${DEGLOSS_BUILD_DATA_DIR}/governed-prepositions.tsv" COPYONLY)
configure_file(dictionaries/ordinal-stems.tsv "${DEGLOSS_BUILD_DATA_DIR}/ordinal-stems.tsv" COPYONLY)

if(DEGLOSS_TESTS)
  # Renderers on a hand-built document (no data needed).
  add_executable(test_gloss_render tests/gloss/test_render.c)
  target_link_libraries(test_gloss_render PRIVATE degloss_internal degloss_test_harness)
  add_test(NAME gloss.render COMMAND test_gloss_render)

  # The JSON renderer's direct writer against jansson's dump of the same object.
  add_executable(test_gloss_json_dump tests/gloss/test_json_dump.c)
  target_link_libraries(test_gloss_json_dump PRIVATE degloss_internal PkgConfig::JANSSON degloss_test_harness)
  add_test(NAME gloss.json_dump COMMAND test_gloss_json_dump)

  # The engine's type memo: values, budget, threads (src/gloss/memo.c).
  add_executable(test_gloss_memo tests/gloss/test_memo.c)
  target_link_libraries(test_gloss_memo PRIVATE degloss_internal degloss_test_harness)
  add_test(NAME gloss.memo COMMAND test_gloss_memo)

  # The streaming session of the public API (tests/api/test_session.c).
  add_executable(test_api_session tests/api/test_session.c)
  target_link_libraries(test_api_session PRIVATE degloss degloss_test_harness)
  add_test(NAME api.session COMMAND test_api_session ${CMAKE_CURRENT_SOURCE_DIR})

  # doc/api.md's example against the installed library (cmake --install into
  # a temporary prefix, pkg-config --static).
  set(_example_flags "")
  if(DEGLOSS_SANITIZE)
    set(_example_flags "-fsanitize=address,undefined")
  endif()
  add_test(NAME api.installed_example
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/api/installed_example.py
                   ${CMAKE_COMMAND} ${CMAKE_BINARY_DIR} ${CMAKE_C_COMPILER}
                   ${CMAKE_CURRENT_SOURCE_DIR}/doc/api.md "${_example_flags}")
  set_tests_properties(api.installed_example PROPERTIES TIMEOUT 300 LABELS gloss)

  # The public C API.
  add_executable(test_gloss_api tests/gloss/test_api.c)
  target_link_libraries(test_gloss_api PRIVATE degloss_internal degloss_test_harness)
  add_test(NAME gloss.api COMMAND test_gloss_api)

  # The sample article end to end: every word glossed, schema, goldens, the
  # named cases.  Update the goldens after review:
  #   tests/gloss/sample_test.py build/degloss samples/news-ukraine-2025.de.txt \
  #     tests/gloss/golden schema/degloss.schema.json --update
  add_test(NAME gloss.sample
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/sample_test.py
                   $<TARGET_FILE:degloss_cli> ${CMAKE_CURRENT_SOURCE_DIR}/samples/news-ukraine-2025.de.txt
                   ${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/golden
                   ${CMAKE_CURRENT_SOURCE_DIR}/schema/degloss.schema.json)

  # Glosses in context on held-out FLORES/NTREX sentences (pass rate printed).
  add_test(NAME gloss.wordlist
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/wordlist.py
                   $<TARGET_FILE:degloss_cli> ${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/wordlist.tsv)

  # Plain-style glosses in context: English inflection, sentence starts,
  # als/sich/weniger/würde (every case must pass).
  add_test(NAME gloss.plain
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/plain_test.py
                   $<TARGET_FILE:degloss_cli> ${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/plain.tsv)
  add_test(NAME gloss.suspended
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/suspended_test.py
                   $<TARGET_FILE:degloss_cli>)

  # Engine cases, one rule of doc/gloss.md a folder: tests/gloss/cases/NAME/
  # (README, input.txt, options, columns, expected).  Update after review:
  #   tests/gloss/cases.py build/degloss tests/gloss/cases --update
  file(GLOB _gloss_cases CONFIGURE_DEPENDS
       "${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/cases/*/input.txt")
  foreach(_case_input IN LISTS _gloss_cases)
    get_filename_component(_case_dir "${_case_input}" DIRECTORY)
    get_filename_component(_case "${_case_dir}" NAME)
    add_test(NAME gloss.case.${_case}
             COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/cases.py
                     $<TARGET_FILE:degloss_cli> ${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/cases ${_case})
    set_tests_properties(gloss.case.${_case} PROPERTIES
      ENVIRONMENT "DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}" TIMEOUT 60 LABELS gloss)
  endforeach()

  # Families of rules (issue 12: compounds, numbers, code, spelling, idioms,
  # subject, labels): a TSV of cases (options, sentence, word, field,
  # accepted values) a file, tests/gloss/families/NAME.tsv ->
  # gloss.family.NAME (every case must pass).
  file(GLOB _gloss_families CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/families/*.tsv")
  foreach(_family_tsv IN LISTS _gloss_families)
    get_filename_component(_family "${_family_tsv}" NAME_WE)
    add_test(NAME gloss.family.${_family}
             COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/families/family_test.py
                     $<TARGET_FILE:degloss_cli> ${_family_tsv})
    set_tests_properties(gloss.family.${_family} PROPERTIES
      ENVIRONMENT "DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}" TIMEOUT 120 LABELS gloss)
  endforeach()

  # English word forms (the irregular verbs are in degloss.lex).
  add_executable(test_gloss_english tests/gloss/test_english.c)
  target_link_libraries(test_gloss_english PRIVATE degloss_internal degloss_test_harness)
  add_test(NAME gloss.english COMMAND test_gloss_english)
  set_tests_properties(gloss.english PROPERTIES ENVIRONMENT "DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}")

  # Ding's English placeholders dropped from phrase glosses (word class
  # en-placeholder in degloss.lex).
  add_executable(test_gloss_placeholders tests/gloss/test_placeholders.c)
  target_link_libraries(test_gloss_placeholders PRIVATE degloss_internal degloss_test_harness)
  add_test(NAME gloss.placeholders COMMAND test_gloss_placeholders)
  set_tests_properties(gloss.placeholders PROPERTIES ENVIRONMENT "DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}")

  # The command line as a user meets it; the MT cases run next to the MT
  # helper's local test server.
  add_test(NAME cli.behaviour
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/mt/with_server.py
                   ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/cli/cli_test.py
                   $<TARGET_FILE:degloss_cli> ${CMAKE_CURRENT_SOURCE_DIR}/schema/degloss.schema.json)

  # --jobs N: the same bytes, warnings and exit codes for N = 1, 2, 4 (the
  # sample article and the NTREX and FLORES German texts in one run each).
  set(_jobs_corpus ${CMAKE_CURRENT_SOURCE_DIR}/samples/news-ukraine-2025.de.txt
      ${CMAKE_CURRENT_SOURCE_DIR}/dictionaries/parallel/ntrex/newstest2019-ref.deu.txt
      ${CMAKE_CURRENT_SOURCE_DIR}/dictionaries/parallel/flores200/deu_Latn.devtest)
  foreach(_fmt jsonl interlinear conllu)
    add_test(NAME gloss.jobs_${_fmt}
             COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/jobs_test.py
                     $<TARGET_FILE:degloss_cli> corpus ${_fmt} ${_jobs_corpus})
  endforeach()
  add_test(NAME gloss.jobs_formats
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/jobs_test.py
                   $<TARGET_FILE:degloss_cli> formats
                   ${CMAKE_CURRENT_SOURCE_DIR}/samples/news-ukraine-2025.de.txt
                   ${CMAKE_CURRENT_SOURCE_DIR}/dictionaries/parallel/ntrex/newstest2019-ref.deu.txt)
  add_test(NAME gloss.jobs_warnings
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/jobs_test.py
                   $<TARGET_FILE:degloss_cli> warnings)
  add_test(NAME gloss.jobs_prompt
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/jobs_test.py
                   $<TARGET_FILE:degloss_cli> prompt)
  add_test(NAME gloss.jobs_options
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/jobs_test.py
                   $<TARGET_FILE:degloss_cli> options)
  add_test(NAME gloss.jobs_mt
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/mt/with_server.py
                   ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/jobs_test.py
                   $<TARGET_FILE:degloss_cli> mt)

  # --input lines (one record a line, in every format, for every --jobs) and
  # --translation FILE, on 1,000 NTREX lines; the note for such a file read as text.
  add_test(NAME cli.lines
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/cli/lines_test.py $<TARGET_FILE:degloss_cli>
                   ${CMAKE_CURRENT_SOURCE_DIR}/dictionaries/parallel/ntrex/newstest2019-ref.deu.txt
                   ${CMAKE_CURRENT_SOURCE_DIR}/dictionaries/parallel/ntrex/newstest2019-src.eng.txt)
  set_tests_properties(cli.lines PROPERTIES LABELS gloss)

  # Glosses that agree with the translation (src/gloss/align.c): a
  # hand-checked sample, wrong and foreign translations change nothing,
  # --jobs 2 the same bytes.
  add_test(NAME gloss.align
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/gloss/align_test.py $<TARGET_FILE:degloss_cli>
                   ${CMAKE_CURRENT_SOURCE_DIR}/dictionaries/parallel/ntrex/newstest2019-ref.deu.txt
                   ${CMAKE_CURRENT_SOURCE_DIR}/dictionaries/parallel/ntrex/newstest2019-src.eng.txt)
  set_tests_properties(gloss.align PROPERTIES LABELS gloss
                       ENVIRONMENT "DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}")

  # --help (made from src/cli/options.c's table) and doc/degloss.1 list the
  # same options.
  add_test(NAME cli.manpage
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/cli/manpage_test.py
                   $<TARGET_FILE:degloss_cli> ${CMAKE_CURRENT_SOURCE_DIR}/doc/degloss.1)
  set_tests_properties(cli.manpage PROPERTIES LABELS gloss)

  # The CLI uses only degloss_* functions; the library exports nothing else.
  add_test(NAME cli.public_symbols
           COMMAND ${CMAKE_COMMAND} -DNM=${CMAKE_NM} -DREADELF=${CMAKE_READELF}
                   -DLIB=$<TARGET_FILE:degloss> "-DOBJECTS=$<TARGET_OBJECTS:degloss_cli_objects>"
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/tests/cli/symbols.cmake)
  set_tests_properties(cli.public_symbols PROPERTIES LABELS gloss)

  # Rules ask word classes; at most 25 tests against German word literals
  # are left in src/, each a rule about that one word (tools/german-literals.py -v lists them).
  add_test(NAME src.german_literals
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tools/german-literals.py ${CMAKE_CURRENT_SOURCE_DIR} --max 25)

  # A pathological glossary (600,000 lines, 300,000 for one lemma) under a
  # timeout: loading stays linear, and keeps the glossaries' order.
  add_test(NAME cli.glossary_big
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/cli/glossary_big_test.py
                   $<TARGET_FILE:degloss_cli>)
  set_tests_properties(cli.glossary_big PROPERTIES TIMEOUT 120 LABELS gloss
                       ENVIRONMENT "DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}")

  # Output for linguists and corpus users: LaTeX examples (shape and
  # escaping; a pdflatex compile, skipped with exit 77 when pdflatex, gb4e or
  # expex is missing), the parallel formats, CoNLL-U (shape; the UD validator
  # vendored in tests/conllu/ud-validator, skipped without python3-regex)
  # and the legend of Leipzig labels.
  set(_sample ${CMAKE_CURRENT_SOURCE_DIR}/samples/news-ukraine-2025.de.txt)
  set(_ntrex ${CMAKE_CURRENT_SOURCE_DIR}/dictionaries/parallel/ntrex/newstest2019-ref.deu.txt)
  add_test(NAME render.latex
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/render/latex_test.py $<TARGET_FILE:degloss_cli> ${_sample})
  add_test(NAME render.latex_compile
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/render/latex_test.py $<TARGET_FILE:degloss_cli> ${_sample}
                   --compile)
  add_test(NAME render.parallel
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/mt/with_server.py
                   ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/render/parallel_test.py $<TARGET_FILE:degloss_cli>
                   ${_sample})
  add_test(NAME render.conllu
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/render/conllu_test.py $<TARGET_FILE:degloss_cli>
                   ${_sample} ${_ntrex})
  add_test(NAME render.conllu_validate
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/render/conllu_test.py $<TARGET_FILE:degloss_cli>
                   ${_sample} ${_ntrex} --validate ${CMAKE_CURRENT_SOURCE_DIR}/tests/conllu/ud-validator/validate.py)
  add_test(NAME render.labels
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/render/labels_test.py $<TARGET_FILE:degloss_cli>
                   ${CMAKE_CURRENT_SOURCE_DIR}/dictionaries/leipzig-labels.tsv ${CMAKE_CURRENT_SOURCE_DIR}/README.md
                   ${CMAKE_CURRENT_SOURCE_DIR}/doc/degloss.1 ${_sample} ${_ntrex})
  # The vocabulary format (rows, counts, order, sections, --vocab-skip,
  # --jobs) and the progress line (--progress, --no-progress, on a terminal).
  add_test(NAME render.vocab
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/render/vocab_test.py $<TARGET_FILE:degloss_cli>
                   ${_sample})
  set_tests_properties(render.latex render.latex_compile render.parallel render.conllu render.conllu_validate
                       render.labels render.vocab PROPERTIES
    ENVIRONMENT "DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}"
    TIMEOUT 300 LABELS render)
  set_tests_properties(render.latex_compile render.conllu_validate PROPERTIES SKIP_RETURN_CODE 77)

  # degloss --check-data on the build data and on damaged copies of it.
  add_test(NAME cli.check_data
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/cli/checkdata_test.py
                   $<TARGET_FILE:degloss_cli> ${DEGLOSS_BUILD_DATA_DIR})
  set_tests_properties(cli.check_data PROPERTIES TIMEOUT 300 LABELS gloss)

  set_tests_properties(gloss.api api.session gloss.sample gloss.wordlist gloss.plain gloss.suspended cli.behaviour
                     gloss.jobs_jsonl gloss.jobs_interlinear gloss.jobs_conllu gloss.jobs_formats gloss.jobs_warnings
                     gloss.jobs_options gloss.jobs_prompt gloss.jobs_mt
                     PROPERTIES
    ENVIRONMENT "DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}"
    TIMEOUT 300 LABELS gloss)
endif()
