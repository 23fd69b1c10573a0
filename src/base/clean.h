/* Text from outside degloss (MT translations and provider messages, JSONL
 * token forms, glossary lines) is cleaned of characters that act on a
 * terminal or reorder what a reader sees before it enters the document model:
 * C0 controls, DEL, C1 controls and the bidirectional embedding, override and
 * isolate characters (U+202A..U+202E, U+2066..U+2069).  A translation printed
 * under a gloss can then neither move the cursor, retitle the window, clear the
 * screen, fake an output line nor turn a sentence around.  Messages quote
 * outside text visibly instead (\x1b, \u202e), so nothing is hidden from the
 * person who reads them.  Internal.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_CLEAN_H
#define DG_CLEAN_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* True when s[0..n) holds a character dg_clean_append would change. */
bool dg_clean_needed(const char *s, size_t n);

/* Append s[0..n) to out, each whitespace control (TAB, LF, VT, FF, CR) as one
 * space and every other control or bidi control left out.  Invalid UTF-8 is
 * copied as it is (the text layer reports it where it matters). */
void dg_clean_append(dg_buf *out, const char *s, size_t n);

/* A cleaned copy of the NUL-terminated s in a new string (free() it). */
char *dg_clean_dup(const char *s);

/* Append s[0..n) to out with every control and bidi control written as a
 * visible escape (\t, \n, \r, \xHH, \u202e); for messages on a terminal. */
void dg_escape_visible(dg_buf *out, const char *s, size_t n);

#endif
