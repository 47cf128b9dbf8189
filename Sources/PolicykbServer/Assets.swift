/// The only files the server serves: its stylesheet and its script, compiled
/// into the binary (no build step, no external fetch). Anything else under
/// /assets/ — another name, `..`, an encoded slash — is a 404, because a
/// name is looked up in this table and never turned into a path.
enum Assets {
    struct Asset: Sendable {
        let contentType: String
        let body: String
    }

    /// Changes with the assets, so that browsers fetch the new ones
    /// (`style.css?v=…`) though they may cache each for a day.
    static let version = "4"

    static let files: [String: Asset] = [
        "style.css": Asset(contentType: "text/css; charset=utf-8", body: style),
        "app.js": Asset(contentType: "text/javascript; charset=utf-8", body: script),
    ]

    static let style = """
        :root { --ink: #1d2330; --muted: #5b6474; --line: #d9dee7; --accent: #1f5fbf; --mark: #ffe58a;
                --evidence: #c9e7ff; --evidence-edge: #1f5fbf; --bg: #fbfcfe; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.6 "Noto Sans CJK SC", "WenQuanYi Zen Hei", "PingFang SC", system-ui, sans-serif;
               color: var(--ink); background: var(--bg); }
        header { display: flex; gap: 1.5rem; align-items: baseline; padding: .6rem 1.5rem; border-bottom: 1px solid var(--line);
                 background: #fff; }
        header .brand { font-weight: 700; color: var(--ink); text-decoration: none; }
        header nav a { margin-right: 1rem; color: var(--muted); text-decoration: none; }
        header nav a[aria-current] { color: var(--accent); font-weight: 600; }
        header .languages { margin-left: auto; font-size: .9rem; color: var(--muted); }
        header .languages a, header .languages strong { margin-left: .6rem; }
        header .languages a { color: var(--muted); }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        footer { color: var(--muted); font-size: .85rem; padding: 1rem 1.5rem; border-top: 1px solid var(--line); }
        a { color: var(--accent); }
        h1 { font-size: 1.5rem; line-height: 1.35; margin: .8rem 0; }
        h2 { font-size: 1.15rem; margin: 1.8rem 0 .6rem; }
        form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .8rem;
                       background: #fff; border: 1px solid var(--line); border-radius: 6px; margin-bottom: .8rem; }
        form.filters input[type=text], form.filters input[type=search], form.filters select { padding: .3rem .45rem;
                       border: 1px solid #b8c0cc; border-radius: 4px; font: inherit; }
        form.filters input[name=q] { flex: 1 1 24rem; }
        form.filters label { color: var(--muted); font-size: .9rem; }
        form.filters .field { display: inline-flex; align-items: center; gap: .35rem; white-space: nowrap; }
        form.filters .more { flex: 1 0 100%; display: flex; flex-wrap: wrap; gap: .5rem 1.1rem; align-items: center; }
        ::placeholder { color: #a3abb8; font-style: italic; opacity: 1; }
        button { font: inherit; padding: .3rem .9rem; border-radius: 4px; border: 1px solid var(--accent);
                 background: var(--accent); color: #fff; cursor: pointer; }
        .summary { color: var(--muted); margin: .8rem 0; }
        .error { color: #a3191f; font-weight: 600; }
        .empty { color: var(--muted); background: #fff; border: 1px dashed var(--line); border-radius: 6px; padding: .7rem 1rem; }
        .layout { display: grid; grid-template-columns: minmax(0, 1fr) 15rem; gap: 2rem; }
        @media (max-width: 50rem) { .layout { grid-template-columns: 1fr; } }
        ol.hits { list-style: none; padding: 0; margin: 0; }
        li.hit { padding: .7rem 0; border-bottom: 1px solid var(--line); }
        li.hit .title { font-size: 1.05rem; font-weight: 600; }
        .meta { color: var(--muted); font-size: .88rem; }
        .snippet { margin: .2rem 0 0; }
        mark { background: var(--mark); padding: 0 1px; }
        aside.facets h3 { font-size: .95rem; margin: 1rem 0 .3rem; }
        aside.facets ul { list-style: none; padding: 0; margin: 0; font-size: .9rem; }
        aside.facets li { display: flex; justify-content: space-between; gap: .5rem; }
        aside.facets .count { color: var(--muted); }
        nav.pages { display: flex; gap: 1rem; margin: 1rem 0; }
        .body { white-space: pre-wrap; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.2rem;
                line-height: 1.9; }
        mark.evidence { background: var(--evidence); border-bottom: 2px solid var(--evidence-edge); position: relative;
                        cursor: help; }
        mark.evidence:focus { outline: 2px solid var(--evidence-edge); }
        mark.evidence .tip { display: none; position: absolute; left: 0; top: 1.9em; z-index: 5; min-width: 16rem;
                             white-space: normal; background: #1d2330; color: #fff; font-size: .82rem; line-height: 1.45;
                             padding: .45rem .6rem; border-radius: 5px; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
        mark.evidence:hover .tip, mark.evidence:focus .tip, mark.evidence:focus-within .tip { display: block; }
        .tip b { color: #9fd0ff; font-weight: 600; }
        .anchor:target + mark.evidence, mark.evidence.active { background: #ffd166; }
        table { border-collapse: collapse; width: 100%; background: #fff; font-size: .92rem; }
        th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f1f4f9; font-weight: 600; white-space: nowrap; }
        td.short { white-space: nowrap; }
        td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        tr:target { background: #fff4cc; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; }
        svg.chart { max-width: 100%; height: auto; display: block; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
        svg.chart text { font-size: 13px; fill: #1d2330; }
        svg.chart .group { font-weight: 700; }
        svg.chart .axis { stroke: #b8c0cc; }
        svg.chart .bar { fill: #3d7dd8; }
        svg.chart .bar.stretch { fill: #8fb4ea; }
        svg.chart a:hover .bar, svg.chart a:focus .bar { fill: #1f5fbf; }
        svg.chart .value { fill: #5b6474; }
        svg.chart .dot { fill: #3d7dd8; fill-opacity: .75; }
        svg.chart a:hover .dot { fill: #1f5fbf; fill-opacity: 1; }
        svg.chart .count { font-size: 11px; fill: #fff; font-weight: 600; }
        svg.chart .year.gap { fill: #a3abb8; }
        svg.chart.steps .tick { fill: #5b6474; font-size: 12px; }
        svg.chart.steps .figure { font-weight: 600; }
        svg.chart.steps .due text { fill: #c2410c; font-size: 12px; }
        svg.chart.steps a.step:hover path, svg.chart.steps a.step:focus path { stroke: #0b3d91; stroke-width: 5; }
        svg.chart.steps a:hover circle, svg.chart.steps a:focus circle { stroke: #1d2330; stroke-width: 2; }
        svg.chart.steps .superseded text { fill: #4b5563; }
        .legend { color: var(--muted); font-size: .88rem; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; align-items: center; }
        .legend .key { display: inline-block; width: 1.6rem; height: .7rem; margin-right: .35rem; vertical-align: middle; }
        .legend .key.step { border-top: 3px solid #1f5fbf; }
        .legend .key.stretch { border-top: 3px dashed #1f5fbf; }
        .legend .key.step, .legend .key.stretch { height: 0; }
        .legend .key.dot { width: .8rem; height: .8rem; border-radius: 50%; background: #6b7280; }
        .legend .key.dot.met { background: #15803d; }
        .legend .key.dot.met_late { background: #ca8a04; }
        .legend .key.dot.behind { background: #b91c1c; }
        tr[aria-current] { background: #fff4cc; }
        tr.change.behind td:nth-child(4), tr.event.reported td:nth-child(3) { font-weight: 600; }
        .downloads a { margin-right: 1rem; }
        ul.suggestions { columns: 3 14rem; font-size: .92rem; }
        """

    /// Progressive enhancement only: every page works without it.
    static let script = """
        "use strict";
        // "/" focuses the search box, as on many sites.
        document.addEventListener("keydown", function (event) {
          var box = document.querySelector("input[name=q], input[name=metric]");
          if (event.key === "/" && box && document.activeElement !== box &&
              !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
            event.preventDefault();
            box.focus();
          }
        });
        // On an article, pointing at a goal's row lights its evidence in the body.
        document.addEventListener("DOMContentLoaded", function () {
          document.querySelectorAll("tr[data-goal]").forEach(function (row) {
            var id = row.getAttribute("data-goal");
            var marks = document.querySelectorAll("mark.evidence[data-goals~='" + id + "']");
            function light(on) { marks.forEach(function (m) { m.classList.toggle("active", on); }); }
            row.addEventListener("mouseenter", function () { light(true); });
            row.addEventListener("mouseleave", function () { light(false); });
          });
        });
        """
}
