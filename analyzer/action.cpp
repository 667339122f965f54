#include "analyzer/action.h"

#include "analyzer/name_fallback.h"
#include "checks/registry.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/Decl.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Frontend/MultiplexConsumer.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Serialization/ASTWriter.h>
#include <clang/Serialization/PCHContainerOperations.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <set>

namespace twelve::analyzer {

namespace {

class CollectingSink : public FindingSink {
public:
  explicit CollectingSink(std::vector<Finding> &out) : out_(out) {}
  void report(Finding f) override { out_.push_back(std::move(f)); }

private:
  std::vector<Finding> &out_;
};

/// Records what a unit includes and which includes were not found. A missing
/// include is not fatal (SetSuppressIncludeNotFoundError): the rest of the file
/// is still parsed, with reduced precision.
class IncludeRecorder : public clang::PPCallbacks {
public:
  explicit IncludeRecorder(UnitResult &out) : out_(out) {}
  void InclusionDirective(clang::SourceLocation, const clang::Token &, llvm::StringRef fileName,
                          bool angled, clang::CharSourceRange, const clang::FileEntry *file,
                          llvm::StringRef, llvm::StringRef, const clang::Module *,
                          clang::SrcMgr::CharacteristicKind) override {
    if (!file) {
      out_.missingIncludes.push_back(angled ? "<" + fileName.str() + ">"
                                            : "\"" + fileName.str() + "\"");
      return;
    }
    out_.includedFiles.insert(canonicalPath(*file));
  }

  /// The file's path with symbolic links resolved. Clang's own "real path" of
  /// a file it only looked up (as a precompiled preamble's headers are, when a
  /// unit includes them again) drops ".." lexically: the GCC headers'
  /// "/../lib/gcc/x86_64-linux-gnu/12/../../../../include/c++/12" becomes
  /// "/include/c++/12", which is not there (/lib is a link to /usr/lib).
  static std::string canonicalPath(const clang::FileEntry &file) {
    auto name = file.getName();
    if (name.contains("/../") || name.contains("/./")) {
      static std::map<std::string, std::string> resolved; // per worker: a few hundred paths
      auto it = resolved.find(name.str());
      if (it == resolved.end()) {
        llvm::SmallString<256> real;
        it = resolved
                 .emplace(name.str(),
                          llvm::sys::fs::real_path(name, real) ? std::string() : real.str().str())
                 .first;
      }
      if (!it->second.empty())
        return it->second;
    }
    auto real = file.tryGetRealPathName();
    return real.empty() ? name.str() : real.str();
  }

private:
  UnitResult &out_;
};

/// Skips the bodies of functions in system headers: they cannot hold findings
/// and are most of the parsing cost of STL-heavy code. For the same reason the
/// matchers are run over the project's top-level declarations only, not over
/// the thousands that system headers declare (every check excludes those).
class SkipSystemBodiesConsumer : public clang::MultiplexConsumer {
public:
  SkipSystemBodiesConsumer(std::unique_ptr<clang::ASTConsumer> inner, clang::SourceManager &sm,
                           bool matching = true,
                           const std::vector<std::uint32_t> *preambleDecls = nullptr)
      : clang::MultiplexConsumer(makeList(std::move(inner))), sm_(sm), matching_(matching),
        preambleDecls_(preambleDecls) {}
  bool shouldSkipFunctionBody(clang::Decl *d) override {
    return sm_.isInSystemHeader(d->getLocation());
  }
  void HandleTranslationUnit(clang::ASTContext &context) override {
    if (matching_ && skipSystemFunctionBodies()) {
      std::vector<clang::Decl *> scope;
      auto *unit = context.getTranslationUnitDecl();
      auto *external = context.getExternalSource();
      if (preambleDecls_ && external) {
        // With a shared preamble, the project's declarations in it are loaded
        // by the IDs they were written under; loading all (decls()) would
        // read every system header's declarations back, a third of the time.
        for (auto id : *preambleDecls_)
          if (auto *d = external->GetExternalDecl(id))
            scope.push_back(d);
        for (auto *d : unit->noload_decls())
          if (!d->isFromASTFile() &&
              (d->getLocation().isInvalid() || !sm_.isInSystemHeader(d->getLocation())))
            scope.push_back(d);
      } else {
        for (auto *d : unit->decls())
          if (d->getLocation().isInvalid() || !sm_.isInSystemHeader(d->getLocation()))
            scope.push_back(d); // implicit declarations (no location) are kept
      }
      context.setTraversalScope(scope);
    }
    clang::MultiplexConsumer::HandleTranslationUnit(context);
  }

private:
  static std::vector<std::unique_ptr<clang::ASTConsumer>>
  makeList(std::unique_ptr<clang::ASTConsumer> inner) {
    std::vector<std::unique_ptr<clang::ASTConsumer>> list;
    list.push_back(std::move(inner));
    return list;
  }
  clang::SourceManager &sm_;
  bool matching_;
  const std::vector<std::uint32_t> *preambleDecls_;
};

/// Records the inactive preprocessor branches of the main file (file offsets),
/// so that literals lexed there are not taken for code.
class SkippedRanges : public clang::PPCallbacks {
public:
  SkippedRanges(const clang::SourceManager &sm, std::vector<std::pair<unsigned, unsigned>> &out)
      : sm_(sm), out_(out) {}
  void SourceRangeSkipped(clang::SourceRange range, clang::SourceLocation) override {
    auto begin = sm_.getDecomposedLoc(range.getBegin());
    auto end = sm_.getDecomposedLoc(range.getEnd());
    if (begin.first == sm_.getMainFileID() && end.first == begin.first)
      out_.emplace_back(begin.second, end.second + 1);
  }

private:
  const clang::SourceManager &sm_;
  std::vector<std::pair<unsigned, unsigned>> &out_;
};

/// The file offsets of the main file's literal tokens the AST holds.
class ParsedLiterals : public clang::RecursiveASTVisitor<ParsedLiterals> {
public:
  ParsedLiterals(const clang::SourceManager &sm, std::set<unsigned> &out) : sm_(sm), out_(out) {}
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool TraverseDecl(clang::Decl *d) {
    // System headers hold no literal of the main file.
    if (d && !llvm::isa<clang::TranslationUnitDecl>(d) && d->getLocation().isValid() &&
        sm_.isInSystemHeader(d->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(d);
  }
  bool VisitStringLiteral(clang::StringLiteral *literal) {
    for (unsigned i = 0; i < literal->getNumConcatenated(); ++i) {
      auto loc = sm_.getDecomposedLoc(sm_.getSpellingLoc(literal->getStrTokenLoc(i)));
      if (loc.first == sm_.getMainFileID())
        out_.insert(loc.second);
    }
    return true;
  }

private:
  const clang::SourceManager &sm_;
  std::set<unsigned> &out_;
};

/// What every parse of a unit (or of its shared preamble) sets up: missing
/// includes recorded instead of fatal, every error counted, system bodies skipped.
void startParse(clang::CompilerInstance &ci, UnitResult &out) {
  out.started = true;
  auto &pp = ci.getPreprocessor();
  pp.SetSuppressIncludeNotFoundError(true);
  pp.addPPCallbacks(std::make_unique<IncludeRecorder>(out));
  ci.getDiagnostics().setErrorLimit(0);
  if (skipSystemFunctionBodies())
    ci.getFrontendOpts().SkipFunctionBodies = true;
}

class ScanAction : public clang::ASTFrontendAction {
public:
  ScanAction(const CheckSet &set, UnitResult &out, const std::vector<std::uint32_t> *preambleDecls)
      : set_(set), out_(out), sink_(out.findings), preambleDecls_(preambleDecls) {}

  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &ci,
                                                        llvm::StringRef) override {
    startParse(ci, out_);
    ci.getPreprocessor().addPPCallbacks(
        std::make_unique<SkippedRanges>(ci.getSourceManager(), skipped_));

    for (const auto &rule : set_.rules) {
      const auto &all = checks::allChecks();
      auto it = std::find_if(all.begin(), all.end(),
                             [&](const checks::CheckFactory &f) { return f.ruleId == rule.id; });
      if (it == all.end())
        continue; // a runtime rule: nothing to match statically
      checks_.push_back(it->create(checks::CheckContext{rule, sink_, set_.options}));
      checks_.back()->registerMatchers(finder_);
    }
    return std::make_unique<SkipSystemBodiesConsumer>(finder_.newASTConsumer(),
                                                      ci.getSourceManager(), true, preambleDecls_);
  }

  void EndSourceFileAction() override {
    if (out_.missingIncludes.empty() && out_.errors == 0)
      return;
    // Headers were missing, or the unit did not compile (a configuration
    // header that was never generated leaves `#ifdef HAVE_UNISTD_H` false):
    // library calls may be unresolved or dropped from the AST. Recognize the
    // libraries' calls by name in the main file, and judge the literals of
    // the declarations Clang dropped.
    const char *why = out_.missingIncludes.empty() ? "the file did not compile cleanly"
                                                   : "a header was not found";
    auto &ci = getCompilerInstance();
    auto &sm = ci.getSourceManager();
    std::optional<std::vector<checks::LexedLiteral>> literals; // lexed once, if a check asks
    for (auto &check : checks_) {
      auto names = check->fallbackNames();
      bool lexes = check->checksLexedLiterals();
      if (names.empty() && !lexes)
        continue;
      if (lexes && !literals) {
        std::set<unsigned> parsed;
        if (ci.hasASTContext())
          ParsedLiterals(sm, parsed).TraverseDecl(ci.getASTContext().getTranslationUnitDecl());
        literals = findUnparsedLiterals(sm, sm.getMainFileID(), ci.getLangOpts(), parsed, skipped_);
      }
      // The checks report into the unit's sink; keep only what the AST (or,
      // for literals, a call found by name) did not already find on the line.
      auto keepNew = [&](size_t before, const char *how) {
        std::vector<Finding> added(out_.findings.begin() + before, out_.findings.end());
        out_.findings.resize(before);
        for (auto &f : added) {
          bool seen = std::any_of(out_.findings.begin(), out_.findings.begin() + before,
                                  [&](const Finding &g) {
                                    return g.rule == f.rule && g.file == f.file && g.line == f.line;
                                  });
          if (!seen) {
            f.message += std::string(" (") + how + ": " + why + ")";
            out_.findings.push_back(std::move(f));
          }
        }
      };
      if (!names.empty()) {
        auto before = out_.findings.size();
        for (const auto &call : findNamedCalls(sm, sm.getMainFileID(), ci.getLangOpts(), names))
          check->checkByName(call, sm);
        keepNew(before, "recognized by name");
      }
      if (lexes) {
        auto before = out_.findings.size();
        for (const auto &literal : *literals)
          check->checkLexedLiteral(literal, sm);
        keepNew(before, "read from the source text");
      }
    }
  }

private:
  const CheckSet &set_;
  UnitResult &out_;
  CollectingSink sink_;
  clang::ast_matchers::MatchFinder finder_;
  std::vector<std::unique_ptr<checks::Check>> checks_;
  const std::vector<std::uint32_t> *preambleDecls_;
  std::vector<std::pair<unsigned, unsigned>> skipped_; // inactive branches of the main file
};

class ScanActionFactory : public clang::tooling::FrontendActionFactory {
public:
  ScanActionFactory(const CheckSet &set, UnitResult &out,
                    const std::vector<std::uint32_t> *preambleDecls)
      : set_(set), out_(out), preambleDecls_(preambleDecls) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<ScanAction>(set_, out_, preambleDecls_);
  }

private:
  const CheckSet &set_;
  UnitResult &out_;
  const std::vector<std::uint32_t> *preambleDecls_;
};

/// Writes the precompiled header and keeps the IDs of the top-level
/// declarations outside system headers, in order: what a unit matches.
class PreambleGenerator : public clang::PCHGenerator {
public:
  PreambleGenerator(clang::CompilerInstance &ci, const std::string &sysroot,
                    std::shared_ptr<clang::PCHBuffer> buffer, std::vector<std::uint32_t> &decls)
      : clang::PCHGenerator(ci.getPreprocessor(), ci.getModuleCache(), "", sysroot,
                            std::move(buffer), ci.getFrontendOpts().ModuleFileExtensions,
                            /*AllowASTWithErrors=*/false, /*IncludeTimestamps=*/false),
        sm_(ci.getSourceManager()), decls_(decls) {}
  void HandleTranslationUnit(clang::ASTContext &context) override {
    clang::PCHGenerator::HandleTranslationUnit(context);
    if (!hasEmittedPCH())
      return;
    for (auto *d : context.getTranslationUnitDecl()->decls())
      if (d->getLocation().isInvalid() || !sm_.isInSystemHeader(d->getLocation()))
        decls_.push_back(getWriter().getDeclID(d));
  }

private:
  clang::SourceManager &sm_;
  std::vector<std::uint32_t> &decls_;
};

/// Precompiles a shared preamble into memory (see preamble.h), with system
/// function bodies skipped as for a unit; no checks run on it.
class PreambleAction : public clang::GeneratePCHAction {
public:
  PreambleAction(UnitResult &out, std::string &pch, std::vector<std::uint32_t> &decls)
      : out_(out), pch_(pch), decls_(decls) {}

  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &ci,
                                                        llvm::StringRef) override {
    startParse(ci, out_);
    std::string sysroot;
    if (!ComputeASTConsumerArguments(ci, sysroot))
      return nullptr;
    buffer_ = std::make_shared<clang::PCHBuffer>();
    auto generator = std::make_unique<PreambleGenerator>(ci, sysroot, buffer_, decls_);
    return std::make_unique<SkipSystemBodiesConsumer>(std::move(generator), ci.getSourceManager(),
                                                      /*matching=*/false);
  }

  void EndSourceFileAction() override {
    if (buffer_ && buffer_->IsComplete && out_.errors == 0 && out_.missingIncludes.empty())
      pch_.assign(buffer_->Data.begin(), buffer_->Data.end());
  }

private:
  UnitResult &out_;
  std::string &pch_;
  std::vector<std::uint32_t> &decls_;
  std::shared_ptr<clang::PCHBuffer> buffer_;
};

class PreambleActionFactory : public clang::tooling::FrontendActionFactory {
public:
  PreambleActionFactory(UnitResult &out, std::string &pch, std::vector<std::uint32_t> &decls)
      : out_(out), pch_(pch), decls_(decls) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<PreambleAction>(out_, pch_, decls_);
  }

private:
  UnitResult &out_;
  std::string &pch_;
  std::vector<std::uint32_t> &decls_;
};

class IncludeScanAction : public clang::PreprocessOnlyAction {
public:
  explicit IncludeScanAction(UnitResult &out) : out_(out) {}
  bool BeginSourceFileAction(clang::CompilerInstance &ci) override {
    out_.started = true;
    auto &pp = ci.getPreprocessor();
    pp.SetSuppressIncludeNotFoundError(true);
    pp.addPPCallbacks(std::make_unique<IncludeRecorder>(out_));
    return true;
  }

private:
  UnitResult &out_;
};

class IncludeScanActionFactory : public clang::tooling::FrontendActionFactory {
public:
  explicit IncludeScanActionFactory(UnitResult &out) : out_(out) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<IncludeScanAction>(out_);
  }

private:
  UnitResult &out_;
};

class DiagnosticCollector : public clang::DiagnosticConsumer {
public:
  explicit DiagnosticCollector(UnitResult &out) : out_(out) {}
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level,
                        const clang::Diagnostic &info) override {
    clang::DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error)
      return;
    ++out_.errors;
    if (!out_.firstError.empty())
      return;
    llvm::SmallString<256> text;
    info.FormatDiagnostic(text);
    std::string where;
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      auto ploc = info.getSourceManager().getPresumedLoc(info.getLocation());
      if (ploc.isValid())
        where = std::string(ploc.getFilename()) + ":" + std::to_string(ploc.getLine()) + ": ";
    }
    out_.firstError = where + text.str().str();
  }

private:
  UnitResult &out_;
};

} // namespace

std::unique_ptr<clang::tooling::FrontendActionFactory>
makeScanActionFactory(const CheckSet &set, UnitResult &out,
                      const std::vector<std::uint32_t> *preambleDecls) {
  return std::make_unique<ScanActionFactory>(set, out, preambleDecls);
}

std::unique_ptr<clang::tooling::FrontendActionFactory>
makeIncludeScanActionFactory(UnitResult &out) {
  return std::make_unique<IncludeScanActionFactory>(out);
}

std::unique_ptr<clang::tooling::FrontendActionFactory>
makePreambleActionFactory(UnitResult &out, std::string &pch, std::vector<std::uint32_t> &decls) {
  return std::make_unique<PreambleActionFactory>(out, pch, decls);
}

bool skipSystemFunctionBodies() {
  static const bool skip = [] {
    const char *v = std::getenv("TWELVE_NO_SKIP_BODIES");
    return !(v && std::strcmp(v, "1") == 0);
  }();
  return skip;
}

std::unique_ptr<clang::DiagnosticConsumer> makeDiagnosticCollector(UnitResult &out) {
  return std::make_unique<DiagnosticCollector>(out);
}

} // namespace twelve::analyzer
