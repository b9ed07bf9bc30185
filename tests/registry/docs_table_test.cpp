// docs/protocols.md's table "The protocols at a glance" against the registry: one row per
// protocol, in registry order, with its domain, minimum parties, parameter names and claim.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "protocols/registry.h"

namespace smpc {
namespace {

std::vector<std::string> cells_of(const std::string& row) {
  std::vector<std::string> cells;
  std::stringstream in(row.substr(1));  // after the leading '|'
  std::string cell;
  while (std::getline(in, cell, '|')) {
    const auto b = cell.find_first_not_of(' '), e = cell.find_last_not_of(' ');
    cells.push_back(b == std::string::npos ? "" : cell.substr(b, e - b + 1));
  }
  return cells;
}

// The table's rows (without header and separator), read from the docs file.
std::vector<std::vector<std::string>> docs_rows() {
  std::ifstream in(std::string(SMPC_SOURCE_DIR) + "/docs/protocols.md");
  std::string line;
  bool in_table = false;
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    if (line.rfind("| protocol | domain | min parties |", 0) == 0) {
      in_table = true;
      std::getline(in, line);  // |---|...
      continue;
    }
    if (!in_table) continue;
    if (line.empty() || line[0] != '|') break;
    rows.push_back(cells_of(line));
  }
  return rows;
}

std::vector<std::string> registry_row(const ProtocolSpec& s) {
  std::string params;
  for (const auto& p : s.parameters) params += (params.empty() ? "`" : ", `") + p.name + "`";
  const auto resolved = resolve_params(s, nlohmann::json::object(), s.min_parties, 0);
  const auto claim = s.claim(resolved.value(), s.min_parties);
  return {"`" + s.name + "`", domain_name(s.domain), std::to_string(s.min_parties),
          params.empty() ? "none" : params,
          std::string(adversary_model_name(claim.model)) + ", " +
              std::to_string(claim.max_corruptions) + " corrupted, " +
              output_guarantee_name(claim.guarantee)};
}

TEST(DocsTable, ProtocolsMdAgreesWithTheRegistry) {
  const auto rows = docs_rows();
  ASSERT_FALSE(rows.empty()) << "docs/protocols.md has no protocol table";
  // Only the built-in protocols are documented (a test binary may link a toy; this one does not).
  ASSERT_EQ(rows.size(), protocol_registry().size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    SCOPED_TRACE(rows[i][0]);
    EXPECT_EQ(rows[i], registry_row(*protocol_registry()[i]))
        << "update the row in docs/protocols.md to: | " << [&] {
             std::string r;
             for (const auto& c : registry_row(*protocol_registry()[i])) r += c + " | ";
             return r;
           }();
  }
}

}  // namespace
}  // namespace smpc
