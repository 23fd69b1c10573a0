/* JSON renderer: one object per sentence (JSONL), or the same objects in one
 * document ({"sentences": [...]}).  The schema is schema/degloss.schema.json.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"

static void S_set_str(json_t *o, const char *k, const char *v) {
  json_object_set_new(o, k, json_string(v ? v : ""));
}

static json_t *S_token(const dg_render *r, const dg_dsentence *s, size_t idx) {
  const dg_dtoken *t = &s->tokens[idx];
  json_t *o = json_object();
  S_set_str(o, "form", t->form);
  json_object_set_new(o, "start", json_integer((json_int_t)t->start));
  json_object_set_new(o, "end", json_integer((json_int_t)t->end));
  S_set_str(o, "kind", dg_kind_name(t->kind));
  S_set_str(o, "lemma", t->lemma);
  S_set_str(o, "pos", t->pos);
  S_set_str(o, "features", t->feats);
  S_set_str(o, "labels", t->labels);
  S_set_str(o, "gloss", t->gloss);
  json_t *alts = json_array();
  size_t max = r->o.alternatives ? r->o.alternatives : t->nglosses;
  for (size_t i = 0; i < t->nglosses && i < max; i++) json_array_append_new(alts, json_string(t->glosses[i]));
  json_object_set_new(o, "glosses", alts);
  if (t->nparts > 1) {
    json_t *parts = json_array();
    for (size_t i = 0; i < t->nparts; i++) {
      json_t *p = json_object();
      S_set_str(p, "form", t->parts[i].form);
      S_set_str(p, "lemma", t->parts[i].lemma);
      S_set_str(p, "gloss", t->parts[i].link ? "" : t->parts[i].gloss);
      S_set_str(p, "kind", t->parts[i].link ? "link" : "stem");
      json_array_append_new(parts, p);
    }
    json_object_set_new(o, "parts", parts);
  }
  if (t->seg) S_set_str(o, "segmentation", t->seg);
  S_set_str(o, "source", t->source);
  if (t->reason) S_set_str(o, "reason", t->reason);
  if (t->mwe >= 0 && (size_t)t->mwe < s->nmwes) {
    const dg_mwe *m = &s->mwes[t->mwe];
    json_t *mo = json_object();
    json_object_set_new(mo, "id", json_integer(m->id));
    S_set_str(mo, "lemma", m->lemma);
    S_set_str(mo, "gloss", m->gloss);
    json_object_set_new(mo, "head", json_boolean(t->mwe_head));
    json_object_set_new(o, "mwe", mo);
  }
  if ((t->flags & (DG_DF_SEP_VERB | DG_DF_SEP_PARTICLE)) && t->link >= 0) {
    json_t *so = json_object();
    S_set_str(so, "role", (t->flags & DG_DF_SEP_VERB) ? "verb" : "particle");
    S_set_str(so, "lemma", t->lemma);
    json_object_set_new(so, "partner", json_integer(t->link));
    json_object_set_new(o, "separable", so);
  }
  if (t->flags & DG_DF_EMPHASIS) json_object_set_new(o, "emphasis", json_true());
  if (t->flags & DG_DF_HYPHEN_JOINED) json_object_set_new(o, "hyphen_joined", json_true());
  if (!(t->flags & DG_DF_SPACE_AFTER)) json_object_set_new(o, "space_after", json_false());
  return o;
}

void dg_render_json_sentence(dg_render *r, const dg_dsentence *s, dg_buf *out, bool pretty) {
  json_t *o = json_object();
  S_set_str(o, "text", s->text);
  json_object_set_new(o, "start", json_integer((json_int_t)s->start));
  json_object_set_new(o, "end", json_integer((json_int_t)s->end));
  json_object_set_new(o, "paragraph", json_integer(s->paragraph));
  if (s->headline) json_object_set_new(o, "headline", json_true());
  json_t *toks = json_array();
  for (size_t i = 0; i < s->ntokens; i++) json_array_append_new(toks, S_token(r, s, i));
  json_object_set_new(o, "tokens", toks);
  if (s->translation) {
    json_t *tr = json_object();
    S_set_str(tr, "text", s->translation);
    S_set_str(tr, "provider", s->tr_provider);
    S_set_str(tr, "model", s->tr_model);
    json_object_set_new(tr, "cached", json_boolean(s->tr_cached));
    json_object_set_new(o, "translation", tr);
  } else if (s->tr_error) {
    json_t *te = json_object();
    S_set_str(te, "provider", s->tr_provider);
    json_object_set_new(te, "status", json_integer(s->tr_status));
    S_set_str(te, "message", s->tr_error);
    json_object_set_new(o, "translation_error", te);
  }
  size_t flags = JSON_PRESERVE_ORDER | (pretty ? JSON_INDENT(2) : JSON_COMPACT);
  char *txt = json_dumps(o, flags);
  if (txt) {
    dg_buf_puts(out, txt);
    free(txt);
  }
  json_decref(o);
}
