/* The simple public API (degloss.h): an engine, a string glossed into one
 * document on the pipeline (pipeline.h) the sessions use, token accessors,
 * rendering; and the names of input modes, encodings, formats and styles.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include "degloss.h"
#include "pipeline.h"
#include "render.h"
#include "text.h"

struct degloss_engine {
  dg_engine *e;
};

struct degloss_doc {
  dg_doc *d;
};

degloss_engine *degloss_engine_new(const degloss_options *opts, degloss_error *err) {
  dg_engine_opts o = {0};
  if (opts) {
    o.data_dir = opts->data_dir;
    o.dict = opts->dict;
    o.hunspell_base = opts->hunspell;
    o.glossaries = opts->glossaries;
    o.nglossaries = opts->nglossaries;
    o.subject = opts->domain;
  }
  if (o.dict && strcmp(o.dict, "de_DE") && strcmp(o.dict, "de_AT") && strcmp(o.dict, "de_CH")) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "degloss_engine_new", 0, 0, -1,
                 "unknown dictionary '%s' (expected de_DE, de_AT or de_CH)", o.dict);
    return NULL;
  }
  dg_engine *e = dg_engine_new(&o, err);
  if (!e) return NULL;
  degloss_engine *r = dg_xmalloc(sizeof *r);
  r->e = e;
  return r;
}

void degloss_engine_free(degloss_engine *e) {
  if (!e) return;
  dg_engine_free(e->e);
  free(e);
}

/* The pipeline's last stage for a document in memory: every chunk joins it. */
static bool S_absorb(void *ctx, dg_doc *chunk, dg_buf *out) {
  dg_doc_absorb(ctx, chunk);
  dg_buf_free(out);
  return true;
}

degloss_doc *degloss_gloss(degloss_engine *e, const char *text, size_t len, degloss_input input,
                           degloss_error *err) {
  if (!e || (!text && len)) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "degloss_gloss", 0, 0, -1, "no engine or no text");
    return NULL;
  }
  dg_source *src = dg_source_new_mem(text ? text : "", len, "<text>", input);
  dg_doc *all = dg_doc_new("<text>");
  dg_pipeline p = {0};
  p.engine = e->e;
  p.emit = S_absorb;
  p.ctx = all;
  degloss_error local = {0};
  bool ok = dg_pipeline_run(&p, src, &local);
  dg_source_free(src);
  if (!ok) {
    if (err && err->code == DEGLOSS_OK) *err = local;
    dg_doc_free(all);
    return NULL;
  }
  degloss_doc *d = dg_xmalloc(sizeof *d);
  d->d = all;
  return d;
}

degloss_doc *degloss_gloss_text(degloss_engine *e, const char *text, size_t len, degloss_error *err) {
  return degloss_gloss(e, text, len, DEGLOSS_INPUT_TEXT, err);
}

void degloss_doc_free(degloss_doc *d) {
  if (!d) return;
  dg_doc_free(d->d);
  free(d);
}

size_t degloss_doc_sentences(const degloss_doc *d) { return d ? d->d->nsentences : 0; }

static const dg_dsentence *S_sent(const degloss_doc *d, size_t s) {
  return d && s < d->d->nsentences ? &d->d->sentences[s] : NULL;
}

static const dg_dtoken *S_tok(const degloss_doc *d, size_t s, size_t t) {
  const dg_dsentence *se = S_sent(d, s);
  return se && t < se->ntokens ? &se->tokens[t] : NULL;
}

const char *degloss_sentence_text(const degloss_doc *d, size_t sentence) {
  const dg_dsentence *s = S_sent(d, sentence);
  return s ? s->text : NULL;
}

size_t degloss_sentence_tokens(const degloss_doc *d, size_t sentence) {
  const dg_dsentence *s = S_sent(d, sentence);
  return s ? s->ntokens : 0;
}

int degloss_token_get(const degloss_doc *d, size_t sentence, size_t token, degloss_token *out) {
  const dg_dtoken *t = S_tok(d, sentence, token);
  if (!t || !out) return 0;
  const dg_dsentence *s = S_sent(d, sentence);
  memset(out, 0, sizeof *out);
  out->form = t->form;
  out->start = t->start;
  out->end = t->end;
  out->kind = dg_kind_name(t->kind);
  out->lemma = t->lemma;
  out->pos = t->pos;
  out->features = t->feats;
  out->labels = t->labels;
  out->gloss = t->gloss;
  out->nglosses = t->nglosses;
  out->nparts = t->nparts > 1 ? t->nparts : 0;
  out->source = t->source;
  out->reason = t->reason;
  if (t->mwe >= 0 && (size_t)t->mwe < s->nmwes) {
    out->mwe_lemma = s->mwes[t->mwe].lemma;
    out->mwe_gloss = s->mwes[t->mwe].gloss;
  }
  out->separable_partner = (t->flags & (DG_DF_SEP_VERB | DG_DF_SEP_PARTICLE)) ? t->link : -1;
  return 1;
}

const char *degloss_token_gloss(const degloss_doc *d, size_t sentence, size_t token, size_t k) {
  const dg_dtoken *t = S_tok(d, sentence, token);
  return t && k < t->nglosses ? t->glosses[k] : NULL;
}

int degloss_token_part(const degloss_doc *d, size_t sentence, size_t token, size_t k, const char **form,
                       const char **gloss, int *is_link) {
  const dg_dtoken *t = S_tok(d, sentence, token);
  if (!t || t->nparts < 2 || k >= t->nparts) return 0;
  if (form) *form = t->parts[k].form;
  if (gloss) *gloss = t->parts[k].link ? "" : t->parts[k].gloss;
  if (is_link) *is_link = t->parts[k].link;
  return 1;
}

char *degloss_render(const degloss_doc *d, const char *format, const char *style, unsigned width,
                     degloss_error *err) {
  dg_render_opts o = {0};
  if (!d) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "degloss_render", 0, 0, -1, "no document");
    return NULL;
  }
  if (!dg_format_parse(format ? format : "interlinear", &o.format)) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "degloss_render", 0, 0, -1,
                 "unknown format '%s' (expected interlinear, jsonl, json, conllu, html, tsv, latex, parallel or vocab)",
                 format);
    return NULL;
  }
  if (!dg_style_parse(style ? style : "leipzig", &o.style)) {
    dg_error_set(err, DEGLOSS_ERR_ARG, "degloss_render", 0, 0, -1, "unknown style '%s' (expected leipzig or plain)",
                 style);
    return NULL;
  }
  o.width = width ? width : 80;
  dg_render r;
  dg_render_init(&r, &o);
  dg_buf b;
  dg_buf_init(&b);
  dg_render_begin(&r, &b);
  dg_render_doc(&r, d->d, &b);
  dg_render_end(&r, &b);
  char *s = dg_buf_detach(&b);
  return s ? s : dg_xstrdup("");
}

int degloss_input_parse(const char *name, degloss_input *out) {
  static const struct {
    const char *name;
    degloss_input input;
  } names[] = {{"text", DEGLOSS_INPUT_TEXT},         {"horizontal", DEGLOSS_INPUT_HORIZONTAL},
               {"jsonl", DEGLOSS_INPUT_JSONL},       {"auto", DEGLOSS_INPUT_AUTO},
               {"html", DEGLOSS_INPUT_HTML},         {"xhtml", DEGLOSS_INPUT_HTML},
               {"markdown", DEGLOSS_INPUT_MARKDOWN}, {"md", DEGLOSS_INPUT_MARKDOWN},
               {"pdf", DEGLOSS_INPUT_PDF},           {"docx", DEGLOSS_INPUT_DOCX},
               {"lines", DEGLOSS_INPUT_LINES}};
  for (size_t i = 0; name && i < DG_ARRAY_LEN(names); i++)
    if (strcmp(name, names[i].name) == 0) {
      if (out) *out = names[i].input;
      return 1;
    }
  return 0;
}

int degloss_encoding_parse(const char *name, degloss_encoding *out) {
  degloss_encoding e;
  if (!name || !dg_encoding_parse(name, &e)) return 0;
  if (out) *out = e;
  return 1;
}

int degloss_format_valid(const char *name) {
  dg_format f;
  return name && dg_format_parse(name, &f);
}

int degloss_style_valid(const char *name) {
  dg_style st;
  return name && dg_style_parse(name, &st);
}
