// unsclab pages: every table downloads as CSV, every figure as SVG and PNG, and a long
// computation (a form or a link to a page still being computed) shows progress instead of a
// frozen page. Plain JS, no dependencies; served from this server (CSP: script-src 'self').
"use strict";
(function () {
  function download(name, type, data) {
    const a = document.createElement("a");
    a.href = `data:${type};charset=utf-8,` + encodeURIComponent(data);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  const slug = (s) => (s || "table").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  function csvOf(table) {
    const q = (s) => /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    return [...table.querySelectorAll("tr")].map((tr) =>
      [...tr.children].map((c) => q(c.innerText.trim().replace(/\s+/g, " "))).join(",")).join("\n") + "\n";
  }
  function button(label, title, onclick) {
    const b = document.createElement("button");
    b.type = "button"; b.className = "dl"; b.textContent = label; b.title = title;
    b.addEventListener("click", onclick);
    return b;
  }
  function tableTools(table, i) {
    if (table.dataset.tools) return;
    table.dataset.tools = "1";
    const bar = document.createElement("div");
    bar.className = "tools";
    const name = slug(table.id || document.title) + ".csv";
    bar.appendChild(button("CSV", "Download this table as CSV", () => download(name, "text/csv", csvOf(table))));
    const wrap = table.parentElement.classList.contains("scroll") ? table.parentElement : null;
    (wrap || table).insertAdjacentElement("afterend", bar);
  }
  function svgText(svg) {
    const clone = svg.cloneNode(true);
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    return new XMLSerializer().serializeToString(clone);
  }
  function png(svg, name) {
    const box = svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width
      ? svg.viewBox.baseVal : svg.getBoundingClientRect();
    const scale = 2;  // 2x the figure's size: sharp on screens and in slides
    const img = new Image();
    img.onload = () => {
      const c = document.createElement("canvas");
      c.width = Math.ceil(box.width * scale); c.height = Math.ceil(box.height * scale);
      const g = c.getContext("2d");
      g.fillStyle = "white"; g.fillRect(0, 0, c.width, c.height);
      g.drawImage(img, 0, 0, c.width, c.height);
      const a = document.createElement("a");
      a.href = c.toDataURL("image/png"); a.download = name;
      document.body.appendChild(a); a.click(); a.remove();
    };
    img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svgText(svg));
  }
  function figureTools(fig, i) {
    const svg = fig.querySelector("svg");
    if (!svg || fig.dataset.tools) return;
    fig.dataset.tools = "1";
    const base = slug(fig.id || (document.title.split("·")[0] + "-figure-" + (i + 1)));
    const bar = document.createElement("div");
    bar.className = "tools";
    bar.appendChild(button("SVG", "Download this figure as SVG",
      () => download(base + ".svg", "image/svg+xml", svgText(fig.querySelector("svg")))));
    bar.appendChild(button("PNG", "Download this figure as PNG",
      () => png(fig.querySelector("svg"), base + ".png")));
    fig.appendChild(bar);
  }
  function tools() {
    document.querySelectorAll("table.data").forEach((t, i) => {
      if (!t.parentElement.classList.contains("scroll")) {
        const w = document.createElement("div");
        w.className = "scroll";
        t.replaceWith(w); w.appendChild(t);
      }
      tableTools(t, i);
    });
    document.querySelectorAll("figure.fig").forEach(figureTools);
  }
  // progress: pages are computed on the server; say so while the next one is on its way
  const progress = document.getElementById("progress");
  function busy(text) {
    if (!progress) return;
    progress.querySelector(".label").textContent = text || "Computing…";
    progress.hidden = false;
  }
  document.addEventListener("submit", (e) => {
    if (e.target.method.toLowerCase() === "get" && !e.defaultPrevented) busy("Computing the results…");
  });
  document.addEventListener("click", (e) => {
    const a = e.target.closest && e.target.closest("a[href^='/compare'], a[href^='/designs/']");
    if (a && !e.ctrlKey && !e.metaKey) busy("Computing " + (a.textContent.trim() || "the page") + "…");
  });
  window.addEventListener("pageshow", () => { if (progress) progress.hidden = true; });
  // results computed while the page is shown (#results[data-pending]): ask for the page again
  // every second and swap in its results until nothing is pending (the form is left alone)
  let polls = 0;
  function poll() {
    if (!document.querySelector("#results[data-pending]") || ++polls > 900) return;
    setTimeout(async () => {
      try {
        const r = await fetch(location.href, { cache: "no-store" });
        const fresh = new DOMParser().parseFromString(await r.text(), "text/html")
          .getElementById("results");
        const box = document.getElementById("results");
        if (r.ok && fresh && box) { box.replaceWith(fresh); tools(); }
      } catch (e) { /* the server is busy or restarting: ask again */ }
      poll();
    }, 1000);
  }
  window.unsclabTools = tools;  // the editor calls it after redrawing its results
  tools();
  poll();
})();
