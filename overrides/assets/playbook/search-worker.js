/* The playbook's search: the web worker Material's search box talks to, in place of Material's own.

   Readers type questions the way they would ask a colleague ("what do I send after kickoff",
   "who do I call if something breaks"). Material's worker gives every word a trailing wildcard and
   skips stop words and stemming for wildcard words, so "I" matched "incident", "do" matched
   "does", and a page whose title began with a word of the question beat the page holding the
   answer. This worker reads questions instead:

   - Words that only hold a question together (I, we, do, what, the, ...) never count.
   - Words are compared by their stem (Porter's algorithm), so "trains", "trained" and "training"
     are one word; only the word still being typed, and a word found nowhere, are also read as the
     start of a longer word, and never when shorter than three letters. A word found nowhere that
     is one typo away from a word of the site counts as that word, a little lower.
   - Synonyms come from the playbook's data (the search index's config.synonyms, written by the
     build from data/search-synonyms.yml and the glossary). The `words` of a group ("go-live",
     "go live", "golive") are one word on the pages and in questions alike; a reader's `related`
     word also finds the group, ranked below an exact match.
   - A page is ranked by how much of the question its best passage answers (a sentence or list
     item, with its section's and page's titles) and how much the page as a whole answers (BM25F
     over passages and over pages, each multiplied by the square of the share of the question's
     words it holds), and by how much of its title the question names, so one word shared with a
     title no longer beats a page that answers every word. A page's `search: boost` nudges it
     (its fourth root), never more.
   - Results are grouped by page, the best section first; the snippet is the part of the section
     that holds the words (the matching list items of a checklist), and "Missing" lists only words
     the page does not hold anywhere.

   It speaks Material's worker protocol (material/templates/assets/javascripts/integrations/search/
   worker/message): SETUP {config, docs, options} -> READY; QUERY "text" -> RESULT {items, suggest},
   items being one list per page of {location, title, text, score, terms}. overrides/main.html
   points the theme at this file; the customer bundle runs it from disk through
   assets/playbook/iframe-worker.js. Nothing here reaches the network. */
(function (scope) {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

  // Words that carry no meaning in a question. They are dropped from questions; on pages they
  // are kept out of the index, so they never decide a ranking.
  var STOP_WORDS = new Set((
    "a about above after again against all also am an and any are as at be because been before being " +
    "below between both but by can cannot could did do does doing done during each either else ever every " +
    "few for from further get gets getting got had has have having he her here hers herself him himself his " +
    "how however i if in into is it its itself just let like me might mine more most must my myself nor not " +
    "now of on once only onto or other ought our ours ourselves out over own please quite rather really same " +
    "shall she should so some someone something such than that the their theirs them themselves then there " +
    "these they this those through thus to too under until up upon us very was we were what whatever when " +
    "whenever where whether which while who whoever whom whose why will with within would yet you your yours " +
    "yourself yourselves im ive id youre youve weve theyre dont doesnt didnt cant cannot couldnt shouldnt " +
    "wont wouldnt isnt arent wasnt werent hasnt havent hadnt mustnt whats whos wheres hows lets thats theres " +
    // Light verbs: in a question they carry the sentence, not its subject ("what goes in", "can't make it").
    "go goes going went gone make makes made making take takes took taking give gives gave given giving " +
    "put puts happen happens happened want wants wanted look looks looking " +
    // The frame of a question about duties ("what is expected of the sponsor", "what am I supposed
    // to do"): it asks for what a role does, which the role's own words answer.
    "expect expects expected expecting supposed"
  ).split(" "));

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

  // Irregular forms a suffix stripper cannot see, read as their plain verb.
  var IRREGULAR = {
    written: "write", wrote: "write", sent: "send", paid: "pay", held: "hold", met: "meet", told: "tell",
    sold: "sell", bought: "buy", kept: "keep", left: "leave", began: "begin", begun: "begin", ran: "run",
    chose: "choose", chosen: "choose", spoke: "speak", spoken: "speak", taught: "teach", brought: "bring",
    thought: "think", found: "find", knew: "know", known: "know", led: "lead", won: "win", lost: "lose",
    built: "build", spent: "spend", understood: "understand", fell: "fall", fallen: "fall"
  };

  var stems = new Map();
  function stem(word) {
    var found = stems.get(word);
    if (found === undefined) {
      found = /\d/.test(word) ? word : porter2(IRREGULAR.hasOwnProperty(word) ? IRREGULAR[word] : word);
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
     the row or section that states it. The build writes the facts (config.facts: {asks, subject,
     names, answer, location}, playbook/search/facts.py) and the frames of the questions that ask
     for them (config.frames: {asks, words, also}, data/search-frames.yml). A question is this
     frame's when it holds one of its words (the longest found decides; two frames found equally
     long, none); its other words, less the frame's `also` words and the words that only hold a
     question together, must all belong to one subject's name or a synonym of it, and name at
     least half of it (all of it when the question has one word). When two subjects fit equally,
     none is shown: a wrong fact is worse than none. */
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
    this.facts = (config.facts || []).map(function (fact) {
      // A name is read as a question is, less the frame's `also` words: "Kickoff meeting" is
      // named by "when is the kickoff meeting" and by "when does the kickoff meet" alike.
      var also = self.also.get(fact.asks) || new Set();
      return { fact: fact, names: [fact.subject].concat(fact.names || []).map(function (name) {
        return self.units(words(name).filter(function (w) { return !w.extra; }), also);
      }).filter(function (units) { return units.size; }) };
    });
  }

  /* What a run of words names: the token of each synonym group found in it, and the stem of every
     other word that is neither a stop word nor one of `skip`. */
  Facts.prototype.units = function (seq, skip) {
    var units = new Set(), covered = new Set();
    this.synonyms.find(seq).forEach(function (hit) {
      units.add(hit.token);
      for (var k = hit.start; k < hit.end; k++) covered.add(k);
    });
    seq.forEach(function (w, k) {
      if (!covered.has(k) && !STOP_WORDS.has(w.surface) && !skip.has(w.stem)) units.add(w.stem);
    });
    return units;
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

  /* The one fact a question asks for, or null. */
  Facts.prototype.answer = function (query) {
    if (!this.facts.length) return null;
    var seq = words(query).filter(function (w) { return !w.extra; });
    var frame = this.frame(seq);
    if (!frame) return null;
    var rest = seq.slice(0, frame.start).concat(seq.slice(frame.end));
    var asked = this.units(rest, this.also.get(frame.asks) || new Set());
    if (!asked.size) return null;
    var best = null, bestShare = 0, tie = false;
    this.facts.forEach(function (entry) {
      if (entry.fact.asks !== frame.asks) return;
      var share = 0;
      entry.names.forEach(function (units) {
        var all = true;
        asked.forEach(function (u) { if (!units.has(u)) all = false; });
        if (all) share = Math.max(share, asked.size / units.size);
      });
      if (share < 0.5 || (asked.size === 1 && share < 1)) return;
      if (share > bestShare) { best = entry.fact; bestShare = share; tie = false; }
      else if (share === bestShare && best && best.location !== entry.fact.location) tie = true;
    });
    return tie ? null : best;
  };

  var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" };
  function escapeHtml(text) { return String(text).replace(/[&<>"]/g, function (c) { return ESCAPES[c]; }); }

  // -- The index --------------------------------------------------------------------------------

  /* Where a word of a question may be found, and how much each place counts. A page is cut into
     passages (a sentence, a list item, a line of a code block): words of a question found in one
     passage answer it better than the same words scattered over a long page. A passage also
     holds its section's title and its page's title and search terms, so "sponsor" in a pitfall of
     the Kickoff page matches "the sponsor can't make the kickoff" as a whole. */
  var IN_TEXT = 1, IN_SECTION_TITLE = 2, IN_PAGE_TITLE = 2.5, BOTH = 0.3;
  // The whole page's own weights (BM25F): its title and search terms, its headings, its text.
  var PAGE_TITLE = 4, PAGE_TERMS = 3, HEADINGS = 1.5, TEXT = 1;
  var K1 = 1.2, B_PASSAGE = 0.5, B_PAGE = 0.9;
  // How much the best passage, the whole page and naming the page's title (Index.named) count in
  // a page's rank.
  var BEST_PASSAGE = 0.75, WHOLE_PAGE = 0.25, NAMED = 1;
  // A page's share of the question counts squared. Each word of the question counts for one in
  // it, but a word found on most pages (its idf below SHARE_FULL) counts for less: "customer"
  // or "project" hardly says which page is meant.
  var COVER = 2, SHARE_FULL = 0.5;
  // Pages returned, and how many of them list their other matching sections (Material shows ten
  // results at once and more as the reader scrolls; nobody reads fifty).
  var GROUPS = 50, FULL_GROUPS = 10;

  /* The tokens of a text: each word's stem (stop words left out), joined spellings, and the token
     of every synonym group found in it. */
  function tokens(list, synonyms) {
    var out = [];
    for (var i = 0; i < list.length; i++) if (!STOP_WORDS.has(list[i].surface)) out.push(list[i].stem);
    synonyms.find(list.filter(function (w) { return !w.extra; })).forEach(function (hit) { out.push(hit.token); });
    return out;
  }

  function count(list, into, weight) {
    into = into || new Map();
    for (var i = 0; i < list.length; i++) into.set(list[i], (into.get(list[i]) || 0) + (weight || 1));
    return into;
  }

  function Postings() { this.ids = []; this.tf = []; }

  function post(table, counts, id) {
    counts.forEach(function (tf, token) {
      var p = table.get(token);
      if (!p) table.set(token, p = new Postings());
      p.ids.push(id);
      p.tf.push(tf);
    });
  }

  function Index(data) {
    var config = data.config || {}, self = this;
    var synonyms = this.synonyms = new Synonyms(config.synonyms);
    this.suggest = !!(data.options && data.options.suggest);
    var pages = this.pages = [], entries = this.entries = [], passages = this.passages = [];
    var byPath = new Map();
    this.inPassages = new Map();   // token -> passages (tf)
    this.inTitles = new Map();     // token -> sections whose title holds it
    this.inPageOwn = new Map();    // token -> pages whose title or search terms hold it
    this.inPages = new Map();      // token -> pages (weighted tf over the whole page)
    var texts = new Map();         // a passage's words -> {pages holding them, passages}
    var surfaces = new Map();      // surface word -> stem, for completing words and typos
    var titleWords = new Map();    // word of a title -> how often, for Material's suggestions

    function read(text, isTitle) {
      var list = words(text);
      for (var i = 0; i < list.length; i++) {
        var w = list[i];
        if (!w.extra && !surfaces.has(w.surface)) surfaces.set(w.surface, w.stem);
        if (isTitle && !STOP_WORDS.has(w.surface)) titleWords.set(w.surface, (titleWords.get(w.surface) || 0) + 1);
      }
      return tokens(list, synonyms);
    }

    (data.docs || []).forEach(function (doc) {
      var path = doc.location.split("#")[0];
      var page = byPath.get(path);
      if (!page) {
        page = { path: path, index: pages.length, doc: doc, entries: [], length: 0, whole: new Map(),
                 boost: Math.pow(doc.boost > 0 ? doc.boost : 1, 0.25), terms: doc.terms || "" };
        var pageTitle = plain(doc.title || ""), titleTokens = read(pageTitle, true), termTokens = read(page.terms, false);
        page.own = count(titleTokens, count(termTokens));
        page.titleStems = words(pageTitle).filter(function (w) {
          return !w.extra && !STOP_WORDS.has(w.surface);
        }).map(function (w) { return w.stem; });
        count(titleTokens, page.whole, PAGE_TITLE);
        count(termTokens, page.whole, PAGE_TERMS);
        byPath.set(path, page);
        pages.push(page);
      }
      var entry = { doc: doc, page: page, index: entries.length, isPage: doc.location === path,
                    pieces: cut(doc.text || "") };
      if (!entry.isPage) {
        var title = count(read(plain(doc.title || ""), true));
        if (title.size) post(self.inTitles, title, entry.index);
        title.forEach(function (n, t) { page.whole.set(t, (page.whole.get(t) || 0) + HEADINGS * n); });
      }
      entry.pieces.forEach(function (piece) {
        var list = read(plain(piece.html), false);
        // A list item is found with the sentence that introduces its list, which the page as a
        // whole already counts once.
        var found = piece.lead ? list.concat(read(plain(piece.lead), false)) : list;
        var passage = { entry: entry, piece: piece, index: passages.length, length: found.length, copy: -1 };
        passages.push(passage);
        var same = list.join(" ");
        if (same) {
          var copies = texts.get(same);
          if (!copies) texts.set(same, copies = { pages: new Set(), passages: [] });
          copies.pages.add(page.index);
          copies.passages.push(passage);
        }
        if (found.length) post(self.inPassages, count(found), passage.index);
        count(list, page.whole, TEXT);
        page.length += list.length;
      });
      page.entries.push(entry);
      entries.push(entry);
    });

    pages.forEach(function (page) {
      post(self.inPageOwn, page.own, page.index);
      post(self.inPages, page.whole, page.index);
      page.whole = null;
    });
    // Passages a template repeats on several pages (each communication a role page lists, the
    // lifecycle on the home page) are copies: one number per text, so the ranking can tell.
    var copiesFound = 0;
    texts.forEach(function (copies) {
      if (copies.pages.size < 2) return;
      copies.passages.forEach(function (p) { p.copy = copiesFound; });
      copiesFound++;
    });
    this.passageLength = Float32Array.from(passages, function (p) { return p.length; });
    this.avgPassage = passages.reduce(function (s, p) { return s + p.length; }, 0) / Math.max(passages.length, 1) || 1;
    this.avgPage = pages.reduce(function (s, p) { return s + p.length; }, 0) / Math.max(pages.length, 1) || 1;
    this.surfaceList = Array.from(surfaces.keys()).sort();
    this.surfaces = surfaces;
    this.titleWords = titleWords;
    this.byPath = byPath;
    this.facts = new Facts(config, synonyms);
  }

  /* How many pages hold a token anywhere (0: none): the measure of how rare a word is. */
  Index.prototype.df = function (token) {
    var p = this.inPages.get(token);
    return p ? p.ids.length : 0;
  };

  function idf(n, df) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }

  // -- Questions --------------------------------------------------------------------------------

  /* A question as the terms that count: [{label, alternatives: [{token, weight}]}]. A group's
     words count as one term; a hyphenated word is one term (its joined spelling) when the site
     has it, else its parts; words that carry no meaning are left out. */
  Index.prototype.parse = function (query) {
    var typing = !/\s$/.test(query), self = this;
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
    });
    terms.sort(function (a, b) { return a.at - b.at; });
    return terms.filter(function (t) { return t.alternatives.length; });
  };

  /* Longer words starting with a prefix, the most frequent first (at most 12). */
  Index.prototype.completions = function (prefix, weight) {
    var list = this.surfaceList, lo = 0, hi = list.length, found = new Map();
    while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid] < prefix) lo = mid + 1; else hi = mid; }
    for (var i = lo; i < list.length && list[i].lastIndexOf(prefix, 0) === 0; i++) {
      var s = this.surfaces.get(list[i]);
      if (list[i] !== prefix && !found.has(s) && this.df(s)) found.set(s, this.df(s));
    }
    return Array.from(found.entries()).sort(function (a, b) { return b[1] - a[1]; }).slice(0, 12)
      .map(function (e) { return { token: e[0], weight: weight }; });
  };

  /* Words of the site one typo away (a letter missing, extra, wrong or two swapped). */
  Index.prototype.typos = function (word) {
    var found = new Set(), out = [], self = this;
    this.surfaceList.forEach(function (w) {
      if (Math.abs(w.length - word.length) <= 1 && oneTypo(word, w)) {
        var s = self.surfaces.get(w);
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

  // -- Ranking ----------------------------------------------------------------------------------

  function saturate(tf, length, average, b) {
    return tf * (K1 + 1) / (tf + K1 * (1 - b + b * length / average));
  }

  /* Each page that holds any term, ranked: by its best passage (the passage's own words, its
     section's title, its page's title and search terms), and by the page as a whole, each
     multiplied by the square of the share of the question it holds, so a page answering every
     word beats a page answering one word many times. */
  /* The results with the fact the question asks for first, if it asks for one: in its page's
     group, after the page's own entry and before its sections, with the group's score so
     Material shows it open; the group moves to the top. */
  Index.prototype.withFact = function (items, query) {
    var fact = this.facts.answer(String(query || ""));
    if (!fact) return items;
    var path = fact.location.split("#")[0], page = this.byPath.get(path);
    if (!page) return items;
    var at = items.findIndex(function (group) { return group[0].location.split("#")[0] === path; });
    var group = at >= 0 ? items.splice(at, 1)[0] : [];
    var score = Math.max(group.length ? group[0].score : 0, items.length ? items[0][0].score : 0) + 1;
    var head = group.length ? group[0] : { location: page.doc.location, title: page.doc.title, text: "", terms: {} };
    var sections = group.slice(1).filter(function (item) { return item.location !== fact.location; });
    var answer = { location: fact.location, title: escapeHtml(fact.subject), text: "<p class=\"pb-search-fact\">" + escapeHtml(fact.answer) + "</p>",
                   score: score, terms: {} };
    return [[Object.assign({}, head, { score: score, text: "" }), answer].concat(sections)].concat(items);
  };

  Index.prototype.search = function (query) {
    var terms = this.parse(String(query || ""));
    if (!terms.length) return { items: this.withFact([], query) };
    var self = this, nPages = this.pages.length;
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
    var scratch = this.scratch || (this.scratch = { text: [], title: [], own: [], whole: [], touched: [],
      seen: new Uint8Array(this.passages.length + this.entries.length) });
    var nP = this.passages.length, nE = this.entries.length;
    function buffer(list, q, size) { return list[q] || (list[q] = new Float32Array(size)); }
    var inText = [], inTitle = [], inOwn = [], inWhole = [], touched = [];
    var candidates = []; // passage ids, and nP + entry index for a section matched by titles only
    var seen = scratch.seen;
    function candidate(id) { if (!seen[id]) { seen[id] = 1; candidates.push(id); } }
    terms.forEach(function (term, q) {
      var text = buffer(scratch.text, q, nP), title = buffer(scratch.title, q, nE);
      var own = buffer(scratch.own, q, nPages), whole = buffer(scratch.whole, q, nPages);
      var t = { text: [], title: [], own: [], whole: [] };
      function set(array, list, i, v) { if (v > array[i]) { if (!array[i]) list.push(i); array[i] = v; } }
      term.alternatives.forEach(function (alt) {
        var w = alt.weight * idf(nPages, self.df(alt.token) || 1), k, p, ids, tf;
        if ((p = self.inPassages.get(alt.token))) {
          ids = p.ids; tf = p.tf;
          for (k = 0; k < ids.length; k++) {
            var length = self.passageLength[ids[k]];
            set(text, t.text, ids[k], w * IN_TEXT * saturate(tf[k], length, self.avgPassage, B_PASSAGE));
            candidate(ids[k]);
          }
        }
        if ((p = self.inTitles.get(alt.token))) {
          for (k = 0; k < p.ids.length; k++) {
            set(title, t.title, p.ids[k], w * IN_SECTION_TITLE);
            candidate(nP + p.ids[k]);
          }
        }
        if ((p = self.inPageOwn.get(alt.token))) {
          for (k = 0; k < p.ids.length; k++) {
            set(own, t.own, p.ids[k], w * IN_PAGE_TITLE);
            candidate(nP + self.pages[p.ids[k]].entries[0].index);
          }
        }
        if ((p = self.inPages.get(alt.token))) {
          ids = p.ids; tf = p.tf;
          for (k = 0; k < ids.length; k++) {
            set(whole, t.whole, ids[k], w * saturate(tf[k], self.pages[ids[k]].length, self.avgPage, B_PAGE));
          }
        }
      });
      inText.push(text); inTitle.push(title); inOwn.push(own); inWhole.push(whole); touched.push(t);
    });

    var marks = this.marks(terms, weights);
    var results = new Map();
    var nTerms = terms.length;
    for (var ci = 0; ci < candidates.length; ci++) {
      var id = candidates[ci], passage = id < nP ? this.passages[id] : null;
      var c = { entry: passage ? passage.entry : this.entries[id - nP], passage: passage };
      var sum = 0, held = 0, entryIndex = c.entry.index, pageIndex = c.entry.page.index;
      for (var q = 0; q < nTerms; q++) {
        var a = passage ? inText[q][id] : 0;
        var b = Math.max(inTitle[q][entryIndex], inOwn[q][pageIndex]);
        if (a || b) {
          sum += Math.max(a, b) + BOTH * Math.min(a, b);
          held += shares[q];
        }
      }
      var share = held / total, score = sum * Math.pow(share, COVER);
      var page = c.entry.page, r = results.get(page.index);
      if (!r) results.set(page.index, r = { page: page, best: 0, unique: 0, copies: new Map(), sections: new Map() });
      if (score > r.best) r.best = score;
      var copy = passage ? passage.copy : -1;
      if (copy < 0) { if (score > r.unique) r.unique = score; }
      else if (score > (r.copies.get(copy) || 0)) r.copies.set(copy, score);
      var section = r.sections.get(c.entry.index);
      if (!section) r.sections.set(c.entry.index, section = { entry: c.entry, score: 0 });
      if (score > section.score) section.score = score;
    }
    var ranked = [];
    results.forEach(function (r) {
      var sum = 0, held = 0;
      for (var q = 0; q < terms.length; q++) {
        var v = inWhole[q][r.page.index];
        if (v) { sum += v; held += shares[q]; }
      }
      r.whole = sum * Math.pow(held / total, COVER);
      r.named = self.named(r.page, marks);
      ranked.push(r);
    });
    ranked = this.withoutRepeats(ranked);
    // Only the pages listed need to know which terms they hold; then the buffers are cleared.
    var holds = ranked.slice(0, GROUPS).map(function (r) {
      return inWhole.map(function (whole) { return whole[r.page.index] > 0; });
    });
    touched.forEach(function (t, q) {
      t.text.forEach(function (i) { inText[q][i] = 0; });
      t.title.forEach(function (i) { inTitle[q][i] = 0; });
      t.own.forEach(function (i) { inOwn[q][i] = 0; });
      t.whole.forEach(function (i) { inWhole[q][i] = 0; });
    });
    for (ci = 0; ci < candidates.length; ci++) seen[candidates[ci]] = 0;
    ranked = ranked.slice(0, GROUPS);

    var items = ranked.map(function (r, n) {
      return self.group(r, terms, holds[n], marks, n < FULL_GROUPS ? 8 : 1);
    });
    var result = { items: this.withFact(items, query) };
    if (this.suggest) result.suggest = this.suggestion(query);
    return result;
  };

  /* The pages in order of their score, where a passage copied onto several pages counts only for
     the first of them: the others are ranked by their best passage that no page above them has
     shown. Three results holding the same sentence tell a reader no more than one; the page
     whose copy ranks first, by the rest of what it holds, keeps it. */
  Index.prototype.withoutRepeats = function (ranked) {
    function score(r, best) {
      return (BEST_PASSAGE * best + WHOLE_PAGE * r.whole + NAMED * r.named) * r.page.boost;
    }
    function order(a, b) { return b.score - a.score || a.page.index - b.page.index; }
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

  /* What each term may look like on the page, for <mark> and for choosing the snippet: the stems
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

  /* How much a question names a page by its title: the share of the title's words (each
     weighted by how rare it is) the question holds, squared, times their weight. A question that
     names "Customer end users" ranks that page up; a common word such as "change" naming "What
     changed" adds next to nothing. */
  Index.prototype.named = function (page, marks) {
    var all = 0, held = 0, n = this.pages.length, self = this;
    page.titleStems.forEach(function (s) {
      var w = idf(n, self.df(s) || 1);
      all += w;
      if (marks.worth.has(s)) held += w;
    });
    return all ? held * (held / all) * (held / all) : 0;
  };

  // -- Results ----------------------------------------------------------------------------------

  /* A page's results as Material lists them: the page's own entry first, then its sections. The
     page's entry shows its text only when that text is what answers; otherwise the best section
     does (with the page's score, so Material shows it open), with the sections nearly as good,
     and the rest fold under "more on this page". "Missing" names only the words the page does
     not hold anywhere. */
  Index.prototype.group = function (r, terms, holds, marks, most) {
    var page = r.page, found = {};
    terms.forEach(function (term, q) { found[term.label] = holds[q]; });
    var sections = Array.from(r.sections.values())
      .sort(function (a, b) { return b.score - a.score || a.entry.index - b.entry.index; });
    var best = sections[0], head = page.entries[0];
    var headAnswers = best.entry === head && head.pieces.length > 0;
    var items = [this.item(head, r.score, found, marks, headAnswers)];
    for (var i = 0, shown = 0; i < sections.length && shown < most; i++) {
      var s = sections[i];
      if (s.entry === head || s.score <= 0) continue;
      var open = !headAnswers && s.score >= 0.8 * best.score;
      items.push(this.item(s.entry, open ? r.score : r.score * 0.99 * s.score / best.score, found, marks, true));
      shown++;
    }
    return items;
  };

  Index.prototype.item = function (entry, score, found, marks, snippet) {
    var doc = entry.doc;
    var item = { location: doc.location, title: highlight(doc.title || "", marks),
                 text: snippet ? this.snippet(entry, marks) : "", score: score, terms: found };
    if (doc.tags) item.tags = doc.tags.slice();
    return item;
  };

  /* The part of a section's text that holds the question's words: the pieces (sentences, list
     items, lines of a code block) with the most of them, at most three, in the page's order, each
     list's items kept in their list. A section's pieces are cut once and remembered. */
  Index.prototype.snippet = function (entry, marks) {
    var pieces = entry.pieces;
    var scored = [];
    for (var i = 0; i < pieces.length; i++) {
      var keys = new Set();
      for (var k = 0; k < pieces[i].words.length; k++) {
        var key = marks.key(pieces[i].words[k]);
        if (key !== null) keys.add(key);
      }
      var n = 0;
      keys.forEach(function (key) { n += marks.worth.get(key); });
      if (n) scored.push({ piece: pieces[i], n: n, i: i });
    }
    if (!scored.length) return pieces.length ? wrap([pieces[0]], marks) : "";
    scored.sort(function (a, b) { return b.n - a.n || a.i - b.i; });
    var chosen = scored.slice(0, 3).sort(function (a, b) { return a.i - b.i; }).map(function (s) { return s.piece; });
    return wrap(chosen, marks);
  };

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

  /* A section's text as pieces: {block, tag, html, words}; tag is the element the piece goes
     back into (p, ul, ol, pre). A paragraph is cut into sentences, a list into its items, a
     code block into lines; text outside any of them (what is left of a table or a definition
     list the index could not mark) reads as paragraphs. A list item is its own words: a list
     inside it ("Does: Sign off the design, Run the kickoff") is a block of its own, each item a
     passage, so an item holding a long list never holds every word of it. */
  var BLOCK_START = /<(ul|ol|p|pre)\b[^>]*>/g;
  // The longest sentence read as the introduction of the list after it.
  var LEAD_WORDS = 12;

  /* Where the element opening at `from` (its name `tag`) ends: just after its matching end tag,
     elements of the same name inside it counted. */
  function closing(html, tag, from) {
    var re = new RegExp("<(/?)" + tag + "\\b[^>]*>", "g"), depth = 0, m;
    re.lastIndex = from;
    while ((m = re.exec(html))) {
      depth += m[1] ? -1 : 1;
      if (!depth) return re.lastIndex;
    }
    return html.length;
  }

  function cut(html) {
    var pieces = [], blocks = 0;

    function add(tag, block, part, lead) {
      if (!part.trim()) return;
      var text = part.replace(/<[^>]*>/g, " ");
      pieces.push({ block: block, tag: tag, html: part.trim(), words: text.match(WORD) || [], lead: lead || "" });
    }

    function sentences(inner) {
      var block = blocks++;
      inner.split(/(?<=[.!?:])\s+(?=[A-Z0-9"“(])/).forEach(function (part) { add("p", block, part); });
    }

    /* The sentence that introduces a list, if the markup just before the list ends with a short
       one ("Test readiness 8 items", "Before the build starts:", "Does"): its items are read
       with it, as a passage is read with its section's title. */
    function leadIn(before) {
      var last = before.replace(/<[^>]*>/g, " ").split(/(?<=[.!?:])\s+(?=[A-Z0-9"“(])/).pop().trim();
      return last && (last.match(WORD) || []).length <= LEAD_WORDS ? last : "";
    }

    /* The items of a list: each item's own markup is a piece, each list inside an item a block
       of its own after it, read with the item's words just before it. */
    function list(tag, inner, lead) {
      var block = blocks++, at = 0, m, item = /<li\b[^>]*>/g;
      while ((item.lastIndex = at, m = item.exec(inner))) {
        var end = closing(inner, "li", m.index);
        var body = inner.slice(item.lastIndex, end).replace(/<\/li>$/, ""), own = "", nested = [], k = 0, n;
        var sub = /<(ul|ol)\b[^>]*>/g;
        while ((sub.lastIndex = k, n = sub.exec(body))) {
          var stop = closing(body, n[1], n.index), before = body.slice(k, n.index);
          own += before;
          nested.push([n[1], body.slice(sub.lastIndex, stop).replace(new RegExp("</" + n[1] + ">$"), ""), leadIn(before)]);
          k = stop;
        }
        own += body.slice(k);
        add(tag, block, own, lead);
        nested.forEach(function (l) { list(l[0], l[1], l[2]); });
        at = end;
      }
    }

    var at = 0, m, previous = "";
    while ((BLOCK_START.lastIndex = at, m = BLOCK_START.exec(html))) {
      var loose = html.slice(at, m.index), looseText = loose.replace(/<[^>]*>/g, "").trim();
      if (looseText) sentences(loose);
      var tag = m[1], end = closing(html, tag, m.index);
      var inner = html.slice(BLOCK_START.lastIndex, end).replace(new RegExp("</" + tag + ">$"), "");
      if (tag === "pre") {
        var block = blocks++;
        inner.replace(/^<code\b[^>]*>|<\/code>$/g, "").split("\n").forEach(function (line) { add("pre", block, line); });
      } else if (tag === "p") sentences(inner);
      else list(tag, inner, leadIn(looseText ? loose : previous));
      previous = tag === "p" ? inner : "";
      at = end;
    }
    var rest = html.slice(at);
    if (rest.replace(/<[^>]*>/g, "").trim()) sentences(rest);
    return pieces;
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
    if (last.length < 2) return [];
    var best = "", most = 0;
    this.titleWords.forEach(function (n, w) {
      if (w.length > last.length && w.lastIndexOf(last, 0) === 0 && n > most) { best = w; most = n; }
    });
    return best ? [best] : [];
  };

  // -- The worker -------------------------------------------------------------------------------

  var index = null;
  function handle(message) {
    switch (message && message.type) {
      case SETUP:
        index = new Index(message.data || {});
        return { type: READY };
      case QUERY:
        try {
          return { type: RESULT, data: index ? index.search(message.data) : { items: [] } };
        } catch (error) {
          if (typeof console !== "undefined") console.warn("Search failed for " + JSON.stringify(message.data), error);
          if (index) index.scratch = null; // a question cut short may have left values in the buffers
          return { type: RESULT, data: { items: [] } };
        }
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
      if (!waiting) return scope.postMessage(handle(event.data));
      waiting = waiting.then(function () { scope.postMessage(handle(event.data)); });
    });
  }
})(typeof self !== "undefined" ? self : this);
