cmake_minimum_required(VERSION 3.25)
# Turns the word classes the text layer needs into the C tables of
# text_wordclass.inc: month names (dictionaries/names.tsv, note "month"),
# abbreviated months (month-abbr), the conjunctions of suspended hyphens
# (conj-suspend, conj-suspend-before) and the words before an ordinal number
# (ordinal-before) of dictionaries/word-classes.tsv.
# Usage: cmake -DCLASSES=<word-classes.tsv> -DNAMES=<names.tsv> -DOUT=<inc>
#        -P text_wordclass.cmake (run at configure time).
set(tags conj-suspend conj-suspend-before month-abbr ordinal-before)
foreach(tag IN LISTS tags)
  set(words_${tag} "")
endforeach()
file(STRINGS "${CLASSES}" lines ENCODING UTF-8)
foreach(line IN LISTS lines)
  if(line MATCHES "^#" OR line STREQUAL "" OR line MATCHES "^word\t")
    continue()
  endif()
  if(NOT line MATCHES "^([^\t]+)\t([^\t]+)")
    message(FATAL_ERROR "${CLASSES}: bad line: ${line}")
  endif()
  set(word "${CMAKE_MATCH_1}")
  string(REPLACE "," ";" classes "${CMAKE_MATCH_2}")
  if(word MATCHES "[\"\\\\]")
    message(FATAL_ERROR "${CLASSES}: bad word: ${word}")
  endif()
  foreach(tag IN LISTS tags)
    if(tag IN_LIST classes)
      list(APPEND words_${tag} "\"${word}\"")
    endif()
  endforeach()
endforeach()
set(months "")
file(STRINGS "${NAMES}" lines ENCODING UTF-8)
foreach(line IN LISTS lines)
  if(line MATCHES "^([^\t#]+)\t[^\t]*\t[^\t]*\t[^\t]*\tmonth( |$)")
    list(APPEND months "\"${CMAKE_MATCH_1}\"")
  endif()
endforeach()
list(APPEND months ${words_month-abbr})
list(JOIN months ", " m)
list(JOIN words_conj-suspend ", " cs)
list(JOIN words_conj-suspend-before ", " csb)
list(JOIN words_ordinal-before ", " ob)
file(WRITE "${OUT}.tmp" "/* Generated from dictionaries/word-classes.tsv and names.tsv by cmake/text_wordclass.cmake; do not edit. */
/* month (names.tsv) and month-abbr */
static const char *const S_months[] = {${m}};
/* conj-suspend */
static const char *const S_conj_suspend[] = {${cs}};
/* conj-suspend-before */
static const char *const S_conj_suspend_before[] = {${csb}};
/* ordinal-before */
static const char *const S_ord_before[] = {${ob}};
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
