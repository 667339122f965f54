#include "analyzer/unit_codec.h"

#include <cstdint>
#include <cstring>

namespace twelve::analyzer {

namespace {

// Length-prefixed fields; a format version first so old cache files are ignored.
constexpr std::uint32_t kVersion = 1;
constexpr std::uint32_t kPreambleVersion = 0x50524531; // "PRE1"

class Writer {
public:
  void u32(std::uint32_t v) { out_.append(reinterpret_cast<const char *>(&v), sizeof v); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  template <class Strings> void strs(const Strings &all) {
    u32(static_cast<std::uint32_t>(all.size()));
    for (const auto &s : all)
      str(s);
  }
  std::string take() { return std::move(out_); }

private:
  std::string out_;
};

class Reader {
public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool u32(std::uint32_t &v) {
    if (in_.size() < sizeof v)
      return false;
    std::memcpy(&v, in_.data(), sizeof v);
    in_.remove_prefix(sizeof v);
    return true;
  }
  bool str(std::string &s) {
    std::uint32_t n;
    if (!u32(n) || in_.size() < n)
      return false;
    s.assign(in_.data(), n);
    in_.remove_prefix(n);
    return true;
  }
  // A count, then that many strings, each handed to `add`.
  template <class Add> bool strs(Add add) {
    std::uint32_t n;
    if (!u32(n))
      return false;
    for (std::uint32_t i = 0; i < n; ++i) {
      std::string s;
      if (!str(s))
        return false;
      add(std::move(s));
    }
    return true;
  }
  bool done() const { return in_.empty(); }

private:
  std::string_view in_;
};

} // namespace

std::string encode(const UnitResult &unit) {
  Writer w;
  w.u32(kVersion);
  w.u32((unit.started ? 1u : 0u) | (unit.sharedPreamble ? 2u : 0u) | unit.preamblesBuilt << 2);
  w.u32(unit.errors);
  w.str(unit.firstError);
  w.strs(unit.missingIncludes);
  w.strs(unit.includedFiles);
  w.u32(static_cast<std::uint32_t>(unit.findings.size()));
  for (const auto &f : unit.findings) {
    w.str(f.rule);
    w.u32(static_cast<std::uint32_t>(number(f.factor)));
    w.u32(static_cast<std::uint32_t>(f.severity));
    w.str(f.file);
    w.u32(f.line);
    w.u32(f.column);
    w.str(f.message);
    w.str(f.sourceLine);
  }
  return w.take();
}

std::optional<UnitResult> decode(std::string_view bytes) {
  Reader r(bytes);
  UnitResult u;
  std::uint32_t version, started, n;
  if (!r.u32(version) || version != kVersion || !r.u32(started) || !r.u32(u.errors) ||
      !r.str(u.firstError))
    return std::nullopt;
  u.started = (started & 1u) != 0;
  u.sharedPreamble = (started & 2u) != 0;
  u.preamblesBuilt = started >> 2;
  if (!r.strs([&](std::string s) { u.missingIncludes.push_back(std::move(s)); }) ||
      !r.strs([&](std::string s) { u.includedFiles.insert(u.includedFiles.end(), std::move(s)); }))
    return std::nullopt;
  if (!r.u32(n))
    return std::nullopt;
  for (std::uint32_t i = 0; i < n; ++i) {
    Finding f;
    std::uint32_t factor, severity;
    if (!r.str(f.rule) || !r.u32(factor) || !r.u32(severity) || !r.str(f.file) || !r.u32(f.line) ||
        !r.u32(f.column) || !r.str(f.message) || !r.str(f.sourceLine))
      return std::nullopt;
    auto fac = factorFromNumber(static_cast<int>(factor));
    if (!fac || severity > 2)
      return std::nullopt;
    f.factor = *fac;
    f.severity = static_cast<Severity>(severity);
    u.findings.push_back(std::move(f));
  }
  if (!r.done())
    return std::nullopt;
  return u;
}

std::string encode(const PrecompiledPreamble &preamble) {
  Writer w;
  w.u32(kPreambleVersion);
  w.u32(static_cast<std::uint32_t>(preamble.decls.size()));
  for (auto id : preamble.decls)
    w.u32(id);
  w.strs(preamble.includedFiles);
  w.str(preamble.pch);
  return w.take();
}

std::optional<PrecompiledPreamble> decodePreamble(std::string_view bytes) {
  Reader r(bytes);
  PrecompiledPreamble p;
  std::uint32_t version, n;
  if (!r.u32(version) || version != kPreambleVersion || !r.u32(n))
    return std::nullopt;
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint32_t id;
    if (!r.u32(id))
      return std::nullopt;
    p.decls.push_back(id);
  }
  if (!r.strs(
          [&](std::string s) { p.includedFiles.insert(p.includedFiles.end(), std::move(s)); }) ||
      !r.str(p.pch) || !r.done())
    return std::nullopt;
  return p;
}

} // namespace twelve::analyzer
