/* The reader: the script shared by --format html (html.c embeds it after the
   sentences it wrote) and the web app's page (src/serve/page.html embeds it
   and builds the sentences from the API's JSON with DeglossReader.load).
   Each sentence is the JSONL object of --format jsonl; html.c writes it
   beside the sentence's markup in a script element of type
   application/json (class dg-data).  The reader adds a toolbar (line toggles, Leipzig/plain
   switch, search, legend), a detail panel for a clicked word, keyboard
   navigation, and the highlighting of a word's aligned translation words
   (the token's "align" byte spans) and back.
   SPDX-License-Identifier: GPL-3.0-or-later */
(function () {
  "use strict";
  const R = {};
  window.DeglossReader = R;
  let sents = []; /* {el, data, words[], spans[]} */
  let selected = null, hovered = null, panel = null, hits = [], hitAt = -1, legend = null;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  /* ---- cells: the gloss line in either style (as src/render/cells.c) ---- */

  const dotted = (g) => (g || "").split(" ").join(".");
  /* Leipzig: pieces [text, isLabel]; a compound's parts joined by "-" with a
     linking element as LNK (unless the word's own gloss stands for the
     whole: whole_gloss), the labels after "-" when the word is segmented
     (Russland-s: Russia-GEN), else after "."; a detached particle of a
     separable verb in brackets; a reflexive pronoun is its label. */
  R.leipzig = function (t) {
    if (t.kind === "punct") return [];
    if (t.separable && t.separable.role === "particle") return [["(" + dotted(t.gloss) + ")", false]];
    if (t.pos === "PRON" && (t.labels || "").startsWith("REFL")) return [[t.labels, true]];
    const out = [];
    const parts = t.parts || [];
    if (parts.length > 1 && !(t.mwe && t.mwe.head) && !t.whole_gloss) {
      parts.forEach((p, i) => {
        if (i) out.push(["-", false]);
        out.push(p.kind === "link" ? ["LNK", true] : [dotted(p.gloss || p.form), false]);
      });
    } else {
      out.push([dotted(t.gloss || t.form), false]);
    }
    if (t.labels) {
      out.push([t.segmentation ? "-" : ".", false]);
      out.push([t.labels, true]);
    }
    return out;
  };
  R.leipzigText = (t) => R.leipzig(t).map((p) => p[0]).join("");
  R.plainText = (t) => (t.kind === "punct" ? "" : t.plain || t.gloss || t.form);

  function wordClasses(t) {
    let c = "w";
    if (t.kind === "name") c += " name";
    if (t.kind === "punct") c += " p";
    if (t.kind === "code") c += " code";
    if (t.source === "unknown") c += " unk";
    if (t.mwe) c += " mwe";
    if (t.separable) c += " sep";
    return c;
  }

  /* One sentence's markup from its JSON object (the same markup html.c writes). */
  R.buildSentence = function (data, n) {
    const div = el("div", "s" + (data.headline ? " headline" : ""));
    div.id = "s" + n;
    const ws = el("div", "ws");
    data.tokens.forEach((t, i) => {
      const w = el("span", wordClasses(t));
      w.dataset.t = i;
      w.append(el("span", "de", t.form));
      w.append(el("span", "seg", t.kind === "punct" ? "" : t.segmentation || t.form));
      const lz = el("span", "gl lz");
      R.leipzig(t).forEach((p) => lz.append(p[1] ? el("span", "lab", p[0]) : document.createTextNode(p[0])));
      w.append(lz, el("span", "gl pl", R.plainText(t)));
      ws.append(w);
    });
    div.append(ws);
    const mwes = [], seen = {};
    data.tokens.forEach((t) => {
      if (t.mwe && !seen[t.mwe.id]) (seen[t.mwe.id] = 1), mwes.push(t.mwe.lemma + " = " + t.mwe.gloss);
    });
    if (mwes.length) div.append(el("div", "exprs", mwes.join("\n")));
    if (data.translation) div.append(el("div", "tr", data.translation.text));
    else if (data.translation_error) div.append(el("div", "err", "no translation: " + data.translation_error.message));
    return div;
  };

  /* ---- alignment: the translation split at the tokens' byte spans ---- */

  function wireTranslation(s) {
    const tr = s.el.querySelector(".tr");
    if (!tr || !s.data.translation) return;
    const bytes = new TextEncoder().encode(s.data.translation.text);
    const cuts = new Set([0, bytes.length]);
    s.data.tokens.forEach((t) => (t.align || []).forEach((a) => { cuts.add(a[0]); cuts.add(a[1]); }));
    const at = [...cuts].filter((b) => b >= 0 && b <= bytes.length).sort((a, b) => a - b);
    const dec = new TextDecoder();
    tr.replaceChildren();
    for (let k = 0; k + 1 < at.length; k++) {
      const a = at[k], b = at[k + 1];
      const text = dec.decode(bytes.subarray(a, b));
      const toks = [];
      s.data.tokens.forEach((t, i) => {
        if ((t.align || []).some((x) => x[0] <= a && b <= x[1])) toks.push(i);
      });
      if (!toks.length) { tr.append(document.createTextNode(text)); continue; }
      const sp = el("span", "", text);
      sp.dataset.b = a;
      sp.dgTokens = toks;
      s.spans.push(sp);
      tr.append(sp);
    }
  }

  function alignedSpans(s, i) {
    return s.spans.filter((sp) => sp.dgTokens.includes(i));
  }

  function paintAlign() {
    document.querySelectorAll(".al").forEach((e) => e.classList.remove("al"));
    [selected, hovered].forEach((h) => {
      if (!h) return;
      const s = sents[h.s];
      if (h.span) {
        h.span.classList.add("al");
        h.span.dgTokens.forEach((i) => s.words[i] && s.words[i].classList.add("al"));
      } else {
        alignedSpans(s, h.t).forEach((sp) => sp.classList.add("al"));
        if (h !== selected && alignedSpans(s, h.t).length) s.words[h.t].classList.add("al");
      }
    });
  }

  /* ---- registering sentences ---- */

  function register(sentEl, data) {
    const s = { el: sentEl, data: data, words: [], spans: [] };
    sentEl.dgIndex = sents.length;
    sentEl.querySelectorAll(".w[data-t]").forEach((w) => {
      const i = +w.dataset.t;
      s.words[i] = w;
      w.removeAttribute("title");
      if (data.tokens[i] && data.tokens[i].kind !== "punct") w.tabIndex = 0;
    });
    sents.push(s);
    wireTranslation(s);
  }

  /* The web app: build the sentences of an API answer into `container`. */
  R.load = function (container, sentences, style) {
    R.close();
    sents = [];
    container.replaceChildren();
    sentences.forEach((d, n) => {
      const e = R.buildSentence(d, n + 1);
      container.append(e);
      register(e, d);
    });
    if (style) R.setStyle(style);
    search();
  };

  /* --format html: the sentences html.c wrote, with their JSON beside them. */
  R.attach = function () {
    document.querySelectorAll(".s").forEach((e) => {
      const d = e.querySelector("script.dg-data");
      if (d) register(e, JSON.parse(d.textContent));
    });
  };

  /* ---- the detail panel ---- */

  const POS = { ADJ: "adjective", ADP: "preposition", ADV: "adverb", AUX: "auxiliary verb",
    CCONJ: "coordinating conjunction", DET: "determiner", INTJ: "interjection", NOUN: "noun",
    NUM: "numeral", PART: "particle", PRON: "pronoun", PROPN: "proper noun", PUNCT: "punctuation",
    SCONJ: "subordinating conjunction", SYM: "symbol", VERB: "verb", X: "other" };
  const FEAT = { Case: { Nom: "nominative", Acc: "accusative", Dat: "dative", Gen: "genitive", _: "case" },
    Gender: { Masc: "masculine", Fem: "feminine", Neut: "neuter", _: "gender" },
    Number: { Sing: "singular", Plur: "plural", _: "" },
    Person: { 1: "first person", 2: "second person", 3: "third person", _: "" },
    Tense: { Pres: "present", Past: "past", _: "tense" },
    Mood: { Ind: "indicative", Sub: "subjunctive", Imp: "imperative", _: "mood" },
    VerbForm: { Fin: "finite", Inf: "infinitive", Part: "participle", _: "" },
    Definite: { Def: "definite", Ind: "indefinite", _: "" },
    PronType: { Art: "article", Prs: "personal", Dem: "demonstrative", Rel: "relative", Int: "interrogative",
      Ind: "indefinite", Tot: "total", Neg: "negative", Rcp: "reciprocal", _: "pronoun" },
    Degree: { Pos: "positive", Cmp: "comparative", Sup: "superlative", _: "degree" },
    Poss: { Yes: "possessive", _: "" }, Reflex: { Yes: "reflexive", _: "" },
    Polite: { Form: "polite", _: "" }, NumType: { Card: "cardinal", Ord: "ordinal", _: "number" },
    Voice: { Pass: "passive", _: "voice" }, Aspect: { Perf: "perfect", _: "aspect" } };
  /* "Case=Acc,Dat|Number=Sing" -> "accusative or dative case, singular" */
  R.featuresInWords = function (f) {
    if (!f) return "";
    return f.split("|").map((kv) => {
      const [k, v] = kv.split("=");
      const m = FEAT[k];
      if (!m) return k + " " + v;
      const vs = (v || "").split(",").map((x) => m[x] || x);
      const words = vs.length > 1 ? vs.slice(0, -1).join(", ") + " or " + vs[vs.length - 1] : vs[0];
      return m._ ? words + " " + m._ : words;
    }).join(", ");
  };

  function legendMap() {
    if (legend) return legend;
    legend = {};
    document.querySelectorAll("#dg-legend dt").forEach((dt) => {
      const dd = dt.nextElementSibling;
      if (dd) legend[dt.textContent] = dd.textContent;
    });
    return legend;
  }
  /* "PST.3SG" -> [["PST", "past tense"], ["3SG", "third person singular"]] */
  R.explainLabels = function (labels) {
    const m = legendMap();
    return (labels || "").split(/[.\/]/).filter(Boolean).map((l) => {
      if (m[l]) return [l, m[l]];
      const pn = /^([123])(SG|PL)$/.exec(l);
      if (pn && m[pn[1]] && m[pn[2]]) return [l, m[pn[1]] + ", " + m[pn[2]]];
      return [l, ""];
    });
  };

  const SOURCES = [[/^ding:(\d+)/, "Ding dictionary, entry $1"], [/^dictionaries\/([^:]+):(\d+)/, "$1, line $2"],
    [/^mwe\.tsv:(\d+)/, "expressions (mwe.tsv), line $1"], [/^translation$/, "chosen by the translation"],
    [/^unknown$/, "unknown word"], [/^name$/, "taken as a name"], [/^compound$/, "compound of dictionary words"],
    [/^parts$/, "glossed from its parts"]];
  R.sourceInWords = function (src) {
    for (const [re, words] of SOURCES) if (re.test(src || "")) return (src || "").replace(re, words);
    return src || "";
  };

  function wordLink(s, i, text) {
    const a = el("a", "", text);
    a.href = "#";
    a.addEventListener("click", (e) => { e.preventDefault(); R.open(s, i); });
    return a;
  }

  function fill(s, i) {
    const t = sents[s].data.tokens[i];
    const tokens = sents[s].data.tokens;
    panel.replaceChildren();
    const close = el("button", "dg-close", "\u00d7");
    close.setAttribute("aria-label", "close");
    close.addEventListener("click", () => R.close());
    panel.append(close, el("h2", "", t.form));
    const dl = el("dl");
    const row = (name, value) => {
      if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
      dl.append(el("dt", "", name));
      const dd = el("dd");
      if (Array.isArray(value)) dd.append(...value); else if (value instanceof Node) dd.append(value); else dd.textContent = value;
      dl.append(dd);
    };
    const kinds = { name: "a name", code: "code, kept as written", number: "a number", url: "a web address",
      email: "an e-mail address", symbol: "a symbol" };
    if (t.source === "unknown") row("note", "unknown word: not in the dictionary, the German word is repeated");
    else if (kinds[t.kind]) row("note", kinds[t.kind]);
    row("lemma", t.lemma);
    row("part of speech", POS[t.pos] || t.pos);
    row("features", R.featuresInWords(t.features));
    if (t.labels) {
      const ul = el("ul");
      R.explainLabels(t.labels).forEach(([l, m]) => {
        const li = el("li");
        li.append(el("b", "", l), document.createTextNode(m ? ": " + m : ""));
        ul.append(li);
      });
      row("labels", ul);
    }
    row("gloss", R.leipzigText(t));
    row("plain", R.plainText(t));
    if (t.glosses && t.glosses.length) {
      const ol = el("ol");
      t.glosses.forEach((g, k) => {
        const li = el("li", "", g);
        const sense = t.senses && t.senses[k];
        const from = k === 0 ? R.sourceInWords(t.source)
          : sense && sense.source ? R.sourceInWords(sense.source) : "";
        const src = [t.source === "translation" && k === 1 ? "the context's choice" : "", from]
          .filter((x) => x).join("; ");
        if (src) li.append(" ", el("span", "src", "(" + src + ")"));
        if (sense && sense.domains) li.append(" ", el("span", "dom", sense.domains.split(";").join(", ")));
        ol.append(li);
      });
      row("senses", ol);
    }
    if (t.reason) row("why", t.reason);
    if (t.parts && t.parts.length) {
      const ul = el("ul");
      t.parts.forEach((p) => {
        ul.append(el("li", "", p.kind === "link" ? p.form + " (linking element)"
          : p.lemma + " \u2018" + (p.gloss || "?") + "\u2019"));
      });
      row("compound", ul);
    }
    row("segmentation", t.segmentation);
    if (t.separable) {
      const p = t.separable.partner;
      const parts = [document.createTextNode((t.separable.role === "particle" ? "particle of " : "verb of ") +
        "the separable verb " + t.separable.lemma)];
      if (p >= 0 && tokens[p]) parts.push(document.createTextNode(" with "), wordLink(s, p, tokens[p].form));
      row("separable verb", parts);
    }
    if (t.mwe) {
      const others = [];
      tokens.forEach((u, k) => {
        if (k !== i && u.mwe && u.mwe.id === t.mwe.id) others.push(" ", wordLink(s, k, u.form));
      });
      row("expression", [document.createTextNode(t.mwe.lemma + " \u2018" + t.mwe.gloss + "\u2019"),
        ...(others.length ? [document.createTextNode(" with")] : []), ...others]);
    }
    const tr = sents[s].data.translation;
    if (tr && t.align && t.align.length) {
      const bytes = new TextEncoder().encode(tr.text), dec = new TextDecoder();
      row("translation", t.align.map((a) => dec.decode(bytes.subarray(a[0], a[1]))).join(" \u2026 "));
    }
    const d = sents[s].data;
    if (d.origin) row("from", d.origin);
    panel.append(dl);
  }

  R.open = function (s, i) {
    const w = sents[s] && sents[s].words[i];
    if (!w) return;
    document.querySelectorAll(".w.sel").forEach((e) => e.classList.remove("sel"));
    w.classList.add("sel");
    selected = { s: s, t: i };
    fill(s, i);
    panel.hidden = false;
    document.body.classList.add("dg-open");
    paintAlign();
    if (document.activeElement !== w) w.focus({ preventScroll: true });
  };

  R.close = function () {
    if (!panel || panel.hidden) return;
    panel.hidden = true;
    document.body.classList.remove("dg-open");
    document.querySelectorAll(".w.sel").forEach((e) => e.classList.remove("sel"));
    const back = selected && sents[selected.s] && sents[selected.s].words[selected.t];
    selected = null;
    paintAlign();
    if (back) back.focus();
  };

  /* ---- search: a German form or lemma, or an English gloss ---- */

  function search() {
    const box = document.getElementById("dg-search");
    if (!box) return;
    const q = box.value.trim().toLowerCase();
    document.querySelectorAll(".w.hit").forEach((e) => e.classList.remove("hit"));
    hits = [];
    hitAt = -1;
    if (q) {
      sents.forEach((s) => s.data.tokens.forEach((t, i) => {
        if (t.kind === "punct" || !s.words[i]) return;
        const texts = [t.form, t.lemma, t.gloss, t.plain, ...(t.glosses || [])];
        if (texts.some((x) => x && x.toLowerCase().includes(q))) {
          s.words[i].classList.add("hit");
          hits.push(s.words[i]);
        }
      }));
    }
    const c = document.getElementById("dg-count");
    c.textContent = q ? hits.length + (hits.length === 1 ? " word" : " words") : "";
  }
  function nextHit(back) {
    if (!hits.length) return;
    hitAt = (hitAt + (back ? hits.length - 1 : 1)) % hits.length;
    hits[hitAt].scrollIntoView({ block: "center" });
    hits[hitAt].focus({ preventScroll: true });
  }

  /* ---- the toolbar ---- */

  R.setStyle = function (style) {
    const plain = style === "plain";
    document.body.classList.toggle("style-plain", plain);
    const lz = document.getElementById("dg-st-lz"), pl = document.getElementById("dg-st-pl");
    if (lz) lz.setAttribute("aria-pressed", String(!plain));
    if (pl) pl.setAttribute("aria-pressed", String(plain));
  };

  function toolbar(before) {
    const bar = el("div", "dg-bar");
    bar.setAttribute("role", "toolbar");
    [["seg", "segmentation"], ["gl", "gloss"], ["tr", "translation"]].forEach(([k, name]) => {
      const lab = el("label");
      const cb = el("input");
      cb.type = "checkbox";
      cb.checked = true;
      cb.id = "dg-t-" + k;
      cb.addEventListener("change", () => document.body.classList.toggle("hide-" + k, !cb.checked));
      lab.append(cb, " " + name);
      bar.append(lab);
    });
    const sw = el("span");
    sw.setAttribute("role", "group");
    sw.setAttribute("aria-label", "gloss style");
    [["lz", "Leipzig", "leipzig"], ["pl", "plain", "plain"]].forEach(([k, name, style]) => {
      const b = el("button", "", name);
      b.type = "button";
      b.id = "dg-st-" + k;
      b.addEventListener("click", () => R.setStyle(style));
      sw.append(b, " ");
    });
    bar.append(sw);
    const box = el("input");
    box.type = "search";
    box.id = "dg-search";
    box.placeholder = "find a word or gloss";
    box.setAttribute("aria-label", "find a German word or an English gloss");
    box.addEventListener("input", search);
    box.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); nextHit(e.shiftKey); } });
    const count = el("span", "dg-count");
    count.id = "dg-count";
    count.setAttribute("aria-live", "polite");
    bar.append(box, count);
    const lg = el("button", "", "labels");
    lg.type = "button";
    lg.id = "dg-legend-btn";
    lg.addEventListener("click", () => {
      const d = document.getElementById("dg-legend");
      if (!d) return;
      d.open = !d.open;
      if (d.open) d.scrollIntoView({ block: "start" });
    });
    bar.append(lg);
    before.parentNode.insertBefore(bar, before);
  }

  /* ---- events ---- */

  function wordOf(target) {
    const w = target && target.closest && target.closest(".w[data-t]");
    const s = w && w.closest(".s");
    if (!w || !s || s.dgIndex === undefined || w.tabIndex < 0) return null;
    return { s: s.dgIndex, t: +w.dataset.t, w: w };
  }
  function spanOf(target) {
    const sp = target && target.closest && target.closest(".tr span[data-b]");
    const s = sp && sp.closest(".s");
    return sp && s && s.dgIndex !== undefined ? { s: s.dgIndex, span: sp } : null;
  }
  function focusable() {
    const all = [];
    sents.forEach((s) => s.words.forEach((w) => { if (w && w.tabIndex >= 0) all.push(w); }));
    return all;
  }

  function events() {
    document.addEventListener("click", (e) => {
      const h = wordOf(e.target);
      if (h) return R.open(h.s, h.t);
      const sp = spanOf(e.target);
      if (sp) R.open(sp.s, sp.span.dgTokens[0]);
    });
    document.addEventListener("mouseover", (e) => {
      const h = wordOf(e.target) || spanOf(e.target);
      const same = h && hovered && h.s === hovered.s && h.t === hovered.t && h.span === hovered.span;
      if (!same && (h || hovered)) { hovered = h; paintAlign(); }
    });
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape") { R.close(); return; }
      const h = wordOf(e.target);
      if (!h) return;
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); R.open(h.s, h.t); return; }
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
      if (!step) return;
      e.preventDefault();
      const all = focusable();
      const k = all.indexOf(h.w) + step;
      if (k < 0 || k >= all.length) return;
      all[k].focus();
      if (selected) R.open(all[k].closest(".s").dgIndex, +all[k].dataset.t);
    });
    window.addEventListener("beforeprint", () => {
      const d = document.getElementById("dg-legend");
      if (d) d.open = true;
    });
  }

  /* Toolbar, panel and events, once; `doc` is the element the sentences are in. */
  R.init = function (doc, style) {
    toolbar(doc);
    panel = el("aside", "dg-panel");
    panel.id = "dg-panel";
    panel.hidden = true;
    panel.setAttribute("aria-label", "word details");
    panel.setAttribute("aria-live", "polite");
    document.body.append(panel);
    events();
    R.setStyle(style || (document.body.classList.contains("style-plain") ? "plain" : "leipzig"));
  };
})();
