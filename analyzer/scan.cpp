#include "analyzer/scan.h"

#include "analyzer/action.h"
#include "analyzer/cache.h"
#include "analyzer/compilation.h"
#include "analyzer/file_cache.h"
#include "analyzer/preamble.h"
#include "analyzer/preamble_store.h"
#include "analyzer/sources.h"
#include "analyzer/suppressions.h"
#include "analyzer/unit_codec.h"
#include "analyzer/worker_pool.h"
#include "core/fingerprint.h"
#include "core/rule_selection.h"

#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/Utils.h>
#include <clang/Lex/PreprocessorOptions.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>
#include <tuple>
#include <unistd.h>

namespace fs = std::filesystem;

#ifndef TWELVE_CLANG_RESOURCE_DIR
#error "TWELVE_CLANG_RESOURCE_DIR must be defined by the build"
#endif

namespace twelve::analyzer {

std::string defaultResourceDir() { return TWELVE_CLANG_RESOURCE_DIR; }

namespace {

std::string normalize(const std::string &p) { return fs::absolute(p).lexically_normal().string(); }

bool under(const std::string &path, const std::string &dir) {
  if (path == dir)
    return true;
  auto d = dir.back() == '/' ? dir : dir + "/";
  return path.compare(0, d.size(), d) == 0;
}

std::string commonRoot(const std::vector<std::string> &paths) {
  std::error_code ec;
  fs::path root;
  for (const auto &p : paths) {
    fs::path dir = fs::is_directory(p, ec) ? fs::path(p) : fs::path(p).parent_path();
    if (root.empty()) {
      root = dir;
      continue;
    }
    fs::path common;
    auto a = root.begin(), b = dir.begin();
    for (; a != root.end() && b != dir.end() && *a == *b; ++a, ++b)
      common /= *a;
    root = common;
  }
  auto s = root.string();
  while (s.size() > 1 && s.back() == '/')
    s.pop_back();
  return s.empty() ? "/" : s;
}

struct Job {
  std::string file;
  const clang::tooling::CompilationDatabase *db;
  const PreambleUse *preamble = nullptr;
  const PreambleStore *store = nullptr; // where this scan's workers share preambles
};

/// The worker's caching view of the file system, shared by the units it
/// analyzes (see file_cache.h).
/// The headers a fresh clone's configure step would have written
/// (configuredHeaders), seen by every parse of this scan; null when none.
llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> &generatedFiles() {
  static llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> files;
  return files;
}

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> workerFiles() {
  static const auto files =
      makeCachingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(
                                llvm::vfs::createPhysicalFileSystem().release()),
                            size_t(512) << 20);
  return files;
}

/// The first 64 KiB of a file: where its leading include lines are. (Sized to
/// what was read: the scan holds one per unit while it plans.)
std::string fileStart(const std::string &path) {
  static std::vector<char> buffer(64 << 10);
  std::ifstream in(path, std::ios::binary);
  in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  return std::string(buffer.data(), static_cast<size_t>(std::max<std::streamsize>(0, in.gcount())));
}

/// Whether a compile command's argument names the unit's file `file` (absolute).
bool namesFile(const std::string &arg, const clang::tooling::CompileCommand &command,
               const std::string &file) {
  if (arg == command.Filename)
    return true;
  fs::path p(arg);
  if (p.is_relative())
    p = fs::path(command.Directory) / p;
  return p.lexically_normal().string() == file;
}

/// A preamble precompiled for this worker (by it or by another).
struct BuiltPreamble {
  std::string header; // where its text is mapped (the units' folder)
  std::string pchPath;
  PrecompiledPreamble built;
};

/// The preamble's compile command: the unit's, with its file replaced by the
/// preamble's text, compiled as a header of the unit's language.
std::optional<clang::tooling::CompileCommand>
preambleCommand(const std::string &file, clang::tooling::CompileCommand command,
                const std::string &header) {
  auto &args = command.CommandLine;
  std::optional<size_t> at;
  std::string language;
  for (size_t i = 1; i < args.size(); ++i) {
    const auto &a = args[i];
    if (namesFile(a, command, file)) {
      at = i;
      break;
    }
    if (a == "-x" && i + 1 < args.size())
      language = args[i + 1];
    else if (a.rfind("-x", 0) == 0 && a.size() > 2)
      language = a.substr(2);
  }
  if (!at)
    return std::nullopt;
  if (language.empty())
    language = languageOf(file) == Language::C ? "c" : "c++";
  if (language == "c" || language == "c++" || language == "objective-c" ||
      language == "objective-c++")
    language += "-header";
  else if (language.size() < 7 || language.compare(language.size() - 7, 7, "-header") != 0)
    return std::nullopt;
  args[*at] = header;
  args.insert(args.begin() + static_cast<long>(*at), {"-x", language});
  command.Filename = header;
  return command;
}

/// Runs `factory`'s action on `file` as compiled by `command` (the database's
/// command, before adjusting), as ClangTool does, except that the driver runs
/// once per distinct command line and file type in a worker: the next unit
/// with the same flags reuses that compiler invocation with its own file (the
/// driver's toolchain detection was a quarter of a small unit's time).
/// `virtualFiles` are mapped over the file system (a preamble's text and PCH).
void runCommand(const clang::tooling::CompileCommand &command, const std::string &file,
                const clang::tooling::ArgumentsAdjuster &adjuster,
                clang::tooling::FrontendActionFactory &factory,
                clang::DiagnosticConsumer &diagnostics,
                const std::vector<std::pair<std::string, llvm::StringRef>> &virtualFiles = {},
                const BuiltPreamble *preamble = nullptr, unsigned bytes = 0) {
  // A few kept: a project may give every file flags of its own.
  static std::map<std::string, std::shared_ptr<const clang::CompilerInvocation>> invocations;
  static std::deque<std::string> order; // oldest first
  using namespace clang::tooling;
  auto adjust = combineAdjusters(combineAdjusters(combineAdjusters(getClangStripOutputAdjuster(),
                                                                   getClangSyntaxOnlyAdjuster()),
                                                  getClangStripDependencyFileAdjuster()),
                                 adjuster);
  auto args = adjust(command.CommandLine, command.Filename);
  if (args.empty())
    return;

  std::optional<size_t> at; // the argument naming the file
  for (size_t i = 1; i < args.size(); ++i)
    if (namesFile(args[i], command, file))
      at = i;
  std::string key = command.Directory + '\0' + fs::path(file).extension().string();
  for (size_t i = 0; i < args.size(); ++i)
    key += '\0' + (at && i == *at ? std::string("<file>") : args[i]);

  auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(workerFiles());
  if (generatedFiles())
    overlay->pushOverlay(generatedFiles());
  if (!virtualFiles.empty()) {
    auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
    for (const auto &[path, text] : virtualFiles)
      memory->addFile(path, 0, llvm::MemoryBuffer::getMemBuffer(text, path, false));
    overlay->pushOverlay(memory);
  }
  overlay->setCurrentWorkingDirectory(command.Directory);

  std::shared_ptr<clang::CompilerInvocation> invocation;
  auto cached = at ? invocations.find(key) : invocations.end();
  if (cached != invocations.end()) {
    invocation = std::make_shared<clang::CompilerInvocation>(*cached->second);
    auto &inputs = invocation->getFrontendOpts().Inputs;
    inputs = {clang::FrontendInputFile(args[*at], inputs.front().getKind())};
    invocation->getCodeGenOpts().MainFileName = fs::path(args[*at]).filename().string();
  } else {
    std::vector<const char *> argv;
    for (const auto &a : args)
      argv.push_back(a.c_str());
    auto engine = clang::CompilerInstance::createDiagnostics(
        new clang::DiagnosticOptions(), &diagnostics, /*ShouldOwnClient=*/false);
    std::unique_ptr<clang::CompilerInvocation> made =
        clang::createInvocationFromCommandLine(argv, engine, overlay);
    if (!made)
      return; // the driver's error went to `diagnostics`; the unit did not start
    made->getFrontendOpts().DisableFree = false;
    made->getCodeGenOpts().DisableFree = false;
    invocation = std::move(made);
    if (at && invocation->getFrontendOpts().Inputs.size() == 1 &&
        invocation->getFrontendOpts().Inputs.front().getFile() == args[*at]) {
      if (order.size() >= 32) {
        invocations.erase(order.front());
        order.pop_front();
      }
      order.push_back(key);
      invocations.emplace(key, std::make_shared<clang::CompilerInvocation>(*invocation));
    }
  }
  if (preamble) {
    invocation->getPreprocessorOpts().ImplicitPCHInclude = preamble->pchPath;
    invocation->getPreprocessorOpts().PrecompiledPreambleBytes = {bytes, true};
  }
  auto files = llvm::makeIntrusiveRefCnt<clang::FileManager>(clang::FileSystemOptions(), overlay);
  factory.runInvocation(invocation, files.get(), std::make_shared<clang::PCHContainerOperations>(),
                        &diagnostics);
}

/// The unit's preamble for its `index`th compile command, precompiled once per
/// scan (by the first worker to need it, when the scan has a store) and kept
/// by the worker for its next units; null when it does not compile cleanly
/// (the unit then parses whole). Counts in `built` a preamble precompiled here.
std::shared_ptr<const BuiltPreamble> preambleFor(const Job &job, size_t index,
                                                 const clang::tooling::CompileCommand &unitCommand,
                                                 const clang::tooling::ArgumentsAdjuster &adjuster,
                                                 unsigned &built) {
  static std::map<std::string, std::shared_ptr<const BuiltPreamble>> kept;
  static std::deque<std::string> order; // oldest first: a few are kept
  const auto &shared = *job.preamble->preamble;
  auto key = shared.key + '\0' + std::to_string(index);
  if (auto it = kept.find(key); it != kept.end())
    return it->second;
  if (order.size() >= 4) {
    kept.erase(order.front());
    order.pop_front();
  }
  order.push_back(key);
  auto &slot = kept[key];
  auto result = std::make_shared<BuiltPreamble>();
  result->header = shared.directory + "/.twelve-preamble-" + hashHex(key) + ".h";
  result->pchPath = result->header + ".pch";
  auto build = [&] {
    ++built;
    PrecompiledPreamble made;
    auto command = preambleCommand(job.file, unitCommand, result->header);
    if (!command)
      return made;
    UnitResult out;
    auto diagnostics = makeDiagnosticCollector(out);
    auto factory = makePreambleActionFactory(out, made.pch, made.decls);
    runCommand(*command, result->header, adjuster, *factory, *diagnostics,
               {{result->header, shared.text}});
    made.includedFiles = std::move(out.includedFiles);
    return made;
  };
  result->built = job.store ? job.store->get(shared.key, index, build) : build();
  if (result->built.pch.empty())
    return nullptr;
  slot = std::move(result);
  return slot;
}

/// Parses a unit with each of its compile commands (a file built by two
/// targets has two), or with one of them and its preamble.
void parseUnit(UnitResult &out, const std::string &file,
               const std::vector<clang::tooling::CompileCommand> &commands, const CheckSet &set,
               const clang::tooling::ArgumentsAdjuster &adjuster, bool includesOnly,
               const BuiltPreamble *preamble = nullptr, unsigned bytes = 0,
               const std::string *text = nullptr) {
  auto diagnostics = makeDiagnosticCollector(out);
  auto factory = includesOnly
                     ? makeIncludeScanActionFactory(out)
                     : makeScanActionFactory(set, out, preamble ? &preamble->built.decls : nullptr);
  std::vector<std::pair<std::string, llvm::StringRef>> virtualFiles;
  if (preamble)
    virtualFiles = {{preamble->header, *text}, {preamble->pchPath, preamble->built.pch}};
  for (const auto &command : commands)
    runCommand(command, file, adjuster, *factory, *diagnostics, virtualFiles, preamble, bytes);
}

/// Analyzes a unit with its shared preamble; nullopt when a preamble could
/// not be built or the unit did not parse cleanly with it.
std::optional<UnitResult> runWithPreamble(const Job &job, const CheckSet &set,
                                          const clang::tooling::ArgumentsAdjuster &adjuster) {
  auto commands = job.db->getCompileCommands(job.file);
  std::vector<std::shared_ptr<const BuiltPreamble>> preambles; // kept alive if evicted
  unsigned built = 0;
  for (size_t k = 0; k < commands.size(); ++k) {
    preambles.push_back(preambleFor(job, k, commands[k], adjuster, built));
    if (!preambles.back())
      return std::nullopt;
  }
  UnitResult out;
  for (size_t k = 0; k < commands.size(); ++k) {
    parseUnit(out, job.file, {commands[k]}, set, adjuster, false, preambles[k].get(),
              job.preamble->bytes, &job.preamble->preamble->text);
    // Anything short of a clean parse is redone whole, so that the shared
    // preamble can only ever change how fast a unit is analyzed.
    if (!out.started || out.errors || !out.missingIncludes.empty())
      return std::nullopt;
    const auto &included = preambles[k]->built.includedFiles;
    out.includedFiles.insert(included.begin(), included.end());
  }
  if (commands.empty())
    return std::nullopt;
  out.sharedPreamble = true;
  out.preamblesBuilt = built;
  return out;
}

/// Analyzes one unit; with `includesOnly`, only preprocesses it to learn what it includes.
UnitResult runUnit(const Job &job, const CheckSet &set,
                   const clang::tooling::ArgumentsAdjuster &adjuster, bool includesOnly = false) {
  if (!includesOnly && job.preamble && job.preamble->preamble)
    if (auto out = runWithPreamble(job, set, adjuster))
      return std::move(*out);
  UnitResult out;
  parseUnit(out, job.file, job.db->getCompileCommands(job.file), set, adjuster, includesOnly);
  return out;
}

/// Turns raw unit findings into the reported result: project files only,
/// one finding per place, suppressions applied, paths relative, fingerprints.
/// `unusedIn`, when given, lists every project file the scan saw: their NOLINT
/// comments that silenced nothing are reported.
void finish(ScanResult &result, std::vector<Finding> raw, const std::string &root,
            const std::vector<std::string> &excludeGlobs,
            const std::function<std::optional<std::string>(const std::string &)> &read,
            const std::set<std::string> *unusedIn = nullptr) {
  // Keep project files: under the root, outside third-party and build folders.
  std::vector<Finding> kept;
  for (auto &f : raw) {
    if (!root.empty() && !under(f.file, root))
      continue;
    auto rel = relativeTo(f.file, root);
    if (inSkippedDirectory(rel))
      continue;
    if (std::any_of(excludeGlobs.begin(), excludeGlobs.end(),
                    [&](const std::string &g) { return globMatch(g, rel); }))
      continue;
    kept.push_back(std::move(f));
  }
  // One finding per rule and place, however many units or instantiations saw it.
  std::sort(kept.begin(), kept.end(), findingLess);
  kept.erase(std::unique(kept.begin(), kept.end(),
                         [](const Finding &a, const Finding &b) {
                           return std::tie(a.file, a.line, a.column, a.rule) ==
                                  std::tie(b.file, b.line, b.column, b.rule);
                         }),
             kept.end());

  std::map<std::string, FileSuppressions> suppressions;
  auto suppressionsOf = [&](const std::string &file) -> FileSuppressions & {
    auto it = suppressions.find(file);
    if (it == suppressions.end()) {
      auto text = read(file);
      it = suppressions.emplace(file, FileSuppressions::parse(text ? *text : "")).first;
    }
    return it->second;
  };
  std::map<std::tuple<std::string, std::string, std::string>, unsigned> ordinals;
  for (auto &f : kept) {
    if (suppressionsOf(f.file).suppresses(f.rule, f.line)) {
      ++result.stats.suppressed;
      continue;
    }
    f.file = relativeTo(f.file, root);
    unsigned &ordinal = ordinals[{f.rule, f.file, f.sourceLine}];
    f.fingerprint = fingerprint(f.rule, f.file, f.sourceLine, ordinal++);
    result.findings.push_back(std::move(f));
  }
  if (!unusedIn)
    return;
  for (const auto &file : *unusedIn) {
    auto rel = relativeTo(file, root);
    if ((!root.empty() && !under(file, root)) || inSkippedDirectory(rel))
      continue;
    auto text = read(file);
    if (!text || text->find("NOLINT") == std::string::npos)
      continue;
    for (const auto &s : suppressionsOf(file).all()) {
      // A bare NOLINT may be meant for clang-tidy; only comments naming
      // twelve's rules are ours to call unused. END markers silence nothing.
      if (s.used || s.rules.empty() || s.kind == Suppression::Kind::End)
        continue;
      size_t begin = 0;
      for (unsigned l = 1; l < s.line && begin != std::string::npos; ++l)
        begin = text->find('\n', begin) + 1;
      auto end = text->find('\n', begin);
      auto line = text->substr(begin, end == std::string::npos ? std::string::npos : end - begin);
      auto first = line.find_first_not_of(" \t");
      result.unusedSuppressions.push_back(
          {rel, s.line, first == std::string::npos ? line : line.substr(first)});
    }
  }
  std::sort(result.unusedSuppressions.begin(), result.unusedSuppressions.end(),
            [](const UnusedSuppression &a, const UnusedSuppression &b) {
              return std::tie(a.file, a.line) < std::tie(b.file, b.line);
            });
}

void account(ScanResult &result, const std::string &file, const UnitResult &unit,
             const std::string &root, const ScanOptions &options) {
  auto rel = relativeTo(file, root);
  if (!unit.started) {
    ++result.stats.filesFailed;
    result.errors.push_back(
        {rel, unit.firstError.empty() ? "could not be parsed" : unit.firstError});
    return;
  }
  if (unit.errors == 0 && unit.missingIncludes.empty()) {
    ++result.stats.filesFull;
    return;
  }
  ++result.stats.filesReduced;
  if (options.log && options.verbose) {
    std::string why = rel + ": reduced precision:";
    if (!unit.missingIncludes.empty()) {
      why += " " + std::to_string(unit.missingIncludes.size()) + " include(s) not found (first " +
             unit.missingIncludes.front() + ")";
    }
    if (unit.errors)
      why += " " + std::to_string(unit.errors) + " error(s) (first: " + unit.firstError + ")";
    options.log(why);
  }
}

} // namespace

ScanResult scan(const ScanOptions &options) {
  auto start = std::chrono::steady_clock::now();
  ScanResult result;
  if (options.paths.empty())
    throw InputError("no path to scan");

  std::vector<std::string> paths;
  std::error_code ec;
  for (const auto &p : options.paths) {
    if (!fs::exists(p, ec))
      throw InputError(p + ": no such file or directory");
    auto abs = normalize(p);
    if (!fs::is_directory(abs, ec)) {
      if (languageOf(abs) == Language::None)
        throw InputError(p + ": not a C or C++ file (expected .c, .cc, .cpp, .cxx, .h, .hpp, ...)");
      if (looksBinary(abs))
        throw InputError(p + ": is a binary file, not C or C++ source");
    }
    paths.push_back(abs);
  }
  std::string root = options.root.empty() ? commonRoot(paths) : normalize(options.root);
  result.root = root;
  for (const auto &rule : options.rules)
    result.rules.push_back(rule.id);
  std::sort(result.rules.begin(), result.rules.end());
  std::string resourceDir =
      options.resourceDir.empty() ? defaultResourceDir() : options.resourceDir;
  if (!fs::exists(fs::path(resourceDir) / "include" / "stddef.h", ec))
    throw InputError("--resource-dir " + resourceDir +
                     ": Clang's builtin headers (include/stddef.h) are not there");

  auto log = [&](const std::string &m) {
    if (options.log)
      options.log(m);
  };

  // The compile commands: the project's database, or inferred ones.
  std::unique_ptr<clang::tooling::CompilationDatabase> database;
  std::string dbFile = findCompilationDatabase(paths.front(), options.buildDir);
  std::vector<std::string> units;
  std::vector<std::string> headerCandidates; // analyzed alone unless some unit includes them
  auto selected = [&](const std::string &file) {
    auto rel = relativeTo(file, root);
    if (inSkippedDirectory(rel))
      return false;
    return std::none_of(options.excludeGlobs.begin(), options.excludeGlobs.end(),
                        [&](const std::string &g) { return globMatch(g, rel); });
  };
  if (!dbFile.empty()) {
    auto json = loadCompilationDatabase(dbFile);
    std::set<std::string> seen;
    for (const auto &cmd : json->getAllCompileCommands()) {
      fs::path f(cmd.Filename);
      if (f.is_relative())
        f = fs::path(cmd.Directory) / f;
      auto file = f.lexically_normal().string();
      if (!seen.insert(file).second)
        continue; // listed twice: analyzed once
      bool wanted = std::any_of(paths.begin(), paths.end(),
                                [&](const std::string &p) { return under(file, p); });
      if (wanted && selected(file))
        units.push_back(file);
    }
    // Files named on the command line but not in the database get the
    // flags of their nearest neighbour in it.
    for (const auto &p : paths)
      if (!fs::is_directory(p, ec) && !seen.count(p))
        units.push_back(p);
    if (units.empty()) {
      log("note: " + dbFile + " lists no file under the scanned paths; inferring flags instead");
    } else {
      log("using " + dbFile);
      database = clang::tooling::inferMissingCompileCommands(std::move(json));
    }
  }
  std::vector<std::string> templates;     // configure templates (config.h.in)
  std::vector<GeneratedHeader> generated; // the headers made of them
  if (!database) {
    units.clear();
    for (const auto &p : paths) {
      if (!fs::is_directory(p, ec)) {
        units.push_back(p);
        continue;
      }
      for (auto &file : discoverSources(p, &templates)) {
        if (!selected(file))
          continue;
        (isHeader(languageOf(file)) ? headerCandidates : units).push_back(file);
      }
    }
    std::vector<std::string> projectFiles = units;
    projectFiles.insert(projectFiles.end(), headerCandidates.begin(), headerCandidates.end());
    // A folder of a project (`twelve scan src/`): its headers and configure
    // templates may be outside the scanned paths (include/, config.h.in).
    std::string project = projectRoot(root);
    if (project != root) {
      discoverSources(project, &templates);
      std::sort(templates.begin(), templates.end());
      templates.erase(std::unique(templates.begin(), templates.end()), templates.end());
      log("note: headers are looked for in the enclosing project " + project);
    }
    // What the project's configure step would have defined (HAVE_STDINT_H,
    // HAVE_TIMEGM), as far as this system's headers tell, and the headers it
    // would have written (config.h from config.h.in).
    auto read = projectFiles;
    read.insert(read.end(), templates.begin(), templates.end());
    auto tested = testedConfigureMacros(read);
    auto defines = configureHeaderMacros(tested, systemIncludeDirs());
    if (!std::all_of(tested.begin(), tested.end(),
                     [](const std::string &m) { return isHeaderMacro(m); })) {
      auto more = configureDeclarationMacros(tested, systemDeclarations(resourceDir));
      defines.insert(defines.end(), more.begin(), more.end());
    }
    generated = configuredHeaders(templates, defines);
    for (const auto &g : generated)
      log(relativeTo(g.path, root) + " is generated as its configure step would");
    database = std::make_unique<InferredCompilationDatabase>(
        inferIncludeDirs(project, projectFiles), std::move(defines));
  }
  generatedFiles() = nullptr; // (a previous scan's, in this process)
  if (!generated.empty()) {
    auto files = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
    for (const auto &g : generated)
      files->addFile(g.path, 0, llvm::MemoryBuffer::getMemBufferCopy(g.text, g.path));
    generatedFiles() = files;
  }
  std::sort(units.begin(), units.end());
  units.erase(std::unique(units.begin(), units.end()), units.end());

  CheckSet set;
  set.options = options.checkOptions;
  set.rules = options.rules;
  auto adjuster = makeArgumentsAdjuster(resourceDir, options.extraArgs);

  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<Finding> raw;
  std::set<std::string> included;

  // Sharding: a unit belongs to the shard its path (relative to the root) hashes
  // into, so the split does not move when files are added elsewhere.
  auto inShard = [&](const std::string &file) {
    if (options.shardCount <= 1)
      return true;
    auto h = std::stoull(hashHex(relativeTo(file, root)), nullptr, 16);
    return h % options.shardCount == options.shardIndex;
  };

  std::unique_ptr<ResultCache> cache;
  if (!options.cacheDir.empty()) {
    std::string configuration = toolIdentity() + "\n" + resourceDir + "\n";
    if (!skipSystemFunctionBodies())
      configuration += "no-skip-bodies\n";
    if (!sharedPreamblesEnabled())
      configuration += "no-shared-preambles\n";
    for (const auto &r : set.rules)
      configuration += r.id + "=" + std::string(name(r.severity)) + "\n";
    for (const auto &h : set.options.allowedHosts)
      configuration += "host " + h + "\n";
    for (const auto &k : set.options.credentialKeywords)
      configuration += "keyword " + k + "\n";
    for (const auto &f : set.options.logFileFunctions)
      configuration += "log-file-function " + f + "\n";
    for (const auto &f : set.options.configFunctions)
      configuration += "config-function " + f + "\n";
    cache = std::make_unique<ResultCache>(options.cacheDir, configuration);
    for (const auto &g : generated)
      cache->addGenerated(g.path, g.text);
  }
  auto commandOf = [&](const std::string &file) {
    std::vector<std::string> out;
    for (const auto &c : database->getCompileCommands(file)) {
      out.push_back(c.Directory);
      for (const auto &a : adjuster(c.CommandLine, file))
        out.push_back(a);
    }
    return out;
  };

  // The flags a unit is compiled with, its own name and outputs left out: units
  // with the same flags (and folder) may share a preamble.
  auto flagsOf = [&](const std::string &file) {
    auto strip =
        clang::tooling::combineAdjusters(clang::tooling::getClangStripOutputAdjuster(),
                                         clang::tooling::getClangStripDependencyFileAdjuster());
    std::string out;
    for (const auto &c : database->getCompileCommands(file)) {
      out += c.Directory + '\0';
      for (const auto &a : strip(c.CommandLine, file))
        out += (namesFile(a, c, file) ? std::string("<file>") : a) + '\0';
    }
    return out;
  };

  // Test hook: TWELVE_FAULT_INJECTION=crash:NAME or hang:NAME makes the worker
  // analyzing a file whose path contains NAME crash or hang, so that tests can
  // show a crash or a time-out costs one file, not the scan.
  std::string fault =
      std::getenv("TWELVE_FAULT_INJECTION") ? std::getenv("TWELVE_FAULT_INJECTION") : "";

  auto runAll = [&](const std::vector<std::string> &all) {
    std::vector<std::string> files;
    for (const auto &f : all)
      if (inShard(f))
        files.push_back(f);
    std::vector<UnitResult> results(files.size());
    std::vector<std::vector<std::string>> commands(files.size());
    std::vector<size_t> pending;
    for (size_t i = 0; i < files.size(); ++i) {
      if (looksBinary(files[i])) {
        results[i].firstError = "is a binary file, not C or C++ source";
        continue;
      }
      if (cache) {
        commands[i] = commandOf(files[i]);
        if (auto hit = cache->load(files[i], commands[i])) {
          results[i] = std::move(*hit);
          continue;
        }
      }
      pending.push_back(i);
    }
    // Units that start with the same #include lines share their parse (preamble.h).
    std::vector<PreambleUse> preambles(files.size());
    if (sharedPreamblesEnabled()) {
      std::vector<std::string> names, sources, flags;
      for (size_t i : pending) {
        names.push_back(files[i]);
        sources.push_back(fileStart(files[i]));
        flags.push_back(flagsOf(files[i]));
      }
      auto plan = planSharedPreambles(names, sources, flags);
      for (size_t j = 0; j < pending.size(); ++j)
        preambles[pending[j]] = std::move(plan[j]);
    }
    // Largest files first: the biggest unit (memcached.c is a fifth of
    // memcached's time) then does not start last and leave the other workers
    // idle. The units of one preamble go one after the other (after its
    // largest), so that a worker holds few preambles at a time.
    {
      std::vector<std::uintmax_t> size(files.size(), 0);
      for (size_t i : pending) {
        std::error_code ec;
        auto n = fs::file_size(files[i], ec);
        size[i] = ec ? 0 : n;
      }
      std::map<const SharedPreamble *, std::uintmax_t> largest;
      for (size_t i : pending)
        if (const auto *p = preambles[i].preamble.get())
          largest[p] = std::max(largest[p], size[i]);
      auto rank = [&](size_t i) {
        const auto *p = preambles[i].preamble.get();
        return std::make_tuple(p ? largest[p] : size[i], p ? p->key : files[i], size[i]);
      };
      std::stable_sort(pending.begin(), pending.end(),
                       [&](size_t a, size_t b) { return rank(a) > rank(b); });
    }
    // A preamble is built once, by the worker that takes its first unit; the
    // others read it from the store (or build their own without one).
    std::unique_ptr<PreambleStore> store;
    if (std::any_of(pending.begin(), pending.end(),
                    [&](size_t i) { return preambles[i].preamble != nullptr; }))
      store = PreambleStore::create();
    std::vector<long> groups(pending.size(), -1);
    std::map<const SharedPreamble *, long> groupIds;
    std::map<const SharedPreamble *, size_t> unitsLeft; // a preamble is forgotten after its last
    for (size_t j = 0; j < pending.size(); ++j)
      if (const auto *p = preambles[pending[j]].preamble.get()) {
        groups[j] = groupIds.emplace(p, static_cast<long>(groupIds.size())).first->second;
        ++unitsLeft[p];
      }
    runInWorkers(
        pending.size(), jobs, options.fileTimeout,
        [&](size_t job) {
          const auto &file = files[pending[job]];
          if (fault.rfind("crash:", 0) == 0 && file.find(fault.substr(6)) != std::string::npos)
            std::abort();
          if (fault.rfind("hang:", 0) == 0 && file.find(fault.substr(5)) != std::string::npos)
            for (;;)
              ::pause();
          return encode(runUnit({file, database.get(), &preambles[pending[job]], store.get()}, set,
                                adjuster));
        },
        [&](size_t job) {
          if (options.verbose)
            log("[" + std::to_string(pending[job] + 1) + "/" + std::to_string(files.size()) + "] " +
                relativeTo(files[pending[job]], root));
        },
        groups,
        // Each result is taken in (and cached) as it comes, while the workers go on.
        [&](size_t job, JobOutcome &outcome) {
          size_t i = pending[job];
          const auto *p = preambles[i].preamble.get();
          if (store && p && --unitsLeft[p] == 0)
            store->forget(p->key);
          std::optional<UnitResult> unit;
          if (outcome.kind == JobOutcome::Kind::Done)
            unit = decode(outcome.bytes);
          std::string().swap(outcome.bytes); // freed now, not when the scan ends
          if (!unit) {
            results[i].started = false;
            results[i].firstError =
                outcome.detail.empty() ? "the analysis returned no result" : outcome.detail;
            return;
          }
          results[i] = std::move(*unit);
          if (cache)
            cache->store(files[i], commands[i], results[i]);
        });
    std::set<const SharedPreamble *> used; // the preambles units shared
    size_t sharing = 0, builds = 0;
    for (size_t i : pending)
      if (results[i].sharedPreamble) {
        ++sharing;
        builds += results[i].preamblesBuilt;
        used.insert(preambles[i].preamble.get());
      }
    if (sharing && options.verbose)
      log("shared preambles: " + std::to_string(sharing) +
          " unit(s) took their first include lines from " + std::to_string(used.size()) +
          " precompiled preamble(s), built " + std::to_string(builds) + " time(s)");
    for (size_t i = 0; i < files.size(); ++i) {
      account(result, files[i], results[i], root, options);
      included.insert(results[i].includedFiles.begin(), results[i].includedFiles.end());
      if (options.changedFiles) {
        const auto &changed = *options.changedFiles;
        bool touched = std::any_of(results[i].includedFiles.begin(), results[i].includedFiles.end(),
                                   [&](const std::string &f) { return changed.count(f) > 0; });
        for (auto &f : results[i].findings)
          if (changed.count(f.file) || (touched && f.file == files[i]))
            raw.push_back(std::move(f));
        continue;
      }
      for (auto &f : results[i].findings)
        raw.push_back(std::move(f));
    }
  };

  runAll(units);
  // Headers no unit included are analyzed on their own, so none goes unseen.
  std::vector<std::string> lonely;
  for (const auto &h : headerCandidates)
    if (!included.count(h) && inShard(h))
      lonely.push_back(h);
  // With --shard, such a header may still be included by units of other shards:
  // those units are preprocessed (no parsing, no checks) to learn what they
  // include, so that the shards together analyze exactly what one scan would.
  if (options.shardCount > 1 && !lonely.empty()) {
    std::vector<std::string> others;
    for (const auto &u : units)
      if (!inShard(u) && !looksBinary(u))
        others.push_back(u);
    auto outcomes = runInWorkers(others.size(), jobs, options.fileTimeout, [&](size_t job) {
      return encode(runUnit({others[job], database.get()}, set, adjuster, /*includesOnly=*/true));
    });
    std::set<std::string> elsewhere;
    for (const auto &outcome : outcomes)
      if (outcome.kind == JobOutcome::Kind::Done)
        if (auto unit = decode(outcome.bytes))
          elsewhere.insert(unit->includedFiles.begin(), unit->includedFiles.end());
    lonely.erase(std::remove_if(lonely.begin(), lonely.end(),
                                [&](const std::string &h) { return elsewhere.count(h) > 0; }),
                 lonely.end());
  }
  if (!lonely.empty())
    runAll(lonely);

  std::set<std::string> seenFiles(units.begin(), units.end());
  seenFiles.insert(lonely.begin(), lonely.end());
  seenFiles.insert(included.begin(), included.end());
  // Suppressions are NOLINT comments: a file the cache knows has none is not read.
  auto readSource = [&cache](const std::string &path) -> std::optional<std::string> {
    if (cache && cache->knownFreeOfSuppressions(path))
      return std::string();
    return readFile(path);
  };
  finish(result, std::move(raw), root, options.excludeGlobs, readSource,
         options.reportUnusedSuppressions ? &seenFiles : nullptr);
  std::sort(result.errors.begin(), result.errors.end(),
            [](const AnalysisError &a, const AnalysisError &b) { return a.file < b.file; });
  if (cache && cache->hits())
    log("cache: " + std::to_string(cache->hits()) + " unit(s) unchanged, results reused from " +
        options.cacheDir);
  result.stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

ScanResult scanCode(std::string_view code, std::string_view fileName,
                    const std::vector<Rule> &rules, const std::vector<std::string> &args,
                    const std::map<std::string, std::string> &extraFiles,
                    const checks::CheckOptions &checkOptions) {
  CheckSet set;
  set.rules = rules;
  set.options = checkOptions;
  UnitResult unit;

  auto language = languageOf(fileName);
  std::vector<std::string> command{languageOf(fileName) == Language::C ? "clang" : "clang++"};
  for (auto &a : InferredCompilationDatabase::argumentsFor(language))
    command.push_back(a);
  for (auto &a : args)
    command.push_back(a);
  std::string file = "/twelve-test/" + std::string(fileName);
  command.push_back(file);
  command = makeArgumentsAdjuster(defaultResourceDir(), {})(command, file);
  command.push_back("-I/twelve-test");
  // extraFiles under sys/ stand in for a library's installed headers.
  command.push_back("-isystem/twelve-test/sys");
  command.push_back("-fsyntax-only");

  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  memory->addFile(file, 0,
                  llvm::MemoryBuffer::getMemBufferCopy(llvm::StringRef(code.data(), code.size())));
  for (const auto &[name, text] : extraFiles)
    memory->addFile("/twelve-test/" + name, 0, llvm::MemoryBuffer::getMemBufferCopy(text));
  auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(
          llvm::vfs::createPhysicalFileSystem().release()));
  overlay->pushOverlay(memory);
  overlay->setCurrentWorkingDirectory("/twelve-test");
  auto files = llvm::makeIntrusiveRefCnt<clang::FileManager>(clang::FileSystemOptions(), overlay);

  auto factory = makeScanActionFactory(set, unit);
  clang::tooling::ToolInvocation invocation(command, factory->create(), files.get());
  auto diagnostics = makeDiagnosticCollector(unit);
  invocation.setDiagnosticConsumer(diagnostics.get());
  invocation.run();

  ScanResult result;
  result.root = "/twelve-test";
  ScanOptions options;
  account(result, file, unit, result.root, options);
  std::map<std::string, std::string> all = {{file, std::string(code)}};
  for (const auto &[name, text] : extraFiles)
    all["/twelve-test/" + name] = text;
  finish(result, std::move(unit.findings), result.root, {},
         [&](const std::string &p) -> std::optional<std::string> {
           auto it = all.find(p);
           if (it == all.end())
             return std::nullopt;
           return it->second;
         });
  return result;
}

} // namespace twelve::analyzer
