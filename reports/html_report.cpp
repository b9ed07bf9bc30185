#include "reports/html_report.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "protocols/core/json_text.h"

namespace smpc {

using J = nlohmann::ordered_json;

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string script_safe_json(const J& value) {
  const std::string text = value.dump(-1, ' ', false, J::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    // U+2028 and U+2029 (E2 80 A8/A9) end a line in older JavaScript parsers.
    else if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
             (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
      out += text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else out += c;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Vega, inlined.

namespace {

// The modules the report needs, in an order where each comes after what it requires (their
// require() lists), with the file that holds each. Browser variants where Debian ships two.
struct VegaModule {
  const char* name;
  const char* file;
};
constexpr VegaModule kVegaModules[] = {
    {"vega-util", "vega-util.min.js"},
    {"vega-canvas", "vega-canvas.browser.js"},
    {"vega-time", "vega-time.min.js"},
    {"vega-format", "vega-format.min.js"},
    {"vega-loader", "vega-loader.min.js"},
    {"vega-statistics", "vega-statistics.min.js"},
    {"vega-expression", "vega-expression.min.js"},
    {"vega-event-selector", "vega-event-selector.min.js"},
    {"vega-scale", "vega-scale.min.js"},
    {"vega-scenegraph", "vega-scenegraph.min.js"},
    {"vega-dataflow", "vega-dataflow.min.js"},
    {"vega-selections", "vega-selection.min.js"},
    {"vega-functions", "vega-functions.min.js"},
    {"vega-runtime", "vega-runtime.min.js"},
    {"vega-parser", "vega-parser.min.js"},
    {"vega-view", "vega-view.min.js"},
    {"vega-transforms", "vega-transforms.min.js"},
    {"vega-view-transforms", "vega-view-transforms.min.js"},
    {"vega-encode", "vega-encode.min.js"},
};

// The dataflow operators (lower-case names) that specs name in "transform" and that the parser
// and the view instantiate; upstream's index registers the same modules' exports.
constexpr const char* kVegaTransformModules[] = {"vega-transforms", "vega-view-transforms",
                                                 "vega-encode"};

// A script's text may not contain "</script" (it would end the element; none of Vega's files
// does today): where it could occur, in a string or regex literal, "<\/script" means the same.
// Only that sequence is touched: "</" alone is legal and common in regexes (/</g).
std::string script_safe_js(std::string js) {
  for (std::size_t at = 0; at + 8 <= js.size(); ++at) {
    if (js[at] != '<' || js[at + 1] != '/') continue;
    std::string word = js.substr(at + 2, 6);
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
    if (word == "script") js.insert(at + 1, "\\");
  }
  return js;
}

}  // namespace

Result<std::string> vega_script(const std::string& dir) {
  std::string js =
      "(function(){'use strict';var mods={};"
      "function req(n){if(!Object.prototype.hasOwnProperty.call(mods,n))"
      "throw new Error('inlined vega: no module '+n);return mods[n];}"
      "function def(n,f){var m={exports:{}};f.call(m.exports,m.exports,m,req);mods[n]=m.exports;}\n";
  for (const auto& m : kVegaModules) {
    const auto path = std::filesystem::path(dir) / m.file;
    std::ifstream in(path, std::ios::binary);
    if (!in)
      return Error(path.string() +
                   ": not found; the HTML report inlines Vega from Debian's libjs-vega "
                   "(apt-get install libjs-vega, or scripts/setup.sh)");
    std::ostringstream text;
    text << in.rdbuf();
    js += "def('" + std::string(m.name) + "',function(exports,module,require){\n" +
          script_safe_js(text.str()) + "\n});\n";
  }
  js += "var vega={};";
  for (const auto& m : kVegaModules) {
    const bool transform = std::any_of(std::begin(kVegaTransformModules),
                                       std::end(kVegaTransformModules),
                                       [&](const char* t) { return std::string(t) == m.name; });
    if (!transform) js += "Object.assign(vega,mods['" + std::string(m.name) + "']);";
  }
  js += "Object.assign(vega.transforms";
  for (const char* t : kVegaTransformModules) js += ",mods['" + std::string(t) + "']";
  js += ");window.vega=vega;})();\n";
  return js;
}

// ---------------------------------------------------------------------------------------------
// The page: a header made here (escaped), then charts and tables the page script builds from
// one JSON block.

namespace {

constexpr const char* kStyle = R"CSS(
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
h3{font-size:1em;margin:.3em 0}
.charts{display:flex;flex-wrap:wrap;gap:1.2em}.chart{border:1px solid #e3e3e3;padding:.5em}
.note{color:#555;max-width:60em}.bad{color:#b71c1c;font-weight:bold}.good{color:#1b5e20;font-weight:bold}
table{border-collapse:collapse;font-size:12px;margin:.5em 0}
th,td{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3;cursor:pointer;user-select:none}td.num{text-align:right}
code{background:#f5f5f5;padding:1px 4px;word-break:break-all}
#report-errors{color:#b71c1c;white-space:pre-wrap}
)CSS";

// Builds the charts and the sortable tables; records every failure in #report-errors (and on
// the console). <body> gets data-charts (charts in the data) at once and data-rendered (charts
// whose view has rendered) when the last one has: a test compares the two.
constexpr const char* kPageScript = R"JS(
(function(){
  var errors=[];
  function fail(msg){
    errors.push(String(msg));
    var box=document.getElementById('report-errors');
    box.textContent=errors.join('\n');box.hidden=false;
    console.error('report: '+msg);
  }
  window.addEventListener('error',function(e){fail(e.message);});
  var data=JSON.parse(document.getElementById('report-data').textContent);
  var pending=[];
  function section(title){
    var h=document.createElement('h2');h.textContent=title;document.getElementById('content').appendChild(h);
    var d=document.createElement('div');d.className='charts';document.getElementById('content').appendChild(d);
    return d;
  }
  var current=null,currentTitle=null;
  data.charts.forEach(function(c){
    if(current===null||c.section!==currentTitle){current=section(c.section);currentTitle=c.section;}
    var box=document.createElement('div');box.className='chart';
    var h=document.createElement('h3');h.textContent=c.title;box.appendChild(h);
    if(c.note){var p=document.createElement('div');p.className='note';p.textContent=c.note;box.appendChild(p);}
    var el=document.createElement('div');box.appendChild(el);current.appendChild(box);
    try{
      var view=new vega.View(vega.parse(c.spec),{renderer:'svg',container:el,hover:true});
      pending.push(view.runAsync());
    }catch(e){fail(c.title+': '+e);}
  });
  function cellText(v){
    if(v===null||v===undefined)return '';
    if(typeof v==='number')return String(Number(v.toPrecision(12)));  // 0.00041024, not …0003
    return typeof v==='object'?JSON.stringify(v):String(v);
  }
  function empty(v){return v===null||v===undefined||v==='';}
  function compare(a,b){
    if(typeof a==='number'&&typeof b==='number')return a-b;
    return cellText(a).localeCompare(cellText(b),undefined,{numeric:true});
  }
  function makeTable(t){
    var host=document.getElementById('content');
    var h=document.createElement('h2');h.textContent=t.title;host.appendChild(h);
    if(t.note){var p=document.createElement('div');p.className='note';p.textContent=t.note;host.appendChild(p);}
    var table=document.createElement('table');table.id=t.id;
    var head=table.createTHead().insertRow();
    var body=table.createTBody();
    var rows=t.rows.slice(),sortedBy=-1,ascending=true;
    function fill(){
      body.textContent='';
      rows.forEach(function(r){
        var tr=body.insertRow();
        r.forEach(function(v){var td=tr.insertCell();td.textContent=cellText(v);if(typeof v==='number')td.className='num';});
      });
    }
    function sortBy(i,up){
      sortedBy=i;ascending=up;
      rows.sort(function(a,b){
        // Empty cells (a skipped row's cost) last in either direction.
        if(empty(a[i])||empty(b[i]))return empty(a[i])===empty(b[i])?0:empty(a[i])?1:-1;
        var c=compare(a[i],b[i]);return ascending?c:-c;
      });
      fill();
    }
    t.columns.forEach(function(name,i){
      var th=document.createElement('th');th.textContent=name;th.title='sort by '+name;
      th.addEventListener('click',function(){sortBy(i,sortedBy===i?!ascending:true);});
      head.appendChild(th);
    });
    fill();
    // A link can carry an order: report.html#sort=simulated_time_s (#sort=-… for descending).
    var want=/^#sort=(-?)(.+)$/.exec(decodeURIComponent(location.hash));
    if(want&&t.columns.indexOf(want[2])>=0)sortBy(t.columns.indexOf(want[2]),want[1]!=='-');
    host.appendChild(table);
  }
  try{data.tables.forEach(makeTable);}catch(e){fail(e);}
  document.body.setAttribute('data-charts',String(data.charts.length));
  Promise.all(pending).then(function(){document.body.setAttribute('data-rendered',String(pending.length));},
                            function(e){fail(e);});
})();
)JS";

std::string page(const std::string& title, const std::string& header_html, const J& data,
                 const std::string& vega_js) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" +
                    html_escape(title) + "</title>\n<style>" + kStyle + "</style></head>\n<body>\n" +
                    header_html +
                    "<pre id=\"report-errors\" hidden></pre>\n<div id=\"content\"></div>\n"
                    "<script type=\"application/json\" id=\"report-data\">" +
                    script_safe_json(data) + "</script>\n<script>\n" + vega_js +
                    "</script>\n<script>" + kPageScript + "</script>\n</body></html>\n";
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading untrusted rows: a field of the wrong type is absent, never an exception.

const J* member(const J& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::optional<double> number(const J* v) {
  if (v == nullptr || !v->is_number()) return std::nullopt;
  const double d = v->get<double>();
  return std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
}

std::optional<double> cost_number(const J& row, const char* key) {
  const J* cost = member(row, "cost");
  return cost ? number(member(*cost, key)) : std::nullopt;
}

// A value as the page shows it: strings as they are, anything else as JSON, cut short.
std::string text(const J* v, std::size_t max = 200) {
  if (v == nullptr || v->is_null()) return "";
  if (v->is_string()) return short_text(v->get<std::string>(), max);
  return short_json(nlohmann::json(*v), max);  // never serialises a huge value whole
}

// A table cell: numbers stay numbers (they sort as numbers), the rest is text.
J cell(const J* v) {
  if (v != nullptr && v->is_number() && number(v)) return *v;
  if (v != nullptr && v->is_boolean()) return *v;
  return v == nullptr || v->is_null() ? J() : J(text(v, 400));
}

// ---------------------------------------------------------------------------------------------
// Vega specs.

J base_spec(int width, int height) {
  return J{{"$schema", "https://vega.github.io/schema/vega/v5.json"},
           {"width", width},
           {"height", height},
           {"padding", 5},
           {"autosize", "pad"}};
}

// Log scale where the values are positive and span at least two decades.
bool wants_log(const std::vector<double>& values) {
  if (values.empty()) return false;
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  return *lo > 0 && *hi / *lo >= 100;
}

struct Series {
  std::string x_title, y_title;
  bool band = false;  // x is categorical (the protocol)
  J points = J::array();  // {protocol, x, y, tip}
};

// Means per (protocol, x): the line through each protocol's points.
J series_means(const J& points) {
  std::map<std::pair<std::string, std::string>, std::pair<J, std::pair<double, int>>> groups;
  for (const auto& p : points) {
    auto& g = groups[{p["protocol"].get<std::string>(), p["x"].dump()}];
    g.first = p["x"];
    g.second.first += p["y"].get<double>();
    g.second.second += 1;
  }
  J out = J::array();
  for (const auto& [key, g] : groups)
    out.push_back({{"protocol", key.first}, {"x", g.first}, {"y", g.second.first / g.second.second}});
  std::stable_sort(out.begin(), out.end(), [](const J& a, const J& b) {
    return a["x"].is_number() && b["x"].is_number() && a["x"].get<double>() < b["x"].get<double>();
  });
  return out;
}

J scatter_spec(const Series& s) {
  std::vector<double> xs, ys;
  for (const auto& p : s.points) {
    if (!s.band) xs.push_back(p["x"].get<double>());
    ys.push_back(p["y"].get<double>());
  }
  const bool xlog = !s.band && wants_log(xs), ylog = wants_log(ys);
  J spec = base_spec(360, 220);
  spec["data"] = J::array({J{{"name", "rows"}, {"values", s.points}},
                           J{{"name", "means"}, {"values", series_means(s.points)}}});
  J x{{"name", "x"}, {"range", "width"}, {"domain", {{"data", "rows"}, {"field", "x"}}}};
  if (s.band) x.update({{"type", "point"}, {"padding", 0.5}});
  else x.update({{"type", xlog ? "log" : "linear"}, {"nice", true}, {"zero", false}});
  J y{{"name", "y"}, {"range", "height"}, {"nice", true}, {"type", ylog ? "log" : "linear"},
      {"domain", {{"data", "rows"}, {"field", "y"}}}};
  if (!ylog) y["zero"] = true;
  spec["scales"] = J::array({x, y, J{{"name", "color"}, {"type", "ordinal"}, {"range", "category"},
                                     {"domain", {{"data", "rows"}, {"field", "protocol"}, {"sort", true}}}}});
  spec["axes"] = J::array(
      {J{{"orient", "bottom"}, {"scale", "x"}, {"title", s.x_title + (xlog ? " (log)" : "")},
         {"labelOverlap", true}},
       J{{"orient", "left"}, {"scale", "y"}, {"title", s.y_title + (ylog ? " (log)" : "")},
         {"format", "~s"}}});
  spec["legends"] = J::array({J{{"fill", "color"}, {"title", "protocol"}}});
  const J xy{{"x", {{"scale", "x"}, {"field", "x"}}}, {"y", {{"scale", "y"}, {"field", "y"}}}};
  J line{{"type", "line"}, {"name", "mean_lines"}, {"from", {{"data", "series"}}},
         {"encode", {{"enter", xy}}}};
  line["encode"]["enter"].update({{"stroke", {{"scale", "color"}, {"field", "protocol"}}},
                                  {"strokeWidth", {{"value", 1.5}}}});
  J dots{{"type", "symbol"}, {"name", "points"}, {"from", {{"data", "rows"}}},
         {"encode", {{"enter", xy}, {"hover", {{"size", {{"value", 120}}}}},
                     {"update", {{"size", {{"value", 40}}}}}}}};
  dots["encode"]["enter"].update({{"fill", {{"scale", "color"}, {"field", "protocol"}}},
                                  {"tooltip", {{"signal", "datum.tip"}}}});
  spec["marks"] = J::array(
      {J{{"type", "group"},
         {"from", {{"facet", {{"name", "series"}, {"data", "means"}, {"groupby", "protocol"}}}}},
         {"marks", J::array({line})}},
       dots});
  return spec;
}

// A matrix of cells {row, col, status, text, tip}: colour by status, the outcomes written in.
J matrix_spec(const J& cells, const std::string& row_title) {
  std::set<std::string> rows;
  for (const auto& c : cells) rows.insert(c["row"].get<std::string>());
  J spec = base_spec(360, std::max<int>(40, 30 * static_cast<int>(rows.size())));
  spec["data"] = J::array({J{{"name", "cells"}, {"values", cells}}});
  spec["scales"] = J::array(
      {J{{"name", "x"}, {"type", "band"}, {"range", "width"}, {"padding", 0.05},
         {"domain", {{"data", "cells"}, {"field", "col"}, {"sort", true}}}},
       J{{"name", "y"}, {"type", "band"}, {"range", "height"}, {"padding", 0.05},
         {"domain", {{"data", "cells"}, {"field", "row"}, {"sort", true}}}},
       J{{"name", "color"}, {"type", "ordinal"},
         {"domain", J::array({"ok", "violated", "error", "skipped"})},
         {"range", J::array({"#66bb6a", "#e53935", "#455a64", "#bdbdbd"})}}});
  spec["axes"] = J::array({J{{"orient", "top"}, {"scale", "x"}, {"title", "protocol"}},
                           J{{"orient", "left"}, {"scale", "y"}, {"title", row_title},
                             {"labelLimit", 160}}});
  spec["legends"] = J::array({J{{"fill", "color"}, {"title", "status"}}});
  const J band{{"x", {{"scale", "x"}, {"field", "col"}}},
               {"width", {{"scale", "x"}, {"band", 1}}},
               {"y", {{"scale", "y"}, {"field", "row"}}},
               {"height", {{"scale", "y"}, {"band", 1}}},
               {"fill", {{"scale", "color"}, {"field", "status"}}},
               {"tooltip", {{"signal", "datum.tip"}}}};
  const J label{{"x", {{"scale", "x"}, {"field", "col"}, {"band", 0.5}}},
                {"y", {{"scale", "y"}, {"field", "row"}, {"band", 0.5}}},
                {"align", {{"value", "center"}}},
                {"baseline", {{"value", "middle"}}},
                {"fontSize", {{"value", 10}}},
                {"limit", {{"scale", "x"}, {"band", 1}}},
                {"text", {{"field", "text"}}}};
  spec["marks"] = J::array(
      {J{{"type", "rect"}, {"name", "matrix_cells"}, {"from", {{"data", "cells"}}},
         {"encode", {{"enter", band}}}},
       J{{"type", "text"}, {"name", "cell_text"}, {"from", {{"data", "cells"}}},
         {"interactive", false}, {"encode", {{"enter", label}}}}});
  return spec;
}

// Horizontal bars from `from` to `to` per `key` (a band), coloured by `color`.
J bars_spec(const J& values, const std::string& key_title, const std::string& x_title,
            const std::string& mark, const std::string& color_title) {
  std::set<std::string> keys;
  for (const auto& v : values) keys.insert(v["key"].get<std::string>());
  J spec = base_spec(420, std::max<int>(40, 22 * static_cast<int>(keys.size())));
  spec["data"] = J::array({J{{"name", "bars"}, {"values", values}}});
  spec["scales"] = J::array(
      {J{{"name", "x"}, {"type", "linear"}, {"range", "width"}, {"nice", true}, {"zero", true},
         {"domain", {{"data", "bars"}, {"field", "to"}}}},
       J{{"name", "y"}, {"type", "band"}, {"range", "height"}, {"padding", 0.15},
         {"domain", {{"data", "bars"}, {"field", "key"}}}},
       color_title == "status"  // a party's end: the same colour in every run report
           ? J{{"name", "color"}, {"type", "ordinal"},
               {"domain", J::array({"output", "abort", "no_output"})},
               {"range", J::array({"#66bb6a", "#e53935", "#9e9e9e"})}}
           : J{{"name", "color"}, {"type", "ordinal"}, {"range", "category"},
               {"domain", {{"data", "bars"}, {"field", "color"}, {"sort", true}}}}});
  spec["axes"] = J::array({J{{"orient", "bottom"}, {"scale", "x"}, {"title", x_title}, {"format", "~s"}},
                           J{{"orient", "left"}, {"scale", "y"}, {"title", key_title},
                             {"labelLimit", 180}}});
  spec["legends"] = J::array({J{{"fill", "color"}, {"title", color_title}}});
  const J enter{{"x", {{"scale", "x"}, {"field", "from"}}},
                {"x2", {{"scale", "x"}, {"field", "to"}}},
                {"y", {{"scale", "y"}, {"field", "key"}}},
                {"height", {{"scale", "y"}, {"band", 1}}},
                {"fill", {{"scale", "color"}, {"field", "color"}}},
                {"tooltip", {{"signal", "datum.tip"}}}};
  spec["marks"] = J::array({J{{"type", "rect"}, {"name", mark}, {"from", {{"data", "bars"}}},
                              {"encode", {{"enter", enter}, {"update", {{"opacity", {{"value", 1}}}}},
                                          {"hover", {{"opacity", {{"value", 0.7}}}}}}}}});
  return spec;
}

J chart(const std::string& section, const std::string& title, J spec, const std::string& note = "") {
  J c{{"section", section}, {"title", title}, {"spec", std::move(spec)}};
  if (!note.empty()) c["note"] = note;
  return c;
}

std::string format_number(double v) {
  std::ostringstream s;
  s.precision(6);
  s << v;
  return s.str();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The sweep's comparison report.

namespace {

struct AxisInfo {
  std::string pointer;
  bool numeric = true;  // every value a finite number
  std::set<std::string> distinct;
};

std::vector<AxisInfo> axes_of(const std::vector<J>& rows) {
  std::vector<AxisInfo> axes;
  std::map<std::string, std::size_t> index;
  for (const auto& row : rows) {
    const J* a = member(row, "axes");
    if (a == nullptr || !a->is_object()) continue;
    for (const auto& [pointer, value] : a->items()) {
      auto [it, fresh] = index.emplace(pointer, axes.size());
      if (fresh) axes.push_back(AxisInfo{pointer, true, {}});
      auto& info = axes[it->second];
      info.numeric = info.numeric && number(&value).has_value();
      info.distinct.insert(value.dump());
    }
  }
  return axes;
}

std::string protocol_of(const J& row) {
  const std::string p = text(member(row, "protocol"), 40);
  return p.empty() ? "(not run)" : p;  // skipped rows have no protocol
}

// What a point is called in tooltips: its protocol and axis values.
std::string point_tip(const J& row) {
  std::string tip = "protocol " + protocol_of(row) + ", status " + text(member(row, "status"), 20);
  if (const J* a = member(row, "axes"); a && a->is_object())
    for (const auto& [pointer, value] : a->items())
      tip += "\n" + short_text(pointer, 60) + " = " + text(&value, 60);
  if (const J* o = member(row, "outcome")) tip += "\noutcome " + text(o, 40);
  return tip;
}

struct Metric {
  const char* title;
  std::optional<double> (*value)(const J& row);
};
const Metric kMetrics[] = {
    {"simulated time (s)", [](const J& r) { return cost_number(r, "simulated_time_s"); }},
    {"bytes sent per party",
     [](const J& r) -> std::optional<double> {
       const auto bytes = cost_number(r, "bytes_sent");
       const auto parties = number(member(r, "parties"));
       if (!bytes || !parties || *parties <= 0) return std::nullopt;
       return *bytes / *parties;
     }},
    {"rounds", [](const J& r) { return cost_number(r, "rounds"); }},
};

// Compute vs network: the share of the parties' time (each from the start to the run's end)
// that the compute model charged; the rest went to the network (transfers and waiting). Only
// rows with computation have one (plotted only when some row has compute_s > 0).
std::optional<double> compute_share(const J& r) {
  const auto compute = cost_number(r, "compute_s");
  const auto time = cost_number(r, "simulated_time_s");
  const auto parties = number(member(r, "parties"));
  if (!compute || !time || !parties || *time <= 0 || *parties <= 0) return std::nullopt;
  return *compute / (*parties * *time);
}
const Metric kComputeShare{"compute share (compute_s / (parties x simulated time))", compute_share};

bool any_compute(const std::vector<J>& rows) {
  return std::any_of(rows.begin(), rows.end(),
                     [](const J& r) { return cost_number(r, "compute_s").value_or(0) > 0; });
}

Series metric_series(const std::vector<J>& rows, const Metric& metric, const AxisInfo* axis) {
  Series s;
  s.x_title = axis ? axis->pointer : "protocol";
  s.y_title = metric.title;
  s.band = axis == nullptr;
  for (const auto& row : rows) {
    const auto y = metric.value(row);
    if (!y) continue;
    J x = protocol_of(row);
    if (axis != nullptr) {
      const J* a = member(row, "axes");
      const J* v = a ? member(*a, axis->pointer.c_str()) : nullptr;
      if (!number(v)) continue;
      x = *v;
    }
    std::string tip = point_tip(row) + "\n" + metric.title + " = " + format_number(*y);
    s.points.push_back({{"protocol", protocol_of(row)}, {"x", x}, {"y", *y}, {"tip", tip}});
  }
  return s;
}

// Severity, to colour a cell holding several rows by the worst.
int severity(const std::string& status) {
  return status == "violated" ? 3 : status == "error" ? 2 : status == "ok" ? 1 : 0;
}

J outcome_cells(const std::vector<J>& rows, const AxisInfo* axis) {
  struct Cell {
    std::string status = "skipped";
    std::map<std::string, int> outcomes;
    int n = 0;
  };
  std::map<std::pair<std::string, std::string>, Cell> cells;
  for (const auto& row : rows) {
    std::string key = "all points";
    if (axis != nullptr) {
      const J* a = member(row, "axes");
      const J* v = a ? member(*a, axis->pointer.c_str()) : nullptr;
      if (v == nullptr) continue;
      key = text(v, 40);
    }
    auto& c = cells[{key, protocol_of(row)}];
    const std::string status = text(member(row, "status"), 20);
    if (severity(status) > severity(c.status) || c.n == 0) c.status = status;
    const std::string outcome = text(member(row, "outcome"), 30);
    c.outcomes[outcome.empty() ? status : outcome] += 1;
    c.n += 1;
  }
  J out = J::array();
  for (const auto& [key, c] : cells) {
    std::string summary;
    for (const auto& [o, n] : c.outcomes)
      summary += (summary.empty() ? "" : ", ") + std::to_string(n) + " " + o;
    out.push_back({{"row", key.first}, {"col", key.second}, {"status", c.status},
                   {"text", summary},
                   {"tip", key.second + " at " + key.first + ": " + std::to_string(c.n) +
                               " rows, worst status " + c.status + "\n" + summary}});
  }
  return out;
}

J sweep_table(const std::vector<J>& rows, const std::vector<AxisInfo>& axes) {
  J columns = J::array({"id", "status", "protocol", "parties"});
  for (const auto& a : axes) columns.push_back(a.pointer);
  for (const char* c : {"verdict", "outcome", "claim_scope", "rounds", "messages", "bytes_sent",
                        "simulated_time_s", "wall_time_s", "reason", "reproduce"})
    columns.push_back(c);
  J table_rows = J::array();
  for (const auto& row : rows) {
    J r = J::array({cell(member(row, "id")), cell(member(row, "status")),
                    cell(member(row, "protocol")), cell(member(row, "parties"))});
    const J* a = member(row, "axes");
    for (const auto& axis : axes) r.push_back(cell(a ? member(*a, axis.pointer.c_str()) : nullptr));
    for (const char* c : {"verdict", "outcome", "claim_scope"}) r.push_back(cell(member(row, c)));
    const J* cost = member(row, "cost");
    for (const char* c : {"rounds", "messages", "bytes_sent", "simulated_time_s"})
      r.push_back(cell(cost ? member(*cost, c) : nullptr));
    for (const char* c : {"wall_time_s", "reason", "reproduce"}) r.push_back(cell(member(row, c)));
    table_rows.push_back(std::move(r));
  }
  return J{{"id", "rows"}, {"title", "Rows (click a heading to sort)"}, {"columns", columns},
           {"rows", table_rows}};
}

bool adversary_axis(const AxisInfo& a) {
  return !a.numeric || a.pointer.rfind("/adversary", 0) == 0;
}

std::string sweep_header(const std::vector<J>& rows, const std::string& source) {
  std::map<std::string, int> status;
  std::set<std::string> protocols, scenarios;
  for (const auto& row : rows) {
    status[text(member(row, "status"), 20)] += 1;
    protocols.insert(protocol_of(row));
    if (const auto s = text(member(row, "scenario"), 80); !s.empty()) scenarios.insert(s);
  }
  std::string counts;
  for (const auto& [s, n] : status)
    counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + (s.empty() ? "(no status)" : s);
  std::string names;
  for (const auto& p : protocols) names += (names.empty() ? "" : ", ") + p;
  std::string scen;
  for (const auto& s : scenarios) scen += (scen.empty() ? "" : "; ") + s;
  const bool bad = status.count("violated") || status.count("error");
  return "<h1>Sweep comparison</h1>\n<p>" + std::to_string(rows.size()) + " rows from <code>" +
         html_escape(source) + "</code>: <span class=\"" + (bad ? "bad" : "good") + "\">" +
         html_escape(counts) + "</span>.<br>Protocols: " + html_escape(names) +
         ".<br>Scenarios: " + html_escape(short_text(scen, 400)) + ".</p>\n"
         "<p class=\"note\">Compute vs network share: <code>cost.compute_s</code> (the computation "
         "the compute model charged, summed over the parties) / (parties &times; "
         "<code>cost.simulated_time_s</code>), the rest being network transfers and waiting; "
         "plotted when some row has computation (the scenario sets \"compute\": {\"model\": "
         "\"ops\"}; 0 under the default \"none\"). Rows without a cost (skipped, error) are in "
         "the table and the outcome matrix only.</p>\n";
}

}  // namespace

std::string sweep_report_html(const std::vector<J>& rows, const std::string& source,
                              const std::string& vega_js) {
  const auto axes = axes_of(rows);
  std::vector<Metric> metrics(std::begin(kMetrics), std::end(kMetrics));
  if (any_compute(rows)) metrics.push_back(kComputeShare);
  J charts = J::array();
  bool any_numeric = false;
  for (const auto& axis : axes) {
    if (!axis.numeric || axis.distinct.size() < 2) continue;
    any_numeric = true;
    for (const auto& m : metrics) {
      Series s = metric_series(rows, m, &axis);
      if (s.points.empty()) continue;
      charts.push_back(chart("Against " + axis.pointer, std::string(m.title) + " vs " + axis.pointer,
                             scatter_spec(s), "dots: runs; lines: each protocol's mean at each value"));
    }
  }
  if (!any_numeric)
    for (const auto& m : metrics)
      if (Series s = metric_series(rows, m, nullptr); !s.points.empty())
        charts.push_back(chart("By protocol", std::string(m.title) + " per protocol", scatter_spec(s)));
  bool any_matrix = false;
  for (const auto& axis : axes) {
    if (!adversary_axis(axis)) continue;
    any_matrix = true;
    charts.push_back(chart("Verdict and outcome", "outcome by " + axis.pointer,
                           matrix_spec(outcome_cells(rows, &axis), axis.pointer)));
  }
  if (!any_matrix)
    charts.push_back(chart("Verdict and outcome", "outcome per protocol",
                           matrix_spec(outcome_cells(rows, nullptr), "")));
  const J data{{"charts", charts}, {"tables", J::array({sweep_table(rows, axes)})}};
  return page("Sweep comparison: " + source, sweep_header(rows, source), data, vega_js);
}

// ---------------------------------------------------------------------------------------------
// One run.

namespace {

std::string party_name(const J* p) { return "P" + text(p, 12); }

// Two bars per party, compute then the rest of its time: only when some party computed.
J compute_share_bars(const J& report) {
  const J* cost = member(report, "cost");
  const J* per_party = cost ? member(*cost, "per_party") : nullptr;
  J bars = J::array();
  bool any = false;
  for (std::size_t i = 0; per_party && per_party->is_array() && i < per_party->size(); ++i) {
    const J& pp = (*per_party)[i];
    const std::string name = party_name(member(pp, "party"));
    const double compute = number(member(pp, "compute_s")).value_or(0);
    const double finish = std::max(number(member(pp, "finish_time_s")).value_or(0), compute);
    any = any || compute > 0;
    const std::string pct =
        finish > 0 ? format_number(100 * compute / finish) + "% of " + format_number(finish) + " s" : "";
    bars.push_back({{"key", name}, {"from", 0}, {"to", compute}, {"color", "compute"},
                    {"tip", name + ": compute " + format_number(compute) + " s (" + pct + ")"}});
    bars.push_back({{"key", name}, {"from", compute}, {"to", finish}, {"color", "network and waiting"},
                    {"tip", name + ": network and waiting " + format_number(finish - compute) + " s"}});
  }
  return any ? bars : J::array();
}

J party_charts_and_table(const J& report, J& charts) {
  const J* results = member(report, "party_results");
  const J* cost = member(report, "cost");
  const J* per_party = cost ? member(*cost, "per_party") : nullptr;
  J bars = J::array(), bytes = J::array(), rows = J::array();
  for (std::size_t i = 0; results && results->is_array() && i < results->size(); ++i) {
    const J& p = (*results)[i];
    const J* pp = per_party && per_party->is_array() && i < per_party->size() ? &(*per_party)[i] : nullptr;
    const std::string name = party_name(member(p, "party")), status = text(member(p, "status"), 20);
    const double finish = number(member(p, "finish_time_s")).value_or(0);
    const std::string reason = text(member(p, "reason"), 300);
    bars.push_back({{"key", name}, {"from", 0}, {"to", finish}, {"color", status},
                    {"tip", name + ": " + status + " at t = " + format_number(finish) + " s" +
                                (reason.empty() ? "" : "\n" + reason)}});
    const double sent = pp ? number(member(*pp, "bytes_sent")).value_or(0) : 0;
    const double received = pp ? number(member(*pp, "bytes_received")).value_or(0) : 0;
    bytes.push_back({{"key", name}, {"from", 0}, {"to", sent}, {"color", status},
                     {"tip", name + ": " + format_number(sent) + " bytes sent, " +
                                 format_number(received) + " received"}});
    rows.push_back(J::array({name, status, cell(member(p, "finish_time_s")),
                             cell(pp ? member(*pp, "bytes_sent") : nullptr),
                             cell(pp ? member(*pp, "bytes_received") : nullptr),
                             cell(pp ? member(*pp, "messages_sent") : nullptr),
                             cell(pp ? member(*pp, "messages_received") : nullptr),
                             reason.empty() ? J() : J(reason)}));
  }
  const double total = cost ? cost_number(report, "simulated_time_s").value_or(0) : 0;
  charts.push_back(chart("Parties", "per-party timeline (simulated time)",
                         bars_spec(bars, "party", "finish time (s)", "party_bars", "status"),
                         total > 0 ? "each bar: from the start to the party's end (output, abort "
                                     "or no output); hover for the abort reason"
                                   : "the run had no simulated time (threads, --local): every "
                                     "bar is empty"));
  charts.push_back(chart("Parties", "bytes sent per party",
                         bars_spec(bytes, "party", "bytes sent", "party_bytes", "status")));
  if (J share = compute_share_bars(report); !share.empty())
    charts.push_back(chart("Parties", "compute vs network per party (simulated time)",
                           bars_spec(share, "party", "simulated time (s)", "party_compute", "share"),
                           "each party's time to its end: the compute model's charge (summed; "
                           "the segments interleave with the network in reality, see --trace) "
                           "and the rest, network transfers and waiting"));
  return J{{"id", "parties"}, {"title", "Parties"},
           {"columns", J::array({"party", "status", "finish_time_s", "bytes_sent", "bytes_received",
                                 "messages_sent", "messages_received", "reason"})},
           {"rows", rows}};
}

J label_charts_and_table(const J& report, J& charts) {
  const J* cost = member(report, "cost");
  const J* labels = cost ? member(*cost, "per_label") : nullptr;
  J spans = J::array(), bytes = J::array(), rows = J::array();
  if (labels && labels->is_object())
    for (const auto& [name, l] : labels->items()) {
      const std::string label = short_text(name, 60), phase = text(member(l, "phase"), 40);
      const double first = number(member(l, "first_round")).value_or(0);
      const double last = number(member(l, "last_round")).value_or(first);
      const double b = number(member(l, "bytes")).value_or(0);
      const std::string tip = label + " (" + phase + "): rounds " + format_number(first) + "–" +
                              format_number(last) + ", " + format_number(b) + " bytes, " +
                              text(member(l, "messages"), 20) + " messages";
      spans.push_back({{"key", label}, {"from", first}, {"to", last + 1}, {"color", phase}, {"tip", tip}});
      bytes.push_back({{"key", label}, {"from", 0}, {"to", b}, {"color", phase}, {"tip", tip}});
      rows.push_back(J::array({label, phase, cell(member(l, "bytes")), cell(member(l, "messages")),
                               cell(member(l, "first_round")), cell(member(l, "last_round"))}));
    }
  if (!spans.empty()) {
    charts.push_back(chart("Protocol steps", "per-label causal rounds",
                           bars_spec(spans, "label", "causal round", "label_spans", "phase"),
                           "each bar: the rounds from a label's first message to its last"));
    charts.push_back(chart("Protocol steps", "bytes per label",
                           bars_spec(bytes, "label", "bytes", "label_bytes", "phase")));
  }
  return J{{"id", "labels"}, {"title", "Per-label costs"},
           {"columns", J::array({"label", "phase", "bytes", "messages", "first_round", "last_round"})},
           {"rows", rows}};
}

std::string run_header(const J& report) {
  const std::string verdict = text(member(report, "verdict"), 20);
  std::string h = "<h1>Run: " + html_escape(text(member(report, "scenario"), 200)) + "</h1>\n<p>" +
                  html_escape(text(member(report, "protocol"), 40)) + ", " +
                  html_escape(text(member(report, "parties"), 20)) + " parties, function " +
                  html_escape(text(member(report, "function"), 80)) + ", seed " +
                  html_escape(text(member(report, "seed"), 30)) + ".</p>\n<p>Verdict: <span class=\"" +
                  (verdict == "ok" ? "good" : "bad") + "\">" + html_escape(verdict) +
                  "</span>; outcome " + html_escape(text(member(report, "outcome"), 40)) +
                  "; claim scope " + html_escape(text(member(report, "claim_scope"), 40)) +
                  "; decided by " + html_escape(text(member(report, "decided_by"), 40)) + ".<br>" +
                  html_escape(text(member(report, "explanation"), 2000)) + "</p>\n";
  if (const J* m = member(report, "mutant"))
    h += "<p class=\"bad\">Seeded bug active: " + html_escape(text(m, 20)) + "</p>\n";
  static const J kNone = J::object();
  const J* cost = member(report, "cost");
  const J& c = cost && cost->is_object() ? *cost : kNone;
  h += "<p>Cost: " + html_escape(text(member(c, "rounds"), 20)) + " rounds, " +
       html_escape(text(member(c, "messages"), 20)) + " messages, " +
       html_escape(text(member(c, "bytes_sent"), 20)) + " bytes, " +
       html_escape(text(member(c, "simulated_time_s"), 30)) +
       " s simulated.</p>\n<p>Reproduce: <code>" +
       html_escape(text(member(report, "reproduce"), 2000)) + "</code></p>\n";
  return h;
}

}  // namespace

std::string run_report_html(const J& report, const std::string& vega_js) {
  J charts = J::array();
  J tables = J::array();
  tables.push_back(party_charts_and_table(report, charts));
  tables.push_back(label_charts_and_table(report, charts));
  const J data{{"charts", charts}, {"tables", tables}};
  return page("Run: " + text(member(report, "scenario"), 200), run_header(report), data, vega_js);
}

}  // namespace smpc
