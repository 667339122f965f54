// Text hygiene shared by the report writers: UTF-8 repair and escaping for XML, HTML, Markdown.
#pragma once

#include "core/rule.h"

#include <string>
#include <string_view>

namespace twelve::report {

/// `text` as valid UTF-8: each byte that is not part of a well-formed sequence
/// becomes U+FFFD. Scanned source lines may hold any bytes.
std::string validUtf8(std::string_view text);

/// Escaped for XML 1.0 text and attribute values (also HTML): & < > " ' are
/// entities, invalid UTF-8 and the characters XML 1.0 forbids (C0 controls other
/// than tab, LF, CR; U+FFFE, U+FFFF) become U+FFFD. "]]>" cannot survive since '>' is escaped.
std::string xmlEscape(std::string_view text);

/// Text for a Markdown table cell: & < > as entities (so HTML in it is inert), '|'
/// as "\|", newlines and other controls as spaces.
std::string markdownCell(std::string_view text);

/// A Markdown code span holding `text` literally: fenced by one more backtick
/// than the longest run inside it, padded with a space when needed.
std::string markdownCode(std::string_view text);

/// Markdown prose: Markdown punctuation is backslash-escaped, & < > are entities.
std::string markdownText(std::string_view text);

/// "hardcoded-credential" -> "HardcodedCredential" (SARIF rule names).
std::string pascalCase(std::string_view ruleId);

/// GitHub's security-severity (CVSS-like, "0.0".."10.0") of a rule, or "" when the
/// rule is not a security rule.
std::string securitySeverity(std::string_view ruleId);

} // namespace twelve::report
