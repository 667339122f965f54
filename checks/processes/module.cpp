// The checks of the processes factor, in alphabetical order.
#include "checks/processes/EmbeddedDatabaseCheck.h"
#include "checks/processes/InMemorySessionStateCheck.h"
#include "checks/processes/LocalFileStateCheck.h"
#include "checks/registry.h"

namespace twelve::checks {

void addProcessesChecks(std::vector<CheckFactory> &out) {
  out.push_back({"processes/embedded-database", make<EmbeddedDatabaseCheck>});
  out.push_back({"processes/in-memory-session-state", make<InMemorySessionStateCheck>});
  out.push_back({"processes/local-file-state", make<LocalFileStateCheck>});
}

} // namespace twelve::checks
