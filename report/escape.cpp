#include "report/escape.h"

#include <algorithm>

namespace twelve::report {

namespace {

const char kReplacement[] = "\xEF\xBF\xBD"; // U+FFFD

// Length of the well-formed UTF-8 sequence at `i`, or 0 when it is not one.
size_t sequenceLength(std::string_view s, size_t i, unsigned &codepoint) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned c = b(i);
  if (c < 0x80) {
    codepoint = c;
    return 1;
  }
  size_t n;
  unsigned min;
  if ((c & 0xE0) == 0xC0)
    n = 2, codepoint = c & 0x1F, min = 0x80;
  else if ((c & 0xF0) == 0xE0)
    n = 3, codepoint = c & 0x0F, min = 0x800;
  else if ((c & 0xF8) == 0xF0)
    n = 4, codepoint = c & 0x07, min = 0x10000;
  else
    return 0;
  if (i + n > s.size())
    return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80)
      return 0;
    codepoint = (codepoint << 6) | (b(i + k) & 0x3F);
  }
  if (codepoint < min || codepoint > 0x10FFFF || (codepoint >= 0xD800 && codepoint <= 0xDFFF))
    return 0;
  return n;
}

template <typename OnChar> std::string transform(std::string_view s, OnChar onChar) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned cp = 0;
    size_t n = sequenceLength(s, i, cp);
    if (n == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    onChar(out, s.substr(i, n), cp);
    i += n;
  }
  return out;
}

} // namespace

std::string validUtf8(std::string_view text) {
  return transform(text, [](std::string &out, std::string_view bytes, unsigned) { out += bytes; });
}

std::string xmlEscape(std::string_view text) {
  return transform(text, [](std::string &out, std::string_view bytes, unsigned cp) {
    switch (cp) {
    case '&':
      out += "&amp;";
      return;
    case '<':
      out += "&lt;";
      return;
    case '>':
      out += "&gt;";
      return;
    case '"':
      out += "&quot;";
      return;
    case '\'':
      out += "&#39;";
      return;
    }
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF ||
        cp == 0x7F)
      out += kReplacement;
    else
      out += bytes;
  });
}

std::string markdownCell(std::string_view text) {
  std::string out;
  for (char c : validUtf8(text)) {
    if (c == '|')
      out += "\\|";
    else if (c == '&' || c == '<' || c == '>')
      out += xmlEscape(std::string_view(&c, 1));
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string markdownCode(std::string_view text) {
  // Code spans show their content literally, so only the fence and the table pipe
  // need care; HTML inside a code span is not interpreted by CommonMark.
  std::string body = validUtf8(text);
  for (auto &c : body)
    if (c == '\n' || c == '\r' || (static_cast<unsigned char>(c) < 0x20 && c != '\t'))
      c = ' ';
  size_t longest = 0, run = 0;
  for (char c : body) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  if (body.empty())
    return "` `";
  std::string fence(longest + 1, '`');
  bool pad = body.front() == '`' || body.back() == '`' || body.front() == ' ';
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

std::string markdownText(std::string_view text) {
  std::string out;
  for (char c : validUtf8(text)) {
    switch (c) {
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '|':
    case '#':
      out += '\\';
      out += c;
      break;
    case '&':
    case '<':
    case '>':
      out += xmlEscape(std::string_view(&c, 1));
      break;
    default:
      out += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c;
    }
  }
  return out;
}

std::string pascalCase(std::string_view ruleId) {
  auto slash = ruleId.rfind('/');
  if (slash != std::string_view::npos)
    ruleId.remove_prefix(slash + 1);
  std::string out;
  bool upper = true;
  for (char c : ruleId) {
    if (c == '-' || c == '_' || c == ' ') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

std::string securitySeverity(std::string_view ruleId) {
  // A leaked credential is directly exploitable (high); a connection URL exposes
  // infrastructure and often embeds credentials (medium).
  if (ruleId == "config/hardcoded-credential")
    return "8.0";
  if (ruleId == "config/hardcoded-url")
    return "5.5";
  return "";
}

} // namespace twelve::report
