// The HTML generator without a browser: untrusted strings never leave the JSON block or the
// escaped header as markup, rows of the wrong shape do not throw, and a missing libjs-vega is a
// clear error.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "reports/html_report.h"
#include "tests/report/report_rows.h"

namespace smpc {
namespace {

using J = nlohmann::ordered_json;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(HtmlReport, ScriptSafeJsonEscapesWhatCouldEndTheElement) {
  const J value{{"name", "</script><!-- & \xE2\x80\xA8"}};
  const std::string text = script_safe_json(value);
  EXPECT_EQ(text, R"({"name":"\u003c/script\u003e\u003c!-- \u0026 \u2028"})");
  EXPECT_EQ(J::parse(text), value);  // the same data for JSON.parse
}

TEST(HtmlReport, HtmlEscapeEscapesMarkupAndQuotes) {
  EXPECT_EQ(html_escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

// The fake Vega script has no "</script": every "</script" in the page closes one of its three
// script elements, whatever the rows hold.
TEST(HtmlReport, HostileRowsCannotOpenOrCloseElements) {
  const auto html = sweep_report_html(testing::hostile_rows(), "rows " + testing::kHostile, "/*vega*/");
  EXPECT_EQ(count(html, "</script>"), 3u);
  EXPECT_EQ(count(html, "<script"), 3u);
  EXPECT_EQ(count(html, "<img"), 0u);
  EXPECT_EQ(count(html, "onerror=\""), 0u);
  // The hostile text is there, as escaped header text and as \u-escaped JSON.
  EXPECT_NE(html.find("&lt;/script&gt;&lt;script&gt;document.title="), std::string::npos);
  EXPECT_NE(html.find("\\u003c/script\\u003e\\u003cscript\\u003edocument.title="), std::string::npos);
}

TEST(HtmlReport, RunReportEscapesItsStrings) {
  const J report{{"scenario", testing::kHostile},
                 {"protocol", "bgw"},
                 {"verdict", "ok"},
                 {"explanation", testing::kHostile},
                 {"reproduce", "smpc run '" + testing::kHostile + "'"},
                 {"party_results", J::array({J{{"party", 0}, {"status", "abort"},
                                               {"reason", testing::kHostile},
                                               {"finish_time_s", 0.5}}})},
                 {"cost", {{"per_label", {{testing::kHostile, {{"phase", "main"}, {"bytes", 3}}}}}}}};
  const auto html = run_report_html(report, "/*vega*/");
  EXPECT_EQ(count(html, "</script>"), 3u);
  EXPECT_EQ(count(html, "<img"), 0u);
}

// Rows are untrusted: fields of the wrong type are left out or shown as text, never thrown on.
TEST(HtmlReport, RowsOfTheWrongShapeDoNotThrow) {
  const std::vector<J> rows{
      J{{"id", "a"}, {"axes", J::array({1, 2})}, {"cost", "cheap"}, {"parties", "five"}},
      J{{"id", "b"}, {"axes", {{"/seed", "x"}}}, {"cost", {{"simulated_time_s", "1"}}}, {"status", 7}},
      J{{"id", "c"}, {"axes", {{"/seed", 2}}}, {"cost", {{"bytes_sent", -1}, {"rounds", 1e308}}},
        {"parties", 0}, {"protocol", J::object()}},
      J{{"id", "d"}}};
  std::string html;
  EXPECT_NO_THROW(html = sweep_report_html(rows, "rows.jsonl", ""));
  EXPECT_NE(html.find("4 rows from"), std::string::npos);
  EXPECT_NO_THROW(html = run_report_html(J{{"cost", 3}, {"party_results", "none"}}, ""));
  EXPECT_NO_THROW(html = run_report_html(J::array(), ""));
}

TEST(HtmlReport, MissingVegaNamesTheFileAndThePackage) {
  const auto js = vega_script("/nonexistent/vega");
  ASSERT_FALSE(js.ok());
  EXPECT_NE(js.status().message().find("/nonexistent/vega/vega-util.min.js: not found"), std::string::npos)
      << js.status().message();
  EXPECT_NE(js.status().message().find("libjs-vega"), std::string::npos);
}

TEST(HtmlReport, InlinedVegaDefinesTheGlobalAndRegistersTransforms) {
  if (!std::filesystem::exists(std::string(kVegaDir) + "/vega-util.min.js"))
    GTEST_SKIP() << "libjs-vega is not installed (apt-get install libjs-vega; scripts/setup.sh)";
  const auto js = vega_script();
  ASSERT_TRUE(js.ok()) << js.status().message();
  EXPECT_NE(js->find("window.vega=vega"), std::string::npos);
  EXPECT_NE(js->find("Object.assign(vega.transforms,mods['vega-transforms']"), std::string::npos);
  EXPECT_EQ(count(*js, "</script"), 0u);
}

}  // namespace
}  // namespace smpc
