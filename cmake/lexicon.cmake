# lexicon: sources, generated data and tests of this area.
# The lexicon compiler (tools/dgcompile*.c) reads Ding and dictionaries/ and
# writes ${DEGLOSS_BUILD_DATA_DIR}/degloss.lex, which degloss maps at run time.

if(NOT EXISTS "${DEGLOSS_DING}")
  message(FATAL_ERROR
    "The Ding dictionary was not found at DEGLOSS_DING=${DEGLOSS_DING}. "
    "Install the Debian package trans-de-en (tools/install-deps) or configure with "
    "-DDEGLOSS_DING=/path/to/de-en.")
endif()

target_sources(degloss PRIVATE src/lexicon/lexicon.c src/lexicon/lexicon_fold.c src/lexicon/wordclass.c
                               src/lexicon/en_stem.c)
# degloss --check-data: verifies the lexicon, the morphology tables, mwe.tsv
# and the hunspell dictionary (src/api/checkdata.c).
target_sources(degloss PRIVATE src/api/checkdata.c)

add_executable(dgcompile tools/dgcompile/dgcompile.c tools/dgcompile/dgcompile_records.c tools/dgcompile/dgcompile_util.c
               tools/dgcompile/dgcompile_class.c tools/dgcompile/dgcompile_ding.c
               tools/dgcompile/dgcompile_gloss.c tools/dgcompile/dgcompile_rank.c src/lexicon/en_stem.c
               src/base/buf.c src/base/util.c src/base/clean.c src/base/mapfile.c src/base/version.c src/lexicon/lexicon_fold.c
               src/lexicon/wordclass.c)
target_include_directories(dgcompile PRIVATE include ${DEGLOSS_INTERNAL_INCLUDE_DIRS} tools/dgcompile)
target_compile_definitions(dgcompile PRIVATE
  DEGLOSS_VERSION="${PROJECT_VERSION}"
  DEGLOSS_DEFAULT_DATA_DIR="${DEGLOSS_INSTALL_DATA_DIR}")
target_link_libraries(dgcompile PRIVATE PkgConfig::UTF8PROC m)

# The second step: the dictionary phrases compiled by the gloss engine's own
# code into the lexicon (tools/dgcompile/dgphrases.c).
add_executable(dgphrases tools/dgcompile/dgphrases.c)
target_link_libraries(dgphrases PRIVATE degloss_internal)

add_executable(dglookup tools/dgcompile/dglookup.c)
target_link_libraries(dglookup PRIVATE degloss_internal)
set_target_properties(dglookup PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")

set(DEGLOSS_LEXICON "${DEGLOSS_BUILD_DATA_DIR}/degloss.lex")
set(_lex_dict "${CMAKE_CURRENT_SOURCE_DIR}/dictionaries")
set(_lex_eval "${CMAKE_CURRENT_SOURCE_DIR}/dictionaries/parallel")
# Sense evidence is learnt from the FIRST HALVES ONLY of the aligned dev data;
# the second halves are held out for the gloss evaluation.
set(_lex_parallel
  --parallel "${_lex_eval}/flores200/deu_Latn.devtest" "${_lex_eval}/flores200/eng_Latn.devtest" 506
  --parallel "${_lex_eval}/ntrex/newstest2019-ref.deu.txt" "${_lex_eval}/ntrex/newstest2019-src.eng.txt" 998)
set(_lex_inputs
  "${_lex_dict}/closed-class.tsv" "${_lex_dict}/names.tsv" "${_lex_dict}/abbreviations.tsv"
  "${_lex_dict}/first-parts.tsv" "${_lex_dict}/word-classes.tsv" "${_lex_dict}/ding-labels.tsv"
  "${_lex_dict}/english-irregular.tsv"
  "${_lex_dict}/preferred.tsv" "${_lex_dict}/loanwords.tsv" "${_lex_dict}/en-freq.tsv" "${_lex_dict}/de-freq.tsv"
  "${_lex_eval}/flores200/deu_Latn.devtest" "${_lex_eval}/flores200/eng_Latn.devtest"
  "${_lex_eval}/ntrex/newstest2019-ref.deu.txt" "${_lex_eval}/ntrex/newstest2019-src.eng.txt")
set(_lex_records "${CMAKE_BINARY_DIR}/lexicon-records.lex")
add_custom_command(OUTPUT "${_lex_records}"
  COMMAND dgcompile --ding "${DEGLOSS_DING}" --dict "${_lex_dict}" --out "${_lex_records}"
          ${_lex_parallel}
  DEPENDS dgcompile "${DEGLOSS_DING}" ${_lex_inputs}
  COMMENT "Compiling the lexicon from Ding and dictionaries/"
  VERBATIM)
add_custom_command(OUTPUT "${DEGLOSS_LEXICON}"
  COMMAND dgphrases "${_lex_records}" "${DEGLOSS_LEXICON}"
  DEPENDS dgphrases "${_lex_records}"
  COMMENT "Compiling the lexicon's dictionary phrases"
  VERBATIM)
add_custom_target(lexicon_data ALL DEPENDS "${DEGLOSS_LEXICON}")

# The same lexicon ranked without the curated boosts (preferred.tsv, closed
# class, names), for measuring the data-driven ranking on its own (bench/).
set(DEGLOSS_LEXICON_NOPREF "${CMAKE_BINARY_DIR}/lexicon-data-only.lex")
add_custom_command(OUTPUT "${DEGLOSS_LEXICON_NOPREF}"
  COMMAND dgcompile --ding "${DEGLOSS_DING}" --dict "${_lex_dict}" --out "${DEGLOSS_LEXICON_NOPREF}"
          ${_lex_parallel} --data-only
  DEPENDS dgcompile "${DEGLOSS_DING}" ${_lex_inputs}
  COMMENT "Compiling the data-only ranked lexicon (benchmark only)"
  VERBATIM)
add_custom_target(lexicon_data_only DEPENDS "${DEGLOSS_LEXICON_NOPREF}")

if(DEGLOSS_TESTS)
  add_executable(test_lexicon_primary tests/lexicon/test_primary.c)
  target_link_libraries(test_lexicon_primary PRIVATE degloss_internal)
  add_dependencies(test_lexicon_primary lexicon_data)
  add_test(NAME lexicon.primary_glosses
           COMMAND test_lexicon_primary "${CMAKE_CURRENT_SOURCE_DIR}/tests/lexicon/primary-glosses.tsv" 95)
  set_tests_properties(lexicon.primary_glosses PROPERTIES
                       ENVIRONMENT DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR})
endif()

if(DEGLOSS_TESTS)
  set(_lex_sample "${CMAKE_BINARY_DIR}/lexicon-sample.lex")
  add_custom_command(OUTPUT "${_lex_sample}"
    COMMAND dgcompile --ding "${CMAKE_CURRENT_SOURCE_DIR}/tests/lexicon/ding-sample.txt"
            --dict "${_lex_dict}" --out "${_lex_sample}" --min-entries 1 --data-only
    DEPENDS dgcompile "${CMAKE_CURRENT_SOURCE_DIR}/tests/lexicon/ding-sample.txt" ${_lex_inputs}
    COMMENT "Compiling the Ding sample for the parser test"
    VERBATIM)
  add_custom_target(lexicon_sample ALL DEPENDS "${_lex_sample}")
  add_executable(test_lexicon tests/lexicon/test_lexicon.c)
  target_link_libraries(test_lexicon PRIVATE degloss_internal degloss_test_harness)
  add_dependencies(test_lexicon lexicon_data lexicon_sample)
  file(MAKE_DIRECTORY "${CMAKE_BINARY_DIR}/lexicon-test-tmp")
  add_test(NAME lexicon.api
           COMMAND test_lexicon "${DEGLOSS_LEXICON}" "${_lex_sample}" "${CMAKE_BINARY_DIR}/lexicon-test-tmp")
  add_test(NAME lexicon.compile_missing_ding
           COMMAND ${CMAKE_COMMAND}
             "-DCMD=$<TARGET_FILE:dgcompile>;--ding;${CMAKE_BINARY_DIR}/no-such-ding/de-en;--dict;${_lex_dict};--out;${CMAKE_BINARY_DIR}/lexicon-test-tmp/never.lex"
             "-DEXPECT=no-such-ding/de-en: cannot open the Ding dictionary"
             -P "${CMAKE_CURRENT_SOURCE_DIR}/tests/lexicon/expect-failure.cmake")
  add_test(NAME lexicon.compile_not_ding
           COMMAND ${CMAKE_COMMAND}
             "-DCMD=$<TARGET_FILE:dgcompile>;--ding;${CMAKE_CURRENT_SOURCE_DIR}/tests/lexicon/ding-sample.txt;--dict;${_lex_dict};--out;${CMAKE_BINARY_DIR}/lexicon-test-tmp/never.lex"
             "-DEXPECT=does not look like the Ding dictionary"
             -P "${CMAKE_CURRENT_SOURCE_DIR}/tests/lexicon/expect-failure.cmake")
  add_test(NAME lexicon.lookup_tool
           COMMAND dglookup glauben dem Gespräche)
  set_tests_properties(lexicon.lookup_tool PROPERTIES
    ENVIRONMENT DEGLOSS_DATA_DIR=${DEGLOSS_BUILD_DATA_DIR}
    PASS_REGULAR_EXPRESSION "1\\. believe.*closed: der +DET +the +DEF\\.M/N\\.DAT\\.SG.*form of: Gespräch")
endif()

# Benchmarks (bench/lexicon-bench.sh runs them and prints the figures).
add_executable(lexicon-bench EXCLUDE_FROM_ALL bench/lexicon-bench.c)
target_link_libraries(lexicon-bench PRIVATE degloss_internal)
add_executable(lexicon-heldout EXCLUDE_FROM_ALL bench/lexicon-heldout.c)
target_link_libraries(lexicon-heldout PRIVATE degloss_internal)
add_executable(lexicon-primary EXCLUDE_FROM_ALL tests/lexicon/test_primary.c)
target_link_libraries(lexicon-primary PRIVATE degloss_internal)

if(DEGLOSS_TESTS)
  add_test(NAME lexicon.heldout_untouched
           COMMAND ${PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/tests/lexicon/heldout_untouched.py
             $<TARGET_FILE:dgcompile> ${CMAKE_CURRENT_SOURCE_DIR}/tests/lexicon/ding-sample.txt
             ${_lex_dict} ${_lex_eval}/flores200/deu_Latn.devtest ${_lex_eval}/flores200/eng_Latn.devtest
             506 ${CMAKE_BINARY_DIR}/lexicon-test-tmp/heldout)
endif()
