// unsclab design editor: vanilla JS, no dependencies, no network beyond this server.
// The form is drawn from the design object; every change posts the design to /api/evaluate
// and redraws the results, or shows each problem next to its field.
"use strict";
(function () {
  const opts = JSON.parse(document.getElementById("editor-options").textContent);
  let design = JSON.parse(document.getElementById("design-data").textContent);
  const F = window.unsclabFields;
  const origin = { id: design.id, name: design.name, status: design.status,
    sources: new Set(design.sources.map((x) => JSON.stringify(x))) };
  const AUTO = "Edited in the unsclab editor, starting from ";
  const isAuto = (src) => (src.title || "").startsWith(AUTO);
  const isOrigin = (src) => origin.sources.has(JSON.stringify(src));
  const formRoot = document.getElementById("design-form");
  const tomlBox = document.getElementById("toml");
  const errorsBox = document.getElementById("errors");
  const tomlErrors = document.getElementById("toml-errors");
  const statusLine = document.getElementById("status");
  let seq = 0;
  let edited = false;
  let lastToml = tomlBox.value;

  const { el, errSpan } = window.unsclabFields;
  function numInput(field, value, label, min) {
    return el("label", { class: "field" }, [label + " ",
      el("input", { type: "number", step: "1", min: min, "data-field": field, value: value ?? "" }),
      errSpan(field)]);
  }
  function select(field, value, choices) {
    const s = el("select", { "data-field": field });
    for (const c of choices) s.appendChild(el("option", { value: c, selected: c === value, text: c }));
    return s;
  }

  const list = (v) => (v || []).join(", ");
  const codes = (text) => text.split(/[\s,;]+/).map((x) => x.trim().toUpperCase()).filter(Boolean);
  function textInput(field, value, label, attrs) {
    return el("label", { class: "field" }, [label,
      el("input", Object.assign({ type: "text", "data-field": field, value: value ?? "" }, attrs || {})),
      errSpan(field)]);
  }
  function checkbox(attrs, label) {
    return el("label", { class: "check" }, [el("input", Object.assign({ type: "checkbox" }, attrs)), label]);
  }

  // Every field of the design format: the design's name, year, status and summary; the rule
  // (quota, procedural quota, veto holders, negatives needed, deferred vetoes and their review,
  // the literal reading); each seat class (id, label, kind, group, seats, term, re-eligibility,
  // named holders, eligible states, constituency, note, vote weight, shared seat); the weighted
  // quota; the extra majorities, the alternatives
  // (each with its own veto and majorities), the sources and the assumptions.
  const STATUSES = ["historical", "in-force", "tabled", "proposed", "hypothetical"];
  function render() {
    formRoot.textContent = "";
    const rule = design.rule || {};
    const veto = rule.veto || {};
    const ctx = { classIds: design.seats.map((c) => c.id),
      size: design.seats.reduce((n, c) => n + (Number(c.count) || 0), 0) };
    formRoot.appendChild(textInput("name", design.name, "Name"));
    formRoot.appendChild(el("div", { class: "grid2" }, [numInput("year", design.year, "Year", 1945),
      el("label", { class: "field" }, ["Status ", select("status", design.status, STATUSES), errSpan("status")])]));
    formRoot.appendChild(textInput("summary", design.summary, "Summary"));
    const ruleSet = el("fieldset", {}, [el("legend", { text: "Decision rule" }),
      el("div", { class: "grid2" }, [
        numInput("rule.quota", rule.quota, "Quota (affirmative votes)", 1),
        numInput("rule.procedural_quota", rule.procedural_quota, "Procedural quota", 1),
        numInput("rule.veto.negatives", veto.negatives ?? 1, "Negative votes a veto needs", 1),
        numInput("rule.veto.review_after_years", veto.review_after_years, "Review of deferred vetoes after (years)", 1),
        numInput("rule.weighted_quota", rule.weighted_quota, "Weighted quota (vote weight in favour; empty: none)", 1)])]);
    for (const [key, label] of [["classes", "Veto holders: "], ["deferred", "Veto deferred (not exercised): "]]) {
      const box = el("div", { class: "veto-classes", "data-field": `rule.veto.${key}` }, [label]);
      for (const c of design.seats) {
        box.appendChild(checkbox({ [`data-${key === "classes" ? "veto" : "deferred"}`]: c.id,
          checked: (veto[key] || []).includes(c.id) }, " " + c.id));
      }
      box.appendChild(errSpan(`rule.veto.${key}`));
      ruleSet.appendChild(box);
    }
    ruleSet.appendChild(checkbox({ "data-field": "rule.veto.abstention_blocks", checked: !!veto.abstention_blocks },
      " Literal reading of Art. 27(3): abstention and absence of a veto holder block too"));
    formRoot.appendChild(ruleSet);

    const seats = el("fieldset", {}, [el("legend", { text: "Seat classes" })]);
    design.seats.forEach((c, i) => {
      const f = (k) => `seats[${i + 1}].${k}`;
      seats.appendChild(el("div", { class: "seat-card", "data-row": i }, [
        el("button", { type: "button", class: "remove", "data-remove": i,
          title: `Remove the class ${c.id}`, "aria-label": `Remove the class ${c.id}`, text: "×" }),
        el("div", { class: "grid" }, [
          textInput(f("id"), c.id, "Class id"),
          textInput(f("label"), c.label, "Label"),
          el("label", { class: "field" }, ["Kind", select(f("kind"), c.kind, opts.kinds), errSpan(f("kind"))]),
          el("label", { class: "field" }, ["Group", select(f("group"), c.group || "open", opts.groups), errSpan(f("group"))]),
          numInput(f("count"), c.count, "Seats", 1),
          numInput(f("term_years"), c.term_years, "Term (years)", 1),
          ...weightInputs(c, f),
          ...sharedInputs(c, f),
          textInput(f("holders"), list(c.holders), "Named holders (ISO3)", { placeholder: "none" }),
          textInput(f("eligible"), list(c.eligible), "Eligible states (ISO3)", { placeholder: "any of the group" }),
          textInput(f("constituency"), c.constituency, "Constituency", { placeholder: "none" }),
          textInput(f("note"), c.note, "Note", { placeholder: "none" }),
        ]),
        checkbox({ "data-field": f("re_eligible"), checked: !!c.re_eligible }, " Re-eligible at once"),
        errSpan(`seats[${i + 1}]`),
      ]));
    });
    seats.appendChild(el("button", { type: "button", id: "add-class", text: "Add an elected seat class" }));
    seats.appendChild(errSpan("seats"));
    formRoot.appendChild(seats);
    formRoot.appendChild(F.list({ label: "Extra majorities (every one must hold as well)", item: "extra majority",
      of: F.SPECS.MAJORITY }, rule.majorities, "rule.majorities", ctx));
    formRoot.appendChild(F.list({ label: "Alternatives (another way to pass when the rule above fails)",
      item: "alternative", of: F.SPECS.ALTERNATIVE }, rule.alternatives, "rule.alternatives", ctx));
    formRoot.appendChild(sourcesFieldset(ctx));
    formRoot.appendChild(F.list({ label: "Assumptions (what is not read in a source)", item: "assumption",
      of: F.SPECS.ASSUMPTION }, design.assumptions, "assumptions", ctx));
  }

  // A seat's vote weight: a number, or parts of its holder's shares (population, square root of
  // population, GDP, an equal share) scaled to the whole membership. A shared seat: the
  // organisation holding it and its members (its split and source stay as in the TOML).
  const WEIGHT_PARTS = [["population", "population share"], ["sqrt_population", "square-root share"],
    ["gdp", "GDP share"], ["equal", "equal share"], ["scale", "scale (whole membership)"]];
  function derived(c) { return c.weight !== null && typeof c.weight === "object"; }
  function weightInputs(c, f) {
    if (!derived(c)) return [numInput(f("weight"), c.weight, "Vote weight (1 if empty)", 1)];
    return WEIGHT_PARTS.map(([k, label]) => numInput(f(`weight.${k}`), c.weight[k], `Weight: ${label}`,
      k === "scale" ? 1 : 0));
  }
  function sharedInputs(c, f) {
    if (!c.shared) return [];
    return [textInput(f("shared.holder"), c.shared.holder, "Shared seat: organisation code"),
      textInput(f("shared.name"), c.shared.name, "Organisation"),
      textInput(f("shared.members"), list(c.shared.members), "Its members (ISO3)")];
  }
  function readWeightAndShare(c, f, val, int) {
    if (derived(c)) {
      for (const [k] of WEIGHT_PARTS) {
        const v = int(f(`weight.${k}`));
        if (v === null) delete c.weight[k]; else c.weight[k] = v;
      }
    } else {
      const v = int(f("weight"));
      if (v === null) delete c.weight; else c.weight = v;
    }
    if (c.shared) {
      c.shared.holder = val(f("shared.holder")).value.trim();
      c.shared.name = val(f("shared.name")).value.trim();
      c.shared.members = codes(val(f("shared.members")).value);
    }
  }

  // The sources of a real design vouch for it, not for an edit: they are shown, not edited. An
  // edited design's first source says where it started; the user's own sources follow.
  function sourcesFieldset(ctx) {
    const own = F.list({ label: "Sources", item: "source", of: F.SPECS.SOURCE }, design.sources, "sources", ctx,
      (src) => isAuto(src) || isOrigin(src));
    const auto = design.sources.find(isAuto);
    const real = design.sources.filter(isOrigin);
    const intro = auto ? el("p", { class: "hint", text: auto.title })
      : el("div", { class: "hint" }, [el("p", { text: `The sources of ${origin.id} (an edited design does not ` +
        "keep them; its first source says where it started — add your own):" }),
        el("ul", {}, real.map((x) => el("li", { text: [x.symbol, x.title].filter(Boolean).join(" — ") })))]);
    own.insertBefore(intro, own.children[1]);
    return own;
  }

  function readForm() {
    const d = JSON.parse(JSON.stringify(design));
    const val = (field) => formRoot.querySelector(`[data-field="${field}"]`);
    const int = (field) => {
      const v = val(field).value.trim();
      if (v === "") return null;
      const n = Number(v);
      return Number.isInteger(n) ? n : v;
    };
    const optional = (obj, key, value) => { if (value === null || value === "" ||
      (Array.isArray(value) && !value.length)) delete obj[key]; else obj[key] = value; };
    d.name = val("name").value;
    d.year = int("year");
    d.status = val("status").value;
    optional(d, "summary", val("summary").value.trim());
    d.rule = d.rule || {};
    d.rule.quota = int("rule.quota");
    optional(d.rule, "procedural_quota", int("rule.procedural_quota"));
    d.rule.veto = d.rule.veto || {};
    d.rule.veto.negatives = int("rule.veto.negatives") ?? 1;
    optional(d.rule.veto, "review_after_years", int("rule.veto.review_after_years"));
    optional(d.rule, "weighted_quota", int("rule.weighted_quota"));
    d.rule.veto.abstention_blocks = val("rule.veto.abstention_blocks").checked;
    const oldIds = design.seats.map((c) => c.id);
    d.seats.forEach((c, i) => {
      const f = (k) => `seats[${i + 1}].${k}`;
      c.id = val(f("id")).value.trim();
      optional(c, "label", val(f("label")).value.trim());
      c.kind = val(f("kind")).value;
      c.group = val(f("group")).value;
      c.count = int(f("count"));
      optional(c, "term_years", int(f("term_years")));
      optional(c, "holders", codes(val(f("holders")).value));
      optional(c, "eligible", codes(val(f("eligible")).value));
      optional(c, "constituency", val(f("constituency")).value.trim());
      optional(c, "note", val(f("note")).value.trim());
      c.re_eligible = val(f("re_eligible")).checked;
      readWeightAndShare(c, f, val, int);
    });
    // veto holders and deferred vetoes follow a renamed class
    const rename = Object.fromEntries(oldIds.map((id, i) => [id, d.seats[i].id]));
    const ticked = (attr) => [...formRoot.querySelectorAll(`[data-${attr}]`)]
      .filter((b) => b.checked).map((b) => rename[b.dataset[attr]] ?? b.dataset[attr]);
    d.rule.veto.classes = ticked("veto");
    optional(d.rule.veto, "deferred", ticked("deferred"));
    if (!d.rule.veto.classes.length) delete d.rule.veto.negatives;
    // the lists of tables; the seat classes they name follow a renamed class
    const renamed = (obj) => {
      for (const [k, v] of Object.entries(obj)) {
        if ((k === "classes" || k === "deferred") && Array.isArray(v)) obj[k] = v.map((x) => rename[x] ?? x);
        else if (v && typeof v === "object") renamed(v);
      }
      return obj;
    };
    d.rule.majorities = F.readList({ of: F.SPECS.MAJORITY }, "rule.majorities", formRoot).map(renamed);
    d.rule.alternatives = F.readList({ of: F.SPECS.ALTERNATIVE }, "rule.alternatives", formRoot).map(renamed);
    d.assumptions = F.readList({ of: F.SPECS.ASSUMPTION }, "assumptions", formRoot);
    // an edited design is not the real one: its own id and name, hypothetical, and the real
    // design's sources (which do not vouch for the changes) give way to a note of where it
    // started, followed by the user's own sources
    if (!d.id.endsWith("-edited")) d.id = `${origin.id}-edited`.slice(0, 60);
    if (d.name === origin.name) d.name = `${origin.name} (edited)`;
    if (d.status === origin.status && d.status !== "hypothetical" && d.id !== origin.id) d.status = "hypothetical";
    const auto = design.sources.find(isAuto) || { title: `${AUTO}${origin.name} (${origin.id}); ` +
      "the original's sources do not vouch for the changes" };
    d.sources = [auto, ...F.readList({ of: F.SPECS.SOURCE }, "sources", formRoot)];
    edited = true;
    for (const [k, v] of [["name", d.name], ["status", d.status]]) {  // show what is sent
      const e = val(k);
      if (e !== document.activeElement && e.value !== v) e.value = v;
    }
    return d;
  }

  function clearErrors() {
    for (const s of document.querySelectorAll(".field-error")) s.textContent = "";
    for (const s of document.querySelectorAll(".invalid")) s.classList.remove("invalid");
    errorsBox.textContent = "";
    tomlErrors.textContent = "";
  }

  function showErrors(error, fromToml) {
    clearErrors();
    for (const p of error.problems) {
      let placed = false;
      if (p.field && !fromToml) {
        // the field itself, else its nearest parent (seats[2].holders -> seats[2] -> seats)
        let f = p.field;
        while (f && !placed) {
          const span = formRoot.querySelector(`.field-error[data-for="${CSS.escape(f)}"]`);
          if (span) {
            span.textContent = (span.textContent ? span.textContent + " " : "") + p.message;
            const input = formRoot.querySelector(`[data-field="${CSS.escape(f)}"]`);
            if (input) input.classList.add("invalid");
            placed = true;
          }
          const cut = Math.max(f.lastIndexOf("."), f.lastIndexOf("["));
          f = cut > 0 ? f.slice(0, cut) : "";
        }
      }
      if (!placed) {
        const where = [p.line ? `line ${p.line}` : null, p.field].filter(Boolean).join(": ");
        (fromToml ? tomlErrors : errorsBox).appendChild(
          el("li", { text: (where ? where + ": " : "") + p.message }));
      }
    }
    statusLine.textContent = "Not valid: the results shown are those of the last valid design.";
    document.getElementById("results").classList.add("stale");
  }

  const pct = (x, d = 1) => (x === null || x === undefined ? "—" : (100 * x).toFixed(d) + "%");
  const num = (x, d = 3) => (x === null || x === undefined ? "—" : x.toFixed(d));

  function showResults(data) {
    const v = data.results;
    document.getElementById("r-seats").textContent = data.design.size;
    document.getElementById("r-act").textContent = v.power ? pct(v.power.ability_to_act, 2) : "—";
    const rep = v.representation || {};
    document.getElementById("r-p5").textContent = pct(rep.p5_power_share);
    document.getElementById("r-penrose").textContent = num(rep.penrose_distance);
    document.getElementById("r-gini").textContent = num(rep.gini_power_per_person);
    const rows = document.getElementById("power-rows");
    rows.textContent = "";
    for (const r of (v.power ? v.power.per_seat_class : [])) {
      rows.appendChild(el("tr", {}, [el("td", { text: r.class }), el("td", { class: "n", text: String(r.count) }),
        el("td", { class: "n", text: pct(r.banzhaf, 2) }), el("td", { class: "n", text: pct(r.banzhaf_class_total, 2) })]));
    }
    const groups = document.getElementById("group-rows");
    groups.textContent = "";
    for (const g of v.groups || []) {
      groups.appendChild(el("tr", {}, [el("td", { text: g.group }), el("td", { class: "n", text: pct(g.membership_share) }),
        el("td", { class: "n", text: pct(g.population_share) }), el("td", { class: "n", text: pct(g.power_share) })]));
    }
    const notes = document.getElementById("result-notes");
    notes.textContent = "";
    if (v.occupancy_method) {
      notes.appendChild(el("p", { text: "Unnamed seats: " + (v.occupancy_method === "elections"
        ? "filled by the elections model calibrated on 1946–2025 service"
        : v.occupancy_method) + " (a stated model, not a forecast)." }));
    }
    for (const n of v.notes || []) notes.appendChild(el("p", { text: n }));
    statusLine.textContent = edited ? "Results of your edited design (" + data.design.name + ")"
      : "Results of " + data.design.id;
    const sources = document.getElementById("sources");
    if (sources) sources.hidden = edited;  // a real design's sources do not vouch for an edit
    document.getElementById("results").classList.remove("stale");
    if (window.unsclabTools) window.unsclabTools();
  }

  async function post(url, body) {
    const r = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body) });
    let payload;
    try { payload = await r.json(); } catch (e) {
      payload = { ok: false, error: { problems: [{ message: `server answered ${r.status}` }] } };
    }
    return payload;
  }

  async function evaluate(body, fromToml) {
    const mine = ++seq;
    statusLine.textContent = "Computing…";
    const res = await post("/api/evaluate", body);
    if (mine !== seq) return; // a newer edit is on its way
    if (!res.ok) { showErrors(res.error, fromToml); return; }
    clearErrors();
    design = Object.assign({}, res.data.design);
    delete design.size;
    if (fromToml) { edited = true; render(); }
    else if (document.activeElement !== tomlBox) tomlBox.value = res.data.toml;
    lastToml = res.data.toml;
    if (edited) history.replaceState(null, "", "#toml=" + encode(lastToml));
    showResults(res.data);
    const fig = await post("/api/figures/seats", { design });
    if (fig.ok && mine === seq) document.getElementById("seat-figure").innerHTML = fig.data.svg;
  }

  let timer = null;
  function soon(fn) { clearTimeout(timer); timer = setTimeout(fn, 250); }

  formRoot.addEventListener("input", () => soon(() => evaluate({ design: readForm() }, false)));
  formRoot.addEventListener("change", () => soon(() => evaluate({ design: readForm() }, false)));
  formRoot.addEventListener("click", (ev) => {
    const t = ev.target;
    if (t.id === "add-class") {
      const d = readForm();
      let k = 1;
      while (d.seats.some((c) => c.id === `new-elected-${k}`)) k++;
      d.seats.push({ id: `new-elected-${k}`, kind: "elected", count: 1, group: "open", term_years: 2 });
      design = d; render(); evaluate({ design: d }, false);
    } else if (t.dataset && t.dataset.addItem) {
      const d = readForm();
      const name = t.dataset.addItem.split(".").pop().replace(/\[\d+\]$/, "");
      F.listAt(d, t.dataset.addItem).push(F.NEW[name]({ classIds: d.seats.map((c) => c.id),
        elected: d.seats.filter((c) => c.kind === "elected").map((c) => c.id),
        size: d.seats.reduce((n, c) => n + (Number(c.count) || 0), 0) }));
      design = d; render(); evaluate({ design: d }, false);
    } else if (t.dataset && t.dataset.removeItem) {
      const d = readForm();
      const m = t.dataset.removeItem.match(/^(.*)\[(\d+)\]$/);
      F.listAt(d, m[1]).splice(Number(m[2]) - 1, 1);
      design = d; render(); evaluate({ design: d }, false);
    } else if (t.dataset && t.dataset.remove !== undefined) {
      const d = readForm();
      const gone = d.seats.splice(Number(t.dataset.remove), 1)[0];
      d.rule.veto.classes = (d.rule.veto.classes || []).filter((x) => x !== gone.id);
      if (d.rule.veto.deferred) d.rule.veto.deferred = d.rule.veto.deferred.filter((x) => x !== gone.id);
      design = d; render(); evaluate({ design: d }, false);
    }
  });
  tomlBox.addEventListener("input", () => soon(() => evaluate({ toml: tomlBox.value }, true)));
  for (const tab of document.querySelectorAll(".tab")) {
    tab.addEventListener("click", () => {
      for (const t of document.querySelectorAll(".tab")) t.classList.toggle("active", t === tab);
      for (const p of document.querySelectorAll(".pane")) p.hidden = p.id !== tab.dataset.tab;
    });
  }
  // share and keep: the TOML as a file, and a permalink that carries the design in the URL
  const encode = (text) => btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const decode = (b64) => new TextDecoder().decode(Uint8Array.from(
    atob(b64.replace(/-/g, "+").replace(/_/g, "/")), (ch) => ch.charCodeAt(0)));
  document.getElementById("download-toml").addEventListener("click", () => {
    const a = document.createElement("a");
    a.href = "data:application/toml;charset=utf-8," + encodeURIComponent(lastToml);
    a.download = (design.id || "design") + ".toml";
    document.body.appendChild(a); a.click(); a.remove();
  });
  document.getElementById("copy-link").addEventListener("click", async () => {
    const url = location.origin + location.pathname + location.search + "#toml=" + encode(lastToml);
    history.replaceState(null, "", url);
    const note = document.getElementById("link-note");
    try { await navigator.clipboard.writeText(url); note.textContent = "Link copied."; }
    catch (e) { note.textContent = "Link in the address bar."; }
  });
  render();
  const shared = location.hash.startsWith("#toml=") ? location.hash.slice(6) : null;
  if (shared) {
    try {
      tomlBox.value = decode(shared);
      edited = true;
      evaluate({ toml: tomlBox.value }, true);
    } catch (e) { errorsBox.appendChild(el("li", { text: "The link holds no readable design." })); }
  }
})();
