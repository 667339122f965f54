#include "analyzer/name_fallback.h"

#include <clang/Basic/SourceManager.h>
#include <gtest/gtest.h>

#include <memory>
#include <set>

namespace {

using twelve::analyzer::findNamedCalls;

struct Found {
  std::string name;
  unsigned line;
  std::vector<std::string> literals;
};

clang::LangOptions cxx17() {
  clang::LangOptions lang;
  lang.CPlusPlus = lang.CPlusPlus11 = lang.CPlusPlus14 = lang.CPlusPlus17 = true;
  return lang;
}

std::vector<Found> find(const std::string &code, const std::vector<std::string> &names) {
  clang::SourceManagerForFile env("input.cpp", code);
  auto &sm = env.get();
  std::vector<Found> out;
  for (const auto &call : findNamedCalls(sm, sm.getMainFileID(), cxx17(), names)) {
    Found f{call.qualifiedName, sm.getSpellingLineNumber(call.location), {}};
    for (const auto &arg : call.arguments)
      f.literals.push_back(arg.literal.value_or("<" + arg.text + ">"));
    out.push_back(f);
  }
  return out;
}

TEST(NameFallback, PlainQualifiedCall) {
  auto calls =
      find("void f() { spdlog::basic_logger_mt(\"a\", \"a.log\"); }", {"spdlog::basic_logger_mt"});
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].literals, (std::vector<std::string>{"a", "a.log"}));
}

TEST(NameFallback, TemplateArgumentsAfterTheNameAreSkipped) {
  auto calls = find("void f() {\n"
                    "  auto l = spdlog::basic_logger_mt<spdlog::async_factory>(\"a\", \"a.log\");\n"
                    "  auto m = spdlog::basic_logger_mt<std::vector<std::map<int, int>>>(\"b\");\n"
                    "}",
                    {"spdlog::basic_logger_mt"});
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].line, 2u);
  EXPECT_EQ(calls[0].literals, (std::vector<std::string>{"a", "a.log"}));
  EXPECT_EQ(calls[1].literals, (std::vector<std::string>{"b"}));
}

TEST(NameFallback, MakeSharedOfANamedClassIsACallToIt) {
  auto calls = find("void f() {\n"
                    "  auto a = std::make_shared<spdlog::sinks::basic_file_sink_mt>(\"a.log\");\n"
                    "  auto b = std::make_unique<::Poco::FileChannel>(\"b.log\");\n"
                    "  auto c = std::make_shared<spdlog::sinks::stdout_sink_mt>();\n"
                    "  auto d = boost::make_shared<Poco::FileChannel<int>>(\"d.log\");\n"
                    "}",
                    {"spdlog::sinks::basic_file_sink_mt", "Poco::FileChannel"});
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[0].name, "spdlog::sinks::basic_file_sink_mt");
  EXPECT_EQ(calls[0].line, 2u);
  EXPECT_EQ(calls[0].literals, (std::vector<std::string>{"a.log"}));
  EXPECT_EQ(calls[1].name, "Poco::FileChannel");
  EXPECT_EQ(calls[1].line, 3u);
  EXPECT_EQ(calls[2].line, 5u);
}

TEST(NameFallback, AConstructionIsACall) {
  auto calls = find("void f() {\n"
                    "  httplib::Client cli(\"db.internal\", 80);\n"
                    "  tcp::endpoint ep{tcp::v4(), 8080};\n"
                    "}\n"
                    "httplib::Client make(const char *host);\n",
                    {"httplib::Client", "tcp::endpoint"});
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[0].literals, (std::vector<std::string>{"db.internal", "<80>"}));
  EXPECT_EQ(calls[1].name, "tcp::endpoint");
  EXPECT_EQ(calls[1].literals, (std::vector<std::string>{"<tcp :: v4 ( )>", "<8080>"}));
  // A function returning the type: its parameters are no literals.
  EXPECT_EQ(calls[2].literals, (std::vector<std::string>{"<const char * host>"}));
}

TEST(NameFallback, NamesMadeVisibleByUsing) {
  auto calls = find("using namespace spdlog;\n"
                    "using Poco::FileChannel;\n"
                    "void f() {\n"
                    "  basic_logger_mt(\"a\", \"a.log\");\n"
                    "  new FileChannel(\"b.log\");\n"
                    "  new SimpleFileChannel(\"c.log\");\n"
                    "}\n",
                    {"spdlog::basic_logger_mt", "Poco::FileChannel", "Poco::SimpleFileChannel"});
  ASSERT_EQ(calls.size(), 2u) << "SimpleFileChannel was not made visible";
  EXPECT_EQ(calls[0].name, "spdlog::basic_logger_mt");
  EXPECT_EQ(calls[1].name, "Poco::FileChannel");
}

TEST(NameFallback, NumericConstantsOfTheFile) {
  clang::SourceManagerForFile env("input.cpp", "#define PORT 8080\n"
                                               "#define NAME \"x\"\n"
                                               "const int kPort = 9090;\n"
                                               "int plain = 7000;\n"
                                               "const char *p = 0;\n"
                                               "void f(const int dflt = 8000) {\n"
                                               "  listen(PORT, kPort, plain, NAME, dflt);\n"
                                               "}\n");
  auto &sm = env.get();
  auto calls = twelve::analyzer::findNamedCalls(sm, sm.getMainFileID(), cxx17(), {"listen"});
  ASSERT_EQ(calls.size(), 1u);
  const auto &args = calls[0].arguments;
  ASSERT_EQ(args.size(), 5u);
  EXPECT_EQ(args[0].constant.value_or(""), "8080");
  EXPECT_EQ(sm.getSpellingLineNumber(args[0].constantLocation), 1u);
  EXPECT_EQ(args[1].constant.value_or(""), "9090");
  EXPECT_FALSE(args[2].constant) << "not const";
  EXPECT_FALSE(args[3].constant) << "not a number";
  EXPECT_FALSE(args[4].constant) << "a parameter's default";
}

TEST(NameFallback, ComparisonsAreNotTemplateArguments) {
  auto calls = find("void f(int a, int b) { if (a < b && b > 0) spdlog::basic_logger_mt(\"x\"); }",
                    {"spdlog::basic_logger_mt"});
  ASSERT_EQ(calls.size(), 1u);
  auto none = find("void f(int x) { bool b = x < 3 || x > (4); }", {"x"});
  EXPECT_TRUE(none.empty());
}

TEST(NameFallback, OtherNamesAndUnqualifiedNamesDoNotMatch) {
  auto calls = find("void f() { mylib::basic_logger_mt(\"a\"); basic_logger_mt(\"b\"); }",
                    {"spdlog::basic_logger_mt"});
  EXPECT_TRUE(calls.empty());
}

} // namespace

namespace {

using twelve::analyzer::findUnparsedLiterals;

std::vector<twelve::checks::LexedLiteral>
literals(const std::string &code, const std::set<unsigned> &parsed = {},
         const std::vector<std::pair<unsigned, unsigned>> &skipped = {}) {
  static std::vector<std::unique_ptr<clang::SourceManagerForFile>> keep; // locations stay valid
  keep.push_back(std::make_unique<clang::SourceManagerForFile>("input.cpp", code));
  auto &sm = keep.back()->get();
  return findUnparsedLiterals(sm, sm.getMainFileID(), cxx17(), parsed, skipped);
}

TEST(LexedLiterals, NamesCalleesAndMessages) {
  auto found = literals("void f() {\n"
                        "  QString password(\"a\" \"b\");\n"
                        "  cfg.token = \"c\";\n"
                        "  db.setPassword(\"d\");\n"
                        "  return make(\"e\");\n"
                        "  std::cerr << \"f\";\n"
                        "  if (x == \"g\") {}\n"
                        "}\n");
  ASSERT_EQ(found.size(), 6u);
  EXPECT_EQ(found[0].value, "ab"); // adjacent literals join
  EXPECT_EQ(found[0].name, "password");
  EXPECT_EQ(found[1].name, "token");
  EXPECT_EQ(found[2].name, "");
  EXPECT_EQ(found[2].callee, "setPassword");
  EXPECT_EQ(found[3].name, "") << "return make(...) is a call, not a declaration";
  EXPECT_EQ(found[3].callee, "make");
  EXPECT_TRUE(found[4].streamed);
  EXPECT_EQ(found[5].name, "") << "a comparison names nothing";
}

TEST(LexedLiterals, WhatTheAstHoldsInactiveCodeAndUnusedMacrosAreLeftOut) {
  std::string code = "#define USED \"u\"\n"
                     "#define UNUSED \"n\"\n"
                     "#if 0\n"
                     "const char *old = \"o\";\n"
                     "#endif\n"
                     "auto a = \"p\";\n"
                     "auto b = connect(USED);\n";
  unsigned parsed = static_cast<unsigned>(code.find("\"p\""));
  unsigned ifBegin = static_cast<unsigned>(code.find("#if 0"));
  unsigned ifEnd = static_cast<unsigned>(code.find("#endif"));
  auto found = literals(code, {parsed}, {{ifBegin, ifEnd}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "u");
  EXPECT_EQ(found[0].name, "USED");
  EXPECT_EQ(found[0].callee, "connect");
}

} // namespace
