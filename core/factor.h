// The twelve factors of https://12factor.net, with stable numbers, slugs and titles.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace twelve {

/// One of the twelve factors; the value is the factor's number (I = 1 ... XII = 12).
enum class Factor : int {
  Codebase = 1,
  Dependencies,
  Config,
  BackingServices,
  BuildReleaseRun,
  Processes,
  PortBinding,
  Concurrency,
  Disposability,
  DevProdParity,
  Logs,
  AdminProcesses,
};

/// Static facts about a factor: number, roman numeral, slug used in rule ids, title.
struct FactorInfo {
  Factor factor;
  int number;
  std::string_view roman;
  std::string_view slug;
  std::string_view title;
  std::string_view summary;
};

const std::array<FactorInfo, 12> &allFactors();
const FactorInfo &info(Factor f);
inline int number(Factor f) { return static_cast<int>(f); }
std::string_view slug(Factor f);
std::string_view title(Factor f);
std::optional<Factor> factorFromSlug(std::string_view slug);
std::optional<Factor> factorFromNumber(int n);

} // namespace twelve
