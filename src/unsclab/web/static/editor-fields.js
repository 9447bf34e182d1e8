// unsclab design editor: form widgets described by a field list, for the lists of tables of the
// design format (extra majorities, alternatives, sources, assumptions) and the design's header.
// build(spec, value, path, ctx) draws the fields of one record; read(spec, path, root, ctx)
// reads them back. Paths are the server's: "rule.majorities[2].at_least" (1-based), so an error
// the server names lands next to its field.
"use strict";
window.unsclabFields = (function () {
  function el(tag, attrs, children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") e.textContent = v;
      else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children || []) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    return e;
  }
  const errSpan = (field) => el("span", { class: "field-error", "data-for": field });
  const codes = (text) => text.split(/[\s,;]+/).map((x) => x.trim().toUpperCase()).filter(Boolean);

  // the lists of tables of the design format, with what a new entry starts as
  const VETO = [
    { k: "classes", t: "classes", label: "Veto holders" },
    { k: "negatives", t: "int", label: "Negative votes a veto needs", dflt: 1 },
    { k: "deferred", t: "classes", label: "Veto deferred (not exercised)" },
    { k: "review_after_years", t: "int", label: "Review of deferred vetoes after (years)" },
    { k: "abstention_blocks", t: "bool", label: "Abstention and absence of a holder block too" },
  ];
  const MAJORITY = [
    { k: "classes", t: "classes", label: "Among the seats of" },
    { k: "at_least", t: "int", label: "At least (affirmative votes)" },
    { k: "applies_to", t: "select", label: "Applies to", choices: ["substantive", "all"], dflt: "substantive" },
    { k: "note", t: "text", label: "Note" },
  ];
  const ALTERNATIVE = [
    { k: "quota", t: "int", label: "Quota (affirmative votes)" },
    { k: "veto", t: "object", label: "Veto under this alternative", fields: VETO },
    { k: "majorities", t: "list", label: "Extra majorities of this alternative", item: "extra majority", of: MAJORITY },
    { k: "note", t: "text", label: "Note" },
  ];
  const SOURCE = [
    { k: "title", t: "text", label: "Title", req: true }, { k: "symbol", t: "text", label: "UN symbol" },
    { k: "date", t: "text", label: "Date (YYYY-MM-DD)" }, { k: "url", t: "text", label: "Link" },
    { k: "note", t: "text", label: "What the design takes from it" },
  ];
  const ASSUMPTION = [
    { k: "field", t: "text", label: "Field (e.g. rule.quota)", req: true },
    { k: "note", t: "textarea", label: "What is assumed and why", req: true },
  ];
  const NEW = {
    majorities: (ctx) => ({ classes: ctx.elected.length ? ctx.elected : ctx.classIds.slice(-1), at_least: 1 }),
    alternatives: (ctx) => ({ quota: ctx.size, veto: { classes: [] } }),
    sources: () => ({ title: "" }),
    assumptions: () => ({ field: "rule.quota", note: "" }),
  };

  function input(f, value, path) {
    const at = { "data-field": path, id: "f-" + path.replace(/[^a-z0-9]+/gi, "-") };
    if (f.t === "int") return el("input", Object.assign(at, { type: "number", step: "1", min: "1", value: value ?? f.dflt ?? "" }));
    if (f.t === "select") {
      const s = el("select", at);
      for (const c of f.choices) s.appendChild(el("option", { value: c, selected: c === (value ?? f.dflt), text: c }));
      return s;
    }
    if (f.t === "textarea") return el("textarea", Object.assign(at, { rows: "2", text: value ?? "" }));
    if (f.t === "codes") return el("input", Object.assign(at, { type: "text", value: (value || []).join(", ") }));
    return el("input", Object.assign(at, { type: "text", value: value ?? "" }));
  }

  function build(spec, value, path, ctx) {
    const box = el("div", { class: "record-fields" });
    for (const f of spec) {
      const p = path + "." + f.k, v = (value || {})[f.k];
      if (f.t === "object") {
        box.appendChild(el("fieldset", { class: "sub" }, [el("legend", { text: f.label }), build(f.fields, v, p, ctx)]));
      } else if (f.t === "list") {
        box.appendChild(list(f, v, p, ctx));
      } else if (f.t === "classes") {
        const group = el("div", { class: "veto-classes", "data-field": p, role: "group", "aria-label": f.label }, [f.label + ": "]);
        for (const id of ctx.classIds) {
          group.appendChild(el("label", { class: "check" }, [el("input", { type: "checkbox", "data-classes": p,
            value: id, checked: (v || []).includes(id) }), " " + id]));
        }
        group.appendChild(errSpan(p));
        box.appendChild(group);
      } else if (f.t === "bool") {
        box.appendChild(el("label", { class: "check" }, [el("input", { type: "checkbox", "data-field": p, checked: !!v }),
          " " + f.label]));
      } else {
        box.appendChild(el("label", { class: "field" + (f.t === "textarea" ? " wide" : "") }, [f.label,
          input(f, v, p), errSpan(p)]));
      }
    }
    return box;
  }

  // a list of records: each in its own card with a remove button, and a button adding one
  function list(f, items, path, ctx, skip) {
    const set = el("fieldset", { class: "list", "data-list": path }, [el("legend", { text: f.label })]);
    (items || []).forEach((item, i) => {
      if (skip && skip(item)) return;
      const p = `${path}[${i + 1}]`;
      set.appendChild(el("div", { class: "seat-card record", "data-item": p }, [
        el("button", { type: "button", class: "remove", "data-remove-item": p,
          title: `Remove this ${f.item}`, "aria-label": `Remove ${f.item} ${i + 1}`, text: "×" }),
        build(f.of, item, p, ctx), errSpan(p)]));
    });
    set.appendChild(el("button", { type: "button", "data-add-item": path, text: `Add ${/^[aeiou]/.test(f.item) ? "an" : "a"} ${f.item}` }));
    set.appendChild(errSpan(path));
    return set;
  }

  function read(spec, path, root) {
    const out = {};
    for (const f of spec) {
      const p = path + "." + f.k;
      if (f.t === "object") { out[f.k] = read(f.fields, p, root); continue; }
      if (f.t === "list") { out[f.k] = readList(f, p, root); continue; }
      if (f.t === "classes") {
        out[f.k] = [...root.querySelectorAll(`[data-classes="${CSS.escape(p)}"]`)].filter((b) => b.checked).map((b) => b.value);
        continue;
      }
      const e = root.querySelector(`[data-field="${CSS.escape(p)}"]`);
      if (!e) continue;
      if (f.t === "bool") { out[f.k] = e.checked; continue; }
      const text = e.value.trim();
      if (f.t === "int") {
        if (text === "") continue;
        const n = Number(text);
        out[f.k] = Number.isInteger(n) ? n : text;  // the server names a non-integer
      } else if (f.t === "codes") {
        out[f.k] = codes(text);
      } else if (text !== "" || f.req) {
        out[f.k] = text;  // required texts are sent empty, so that the server names them
      }
    }
    return out;
  }

  function readList(f, path, root) {
    const items = [];
    for (const card of root.querySelectorAll(`[data-list="${CSS.escape(path)}"] > [data-item]`)) {
      items.push(read(f.of, card.dataset.item, root));
    }
    return items;
  }

  // get / replace the value at a path of the design ("rule.alternatives[2].majorities")
  function keys(path) {
    return path.replace(/\[(\d+)\]/g, ".#$1").split(".").map((k) => k.startsWith("#") ? Number(k.slice(1)) - 1 : k);
  }
  function at(obj, path) { return keys(path).reduce((o, k) => (o == null ? o : o[k]), obj); }
  function listAt(obj, path) {
    const ks = keys(path), last = ks.pop();
    const parent = ks.reduce((o, k) => (o[k] = o[k] ?? {}), obj);
    return (parent[last] = parent[last] || []);
  }

  return { el, errSpan, codes, build, list, read, readList, at, listAt, NEW,
    SPECS: { MAJORITY, ALTERNATIVE, SOURCE, ASSUMPTION, VETO } };
})();
