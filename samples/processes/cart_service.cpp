// A shopping-cart service that keeps its state in the process and on local disk.
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <sqlite3.h>

struct Cart {
  std::vector<std::string> items;
};

struct Session {
  std::string user;
  long expires = 0;
};

static std::unordered_map<std::string, Session> g_sessions; // expect: processes/in-memory-session-state
std::map<int, Cart> carts; // expect: processes/in-memory-session-state
std::map<std::string, int> priceCache;                      // ok: processes/in-memory-session-state (a cache)
const std::map<std::string, int> kUserRoles = {{"admin", 1}}; // ok: processes/in-memory-session-state (const)

static sqlite3 *db;

void open_store() {
  sqlite3_open("carts.sqlite", &db); // expect: processes/embedded-database
  sqlite3 *scratch;
  sqlite3_open(":memory:", &scratch); // ok: processes/embedded-database
}

void on_login(const std::string &sid, const std::string &user) {
  g_sessions[sid] = Session{user, 0};
}

void on_add_item(int cartId, const std::string &item) {
  carts[cartId].items.push_back(item);
  std::ofstream journal("data/cart-events.jsonl", std::ios::app); // expect: processes/local-file-state
  journal << "{\"cart\":" << cartId << "}\n";
}

void snapshot() {
  FILE *f = std::fopen("carts.snapshot.tmp", "w"); // expect: processes/local-file-state
  if (!f)
    return;
  std::fprintf(f, "%zu\n", carts.size());
  std::fclose(f);
  std::rename("carts.snapshot.tmp", "carts.snapshot"); // expect: processes/local-file-state
}

int price(const std::string &sku) {
  auto it = priceCache.find(sku);
  if (it != priceCache.end())
    return it->second;
  return priceCache[sku] = 100;
}

int main() {
  open_store();
  on_login("s1", "ada");
  on_add_item(1, "book");
  snapshot();
  return price("book") > 0 ? 0 : 1;
}
