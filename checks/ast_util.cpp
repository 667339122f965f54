#include "checks/ast_util.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <llvm/ADT/StringSet.h>
#include <llvm/Support/ConvertUTF.h>

#include <cctype>
#include <map>
#include <set>

namespace twelve::checks {

const clang::Expr *stripWrappers(const clang::Expr *e) {
  while (e) {
    e = e->IgnoreParenImpCasts();
    if (const auto *c = llvm::dyn_cast<clang::CXXConstructExpr>(e)) {
      // std::string s = "x"; std::string("x"); std::string_view{"x"}
      if (c->getNumArgs() >= 1 && !llvm::isa<clang::CXXDefaultArgExpr>(c->getArg(0))) {
        e = c->getArg(0);
        continue;
      }
      return e;
    }
    if (const auto *b = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(e)) {
      e = b->getSubExpr();
      continue;
    }
    if (const auto *m = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(e)) {
      e = m->getSubExpr();
      continue;
    }
    if (const auto *f = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(e)) {
      e = f->getSubExpr();
      continue;
    }
    // std::string("x").c_str(), .data(), std::filesystem::path("x").string()
    if (const auto *m = llvm::dyn_cast<clang::CXXMemberCallExpr>(e)) {
      const auto *method = m->getMethodDecl();
      if (m->getNumArgs() == 0 && method && method->getIdentifier() &&
          (method->getName() == "c_str" || method->getName() == "data" ||
           method->getName() == "string" || method->getName() == "native")) {
        e = m->getImplicitObjectArgument();
        continue;
      }
      return e;
    }
    if (const auto *w = llvm::dyn_cast<clang::ExprWithCleanups>(e)) {
      e = w->getSubExpr();
      continue;
    }
    if (const auto *l = llvm::dyn_cast<clang::InitListExpr>(e)) {
      if (l->getNumInits() == 1) {
        e = l->getInit(0);
        continue;
      }
      return e;
    }
    return e;
  }
  return e;
}

namespace {

// REDIS_HOST, kRedisHost: a name that says "constant".
bool namedAsConstant(llvm::StringRef name) {
  if (name.size() >= 2 && name[0] == 'k' && std::isupper(static_cast<unsigned char>(name[1])))
    return true;
  bool letter = false;
  for (char c : name) {
    if (std::islower(static_cast<unsigned char>(c)))
      return false;
    letter = letter || std::isupper(static_cast<unsigned char>(c));
  }
  return letter;
}

} // namespace

const clang::StringLiteral *asStringLiteral(const clang::Expr *e) {
  return llvm::dyn_cast_or_null<clang::StringLiteral>(stripWrappers(e));
}

std::string utf8(const clang::StringLiteral *literal) {
  if (literal->getCharByteWidth() == 1)
    return literal->getBytes().str();
  std::string out;
  if (literal->getCharByteWidth() == 2) {
    llvm::ArrayRef<llvm::UTF16> units(
        reinterpret_cast<const llvm::UTF16 *>(literal->getBytes().data()), literal->getLength());
    if (llvm::convertUTF16ToUTF8String(units, out))
      return out;
  } else if (literal->getCharByteWidth() == 4) {
    for (unsigned i = 0; i < literal->getLength(); ++i) {
      unsigned cp = literal->getCodeUnit(i);
      char buf[4];
      char *p = buf;
      if (llvm::ConvertCodePointToUTF8(cp, p))
        out.append(buf, p);
    }
    return out;
  }
  for (unsigned i = 0; i < literal->getLength(); ++i) {
    unsigned cp = literal->getCodeUnit(i);
    out += cp < 0x80 ? static_cast<char>(cp) : '?';
  }
  return out;
}

namespace {

/// The file-local variables (statics, and variables of anonymous namespaces)
/// a unit does more with than read their value: assign, increment, take the
/// address of or bind a reference to. Walks the declarations the unit's
/// matchers see (its own code: system headers cannot name its statics).
class WrittenStatics : public clang::RecursiveASTVisitor<WrittenStatics> {
public:
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitDeclRefExpr(clang::DeclRefExpr *ref) {
    if (const auto *var = fileLocal(ref))
      ++uses_[var];
    return true;
  }
  bool VisitImplicitCastExpr(clang::ImplicitCastExpr *cast) {
    if (cast->getCastKind() == clang::CK_LValueToRValue)
      if (const auto *var = fileLocal(cast->getSubExpr()->IgnoreParens()))
        ++reads_[var];
    return true;
  }
  std::set<const clang::VarDecl *> written() const {
    std::set<const clang::VarDecl *> out;
    for (const auto &[var, n] : uses_)
      if (auto it = reads_.find(var); it == reads_.end() || it->second != n)
        out.insert(var);
    return out;
  }

private:
  static const clang::VarDecl *fileLocal(const clang::Expr *e) {
    const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e);
    const auto *var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
    return var && var->hasGlobalStorage() && !var->isExternallyVisible() ? var : nullptr;
  }
  std::map<const clang::VarDecl *, unsigned> uses_, reads_;
};

/// WrittenStatics of each live unit, computed on first use; an entry goes
/// with its ASTContext (whose address a later unit may reuse).
std::map<const clang::ASTContext *, std::set<const clang::VarDecl *>> &writtenStatics() {
  static std::map<const clang::ASTContext *, std::set<const clang::VarDecl *>> memo;
  return memo;
}

void forgetUnit(void *ctx) { writtenStatics().erase(static_cast<const clang::ASTContext *>(ctx)); }

bool onlyReadInUnit(const clang::VarDecl *var) {
  const auto &ctx = var->getASTContext();
  auto &memo = writtenStatics();
  auto it = memo.find(&ctx);
  if (it == memo.end()) {
    WrittenStatics visitor;
    for (auto *d : ctx.getTraversalScope())
      visitor.TraverseDecl(d);
    it = memo.emplace(&ctx, visitor.written()).first;
    ctx.AddDeallocation(forgetUnit, const_cast<clang::ASTContext *>(&ctx));
  }
  return it->second.count(var) == 0;
}

} // namespace

const clang::StringLiteral *constantString(const clang::Expr *e) {
  e = stripWrappers(e);
  if (!e)
    return nullptr;
  if (const auto *lit = llvm::dyn_cast<clang::StringLiteral>(e))
    return lit;
  const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e);
  const auto *var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  if (!var || !var->hasInit())
    return nullptr;
  const auto *lit = asStringLiteral(var->getInit());
  if (!lit)
    return nullptr;
  if (var->getType().isConstQualified())
    return lit;
  // `static const char kPath[] = "...";` and `constexpr char k[] = "...";`
  if (var->getType()->isArrayType() &&
      var->getType()->getAsArrayTypeUnsafe()->getElementType().isConstQualified())
    return lit;
  if (!var->hasGlobalStorage() || !var->getType()->isPointerType() ||
      !var->getType()->getPointeeType().isConstQualified())
    return nullptr;
  // `static const char *REDIS_HOST = "...";`: C's usual constant, the pointer
  // itself not const. Named as a constant (ALL_CAPS or kName) at file scope.
  if (!var->isStaticLocal() && namedAsConstant(var->getName()))
    return lit;
  // `static const char *s_listen_on = "http://0.0.0.0:8000";` (Mongoose's
  // examples): only this unit can change a static, and none of its code does.
  if (!var->isExternallyVisible() && onlyReadInUnit(var))
    return lit;
  return nullptr;
}

std::optional<std::string> stringValue(const clang::Expr *e) {
  if (const auto *lit = constantString(e))
    return utf8(lit);
  return std::nullopt;
}

std::optional<long long> integerValue(const clang::Expr *e, const clang::ASTContext &ctx) {
  if (!e || e->isValueDependent() || e->isTypeDependent())
    return std::nullopt;
  clang::Expr::EvalResult result;
  if (e->EvaluateAsInt(result, ctx))
    return result.Val.getInt().getExtValue();
  return std::nullopt;
}

std::string identifierOf(const clang::Expr *e) {
  e = stripWrappers(e);
  if (const auto *ref = llvm::dyn_cast_or_null<clang::DeclRefExpr>(e))
    return ref->getDecl()->getIdentifier() ? ref->getDecl()->getName().str() : std::string();
  if (const auto *member = llvm::dyn_cast_or_null<clang::MemberExpr>(e))
    return member->getMemberDecl()->getIdentifier() ? member->getMemberDecl()->getName().str()
                                                    : std::string();
  return {};
}

clang::ast_matchers::internal::Matcher<clang::CallExpr>
createsObjectOf(const clang::ast_matchers::DeclarationMatcher &cls) {
  using namespace clang::ast_matchers;
  return calls(functionDecl(
      nameIn({"::std::make_shared", "::std::make_unique", "::std::allocate_shared",
              "::boost::make_shared", "::boost::allocate_shared"}),
      hasTemplateArgument(
          0, refersToType(hasUnqualifiedDesugaredType(recordType(hasDeclaration(cls)))))));
}

const clang::Decl *enclosingFunction(const clang::Stmt *s, clang::ASTContext &ctx) {
  clang::DynTypedNodeList parents = ctx.getParents(*s);
  while (!parents.empty()) {
    if (const auto *f = parents[0].get<clang::FunctionDecl>())
      return f;
    if (const auto *st = parents[0].get<clang::Stmt>())
      parents = ctx.getParents(*st);
    else if (const auto *d = parents[0].get<clang::Decl>())
      parents = ctx.getParents(*d);
    else
      return nullptr;
  }
  return nullptr;
}

namespace {

/// The last components of qualified names ("::spdlog::basic_logger_mt" gives
/// "basic_logger_mt"): what a declaration of one of them is itself called.
llvm::StringSet<> ownNames(const std::vector<std::string> &names) {
  llvm::StringSet<> out;
  for (const auto &n : names) {
    auto colon = n.rfind("::");
    out.insert(colon == std::string::npos ? n : n.substr(colon + 2));
  }
  return out;
}

/// Whether a declaration may be one of the names whose last components are
/// `own`: its identifier is one of them, or it has no plain identifier
/// (operators and constructors, which only a full comparison can tell).
bool mayBeNamed(const clang::NamedDecl &decl, const llvm::StringSet<> &own) {
  const auto *id = decl.getIdentifier();
  return !id || own.count(id->getName());
}

class NameInMatcher : public clang::ast_matchers::internal::MatcherInterface<clang::NamedDecl> {
public:
  explicit NameInMatcher(std::vector<std::string> names)
      : full_(clang::ast_matchers::hasAnyName(
            std::vector<llvm::StringRef>(names.begin(), names.end()))),
        lastParts_(ownNames(names)) {}
  bool matches(const clang::NamedDecl &node, clang::ast_matchers::internal::ASTMatchFinder *finder,
               clang::ast_matchers::internal::BoundNodesTreeBuilder *builder) const override {
    return mayBeNamed(node, lastParts_) && full_.matches(node, finder, builder);
  }

private:
  clang::ast_matchers::internal::Matcher<clang::NamedDecl> full_;
  llvm::StringSet<> lastParts_;
};

/// Whether a call's callee may be one of `names` (mayBeNamed): a cheap test
/// that every call of a function named in a NamedCalls list passes.
class CalleeNameMatcher : public clang::ast_matchers::internal::MatcherInterface<clang::CallExpr> {
public:
  explicit CalleeNameMatcher(const std::vector<std::string> &names) : own_(ownNames(names)) {}
  bool matches(const clang::CallExpr &call, clang::ast_matchers::internal::ASTMatchFinder *,
               clang::ast_matchers::internal::BoundNodesTreeBuilder *) const override {
    const auto *callee = llvm::dyn_cast_or_null<clang::NamedDecl>(call.getCalleeDecl());
    return callee && mayBeNamed(*callee, own_);
  }

private:
  llvm::StringSet<> own_;
};

} // namespace

clang::ast_matchers::internal::Matcher<clang::NamedDecl> nameIn(std::vector<std::string> names) {
  return clang::ast_matchers::internal::makeMatcher(new NameInMatcher(std::move(names)));
}

void NamedCalls::add(const std::vector<std::string> &names,
                     const clang::ast_matchers::StatementMatcher &pattern) {
  using namespace clang::ast_matchers;
  namespace matchers = clang::ast_matchers::internal;
  names_.insert(names_.end(), names.begin(), names.end());
  matchers::Matcher<clang::CallExpr> one = callExpr(calls(functionDecl(nameIn(names))), pattern);
  patterns_.emplace_back(one);
}

void NamedCalls::registerWith(clang::ast_matchers::MatchFinder &finder,
                              clang::ast_matchers::MatchFinder::MatchCallback *callback) const {
  using namespace clang::ast_matchers;
  namespace matchers = clang::ast_matchers::internal;
  if (patterns_.empty())
    return;
  auto kind = clang::ASTNodeKind::getFromNodeKind<clang::CallExpr>();
  auto each = patterns_.size() == 1 ? patterns_.front()
                                    : matchers::DynTypedMatcher::constructVariadic(
                                          matchers::DynTypedMatcher::VO_EachOf, kind, patterns_);
  matchers::Matcher<clang::CallExpr> gate = matchers::makeMatcher(new CalleeNameMatcher(names_));
  finder.addMatcher(callExpr(gate, each.unconditionalConvertTo<clang::CallExpr>()), callback);
}

} // namespace twelve::checks
