// unsclab design editor: vanilla JS, no dependencies, no network beyond this server.
// The form is drawn from the design object; every change posts the design to /api/evaluate
// and redraws the results, or shows each problem next to its field.
"use strict";
(function () {
  const opts = JSON.parse(document.getElementById("editor-options").textContent);
  let design = JSON.parse(document.getElementById("design-data").textContent);
  const formRoot = document.getElementById("design-form");
  const tomlBox = document.getElementById("toml");
  const errorsBox = document.getElementById("errors");
  const tomlErrors = document.getElementById("toml-errors");
  const statusLine = document.getElementById("status");
  let seq = 0;

  function el(tag, attrs, children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") e.textContent = v;
      else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children || []) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    return e;
  }
  function errSpan(field) { return el("span", { class: "field-error", "data-for": field }); }
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

  function render() {
    formRoot.textContent = "";
    const rule = design.rule || {};
    const veto = rule.veto || {};
    formRoot.appendChild(el("label", { class: "field wide" }, ["Name ",
      el("input", { type: "text", "data-field": "name", value: design.name || "" }), errSpan("name")]));
    const ruleSet = el("fieldset", {}, [el("legend", { text: "Decision rule" }),
      numInput("rule.quota", rule.quota, "Quota (affirmative votes)", 1),
      numInput("rule.procedural_quota", rule.procedural_quota, "Procedural quota", 1),
      numInput("rule.veto.negatives", veto.negatives ?? 1, "Negative votes a veto needs", 1)]);
    const vetoBox = el("div", { class: "veto-classes", "data-field": "rule.veto.classes" },
      ["Veto holders: "]);
    for (const c of design.seats) {
      vetoBox.appendChild(el("label", {}, [
        el("input", { type: "checkbox", "data-veto": c.id,
          checked: (veto.classes || []).includes(c.id) }), " " + c.id]));
    }
    vetoBox.appendChild(errSpan("rule.veto.classes"));
    ruleSet.appendChild(vetoBox);
    formRoot.appendChild(ruleSet);

    const table = el("table", { class: "data seats-edit", id: "seat-edit" });
    table.appendChild(el("thead", {}, [el("tr", {}, ["Class id", "Kind", "Group", "Seats", "Term (years)", ""]
      .map((h) => el("th", { text: h })))]));
    const body = el("tbody");
    design.seats.forEach((c, i) => {
      const f = (k) => `seats[${i + 1}].${k}`;
      const row = el("tr", { "data-row": i }, [
        el("td", {}, [el("input", { type: "text", size: 16, "data-field": f("id"), value: c.id }), errSpan(f("id"))]),
        el("td", {}, [select(f("kind"), c.kind, opts.kinds), errSpan(f("kind"))]),
        el("td", {}, [select(f("group"), c.group || "open", opts.groups), errSpan(f("group"))]),
        el("td", {}, [el("input", { type: "number", step: "1", min: 1, size: 4, "data-field": f("count"), value: c.count }), errSpan(f("count"))]),
        el("td", {}, [el("input", { type: "number", step: "1", min: 1, size: 3, "data-field": f("term_years"),
          value: c.term_years ?? "", placeholder: "—" }), errSpan(f("term_years"))]),
        el("td", {}, [el("button", { type: "button", class: "remove", "data-remove": i, title: "Remove this class", text: "×" }),
          errSpan(`seats[${i + 1}]`)]),
      ]);
      body.appendChild(row);
    });
    table.appendChild(body);
    formRoot.appendChild(el("fieldset", {}, [el("legend", { text: "Seats" }), table,
      el("button", { type: "button", id: "add-class", text: "Add an elected seat class" }), errSpan("seats")]));
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
    d.name = val("name").value;
    d.rule = d.rule || {};
    d.rule.quota = int("rule.quota");
    const pq = int("rule.procedural_quota");
    if (pq === null) delete d.rule.procedural_quota; else d.rule.procedural_quota = pq;
    d.rule.veto = d.rule.veto || {};
    d.rule.veto.negatives = int("rule.veto.negatives") ?? 1;
    const oldIds = design.seats.map((c) => c.id);
    d.seats.forEach((c, i) => {
      const f = (k) => `seats[${i + 1}].${k}`;
      c.id = val(f("id")).value.trim();
      c.kind = val(f("kind")).value;
      c.group = val(f("group")).value;
      c.count = int(f("count"));
      const term = int(f("term_years"));
      if (term === null) delete c.term_years; else c.term_years = term;
    });
    // veto holders follow a renamed class
    const rename = Object.fromEntries(oldIds.map((id, i) => [id, d.seats[i].id]));
    d.rule.veto.classes = [...formRoot.querySelectorAll("[data-veto]")]
      .filter((b) => b.checked).map((b) => rename[b.dataset.veto] ?? b.dataset.veto);
    if (d.rule.veto.deferred) d.rule.veto.deferred = d.rule.veto.deferred.map((x) => rename[x] ?? x);
    if (!d.rule.veto.classes.length) delete d.rule.veto.negatives;
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
        el("td", { class: "n", text: num(r.banzhaf, 4) }), el("td", { class: "n", text: pct(r.banzhaf_class_total) })]));
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
    statusLine.textContent = "Results of " + data.design.id + " (updated)";
    document.getElementById("results").classList.remove("stale");
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
    if (fromToml) render(); else if (document.activeElement !== tomlBox) tomlBox.value = res.data.toml;
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
  render();
})();
