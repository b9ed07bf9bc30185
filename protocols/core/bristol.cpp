#include "protocols/core/bristol.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <numeric>

namespace smpc {

Result<BristolFormat> parse_bristol_format(std::string_view name) {
  if (name == "fashion" || name == "bristol_fashion") return BristolFormat::kFashion;
  if (name == "legacy" || name == "bristol_legacy") return BristolFormat::kLegacy;
  // Plain "bristol" meant legacy to `smpc circuit` and Fashion to `smpc verify equiv`: every
  // command now takes the same two names, and the ambiguous one is refused.
  if (name == "bristol")
    return Error("circuit format 'bristol' is ambiguous: say 'fashion' (Bristol Fashion) or "
                 "'legacy' (the original Bristol format)");
  return Error("unknown circuit format '" + std::string(name) +
               "' (expected 'fashion' or 'legacy')");
}

const char* bristol_format_name(BristolFormat f) {
  return f == BristolFormat::kFashion ? "fashion" : "legacy";
}

namespace {

// Largest number accepted anywhere in a circuit file; wire indices are stored as uint32.
constexpr std::uint64_t kMaxNumber = std::numeric_limits<std::uint32_t>::max() - 1;

// A token as shown in an error message: at most 40 characters, non-printable bytes escaped.
std::string show(std::string_view tok) {
  std::string out;
  const std::size_t limit = 40;
  for (std::size_t i = 0; i < tok.size() && i < limit; ++i) {
    const auto ch = static_cast<unsigned char>(tok[i]);
    if (ch >= 0x20 && ch < 0x7f && ch != '\'' && ch != '\\') {
      out.push_back(static_cast<char>(ch));
    } else {
      static const char* kHex = "0123456789abcdef";
      out += "\\x";
      out.push_back(kHex[ch >> 4]);
      out.push_back(kHex[ch & 15]);
    }
  }
  if (tok.size() > limit) out += "...";
  return out;
}

bool is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f'; }

enum class BristolGate { kXor, kAnd, kInv, kEq, kEqw, kMand, kUnknown };

BristolGate gate_from_token(std::string_view t) {
  if (t == "XOR") return BristolGate::kXor;
  if (t == "AND") return BristolGate::kAnd;
  if (t == "INV" || t == "NOT") return BristolGate::kInv;
  if (t == "EQ") return BristolGate::kEq;
  if (t == "EQW") return BristolGate::kEqw;
  if (t == "MAND") return BristolGate::kMand;
  return BristolGate::kUnknown;
}

class Parser {
 public:
  Parser(std::string_view text, BristolFormat fmt, const std::string& name)
      : text_(text), fmt_(fmt), name_(name) {}

  Result<Circuit> run();

 private:
  // Widths of the input values and of the output values, in order.
  struct IoWidths {
    std::vector<std::uint64_t> in, out;
  };
  // The steps of run(): the 'ngates nwires' line (returns ngates, sets nwires_); the width lines
  // of either format; the input/output wire groups; the gate lines; no wire left unwritten.
  Result<std::uint64_t> read_header();
  Result<IoWidths> read_io_widths();
  Status legacy_widths_line(IoWidths& widths);
  Status lay_out_io(const IoWidths& widths);
  Status read_gates(std::uint64_t ngates);
  Status check_every_wire_written(std::size_t header_line);
  // Moves to the next non-blank line and splits it into tok_; false at the end of the text.
  bool next_line();
  // "FILE:LINE: [gate N: ]problem".
  Status error(const std::string& problem) const {
    std::string msg = name_;
    msg += ':';
    msg += std::to_string(line_no_);
    msg += ": ";
    if (gate_ >= 0) {
      msg += "gate ";
      msg += std::to_string(gate_);
      msg += ": ";
    }
    msg += problem;
    return Error(std::move(msg));
  }
  Status error(const std::string& problem, std::string_view tok) const {
    return error(problem + " (got '" + show(tok) + "')");
  }
  // A decimal number in [0, kMaxNumber]; `what` names it in the error.
  Result<std::uint64_t> number(std::string_view tok, std::string_view what) const;
  // Reads the widths of the input or output values of a Fashion header line.
  Result<std::vector<std::uint64_t>> widths_line(const char* what);
  Status parse_gate(std::size_t index);
  // The parts of parse_gate: the line's counts against its type; the input wires (or the EQ
  // constant) into in_; the output wires, each defining one gate.
  Status check_gate_shape(std::uint64_t nin, std::uint64_t nout, BristolGate type);
  Result<std::uint64_t> read_gate_inputs(std::uint64_t nin, BristolGate type);
  Status write_gate_outputs(std::uint64_t nout, BristolGate type, std::uint64_t constant);

  std::string_view text_;
  BristolFormat fmt_;
  const std::string& name_;
  std::size_t pos_ = 0;
  std::size_t line_no_ = 0;
  std::int64_t gate_ = -1;  // index of the gate being parsed, -1 in the header
  std::vector<std::string_view> tok_;
  std::vector<std::uint32_t> in_;  // input wires of the current gate line
  // Per wire: 1 once written (by an input or a gate).
  std::vector<std::uint8_t> defined_;
  std::uint64_t nwires_ = 0;
  std::uint64_t input_wires_ = 0;
  std::uint64_t output_wires_ = 0;
  Circuit c_;
};

bool Parser::next_line() {
  while (pos_ < text_.size()) {
    std::size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    const std::string_view line = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    ++line_no_;
    tok_.clear();
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && is_space(line[i])) ++i;
      const std::size_t start = i;
      while (i < line.size() && !is_space(line[i])) ++i;
      if (i > start) tok_.push_back(line.substr(start, i - start));
    }
    if (!tok_.empty()) return true;
  }
  return false;
}

Result<std::uint64_t> Parser::number(std::string_view tok, std::string_view what) const {
  std::uint64_t v = 0;
  bool ok = !tok.empty();
  for (char ch : tok) {
    if (ch < '0' || ch > '9' || v > kMaxNumber) {
      ok = false;
      break;
    }
    v = v * 10 + static_cast<std::uint64_t>(ch - '0');
  }
  if (ok && v <= kMaxNumber) return v;
  // The error path builds the message.
  const std::string w(what);
  if (tok.empty()) return error(w + " is missing");
  if (tok[0] == '-') return error(w + " is negative", tok);
  if (tok.find_first_not_of("0123456789") != std::string_view::npos)
    return error(w + " is not a non-negative integer", tok);
  return error(w + " is too large (limit " + std::to_string(kMaxNumber) + ")", tok);
}

Result<std::vector<std::uint64_t>> Parser::widths_line(const char* what) {
  SMPC_ASSIGN_OR_RETURN(const std::uint64_t count,
                        number(tok_[0], std::string("number of ") + what + " values"));
  if (count != tok_.size() - 1)
    return error("the " + std::string(what) + " line declares " + std::to_string(count) +
                     " values but lists " + std::to_string(tok_.size() - 1) + " widths",
                 tok_[0]);
  std::vector<std::uint64_t> widths;
  widths.reserve(tok_.size() - 1);
  for (std::size_t i = 1; i < tok_.size(); ++i) {
    SMPC_ASSIGN_OR_RETURN(
        const std::uint64_t w,
        number(tok_[i], std::string("width of ") + what + " value " + std::to_string(i)));
    widths.push_back(w);
  }
  return widths;
}

Status Parser::parse_gate(std::size_t index) {
  gate_ = static_cast<std::int64_t>(index);
  if (tok_.size() < 3)
    return error("a gate line is 'nin nout inputs... outputs... TYPE', found only " +
                     std::to_string(tok_.size()) + " token(s)",
                 tok_[0]);
  SMPC_ASSIGN_OR_RETURN(const std::uint64_t nin, number(tok_[0], "input count"));
  SMPC_ASSIGN_OR_RETURN(const std::uint64_t nout, number(tok_[1], "output count"));
  const std::string_view type_tok = tok_.back();
  if (nin + nout + 3 != tok_.size())
    return error("declares " + std::to_string(nin) + " input(s) and " + std::to_string(nout) +
                     " output(s), so the line needs " + std::to_string(nin + nout + 3) +
                     " tokens, found " + std::to_string(tok_.size()),
                 type_tok);
  const BristolGate type = gate_from_token(type_tok);
  SMPC_RETURN_IF_ERROR(check_gate_shape(nin, nout, type));
  SMPC_ASSIGN_OR_RETURN(const std::uint64_t constant, read_gate_inputs(nin, type));
  return write_gate_outputs(nout, type, constant);
}

Status Parser::check_gate_shape(std::uint64_t nin, std::uint64_t nout, BristolGate type) {
  const std::string_view type_tok = tok_.back();
  if (type == BristolGate::kUnknown)
    return error("unknown gate type (expected XOR, AND, INV, NOT, EQ, EQW or MAND)", type_tok);
  std::uint64_t want_in = 2, want_out = 1;
  if (type == BristolGate::kInv || type == BristolGate::kEq || type == BristolGate::kEqw)
    want_in = 1;
  if (type == BristolGate::kMand) {
    if (nout == 0 || nin != 2 * nout)
      return error("a MAND gate needs 2k inputs and k >= 1 outputs, got " + std::to_string(nin) +
                       " and " + std::to_string(nout),
                   tok_[0]);
  } else if (nin != want_in || nout != want_out) {
    return error("a " + std::string(type_tok) + " gate needs " + std::to_string(want_in) +
                     " input(s) and 1 output, got " + std::to_string(nin) + " and " +
                     std::to_string(nout),
                 nin != want_in ? tok_[0] : tok_[1]);
  }
  return OkStatus();
}

// Inputs: wires already written (the EQ "input" is the constant itself, returned).
Result<std::uint64_t> Parser::read_gate_inputs(std::uint64_t nin, BristolGate type) {
  in_.clear();
  std::uint64_t constant = 0;
  const std::size_t first_out = 2 + static_cast<std::size_t>(nin);
  if (type == BristolGate::kEq) {
    SMPC_ASSIGN_OR_RETURN(constant, number(tok_[2], "EQ constant"));
    if (constant > 1) return error("the EQ constant must be 0 or 1", tok_[2]);
    return constant;
  }
  for (std::size_t k = 2; k < first_out; ++k) {
    SMPC_ASSIGN_OR_RETURN(const std::uint64_t w, number(tok_[k], "input wire"));
    if (w >= nwires_)
      return error("input wire " + std::to_string(w) + " is out of range (the circuit has " +
                       std::to_string(nwires_) + " wires)",
                   tok_[k]);
    if (!defined_[w])
      return error("reads wire " + std::to_string(w) +
                       " before it is written (gates must be in topological order)",
                   tok_[k]);
    in_.push_back(static_cast<std::uint32_t>(w));
  }
  return constant;
}

Status Parser::write_gate_outputs(std::uint64_t nout, BristolGate type, std::uint64_t constant) {
  const std::size_t first_out = tok_.size() - 1 - static_cast<std::size_t>(nout);
  for (std::size_t k = first_out; k + 1 < tok_.size(); ++k) {
    SMPC_ASSIGN_OR_RETURN(const std::uint64_t w, number(tok_[k], "output wire"));
    if (w >= nwires_)
      return error("output wire " + std::to_string(w) + " is out of range (the circuit has " +
                       std::to_string(nwires_) + " wires)",
                   tok_[k]);
    if (w < input_wires_)
      return error("writes wire " + std::to_string(w) + ", which is a circuit input", tok_[k]);
    if (defined_[w]) return error("wire " + std::to_string(w) + " is written twice", tok_[k]);
    defined_[w] = 1;
    Gate g;
    g.out = static_cast<std::uint32_t>(w);
    switch (type) {
      case BristolGate::kXor:
        g.type = GateType::kXor;
        g.in0 = in_[0];
        g.in1 = in_[1];
        break;
      case BristolGate::kAnd:
        g.type = GateType::kAnd;
        g.in0 = in_[0];
        g.in1 = in_[1];
        break;
      case BristolGate::kInv:
        g.type = GateType::kInv;
        g.in0 = in_[0];
        break;
      case BristolGate::kEqw:
        g.type = GateType::kEqw;
        g.in0 = in_[0];
        break;
      case BristolGate::kEq:
        g.type = GateType::kEq;
        g.constant = constant;
        break;
      case BristolGate::kMand: {
        // o_i = a_i AND b_i with a = the first k inputs and b = the next k.
        const std::size_t i = k - first_out;
        g.type = GateType::kAnd;
        g.in0 = in_[i];
        g.in1 = in_[static_cast<std::size_t>(nout) + i];
        break;
      }
      case BristolGate::kUnknown:
        break;
    }
    c_.gates.push_back(g);
  }
  return OkStatus();
}

// The parse in file order: header line, input/output widths, the wire layout they imply, the
// gate lines, then the check that every wire got written.
Result<Circuit> Parser::run() {
  SMPC_ASSIGN_OR_RETURN(const std::uint64_t ngates, read_header());
  const std::size_t header_line = line_no_;
  SMPC_ASSIGN_OR_RETURN(const IoWidths widths, read_io_widths());
  SMPC_RETURN_IF_ERROR(lay_out_io(widths));
  SMPC_RETURN_IF_ERROR(read_gates(ngates));
  SMPC_RETURN_IF_ERROR(check_every_wire_written(header_line));
  return std::move(c_);
}

Result<std::uint64_t> Parser::read_header() {
  if (!next_line()) {
    line_no_ = std::max<std::size_t>(line_no_, 1);
    return error("the file is empty; expected the header line 'ngates nwires'");
  }
  if (tok_.size() != 2)
    return error("the first line must be 'ngates nwires', found " + std::to_string(tok_.size()) +
                     " token(s)",
                 tok_[0]);
  SMPC_ASSIGN_OR_RETURN(const std::uint64_t ngates, number(tok_[0], "gate count"));
  SMPC_ASSIGN_OR_RETURN(nwires_, number(tok_[1], "wire count"));
  // Bound memory by the real size of the text before allocating anything: every gate needs a
  // line of its own, and a file of S bytes cannot define more than S wires (each wire is
  // written by a gate line or read by one, costing at least two bytes).
  const std::size_t lines_left =
      1 + static_cast<std::size_t>(
              std::count(text_.begin() + static_cast<std::ptrdiff_t>(std::min(pos_, text_.size())),
                         text_.end(), '\n'));
  if (ngates > lines_left)
    return error("the header declares " + std::to_string(ngates) + " gates but only " +
                     std::to_string(lines_left) + " lines follow (truncated file?)",
                 tok_[0]);
  if (nwires_ > text_.size())
    return error("the header declares " + std::to_string(nwires_) + " wires, more than a file of " +
                     std::to_string(text_.size()) + " bytes can define",
                 tok_[1]);
  return ngates;
}

Result<Parser::IoWidths> Parser::read_io_widths() {
  IoWidths widths;
  if (!next_line())
    return error(std::string("the file ends before the ") + (fmt_ == BristolFormat::kFashion
                                                                 ? "input line 'niv w_1 .. w_niv'"
                                                                 : "line 'n1 n2 n3'"));
  if (fmt_ != BristolFormat::kFashion) {
    SMPC_RETURN_IF_ERROR(legacy_widths_line(widths));
    return widths;
  }
  SMPC_ASSIGN_OR_RETURN(widths.in, widths_line("input"));
  if (!next_line()) return error("the file ends before the output line 'nov w_1 .. w_nov'");
  SMPC_ASSIGN_OR_RETURN(widths.out, widths_line("output"));
  return widths;
}

// Legacy Bristol has exactly two inputs and one output; a zero-width second input means the
// function has a single input value.
Status Parser::legacy_widths_line(IoWidths& widths) {
  if (tok_.size() != 3)
    return error(
        "the second line of a legacy Bristol file must be 'n1 n2 n3' (input bits, "
        "input bits, output bits), found " +
            std::to_string(tok_.size()) + " token(s)",
        tok_[0]);
  std::uint64_t n[3];
  const char* what[3] = {"bits of input 1", "bits of input 2", "output bits"};
  for (int k = 0; k < 3; ++k) {
    SMPC_ASSIGN_OR_RETURN(n[k], number(tok_[static_cast<std::size_t>(k)], what[k]));
  }
  widths.in.push_back(n[0]);
  if (n[1] > 0) widths.in.push_back(n[1]);
  widths.out.push_back(n[2]);
  return OkStatus();
}

// Bristol's convention: the inputs are the first wires and the outputs the last ones, each value
// in order; value g of the inputs belongs to party g.
Status Parser::lay_out_io(const IoWidths& widths) {
  std::uint64_t sum_in = 0, sum_out = 0;
  for (std::uint64_t w : widths.in) sum_in += w;  // each <= kMaxNumber: no overflow
  for (std::uint64_t w : widths.out) sum_out += w;
  if (sum_in > nwires_)
    return error("the inputs need " + std::to_string(sum_in) + " wires but the circuit has only " +
                 std::to_string(nwires_));
  if (sum_in + sum_out > nwires_)
    return error("inputs (" + std::to_string(sum_in) + " wires) and outputs (" +
                 std::to_string(sum_out) + " wires) overlap: the circuit has only " +
                 std::to_string(nwires_) + " wires");

  c_.domain = CircuitDomain::kBoolean;
  c_.num_wires = static_cast<std::uint32_t>(nwires_);
  input_wires_ = sum_in;
  output_wires_ = sum_out;
  defined_.assign(static_cast<std::size_t>(nwires_), 0);
  std::uint32_t next = 0;
  for (std::size_t g = 0; g < widths.in.size(); ++g) {
    InputGroup grp;
    grp.name = "input" + std::to_string(g);
    grp.owner = static_cast<PartyId>(g);
    grp.wires.resize(static_cast<std::size_t>(widths.in[g]));
    std::iota(grp.wires.begin(), grp.wires.end(), next);
    next += static_cast<std::uint32_t>(widths.in[g]);
    c_.inputs.push_back(std::move(grp));
  }
  std::fill(defined_.begin(), defined_.begin() + static_cast<std::ptrdiff_t>(sum_in), 1);
  next = static_cast<std::uint32_t>(nwires_ - sum_out);
  for (std::size_t g = 0; g < widths.out.size(); ++g) {
    OutputGroup grp;
    grp.name = "output" + std::to_string(g);
    grp.wires.resize(static_cast<std::size_t>(widths.out[g]));
    std::iota(grp.wires.begin(), grp.wires.end(), next);
    next += static_cast<std::uint32_t>(widths.out[g]);
    c_.outputs.push_back(std::move(grp));
  }
  return OkStatus();
}

Status Parser::read_gates(std::uint64_t ngates) {
  // A gate line takes at least 12 bytes ("1 1 0 1 INV\n"): never reserve more than the text
  // can hold, even when the header's count passed the line-count check.
  c_.gates.reserve(std::min<std::size_t>(static_cast<std::size_t>(ngates), text_.size() / 12 + 1));
  for (std::size_t i = 0; i < ngates; ++i) {
    if (!next_line())
      return error("the file ends after " + std::to_string(i) + " of the " +
                   std::to_string(ngates) + " gates declared in the header (truncated file?)");
    SMPC_RETURN_IF_ERROR(parse_gate(i));
  }
  gate_ = -1;
  if (next_line())
    return error("unexpected content after the last of the " + std::to_string(ngates) +
                     " gates declared in the header",
                 tok_[0]);
  return OkStatus();
}

// Reported against the header line: the wire count declared there is what the gates fall short of.
Status Parser::check_every_wire_written(std::size_t header_line) {
  const auto undefined = std::find(defined_.begin(), defined_.end(), 0);
  if (undefined == defined_.end()) return OkStatus();
  line_no_ = header_line;
  const auto w = static_cast<std::size_t>(undefined - defined_.begin());
  return error("wire " + std::to_string(w) + " is never written (the header declares " +
               std::to_string(nwires_) + " wires; " +
               (w >= nwires_ - output_wires_ ? std::string("it is an output wire")
                                             : std::string("every wire must be written once")) +
               ")");
}

void append_number(std::string& out, std::uint64_t v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof(buf), v);
  out.append(buf, r.ptr);
}

}  // namespace

Result<Circuit> parse_bristol(std::string_view text, BristolFormat fmt,
                              const std::string& name_for_errors) {
  Parser p(text, fmt, name_for_errors);
  return p.run();
}

Result<Circuit> load_bristol(const std::string& path, BristolFormat fmt) {
  std::error_code ec;
  const auto st = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(st)) return Error(path + ": cannot open: no such file");
  if (!std::filesystem::is_regular_file(st)) return Error(path + ": not a regular file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(path + ": cannot open: " + std::strerror(errno));
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) return Error(path + ": cannot determine the file size");
  in.seekg(0, std::ios::beg);
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), size);
  if (in.gcount() != size) return Error(path + ": read error");
  return parse_bristol(text, fmt, path);
}

namespace {

constexpr std::uint32_t kUnset = std::numeric_limits<std::uint32_t>::max();

// Where each wire of a circuit goes in its Bristol Fashion text, which puts the inputs first and
// the outputs last.
struct FashionLayout {
  std::vector<std::uint32_t> map;  // circuit wire -> file wire
  std::vector<std::pair<std::uint32_t, std::size_t>> copies;  // (source wire, output position)
  std::size_t nwires = 0;
  std::size_t first_out = 0;
};

// Output positions: an output wire maps directly to its final position when it is written by
// a gate and is not yet taken; otherwise it needs an EQW copy.
FashionLayout lay_out_fashion(const Circuit& c) {
  FashionLayout lay;
  std::vector<std::uint8_t> is_input(c.num_wires, 0);
  for (const auto& g : c.inputs)
    for (std::uint32_t w : g.wires) is_input[w] = 1;
  lay.map.assign(c.num_wires, kUnset);
  const std::vector<std::uint32_t> outs = c.output_wires();
  std::vector<std::uint8_t> direct(outs.size(), 0);
  std::vector<std::uint8_t> taken(c.num_wires, 0);
  for (std::size_t k = 0; k < outs.size(); ++k) {
    const std::uint32_t w = outs[k];
    if (!is_input[w] && !taken[w]) {
      taken[w] = 1;
      direct[k] = 1;
    } else {
      lay.copies.emplace_back(w, k);
    }
  }
  lay.nwires = c.input_count() + c.gates.size() + lay.copies.size();
  lay.first_out = lay.nwires - c.output_count();
  std::uint32_t next = 0;
  for (const auto& g : c.inputs)
    for (std::uint32_t w : g.wires) lay.map[w] = next++;
  for (std::size_t k = 0; k < outs.size(); ++k)
    if (direct[k]) lay.map[outs[k]] = static_cast<std::uint32_t>(lay.first_out + k);
  for (const Gate& g : c.gates)
    if (lay.map[g.out] == kUnset) lay.map[g.out] = next++;
  return lay;
}

// "count w_1 .. w_count" for the input or the output groups.
template <typename Groups>
void append_widths_line(std::string& out, const Groups& groups) {
  append_number(out, groups.size());
  for (const auto& g : groups) {
    out += ' ';
    append_number(out, g.wires.size());
  }
  out += '\n';
}

Status append_fashion_gate(std::string& out, const Gate& g,
                           const std::vector<std::uint32_t>& map) {
  switch (g.type) {
    case GateType::kXor:
    case GateType::kAnd:
      out += "2 1 ";
      append_number(out, map[g.in0]);
      out += ' ';
      append_number(out, map[g.in1]);
      break;
    case GateType::kInv:
    case GateType::kEqw:
      out += "1 1 ";
      append_number(out, map[g.in0]);
      break;
    case GateType::kEq:
      out += "1 1 ";
      append_number(out, g.constant);
      break;
    default:
      return Error("gate type not representable in Bristol Fashion");
  }
  out += ' ';
  append_number(out, map[g.out]);
  out += ' ';
  out += gate_name(g.type);
  out += '\n';
  return OkStatus();
}

}  // namespace

Result<std::string> to_bristol_fashion(const Circuit& c) {
  if (c.domain != CircuitDomain::kBoolean)
    return Error(std::string("Bristol Fashion holds Boolean circuits only, this one is ") +
                 domain_name(c.domain));
  SMPC_RETURN_IF_ERROR(c.validate(std::numeric_limits<int>::max()));
  const FashionLayout lay = lay_out_fashion(c);

  std::string out;
  out.reserve((c.gates.size() + lay.copies.size()) * 20 + 64);
  append_number(out, c.gates.size() + lay.copies.size());
  out += ' ';
  append_number(out, lay.nwires);
  out += '\n';
  append_widths_line(out, c.inputs);
  append_widths_line(out, c.outputs);
  out += '\n';
  for (const Gate& g : c.gates) SMPC_RETURN_IF_ERROR(append_fashion_gate(out, g, lay.map));
  for (const auto& [src, k] : lay.copies) {
    out += "1 1 ";
    append_number(out, lay.map[src]);
    out += ' ';
    append_number(out, lay.first_out + k);
    out += " EQW\n";
  }
  return out;
}

Status save_bristol_fashion(const Circuit& c, const std::string& path) {
  SMPC_ASSIGN_OR_RETURN(const std::string text, to_bristol_fashion(c));
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) return Error(path + ": cannot write: " + std::strerror(errno));
  f.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!f) return Error(path + ": write error");
  return OkStatus();
}

Status assign_parties(Circuit& c, const std::vector<PartyId>& input_owners,
                      const std::vector<std::vector<PartyId>>& output_receivers, int parties) {
  if (!input_owners.empty()) {
    if (input_owners.size() != c.inputs.size())
      return Error(std::to_string(input_owners.size()) +
                   " input owner(s) given but the circuit has " + std::to_string(c.inputs.size()) +
                   " input group(s)");
    for (std::size_t g = 0; g < c.inputs.size(); ++g) c.inputs[g].owner = input_owners[g];
  }
  if (!output_receivers.empty()) {
    if (output_receivers.size() != c.outputs.size())
      return Error(std::to_string(output_receivers.size()) +
                   " output receiver list(s) given but the circuit has " +
                   std::to_string(c.outputs.size()) + " output group(s)");
    for (std::size_t g = 0; g < c.outputs.size(); ++g) c.outputs[g].receivers = output_receivers[g];
  }
  return c.validate(parties);
}

Result<Circuit> load_bristol_for_parties(const std::string& path, BristolFormat fmt,
                                         const std::vector<PartyId>& input_owners,
                                         const std::vector<std::vector<PartyId>>& output_receivers,
                                         int parties) {
  SMPC_ASSIGN_OR_RETURN(Circuit c, load_bristol(path, fmt));
  SMPC_RETURN_IF_ERROR(
      assign_parties(c, input_owners, output_receivers, parties).with_prefix(path + ": "));
  return c;
}

}  // namespace smpc
