/* Draws every <canvas data-chart> with Chart.js: data comes from the server, numbers are written in the page's language. */
(function () {
  "use strict";
  var palette = ["#0f766e", "#f59e0b", "#2563eb", "#c2410c", "#7c3aed", "#15803d", "#db2777", "#0891b2", "#65a30d", "#9333ea"];

  function formatter(spec) {
    var lang = document.documentElement.lang || "es";
    if (spec.format === "money") {
      var money = new Intl.NumberFormat(lang, { style: "currency", currency: spec.currency || "EUR", maximumFractionDigits: 0 });
      var compact = new Intl.NumberFormat(lang, { style: "currency", currency: spec.currency || "EUR", notation: "compact", maximumFractionDigits: 1 });
      return { full: function (v) { return money.format(v); }, axis: function (v) { return compact.format(v); } };
    }
    if (spec.format === "percent") {
      var pct = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
      return { full: function (v) { return pct.format(v); }, axis: function (v) { return pct.format(v); } };
    }
    var num = new Intl.NumberFormat(lang);
    return { full: function (v) { return num.format(v); }, axis: function (v) { return num.format(v); } };
  }

  function draw(canvas) {
    if (canvas.dataset.drawn || typeof Chart === "undefined") {
      return;
    }
    var spec = JSON.parse(canvas.dataset.chart);
    var fmt = formatter(spec);
    var round = spec.type === "doughnut";
    var datasets = spec.datasets.map(function (d, i) {
      var colour = palette[i % palette.length];
      return {
        label: d.label,
        data: d.data,
        backgroundColor: round ? spec.labels.map(function (_, j) { return palette[j % palette.length]; }) : colour,
        borderColor: round ? "#ffffff" : colour,
        borderWidth: spec.type === "line" ? 2 : 1,
        fill: false,
        tension: 0.25
      };
    });
    var small = window.matchMedia("(max-width: 600px)").matches;
    var options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: spec.horizontal ? "y" : "x",
      plugins: {
        legend: { display: round || datasets.length > 1, position: small || round ? "bottom" : "top", labels: { boxWidth: 12 } },
        tooltip: { callbacks: { label: function (ctx) {
          var v = ctx.parsed && typeof ctx.parsed === "object" ? (spec.horizontal ? ctx.parsed.x : ctx.parsed.y) : ctx.parsed;
          return (ctx.dataset.label ? ctx.dataset.label + ": " : "") + fmt.full(v);
        } } }
      }
    };
    if (!round) {
      var valueAxis = { beginAtZero: true, ticks: { callback: function (v) { return fmt.axis(v); }, maxTicksLimit: small ? 4 : 8 } };
      var labelAxis = { ticks: { autoSkip: true, maxRotation: 0, callback: function (v) {
        var text = this.getLabelForValue(v);
        var room = small ? 16 : 30;
        return text && text.length > room ? text.slice(0, room - 1) + "…" : text;
      } } };
      options.scales = spec.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis };
    }
    if (spec.horizontal) {
      canvas.parentElement.style.height = Math.max(180, 40 + spec.labels.length * datasets.length * 22) + "px";
    }
    new Chart(canvas, { type: spec.type, data: { labels: spec.labels, datasets: datasets }, options: options });
    canvas.dataset.drawn = "true";
  }

  function drawAll(root) {
    (root || document).querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSettle", function (e) { drawAll(e.target); });
})();
