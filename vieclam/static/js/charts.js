/* Dashboard charts (templates/includes/charts, core/templatetags/charts.py).
 *
 * - A canvas with data-vl-chart="<id>" is drawn with the vendored Chart.js from the JSON in <script id="<id>">
 *   (written by json_script): this year's months as bars (or a line), last year's as a dashed line, so the two
 *   differ by more than colour. Numbers on the axis and in the tooltips read 7.125 and 142,1% when the page is
 *   Vietnamese, 7,125 and 142.1% in English (Intl.NumberFormat); month labels come from the server (Th1 / Jan).
 * - A table with data-vl-sortable sorts by a click on a header with data-sort="number" or "text": the headers
 *   become buttons, aria-sort tells the order, cells sort by their data-sort-value (the plain number, so 7.125
 *   sorts as seven thousand), and rows without a figure stay last. A number column sorts largest first on the
 *   first click, text A to Z.
 * Without JavaScript (or without Chart.js) the tables under the charts carry the same numbers.
 * Content that HTMX swaps in later is handled too (htmx:afterSettle).
 */
(function () {
  "use strict";

  function localeOf(lang) {
    return lang === "en" ? "en" : "vi-VN";
  }

  function formatter(lang, unit) {
    var numbers = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 2 });
    var suffix = unit === "%" ? "%" : unit ? "\u00a0" + unit : ""; // no break between a number and its unit
    return {
      tick: function (value) {
        return numbers.format(value) + (unit === "%" ? "%" : "");
      },
      value: function (value) {
        return value === null || value === undefined ? "—" : numbers.format(value) + suffix;
      },
    };
  }

  var STYLES = {
    this_year: { color: "#0d6efd", dash: [], point: "circle" },
    last_year: { color: "#6c757d", dash: [6, 4], point: "rectRot" },
  };

  function dataset(spec, kind) {
    var style = STYLES[spec.role] || STYLES.this_year;
    var asLine = kind === "line" || spec.role === "last_year";
    return {
      type: asLine ? "line" : "bar",
      label: spec.label,
      data: spec.data,
      order: asLine ? 0 : 1, // the line in front of the bars
      borderColor: style.color,
      backgroundColor: asLine ? style.color : style.color + "cc",
      borderDash: style.dash,
      borderWidth: 2,
      pointStyle: style.point,
      pointRadius: asLine ? 3 : 0,
      spanGaps: false,
    };
  }

  function byDataset(a, b) {
    return a.datasetIndex - b.datasetIndex; // this year first, whatever is drawn in front
  }

  function draw(canvas) {
    if (canvas.dataset.vlReady || typeof window.Chart === "undefined") return;
    var source = document.getElementById(canvas.dataset.vlChart);
    if (!source) return;
    var config = JSON.parse(source.textContent);
    var format = formatter(config.lang, config.unit);
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    canvas.dataset.vlReady = "1";
    new window.Chart(canvas, {
      type: config.kind === "line" ? "line" : "bar",
      data: {
        labels: config.labels,
        datasets: config.datasets.map(function (spec) {
          return dataset(spec, config.kind);
        }),
      },
      options: {
        locale: localeOf(config.lang),
        responsive: true,
        maintainAspectRatio: false,
        animation: still ? false : { duration: 300 },
        interaction: { mode: "index", intersect: false },
        scales: { y: { beginAtZero: true, ticks: { callback: format.tick } } },
        plugins: {
          legend: { position: "bottom", labels: { usePointStyle: true, sort: byDataset } },
          tooltip: {
            itemSort: byDataset,
            callbacks: {
              label: function (item) {
                return item.dataset.label + ": " + format.value(item.parsed.y);
              },
            },
          },
        },
      },
    });
  }

  function sortRows(table, index, type, direction) {
    var body = table.tBodies[0];
    var collator = new Intl.Collator(localeOf(table.dataset.lang), { numeric: true, sensitivity: "base" });
    var rows = Array.prototype.filter.call(body.rows, function (row) {
      return row.cells[index] && row.cells[index].hasAttribute("data-sort-value");
    });
    rows.sort(function (a, b) {
      var x = a.cells[index].getAttribute("data-sort-value");
      var y = b.cells[index].getAttribute("data-sort-value");
      if (x === "" || y === "") return (x === "") - (y === ""); // no figure: last, whichever the direction
      var order = type === "number" ? Number(x) - Number(y) : collator.compare(x, y);
      return direction === "ascending" ? order : -order;
    });
    rows.forEach(function (row) {
      body.appendChild(row);
    });
  }

  function sortable(table) {
    if (table.dataset.vlReady || !table.tHead || !table.tBodies.length) return;
    table.dataset.vlReady = "1";
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (header, index) {
      var type = header.dataset.sort;
      if (!type) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-link p-0 border-0 align-baseline";
      while (header.firstChild) button.appendChild(header.firstChild);
      header.appendChild(button);
      header.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var now = header.getAttribute("aria-sort");
        var first = type === "number" ? "descending" : "ascending";
        var direction = now === "none" ? first : now === "ascending" ? "descending" : "ascending";
        headers.forEach(function (other) {
          if (other.hasAttribute("aria-sort")) other.setAttribute("aria-sort", "none");
        });
        header.setAttribute("aria-sort", direction);
        sortRows(table, index, type, direction);
      });
    });
  }

  function init(root) {
    var scope = root || document;
    scope.querySelectorAll("canvas[data-vl-chart]").forEach(draw);
    scope.querySelectorAll("table[data-vl-sortable]").forEach(sortable);
  }

  window.vieclamCharts = { init: init };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      init(document);
    });
  } else {
    init(document);
  }
  document.addEventListener("htmx:afterSettle", function (event) {
    init(event.target);
  });
})();
