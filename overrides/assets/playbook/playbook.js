/* The playbook in the browser: checklists people run, matrices narrowed to one role, and a way
   to say what search did not find. No network, no analytics: state lives in localStorage only.

   Every control is cloned from a <template> in main.html (overrides/playbook/browser-controls.html),
   so without JavaScript the page shows the plain checklist and matrix and no dead buttons.

   Material's instant navigation swaps the page without reloading scripts; `document$` emits
   once per page shown (the first load included), so everything is set up from there and each
   setup marks what it has done, making it safe to run again. */
(function () {
  "use strict";

  // -- Storage ----------------------------------------------------------------------------------
  // Ticks are stored per checklist id, project and item id, never per item text, so rewording an
  // item keeps everyone's ticks, and an item removed from the YAML is simply ignored.
  //   pb:project                                   the project last run (shared by all checklists)
  //   pb:run:<checklist id>:<project>              {"<item id>": true, ...}
  var PROJECT_KEY = "pb:project";
  var RUN_PREFIX = "pb:run:";

  function storage() {
    try {
      var probe = "pb:probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null; // private mode or storage blocked: the checklist still works for this visit
    }
  }

  var store = storage();
  var memory = {};

  function read(key) {
    var raw = store ? store.getItem(key) : memory[key];
    if (raw == null) return null;
    try { return JSON.parse(raw); } catch (error) { return null; }
  }

  function write(key, value) {
    var raw = JSON.stringify(value);
    if (store) {
      try { store.setItem(key, raw); return; } catch (error) { /* full: keep it for this visit */ }
    }
    memory[key] = raw;
  }

  function remove(key) {
    if (store) store.removeItem(key);
    delete memory[key];
  }

  function keys() {
    var found = Object.keys(memory);
    if (store) for (var i = 0; i < store.length; i++) found.push(store.key(i));
    return found;
  }

  function runKey(checklist, project) {
    return RUN_PREFIX + checklist + ":" + project;
  }

  function currentProject() {
    var project = read(PROJECT_KEY);
    return typeof project === "string" ? project : "";
  }

  function projectsOf(checklist) {
    var prefix = RUN_PREFIX + checklist + ":";
    return keys()
      .filter(function (key) { return key.indexOf(prefix) === 0 && key.length > prefix.length; })
      .map(function (key) { return key.slice(prefix.length); })
      .sort();
  }

  function clone(id) {
    var template = document.getElementById(id);
    return template ? template.content.firstElementChild.cloneNode(true) : null;
  }

  // -- Checklists ---------------------------------------------------------------------------------

  function checklistItems(root) {
    return Array.prototype.map.call(root.querySelectorAll("[data-pb-item]"), function (li) {
      var box = li.querySelector("input[type=checkbox]");
      var label = li.querySelector("label");
      return {
        id: li.getAttribute("data-pb-item"),
        li: li,
        box: box,
        text: label ? label.textContent.trim() : "",
        owner: li.getAttribute("data-pb-owner") || "",
        due: li.getAttribute("data-pb-due") || ""
      };
    });
  }

  function setupChecklist(root) {
    if (root.hasAttribute("data-pb-ready")) return;
    var tools = clone("pb-checklist-tools");
    if (!tools) return;
    root.setAttribute("data-pb-ready", "");

    var id = root.getAttribute("data-pb-checklist");
    var title = root.querySelector(".pb-checklist__title strong");
    var titleText = title ? title.textContent.trim() : id;
    var items = checklistItems(root);
    var input = tools.querySelector("[data-pb-project]");
    var datalist = tools.querySelector("[data-pb-projects]");
    var progress = tools.querySelector("[data-pb-progress]");
    var status = tools.querySelector("[data-pb-status]");

    // Ids unique on the page, so labels and descriptions point at this checklist's controls.
    datalist.id = "pb-projects-" + id;
    input.setAttribute("list", datalist.id);
    input.id = "pb-project-" + id;
    var heading = root.querySelector(".pb-checklist__title");
    var titleId = heading ? heading.id : "";
    Array.prototype.forEach.call(tools.querySelectorAll("button, input"), function (control) {
      if (titleId) control.setAttribute("aria-describedby", titleId);
    });

    function project() { return input.value.trim(); }

    function load() {
      var done = read(runKey(id, project())) || {};
      items.forEach(function (item) {
        item.box.checked = done[item.id] === true;
        item.li.classList.toggle("pb-checklist__item--done", item.box.checked);
      });
      var known = projectsOf(id);
      datalist.textContent = "";
      known.forEach(function (name) {
        var option = document.createElement("option");
        option.value = name;
        datalist.appendChild(option);
      });
      count();
    }

    function save() {
      var done = {};
      items.forEach(function (item) { if (item.box.checked) done[item.id] = true; });
      if (Object.keys(done).length) write(runKey(id, project()), done);
      else remove(runKey(id, project()));
    }

    function count() {
      var ticked = items.filter(function (item) { return item.box.checked; }).length;
      progress.textContent = ticked + " of " + items.length + " done";
      root.classList.toggle("pb-checklist--complete", ticked === items.length);
    }

    function say(message) {
      // Cleared first so the same message twice is announced twice.
      status.textContent = "";
      window.setTimeout(function () { status.textContent = message; }, 50);
    }

    function markdown() {
      var heading = "**" + titleText + "**" + (project() ? " (" + project() + ")" : "");
      var lines = items.map(function (item) {
        return "- [" + (item.box.checked ? "x" : " ") + "] " + item.text + " — " + item.owner + ", " + item.due;
      });
      return heading + "\n\n" + lines.join("\n") + "\n";
    }

    function csvCell(value) {
      // A spreadsheet runs a cell that starts with = + - @ (or a tab or return) as a formula:
      // a leading apostrophe makes it text (OWASP's advice for CSV injection).
      if (/^[=+\-@\t\r]/.test(value)) value = "'" + value;
      return /[",\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
    }

    function csv() {
      var rows = [["item", "owner", "due", "done"]].concat(items.map(function (item) {
        return [item.text, item.owner, item.due, item.box.checked ? "yes" : "no"];
      }));
      return rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
    }

    function fileName() {
      var slug = project().toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
      return id + (slug ? "-" + slug : "") + ".csv";
    }

    function copy(text) {
      if (navigator.clipboard && window.isSecureContext) {
        return navigator.clipboard.writeText(text);
      }
      return new Promise(function (resolve, reject) {
        var area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.className = "pb-sr-only";
        document.body.appendChild(area);
        area.select();
        var ok = document.execCommand("copy");
        document.body.removeChild(area);
        if (ok) resolve(); else reject(new Error("copy refused"));
      });
    }

    items.forEach(function (item) {
      item.box.addEventListener("change", function () {
        item.li.classList.toggle("pb-checklist__item--done", item.box.checked);
        save();
        count();
      });
    });

    input.value = currentProject();
    var shown = project();
    input.addEventListener("change", function () {
      input.value = project();
      // Enter and then leaving the field both say "change"; act once per new name.
      if (project() === shown) return;
      shown = project();
      write(PROJECT_KEY, project());
      load();
      // Every checklist on the page follows: one project is run at a time.
      document.dispatchEvent(new CustomEvent("pb:project", { detail: { from: root, project: project() } }));
      say(project() ? "Showing the run for " + project() + "." : "Showing the run without a project name.");
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); input.dispatchEvent(new Event("change")); }
    });
    document.addEventListener("pb:project", function (event) {
      if (event.detail.from === root || !root.isConnected) return;
      input.value = event.detail.project;
      shown = project();
      load();
    });

    tools.addEventListener("click", function (event) {
      var button = event.target.closest("[data-pb-action]");
      if (!button) return;
      var action = button.getAttribute("data-pb-action");
      if (action === "copy") {
        copy(markdown()).then(
          function () { say("Copied " + items.length + " items as a Markdown task list."); },
          function () { say("Copying was blocked by the browser; use Download CSV instead."); });
      } else if (action === "csv") {
        var url = URL.createObjectURL(new Blob([csv()], { type: "text/csv;charset=utf-8" }));
        var link = document.createElement("a");
        link.href = url;
        link.download = fileName();
        document.body.appendChild(link);
        link.click();
        document.body.removeChild(link);
        window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
        say("Downloaded " + fileName() + ".");
      } else if (action === "reset") {
        var whose = project() ? " for " + project() : "";
        if (!window.confirm("Clear every tick in " + titleText + whose + "?")) return;
        remove(runKey(id, project()));
        load();
        say("Cleared the run" + whose + ".");
      }
    });

    root.insertBefore(tools, root.querySelector(".pb-checklist__items"));
    load();
  }

  // -- Role matrices ------------------------------------------------------------------------------
  // The role picked last is remembered: someone who reads as a solution architect on one phase
  // most likely wants the same on the next.
  var ROLE_KEY = "pb:matrix-role";

  function setupMatrix(root) {
    if (root.hasAttribute("data-pb-ready")) return;
    var filter = clone("pb-matrix-filter");
    if (!filter) return;
    root.setAttribute("data-pb-ready", "");

    var id = root.getAttribute("data-pb-matrix");
    var select = filter.querySelector("[data-pb-role-select]");
    var only = filter.querySelector("[data-pb-only]");
    var status = filter.querySelector("[data-pb-matrix-status]");
    select.id = "pb-role-" + id;
    only.id = "pb-only-" + id;
    var headers = root.querySelectorAll("thead th[data-pb-role]");
    Array.prototype.forEach.call(headers, function (th) {
      var option = document.createElement("option");
      option.value = th.getAttribute("data-pb-role");
      option.textContent = th.getAttribute("data-pb-title") || th.textContent.trim();
      select.appendChild(option);
    });
    var rows = Array.prototype.slice.call(root.querySelectorAll("tbody tr"));

    function apply(announce) {
      var role = select.value;
      var hide = only.checked;
      only.disabled = !role;
      root.toggleAttribute("data-pb-focus", !!role);
      root.toggleAttribute("data-pb-only", !!role && hide);
      Array.prototype.forEach.call(root.querySelectorAll("[data-pb-role]"), function (cell) {
        cell.classList.toggle("pb-is-focus", !!role && cell.getAttribute("data-pb-role") === role);
      });
      var matching = 0;
      rows.forEach(function (row) {
        var match = !!role && !!row.querySelector('td[data-pb-role="' + role + '"][data-pb-letter]');
        if (match) matching++;
        row.classList.toggle("pb-is-match", match);
        row.classList.toggle("pb-is-other", !!role && !match);
        row.hidden = !!role && hide && !match;
      });
      if (role) reveal(role);
      if (announce) {
        var name = role ? select.options[select.selectedIndex].textContent : "";
        status.textContent = role
          ? name + " has a part in " + matching + " of " + rows.length + " activities" + (hide ? "; the others are hidden." : ", highlighted.")
          : "Showing every role.";
      }
    }

    // The picked role's column scrolls into view beside the activity column, which stays put
    // (position: sticky): on a phone or a laptop the last columns of a wide matrix are off-screen.
    var scroller = root.querySelector(".pb-matrix__scroll");
    function reveal(role) {
      var header = root.querySelector('thead th[data-pb-role="' + CSS.escape(role) + '"]');
      var sticky = root.querySelector("thead th:first-child");
      if (!scroller || !header || !sticky) return;
      var view = scroller.getBoundingClientRect();
      var cell = header.getBoundingClientRect();
      var edge = sticky.getBoundingClientRect().right;
      var visibleRight = view.left + scroller.clientLeft + scroller.clientWidth;
      if (cell.left < edge) scroller.scrollLeft -= edge - cell.left;
      else if (cell.right > visibleRight) scroller.scrollLeft += Math.min(cell.right - visibleRight, cell.left - edge);
    }

    var remembered = read(ROLE_KEY);
    if (typeof remembered === "string" && select.querySelector('option[value="' + CSS.escape(remembered) + '"]')) {
      select.value = remembered;
    }
    select.addEventListener("change", function () {
      write(ROLE_KEY, select.value);
      apply(true);
    });
    only.addEventListener("change", function () { apply(true); });

    root.insertBefore(filter, root.firstChild);
    apply(false);
  }

  // -- Search: say what was not found ----------------------------------------------------------------
  // Material shows "No matching documents" and nothing else; we add a link that opens a pre-filled
  // issue or e-mail (extra.feedback in mkdocs.yml), so a gap in the playbook reaches its owners.

  function setupSearchFeedback() {
    var result = document.querySelector("[data-md-component=search-result]");
    var input = document.querySelector("[data-md-component=search-query]");
    if (!result || !input || result.hasAttribute("data-pb-ready")) return;
    var template = document.getElementById("pb-search-feedback");
    var box = clone("pb-search-feedback");
    if (!box) return;
    result.setAttribute("data-pb-ready", "");
    var pattern = template.getAttribute("data-pb-feedback-url");
    var link = box.querySelector("[data-pb-feedback-link]");
    var list = result.querySelector(".md-search-result__list");
    box.hidden = true;
    result.appendChild(box);

    function update() {
      var query = input.value.trim();
      var empty = !!query && list.children.length === 0 && !result.querySelector(".md-search-result__item");
      box.hidden = !empty;
      if (empty) link.href = pattern.split("{query}").join(encodeURIComponent(query));
    }

    // Material writes the result count into the meta line after every search, results or not.
    new MutationObserver(update).observe(result, { childList: true, subtree: true, characterData: true });
    input.addEventListener("input", update);
  }

  // Each part is set up on its own: a mistake in one (a checklist drawn some other way) is still
  // reported, but never stops the matrices, the search feedback or the next checklist.
  function guarded(part) {
    return function (root) {
      try {
        part(root);
      } catch (error) {
        window.setTimeout(function () { throw error; }, 0);
      }
    };
  }

  // Long tables a wide screen shows open are folded on a phone, where they would be pages tall.
  function foldOnNarrowScreens(details) {
    if (window.matchMedia("(max-width: 44.9375em)").matches) details.open = false;
  }

  function setup() {
    Array.prototype.forEach.call(document.querySelectorAll("details[data-pb-fold-narrow]"), guarded(foldOnNarrowScreens));
    Array.prototype.forEach.call(document.querySelectorAll("div[data-pb-checklist]"), guarded(setupChecklist));
    Array.prototype.forEach.call(document.querySelectorAll("[data-pb-matrix]"), guarded(setupMatrix));
    guarded(setupSearchFeedback)();
  }

  if (typeof window.document$ !== "undefined" && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
