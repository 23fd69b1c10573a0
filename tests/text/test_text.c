/* Unit tests of the text layer (decode, segment, tokenize) through its API.
 * Each case asserts what a user sees: token forms, kinds, flags, sentence
 * and paragraph boundaries, offsets, warnings.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "text.h"
#include "text_internal.h"
#include "util.h"

/* ---- warnings are collected, not printed ---- */

static dg_buf S_warnings;
static unsigned S_nwarn;
static degloss_error S_lastwarn;

static void S_sink(void *ctx, const degloss_error *w) {
  (void)ctx;
  S_nwarn++;
  S_lastwarn = *w;
  dg_buf_printf(&S_warnings, "%s:%ld:%lld:%s\n", w->source, w->line, w->position, w->text);
}

static void S_reset_warnings(void) {
  dg_buf_clear(&S_warnings);
  S_nwarn = 0;
  memset(&S_lastwarn, 0, sizeof S_lastwarn);
}

/* ---- whole documents ---- */

typedef struct {
  dg_paragraph *p;
  size_t n;
  char *tail;
  size_t taillen;
} S_doc;

static S_doc S_read_enc(const char *text, size_t len, degloss_input mode, size_t max,
                        degloss_encoding enc) {
  S_doc d = {0};
  dg_reader *r = dg_reader_new_mem(text, len, "test", mode);
  if (max) dg_reader_set_max_paragraph(r, max);
  dg_reader_set_encoding(r, enc);
  dg_paragraph p;
  degloss_error err = {0};
  while (dg_reader_next(r, &p, &err)) {
    d.p = dg_xrealloc(d.p, (d.n + 1) * sizeof *d.p);
    d.p[d.n++] = p;
  }
  OK(err.code == DEGLOSS_OK, "reader error %s", err.text);
  const char *t = dg_reader_tail(r, &d.taillen, NULL);
  d.tail = dg_xstrndup(t, d.taillen);
  dg_reader_free(r); /* paragraphs must outlive the reader */
  return d;
}

static S_doc S_read(const char *text, size_t len, degloss_input mode, size_t max) {
  return S_read_enc(text, len, mode, max, DEGLOSS_ENCODING_UTF8);
}

static void S_free(S_doc *d) {
  for (size_t i = 0; i < d->n; i++) dg_paragraph_free(&d->p[i]);
  free(d->p);
  free(d->tail);
}

/* Rebuild the input from leads, raw bytes and tail; check that tokens tile
 * every paragraph in order. */
static bool S_roundtrip(const S_doc *d, const char *text, size_t len) {
  dg_buf b;
  dg_buf_init(&b);
  bool ok = true;
  uint64_t off = 0;
  for (size_t i = 0; i < d->n; i++) {
    const dg_paragraph *p = &d->p[i];
    if (p->lead_start != off || p->start != p->lead_start + p->leadlen ||
        p->end != p->start + p->rawlen)
      ok = false;
    uint64_t pos = p->start;
    size_t seen = 0;
    for (size_t s = 0; s < p->nsentences; s++) {
      const dg_sentence *st = &p->sentences[s];
      if (st->tokens != p->tokens + seen) ok = false;
      for (size_t t = 0; t < st->ntokens; t++) {
        const dg_token *k = &st->tokens[t];
        if (k->start < pos || k->end <= k->start || k->end > p->end || !k->form[0] || k->len != strlen(k->form))
          ok = false;
        pos = k->end;
      }
      seen += st->ntokens;
    }
    if (seen != p->ntokens) ok = false;
    dg_buf_put(&b, p->lead, p->leadlen);
    dg_buf_put(&b, p->raw, p->rawlen);
    off = p->end;
  }
  dg_buf_put(&b, d->tail, d->taillen);
  ok = ok && b.len == len && memcmp(b.data, text, len) == 0;
  dg_buf_free(&b);
  return ok;
}

/* Forms of all tokens: "|" between tokens, " / " between sentences,
 * " ## " between paragraphs. */
static char *S_forms(const char *text, degloss_input mode) {
  size_t len = strlen(text);
  S_doc d = S_read(text, len, mode, 0);
  OK(S_roundtrip(&d, text, len), "round trip of \"%s\"", text);
  dg_buf b;
  dg_buf_init(&b);
  for (size_t i = 0; i < d.n; i++) {
    if (i) dg_buf_puts(&b, " ## ");
    for (size_t s = 0; s < d.p[i].nsentences; s++) {
      if (s) dg_buf_puts(&b, " / ");
      const dg_sentence *st = &d.p[i].sentences[s];
      for (size_t t = 0; t < st->ntokens; t++) {
        if (t) dg_buf_putc(&b, '|');
        dg_buf_puts(&b, st->tokens[t].form);
      }
    }
  }
  S_free(&d);
  return dg_buf_detach(&b);
}

#define FORMS_EQ(text, want)                  \
  do {                                        \
    char *f_ = S_forms((text), DEGLOSS_INPUT_TEXT); \
    STR_EQ(f_, (want), "tokens of [%s]", (text)); \
    free(f_);                                 \
  } while (0)

/* The first token whose form is `form` in a one-paragraph text. */
static const dg_token *S_find(const dg_paragraph *p, const char *form) {
  for (size_t i = 0; i < p->ntokens; i++)
    if (!strcmp(p->tokens[i].form, form)) return &p->tokens[i];
  return NULL;
}

/* Kind and flags of the token `form` in `text`, as "kind+flag+flag". */
static char *S_kind(const char *text, const char *form) {
  size_t len = strlen(text);
  S_doc d = S_read(text, len, DEGLOSS_INPUT_TEXT, 0);
  dg_buf b;
  dg_buf_init(&b);
  const dg_token *k = NULL;
  for (size_t i = 0; i < d.n && !k; i++) k = S_find(&d.p[i], form);
  if (!k) {
    dg_buf_puts(&b, "(none)");
  } else {
    dg_buf_puts(&b, dg_tokkind_name(k->kind));
    if (k->flags & DG_TF_EMPH) dg_buf_puts(&b, "+emph");
    if (k->flags & DG_TF_HYPHEN_JOINED) dg_buf_puts(&b, "+joined");
    if (k->flags & DG_TF_ORDINAL) dg_buf_puts(&b, "+ordinal");
    if (k->flags & DG_TF_ABBREV) dg_buf_puts(&b, "+abbrev");
    if (k->flags & DG_TF_SUSPENDED) dg_buf_puts(&b, "+suspended");
    if (k->flags & DG_TF_REPLACED) dg_buf_puts(&b, "+replaced");
  }
  S_free(&d);
  return dg_buf_detach(&b);
}

#define KIND_EQ(text, form, want)     \
  do {                                \
    char *k_ = S_kind((text), (form)); \
    STR_EQ(k_, (want), "kind of [%s] in [%s]", (form), (text)); \
    free(k_);                         \
  } while (0)

/* ---- the cases ---- */

static void test_words(void) {
  FORMS_EQ("US-Präsident Trump geht's gut.", "US-Präsident|Trump|geht's|gut|.");
  FORMS_EQ("einen 30-tägigen Waffenstillstand", "einen|30-tägigen|Waffenstillstand");
  FORMS_EQ("Klaus' Auto und O'Briens Hund", "Klaus'|Auto|und|O'Briens|Hund");
  FORMS_EQ("Lehrer*innen und Schüler:innen", "Lehrer*innen|und|Schüler:innen");
  FORMS_EQ("der 3D-Drucker, die 90er-Jahre", "der|3D-Drucker|,|die|90er-Jahre");
  KIND_EQ("einen 30-tägigen Waffenstillstand", "30-tägigen", "word");
  KIND_EQ("der US-Präsident", "US-Präsident", "word");
}

static void test_numbers_symbols(void) {
  FORMS_EQ("1.000 Menschen, 3,5 Prozent, am 17.03.2025 um 12:30 Uhr",
           "1.000|Menschen|,|3,5|Prozent|,|am|17.03.2025|um|12:30|Uhr");
  KIND_EQ("1.000 Menschen", "1.000", "number");
  KIND_EQ("3,5 Prozent", "3,5", "number");
  FORMS_EQ("50 % mehr, 20 € und § 5 (1, 2, 3)",
           "50|%|mehr|,|20|€|und|§|5|(|1|,|2|,|3|)");
  KIND_EQ("50 % mehr", "%", "symbol");
  KIND_EQ("20 € mehr", "€", "symbol");
  KIND_EQ("nach § 5", "§", "symbol");
  KIND_EQ("Ja, gut", ",", "punct");
  KIND_EQ("Ja – gut", "–", "punct");
}

static void test_web(void) {
  const char *t = "Siehe https://example.org/a_(b). Schreib an max.muster@example.de, folge "
                  "@dg_news und #Ukraine2025! Oder www.example.com/x?y=1.";
  FORMS_EQ(t, "Siehe|https://example.org/a_(b)|. / Schreib|an|max.muster@example.de|,|folge|"
              "@dg_news|und|#Ukraine2025|! / Oder|www.example.com/x?y=1|.");
  KIND_EQ(t, "https://example.org/a_(b)", "url");
  KIND_EQ(t, "www.example.com/x?y=1", "url");
  KIND_EQ(t, "max.muster@example.de", "email");
  KIND_EQ(t, "@dg_news", "handle");
  KIND_EQ(t, "#Ukraine2025", "hashtag");
  FORMS_EQ("Platz #1 und a@b", "Platz|#|1|und|a|@|b");
}

static void test_emphasis(void) {
  const char *t = "in der CNN-Sendung *State of the Union*. Und **fett** hier.";
  FORMS_EQ(t, "in|der|CNN-Sendung|State|of|the|Union|. / Und|fett|hier|.");
  KIND_EQ(t, "State", "word+emph");
  KIND_EQ(t, "Union", "word+emph");
  KIND_EQ(t, "fett", "word+emph");
  KIND_EQ(t, "CNN-Sendung", "word");
  KIND_EQ(t, "hier", "word");
  /* the stars are gaps: between "Sendung" and "State" the raw bytes are " *" */
  S_doc d = S_read(t, strlen(t), DEGLOSS_INPUT_TEXT, 0);
  const dg_token *a = S_find(&d.p[0], "CNN-Sendung"), *b = S_find(&d.p[0], "State");
  OK(a && b && b->start - a->end == 2 && !memcmp(t + a->end, " *", 2), "gap \" *\"");
  S_free(&d);
  /* unmatched stars are symbols; a lone _ is punctuation */
  FORMS_EQ("5 * 3 = 15 und Fußnote*", "5|*|3|=|15|und|Fußnote|*");
  KIND_EQ("5 * 3 = 15", "*", "symbol");
  KIND_EQ("_Titel_ hier", "Titel", "word+emph");
}

static void test_abbreviations(void) {
  FORMS_EQ("Er kam z. B. am 3. Oktober mit Dr. Müller. Prof. Schmidt, Nr. 5, bzw. St. Pauli "
           "usw. Dann ging er.",
           "Er|kam|z. B.|am|3.|Oktober|mit|Dr.|Müller|. / Prof.|Schmidt|,|Nr.|5|,|bzw.|St.|"
           "Pauli|usw. / Dann|ging|er|.");
  FORMS_EQ("Das gilt z.B. für ca. 5 Leute, d. h. für u. a. Kinder, vgl. oben.",
           "Das|gilt|z.B.|für|ca.|5|Leute|,|d. h.|für|u. a.|Kinder|,|vgl.|oben|.");
  KIND_EQ("Er kam z. B. heute.", "z. B.", "word+abbrev");
  KIND_EQ("Er kam mit Dr. Müller.", "Dr.", "word+abbrev");
  FORMS_EQ("Vgl. Kapitel 3. Z. B. hier.", "Vgl.|Kapitel|3|. / Z. B.|hier|.");
  /* initials are not sentence ends */
  FORMS_EQ("Präsident John F. Kennedy sprach.", "Präsident|John|F.|Kennedy|sprach|.");
  /* an abbreviation that may end a sentence */
  FORMS_EQ("Äpfel, Birnen usw. Die Preise steigen.", "Äpfel|,|Birnen|usw. / Die|Preise|steigen|.");
  FORMS_EQ("im Jahr 50 v. Chr. Danach kam Rom.", "im|Jahr|50|v. Chr. / Danach|kam|Rom|.");
  FORMS_EQ("Wir wohnen in der Doninikus-Zimmermann-Str. 9 in Leutkirch.",
           "Wir|wohnen|in|der|Doninikus-Zimmermann-Str.|9|in|Leutkirch|.");
}

/* The compiled table is sorted: every entry is found by its own key. */
static void test_abbrev_table(void) {
  size_t n = dg_text_abbrev_count();
  OK(n > 100, "table size %zu", n);
  size_t found = 0;
  for (size_t i = 0; i < n; i++) {
    const char *written = NULL, *key = dg_text_abbrev_at(i, &written);
    bool may_end;
    found += dg_text_abbrev(key, strlen(key), &may_end);
    OK(written && strchr(written, '.'), "entry %zu", i);
  }
  INT_EQ(found, n, "every entry found by its own key");
  OK(dg_text_abbrev_at(n, NULL) == NULL, "past the end");
  bool may_end = false;
  OK(dg_text_abbrev("usw.", 4, &may_end) && may_end, "usw. may end");
  OK(dg_text_abbrev("Dr.", 3, &may_end) && !may_end, "Dr. does not end");
  OK(dg_text_abbrev("z.B.", 4, &may_end) && !may_end, "z.B.");
  OK(!dg_text_abbrev("Haus.", 5, &may_end), "not an abbreviation");
}

static void test_ordinals_dates(void) {
  FORMS_EQ("Russlands Invasion begann 2022. Am 17. März sprach er.",
           "Russlands|Invasion|begann|2022|. / Am|17.|März|sprach|er|.");
  KIND_EQ("Am 17. März sprach er.", "17.", "number+ordinal");
  FORMS_EQ("Der 2. Weltkrieg endete 1945. Danach kam der 3. Oktober 1990.",
           "Der|2.|Weltkrieg|endete|1945|. / Danach|kam|der|3.|Oktober|1990|.");
  FORMS_EQ("am 3., 4. und 5. Mai", "am|3.|,|4.|und|5.|Mai");
  FORMS_EQ("Es waren 12. Dann kamen mehr.", "Es|waren|12|. / Dann|kamen|mehr|.");
  FORMS_EQ("der 3. größte See", "der|3.|größte|See");
}

static void test_quotes(void) {
  FORMS_EQ("„Wir kommen voran“, sagte er. „Vielleicht haben wir etwas.“ Dann ging er.",
           "„|Wir|kommen|voran|“|,|sagte|er|. / „|Vielleicht|haben|wir|etwas|.|“ / Dann|ging|"
           "er|.");
  FORMS_EQ("»Gut«, sagte sie. \"Ja!\" Dann \"nein\", rief er! Warum? Darum.",
           "»|Gut|«|,|sagte|sie|. / \"|Ja|!|\" / Dann|\"|nein|\"|,|rief|er|! / Warum|? / Darum|.");
  FORMS_EQ("„Hilfe!“, rief er.", "„|Hilfe|!|“|,|rief|er|.");
  FORMS_EQ("Ein ``Weiter so'' gibt es nicht :-) aber ;) ok", "Ein|``|Weiter|so|''|gibt|es|nicht|:-)|aber|;)|ok");
  KIND_EQ("Ein ``Weiter so''", "``", "punct");
  KIND_EQ("nicht :-) aber", ":-)", "symbol");
  KIND_EQ("„Hilfe“", "„", "punct");
  S_doc d = S_read("„Ja“ sagt er", 14, DEGLOSS_INPUT_TEXT, 0);
  OK(d.n == 1 && (d.p[0].tokens[0].flags & DG_TF_QUOTE_OPEN) &&
         (d.p[0].tokens[2].flags & DG_TF_QUOTE_CLOSE),
     "quote flags");
  S_free(&d);
}

static void test_ellipsis(void) {
  FORMS_EQ("Er zögerte … dann ging er. Sie wartete... Dann kam er. Und [...] so weiter.",
           "Er|zögerte|…|dann|ging|er|. / Sie|wartete|... / Dann|kam|er|. / Und|[|...|]|so|"
           "weiter|.");
  FORMS_EQ("Ich dachte … Katzen mögen das.", "Ich|dachte|…|Katzen|mögen|das|.");
  FORMS_EQ("Er wollte (...) Das Lied ging weiter.", "Er|wollte|(|...|)|Das|Lied|ging|weiter|.");
}

static void test_headlines(void) {
  const char *t = "Moskaus Zurückhaltung\n\nIn der Woche sprach er. Dann ging er.\n\nMAB";
  FORMS_EQ(t, "Moskaus|Zurückhaltung ## In|der|Woche|sprach|er|. / Dann|ging|er|. ## MAB");
  S_doc d = S_read(t, strlen(t), DEGLOSS_INPUT_TEXT, 0);
  OK(d.n == 3, "3 paragraphs");
  if (d.n == 3) {
    OK(d.p[0].sentences[0].flags & DG_SF_HEADLINE, "headline");
    OK(!(d.p[1].sentences[0].flags & DG_SF_HEADLINE), "not headline");
    OK(d.p[2].sentences[0].flags & DG_SF_HEADLINE, "MAB is a sentence of its own");
    OK(d.p[1].sentences[0].flags & DG_SF_PARA_START, "para start");
    OK(!(d.p[1].sentences[1].flags & DG_SF_PARA_START), "not para start");
    INT_EQ(d.p[1].line, 3, "second paragraph starts on line 3");
    INT_EQ(d.p[2].line, 5, "third paragraph starts on line 5");
  }
  S_free(&d);
  /* a headline line directly above hard-wrapped text */
  FORMS_EQ("Kurze Überschrift hier\nDies ist ein langer Absatz mit vielen Wörtern, der\n"
           "umbrochen wurde und weitergeht bis zum Ende des Satzes.",
           "Kurze|Überschrift|hier / Dies|ist|ein|langer|Absatz|mit|vielen|Wörtern|,|der|"
           "umbrochen|wurde|und|weitergeht|bis|zum|Ende|des|Satzes|.");
  /* hard-wrapped lines are not headlines */
  FORMS_EQ("Dies ist ein langer Absatz mit vielen Wörtern und\nDingen, der umbrochen wurde.",
           "Dies|ist|ein|langer|Absatz|mit|vielen|Wörtern|und|Dingen|,|der|umbrochen|wurde|.");
  /* one sentence a line: every line is a sentence, headlines too */
  FORMS_EQ("Titel ohne Punkt am Anfang der Datei\nErster Satz hier.\nZweiter Satz hier.\n"
           "Dritter Satz,\nder weitergeht.",
           "Titel|ohne|Punkt|am|Anfang|der|Datei / Erster|Satz|hier|. / Zweiter|Satz|hier|. / "
           "Dritter|Satz|,|der|weitergeht|.");
  /* list items */
  FORMS_EQ("Wichtig sind:\n- erstens das\n- zweitens dies", "Wichtig|sind|: / -|erstens|das / -|"
           "zweitens|dies");
}

static void test_hyphenation(void) {
  FORMS_EQ("die Verhand-\nlungen gehen", "die|Verhandlungen|gehen");
  KIND_EQ("die Verhand-\nlungen gehen", "Verhandlungen", "word+joined");
  FORMS_EQ("der Ukraine-\nKonflikt", "der|Ukraine-Konflikt");
  FORMS_EQ("die NATO-\nstaaten und Covid-\n19", "die|NATO-staaten|und|Covid-19");
  FORMS_EQ("auf eine NATO-\n\n\n\nMitgliedschaft verzichte.", "auf|eine|NATO-Mitgliedschaft|verzichte|.");
  FORMS_EQ("die Verhand-  \r\n\flungen", "die|Verhandlungen"); /* page break, CRLF, spaces */
  FORMS_EQ("Ein- und Ausfuhr", "Ein-|und|Ausfuhr");
  KIND_EQ("Ein- und Ausfuhr", "Ein-", "word+suspended");
  FORMS_EQ("Ein-, Aus- und Durchfuhr", "Ein-|,|Aus-|und|Durchfuhr");
  FORMS_EQ("Ein-\nund Ausfuhr", "Ein-|und|Ausfuhr");
  FORMS_EQ("Textilein- und -ausfuhr", "Textilein-|und|-ausfuhr");
  KIND_EQ("Textilein- und -ausfuhr", "-ausfuhr", "word+suspended");
  /* across blank lines only when it joins; a spaced dash does not */
  FORMS_EQ("Er sagte Ein-\n\nund dann.", "Er|sagte|Ein- ## und|dann|.");
  FORMS_EQ("Er sagte -\n\nNeues hier.", "Er|sagte|- ## Neues|hier|.");

  const char *t = "und auf eine NATO-\n\n\n\nMitgliedschaft verzichte.\n\nNeu.";
  S_doc d = S_read(t, strlen(t), DEGLOSS_INPUT_TEXT, 0);
  OK(d.n == 2 && d.p[0].nsentences == 1, "joined paragraph, one sentence");
  const dg_token *k = d.n ? S_find(&d.p[0], "NATO-Mitgliedschaft") : NULL;
  OK(k != NULL, "joined token");
  if (k) {
    INT_EQ(k->start, 13, "joined token starts at the first part");
    INT_EQ(k->end, 13 + 5 + 4 + 14, "joined token ends after the last part");
    OK(k->flags & DG_TF_HYPHEN_JOINED, "flag");
    OK(d.p[0].flags & DG_PF_JOINED, "paragraph flag");
  }
  S_free(&d);
}

static void test_decode(void) {
  static const struct { const char *in; size_t len; const char *forms; unsigned warn; } cases[] = {
      {"a\x80z", 3, "a\xEF\xBF\xBDz", 1},                      /* lone continuation */
      {"abc \xE2\x82", 6, "abc|\xEF\xBF\xBD", 1},              /* truncated at EOF */
      {"x\xC0\xAFy", 4, "x\xEF\xBF\xBD\xEF\xBF\xBDy", 2},      /* overlong 2-byte */
      {"x\xE0\x80\xAFy", 5, "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDy", 3}, /* overlong 3 */
      {"x\xED\xA0\x80y", 5, "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDy", 3}, /* surrogate */
      {"x\xF4\x90\x80\x80y", 6, "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDy", 4},
      {"x\xF5y", 3, "x\xEF\xBF\xBDy", 1},                      /* > U+10FFFF lead */
      {"Gr\xFC\xDF" "e", 5, "Gr\xEF\xBF\xBD\xEF\xBF\xBD" "e", 2}, /* Latin-1 */
      {"\xE2\x82\xAC 5", 5, "€|5", 0},                         /* valid */
  };
  for (size_t i = 0; i < DG_ARRAY_LEN(cases); i++) {
    S_reset_warnings();
    S_doc d = S_read(cases[i].in, cases[i].len, DEGLOSS_INPUT_TEXT, 0);
    OK(S_roundtrip(&d, cases[i].in, cases[i].len), "case %zu round trip", i);
    dg_buf b;
    dg_buf_init(&b);
    for (size_t p = 0; p < d.n; p++)
      for (size_t t = 0; t < d.p[p].ntokens; t++) {
        if (b.len) dg_buf_putc(&b, '|');
        dg_buf_puts(&b, d.p[p].tokens[t].form);
        if (cases[i].warn) OK(d.p[p].tokens[t].flags & DG_TF_REPLACED || !strchr(d.p[p].tokens[t].form, '\xEF'), "replaced flag");
      }
    STR_EQ(b.data ? b.data : "", cases[i].forms, "case %zu: tokens with U+FFFD", i);
    INT_EQ(S_nwarn, cases[i].warn, "case %zu: one warning per bad sequence", i);
    dg_buf_free(&b);
    S_free(&d);
  }
  /* the warning names file, line and byte offset */
  S_reset_warnings();
  S_doc d = S_read("ab\ncd\xFF" "ef", 8, DEGLOSS_INPUT_TEXT, 0);
  INT_EQ(S_nwarn, 1, "one warning for the bad byte");
  STR_EQ(S_lastwarn.source, "test", "warning names the source");
  INT_EQ(S_lastwarn.line, 2, "warning names the line");
  INT_EQ(S_lastwarn.position, 5, "warning names the byte offset");
  OK(strstr(S_lastwarn.text, "FF") != NULL, "names the byte: %s", S_lastwarn.text);
  S_free(&d);
  /* many bad bytes: detailed warnings are capped, a total is given */
  S_reset_warnings();
  char bad[500];
  memset(bad, 0xFF, sizeof bad);
  d = S_read(bad, sizeof bad, DEGLOSS_INPUT_TEXT, 0);
  OK(S_nwarn <= 25, "capped: %u", S_nwarn);
  OK(strstr(S_warnings.data, "500 invalid UTF-8 sequences") != NULL, "total: %s", S_warnings.data);
  OK(S_roundtrip(&d, bad, sizeof bad), "round trip");
  S_free(&d);
}

static void test_bom_lines_nfc(void) {
  const char *t = "\xEF\xBB\xBFHallo Welt.";
  S_doc d = S_read(t, strlen(t), DEGLOSS_INPUT_TEXT, 0);
  OK(d.n == 1 && d.p[0].leadlen == 3 && d.p[0].tokens[0].start == 3, "BOM in the lead");
  if (d.n) STR_EQ(d.p[0].tokens[0].form, "Hallo", "BOM not in the first token");
  OK(S_roundtrip(&d, t, strlen(t)), "round trip");
  S_free(&d);

  t = "Eins.\r\n\r\nZwei.\rDrei.\r\rVier.\n";
  FORMS_EQ(t, "Eins|. ## Zwei|. / Drei|. ## Vier|.");
  d = S_read(t, strlen(t), DEGLOSS_INPUT_TEXT, 0);
  OK(d.n == 3, "CR/CRLF paragraphs");
  if (d.n == 3) {
    INT_EQ(d.p[1].line, 3, "CR ends a line");
    INT_EQ(d.p[2].line, 6, "CRLF ends one line");
    OK(d.p[1].tokens[2].flags & DG_TF_LINE_START, "line start after CR");
  }
  STR_EQ(d.tail, "\n", "final newline in the tail");
  S_free(&d);

  /* NFC: a + combining diaeresis becomes ä; the span keeps the original bytes */
  t = "Pra\xCC\x88sident";
  d = S_read(t, strlen(t), DEGLOSS_INPUT_TEXT, 0);
  OK(d.n == 1 && d.p[0].ntokens == 1, "one token");
  if (d.n == 1) {
    STR_EQ(d.p[0].tokens[0].form, "Pr\xC3\xA4sident", "NFC form of the token");
    INT_EQ(d.p[0].tokens[0].end - d.p[0].tokens[0].start, 11, "offsets span the decomposed bytes");
  }
  S_free(&d);
  /* soft hyphen dropped, non-breaking space is a gap */
  FORMS_EQ("Verhand\xC2\xADlungen\xC2\xA0heute", "Verhandlungen|heute");
  /* NUL bytes: ignored with a warning */
  S_reset_warnings();
  d = S_read("Hal\0lo Welt", 11, DEGLOSS_INPUT_TEXT, 0);
  INT_EQ(S_nwarn, 1, "one warning for the NUL byte");
  OK(strstr(S_warnings.data, "NUL") != NULL, "NUL warning: %s", S_warnings.data);
  OK(S_roundtrip(&d, "Hal\0lo Welt", 11), "round trip with NUL");
  S_free(&d);
}

static void test_empty(void) {
  S_doc d = S_read("", 0, DEGLOSS_INPUT_TEXT, 0);
  INT_EQ(d.n, 0, "empty text: no paragraph");
  INT_EQ(d.taillen, 0, "empty text: no tail");
  S_free(&d);
  d = S_read(NULL, 0, DEGLOSS_INPUT_TEXT, 0);
  INT_EQ(d.n, 0, "NULL text: no paragraph");
  S_free(&d);
  const char *t = "\n\n  \t\n\xEF\xBB\xBF";
  d = S_read(t, strlen(t), DEGLOSS_INPUT_TEXT, 0);
  INT_EQ(d.n, 0, "whitespace and BOM only: no paragraph");
  OK(S_roundtrip(&d, t, strlen(t)), "whitespace only");
  S_free(&d);
  d = S_read("", 0, DEGLOSS_INPUT_HORIZONTAL, 0);
  INT_EQ(d.n, 0, "empty horizontal text: no paragraph");
  S_free(&d);
  /* a gap longer than the paragraph bound comes in token-less paragraphs */
  char gap[400];
  memset(gap, '\n', 390);
  memcpy(gap + 390, "Wort.", 6);
  d = S_read(gap, 395, DEGLOSS_INPUT_TEXT, 64);
  OK(d.n >= 2, "paragraphs: %zu", d.n);
  size_t words = 0;
  for (size_t i = 0; i < d.n; i++) {
    words += d.p[i].ntokens;
    OK(d.p[i].leadlen <= 64 + 3, "bounded gap %zu", d.p[i].leadlen);
  }
  INT_EQ(words, 2, "the word and its full stop after a long gap");
  OK(S_roundtrip(&d, gap, 395), "round trip of a long gap");
  S_free(&d);
}

static void test_long_inputs(void) {
  /* a 10,000-letter word is one token */
  size_t n = 10000;
  char *w = dg_xmalloc(2 * n + 8);
  memset(w, 'a', n);
  strcpy(w + n, " b.");
  S_doc d = S_read(w, n + 3, DEGLOSS_INPUT_TEXT, 0);
  OK(d.n == 1 && d.p[0].ntokens == 3 && strlen(d.p[0].tokens[0].form) == n, "long word");
  S_free(&d);
  for (size_t i = 0; i < n; i++) memcpy(w + 2 * i, "\xC3\xA4", 2); /* ä x 10,000 */
  d = S_read(w, 2 * n, DEGLOSS_INPUT_TEXT, 0);
  OK(d.n == 1 && d.p[0].ntokens == 1 && strlen(d.p[0].tokens[0].form) == 2 * n, "long ä word");
  S_free(&d);
  free(w);

  /* a 1.5 MB line without newline: cut at the 1 MiB bound at a space, with a
   * warning; no token lost, round trip exact */
  size_t words = 300000, len = 5 * words;
  char *big = dg_xmalloc(len + 1);
  for (size_t i = 0; i < words; i++) memcpy(big + 5 * i, "wort ", 5);
  big[len - 1] = '.';
  S_reset_warnings();
  d = S_read(big, len, DEGLOSS_INPUT_TEXT, 0);
  OK(d.n == 2, "cut into 2 paragraphs: %zu", d.n);
  size_t tokens = 0;
  for (size_t i = 0; i < d.n; i++) {
    tokens += d.p[i].ntokens;
    OK(d.p[i].rawlen <= DG_TEXT_MAX_PARAGRAPH, "bounded paragraph");
  }
  INT_EQ(tokens, words + 1, "no token lost at the cut");
  OK(d.n && (d.p[0].flags & DG_PF_CUT), "cut flag");
  OK(d.n && (d.p[0].sentences[d.p[0].nsentences - 1].flags & DG_SF_CUT), "sentence cut flag");
  INT_EQ(S_nwarn, 1, "one warning for the cut");
  OK(S_roundtrip(&d, big, len), "round trip of the long line");
  S_free(&d);

  /* input ending exactly at the bound: one paragraph, no cut, no read past
   * the end (ASan checks the exact-size buffer) */
  char *exact = dg_xmalloc(4096);
  memset(exact, 'a', 4096);
  S_reset_warnings();
  d = S_read(exact, 4096, DEGLOSS_INPUT_TEXT, 4096);
  OK(d.n == 1 && !(d.p[0].flags & DG_PF_CUT) && d.p[0].rawlen == 4096, "exact bound");
  INT_EQ(S_nwarn, 0, "no warning at the exact bound");
  S_free(&d);
  d = S_read(exact, 4096, DEGLOSS_INPUT_HORIZONTAL, 4096);
  OK(d.n == 1 && !(d.p[0].flags & DG_PF_CUT), "exact bound, horizontal");
  S_free(&d);
  d = S_read(exact, 4096, DEGLOSS_INPUT_TEXT, 4095);
  OK(d.n == 2 && (d.p[0].flags & DG_PF_CUT), "one byte over the bound");
  OK(S_roundtrip(&d, exact, 4096), "round trip");
  S_free(&d);
  free(exact);

  /* no whitespace at all: cut on a character boundary */
  for (size_t i = 0; i + 2 <= len; i += 2) memcpy(big + i, "\xC3\xA4", 2);
  d = S_read(big, len, DEGLOSS_INPUT_TEXT, 4096);
  OK(d.n > 300, "many cuts: %zu", d.n);
  bool boundary = true;
  for (size_t i = 0; i < d.n; i++) {
    boundary &= d.p[i].rawlen <= 4096 && d.p[i].rawlen % 2 == 0;
    for (size_t t = 0; t < d.p[i].ntokens; t++)
      boundary &= !(d.p[i].tokens[t].flags & DG_TF_REPLACED);
  }
  OK(boundary, "cut on character boundaries");
  OK(S_roundtrip(&d, big, len), "round trip");
  S_free(&d);
  free(big);
}

/* Streaming: a FILE much larger than the paragraph bound is read paragraph
 * by paragraph; nothing returned points into the reader. */
static void test_stream(void) {
  FILE *f = tmpfile();
  OK(f != NULL, "tmpfile");
  if (!f) return;
  size_t total = 0;
  for (int i = 0; i < 20000; i++) {
    char line[128];
    int m = snprintf(line, sizeof line, "Satz Nr. %d ist hier, am %d. Mai.%s", i, i % 28 + 1,
                     i % 7 == 6 ? "\n\n" : " ");
    fwrite(line, 1, (size_t)m, f);
    total += (size_t)m;
  }
  rewind(f);
  dg_reader *r = dg_reader_new(f, "tmp", DEGLOSS_INPUT_TEXT);
  dg_reader_set_max_paragraph(r, 8192);
  dg_paragraph p;
  degloss_error err = {0};
  size_t np = 0, ns = 0, maxraw = 0;
  uint64_t last = 0;
  bool ok = true;
  while (dg_reader_next(r, &p, &err)) {
    np++;
    ns += p.nsentences;
    if (p.rawlen > maxraw) maxraw = p.rawlen;
    ok &= p.lead_start == last;
    last = p.end;
    dg_paragraph_free(&p);
  }
  size_t tl;
  uint64_t ts;
  dg_reader_tail(r, &tl, &ts);
  OK(ok && ts == last && ts + tl == total, "offsets continuous to the end");
  INT_EQ(err.code, DEGLOSS_OK, "no read error");
  INT_EQ(np, 20000 / 7 + 1, "a paragraph every 7 sentences");
  INT_EQ(ns, 20000, "every sentence read");
  OK(maxraw <= 8192, "bounded");
  INT_EQ(dg_reader_offset(r), total, "reader offset at the end of the input");
  dg_reader_free(r);
  fclose(f);
}

/* A paragraph written into a pipe that stays open is returned at once (the
 * reader must not wait for more input or a full chunk). */
static void test_pipe_interactive(void) {
  int fds[2];
  OK(pipe(fds) == 0, "pipe");
  const char *first = "Erster Absatz, fertig.\n\n";
  OK(write(fds[1], first, strlen(first)) == (ssize_t)strlen(first), "write");
  FILE *in = fdopen(fds[0], "rb");
  dg_reader *r = dg_reader_new(in, "pipe", DEGLOSS_INPUT_TEXT);
  dg_paragraph p;
  degloss_error err = {0};
  alarm(20); /* a hang fails the test instead of blocking it */
  OK(dg_reader_next(r, &p, &err) && p.nsentences == 1 && p.ntokens == 5,
     "first paragraph before EOF");
  dg_paragraph_free(&p);
  const char *second = "Zweiter.";
  OK(write(fds[1], second, strlen(second)) == (ssize_t)strlen(second), "write");
  close(fds[1]);
  OK(dg_reader_next(r, &p, &err) && p.ntokens == 2 && p.start == strlen(first), "second");
  dg_paragraph_free(&p);
  OK(!dg_reader_next(r, &p, &err) && err.code == DEGLOSS_OK, "end");
  alarm(0);
  dg_reader_free(r);
  fclose(in);
}

/* Forms of all tokens joined by '|'. */
static void S_doc_forms(const S_doc *d, dg_buf *b) {
  dg_buf_clear(b);
  for (size_t i = 0; i < d->n; i++)
    for (size_t t = 0; t < d->p[i].ntokens; t++) {
      if (b->len) dg_buf_putc(b, '|');
      dg_buf_puts(b, d->p[i].tokens[t].form);
    }
  dg_buf_putc(b, '\0');
}

static void test_encodings(void) {
  degloss_encoding e = DEGLOSS_ENCODING_UTF8;
  OK(dg_encoding_parse("Windows-1252", &e) && e == DEGLOSS_ENCODING_CP1252, "windows-1252");
  OK(dg_encoding_parse("ISO-8859-1", &e) && e == DEGLOSS_ENCODING_LATIN1, "iso-8859-1");
  OK(dg_encoding_parse("utf-16be", &e) && e == DEGLOSS_ENCODING_UTF16BE, "utf-16be");
  OK(!dg_encoding_parse("ebcdic", &e) && !dg_encoding_parse("", &e), "unknown names");
  STR_EQ(dg_encoding_name(DEGLOSS_ENCODING_CP1252), "windows-1252", "name of CP1252");
  dg_buf b;
  dg_buf_init(&b);
  /* Windows-1252: quotes, dash and umlauts; offsets are original bytes */
  const char *w = "Die Gespr\xE4" "che \x84laufen\x93 \x96 gut.\n";
  for (int auto_ = 0; auto_ < 2; auto_++) {
    S_reset_warnings();
    S_doc d = S_read_enc(w, strlen(w), DEGLOSS_INPUT_TEXT, 0, auto_ ? DEGLOSS_ENCODING_AUTO : DEGLOSS_ENCODING_CP1252);
    S_doc_forms(&d, &b);
    STR_EQ(b.data, "Die|Gespr\xC3\xA4" "che|\xE2\x80\x9E|laufen|\xE2\x80\x9C|\xE2\x80\x93|gut|.",
           "Windows-1252 quotes, dash and umlaut (%s)", auto_ ? "detected" : "given");
    OK(d.n == 1 && d.p[0].tokens[1].start == 4 && d.p[0].tokens[1].end == 13, "Gespräche [4,13)");
    OK(d.n == 1 && d.p[0].tokens[2].start == 14 && d.p[0].tokens[2].end == 15, "„ [14,15)");
    OK(S_roundtrip(&d, w, strlen(w)), "round trip");
    OK(S_nwarn == 0, "no warning: %s", S_warnings.data ? S_warnings.data : "");
    S_free(&d);
  }
  /* byte 81 is not a Windows-1252 character */
  S_reset_warnings();
  S_doc d = S_read_enc("a\x81" "b c", 5, DEGLOSS_INPUT_TEXT, 0, DEGLOSS_ENCODING_CP1252);
  S_doc_forms(&d, &b);
  STR_EQ(b.data, "a\xEF\xBF\xBD" "b|c", "Windows-1252 byte 81 becomes U+FFFD");
  OK(S_nwarn == 1 && strstr(S_warnings.data, "test:1:1:invalid Windows-1252 (81)"), "%s",
     S_warnings.data);
  S_free(&d);
  /* ISO-8859-1: 0x85 is NEL, a line break, not an ellipsis */
  d = S_read_enc("Stra\xDF" "e\x85Weg", 10, DEGLOSS_INPUT_TEXT, 0, DEGLOSS_ENCODING_LATIN1);
  S_doc_forms(&d, &b);
  STR_EQ(b.data, "Stra\xC3\x9F" "e|Weg", "ISO-8859-1 NEL breaks the line");
  S_free(&d);
  /* UTF-16LE with a BOM; a character outside the BMP; NUL warnings name original bytes */
  static const char u16[] = "\xFF\xFE" "a\0\xE4\0 \0\x3D\xD8\x00\xDE\0\0" "x\0";
  S_reset_warnings();
  d = S_read_enc(u16, sizeof u16 - 1, DEGLOSS_INPUT_TEXT, 0, DEGLOSS_ENCODING_AUTO);
  S_doc_forms(&d, &b);
  STR_EQ(b.data, "a\xC3\xA4|\xF0\x9F\x98\x80|x", "UTF-16 with a surrogate pair");
  OK(d.n == 1 && d.p[0].ntokens == 3 && d.p[0].tokens[1].start == 8 &&
     d.p[0].tokens[1].end == 12 && d.p[0].tokens[2].start == 14, "UTF-16 offsets");
  OK(S_roundtrip(&d, u16, sizeof u16 - 1), "UTF-16 round trip");
  OK(S_nwarn == 1 && strstr(S_warnings.data, "test:1:12:NUL byte ignored"), "%s", S_warnings.data);
  S_free(&d);
  /* AUTO: valid UTF-8 with a stray byte stays UTF-8 */
  S_reset_warnings();
  d = S_read_enc("\xC3\xA4u\xC3\x9F" "ere \xE4 Ma\xC3\x9F", 15, DEGLOSS_INPUT_TEXT, 0, DEGLOSS_ENCODING_AUTO);
  S_doc_forms(&d, &b);
  STR_EQ(b.data, "\xC3\xA4u\xC3\x9F" "ere|\xEF\xBF\xBD|Ma\xC3\x9F",
         "UTF-8 with a stray Latin-1 byte stays UTF-8");
  OK(S_nwarn == 1, "one warning");
  S_free(&d);
  /* AUTO on a pipe: a Windows-1252 paragraph is handed out before EOF */
  int fds[2];
  OK(pipe(fds) == 0, "pipe");
  const char *first = "Gr\xFC\xDF" "e.\n\n";
  OK(write(fds[1], first, strlen(first)) == (ssize_t)strlen(first), "write");
  FILE *in = fdopen(fds[0], "rb");
  dg_reader *r = dg_reader_new(in, "pipe", DEGLOSS_INPUT_TEXT);
  dg_paragraph p;
  degloss_error err = {0};
  alarm(20);
  OK(dg_reader_next(r, &p, &err) && p.ntokens == 2 && !strcmp(p.tokens[0].form, "Gr\xC3\xBC\xC3\x9F" "e"),
     "first paragraph before EOF");
  OK(dg_reader_encoding(r) == DEGLOSS_ENCODING_CP1252, "judged Windows-1252");
  dg_paragraph_free(&p);
  OK(write(fds[1], "\x84Ja\x93", 4) == 4, "write");
  close(fds[1]);
  OK(dg_reader_next(r, &p, &err) && p.ntokens == 3 && p.start == strlen(first) &&
     p.tokens[1].start == p.start + 1 && !strcmp(p.tokens[1].form, "Ja"), "second");
  dg_paragraph_free(&p);
  OK(!dg_reader_next(r, &p, &err) && err.code == DEGLOSS_OK, "end");
  OK(dg_reader_offset(r) == strlen(first) + 4, "offset in original bytes");
  alarm(0);
  dg_reader_free(r);
  fclose(in);
  dg_buf_free(&b);
}

static void test_horizontal(void) {
  const char *t = "Das ist  gut .\n\nz. B. 17. Ein- https://x.org\r\nletzte";
  char *f = S_forms(t, DEGLOSS_INPUT_HORIZONTAL);
  STR_EQ(f, "Das|ist|gut|. ##  ## z.|B.|17.|Ein-|https://x.org ## letzte",
         "horizontal: tokens as given");
  free(f);
  S_doc d = S_read(t, strlen(t), DEGLOSS_INPUT_HORIZONTAL, 0);
  OK(d.n == 4, "4 lines");
  if (d.n == 4) {
    INT_EQ(d.p[1].nsentences, 1, "an empty line is one sentence");
    INT_EQ(d.p[1].sentences[0].ntokens, 0, "an empty line has no token");
    const dg_token *k = S_find(&d.p[2], "17.");
    OK(k && k->kind == DG_TOK_NUMBER && (k->flags & DG_TF_ORDINAL), "17. ordinal");
    k = S_find(&d.p[2], "Ein-");
    OK(k && k->kind == DG_TOK_WORD && (k->flags & DG_TF_SUSPENDED), "Ein- suspended");
    k = S_find(&d.p[2], "https://x.org");
    OK(k && k->kind == DG_TOK_URL, "url");
    INT_EQ(d.p[3].line, 4, "CRLF ends one line");
  }
  OK(S_roundtrip(&d, t, strlen(t)), "horizontal round trip");
  S_free(&d);
}

/* Lines: running text inside a line (its sentences found as in text mode),
 * every line a paragraph of its own, an empty line one sentence without
 * tokens. */
static void test_lines(void) {
  const char *t = "Das ist gut. Er kommt z. B. morgen.\n\nDrei Wörter hier\r\nletzte";
  char *f = S_forms(t, DEGLOSS_INPUT_LINES);
  STR_EQ(f, "Das|ist|gut|. / Er|kommt|z. B.|morgen|. ##  ## Drei|Wörter|hier ## letzte",
         "lines: running text in each line");
  free(f);
  S_doc d = S_read(t, strlen(t), DEGLOSS_INPUT_LINES, 0);
  OK(d.n == 4, "4 lines");
  if (d.n == 4) {
    INT_EQ(d.p[0].nsentences, 2, "two sentences on line 1");
    INT_EQ(d.p[1].nsentences, 1, "an empty line is one sentence");
    INT_EQ(d.p[1].sentences[0].ntokens, 0, "an empty line has no token");
    INT_EQ(d.p[1].line, 2, "line 2");
    INT_EQ(d.p[3].line, 4, "CRLF ends one line");
  }
  OK(S_roundtrip(&d, t, strlen(t)), "lines round trip");
  S_free(&d);
}

static void test_builder_classify(void) {
  dg_sentbuilder *b = dg_sentbuilder_new();
  dg_sentbuilder_add(b, "Hallo", 5, 10, 15);
  dg_sentbuilder_add(b, "We\xCC\x88lt", 6, 16, 22);
  dg_sentbuilder_add(b, "!", 1, 22, 23);
  dg_paragraph p;
  dg_sentbuilder_finish(b, &p);
  OK(p.nsentences == 1 && p.ntokens == 3, "one sentence of 3");
  if (p.ntokens == 3) {
    STR_EQ(p.tokens[1].form, "W\xC3\xABlt", "builder normalises to NFC");
    INT_EQ(p.tokens[2].kind, DG_TOK_PUNCT, "builder classifies the token");
    INT_EQ(p.sentences[0].start, 10, "sentence starts at its first token");
    INT_EQ(p.sentences[0].end, 23, "sentence ends at its last token");
  }
  dg_paragraph_free(&p);
  dg_sentbuilder_add(b, "\xFF", 1, 0, 1); /* the builder is reusable */
  dg_sentbuilder_finish(b, &p);
  OK(p.ntokens == 1 && !strcmp(p.tokens[0].form, "\xEF\xBF\xBD") &&
         (p.tokens[0].flags & DG_TF_REPLACED),
     "replaced");
  dg_paragraph_free(&p);
  dg_sentbuilder_free(b);

  static const struct { const char *form; dg_tokkind kind; unsigned flag; } cases[] = {
      {"https://x.org/a", DG_TOK_URL, 0},   {"a.b@example.de", DG_TOK_EMAIL, 0},
      {"@name", DG_TOK_HANDLE, 0},          {"#Wort", DG_TOK_HASHTAG, 0},
      {"1.000", DG_TOK_NUMBER, 0},          {"17.", DG_TOK_NUMBER, DG_TF_ORDINAL},
      {"%", DG_TOK_SYMBOL, 0},              {"„", DG_TOK_PUNCT, 0},
      {"...", DG_TOK_PUNCT, 0},             {"US-Präsident", DG_TOK_WORD, 0},
      {"bzw.", DG_TOK_WORD, DG_TF_ABBREV},  {"z.B.", DG_TOK_WORD, DG_TF_ABBREV},
      {"Ein-", DG_TOK_WORD, DG_TF_SUSPENDED}, {"30-tägigen", DG_TOK_WORD, 0},
      {"A&O", DG_TOK_WORD, 0},              {"?!", DG_TOK_PUNCT, 0},
      {"--force", DG_TOK_CODE, 0},          {"-v", DG_TOK_CODE, 0},
      {"/usr/share/doc", DG_TOK_CODE, 0},   {"C:\\Temp", DG_TOK_CODE, 0},
      {"snake_case", DG_TOK_CODE, 0},       {"getUserName", DG_TOK_CODE, 0},
      {"foo()", DG_TOK_CODE, 0},            {"ls(1)", DG_TOK_CODE, 0},
      {"`x y`", DG_TOK_CODE, 0},            {"Lehrer_innen", DG_TOK_WORD, 0},
      {"LehrerInnen", DG_TOK_WORD, 0},      {"YouTube", DG_TOK_WORD, 0},
      {"iPod", DG_TOK_WORD, 0},             {"kWh", DG_TOK_WORD, 0},
      {"12,\xE2\x80\x93", DG_TOK_NUMBER, 0}, {"03.10.1990", DG_TOK_NUMBER, 0},
  };
  for (size_t i = 0; i < DG_ARRAY_LEN(cases); i++) {
    unsigned fl = 0;
    dg_tokkind k = dg_classify_token(cases[i].form, strlen(cases[i].form), &fl);
    OK(k == cases[i].kind, "%s: kind %s", cases[i].form, dg_tokkind_name(k));
    OK((fl & cases[i].flag) == cases[i].flag, "%s: flags %x", cases[i].form, fl);
  }
  STR_EQ(dg_tokkind_name(DG_TOK_HASHTAG), "hashtag", "kind name");
  STR_EQ(dg_tokkind_name(DG_TOK_CODE), "code", "kind name of code");
  STR_EQ(dg_tokkind_name((dg_tokkind)99), "?", "name of an unknown kind");

  /* in-memory parsing of one paragraph with a base offset */
  dg_text_parse("Am 17. März. Danach.", 21, 1000, "mem", &p);
  INT_EQ(p.nsentences, 2, "in-memory parse: two sentences");
  INT_EQ(p.tokens[0].start, 1000, "offsets from the base");
  INT_EQ(p.sentences[1].start, 1014, "second sentence offset from the base");
  dg_paragraph_free(&p);
}

/* A random document of fewer than `most` pieces strung together (a piece
 * "" is a NUL byte), drawn by the generator in *seed. */
static void S_random_doc(dg_buf *doc, unsigned long long *seed, int most, const char *const *pieces, size_t npieces) {
  dg_buf_clear(doc);
  *seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
  int n = (int)((*seed >> 33) % (unsigned long long)most);
  for (int i = 0; i < n; i++) {
    *seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
    const char *pc = pieces[(*seed >> 33) % npieces];
    dg_buf_put(doc, pc, pc[0] ? strlen(pc) : 1);
  }
}

/* Property test: random documents built from tricky pieces always round-trip,
 * tile, never crash, under small and default paragraph bounds. */
static void test_random(void) {
  static const char *const pieces[] = {
      "Wort", " ", " ", "\n", "\n\n", ".", "-", "-\n", "-\n\n", "„", "“", "\"", "*", "**", "_",
      "z.", "B.", "Dr.", "17", ". ", "3,5", "1.000", "\xFF", "\xE2\x82", "\xC3\xA4", "\r",
      "\r\n", "\f", "@", "#", "http://x.de", "a@b.de", "…", "...", "'", "’", "\0", "\xC2\xAD",
      "\xCC\x88", "und", "Ein-", "NATO", "\t", "\xEF\xBB\xBF", "(", ")", "1.", "usw.", "A.",
  };
  unsigned long long seed = 42;
  dg_buf doc;
  dg_buf_init(&doc);
  int bad = 0;
  dg_warn_fn old = NULL;
  (void)old;
  for (int round = 0; round < 1500; round++) {
    S_random_doc(&doc, &seed, 120, pieces, DG_ARRAY_LEN(pieces));
    for (int mode = 0; mode < 2; mode++) {
      S_doc d = S_read(doc.data ? doc.data : "", doc.len, (degloss_input)mode,
                       round % 3 == 0 ? 64 : 0);
      if (!S_roundtrip(&d, doc.data ? doc.data : "", doc.len)) {
        if (bad++ < 3) {
          fprintf(stderr, "random round %d mode %d fails:", round, mode);
          for (size_t i = 0; i < doc.len; i++) fprintf(stderr, " %02X", (unsigned char)doc.data[i]);
          fputc('\n', stderr);
        }
      }
      S_free(&d);
    }
  }
  INT_EQ(bad, 0, "random documents that do not round-trip");
  dg_buf_free(&doc);
}

/* tokenize.c's lane (S_lane) takes the common words, commas and full
 * stops without the general branches: it must give the tokens, ranges,
 * flags and forms that the branches give.  Every line of the corpora and
 * documents of tricky pieces, tokenized both ways.  (And with no line
 * break stepped over, no token but the first starts a line.) */
static int S_lane_differs(const char *text, size_t len) {
  dg_warnstate ws = {.reported = DG_TEXT_WARN_MAX, .capped = true}; /* silent */
  dg_textbuf tb = {0};
  dg_ltoks a = {0}, b = {0};
  b.no_lane = true;
  dg_text_decode(&tb, text, len, 0, NULL, 0, &ws);
  dg_text_tokenize(&tb, text, &a);
  dg_text_tokenize(&tb, text, &b);
  int bad = a.n != b.n;
  for (size_t i = 0; !bad && i < a.n; i++) {
    const dg_ltok *x = &a.v[i], *y = &b.v[i];
    bad = x->cs != y->cs || x->ce != y->ce || x->fo != y->fo || x->fl != y->fl || x->kind != y->kind ||
          x->flags != y->flags || memcmp(a.forms.data + x->fo, b.forms.data + y->fo, x->fl + 1) != 0 ||
          (i && a.breaks == 0 && (x->flags & DG_TF_LINE_START)); /* (segment.c counts on it) */
  }
  if (bad) {
    fprintf(stderr, "lane differs:");
    for (size_t i = 0; i < len && i < 200; i++) fprintf(stderr, " %02X", (unsigned char)text[i]);
    fputc('\n', stderr);
  }
  dg_textbuf_free(&tb);
  dg_ltoks_free(&a);
  dg_ltoks_free(&b);
  return bad;
}

static void test_lane(const char *root) {
  static const char *const odd[] = {
      "Wort, Wort. Wort", "wie hat für Wahl http://x.de www.x.de ftp://a.b Htwo", "os.path z.B. Wort..",
      "Wort.Wort, usw. Dr. Müller", "McDonald iPhone getUserName snake_case foo() ls(1) C:\\Temp",
      "Ä, Ö. ß... Straße, Grüße", "ab\xC2\xAD" "cd e\xCC\x81 Caf\xC3\xA9, x\xEF\xBF\xBD y", "Wort\tWort\nWort\r\nWort",
      "a@b.de Wort, Wort. x@y", "Wort,,", "Wort.,", "Wort3 Wort-Wort Wort's Klaus' Wort) (Wort",
      "Ein- und Ausfuhr, Lehrer*innen, Lehrer:in", "A. B. Trump", "Wort.", "W", "W ", " W,", "\xCE\x91\xCE\xB2 \xCE\xB3.",
  };
  int bad = 0;
  for (size_t i = 0; i < DG_ARRAY_LEN(odd); i++) bad += S_lane_differs(odd[i], strlen(odd[i]));
  static const char *const files[] = {"samples/news-ukraine-2025.de.txt",
                                      "dictionaries/parallel/flores200/deu_Latn.devtest",
                                      "dictionaries/parallel/ntrex/newstest2019-ref.deu.txt"};
  size_t lines = 0;
  for (size_t f = 0; f < DG_ARRAY_LEN(files); f++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", root, files[f]);
    FILE *in = fopen(path, "rb");
    OK(in != NULL, "corpus for the lane test: %s", path);
    if (!in) continue;
    char line[65536];
    while (fgets(line, sizeof line, in)) {
      bad += S_lane_differs(line, strlen(line));
      lines++;
    }
    fclose(in);
  }
  OK(lines > 2000, "lines of the corpora tokenized both ways: %zu", lines);
  /* the pieces of test_random, strung together */
  static const char *const pieces[] = {
      "Wort", " ", " ", "\n", ".", ",", "-", "„", "“", "\"", "*", "_", "z.", "B.", "Dr.", "17", ". ", "3,5",
      "\xFF", "\xC3\xA4", "\r", "@", "#", "http://x.de", "a@b.de", "…", "...", "'", "’", "\xC2\xAD", "\xCC\x88",
      "und", "Ein-", "NATO", "\t", "(", ")", "1.", "usw.", "A.", "McD", "www", "ht", "Äpfel", "o", "W",
  };
  unsigned long long seed = 7;
  dg_buf doc;
  dg_buf_init(&doc);
  for (int round = 0; round < 3000; round++) {
    S_random_doc(&doc, &seed, 60, pieces, DG_ARRAY_LEN(pieces));
    bad += S_lane_differs(doc.data ? doc.data : "", doc.len);
  }
  dg_buf_free(&doc);
  INT_EQ(bad, 0, "inputs the lane tokenizes otherwise");
}

int main(int argc, char **argv) {
  const char *root = argc > 1 ? argv[1] : ".";
  dg_buf_init(&S_warnings);
  static dg_warn_scope scope = {.fn = S_sink};
  dg_warn_push(&scope);
  test_words();
  test_numbers_symbols();
  test_web();
  test_emphasis();
  test_abbreviations();
  test_abbrev_table();
  test_ordinals_dates();
  test_quotes();
  test_ellipsis();
  test_headlines();
  test_hyphenation();
  test_decode();
  test_bom_lines_nfc();
  test_empty();
  test_long_inputs();
  test_stream();
  test_pipe_interactive();
  test_encodings();
  test_horizontal();
  test_lines();
  test_builder_classify();
  test_random();
  test_lane(root);
  dg_buf_free(&S_warnings);
  return DONE("text.unit");
}
