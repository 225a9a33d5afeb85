/* The playbook's search: the web worker Material's search box talks to, in place of Material's own.

   Readers type questions the way they would ask a colleague ("what do I send after kickoff",
   "who do I call if something breaks"). Material's worker gives every word a trailing wildcard and
   skips stop words and stemming for wildcard words, so "I" matched "incident", "do" matched
   "does", and a page whose title began with a word of the question beat the page holding the
   answer. This worker reads questions instead:

   - Words that only hold a question together (I, we, do, what, the, ...) never count.
   - Words are compared by their stem (Snowball's English stemmer), so "trains", "trained" and
     "training" are one word; only the word still being typed, and a word found nowhere, are also
     read as the start of a longer word, and never when shorter than three letters. A word found
     nowhere that is one typo away from a word of the site counts as that word, a little lower.
   - Synonyms come from the playbook's data (config.synonyms, written by the build from
     data/search-synonyms.yml and the glossary). The `words` of a group ("go-live", "go live",
     "golive") are one word on the pages and in questions alike; a reader's `related` word also
     finds the group, ranked below an exact match.
   - A page is ranked by how much of the question its best passage answers (a sentence or list
     item, with its section's and page's titles) and how much the page as a whole answers (BM25F
     over passages and over pages, each multiplied by the square of the share of the question's
     words it holds), and by how much of its title the question names, so one word shared with a
     title no longer beats a page that answers every word. A page's `search: boost` nudges it
     (its fourth root), never more.
   - A page whose title (with its search terms), or one of whose headings read with its title,
     holds every subject word of the question (its words less a fact question's frame) ranks
     above every page that holds them only in its text.
   - Results are grouped by page, the best section first; the snippet is the part of the section
     that holds the words (the passages holding most of the question, the matching list items of
     a checklist), and "Missing" lists only words the page does not hold anywhere.

   The build reads the pages (playbook/search/split_index.py, with the same reading of words,
   passages and synonyms; it also cuts the text into passages) and splits the index into files
   this worker fetches by need, as Pagefind does: the index Material hands over at SETUP holds only
   what every question needs (config.playbook: the stop words, each page's address, title and
   passages per section, where each word file starts); a question loads the word files of its
   words (where each is, by page), the passages of the words typed whole, and, for the ten results
   shown, the files of their pages holding the passages their snippets show. Every file is a
   script calling pbSearchData(name, data): fetched and read on a served site, loaded as a script
   from disk (the customer bundle's frame, assets/playbook/iframe-worker.js, where fetch() of a
   local file is refused).

   It speaks Material's worker protocol (material/templates/assets/javascripts/integrations/search/
   worker/message): SETUP {config, docs, options} -> READY; QUERY "text" -> RESULT {items, suggest},
   items being one list per page of {location, title, text, score, terms}. Each QUERY gets one
   RESULT, in order; a question that a newer one replaces while its files load is answered with
   the newer one's results. Nothing here reaches the network but the site's own files. */
(function (scope) {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

  // Words that carry no meaning in a question (config.playbook.stop, from playbook/search/words.py,
  // which keeps them out of the pages' index too, so they never decide a ranking).
  var STOP_WORDS = new Set();

  // -- Stems ------------------------------------------------------------------------------------

  /* Snowball's English stemmer (Porter2): npm porter2, pinned in tools/stemmer/ and copied
     unchanged by tools/vendor_stemmer.py to vendor/porter2.js beside this file; the build stems
     the pages' words with the same algorithm in Python (playbook/search/stemming.py). The file is
     a CommonJS module: it is given an `exports` to fill. In a worker importScripts loads it at
     once; in the customer bundle's frame (iframe-worker.js) it returns a promise, and the worker
     answers SETUP once the script has run. */
  var HERE = typeof document !== "undefined" && document.currentScript ? document.currentScript.src
    : scope.location && scope.location.href;
  var porter2 = null;
  var stemmerLoaded = (function () {
    scope.exports = {};
    function found() { porter2 = scope.exports.stem; }
    var loading = scope.importScripts(new URL("vendor/porter2.js", HERE).href);
    if (loading && typeof loading.then === "function") return loading.then(found);
    found();
    return null;
  })();

  var stems = new Map();
  function stem(word) {
    var found = stems.get(word);
    if (found === undefined) {
      found = /\d/.test(word) ? word : porter2(word);
      stems.set(word, found);
    }
    return found;
  }

  // -- Words ------------------------------------------------------------------------------------

  var WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;
  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: " ", "#39": "'" };

  function plain(html) {
    return html.replace(/<[^>]*>/g, " ").replace(/&(#?\w+);/g, function (all, name) {
      if (name in ENTITIES) return ENTITIES[name];
      if (name.charAt(0) === "#") return String.fromCodePoint(parseInt(name.slice(1).replace(/^x/i, "0x")));
      return all;
    });
  }

  /* The words of a text, in order: [{surface, stem, extra}]. A word two index words glue
     together ("InternalOwner") is split; "customer's" is "customer", "don't" is "dont"; a hyphenated
     word is its parts in order plus the joined spelling ("go-live": go, live and golive, marked
     extra so phrases still see "go live"). */
  function words(text) {
    var found = [];
    // The plural of an abbreviation ("SMEs", "CRs") is the abbreviation: Snowball keeps the "s"
    // of a short word ("smes"), and no page spells the plural in its glossary.
    text = text.replace(/\b([A-Z]{2,})[’']?s\b/g, "$1").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text))) {
      var word = match[0].replace(/['’]s$/, "").replace(/['’]/g, ""), typed = found.length;
      if (word.indexOf("-") < 0) {
        found.push({ surface: word, stem: stem(word), extra: false, typed: typed });
        continue;
      }
      var parts = word.split("-").filter(Boolean);
      for (var i = 0; i < parts.length; i++) {
        found.push({ surface: parts[i], stem: stem(parts[i]), extra: false, typed: typed });
      }
      var joined = parts.join("");
      found.push({ surface: joined, stem: stem(joined), extra: true, typed: typed, written: word });
    }
    return found;
  }

  // -- Synonyms ---------------------------------------------------------------------------------

  /* config.synonyms: [{words: [...], related: [...]}]. Each group's words become one token
     ("=" and the group's number) wherever they occur; each related word points to the group. */
  function Synonyms(groups) {
    this.phrases = new Map(); // first stem -> [{stems, token}] longest first
    this.related = new Map(); // stem sequence "a b" -> [token]
    var self = this;
    (groups || []).forEach(function (group, n) {
      var token = "=" + n;
      (group.words || []).forEach(function (phrase) { self.addPhrase(phrase, token); });
      (group.related || []).forEach(function (phrase) {
        var key = self.key(phrase);
        if (!key) return;
        var list = self.related.get(key) || [];
        if (list.indexOf(token) < 0) list.push(token);
        self.related.set(key, list);
      });
    });
    this.phrases.forEach(function (list) { list.sort(function (a, b) { return b.stems.length - a.stems.length; }); });
    this.relatedLongest = 1;
    this.related.forEach(function (_, key) { self.relatedLongest = Math.max(self.relatedLongest, key.split(" ").length); });
  }

  Synonyms.prototype.key = function (phrase) {
    return words(phrase).filter(function (w) { return !w.extra; }).map(function (w) { return w.stem; }).join(" ");
  };

  Synonyms.prototype.addPhrase = function (phrase, token) {
    var list = words(phrase);
    var seq = list.filter(function (w) { return !w.extra; }).map(function (w) { return w.stem; });
    if (!seq.length) return;
    var entries = this.phrases.get(seq[0]) || [];
    entries.push({ stems: seq, token: token });
    this.phrases.set(seq[0], entries);
    // "golive" written as one word is the same word too.
    var joined = list.filter(function (w) { return w.extra; });
    if (joined.length === 1) {
      var one = this.phrases.get(joined[0].stem) || [];
      one.push({ stems: [joined[0].stem], token: token });
      this.phrases.set(joined[0].stem, one);
    }
  };

  /* Where a group's words occur in a sequence of words: [{start, end, token}], longest first,
     not overlapping. */
  Synonyms.prototype.find = function (seq) {
    var found = [];
    for (var i = 0; i < seq.length; i++) {
      var candidates = this.phrases.get(seq[i].stem);
      if (!candidates) continue;
      for (var c = 0; c < candidates.length; c++) {
        var p = candidates[c].stems, ok = i + p.length <= seq.length;
        for (var k = 1; ok && k < p.length; k++) ok = seq[i + k].stem === p[k];
        if (ok) {
          found.push({ start: i, end: i + p.length, token: candidates[c].token });
          i += p.length - 1;
          break;
        }
      }
    }
    return found;
  };

  // -- Facts ------------------------------------------------------------------------------------

  /* A question asking for a fact the data holds ("how often does the steering committee meet",
     "who books the kickoff", "how long is hypercare") gets that fact above the results, linked to
     the row or section that states it. The build writes the facts (playbook/search/facts.py), and
     names each in the word files under every word of its subject's names; the frames of the
     questions that ask for them come in the config (config.frames: {asks, words, also},
     data/search-frames.yml). A question is this frame's when it holds one of its words (the longest
     found decides; two frames found equally long, none); its other words, less the frame's `also`
     words and the words that only hold a question together, must all belong to one subject's name
     or a synonym of it, and name at least half of it (all of it when the question has one word).
     When two subjects fit equally, none is shown: a wrong fact is worse than none. */
  function Facts(config, synonyms) {
    var self = this;
    this.synonyms = synonyms;
    this.frames = [];                       // {asks, stems}, the longest first
    this.also = new Map();                  // asks -> Set of stems
    (config.frames || []).forEach(function (frame) {
      (frame.words || []).forEach(function (phrase) {
        var seq = words(phrase).filter(function (w) { return !w.extra; }).map(function (w) { return w.stem; });
        if (seq.length) self.frames.push({ asks: frame.asks, stems: seq });
      });
      var also = self.also.get(frame.asks) || new Set();
      (frame.also || []).forEach(function (word) {
        words(word).forEach(function (w) { if (!w.extra) also.add(w.stem); });
      });
      self.also.set(frame.asks, also);
    });
    this.frames.sort(function (a, b) { return b.stems.length - a.stems.length; });
  }

  /* What a run of words names, as units each of whose alternatives may name it: the token of
     each synonym group found in it, and the stem of every other word that is neither a stop word
     nor one of `skip` (the build reads a fact's names so). A group found only in words of `skip`
     names nothing either ("meet" and "met" are one group, and "meet" is a word of the frame of
     "how often does the steering committee meet"). A reader's word for a group (its related
     words: "weekly update" for the status report, "client" for customer) names the group as well
     as itself, so "when is the weekly update" asks for the status report's fact. */
  Facts.prototype.units = function (seq, skip) {
    var units = [], covered = new Set(), inert = new Set();
    this.synonyms.find(seq).forEach(function (hit) {
      var named = false;
      for (var k = hit.start; k < hit.end; k++) if (!skip.has(seq[k].stem)) named = true;
      // A group that names nothing may still be part of a reader's phrase ("leadership meeting").
      for (k = hit.start; k < hit.end; k++) (named ? covered : inert).add(k);
      if (named) units.push({ alternatives: [hit.token], span: hit.end - hit.start });
    });
    for (var len = this.synonyms.relatedLongest; len >= 1; len--) {
      for (var i = 0; i + len <= seq.length; i++) {
        var run = seq.slice(i, i + len), free = true;
        for (var k = i; k < i + len; k++) if (covered.has(k)) free = false;
        var groups = free && this.synonyms.related.get(run.map(function (w) { return w.stem; }).join(" "));
        if (!groups || (len === 1 && (STOP_WORDS.has(run[0].surface) || skip.has(run[0].stem)))) continue;
        for (k = i; k < i + len; k++) covered.add(k);
        units.push({ alternatives: len === 1 ? [run[0].stem].concat(groups) : groups.slice(), span: len });
      }
    }
    seq.forEach(function (w, k) {
      if (!covered.has(k) && !inert.has(k) && !STOP_WORDS.has(w.surface) && !skip.has(w.stem)) {
        units.push({ alternatives: [w.stem], span: 1 });
      }
    });
    var seen = new Set();
    return units.filter(function (unit) {
      var key = unit.alternatives.join(" ");
      return !seen.has(key) && seen.add(key);
    });
  };

  /* The frame of a question: {asks, start, end} of the longest frame phrase in it, or null. */
  Facts.prototype.frame = function (seq) {
    var found = null;
    for (var f = 0; f < this.frames.length; f++) {
      var frame = this.frames[f], n = frame.stems.length;
      if (found && n < found.end - found.start) break;
      for (var i = 0; i + n <= seq.length; i++) {
        var k = 0;
        while (k < n && seq[i + k].stem === frame.stems[k]) k++;
        if (k < n) continue;
        if (found && found.asks !== frame.asks) return null;  // two frames, equally long
        if (!found) found = { asks: frame.asks, start: i, end: i + n };
      }
    }
    return found;
  };

  /* What a question asks for, before any file is read: {asks, units} or null. */
  Facts.prototype.asked = function (query) {
    var seq = words(query).filter(function (w) { return !w.extra; });
    var frame = this.frame(seq);
    if (!frame) return null;
    var rest = seq.slice(0, frame.start).concat(seq.slice(frame.end));
    var units = this.units(rest, this.also.get(frame.asks) || new Set());
    var span = units.reduce(function (n, unit) { return n + unit.span; }, 0);
    return units.length ? { asks: frame.asks, units: units, span: span } : null;
  };

  /* The number of the one fact a question asks for, or -1, from the facts named under each of
     its words ([fact, kind, name, words in the name, place] in the word files). */
  Facts.prototype.choose = function (asked, index) {
    var kind = index.asks.indexOf(asked.asks);
    if (kind < 0) return -1;
    var hits = new Map(), share = new Map(), place = new Map(), size = asked.units.length;
    asked.units.forEach(function (unit) {
      var named = new Set();  // a name counts once per unit, whichever of its alternatives names it
      unit.alternatives.forEach(function (alternative) {
        var f = index.posting(alternative).f;
        for (var k = 0; f && k < f.length; k += 5) {
          var key = f[k] + ":" + f[k + 2];
          if (f[k + 1] !== kind || named.has(key)) continue;
          named.add(key);
          var n = (hits.get(key) || 0) + 1;
          hits.set(key, n);
          if (n === size) {
            share.set(f[k], Math.max(share.get(f[k]) || 0, size / f[k + 3]));
            place.set(f[k], f[k + 4]);
          }
        }
      });
    });
    var best = -1, bestShare = 0, tie = false;
    Array.from(share.keys()).sort(function (a, b) { return a - b; }).forEach(function (fact) {
      var s = share.get(fact);
      if (s < 0.5 || (asked.span === 1 && s < 1)) return;
      if (s > bestShare) { best = fact; bestShare = s; tie = false; }
      else if (s === bestShare && best >= 0 && place.get(best) !== place.get(fact)) tie = true;
    });
    return tie ? -1 : best;
  };

  var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" };
  function escapeHtml(text) { return String(text).replace(/[&<>"]/g, function (c) { return ESCAPES[c]; }); }

  // -- The index's files ------------------------------------------------------------------------

  /* Where a word of a question may be found, and how much each place counts. A page is cut into
     passages (a sentence, a list item, a line of a code block): words of a question found in one
     passage answer it better than the same words scattered over a long page. A passage also
     holds its section's title and its page's title and search terms, so "sponsor" in a pitfall of
     the Kickoff page matches "the sponsor can't make the kickoff" as a whole. The build has
     already weighed how often a word occurs in each passage and page (BM25's saturation). */
  var IN_TEXT = 1, IN_SECTION_TITLE = 2, IN_PAGE_TITLE = 2.5, BOTH = 0.3;
  // How much the best passage, the whole page and naming the page's title count in a page's rank.
  var BEST_PASSAGE = 0.75, WHOLE_PAGE = 0.25, NAMED = 1;
  // A page's share of the question counts squared. Each word of the question counts for one in
  // it, but a word found on most pages (its idf below SHARE_FULL) counts for less: "customer"
  // or "project" hardly says which page is meant.
  var COVER = 2, SHARE_FULL = 0.5;
  // Pages returned, and how many of them show their sections and snippets (Material shows ten
  // results at once and more as the reader scrolls; nobody reads fifty). Only those ten load
  // their pages' text; the rest are listed by their titles.
  var GROUPS = 50, FULL_GROUPS = 10, SECTIONS_SHOWN = 8;

  var FROM_DISK = /^file:/.test(HERE || "");
  var arrived = new Map();   // file name -> its data
  var loading = new Map();   // file name -> promise of its arrival
  // Every file of the index calls this with its name and data (see the top of this file).
  scope.pbSearchData = function (name, data) { arrived.set(name, data); };

  function loadFile(base, name) {
    if (arrived.has(name)) return Promise.resolve();
    if (loading.has(name)) return loading.get(name);
    var url = new URL(name + ".js", base).href, done;
    if (FROM_DISK) {
      done = Promise.resolve(scope.importScripts(url));
    } else {
      done = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.text();
      }).then(function (text) {
        arrived.set(name, JSON.parse(text.slice(text.indexOf(",") + 1, text.lastIndexOf(")"))));
      });
    }
    done = done.catch(function (error) {
      // A file that cannot be read holds nothing (every reader of arrived takes null so); the
      // question is still answered.
      if (typeof console !== "undefined") console.warn("Search could not read " + url, error);
      arrived.set(name, null);
    });
    loading.set(name, done);
    return done;
  }

  function Index(data) {
    var config = data.config || {}, meta = config.playbook || {};
    STOP_WORDS = new Set(meta.stop || []);
    this.synonyms = new Synonyms(config.synonyms);
    this.suggest = !!(data.options && data.options.suggest);
    this.base = new URL(meta.files || "search/", new URL("../../", HERE)).href;
    this.firsts = meta.words || [];
    this.vocabKeys = new Set(meta.vocab || []);
    this.groupDf = meta.groups || [];
    this.asks = meta.asks || [];
    this.factFiles = meta.facts || 0;
    this.perFactFile = meta.perFactFile || 100;
    this.scale = meta.scale || 100;
    this.passageScale = meta.passageScale || this.scale;
    this.perTextFile = meta.perTextFile || 40;
    // Each page: its address, title, passages per section and boost.
    var entryPage = [], entryStart = [0], pageEntry = [];
    this.pages = (meta.pages || []).map(function (row, index) {
      pageEntry.push(entryPage.length);
      row[2].forEach(function (n) { entryPage.push(index); entryStart.push(entryStart[entryStart.length - 1] + n); });
      return { index: index, path: row[0], title: row[1], sections: row[2].length, boost: row[3] || 1 };
    });
    this.entryPage = Int32Array.from(entryPage);
    this.entryStart = Int32Array.from(entryStart);   // each section's first passage
    this.pageEntry = Int32Array.from(pageEntry);     // each page's first section
    this.nPassages = entryStart[entryStart.length - 1];
    this.facts = new Facts(config, this.synonyms);
    this.decoded = new Map();
    this.copyOf = new Map();                         // passage -> number of the text it copies
    this.stemDf = new Map();
    this.vocab = new Map();                          // vocab file -> its words
  }

  /* The word file a token is in: the last whose first token is not after it. */
  Index.prototype.wordFile = function (token) {
    var lo = 0, hi = this.firsts.length - 1;
    if (hi < 0 || token < this.firsts[0]) return null;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (this.firsts[mid] <= token) lo = mid; else hi = mid - 1;
    }
    return "words/" + lo;
  };

  Index.prototype.vocabFile = function (surface) {
    var first = surface.charAt(0), key = /^[a-z0-9]$/.test(first) ? first : "_";
    return this.vocabKeys.has(key) ? "vocab/" + key : null;
  };

  Index.prototype.load = function (names) {
    var base = this.base;
    return Promise.all(Array.from(new Set(names)).filter(Boolean).map(function (name) { return loadFile(base, name); }));
  };

  function absolute(list, step) {
    var out = list.slice(), at = 0;
    for (var k = 0; k < out.length; k += step) { at += out[k]; out[k] = at; }
    return out;
  }

  /* A token's postings by page, ids made absolute: {d: pages holding it, s: [page, section, ...],
     o: [page, ...], w: [page, weight, ...], n: [...], f: [...], x: its passage file}, from its
     word file. Its passages come apart (passages below). */
  var NONE = { d: 0 };
  Index.prototype.posting = function (token) {
    var found = this.decoded.get(token);
    if (found) return found;
    var file = this.wordFile(token), raw = file && arrived.get(file);
    raw = raw && Object.prototype.hasOwnProperty.call(raw, token) ? raw[token] : null;
    if (!raw) return NONE;
    found = { d: raw.d, n: raw.n, f: raw.f, x: raw.x, raw: raw.p ? raw : null };
    if (raw.s) found.s = absolute(raw.s, 2);
    if (raw.o) found.o = absolute(raw.o, 1);
    if (raw.w) found.w = absolute(raw.w, 2);
    this.decoded.set(token, found);
    return found;
  };

  /* The file holding a token's passages when they are not in its word file, or null. */
  Index.prototype.passageFile = function (token) {
    var x = this.posting(token).x;
    return x === undefined ? null : "passages/" + x;
  };

  /* A token's passages: [passage, weight, ...], ids made absolute and weights in the scale of
     the rest, or null before they arrive; a passage copied onto several pages is noted with the
     number of its text (copyOf). The build packs them (split_index.py: packed): p the passages,
     delta-coded, q their weights, c [position in the list, delta-coded, text, ...]. */
  Index.prototype.passages = function (token) {
    var found = this.posting(token);
    if (found.p || found === NONE) return found.p || null;
    var raw = found.x === undefined ? found.raw : arrived.get("passages/" + found.x);
    if (!raw || !raw.p) return null;
    var ids = unpacked(raw.p), weights = unpacked(raw.q || ""), ratio = this.scale / this.passageScale;
    var list = found.p = new Array(2 * ids.length), at = 0, k;
    for (k = 0; k < ids.length; k++) {
      at += ids[k];
      list[2 * k] = at;
      list[2 * k + 1] = weights[k] * ratio;
    }
    var copies = unpacked(raw.c || "");
    for (k = 0, at = 0; k < copies.length; k += 2) {
      at += copies[k];
      this.copyOf.set(list[2 * at], copies[k + 1]);
    }
    found.raw = null;
    return list;
  };

  /* The numbers of a packed string: five bits to a digit, the last digit of each number from the
     first half of DIGITS. */
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_", DIGIT = {};
  for (var d = 0; d < DIGITS.length; d++) DIGIT[DIGITS.charAt(d)] = d;
  function unpacked(text) {
    var out = [], number = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charAt(i)];
      number = number * 32 + (digit & 31);
      if (digit < 32) { out.push(number); number = 0; }
    }
    return out;
  }

  /* How many pages hold a token anywhere (0: none): the measure of how rare a word is. Before
     the token's word file has arrived, the words of the site (vocab files) tell. */
  Index.prototype.df = function (token) {
    if (token.charAt(0) === "=") return this.groupDf[+token.slice(1)] || 0;
    var p = this.posting(token);
    return p !== NONE ? p.d : this.stemDf.get(token) || 0;
  };

  function idf(n, df) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }

  /* The words of the site in a vocab file: [surface, stem, pages holding the stem, times in a
     title, 1 for a joined spelling], in order; read once. */
  Index.prototype.words = function (name) {
    var list = this.vocab.get(name);
    if (list) return list;
    list = arrived.get(name) || [];
    var self = this;
    list.forEach(function (w) { if (!self.stemDf.has(w[1])) self.stemDf.set(w[1], w[2]); });
    this.vocab.set(name, list);
    return list;
  };

  // -- Questions --------------------------------------------------------------------------------

  /* A question as the terms that count: [{label, subject, alternatives: [{token, weight,
     pageOnly}]}]. A group's words count as one term; a hyphenated word is one term (its joined
     spelling) when the site has it, else its parts; words that carry no meaning are left out. A
     term is the question's subject unless it belongs to the frame of a question about a fact
     ("how long", "how often", and the frame's `also` words: "take" in "how long does testing
     take"); see rank for what the subject decides. */
  Index.prototype.parse = function (query) {
    var typing = !/\s$/.test(query), self = this;
    // The words of the site the question's words start are read before any word is judged known
    // (df falls back on them), so a question is read the same whatever was asked before it.
    this.vocabFiles(query).forEach(function (name) { if (name) self.words(name); });
    var seq = words(query);
    var plainSeq = seq.filter(function (w) { return !w.extra; });
    var terms = [], covered = new Set();
    function term(label, start, end, alternatives, surface) {
      var t = { label: label, at: start, end: end, last: end === plainSeq.length, alternatives: alternatives,
                surface: surface };
      terms.push(t);
      return t;
    }
    this.synonyms.find(plainSeq).forEach(function (hit) {
      var label = plainSeq.slice(hit.start, hit.end).map(function (w) { return w.surface; }).join(" ");
      for (var k = hit.start; k < hit.end; k++) covered.add(k);
      var alternatives = [{ token: hit.token, weight: 1 }];
      if (hit.end - hit.start === 1) alternatives.push({ token: plainSeq[hit.start].stem, weight: 1 });
      term(label, hit.start, hit.end, alternatives, hit.end - hit.start === 1 ? plainSeq[hit.start].surface : undefined);
    });
    seq.forEach(function (w) {
      if (!w.extra) return;
      var parts = [];
      plainSeq.forEach(function (p, k) { if (p.typed === w.typed && !covered.has(k)) parts.push(k); });
      if (parts.length < 2 || !self.df(w.stem)) return;
      parts.forEach(function (k) { covered.add(k); });
      term(w.written, parts[0], parts[parts.length - 1] + 1, [{ token: w.stem, weight: 1 }]);
    });
    plainSeq.forEach(function (w, k) {
      if (covered.has(k) || STOP_WORDS.has(w.surface)) return;
      term(w.surface, k, k + 1, [{ token: w.stem, weight: 1 }], w.surface);
    });
    // A reader's word for a group ("call" finds contact, "bug" finds defect), ranked lower.
    for (var len = this.synonyms.relatedLongest; len >= 1; len--) {
      for (var i = 0; i + len <= plainSeq.length; i++) {
        var groups = this.synonyms.related.get(plainSeq.slice(i, i + len).map(function (w) { return w.stem; }).join(" "));
        if (!groups) continue;
        var at = terms.find(function (t) { return t.at < i + len && t.end > i; }) ||
          term(plainSeq.slice(i, i + len).map(function (w) { return w.surface; }).join(" "), i, i + len, []);
        groups.forEach(function (token) {
          if (!at.alternatives.some(function (a) { return a.token === token; })) at.alternatives.push({ token: token, weight: 0.7 });
        });
      }
    }
    terms.forEach(function (t) {
      if (!t.surface) return;
      var known = self.df(t.alternatives[0].token) > 0;
      // The word still being typed may be the start of a longer word; so may a word found nowhere.
      if ((t.last && typing && t.surface.length >= 3) || (!known && t.surface.length >= 4)) {
        self.completions(t.surface, known ? 0.3 : 0.8).forEach(function (a) {
          if (!t.alternatives.some(function (b) { return b.token === a.token; })) t.alternatives.push(a);
        });
      }
      if (!known && t.alternatives.length === 1 && t.surface.length >= 5) {
        self.typos(t.surface).forEach(function (a) { t.alternatives.push(a); });
      }
      // A word of one or two letters still being typed is the start of a word more than a word:
      // it is read by page, as a completion is, not in its passages.
      if (t.last && typing && t.surface.length < 3 && t.alternatives[0].token.charAt(0) !== "=") {
        t.alternatives[0].pageOnly = true;
      }
    });
    var frame = this.facts.frame(plainSeq), also = frame && this.facts.also.get(frame.asks);
    terms.forEach(function (t) {
      t.subject = !frame || !(t.at < frame.end && t.end > frame.start) &&
        !(t.end - t.at === 1 && also && also.has(plainSeq[t.at].stem));
    });
    terms.sort(function (a, b) { return a.at - b.at; });
    return terms.filter(function (t) { return t.alternatives.length; });
  };

  /* The vocab files a question's words need: each word's first letter (its completions, its
     typos, Material's suggestion), and its second for the typos of a long word. */
  Index.prototype.vocabFiles = function (query) {
    var self = this, names = [];
    words(query).forEach(function (w) {
      names.push(self.vocabFile(w.surface));
      if (w.surface.length >= 5) names.push(self.vocabFile(w.surface.slice(1)));
    });
    return names;
  };

  /* Longer words starting with a prefix, the most frequent first (at most 12). A completion is
     looked up only where its word is by page (the pages, titles and headings holding it, from its
     word file), never in its passages: a prefix of three letters starts the most frequent words
     of the site, and their passages are the largest files there are. The word once typed whole
     is read with its passages. */
  Index.prototype.completions = function (prefix, weight) {
    var name = this.vocabFile(prefix), found = new Map(), self = this;
    if (!name) return [];
    this.words(name).forEach(function (w) {
      if (w[4] || w[0] === prefix || w[0].lastIndexOf(prefix, 0) !== 0 || found.has(w[1]) || !self.df(w[1])) return;
      found.set(w[1], self.df(w[1]));
    });
    return Array.from(found.entries()).sort(function (a, b) { return b[1] - a[1]; }).slice(0, 12)
      .map(function (e) { return { token: e[0], weight: weight, pageOnly: true }; });
  };

  /* Words of the site one typo away (a letter missing, extra, wrong or two swapped), among the
     words that start with the word's first or second letter. */
  Index.prototype.typos = function (word) {
    var found = new Set(), out = [], self = this, list = [];
    new Set([this.vocabFile(word), this.vocabFile(word.slice(1))]).forEach(function (name) {
      if (name) list = list.concat(self.words(name));
    });
    list.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
    list.forEach(function (w) {
      if (!w[4] && Math.abs(w[0].length - word.length) <= 1 && oneTypo(word, w[0])) {
        var s = w[1];
        if (!found.has(s) && self.df(s)) { found.add(s); out.push({ token: s, weight: 0.7 }); }
      }
    });
    return out.slice(0, 6);
  };

  function oneTypo(a, b) {
    if (a === b) return false;
    var i = 0;
    while (i < a.length && i < b.length && a.charAt(i) === b.charAt(i)) i++;
    if (a.length === b.length) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) && a.slice(i + 2) === b.slice(i + 2);
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // -- Answering --------------------------------------------------------------------------------

  /* A question's answer, once the files it needs have arrived: the words of the site its words
     start, then the word files of its terms (and of the words naming a fact's subject), then the
     passages of its own words (not of a word being completed), then, for the ten results that
     show snippets, the first file of each page (its sections) and the files holding the passages
     shown, and the fact it asks for. */
  Index.prototype.answer = function (query) {
    var self = this;
    query = String(query || "");
    var asked = this.facts.asked(query);
    var terms, ranked, fact = -1;
    return this.load(this.vocabFiles(query)).then(function () {
      terms = self.parse(query);
      var tokens = [];
      terms.forEach(function (t) { t.alternatives.forEach(function (a) { tokens.push(a.token); }); });
      if (asked) asked.units.forEach(function (unit) { unit.alternatives.forEach(function (u) { tokens.push(u); }); });
      return self.load(tokens.map(function (t) { return self.wordFile(t); }));
    }).then(function () {
      var names = [];
      terms.forEach(function (t) {
        t.alternatives.forEach(function (a) { if (!a.pageOnly) names.push(self.passageFile(a.token)); });
      });
      return self.load(names);
    }).then(function () {
      ranked = terms.length ? self.rank(terms) : null;
      fact = asked ? self.facts.choose(asked, self) : -1;
      var names = fact >= 0 ? ["facts/" + Math.floor(fact / self.perFactFile)] : [];
      if (ranked) ranked.list.slice(0, FULL_GROUPS).forEach(function (r) { names = names.concat(self.textFiles(r)); });
      return self.load(names);
    }).then(function () {
      var items = ranked ? ranked.list.map(function (r, n) {
        return n < FULL_GROUPS ? self.group(r, ranked.terms, ranked.holds[n], ranked.marks)
          : [self.pageItem(r.page, r.score, ranked.found(n))];
      }) : [];
      var result = { items: self.withFact(items, fact) };
      if (self.suggest) result.suggest = self.suggestion(query);
      return result;
    });
  };

  /* What a result shows, chosen while the ranking's values are at hand: its sections (r.shown:
     its own entry when its text is what answers, then its best sections) and for each the
     passages of its snippet (r.snippets: entry -> passages), the ones holding most of the
     question (each term counting its weight), at most three, in the page's order; a section
     none of whose passages holds a word (it matched by its title) shows its first. */
  Index.prototype.choose = function (r, inText, weights) {
    var head = this.pageEntry[r.page.index], starts = this.entryStart, nTerms = weights.length;
    var sections = Array.from(r.sections.values())
      .sort(function (a, b) { return b.score - a.score || a.entry - b.entry; });
    r.sorted = sections;
    r.headAnswers = sections[0].entry === head && starts[head + 1] > starts[head];
    r.shown = r.headAnswers ? [head] : [];
    for (var i = 0, shown = 0; i < sections.length && shown < SECTIONS_SHOWN; i++) {
      if (sections[i].entry === head || sections[i].score <= 0) continue;
      r.shown.push(sections[i].entry);
      shown++;
    }
    r.snippets = new Map();
    r.shown.forEach(function (entry) {
      var scored = [];
      for (var pid = starts[entry]; pid < starts[entry + 1]; pid++) {
        var n = 0;
        for (var q = 0; q < nTerms; q++) if (inText[q][pid]) n += weights[q];
        if (n) scored.push({ pid: pid, n: n });
      }
      scored.sort(function (a, b) { return b.n - a.n || a.pid - b.pid; });
      var chosen = scored.slice(0, 3).map(function (s) { return s.pid; }).sort(function (a, b) { return a - b; });
      if (!chosen.length && starts[entry + 1] > starts[entry]) chosen = [starts[entry]];
      r.snippets.set(entry, chosen);
    });
  };

  /* The text file holding a passage of a page (local: its number within the page): pages/<n>
     holds the page's sections and its first perTextFile passages, pages/<n>-<k> the k-th run of
     as many. */
  Index.prototype.textFile = function (page, local) {
    var k = Math.floor(local / this.perTextFile);
    return { name: "pages/" + page.index + (k ? "-" + k : ""), k: k, at: local - k * this.perTextFile };
  };

  /* The files a result's snippets need: its page's first file and those of the passages shown. */
  Index.prototype.textFiles = function (r) {
    var first = this.entryStart[this.pageEntry[r.page.index]], names = ["pages/" + r.page.index], self = this;
    r.snippets.forEach(function (chosen) {
      chosen.forEach(function (pid) { names.push(self.textFile(r.page, pid - first).name); });
    });
    return names;
  };

  /* A section's address and title, from its page's first file ([anchor, title] of each). */
  Index.prototype.section = function (entry) {
    var page = this.pages[this.entryPage[entry]], head = arrived.get("pages/" + page.index);
    var found = head && head.sections[entry - this.pageEntry[page.index]];
    return found ? { location: page.path + (found[0] ? "#" + found[0] : ""), title: found[1] }
      : { location: page.path, title: page.title };
  };

  /* A passage as shown: {tag, block, html}, or null when its file could not be read. */
  Index.prototype.passage = function (pid) {
    var page = this.pages[this.entryPage[this.entryOf(pid)]];
    var at = this.textFile(page, pid - this.entryStart[this.pageEntry[page.index]]), data = arrived.get(at.name);
    var list = data && (at.k ? data : data.passages), found = list && list[at.at];
    return found ? { tag: found[0], block: found[1], html: found[2] } : null;
  };

  /* The section a passage is in. */
  Index.prototype.entryOf = function (passage) {
    var lo = 0, hi = this.entryStart.length - 2, starts = this.entryStart;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= passage) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  // -- Ranking ----------------------------------------------------------------------------------

  /* The results with the fact the question asks for first, if it asks for one: in its page's
     group, after the page's own entry and before its sections, with the group's score so
     Material shows it open; the group moves to the top. */
  Index.prototype.withFact = function (items, number) {
    if (number < 0) return items;
    var list = arrived.get("facts/" + Math.floor(number / this.perFactFile)) || [];
    var fact = list[number % this.perFactFile], page = fact && this.pages[fact.page];
    if (!page) return items;
    var path = page.path;
    var at = items.findIndex(function (group) { return group[0].location.split("#")[0] === path; });
    var group = at >= 0 ? items.splice(at, 1)[0] : [];
    var score = Math.max(group.length ? group[0].score : 0, items.length ? items[0][0].score : 0) + 1;
    var head = group.length ? group[0] : { location: page.path, title: page.title, text: "", terms: {} };
    var sections = group.slice(1).filter(function (item) { return item.location !== fact.location; });
    var answer = { location: fact.location, title: escapeHtml(fact.subject), text: "<p class=\"pb-search-fact\">" + escapeHtml(fact.answer) + "</p>",
                   score: score, terms: {} };
    return [[Object.assign({}, head, { score: score, text: "" }), answer].concat(sections)].concat(items);
  };

  /* Each page that holds any term, ranked: by its best passage (the passage's own words, its
     section's title, its page's title and search terms), and by the page as a whole, each
     multiplied by the square of the share of the question it holds, so a page answering every
     word beats a page answering one word many times. */
  Index.prototype.rank = function (terms) {
    var self = this, nPages = this.pages.length, scale = this.scale;
    var weights = terms.map(function (term) {
      var exact = term.alternatives.filter(function (a) { return a.weight === 1; }).map(function (a) { return self.df(a.token); });
      var df = exact.length ? Math.max.apply(null, exact) : 0;
      // A word no page holds still counts against a page's share of the question, as a rare word.
      return df ? idf(nPages, df) : idf(nPages, 1) * 0.5;
    });
    // What each term counts for in a page's share of the question.
    var shares = weights.map(function (w) { return Math.min(1, w / SHARE_FULL); });
    var total = shares.reduce(function (a, b) { return a + b; }, 0);
    // Per term: the best value of each passage, section title and page's own words, in buffers
    // kept from one question to the next (a question is asked at every key).
    var nP = this.nPassages, nE = this.entryPage.length;
    var scratch = this.scratch || (this.scratch = { text: [], title: [], own: [], whole: [],
      seen: new Uint8Array(nP + nE) });
    function buffer(list, q, size) { return list[q] || (list[q] = new Float32Array(size)); }
    var inText = [], inTitle = [], inOwn = [], inWhole = [], touched = [];
    var candidates = []; // passage ids, and nP + section for a section matched by titles only
    var seen = scratch.seen;
    function candidate(id) { if (!seen[id]) { seen[id] = 1; candidates.push(id); } }
    var named = new Map(); // page -> {at: Set of title words named, held, all}
    // Which of the question's subject terms each page's own words (its title and the search terms
    // its author gave it) and each section's heading hold (bits of a mask), for the rule below
    // (withoutRepeats' order).
    var subject = 0, inPageTitle = new Map(), inHeading = new Map();
    function hold(map, i, bit) { map.set(i, (map.get(i) || 0) | bit); }
    terms.forEach(function (term, q) { if (term.subject && q < 30) subject |= 1 << q; });
    terms.forEach(function (term, q) {
      var text = buffer(scratch.text, q, nP), title = buffer(scratch.title, q, nE);
      var own = buffer(scratch.own, q, nPages), whole = buffer(scratch.whole, q, nPages);
      var t = { text: [], title: [], own: [], whole: [] };
      function set(array, list, i, v) { if (v > array[i]) { if (!array[i]) list.push(i); array[i] = v; } }
      var bit = subject & (1 << q);
      term.alternatives.forEach(function (alt) {
        var p = self.posting(alt.token), w = alt.weight * idf(nPages, p.d || 1) / scale, k, list;
        if (!alt.pageOnly && (list = self.passages(alt.token))) {
          for (k = 0; k < list.length; k += 2) {
            set(text, t.text, list[k], w * IN_TEXT * list[k + 1]);
            candidate(list[k]);
          }
        }
        if ((list = p.s)) {
          for (k = 0; k < list.length; k += 2) {
            var entry = self.pageEntry[list[k]] + list[k + 1];
            set(title, t.title, entry, w * scale * IN_SECTION_TITLE);
            candidate(nP + entry);
            if (bit) hold(inHeading, entry, bit);
          }
        }
        if ((list = p.o)) {
          for (k = 0; k < list.length; k++) {
            set(own, t.own, list[k], w * scale * IN_PAGE_TITLE);
            candidate(nP + self.pageEntry[list[k]]);
            if (bit) hold(inPageTitle, list[k], bit);
          }
        }
        if ((list = p.w)) {
          for (k = 0; k < list.length; k += 2) {
            set(whole, t.whole, list[k], w * list[k + 1]);
            // A word being completed is read without its passages: its pages are results still.
            if (alt.pageOnly) candidate(nP + self.pageEntry[list[k]]);
          }
        }
        if ((list = p.n)) {
          for (k = 0; k < list.length; k += 4) {
            var at = named.get(list[k]);
            if (!at) named.set(list[k], at = { at: new Set(), held: 0, all: list[k + 3] / scale });
            if (!at.at.has(list[k + 1])) { at.at.add(list[k + 1]); at.held += list[k + 2] / scale; }
          }
        }
      });
      inText.push(text); inTitle.push(title); inOwn.push(own); inWhole.push(whole); touched.push(t);
    });

    var marks = this.marks(terms, weights);
    var results = new Map();
    var nTerms = terms.length;
    for (var ci = 0; ci < candidates.length; ci++) {
      var id = candidates[ci], isPassage = id < nP;
      var entryIndex = isPassage ? this.entryOf(id) : id - nP, pageIndex = this.entryPage[entryIndex];
      var sum = 0, held = 0;
      for (var q = 0; q < nTerms; q++) {
        var a = isPassage ? inText[q][id] : 0;
        var b = Math.max(inTitle[q][entryIndex], inOwn[q][pageIndex]);
        if (a || b) {
          sum += Math.max(a, b) + BOTH * Math.min(a, b);
          held += shares[q];
        }
      }
      var share = held / total, score = sum * Math.pow(share, COVER);
      var r = results.get(pageIndex);
      if (!r) results.set(pageIndex, r = { page: this.pages[pageIndex], best: 0, unique: 0, copies: new Map(), sections: new Map() });
      if (score > r.best) r.best = score;
      var copy = isPassage && this.copyOf.has(id) ? this.copyOf.get(id) : -1;
      if (copy < 0) { if (score > r.unique) r.unique = score; }
      else if (score > (r.copies.get(copy) || 0)) r.copies.set(copy, score);
      var section = r.sections.get(entryIndex);
      if (!section) r.sections.set(entryIndex, section = { entry: entryIndex, score: 0 });
      if (score > section.score) section.score = score;
    }
    // The pages whose title (with its search terms), or a section's heading read with it, holds
    // every subject word of the question.
    var titled = new Set();
    if (subject) {
      inPageTitle.forEach(function (mask, page) { if ((mask & subject) === subject) titled.add(page); });
      inHeading.forEach(function (mask, entry) {
        var page = self.entryPage[entry];
        if (((mask | inPageTitle.get(page)) & subject) === subject) titled.add(page);
      });
    }
    var ranked = [];
    results.forEach(function (r) {
      r.titled = titled.has(r.page.index);
      var sum = 0, held = 0;
      for (var q = 0; q < terms.length; q++) {
        var v = inWhole[q][r.page.index];
        if (v) { sum += v; held += shares[q]; }
      }
      r.whole = sum * Math.pow(held / total, COVER);
      var title = named.get(r.page.index);
      r.named = title && title.all ? title.held * Math.pow(title.held / title.all, 2) : 0;
      ranked.push(r);
    });
    ranked = this.withoutRepeats(ranked);
    // Only the pages listed need to know which terms they hold, and the ten shown what their
    // snippets show; then the buffers are cleared.
    var holds = ranked.slice(0, GROUPS).map(function (r) {
      return inWhole.map(function (whole) { return whole[r.page.index] > 0; });
    });
    ranked.slice(0, FULL_GROUPS).forEach(function (r) { self.choose(r, inText, weights); });
    touched.forEach(function (t, q) {
      t.text.forEach(function (i) { inText[q][i] = 0; });
      t.title.forEach(function (i) { inTitle[q][i] = 0; });
      t.own.forEach(function (i) { inOwn[q][i] = 0; });
      t.whole.forEach(function (i) { inWhole[q][i] = 0; });
    });
    for (ci = 0; ci < candidates.length; ci++) seen[candidates[ci]] = 0;
    return { list: ranked.slice(0, GROUPS), terms: terms, holds: holds, marks: marks,
             found: function (n) {
               var found = {};
               terms.forEach(function (term, q) { found[term.label] = holds[n][q]; });
               return found;
             } };
  };

  /* The pages in order: first every page whose title (with the search terms its author gave it)
     or one of whose section headings (read with the title) holds every subject word of the
     question, then the rest, each part in order of score. A word that appears only in a page's text (a role's description, a row of a
     table about something else) never lifts that page above a page that names the question's
     subject where a reader looks first. Within that order, a passage copied onto several pages
     counts only for the first of them: the others are ranked by their best passage that no page
     above them has shown. Three results holding the same sentence tell a reader no more than
     one; the page whose copy ranks first, by the rest of what it holds, keeps it. */
  Index.prototype.withoutRepeats = function (ranked) {
    function score(r, best) {
      return (BEST_PASSAGE * best + WHOLE_PAGE * r.whole + NAMED * r.named) * r.page.boost;
    }
    function order(a, b) { return (b.titled - a.titled) || b.score - a.score || a.page.index - b.page.index; }
    ranked.forEach(function (r) { r.score = score(r, r.best); });
    ranked.sort(order);
    var shown = new Set(), out = [];
    while (ranked.length && out.length < GROUPS) {
      var r = ranked.shift(), best = r.unique, from = -1;
      r.copies.forEach(function (value, copy) { if (value > best && !shown.has(copy)) { best = value; from = copy; } });
      if (best < r.best) {
        // Its best passage is on a page above: ranked again by what it holds of its own.
        r.best = best;
        r.score = score(r, best);
        var at = 0;
        while (at < ranked.length && order(ranked[at], r) < 0) at++;
        ranked.splice(at, 0, r);
        continue;
      }
      if (from >= 0) shown.add(from);
      out.push(r);
    }
    return out.concat(ranked);
  };

  /* What each term may look like on the page, for <mark>: the stems
     of its alternatives, and the stems of every word of a synonym group it matched, each worth
     the term's weight. */
  Index.prototype.marks = function (terms, weights) {
    var worth = new Map(), self = this;
    function note(s, w) { if (!STOP_WORDS.has(s) && w > (worth.get(s) || 0)) worth.set(s, w); }
    terms.forEach(function (term, q) {
      term.alternatives.forEach(function (alt) {
        var w = weights[q] * alt.weight;
        if (alt.token.charAt(0) !== "=") { note(alt.token, w); return; }
        self.synonyms.phrases.forEach(function (list) {
          list.forEach(function (p) { if (p.token === alt.token) p.stems.forEach(function (s) { note(s, w); }); });
        });
      });
    });
    return marker(worth);
  };

  // -- Results ----------------------------------------------------------------------------------

  /* A page's results as Material lists them: the page's own entry first, then its sections. The
     page's entry shows its text only when that text is what answers; otherwise the best section
     does (with the page's score, so Material shows it open), with the sections nearly as good,
     and the rest fold under "more on this page". "Missing" names only the words the page does
     not hold anywhere. What is shown was chosen with the ranking (choose). */
  Index.prototype.group = function (r, terms, holds, marks) {
    var found = {}, self = this, best = r.sorted[0], head = this.pageEntry[r.page.index];
    terms.forEach(function (term, q) { found[term.label] = holds[q]; });
    var items = [this.item(head, r.headAnswers ? r.snippets.get(head) : null, r.score, found, marks)];
    r.shown.forEach(function (entry) {
      if (entry === head) return;
      var score = r.sections.get(entry).score, open = !r.headAnswers && score >= 0.8 * best.score;
      items.push(self.item(entry, r.snippets.get(entry), open ? r.score : r.score * 0.99 * score / best.score,
                           found, marks));
    });
    return items;
  };

  /* A page listed below the first ten: its title, and nothing its text would need loading for. */
  Index.prototype.pageItem = function (page, score, found) {
    return { location: page.path, title: page.title, text: "", score: score, terms: found };
  };

  /* A section as an item: its address, its title with the words marked, and its snippet, the
     passages given (none: no text). */
  Index.prototype.item = function (entry, passages, score, found, marks) {
    var section = this.section(entry), self = this;
    var shown = (passages || []).map(function (pid) { return self.passage(pid); }).filter(Boolean);
    return { location: section.location, title: highlight(section.title || "", marks),
             text: wrap(shown, marks), score: score, terms: found };
  };

  /* Passages back in the elements they came from (p, ul, ol, pre; {tag, block, html}), the
     words marked: passages of one block share its element, sentences of a paragraph are joined
     by an ellipsis, lines of a code block by a line break. */
  function wrap(pieces, marks) {
    var out = "", open = null;
    pieces.forEach(function (piece, n) {
      var same = open && open.block === piece.block;
      if (open && !same) out += "</" + open.tag + ">";
      if (!same) out += "<" + piece.tag + ">";
      else if (piece.tag === "p") out += " … ";
      else if (piece.tag === "pre") out += "\n";
      out += piece.tag === "p" || piece.tag === "pre" ? highlight(piece.html, marks) : "<li>" + highlight(piece.html, marks) + "</li>";
      open = piece;
      if (n === pieces.length - 1) out += "</" + piece.tag + ">";
    });
    return out;
  }

  /* Which stem of the question a word of a page matches (or null), remembered for the question. */
  function marker(worth) {
    var seen = new Map();
    function key(word) {
      var known = seen.get(word);
      if (known !== undefined) return known;
      var w = word.toLowerCase().replace(/['’]s$/, "").replace(/['’]/g, ""), found = null, s = stem(w);
      if (worth.has(s)) found = s;
      else if (w.indexOf("-") >= 0) {
        var parts = w.split("-");
        if (worth.has(stem(parts.join("")))) found = stem(parts.join(""));
        else for (var i = 0; i < parts.length && !found; i++) if (worth.has(stem(parts[i]))) found = stem(parts[i]);
      }
      seen.set(word, found);
      return found;
    }
    return { key: key, worth: worth, test: function (word) { return key(word) !== null; } };
  }

  /* <mark> around the words that match, in text between tags only, entities left whole. */
  function highlight(html, marks) {
    return html.replace(/(<[^>]*>)|(&#?\w+;)|([\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*)/gu, function (all, tag, entity, word) {
      if (tag || entity) return all;
      return marks.test(word) ? "<mark>" + word + "</mark>" : word;
    });
  }

  /* Material completes the last word from this list: the most frequent title word starting with it. */
  Index.prototype.suggestion = function (query) {
    var last = (query.match(/[\p{L}\p{N}]+$/u) || [""])[0].toLowerCase();
    var name = last.length >= 2 && this.vocabFile(last);
    if (!name) return [];
    var best = "", most = 0;
    this.words(name).forEach(function (w) {
      if (w[3] && w[0].length > last.length && w[0].lastIndexOf(last, 0) === 0 && w[3] > most) { best = w[0]; most = w[3]; }
    });
    return best ? [best] : [];
  };

  // -- The worker -------------------------------------------------------------------------------

  var index = null;
  var latest = 0, unanswered = 0;
  function answer(result) {
    // Every question still waiting gets the newest one's results, in the order they came.
    for (; unanswered > 0; unanswered--) scope.postMessage({ type: RESULT, data: result });
  }
  function handle(message) {
    switch (message && message.type) {
      case SETUP:
        index = new Index(message.data || {});
        scope.postMessage({ type: READY });
        return;
      case QUERY:
        var asked = ++latest;
        unanswered++;
        if (!index) return answer({ items: [] });
        index.answer(message.data).then(function (result) {
          if (asked === latest) answer(result);
        }, function (error) {
          if (typeof console !== "undefined") console.warn("Search failed for " + JSON.stringify(message.data), error);
          if (index) index.scratch = null; // a question cut short may have left values in the buffers
          if (asked === latest) answer({ items: [] });
        });
        return;
      default:
        throw new TypeError("Invalid message type");
    }
  }

  if (typeof scope.addEventListener === "function" && typeof scope.postMessage === "function") {
    // Until the stemmer's script has run (in the bundle's frame, a moment after this one), the
    // messages wait for it, in the order they came.
    var waiting = stemmerLoaded;
    scope.addEventListener("message", function (event) {
      if (!event.data || typeof event.data.type !== "number") return;
      if (!waiting) return handle(event.data);
      waiting = waiting.then(function () { handle(event.data); });
    });
  }
})(typeof self !== "undefined" ? self : this);
