// The shared string-value helpers, exercised through a real check: a path
// reaches freopen() through each form the helpers must see through.
#include "tests/checks/check_test.h"

#include "checks/ast_util.h"

#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/Frontend/ASTUnit.h>
#include <clang/Tooling/Tooling.h>

#include <algorithm>
#include <string>
#include <vector>

using twelve::testing::matchesMarkers;

namespace {

TEST(AstUtil, StringValuesThroughConstantsAndEncodings) {
  EXPECT_TRUE(matchesMarkers("logs/stdio-redirect", R"cpp(
#include <cstdio>
#include <string>
const char *const kPtr = "a.log";
constexpr char kArr[] = "b.log";
#define LOG_PATH "c.log"
void f() {
  freopen(kPtr, "a", stdout);            // expect: logs/stdio-redirect
  freopen(kArr, "a", stdout);            // expect: logs/stdio-redirect
  freopen(LOG_PATH, "a", stdout);        // expect: logs/stdio-redirect
  freopen("d" ".log", "a", stdout);      // expect: logs/stdio-redirect
  freopen(R"(e.log)", "a", stdout);      // expect: logs/stdio-redirect
  freopen(std::string("f.log").c_str(), "a", stdout); // expect: logs/stdio-redirect
}
)cpp"));
}

// A `static const char *` (or one in an anonymous namespace, or a function's
// static) that nothing in the unit changes is a constant; one that is
// assigned, incremented, has its address taken or a reference bound to it is
// not, nor is a variable other units can see.
TEST(AstUtil, StringValuesThroughStaticsTheUnitNeverWrites) {
  EXPECT_TRUE(matchesMarkers("logs/stdio-redirect", R"cpp(
#include <cstdio>
static const char *s_log = "a.log";
namespace { const char *anonymous = "b.log"; }
static const char *s_assigned = "c.log";
static const char *s_incremented = "d.log";
static const char *s_addressed = "e.log";
static const char *s_referenced = "f.log";
const char *visible = "g.log";
void parse(const char **);
void bindRef(const char *&);
void f(const char *arg) {
  static const char *local = "h.log";
  freopen(s_log, "a", stdout);         // expect: logs/stdio-redirect
  freopen(anonymous, "a", stdout);     // expect: logs/stdio-redirect
  freopen(local, "a", stdout);         // expect: logs/stdio-redirect
  freopen(s_assigned, "a", stdout);    // ok: assigned below
  freopen(s_incremented, "a", stdout); // ok: incremented below
  freopen(s_addressed, "a", stdout);   // ok: its address is handed out
  freopen(s_referenced, "a", stdout);  // ok: a reference is bound to it
  freopen(visible, "a", stdout);       // ok: other units may change it
  s_assigned = arg;
  ++s_incremented;
  parse(&s_addressed);
  bindRef(s_referenced);
}
)cpp"));
}

/// Every match a finder reports over `code`, as "id@line" of each bound
/// call, sorted.
class BoundCalls : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
  void run(const clang::ast_matchers::MatchFinder::MatchResult &result) override {
    for (const auto &[id, node] : result.Nodes.getMap())
      if (const auto *call = node.get<clang::CallExpr>())
        seen.push_back(
            id + "@" +
            std::to_string(result.SourceManager->getSpellingLineNumber(call->getBeginLoc())));
  }
  std::vector<std::string> seen;
};

std::vector<std::string> matchesOf(const std::string &code,
                                   void (*add)(clang::ast_matchers::MatchFinder &, BoundCalls &)) {
  auto unit = clang::tooling::buildASTFromCodeWithArgs(code, {"-std=c++17"}, "input.cc");
  EXPECT_TRUE(unit);
  BoundCalls sink;
  clang::ast_matchers::MatchFinder finder;
  add(finder, sink);
  finder.matchAST(unit->getASTContext());
  std::sort(sink.seen.begin(), sink.seen.end());
  return sink.seen;
}

const char *const kCalls = R"cpp(
void open(int);
int dup2(int, int);
namespace ns { void open(int); }
struct Functor { void operator()(int) const; };
void other(int);
void f() {
  open(1);
  ns::open(1);
  dup2(1, 2);
  dup2(3, 4);
  other(1);
  Functor functor;
  functor(1);
}
)cpp";

// Each pattern of a NamedCalls reports every call it matches, with its own
// bindings, exactly as the same matchers registered one by one: two patterns
// on one call both report, a function of another namespace with the same name
// (ns::open) and a callee without a plain name (operator()) are not taken for
// the named ones.
TEST(NamedCalls, ReportsWhatEachPatternRegisteredAloneReports) {
  using namespace clang::ast_matchers;
  auto together = matchesOf(kCalls, [](MatchFinder &finder, BoundCalls &sink) {
    twelve::checks::NamedCalls named;
    named.add({"::open"}, callExpr().bind("open"));
    named.add({"::open", "::dup2"},
              callExpr(hasArgument(0, integerLiteral(equals(1)))).bind("one"));
    named.add({"::dup2"}, callExpr(argumentCountIs(2)).bind("two"));
    named.registerWith(finder, &sink);
  });
  auto alone = matchesOf(kCalls, [](MatchFinder &finder, BoundCalls &sink) {
    using twelve::checks::nameIn;
    using twelve::checks::calls;
    finder.addMatcher(callExpr(calls(functionDecl(nameIn({"::open"})))).bind("open"), &sink);
    finder.addMatcher(callExpr(calls(functionDecl(nameIn({"::open", "::dup2"}))),
                               hasArgument(0, integerLiteral(equals(1))))
                          .bind("one"),
                      &sink);
    finder.addMatcher(
        callExpr(calls(functionDecl(nameIn({"::dup2"}))), argumentCountIs(2)).bind("two"), &sink);
  });
  std::vector<std::string> expected{"one@10", "one@8", "open@8", "two@10", "two@11"};
  EXPECT_EQ(together, expected);
  EXPECT_EQ(alone, expected);
}

TEST(NamedCalls, OnePatternAndNone) {
  using namespace clang::ast_matchers;
  auto one = matchesOf(kCalls, [](MatchFinder &finder, BoundCalls &sink) {
    twelve::checks::NamedCalls named;
    named.add({"::dup2"}, callExpr(hasArgument(0, integerLiteral(equals(3)))).bind("three"));
    named.registerWith(finder, &sink);
  });
  EXPECT_EQ(one, std::vector<std::string>{"three@11"});
  auto none = matchesOf(kCalls, [](MatchFinder &finder, BoundCalls &sink) {
    twelve::checks::NamedCalls named;
    named.registerWith(finder, &sink);
  });
  EXPECT_TRUE(none.empty());
}

} // namespace
