#include "analyzer/name_fallback.h"

#include <clang/Lex/Lexer.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace twelve::analyzer {

namespace {

bool nameMatches(const std::string &written, const std::string &wanted) {
  if (written == wanted)
    return true;
  // "spdlog::basic_logger_mt" wanted, "basic_logger_mt" written after a using-directive
  // is not enough to be sure; but "::spdlog::basic_logger_mt" is the same name.
  if (written.size() == wanted.size() + 2 && written.rfind("::", 0) == 0 &&
      written.compare(2, std::string::npos, wanted) == 0)
    return true;
  return false;
}

// The index of the `>` closing the template argument list that opens at
// tokens[open] (a `<`), counting nested `<>` and brackets; a `>>` closes two.
std::optional<size_t> skipTemplateArguments(const std::vector<clang::Token> &tokens, size_t open) {
  int angles = 0, brackets = 0;
  for (size_t k = open; k < tokens.size(); ++k) {
    const auto &t = tokens[k];
    if (t.isOneOf(clang::tok::l_paren, clang::tok::l_square, clang::tok::l_brace))
      ++brackets;
    else if (t.isOneOf(clang::tok::r_paren, clang::tok::r_square, clang::tok::r_brace)) {
      if (--brackets < 0)
        return std::nullopt;
    } else if (brackets == 0 && t.is(clang::tok::less))
      ++angles;
    else if (brackets == 0 && t.is(clang::tok::greater)) {
      if (--angles == 0)
        return k;
    } else if (brackets == 0 && t.is(clang::tok::greatergreater)) {
      angles -= 2;
      if (angles <= 0)
        return angles == 0 ? std::optional<size_t>(k) : std::nullopt;
    } else if (!t.isOneOf(clang::tok::raw_identifier, clang::tok::coloncolon, clang::tok::comma,
                          clang::tok::star, clang::tok::amp, clang::tok::numeric_constant))
      return std::nullopt; // `a < b || c > (d)` is not a template argument list
  }
  return std::nullopt;
}

// tokens[from, to) as one qualified name (`a::b::c`, optionally `::a`, and
// optionally followed by its own template arguments, which are dropped), or
// empty.
template <class Spelling>
std::string singleName(const std::vector<clang::Token> &tokens, size_t from, size_t to,
                       Spelling spelling) {
  std::string name;
  size_t k = from;
  if (k < to && tokens[k].is(clang::tok::coloncolon))
    ++k;
  while (k < to && tokens[k].is(clang::tok::raw_identifier)) {
    name += (name.empty() ? "" : "::") + spelling(tokens[k]);
    ++k;
    if (k < to && tokens[k].is(clang::tok::coloncolon))
      ++k;
    else
      break;
  }
  if (k < to && !tokens[k].is(clang::tok::less))
    return {};
  return name;
}

// The raw tokens of file `fid` outside the `skipped` offset ranges (inactive
// preprocessor branches), comments left out, and the file's text in `buffer`;
// no tokens when the file cannot be read.
std::vector<clang::Token> rawTokens(const clang::SourceManager &sm, clang::FileID fid,
                                    const clang::LangOptions &lang,
                                    const std::vector<std::pair<unsigned, unsigned>> &skipped,
                                    llvm::StringRef &buffer) {
  std::vector<clang::Token> tokens;
  bool invalid = false;
  buffer = sm.getBufferData(fid, &invalid);
  if (invalid)
    return tokens;
  clang::Lexer lexer(sm.getLocForStartOfFile(fid), lang, buffer.begin(), buffer.begin(),
                     buffer.end());
  clang::Token tok;
  bool more = true;
  while (more) {
    more = !lexer.LexFromRawLexer(tok);
    if (tok.is(clang::tok::eof))
      break;
    if (tok.is(clang::tok::comment))
      continue;
    auto at = sm.getFileOffset(tok.getLocation());
    if (std::none_of(skipped.begin(), skipped.end(),
                     [&](const auto &r) { return at >= r.first && at < r.second; }))
      tokens.push_back(tok);
  }
  return tokens;
}

} // namespace

std::string unquote(std::string_view s) {
  // Strip an encoding prefix.
  size_t quote = s.find_first_of("\"'");
  if (quote == std::string_view::npos)
    return std::string(s);
  bool raw = quote > 0 && s[quote - 1] == 'R';
  s.remove_prefix(quote + 1);
  if (!s.empty() && s.back() == '"')
    s.remove_suffix(1);
  if (raw) {
    auto open = s.find('(');
    auto close = s.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
      return std::string(s);
    return std::string(s.substr(open + 1, close - open - 1));
  }
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '\\' || i + 1 == s.size()) {
      out += c;
      continue;
    }
    char n = s[++i];
    switch (n) {
    case 'n':
      out += '\n';
      break;
    case 't':
      out += '\t';
      break;
    case 'r':
      out += '\r';
      break;
    case '0':
      out += '\0';
      break;
    default:
      out += n;
    }
  }
  return out;
}

std::vector<checks::NamedCall> findNamedCalls(const clang::SourceManager &sm, clang::FileID fid,
                                              const clang::LangOptions &lang,
                                              const std::vector<std::string> &names) {
  std::vector<checks::NamedCall> calls;
  if (names.empty())
    return calls;
  llvm::StringRef buffer;
  auto tokens = rawTokens(sm, fid, lang, {}, buffer);
  auto spelling = [&](const clang::Token &t) {
    if (t.is(clang::tok::raw_identifier))
      return t.getRawIdentifier().str();
    return std::string(buffer.data() + sm.getFileOffset(t.getLocation()), t.getLength());
  };

  // `using namespace Poco;` and `using Poco::FileChannel;`: the file may
  // then write the names unqualified (`new FileChannel("a.log")`).
  std::vector<std::string> usedNamespaces;
  std::set<std::string> usedNames;
  for (size_t i = 0; i + 2 < tokens.size(); ++i) {
    if (!tokens[i].is(clang::tok::raw_identifier) || spelling(tokens[i]) != "using")
      continue;
    size_t k = i + 1;
    bool directive = spelling(tokens[k]) == "namespace";
    if (directive)
      ++k;
    std::string name;
    for (;
         k < tokens.size() && tokens[k].isOneOf(clang::tok::raw_identifier, clang::tok::coloncolon);
         ++k)
      name += spelling(tokens[k]);
    if (k >= tokens.size() || !tokens[k].is(clang::tok::semi) || name.empty())
      continue;
    if (name.rfind("::", 0) == 0)
      name = name.substr(2);
    if (directive)
      usedNamespaces.push_back(name);
    else
      usedNames.insert(name);
  }

  // The file's numeric constants: `#define PORT 8080`, `const int kPort =
  // 8080;`, `static constexpr unsigned short kPort{8080};`.
  std::map<std::string, const clang::Token *> constants;
  for (size_t i = 0; i + 2 < tokens.size(); ++i) {
    const auto &t = tokens[i];
    if (t.is(clang::tok::hash) && t.isAtStartOfLine() && i + 3 < tokens.size() &&
        spelling(tokens[i + 1]) == "define" && tokens[i + 2].is(clang::tok::raw_identifier) &&
        tokens[i + 3].is(clang::tok::numeric_constant) && !tokens[i + 3].isAtStartOfLine() &&
        (i + 4 >= tokens.size() || tokens[i + 4].isAtStartOfLine())) {
      constants[spelling(tokens[i + 2])] = &tokens[i + 3];
      continue;
    }
    if (!t.is(clang::tok::raw_identifier) ||
        !tokens[i + 1].isOneOf(clang::tok::equal, clang::tok::l_brace, clang::tok::l_paren) ||
        !tokens[i + 2].is(clang::tok::numeric_constant) || i + 3 >= tokens.size() ||
        !tokens[i + 3].isOneOf(clang::tok::semi, clang::tok::r_brace, clang::tok::r_paren))
      continue;
    // Back to the start of the declaration: const or constexpr; not a pointer,
    // nor a parameter's default (`void run(const int port = 8080)`).
    bool isConst = false;
    for (size_t b = i; b-- > 0;) {
      const auto &d = tokens[b];
      if (d.isOneOf(clang::tok::star, clang::tok::comma, clang::tok::l_paren)) {
        isConst = false;
        break;
      }
      if (d.isOneOf(clang::tok::semi, clang::tok::l_brace, clang::tok::r_brace) ||
          (d.is(clang::tok::hash) && d.isAtStartOfLine()))
        break;
      if (d.is(clang::tok::raw_identifier) &&
          (spelling(d) == "const" || spelling(d) == "constexpr"))
        isConst = true;
      if (d.isAtStartOfLine())
        break;
    }
    if (isConst)
      constants[spelling(t)] = &tokens[i + 2];
  }

  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].is(clang::tok::raw_identifier))
      continue;
    // A qualified name: ident (:: ident)*, optionally starting with ::.
    size_t begin = i;
    std::string written = spelling(tokens[i]);
    if (begin > 0 && tokens[begin - 1].is(clang::tok::coloncolon) &&
        (begin < 2 || !tokens[begin - 2].is(clang::tok::raw_identifier)))
      written = "::" + written;
    size_t j = i + 1;
    while (j + 1 < tokens.size() && tokens[j].is(clang::tok::coloncolon) &&
           tokens[j + 1].is(clang::tok::raw_identifier)) {
      written += "::" + spelling(tokens[j + 1]);
      j += 2;
    }
    size_t nameEnd = j;
    // Template arguments: `spdlog::basic_logger_mt<spdlog::async_factory>(...)`
    // is a call to the name; `std::make_shared<Poco::FileChannel>(...)`
    // constructs its one template argument, so it counts as a call to that.
    if (j < tokens.size() && tokens[j].is(clang::tok::less)) {
      if (auto close = skipTemplateArguments(tokens, j)) {
        auto inner = singleName(tokens, j + 1, *close, spelling);
        auto last =
            written.substr(written.rfind(':') == std::string::npos ? 0 : written.rfind(':') + 1);
        if (!inner.empty() &&
            (last == "make_shared" || last == "make_unique" || last == "allocate_shared")) {
          written = inner;
          begin = j + 1;
        }
        j = *close + 1;
      }
    }
    // A construction is a call too: `httplib::Client cli("db", 80)`,
    // `tcp::endpoint ep{tcp::v4(), 80}`, `Poco::FileChannel{"a.log"}`.
    if (j + 1 < tokens.size() && tokens[j].is(clang::tok::raw_identifier) &&
        tokens[j + 1].isOneOf(clang::tok::l_paren, clang::tok::l_brace))
      ++j;
    if (j >= tokens.size() || !tokens[j].isOneOf(clang::tok::l_paren, clang::tok::l_brace) ||
        (tokens[j].is(clang::tok::l_brace) && written.find("::") == std::string::npos)) {
      i = nameEnd - 1;
      continue;
    }
    const std::string *match = nullptr;
    for (const auto &n : names)
      if (nameMatches(written, n) ||
          std::any_of(usedNamespaces.begin(), usedNamespaces.end(),
                      [&](const std::string &ns) { return nameMatches(ns + "::" + written, n); }) ||
          (usedNames.count(n) && n.size() > written.size() + 2 &&
           n.compare(n.size() - written.size() - 2, std::string::npos, "::" + written) == 0))
        match = &n;
    if (!match) {
      i = nameEnd - 1;
      continue;
    }
    checks::NamedCall call;
    call.qualifiedName = *match;
    call.location = tokens[begin].getLocation();
    int depth = 0;
    checks::NamedCall::Argument arg;
    bool onlyStrings = true;
    std::string literal;
    size_t k = j + 1;
    auto finish = [&] {
      if (arg.text.empty())
        return;
      if (onlyStrings && !literal.empty())
        arg.literal = literal;
      if (auto c = constants.find(arg.text); c != constants.end()) {
        arg.constant = spelling(*c->second);
        arg.constantLocation = c->second->getLocation();
      }
      call.arguments.push_back(arg);
      arg = {};
      literal.clear();
      onlyStrings = true;
    };
    for (; k < tokens.size(); ++k) {
      const auto &t = tokens[k];
      if (t.isOneOf(clang::tok::l_paren, clang::tok::l_brace, clang::tok::l_square))
        ++depth;
      if (t.isOneOf(clang::tok::r_paren, clang::tok::r_brace, clang::tok::r_square)) {
        if (depth == 0)
          break;
        --depth;
      }
      if (depth == 0 && t.is(clang::tok::comma)) {
        finish();
        continue;
      }
      if (arg.text.empty())
        arg.location = t.getLocation();
      else
        arg.text += ' ';
      auto sp = spelling(t);
      arg.text += sp;
      if (clang::tok::isStringLiteral(t.getKind()) && depth == 0)
        literal += unquote(sp);
      else
        onlyStrings = false;
    }
    finish();
    calls.push_back(std::move(call));
    i = j;
  }
  return calls;
}

std::vector<checks::LexedLiteral>
findUnparsedLiterals(const clang::SourceManager &sm, clang::FileID fid,
                     const clang::LangOptions &lang, const std::set<unsigned> &parsed,
                     const std::vector<std::pair<unsigned, unsigned>> &skipped) {
  std::vector<checks::LexedLiteral> out;
  llvm::StringRef buffer;
  auto tokens = rawTokens(sm, fid, lang, skipped, buffer);
  auto offset = [&](const clang::Token &t) { return sm.getFileOffset(t.getLocation()); };
  auto spelling = [&](const clang::Token &t) {
    if (t.is(clang::tok::raw_identifier))
      return t.getRawIdentifier().str();
    return std::string(buffer.data() + offset(t), t.getLength());
  };

  // Tokens outside directives, and the literal each `#define NAME "..."` defines.
  std::vector<clang::Token> code;
  std::map<std::string, checks::LexedLiteral> defined;
  std::vector<clang::Token> directive;
  auto endDirective = [&] {
    // # define NAME "a" "b"
    if (directive.size() >= 4 && spelling(directive[1]) == "define" &&
        directive[2].is(clang::tok::raw_identifier) &&
        std::all_of(
            directive.begin() + 3, directive.end(),
            [](const clang::Token &t) { return clang::tok::isStringLiteral(t.getKind()); }) &&
        !parsed.count(offset(directive[3]))) {
      checks::LexedLiteral lit;
      lit.name = spelling(directive[2]);
      lit.location = directive[3].getLocation();
      for (size_t k = 3; k < directive.size(); ++k)
        lit.value += unquote(spelling(directive[k]));
      defined.emplace(lit.name, lit);
    }
    directive.clear();
  };
  for (const auto &tok : tokens) {
    if (!directive.empty() && tok.isAtStartOfLine())
      endDirective();
    if (tok.is(clang::tok::hash) && tok.isAtStartOfLine()) {
      directive.push_back(tok);
      continue;
    }
    if (!directive.empty()) {
      directive.push_back(tok);
      continue;
    }
    code.push_back(tok);
  }
  endDirective();

  // The name a token sequence before position i spells: `a.b::c` gives "c".
  auto nameBefore = [&](size_t i) -> std::string {
    if (i == 0 || !code[i - 1].is(clang::tok::raw_identifier))
      return {};
    return spelling(code[i - 1]);
  };
  std::vector<std::string> calls; // the callee of each open parenthesis
  std::set<std::string> used;     // macros of `defined` used in code
  for (size_t i = 0; i < code.size(); ++i) {
    const auto &t = code[i];
    if (t.is(clang::tok::l_paren)) {
      calls.push_back(nameBefore(i));
      continue;
    }
    if (t.is(clang::tok::r_paren)) {
      if (!calls.empty())
        calls.pop_back();
      continue;
    }
    if (t.is(clang::tok::raw_identifier)) {
      auto it = defined.find(spelling(t));
      if (it != defined.end() && used.insert(it->first).second) {
        auto lit = it->second;
        lit.callee = calls.empty() ? "" : calls.back();
        lit.streamed = i > 0 && code[i - 1].is(clang::tok::lessless);
        out.push_back(std::move(lit));
      }
      continue;
    }
    if (!clang::tok::isStringLiteral(t.getKind()))
      continue;
    size_t first = i;
    checks::LexedLiteral lit;
    bool inAst = false;
    for (; i < code.size() && clang::tok::isStringLiteral(code[i].getKind()); ++i) {
      inAst |= parsed.count(offset(code[i])) > 0;
      lit.value += unquote(spelling(code[i]));
    }
    --i;
    size_t last = i;
    if (inAst)
      continue;
    lit.location = code[first].getLocation();
    lit.callee = calls.empty() ? "" : calls.back();
    if (first > 0) {
      const auto &before = code[first - 1];
      lit.streamed = before.is(clang::tok::lessless);
      // A key and its value: ("sasl.password", "x") or {"password", "x"},
      // not one of a row of values (c, "user", "pw", "db").
      if (before.is(clang::tok::comma) && first >= 3 &&
          clang::tok::isStringLiteral(code[first - 2].getKind()) &&
          code[first - 3].isOneOf(clang::tok::l_paren, clang::tok::l_brace) &&
          (last + 1 >= code.size() ||
           code[last + 1].isOneOf(clang::tok::r_paren, clang::tok::r_brace) ||
           (code[last + 1].is(clang::tok::comma) && last + 2 < code.size() &&
            !clang::tok::isStringLiteral(code[last + 2].getKind()))))
        lit.key = unquote(spelling(code[first - 2]));
      // `password = "x"` and `.password = "x"`, not `a == "x"`.
      if (before.is(clang::tok::equal))
        lit.name = nameBefore(first - 1);
      // `QString password("x")`, `std::string password{"x"}`: a declaration,
      // the name after a type; a call `f("x")` follows `;`, `{`, `.` or `->`.
      static const std::set<std::string> statements = {
          "return", "throw",    "else",   "case",    "new", "delete", "co_return", "co_yield", "do",
          "sizeof", "decltype", "typeid", "alignof", "not", "and",    "or",        "goto"};
      if (before.isOneOf(clang::tok::l_paren, clang::tok::l_brace) && first >= 3 &&
          code[first - 2].is(clang::tok::raw_identifier) &&
          (code[first - 3].isOneOf(clang::tok::greater, clang::tok::star, clang::tok::amp) ||
           (code[first - 3].is(clang::tok::raw_identifier) &&
            !statements.count(spelling(code[first - 3])))))
        lit.name = nameBefore(first - 1);
    }
    out.push_back(std::move(lit));
  }
  return out;
}

} // namespace twelve::analyzer
