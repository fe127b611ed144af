// cchc-check dashboard: sort and filter the table of plans. No data lives in this script:
// it reads the rows' data-* attributes, so plan text never appears inside a <script>.
(function () {
  "use strict";
  var table = document.getElementById("plans");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var search = document.getElementById("q");
  var verdict = document.getElementById("verdict");
  var onlyGaps = document.getElementById("only-gaps");
  var shown = document.getElementById("shown");

  function fold(s) {
    // Vietnamese without diacritics matches with them: "tan phong" finds "Tân Phong".
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d")
      .replace(/Đ/g, "D").toLowerCase();
  }
  rows.forEach(function (tr) { tr._text = fold(tr.getAttribute("data-search") || ""); });

  function apply() {
    var q = fold(search.value.trim());
    var v = verdict.value;
    var g = onlyGaps.checked;
    var n = 0;
    rows.forEach(function (tr) {
      var ok = (!q || tr._text.indexOf(q) !== -1) &&
        (!v || tr.getAttribute("data-verdict") === v) &&
        (!g || Number(tr.getAttribute("data-gaps")) > 0);
      tr.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = shown.getAttribute("data-fmt")
      .replace("{shown}", String(n)).replace("{total}", String(rows.length));
  }

  function sortBy(th) {
    var key = th.getAttribute("data-key");
    var numeric = th.getAttribute("data-type") === "number";
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) {
      c.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = a.getAttribute("data-" + key) || "";
      var y = b.getAttribute("data-" + key) || "";
      var c;
      if (numeric) {
        // rows without a number (unreadable files) always go last
        if (x === "" || y === "") { return (x === "") - (y === ""); }
        c = Number(x) - Number(y);
      } else {
        c = x.localeCompare(y, "vi");
      }
      return c !== 0 ? c * dir : a.getAttribute("data-file").localeCompare(b.getAttribute("data-file"));
    });
    var frag = document.createDocumentFragment();
    rows.forEach(function (tr) { frag.appendChild(tr); });
    body.appendChild(frag);
  }

  Array.prototype.forEach.call(table.querySelectorAll("th.sortable"), function (th) {
    th.tabIndex = 0;
    th.addEventListener("click", function () { sortBy(th); });
    th.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(th); }
    });
  });
  search.addEventListener("input", apply);
  verdict.addEventListener("change", apply);
  onlyGaps.addEventListener("change", apply);
  apply();
})();
