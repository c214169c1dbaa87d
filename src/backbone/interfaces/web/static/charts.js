/* Progress charts with uPlot (vendored): weekly hard sets per muscle, e1RM trends, pain vs load.
 * The numbers come from the page (#chart-data), already in the athlete's units; every chart has
 * a table or list next to it with the same figures for screen readers. Axes, labels and grid take
 * the page's colours (CSS variables), so they stay readable in dark mode; the charts are drawn
 * again when the phone switches between light and dark. */
(function () {
  "use strict";
  var el = document.getElementById("chart-data");
  if (!el || !window.uPlot) return;
  var data = JSON.parse(el.textContent);
  var colours = ["#2b7bd6", "#d6552b", "#2ba36b", "#a35bd6", "#c9a227", "#d62b7b"];
  var drawn = [];

  function colour(name, fallback) {
    var value = window.getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  function width(node) { return Math.max(260, node.clientWidth || 320); }
  function axes(yLabel) {
    var ink = colour("--fg", "#17191c");
    var grid = colour("--line", "#d5d8dc");
    return [
      { stroke: ink, grid: { stroke: grid }, ticks: { stroke: grid } },
      { stroke: ink, grid: { stroke: grid }, ticks: { stroke: grid }, label: yLabel }
    ];
  }
  function draw(id, x, series, yLabel) {
    var node = document.getElementById(id);
    if (!node || !x.length) { if (node) node.textContent = "Not enough data yet."; return; }
    node.replaceChildren();
    var opts = {
      width: width(node), height: 200,
      series: [{}].concat(series.map(function (s, i) {
        return { label: s.label, stroke: colours[i % colours.length], width: 2, points: { show: true, size: 6 } };
      })),
      axes: axes(yLabel),
      legend: { show: true }
    };
    drawn.push(new uPlot(opts, [x].concat(series.map(function (s) { return s.values; })), node));
  }
  function label(s) { return s.replace(/_/g, " "); }

  function drawAll() {
    drawn.forEach(function (chart) { chart.destroy(); });
    drawn = [];
    var volume = data.volume.filter(function (v) { return v.sets.some(function (n) { return n > 0; }); }).slice(0, 6);
    draw("chart-volume", volume.length ? volume[0].weeks : [],
      volume.map(function (v) { return { label: label(v.muscle), values: v.sets }; }), "sets");

    var strength = data.strength.slice(0, 4);
    var days = [];
    strength.forEach(function (t) { t.days.forEach(function (d) { if (days.indexOf(d) === -1) days.push(d); }); });
    days.sort(function (a, b) { return a - b; });
    draw("chart-strength", days, strength.map(function (t) {
      return { label: label(t.exercise), values: days.map(function (d) { var i = t.days.indexOf(d); return i === -1 ? null : t.e1rm[i]; }) };
    }), data.units);

    draw("chart-pain", data.pain.weeks, [
      { label: "hard sets", values: data.pain.sets },
      { label: "mean back pain", values: data.pain.pain }
    ], "");
  }

  drawAll();
  if (window.matchMedia) {
    var scheme = window.matchMedia("(prefers-color-scheme: dark)");
    if (scheme.addEventListener) scheme.addEventListener("change", drawAll);
  }
})();
