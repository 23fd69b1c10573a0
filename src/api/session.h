/* What the library's other parts (the web app's server) need of the
 * streaming session beyond the public API: engines made once and lent to
 * one session after another.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef DG_API_SESSION_H
#define DG_API_SESSION_H

#include "degloss.h"
#include "gloss.h"

/* An engine for these session options (data directory, dictionary,
 * hunspell files, glossaries, subject); NULL with err set as
 * degloss_session_new. */
dg_engine *dg_session_engine_new(const degloss_session_options *o, degloss_error *err);

/* A session like degloss_session_new's that glosses with `engine` (made by
 * dg_session_engine_new with the same options; not freed with the session;
 * used by one session at a time).  The engine starts a new document: no
 * state of an earlier session's text is carried over.  `o->jobs` above 1
 * makes worker engines of its own. */
degloss_session *dg_session_new_lent(const degloss_session_options *o, dg_engine *engine, degloss_error *err);

#endif
