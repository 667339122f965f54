#include "checks/processes/InMemorySessionStateCheck.h"

#include "checks/ast_util.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <cctype>
#include <vector>

using namespace clang::ast_matchers;

namespace twelve::checks {

namespace {

std::vector<std::string> words(const std::string &s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty())
      out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (!std::isalpha(c)) {
      flush();
      continue;
    }
    if (std::isupper(c) && !cur.empty() &&
        (std::islower(static_cast<unsigned char>(cur.back())) ||
         (i + 1 < s.size() && std::islower(static_cast<unsigned char>(s[i + 1])))))
      flush();
    cur += static_cast<char>(std::tolower(c));
  }
  flush();
  return out;
}

bool isSessionWord(const std::string &w) {
  static const char *const kWords[] = {
      "session",   "sessions",  "sess",       "user",    "users", "cart",   "carts",
      "basket",    "baskets",   "token",      "tokens",  "login", "logins", "auth",
      "visitor",   "visitors",  "cookie",     "cookies", "sid",   "sids",   "customer",
      "customers", "principal", "principals", "jwt",     "jwts",  "refresh"};
  for (const char *k : kWords)
    if (w == k)
      return true;
  return false;
}

bool isCacheWord(const std::string &w) {
  return w == "cache" || w == "cached" || w == "caches" || w == "lru" || w == "memo";
}

// The names a container's element types spell: record names of its template
// arguments, recursively ("std::map<std::string, Session>" -> "Session").
void collectTypeNames(clang::QualType type, std::vector<std::string> &out, int depth = 0) {
  if (depth > 4 || type.isNull())
    return;
  type = type.getNonReferenceType();
  if (const auto *ptr = type->getPointeeType().getTypePtrOrNull())
    return collectTypeNames(clang::QualType(ptr, 0), out, depth + 1);
  const auto *record = type->getAsCXXRecordDecl();
  if (!record)
    return;
  out.push_back(record->getName().str());
  if (const auto *spec = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(record))
    for (const auto &arg : spec->getTemplateArgs().asArray())
      if (arg.getKind() == clang::TemplateArgument::Type)
        collectTypeNames(arg.getAsType(), out, depth + 1);
}

auto containerType() {
  return hasType(hasUnqualifiedDesugaredType(
      recordType(hasDeclaration(cxxRecordDecl(nameIn({"::std::map",
                                                      "::std::multimap",
                                                      "::std::unordered_map",
                                                      "::std::unordered_multimap",
                                                      "::std::set",
                                                      "::std::multiset",
                                                      "::std::unordered_set",
                                                      "::std::unordered_multiset",
                                                      "::std::vector",
                                                      "::std::list",
                                                      "::std::deque",
                                                      "::std::forward_list",
                                                      "::absl::flat_hash_map",
                                                      "::absl::node_hash_map",
                                                      "::absl::flat_hash_set",
                                                      "::absl::node_hash_set",
                                                      "::absl::btree_map",
                                                      "::absl::btree_set",
                                                      "::boost::unordered_map",
                                                      "::boost::unordered_set",
                                                      "::boost::unordered::unordered_map",
                                                      "::boost::unordered::unordered_set",
                                                      "::boost::container::flat_map",
                                                      "::boost::container::map",
                                                      "::tsl::robin_map",
                                                      "::tsl::hopscotch_map",
                                                      "::folly::F14FastMap",
                                                      "::folly::ConcurrentHashMap"}))))));
}

// Words that say how things are held, indexed or typed, not what they are:
// sessions_by_id, session_table, user_data, g_carts_map, session_entry_t.
bool isHolderWord(const std::string &w) {
  static const char *const kWords[] = {
      "map", "maps", "table", "tables", "tbl", "list", "lists", "set", "sets", "vec", "vector",
      "array", "arr", "dict", "hash", "index", "registry", "store", "db", "pool", "data", "info",
      "infos", "state", "states", "entries", "entry", "items", "item", "records", "record",
      "objects", "by", "of", "per", "id", "ids", "all", "queue", "container",
      // C's type suffixes: struct session_st, session_t, session_entry_s
      "t", "s", "st", "type", "ptr", "p"};
  for (const char *k : kWords)
    if (w == k)
      return true;
  return false;
}

} // namespace

bool namesSessionState(const std::string &identifier) {
  // What a name holds is its head, the last word once the words for holding
  // and indexing are dropped, or the word just before it that says whose it
  // is: sessions, active_users, sessions_by_id, user_profiles, SessionInfo.
  // A session word further back describes something else, not a user's
  // state: session_ticket_keys (TLS keys), user_agent_patterns.
  auto ws = words(identifier);
  while (!ws.empty() && isHolderWord(ws.back()))
    ws.pop_back();
  if (ws.empty())
    return false;
  if (isSessionWord(ws.back()))
    return true;
  // user_agents: the HTTP header's name, not agents of users.
  bool compound = ws.back() == "agent" || ws.back() == "agents";
  return ws.size() >= 2 && isSessionWord(ws[ws.size() - 2]) && !compound;
}

bool namesLongLivedClass(const std::string &name) {
  static const char *const kWords[] = {
      "server",     "service", "manager",     "store",   "registry", "repository", "repo",
      "controller", "app",     "application", "tracker", "gateway",  "router"};
  auto ws = words(name);
  if (ws.empty())
    return false;
  for (const char *k : kWords)
    if (ws.back() == k)
      return true;
  return false;
}

void InMemorySessionStateCheck::registerMatchers(MatchFinder &finder) {
  // Static storage: namespace scope, static data members, function-local
  // statics. Locals and members of ordinary objects live as long as a request
  // or an object someone owns; const tables are never modified.
  auto stateVar = varDecl(hasGlobalStorage(), unless(hasType(isConstQualified())),
                          unless(isExpansionInSystemHeader()), containerType())
                      .bind("var");
  auto ref = ignoringParenImpCasts(declRefExpr(to(stateVar)));
  auto mutating = cxxMethodDecl(
      nameIn({"insert",        "emplace",  "emplace_hint", "try_emplace", "insert_or_assign",
              "erase",         "clear",    "push_back",    "push_front",  "emplace_back",
              "emplace_front", "pop_back", "pop_front",    "swap",        "merge",
              "extract",       "resize",   "assign",       "operator[]",  "operator="}));
  finder.addMatcher(cxxMemberCallExpr(on(ref), calls(mutating),
                                      forCallable(functionDecl().bind("fn")),
                                      unless(isExpansionInSystemHeader()))
                        .bind("use"),
                    this);
  finder.addMatcher(cxxOperatorCallExpr(hasAnyOverloadedOperatorName("[]", "="),
                                        hasArgument(0, ref), forCallable(functionDecl().bind("fn")),
                                        unless(isExpansionInSystemHeader()))
                        .bind("use"),
                    this);
  // The same containers as members of a class that serves the whole process
  // (SessionManager::sessions_), modified by a member function. Members of
  // other objects (a connection, a request) live as long as their owner.
  auto stateField =
      fieldDecl(unless(hasType(isConstQualified())), unless(isExpansionInSystemHeader()),
                containerType(), hasParent(cxxRecordDecl().bind("owner")))
          .bind("field");
  auto memberRef = ignoringParenImpCasts(memberExpr(member(stateField)));
  finder.addMatcher(cxxMemberCallExpr(on(memberRef), calls(mutating),
                                      forCallable(functionDecl().bind("fn")),
                                      unless(isExpansionInSystemHeader()))
                        .bind("use"),
                    this);
  finder.addMatcher(cxxOperatorCallExpr(
                        hasAnyOverloadedOperatorName("[]", "="), hasArgument(0, memberRef),
                        forCallable(functionDecl().bind("fn")), unless(isExpansionInSystemHeader()))
                        .bind("use"),
                    this);

  // C's session tables: a static array of structs (`static struct session
  // sessions[MAX_SESSIONS]`) whose elements a function writes: assigns a
  // member, increments one, or copies into one (strcpy(sessions[n].id, id)).
  auto table = varDecl(hasGlobalStorage(), unless(hasType(isConstQualified())),
                       unless(isExpansionInSystemHeader()), hasType(arrayType()))
                   .bind("var");
  auto element = arraySubscriptExpr(hasBase(ignoringParenImpCasts(declRefExpr(to(table)))));
  auto written = expr(anyOf(element, hasDescendant(element)));
  auto fn = forCallable(functionDecl().bind("fn"));
  auto user = unless(isExpansionInSystemHeader());
  finder.addMatcher(binaryOperator(isAssignmentOperator(), hasLHS(written), fn, user).bind("use"),
                    this);
  finder.addMatcher(
      unaryOperator(hasAnyOperatorName("++", "--"), hasUnaryOperand(written), fn, user).bind("use"),
      this);
  NamedCalls named;
  named.add({"::strcpy", "::strncpy", "::strcat", "::strncat", "::strlcpy", "::memcpy", "::memmove",
             "::memset", "::snprintf", "::sprintf"},
            callExpr(hasArgument(0, written), fn, user).bind("use"));
  named.registerWith(finder, this);
}

void InMemorySessionStateCheck::check(const MatchFinder::MatchResult &result) {
  const auto *fn = result.Nodes.getNodeAs<clang::FunctionDecl>("fn");
  if (const auto *field = result.Nodes.getNodeAs<clang::FieldDecl>("field")) {
    const auto *owner = result.Nodes.getNodeAs<clang::CXXRecordDecl>("owner");
    if (!fn || !owner || reported_.count(field) || !namesLongLivedClass(owner->getNameAsString()))
      return;
    for (const auto &w : words(field->getName().str()))
      if (isCacheWord(w))
        return;
    // The member's own name: element types alone say too little in a class
    // (cppcheck's LifetimeStore::errorPath holds lexer Tokens).
    if (!namesSessionState(field->getName().str()))
      return;
    reported_.insert(field);
    report(field->getLocation(), *result.SourceManager,
           "'" + field->getName().str() + "' of " + owner->getNameAsString() +
               " keeps per-user state in process memory and is modified in '" +
               fn->getNameAsString() +
               "()': it is lost on restart and not shared between instances; keep it in a "
               "backing service (Redis, a database)");
    return;
  }
  const auto *var = result.Nodes.getNodeAs<clang::VarDecl>("var");
  if (!var || !fn)
    return;
  var = var->getCanonicalDecl();
  if (reported_.count(var))
    return;
  // A cache holds what can be recomputed or refetched; losing it on restart
  // costs a miss, not a user's session.
  for (const auto &w : words(var->getName().str()))
    if (isCacheWord(w))
      return;
  bool session = namesSessionState(var->getName().str());
  if (const auto *array = var->getType()->getAsArrayTypeUnsafe()) {
    // A table of records: `struct session sessions[N]`, `session_t *users[N]`.
    auto elementType = array->getElementType();
    while (const auto *inner = elementType->getAsArrayTypeUnsafe())
      elementType = inner->getElementType();
    if (elementType->isPointerType())
      elementType = elementType->getPointeeType();
    const auto *record = elementType->getAsRecordDecl();
    if (!record)
      return; // char names[N][32], counters: not records of a user
    session = session || namesSessionState(record->getName().str());
  } else {
    std::vector<std::string> typeNames;
    collectTypeNames(var->getType(), typeNames);
    for (size_t i = 1; i < typeNames.size() && !session; ++i) // [0] is the container itself
      session = namesSessionState(typeNames[i]);
  }
  if (!session)
    return;
  reported_.insert(var);
  report(var->getLocation(), *result.SourceManager,
         "'" + var->getName().str() +
             "' keeps per-user state in process memory and is modified in '" +
             fn->getNameAsString() +
             "()': it is lost on restart and not shared between instances; keep it in a "
             "backing service (Redis, a database)");
}

} // namespace twelve::checks
