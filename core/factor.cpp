#include "core/factor.h"

namespace twelve {

const std::array<FactorInfo, 12> &allFactors() {
  static const std::array<FactorInfo, 12> factors{{
      {Factor::Codebase, 1, "I", "codebase", "Codebase",
       "One codebase tracked in revision control, many deploys"},
      {Factor::Dependencies, 2, "II", "dependencies", "Dependencies",
       "Explicitly declare and isolate dependencies"},
      {Factor::Config, 3, "III", "config", "Config",
       "Store config in the environment"},
      {Factor::BackingServices, 4, "IV", "backing-services", "Backing services",
       "Treat backing services as attached resources"},
      {Factor::BuildReleaseRun, 5, "V", "build-release-run",
       "Build, release, run", "Strictly separate build and run stages"},
      {Factor::Processes, 6, "VI", "processes", "Processes",
       "Execute the app as one or more stateless processes"},
      {Factor::PortBinding, 7, "VII", "port-binding", "Port binding",
       "Export services via port binding"},
      {Factor::Concurrency, 8, "VIII", "concurrency", "Concurrency",
       "Scale out via the process model"},
      {Factor::Disposability, 9, "IX", "disposability", "Disposability",
       "Maximize robustness with fast startup and graceful shutdown"},
      {Factor::DevProdParity, 10, "X", "dev-prod-parity", "Dev/prod parity",
       "Keep development, staging, and production as similar as possible"},
      {Factor::Logs, 11, "XI", "logs", "Logs", "Treat logs as event streams"},
      {Factor::AdminProcesses, 12, "XII", "admin-processes", "Admin processes",
       "Run admin/management tasks as one-off processes"},
  }};
  return factors;
}

const FactorInfo &info(Factor f) { return allFactors()[number(f) - 1]; }
std::string_view slug(Factor f) { return info(f).slug; }
std::string_view title(Factor f) { return info(f).title; }

std::optional<Factor> factorFromSlug(std::string_view s) {
  for (const auto &fi : allFactors())
    if (fi.slug == s)
      return fi.factor;
  return std::nullopt;
}

std::optional<Factor> factorFromNumber(int n) {
  if (n < 1 || n > 12)
    return std::nullopt;
  return static_cast<Factor>(n);
}

} // namespace twelve
