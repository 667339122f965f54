#include "tests/checks/check_test.h"

using twelve::testing::matchesMarkers;

namespace {

const char *kRule = "processes/in-memory-session-state";

TEST(InMemorySessionStateCheck, GlobalSessionMapModifiedByAHandler) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <map>
#include <string>
#include <unordered_map>
struct Session { std::string user; };
static std::unordered_map<std::string, Session> g_sessions; // expect: processes/in-memory-session-state
void login(const std::string &id) { g_sessions[id] = Session{}; }
)cpp"));
}

TEST(InMemorySessionStateCheck, KeyedByElementType) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <map>
#include <vector>
struct Cart { int items; };
std::map<int, Cart> store; // expect: processes/in-memory-session-state
void add(int id) { store.emplace(id, Cart{1}); }
)cpp"));
}

TEST(InMemorySessionStateCheck, StaticMemberAndFunctionLocalStatic) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <set>
#include <string>
#include <vector>
struct Auth {
  static std::set<std::string> tokens; // expect: processes/in-memory-session-state
  void revoke(const std::string &t) { tokens.erase(t); }
};
void remember(const std::string &u) {
  static std::vector<std::string> loggedInUsers; // expect: processes/in-memory-session-state
  loggedInUsers.push_back(u);
}
)cpp"));
}

TEST(InMemorySessionStateCheck, ConstTablesAndReadOnlyContainersAreFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <map>
#include <string>
const std::map<std::string, int> kUserRoles = {{"admin", 1}}; // ok: const
std::map<std::string, int> sessionLimits = {{"free", 1}};     // ok: only read
int limit(const std::string &plan) { return sessionLimits.count(plan) ? sessionLimits.at(plan) : 0; }
)cpp"));
}

TEST(InMemorySessionStateCheck, CachesLocalsAndOtherNamesAreFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <map>
#include <string>
#include <vector>
struct User {};
std::map<int, User> userCache;   // ok: a cache is recomputable
std::map<std::string, int> routes; // ok: not per-user state
struct Connection { std::map<std::string, User> users; void add() { users[""] = User{}; } }; // ok: a connection's member
void handle() {
  std::map<std::string, User> sessions; // ok: a local
  sessions["x"] = User{};
  userCache[1] = User{};
  routes["/"] = 1;
}
)cpp"));
}

TEST(InMemorySessionStateCheck, MembersOfAClassThatServesTheWholeProcess) {
  // One SessionManager or Server serves every request: its session map is
  // the process's. A connection's, a request handler's (Poco makes one per
  // request) or a manager's cache is not.
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>
struct Session { std::string user; };
struct Token {};
class SessionManager {
public:
  void create(const std::string &id) { sessions_.emplace(id, std::make_shared<Session>()); }
  void drop(const std::string &id) { sessions_.erase(id); }
private:
  std::unordered_map<std::string, std::shared_ptr<Session>> sessions_; // expect: processes/in-memory-session-state
};
struct HttpServer {
  std::map<std::string, std::string> user_tokens; // expect: processes/in-memory-session-state
  std::map<std::string, Session> session_cache;   // ok: a cache
  std::map<std::string, int> routes;              // ok: not per-user state
  std::vector<const Token *> errorPath;           // ok: the name says what it is (cppcheck)
  const std::map<std::string, Session> fixtures;  // ok: const
  void login(const std::string &u) {
    user_tokens[u] = "t";
    session_cache[u] = {};
    routes[u] = 1;
    errorPath.push_back(nullptr);
  }
  std::map<std::string, Session> readonly_sessions;               // ok: only read
  size_t count() const { return readonly_sessions.size(); }
};
struct RequestHandler {
  std::map<std::string, Session> sessions; // ok: one handler per request
  void handle() { sessions["x"] = {}; }
};
)cpp"));
}

// What a name holds is its last word (after map, by_id, data...) or whose it
// is, the word before: lighttpd's session_ticket_keys are TLS keys, not
// sessions, and a list of user agents is not users.
TEST(InMemorySessionStateCheck, TheNamesHeadSaysWhatItHolds) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <map>
#include <string>
#include <vector>
struct Profile {};
struct TicketKey { unsigned char name[16]; };
static std::map<int, std::string> sessions_by_id;        // expect: processes/in-memory-session-state
static std::map<std::string, Profile> user_profiles;      // expect: processes/in-memory-session-state
static std::map<std::string, std::string> g_session_data; // expect: processes/in-memory-session-state
static std::vector<TicketKey> session_ticket_keys;        // ok: TLS keys, not sessions
static std::vector<std::string> user_agents;              // ok: a header's values
static std::map<std::string, int> auth_header_names;      // ok: names of headers
void handle(int id) {
  sessions_by_id[id] = "x";
  user_profiles["u"] = Profile{};
  g_session_data["k"] = "v";
  session_ticket_keys.push_back(TicketKey{});
  user_agents.push_back("curl");
  auth_header_names["Authorization"] = 1;
}
)cpp"));
}

// C keeps sessions in static tables of structs.
TEST(InMemorySessionStateCheck, CTablesOfSessionRecords) {
  twelve::testing::CodeOptions c;
  c.fileName = "input.c";
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <string.h>
#include <time.h>
struct session { char id[33]; char user[64]; time_t expires; };
struct user_cart { int items[16]; };
struct peer { int fd; };
static struct session sessions[1024];  // expect: processes/in-memory-session-state
static struct user_cart *carts[256];   // expect: processes/in-memory-session-state
static struct peer peers[64];          // ok: not a user's
static char user_names[64][32];        // ok: not records
static const struct session defaults[1] = {{"", "", 0}};
static struct session session_cache[8]; // ok: a cache
typedef struct tlsext_ticket_key_st { unsigned char key[16]; } tlsext_ticket_key_t;
static tlsext_ticket_key_t session_ticket_keys[4]; // ok: TLS keys (lighttpd)
struct user_session_entry_t { int id; };
static struct user_session_entry_t *entries[8]; // expect: processes/in-memory-session-state
static int n;
void add_session(const char *id) { strcpy(sessions[n].id, id); n++; }
void add_to_cart(int u, struct user_cart *c) { carts[u] = c; }
void add_peer(int fd) { peers[n].fd = fd; }
void name(const char *s) { strcpy(user_names[n], s); }
void cache(const char *id) { session_cache[0].expires++; }
void rotate(void) { session_ticket_keys[0].key[0] = 1; }
void track(struct user_session_entry_t *e) { entries[n] = e; }
)c", c));
}

} // namespace
