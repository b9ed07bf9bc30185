// Self-contained HTML reports with Vega plots (docs/reports.md, "HTML reports"): one file that
// opens without a network, for a sweep's rows (`smpc report`, `smpc sweep --html`) and for one
// run (`smpc run --html`).
//
// Every string in the input (scenario names, reasons, axis values, labels) is untrusted: it
// reaches the page only inside a JSON block whose '<', '>' and '&' are \u-escaped, and the page
// puts it into the document as text (textContent, SVG text), never as markup.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/status.h"

namespace smpc {

// Where Debian's libjs-vega installs its modules.
inline constexpr const char* kVegaDir = "/usr/share/javascript/vega";

// Vega as one inline script that defines `vega`. Debian ships Vega as separate UMD modules
// whose browser branch overwrites the `vega` global with a fresh object in every module (so
// loading them one after the other loses the earlier ones); the script therefore runs each in
// its CommonJS form through a small require() and assembles `vega` the way upstream's bundle
// index does (every transform registered in vega-dataflow's registry). An error names the
// missing file and the package to install.
Result<std::string> vega_script(const std::string& dir = kVegaDir);

// The comparison report of a sweep's rows (docs/sweep.md, "Rows"). `source` names the rows'
// file in the page. Rows may hold anything: a field of the wrong type is shown as text or left
// out of the plots, never trusted.
std::string sweep_report_html(const std::vector<nlohmann::ordered_json>& rows,
                              const std::string& source, const std::string& vega_js);

// The report of one run, from its JSON report (reports/report.h): verdict, reproduce line,
// per-party timeline, per-label costs.
std::string run_report_html(const nlohmann::ordered_json& report, const std::string& vega_js);

// JSON text safe inside a <script> element: '<', '>' and '&' become \u003c, \u003e, \u0026
// (so no "</script>" or "<!--" can appear), and U+2028/U+2029 are escaped too.
std::string script_safe_json(const nlohmann::ordered_json& value);

// Text safe as HTML element content or a quoted attribute value.
std::string html_escape(const std::string& text);

}  // namespace smpc
