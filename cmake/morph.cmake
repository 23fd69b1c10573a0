# morph: sources, generated data and tests of this area (issue 4).
# The irregular comparison table: dictionaries/morph/irregular-comparison.tsv
# -> morph_degree.inc (configure time).
set(DG_MORPH_GEN_DIR "${CMAKE_BINARY_DIR}/gen/morph")
file(MAKE_DIRECTORY "${DG_MORPH_GEN_DIR}")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             "${CMAKE_SOURCE_DIR}/dictionaries/morph/irregular-comparison.tsv"
             "${CMAKE_SOURCE_DIR}/cmake/morph_degree.cmake")
execute_process(
  COMMAND ${CMAKE_COMMAND} -DIN=${CMAKE_SOURCE_DIR}/dictionaries/morph/irregular-comparison.tsv
          -DOUT=${DG_MORPH_GEN_DIR}/morph_degree.inc -P ${CMAKE_SOURCE_DIR}/cmake/morph_degree.cmake
  RESULT_VARIABLE dg_morph_degree_rc)
if(NOT dg_morph_degree_rc EQUAL 0)
  message(FATAL_ERROR "cannot generate morph_degree.inc from dictionaries/morph/irregular-comparison.tsv")
endif()
target_include_directories(degloss PRIVATE "${DG_MORPH_GEN_DIR}")

target_sources(degloss PRIVATE
  src/morph/morph.c src/morph/morph_analyze.c src/morph/morph_feats.c src/morph/morph_data.c src/morph/morph_text.c
  src/morph/compound.c src/morph/compound_whole.c src/morph/compound_word.c src/morph/morph_classes.c
  src/morph/morph_variant.c)

# The compiler of the paradigm tables, and the mapped file it writes.
add_executable(morph-compile tools/morph-compile/morph-compile.c tools/morph-compile/added_words.c)
target_link_libraries(morph-compile PRIVATE degloss_internal)
set(DEGLOSS_MORPH_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/dictionaries/morph/paradigms.txt
  ${CMAKE_CURRENT_SOURCE_DIR}/dictionaries/morph/closed.tsv)
# The word classes of the morphology (separable particles, prefixes,
# confixes, linking elements): one source each, shared with the lexicon.
set(DEGLOSS_MORPH_CLASSES
  ${CMAKE_CURRENT_SOURCE_DIR}/dictionaries/word-classes.tsv
  ${CMAKE_CURRENT_SOURCE_DIR}/dictionaries/first-parts.tsv)
# Hunspell's de_DE word list (GPL, from the Debian package, read at build
# time) fills the gaps of the paradigm data.
set(DEGLOSS_MORPH_HUNSPELL_DIC "${DEGLOSS_HUNSPELL_DIR}/de_DE.dic")
if(NOT EXISTS "${DEGLOSS_MORPH_HUNSPELL_DIC}")
  message(WARNING "morph: ${DEGLOSS_MORPH_HUNSPELL_DIC} not found; degloss.morph will lack hunspell's words")
  set(DEGLOSS_MORPH_HUNSPELL_DIC "")
endif()
# Ding's nouns that neither source knows (Karzinom, Vorlesung) become
# parts the splitter can use without the lexicon.
set(DEGLOSS_MORPH_DING_ARGS "")
set(DEGLOSS_MORPH_DING_DEP "")
if(EXISTS "${DEGLOSS_DING}")
  set(DEGLOSS_MORPH_DING_ARGS --ding "${DEGLOSS_DING}")
  set(DEGLOSS_MORPH_DING_DEP "${DEGLOSS_DING}")
endif()
add_custom_command(
  OUTPUT ${DEGLOSS_BUILD_DATA_DIR}/degloss.morph
  COMMAND morph-compile ${DEGLOSS_MORPH_DING_ARGS} --classes ${DEGLOSS_MORPH_CLASSES}
          ${DEGLOSS_MORPH_SOURCES} ${DEGLOSS_BUILD_DATA_DIR}/degloss.morph
          ${DEGLOSS_MORPH_HUNSPELL_DIC}
  DEPENDS morph-compile ${DEGLOSS_MORPH_CLASSES} ${DEGLOSS_MORPH_SOURCES} ${DEGLOSS_MORPH_HUNSPELL_DIC}
          ${DEGLOSS_MORPH_DING_DEP}
  COMMENT "Compiling the morphology tables (degloss.morph)"
  VERBATIM)
add_custom_target(morph_data ALL DEPENDS ${DEGLOSS_BUILD_DATA_DIR}/degloss.morph)

# A small command-line probe: analyses and splits of the words given.
add_executable(morph-probe tools/morph-compile/morph-probe.c)
target_link_libraries(morph-probe PRIVATE degloss_internal)

if(DEGLOSS_TESTS)
  set(DEGLOSS_EVAL "${CMAKE_CURRENT_SOURCE_DIR}/tests/data/eval")
  add_executable(morph_eval_gsd tests/morph/eval_gsd.c)
  target_link_libraries(morph_eval_gsd PRIVATE degloss_internal)
  add_dependencies(morph_eval_gsd morph_data)
  add_test(NAME morph.gsd_lemmas
           COMMAND morph_eval_gsd ${DEGLOSS_EVAL}/ud-gsd/de_gsd-ud-test.conllu 96)
  set_tests_properties(morph.gsd_lemmas PROPERTIES
    ENVIRONMENT "DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}")
endif()

if(DEGLOSS_TESTS)
  add_executable(morph_eval_compounds tests/morph/eval_compounds.c)
  target_link_libraries(morph_eval_compounds PRIVATE degloss_internal)
  add_dependencies(morph_eval_compounds morph_data)
  add_test(NAME morph.compounds
           COMMAND morph_eval_compounds -a ${CMAKE_SOURCE_DIR}/tests/morph/compound-adjudication.tsv
                   ${DEGLOSS_EVAL}/compounds/jwordsplitter_test-de-large.txt
                   ${DEGLOSS_EVAL}/compounds/dweiss_test-compounds.utf8 98.0 1.0 30
                   ${CMAKE_BINARY_DIR}/morph-compound-differences.txt)
  set_tests_properties(morph.compounds PROPERTIES
    ENVIRONMENT "DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}")
  # The same with the bilingual lexicon as known-word predicate, as the
  # gloss stage runs it (needs degloss.lex from the lexicon area).
  if(TARGET lexicon_data)
    add_dependencies(morph_eval_compounds lexicon_data)
  endif()
  add_test(NAME morph.compounds_with_lexicon
           COMMAND morph_eval_compounds -l -a ${CMAKE_SOURCE_DIR}/tests/morph/compound-adjudication.tsv
                   ${DEGLOSS_EVAL}/compounds/jwordsplitter_test-de-large.txt
                   ${DEGLOSS_EVAL}/compounds/dweiss_test-compounds.utf8 98.0 1.0 30
                   ${CMAKE_BINARY_DIR}/morph-compound-differences-lexicon.txt)
  set_tests_properties(morph.compounds_with_lexicon PROPERTIES
    ENVIRONMENT "DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}")
endif()

if(DEGLOSS_TESTS)
  add_executable(morph_wordlist tests/morph/wordlist.c)
  target_link_libraries(morph_wordlist PRIVATE degloss_internal)
  add_dependencies(morph_wordlist morph_data)
  foreach(kind analyze feats split)
    add_test(NAME morph.wordlist_${kind}
             COMMAND morph_wordlist ${kind} ${CMAKE_CURRENT_SOURCE_DIR}/tests/morph/${kind}.txt)
    set_tests_properties(morph.wordlist_${kind} PROPERTIES
      ENVIRONMENT "DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}")
  endforeach()
endif()

if(DEGLOSS_TESTS)
  add_executable(morph_robust tests/morph/robust.c)
  target_link_libraries(morph_robust PRIVATE degloss_internal degloss_test_harness)
  add_dependencies(morph_robust morph_data)
  add_test(NAME morph.robust COMMAND morph_robust)
  set_tests_properties(morph.robust PROPERTIES TIMEOUT 120
    ENVIRONMENT "DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}")
endif()

# Benchmark (prints figures; not a test): build/morph_bench FILE...
add_executable(morph_bench bench/morph_bench.c)
target_link_libraries(morph_bench PRIVATE degloss_internal)

if(DEGLOSS_TESTS)
  # The committed closed-class table is what its generator writes.
  add_test(NAME morph.closed_class_regenerates
           COMMAND ${PYTHON3} -c "import subprocess, sys; out = subprocess.run([sys.executable, 'tools/morph-compile/make-closed-class.py'], capture_output=True, check=True).stdout; same = out == open('dictionaries/morph/closed.tsv', 'rb').read(); print('closed.tsv matches its generator' if same else 'closed.tsv differs from tools/morph-compile/make-closed-class.py output'); sys.exit(0 if same else 1)"
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
endif()
