// Parser and compile step of the console language: tokens -> syntax tree, then variable
// resolution (a variable that is not bound is a zero-arity call, as in Elixir) and purity.

#include "builtins.hpp"
#include "lexer.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace actorscope::console {

std::string SyntaxError::where(const std::string& file) const {
  if (line == 0) return message;
  std::string s = file + ":" + std::to_string(line);
  if (column > 0) s += ":" + std::to_string(column);
  return s + ": " + message;
}

std::string SyntaxError::format(const std::string& file) const { return "** (" + kind + ") " + where(file); }

namespace detail {
namespace {

struct OpInfo {
  Op op;
  int prec;
  bool right;
};

constexpr int kUnaryPrec = 18;
constexpr int kCapturePrec = 6;

bool binop(const Token& t, OpInfo& out) {
  auto set = [&](Op o, int p, bool r) {
    out = {o, p, r};
    return true;
  };
  if (t.t == Tok::Kw) {
    if (t.s == "when") return set(Op::When, 2, true);
    if (t.s == "or") return set(Op::Or, 8, false);
    if (t.s == "and") return set(Op::And, 9, false);
    if (t.s == "in") return set(Op::In, 13, false);
    return false;
  }
  if (t.t != Tok::Op) return false;
  const std::string& s = t.s;
  if (s == "<-") return set(Op::Arrow, 1, false);
  if (s == "\\\\") return set(Op::Default, 1, false);
  if (s == "|") return set(Op::Bar, 4, true);
  if (s == "=>") return set(Op::Assoc, 5, true);
  if (s == "=") return set(Op::Match, 7, true);
  if (s == "||" || s == "|||") return set(Op::OrOr, 8, false);
  if (s == "&&" || s == "&&&") return set(Op::AndAnd, 9, false);
  if (s == "==") return set(Op::Eq, 10, false);
  if (s == "!=") return set(Op::Ne, 10, false);
  if (s == "===") return set(Op::StrictEq, 10, false);
  if (s == "!==") return set(Op::StrictNe, 10, false);
  if (s == "<") return set(Op::Lt, 11, false);
  if (s == ">") return set(Op::Gt, 11, false);
  if (s == "<=") return set(Op::Le, 11, false);
  if (s == ">=") return set(Op::Ge, 11, false);
  if (s == "|>") return set(Op::Pipe, 12, false);
  if (s == "++") return set(Op::ListAdd, 14, true);
  if (s == "--") return set(Op::ListSub, 14, true);
  if (s == "..") return set(Op::Range, 14, true);
  if (s == "<>") return set(Op::Concat, 14, true);
  if (s == "+") return set(Op::Add, 15, false);
  if (s == "-") return set(Op::Sub, 15, false);
  if (s == "*") return set(Op::Mul, 16, false);
  if (s == "/") return set(Op::Div, 16, false);
  if (s == "**") return set(Op::Pow, 17, false);
  return false;
}

std::string token_text(const Token& t) {
  switch (t.t) {
    case Tok::Int:
    case Tok::Float: return "\"" + inspect(t.lit) + "\"";
    case Tok::Atom: return inspect(t.lit);
    case Tok::Str: {
      std::string s;
      for (auto& p : t.parts) s += p.code ? "#{" + p.text + "}" : p.text;
      return inspect(Term::binary("\"" + s + "\""));
    }
    case Tok::Charlist: return "'";
    case Tok::Op: return "'" + t.s + "'";
    case Tok::Ident:
    case Tok::Alias:
    case Tok::Kw: return t.s;
    case Tok::KwKey: return t.s + ":";
    case Tok::LParen: return "(";
    case Tok::RParen: return ")";
    case Tok::LBrack: return "[";
    case Tok::RBrack: return "]";
    case Tok::LBrace: return "{";
    case Tok::RBrace: return "}";
    case Tok::MapOpen: return "%{";
    case Tok::StructOpen: return "%" + t.s + "{";
    case Tok::Comma: return ",";
    case Tok::Semi: return ";";
    case Tok::Newline: return "newline";
    case Tok::Dot: return ".";
    case Tok::CaptureArg: return "&" + inspect(t.lit);
    case Tok::Eof: return "end of file";
  }
  return "?";
}

class Parser {
 public:
  Parser(std::vector<Token> toks, Program& prog) : t_(std::move(toks)), prog_(prog) {}

  std::vector<Node*> parse_top() {
    std::vector<Node*> out;
    while (true) {
      skip_nl();
      if (at(Tok::Eof)) break;
      if (at_terminator()) unexpected(peek());
      out.push_back(parse_expr(0));
      end_of_statement();
    }
    return out;
  }

  /// Parses interpolated code: a block.
  Node* parse_interpolation() {
    std::vector<Node*> stmts;
    while (true) {
      skip_nl();
      if (at(Tok::Eof)) break;
      stmts.push_back(parse_expr(0));
      end_of_statement();
    }
    if (stmts.size() == 1) return stmts[0];
    Node* b = prog_.make(NodeKind::Block, stmts.empty() ? peek().line : stmts[0]->line);
    b->kids = std::move(stmts);
    return b;
  }

 private:
  struct Opener {
    std::string what;  // "do", "fn", "(", "[", "{"
    int line;
  };

  const Token& peek(size_t k = 0) const { return t_[std::min(p_ + k, t_.size() - 1)]; }
  Token next() { return t_[std::min(p_++, t_.size() - 1)]; }
  bool at(Tok t) const { return peek().t == t; }
  bool at_kw(const char* s) const { return peek().t == Tok::Kw && peek().s == s; }
  bool at_op(const char* s) const { return peek().t == Tok::Op && peek().s == s; }
  void skip_nl() {
    while (at(Tok::Newline) || at(Tok::Semi)) ++p_;
  }
  bool at_terminator() const {
    const Token& t = peek();
    if (t.t == Tok::Kw)
      return t.s == "end" || t.s == "else" || t.s == "after" || t.s == "rescue" || t.s == "catch" || t.s == "do";
    return t.t == Tok::RParen || t.t == Tok::RBrack || t.t == Tok::RBrace || t.t == Tok::Eof;
  }

  [[noreturn]] void fail(const Token& at, std::string msg) {
    ParseFailure f;
    f.err.kind = "SyntaxError";
    f.err.line = at.line;
    f.err.column = at.col;
    f.err.message = std::move(msg);
    throw f;
  }
  [[noreturn]] void missing(const Token& eof) {
    ParseFailure f;
    f.err.kind = "TokenMissingError";
    f.err.incomplete = true;
    if (!openers_.empty()) {
      const Opener& o = openers_.back();
      std::string term = o.what == "(" ? ")" : o.what == "[" ? "]" : o.what == "{" || o.what == "%{" ? "}" : "end";
      f.err.line = eof.line;
      f.err.column = eof.col;
      f.err.message = "missing terminator: " + term + " (for \"" + o.what + "\" starting at line " +
                      std::to_string(o.line) + ")";
    } else {
      const Token& prev = t_[p_ > 0 ? std::min(p_, t_.size()) - 1 : 0];
      f.err.line = prev.line;
      // As elixir: where the line goes on after the dangling token (its newline or comment), or
      // the token itself when the input ends right after it.
      f.err.column = prev.end_col > 0 ? prev.end_col : prev.col;
      f.err.message = "syntax error: expression is incomplete";
    }
    throw f;
  }
  [[noreturn]] void unexpected(const Token& t) {
    if (t.t == Tok::Eof) missing(t);
    if (t.t == Tok::Kw && (t.s == "end" || t.s == "do" || t.s == "after" || t.s == "else" || t.s == "catch" ||
                           t.s == "rescue" || t.s == "fn"))
      fail(t, "unexpected reserved word: " + t.s);
    if (t.t == Tok::RParen || t.t == Tok::RBrack || t.t == Tok::RBrace) {
      std::string msg = "unexpected token: " + token_text(t);
      if (!openers_.empty()) {
        const Opener& o = openers_.back();
        std::string term = o.what == "(" ? ")" : o.what == "[" ? "]" : o.what == "{" || o.what == "%{" ? "}" : "end";
        msg += ". The \"" + o.what + "\" at line " + std::to_string(o.line) + " is missing terminator \"" + term + "\"";
      }
      fail(t, msg);
    }
    fail(t, "syntax error before: " + token_text(t));
  }
  void expect(Tok k) {
    if (!at(k)) unexpected(peek());
    ++p_;
  }
  void expect_end() {
    skip_nl();
    if (!at_kw("end")) unexpected(peek());
    ++p_;
  }
  void end_of_statement() {
    if (at(Tok::Newline) || at(Tok::Semi) || at_terminator()) return;
    unexpected(peek());
  }

  // ---- expressions ----------------------------------------------------------------------------

  Node* parse_expr(int min_prec) {
    Node* lhs = parse_unary();
    while (true) {
      const Token& t = peek();
      OpInfo info;
      bool not_in = false;
      if (t.t == Tok::Kw && t.s == "not" && peek(1).t == Tok::Kw && peek(1).s == "in") {
        info = {Op::NotIn, 13, false};
        not_in = true;
      } else if (!binop(t, info)) {
        break;
      }
      if (info.prec < min_prec) break;
      Token optok = next();
      if (not_in) next();
      skip_nl();
      if (at(Tok::Eof)) missing(peek());
      Node* rhs = parse_expr(info.right ? info.prec : info.prec + 1);
      lhs = combine(optok, info.op, lhs, rhs);
    }
    return lhs;
  }

  Node* combine(const Token& optok, Op op, Node* lhs, Node* rhs) {
    if (op == Op::Match) {
      Node* m = prog_.make(NodeKind::Match, optok.line);
      m->kids = {lhs, rhs};
      return m;
    }
    if (op == Op::Pipe) return pipe_into(optok, lhs, rhs);
    if (op == Op::Range && peek().t == Tok::Op && peek().s == "//") {
      // first..last//step is Kernel."..//"(first, last, step).
      next();
      skip_nl();
      Node* step = parse_expr(kUnaryPrec);
      Node* c = prog_.make(NodeKind::Remote, optok.line);
      c->mod = intern("Elixir.Kernel");
      c->name = intern("..//");
      c->parens = true;
      c->kids = {lhs, rhs, step};
      return c;
    }
    Node* b = prog_.make(NodeKind::BinOp, optok.line);
    b->op = op;
    b->kids = {lhs, rhs};
    return b;
  }

  Node* pipe_into(const Token& optok, Node* lhs, Node* rhs) {
    switch (rhs->kind) {
      case NodeKind::Call:
      case NodeKind::Remote:
        if (!rhs->blocks.empty()) break;
        rhs->kids.insert(rhs->kids.begin(), lhs);
        rhs->parens = true;
        return rhs;
      case NodeKind::DynCall:
        rhs->kids.insert(rhs->kids.begin() + 1, lhs);
        return rhs;
      case NodeKind::Var: {
        Node* c = prog_.make(NodeKind::Call, rhs->line);
        c->name = rhs->name;
        c->kids = {lhs};
        return c;
      }
      case NodeKind::Field: {
        Node* c = prog_.make(NodeKind::Remote, rhs->line);
        c->name = rhs->name;
        if (rhs->kids[0]->kind == NodeKind::Lit && rhs->kids[0]->lit.is_atom()) {
          c->mod = rhs->kids[0]->lit.as_atom();
          c->kids = {lhs};
        } else {
          c->tail = rhs->kids[0];
          c->kids = {lhs};
        }
        return c;
      }
      default: break;
    }
    fail(optok, "cannot pipe into this expression (the right side of |> must be a function call)");
  }

  Node* parse_unary() {
    const Token& t = peek();
    if (t.t == Tok::Op && (t.s == "-" || t.s == "+" || t.s == "!" || t.s == "^")) {
      Token op = next();
      if (at(Tok::Eof)) missing(peek());
      Node* operand = parse_expr(kUnaryPrec);
      if (op.s == "-" && operand->kind == NodeKind::Lit && operand->lit.is_number()) {
        operand->lit = operand->lit.is_integer() ? Term(-operand->lit.as_integer()) : Term(-operand->lit.as_float());
        return operand;
      }
      if (op.s == "+" && operand->kind == NodeKind::Lit && operand->lit.is_number()) return operand;
      if (op.s == "^") {
        if (operand->kind != NodeKind::Var) fail(op, "invalid argument for unary operator ^, expected a variable");
        Node* pin = prog_.make(NodeKind::Pin, op.line);
        pin->name = operand->name;
        return pin;
      }
      Node* u = prog_.make(NodeKind::UnOp, op.line);
      u->op = op.s == "-" ? Op::Neg : op.s == "+" ? Op::Plus : Op::Bang;
      u->kids = {operand};
      return u;
    }
    if (t.t == Tok::Kw && t.s == "not") {
      Token op = next();
      Node* u = prog_.make(NodeKind::UnOp, op.line);
      u->op = Op::Not;
      u->kids = {parse_expr(kUnaryPrec)};
      return u;
    }
    if (t.t == Tok::Op && t.s == "&") {
      if (Node* f = operator_capture()) return f;
      Token op = next();
      Node* operand = parse_expr(kCapturePrec + 1);
      return make_capture(op, operand);
    }
    if (t.t == Tok::Op && t.s == "@") {
      Token op = next();
      if (!at(Tok::Ident)) unexpected(peek());
      Token name = next();
      Node* a = prog_.make(NodeKind::Attr, op.line);
      a->name = intern(name.s);
      if (starts_expr(peek()) && peek().space_before) {
        int saved = no_do_;
        ++no_do_;
        a->kids = {parse_expr(kCapturePrec + 1)};
        no_do_ = saved;
      }
      return a;
    }
    return parse_postfix(parse_primary());
  }

  /// &op/2 (a binary operator) or &op/1 (-, +, !, not) as fn a, b -> a op b end; nullptr if the
  /// tokens after & are not such a capture.
  Node* operator_capture() {
    const Token& o = peek(1);
    if (!(peek(2).t == Tok::Op && peek(2).s == "/" && peek(3).t == Tok::Int && peek(3).lit.is_integer())) return nullptr;
    int arity = static_cast<int>(peek(3).lit.as_integer());
    OpInfo info;
    bool unary = arity == 1 && ((o.t == Tok::Op && (o.s == "-" || o.s == "+" || o.s == "!")) || (o.t == Tok::Kw && o.s == "not"));
    bool binary = arity == 2 && binop(o, info) && info.op != Op::Pipe && info.op != Op::Match && info.op != Op::When &&
                  info.op != Op::Arrow && info.op != Op::Default && info.op != Op::Bar && info.op != Op::Assoc;
    if (!unary && !binary) return nullptr;
    Token amp = next();
    next();
    next();
    next();
    Node* body;
    if (unary) {
      body = prog_.make(NodeKind::UnOp, amp.line);
      body->op = o.s == "-" ? Op::Neg : o.s == "+" ? Op::Plus : o.s == "!" ? Op::Bang : Op::Not;
    } else {
      body = prog_.make(NodeKind::BinOp, amp.line);
      body->op = info.op;
    }
    Node* fn = prog_.make(NodeKind::Fn, amp.line);
    Clause cl;
    cl.line = amp.line;
    for (int i = 1; i <= arity; ++i) {
      Node* v = prog_.make(NodeKind::Var, amp.line);
      v->name = intern("&" + std::to_string(i));
      cl.patterns.push_back(v);
      body->kids.push_back(v);
    }
    cl.body = body;
    fn->clauses.push_back(cl);
    fn->arity = arity;
    return fn;
  }

  Node* make_capture(const Token& op, Node* e) {
    if (e->kind == NodeKind::BinOp && e->op == Op::Div && e->kids[1]->kind == NodeKind::Lit &&
        e->kids[1]->lit.is_integer()) {
      Node* f = e->kids[0];
      if ((f->kind == NodeKind::Var || (f->kind == NodeKind::Call && !f->parens && f->kids.empty()))) {
        Node* c = prog_.make(NodeKind::Capture, op.line);
        c->name = f->name;
        c->arity = static_cast<int>(e->kids[1]->lit.as_integer());
        return c;
      }
      if (f->kind == NodeKind::Remote && !f->parens && f->kids.empty() && !f->tail) {
        Node* c = prog_.make(NodeKind::Capture, op.line);
        c->mod = f->mod;
        c->name = f->name;
        c->arity = static_cast<int>(e->kids[1]->lit.as_integer());
        return c;
      }
    }
    int arity = 0;
    max_capture_arg(e, arity);
    if (arity == 0) fail(op, "invalid args for &, expected one of:\n\n  * &Mod.fun/arity to capture a remote function, such as &Enum.map/2\n  * &fun/arity to capture a local or imported function, such as &is_atom/1\n  * &some_code(&1, ...) containing at least one argument as &1, such as &List.flatten(&1)\n\nGot: " + std::string("expression"));
    // &(... &1 ...) is fn &1, ... -> ... end
    replace_capture_args(e);
    Node* fn = prog_.make(NodeKind::Fn, op.line);
    Clause cl;
    cl.line = op.line;
    for (int i = 1; i <= arity; ++i) {
      Node* v = prog_.make(NodeKind::Var, op.line);
      v->name = intern("&" + std::to_string(i));
      cl.patterns.push_back(v);
    }
    cl.body = e;
    fn->clauses.push_back(cl);
    fn->arity = arity;
    return fn;
  }
  static void replace_capture_args(Node* n) {
    if (!n) return;
    if (n->kind == NodeKind::CaptureArg) {
      n->kind = NodeKind::Var;
      n->name = intern("&" + std::to_string(n->arity));
      return;
    }
    if (n->kind == NodeKind::Fn) return;
    for (Node* k : n->kids) replace_capture_args(k);
    replace_capture_args(n->tail);
    for (Clause& c : n->clauses) {
      for (Node* p : c.patterns) replace_capture_args(p);
      replace_capture_args(c.guard);
      replace_capture_args(c.body);
    }
  }
  static void max_capture_arg(Node* n, int& arity) {
    if (!n) return;
    if (n->kind == NodeKind::CaptureArg) arity = std::max(arity, n->arity);
    if (n->kind == NodeKind::Fn) return;
    for (Node* k : n->kids) max_capture_arg(k, arity);
    max_capture_arg(n->tail, arity);
    for (Clause& c : n->clauses) {
      for (Node* p : c.patterns) max_capture_arg(p, arity);
      max_capture_arg(c.guard, arity);
      max_capture_arg(c.body, arity);
    }
  }

  bool starts_expr(const Token& t) const {
    switch (t.t) {
      case Tok::Int:
      case Tok::Float:
      case Tok::Atom:
      case Tok::Str:
      case Tok::Charlist:
      case Tok::Ident:
      case Tok::Alias:
      case Tok::KwKey:
      case Tok::LBrack:
      case Tok::LBrace:
      case Tok::MapOpen:
      case Tok::StructOpen:
      case Tok::CaptureArg:
        return true;
      case Tok::LParen: return t.space_before;
      case Tok::Kw: return t.s == "fn" || t.s == "not";
      case Tok::Op:
        if (t.s == "^" || t.s == "&" || t.s == "!" || t.s == "@") return true;
        if (t.s == "-" || t.s == "+") {
          const Token& n = peek(1);
          return t.space_before && !n.space_before && (n.t == Tok::Int || n.t == Tok::Float || n.t == Tok::Ident);
        }
        return false;
      default: return false;
    }
  }

  /// Arguments in parentheses, the opening one already consumed.
  std::vector<Node*> paren_args(const Token& open) {
    std::vector<Node*> args;
    int saved = no_do_;
    no_do_ = 0;
    openers_.push_back({"(", open.line});
    skip_nl();
    while (!at(Tok::RParen)) {
      if (at(Tok::KwKey)) {
        args.push_back(keyword_list());
        skip_nl();
        break;
      }
      args.push_back(parse_expr(0));
      skip_nl();
      if (at(Tok::Comma)) {
        next();
        skip_nl();
        continue;
      }
      break;
    }
    if (!at(Tok::RParen)) unexpected(peek());
    next();
    openers_.pop_back();
    no_do_ = saved;
    return args;
  }

  /// Arguments without parentheses, up to the end of the line or a `do`.
  std::vector<Node*> noparen_args() {
    std::vector<Node*> args;
    ++no_do_;
    while (true) {
      if (at(Tok::KwKey)) {
        args.push_back(keyword_list());
        break;
      }
      args.push_back(parse_expr(0));
      if (at(Tok::Comma)) {
        next();
        skip_nl();
        continue;
      }
      break;
    }
    --no_do_;
    return args;
  }

  /// key: value, ... as a list of {key, value} tuples.
  Node* keyword_list() {
    Node* l = prog_.make(NodeKind::List, peek().line);
    while (at(Tok::KwKey)) {
      Token k = next();
      skip_nl();
      Node* key = prog_.make(NodeKind::Lit, k.line);
      key->lit = Term::atom(k.s);
      Node* v = parse_expr(0);
      Node* tup = prog_.make(NodeKind::Tuple, k.line);
      tup->kids = {key, v};
      l->kids.push_back(tup);
      if (at(Tok::Comma)) {
        size_t k = 1;
        while (peek(k).t == Tok::Newline) ++k;
        const Token& after = peek(k);
        if (after.t == Tok::KwKey) {
          next();
          skip_nl();
          continue;
        }
        if (after.t == Tok::Eof) {
          next();
          skip_nl();
          missing(peek());
        }
        if (after.t == Tok::RBrack || after.t == Tok::RBrace || after.t == Tok::RParen) {  // trailing comma
          next();
          skip_nl();
        }
      }
      break;
    }
    return l;
  }

  bool can_take_do() const { return no_do_ == 0 && at_kw("do"); }

  /// do ... [else/after/rescue/catch ...] end
  void do_block(Node* call) {
    Token d = next();  // do
    openers_.push_back({"do", d.line});
    int saved = no_do_;
    no_do_ = 0;
    std::string section = "do";
    while (true) {
      Node* body = block_or_clauses();
      call->blocks.emplace_back(section, body);
      skip_nl();
      if (at(Tok::Eof)) missing(peek());
      if (at_kw("end")) {
        next();
        break;
      }
      if (at_kw("else") || at_kw("after") || at_kw("rescue") || at_kw("catch")) {
        section = next().s;
        continue;
      }
      unexpected(peek());
    }
    no_do_ = saved;
    openers_.pop_back();
  }

  /// The contents of a do-block or fn: plain expressions, or clauses `pats [when g] -> body`.
  Node* block_or_clauses(bool force_clauses = false) {
    int line = peek().line;
    std::vector<Node*> stmts;
    std::vector<Clause> clauses;
    std::vector<Node*> body;
    bool clause_mode = false;
    auto close_clause = [&] {
      if (!clause_mode || clauses.empty()) return;
      Clause& c = clauses.back();
      c.body = block_of(body, c.line);
      body.clear();
    };
    while (true) {
      skip_nl();
      if (at_terminator()) break;
      if (at_op("->")) {  // a clause without patterns
        Token arrow = next();
        if (!clause_mode && !stmts.empty()) fail(arrow, "syntax error before: ->");
        close_clause();
        clause_mode = true;
        Clause c;
        c.line = arrow.line;
        clauses.push_back(c);
        continue;
      }
      if (force_clauses && at(Tok::LParen) && paren_heads_ahead()) {
        // fn (a, b) -> ... / fn () -> ... / fn (a) when g -> ...
        Token open = next();
        openers_.push_back({"(", open.line});
        std::vector<Node*> heads;
        skip_nl();
        while (!at(Tok::RParen)) {
          heads.push_back(parse_expr(0));
          skip_nl();
          if (!at(Tok::Comma)) break;
          next();
          skip_nl();
        }
        if (!at(Tok::RParen)) unexpected(peek());
        next();
        openers_.pop_back();
        Node* guard = nullptr;
        if (at_kw("when")) {
          next();
          skip_nl();
          guard = parse_expr(0);
        }
        if (!at_op("->")) unexpected(peek());
        Token arrow = next();
        if (!clause_mode && !stmts.empty()) fail(arrow, "syntax error before: ->");
        close_clause();
        clause_mode = true;
        Clause c;
        c.line = open.line;
        c.guard = guard;
        c.patterns = std::move(heads);
        clauses.push_back(std::move(c));
        continue;
      }
      Node* e = parse_expr(0);
      if (at(Tok::Comma) || at_op("->")) {
        std::vector<Node*> heads{e};
        while (at(Tok::Comma)) {
          next();
          skip_nl();
          heads.push_back(parse_expr(0));
        }
        if (!at_op("->")) unexpected(peek());
        Token arrow = next();
        if (!clause_mode && !stmts.empty()) fail(arrow, "syntax error before: ->");
        close_clause();
        clause_mode = true;
        Clause c;
        c.line = e->line;
        Node* last = heads.back();
        if (last->kind == NodeKind::BinOp && last->op == Op::When) {
          heads.back() = last->kids[0];
          c.guard = last->kids[1];
        }
        c.patterns = std::move(heads);
        clauses.push_back(std::move(c));
        continue;
      }
      end_of_statement();
      if (clause_mode)
        body.push_back(e);
      else
        stmts.push_back(e);
    }
    if (clause_mode) {
      close_clause();
      Node* n = prog_.make(NodeKind::Clauses, line);
      n->clauses = std::move(clauses);
      return n;
    }
    if (force_clauses) unexpected(peek());
    return block_of(stmts, line);
  }

  /// Default arguments `p \\ expr` of a def (the patterns lose them): one def per extra arity
  /// that calls the full one, the first defaults taking the arguments given, as in Elixir.
  std::vector<Node*> default_wrappers(Node* def, std::vector<Node*>& patterns) {
    std::vector<Node*> dflt(patterns.size(), nullptr);
    int ndef = 0;
    for (size_t i = 0; i < patterns.size(); ++i)
      if (patterns[i]->kind == NodeKind::BinOp && patterns[i]->op == Op::Default) {
        dflt[i] = patterns[i]->kids[1];
        patterns[i] = patterns[i]->kids[0];
        ++ndef;
      }
    std::vector<Node*> out;
    int n = static_cast<int>(patterns.size());
    for (int m = n - ndef; m < n; ++m) {
      int supplied = m - (n - ndef);  // defaults that receive an argument
      Node* w = prog_.make(NodeKind::Def, def->line);
      w->op = def->op;
      w->name = def->name;
      w->arity = m;
      Clause wc;
      wc.line = def->line;
      Node* call = prog_.make(NodeKind::Call, def->line);
      call->name = def->name;
      for (int i = 0; i < n; ++i) {
        if (dflt[static_cast<size_t>(i)] && supplied-- <= 0) {
          call->kids.push_back(dflt[static_cast<size_t>(i)]);
          continue;
        }
        Node* v = prog_.make(NodeKind::Var, def->line);
        v->name = intern("dflt__arg" + std::to_string(i));
        wc.patterns.push_back(v);
        Node* use = prog_.make(NodeKind::Var, def->line);
        use->name = v->name;
        call->kids.push_back(use);
      }
      wc.body = call;
      w->clauses.push_back(wc);
      out.push_back(w);
    }
    return out;
  }

  /// At `(`: true when its matching `)` is followed by `->` or `when` (a parenthesised fn head).
  bool paren_heads_ahead() const {
    int depth = 0;
    for (size_t k = 0;; ++k) {
      const Token& t = peek(k);
      if (t.t == Tok::Eof) return false;
      if (t.t == Tok::LParen || t.t == Tok::LBrack || t.t == Tok::LBrace || t.t == Tok::MapOpen || t.t == Tok::StructOpen) ++depth;
      if (t.t == Tok::RParen || t.t == Tok::RBrack || t.t == Tok::RBrace) --depth;
      if (depth == 0) {
        const Token& a = peek(k + 1);
        return (a.t == Tok::Op && a.s == "->") || (a.t == Tok::Kw && a.s == "when");
      }
    }
  }

  Node* block_of(std::vector<Node*>& stmts, int line) {
    if (stmts.empty()) {
      Node* n = prog_.make(NodeKind::Lit, line);
      return n;  // nil
    }
    if (stmts.size() == 1) return stmts[0];
    Node* b = prog_.make(NodeKind::Block, stmts[0]->line);
    b->kids = stmts;
    return b;
  }

  Node* parse_fn() {
    Token f = next();
    openers_.push_back({"fn", f.line});
    int saved = no_do_;
    no_do_ = 0;
    Node* c = block_or_clauses(true);
    skip_nl();
    if (at(Tok::Eof)) missing(peek());
    if (!at_kw("end")) unexpected(peek());
    next();
    no_do_ = saved;
    openers_.pop_back();
    Node* n = prog_.make(NodeKind::Fn, f.line);
    n->clauses = std::move(c->clauses);
    size_t ar = n->clauses[0].patterns.size();
    for (auto& cl : n->clauses)
      if (cl.patterns.size() != ar) fail(f, "cannot mix clauses with different arities in anonymous functions");
    n->arity = static_cast<int>(ar);
    return n;
  }

  Node* parse_string(const Token& t) {
    if (t.parts.size() == 1 && !t.parts[0].code) {
      Node* n = prog_.make(NodeKind::Lit, t.line);
      n->lit = Term::binary(t.parts[0].text);
      return n;
    }
    Node* s = prog_.make(NodeKind::Str, t.line);
    for (auto& p : t.parts) {
      if (!p.code) {
        Node* n = prog_.make(NodeKind::Lit, t.line);
        n->lit = Term::binary(p.text);
        s->kids.push_back(n);
      } else {
        std::vector<Token> sub = tokenize(p.text, p.line, p.col);
        Parser sp(std::move(sub), prog_);
        Node* e = sp.parse_interpolation();
        s->kids.push_back(e);
      }
    }
    return s;
  }

  Node* parse_primary() {
    const Token& t = peek();
    switch (t.t) {
      case Tok::Int:
      case Tok::Float:
      case Tok::Atom: {
        Token k = next();
        Node* n = prog_.make(NodeKind::Lit, k.line);
        n->lit = k.lit;
        return n;
      }
      case Tok::Str: {
        Token k = next();
        return parse_string(k);
      }
      case Tok::Charlist: {
        Token k = next();
        std::vector<Term> cps;
        for (auto& p : k.parts) {
          if (p.code) fail(k, "interpolation in charlists is not supported by the console");
          // decode UTF-8
          const std::string& s = p.text;
          for (size_t i = 0; i < s.size();) {
            unsigned char c = static_cast<unsigned char>(s[i]);
            uint32_t cp = c;
            size_t len = 1;
            if (c >= 0xF0) {
              cp = c & 0x07;
              len = 4;
            } else if (c >= 0xE0) {
              cp = c & 0x0F;
              len = 3;
            } else if (c >= 0xC0) {
              cp = c & 0x1F;
              len = 2;
            }
            for (size_t j = 1; j < len && i + j < s.size(); ++j) cp = (cp << 6) | (static_cast<unsigned char>(s[i + j]) & 0x3F);
            cps.push_back(Term(static_cast<long long>(cp)));
            i += len;
          }
        }
        Node* n = prog_.make(NodeKind::Lit, k.line);
        n->lit = Term::list(cps);
        return n;
      }
      case Tok::CaptureArg: {
        Token k = next();
        Node* n = prog_.make(NodeKind::CaptureArg, k.line);
        n->arity = static_cast<int>(k.lit.as_integer());
        return n;
      }
      case Tok::Ident: return parse_identifier();
      case Tok::Alias: {
        Token k = next();
        std::string name = k.s;
        while (at(Tok::Dot) && peek(1).t == Tok::Alias) {
          next();
          name += "." + next().s;
        }
        Node* n = prog_.make(NodeKind::Lit, k.line);
        if (name == "__MODULE__") {
          n->kind = NodeKind::Module;
          return n;
        }
        n->lit = Term::atom("Elixir." + name);
        return n;
      }
      case Tok::LParen: {
        Token open = next();
        openers_.push_back({"(", open.line});
        int saved = no_do_;
        no_do_ = 0;
        std::vector<Node*> stmts;
        while (true) {
          skip_nl();
          if (at(Tok::RParen)) break;
          if (at(Tok::Eof)) missing(peek());
          stmts.push_back(parse_expr(0));
          if (!at(Tok::Newline) && !at(Tok::Semi) && !at(Tok::RParen)) unexpected(peek());
        }
        next();
        no_do_ = saved;
        openers_.pop_back();
        return block_of(stmts, open.line);
      }
      case Tok::LBrack: {
        Token open = next();
        openers_.push_back({"[", open.line});
        int saved = no_do_;
        no_do_ = 0;
        Node* l = prog_.make(NodeKind::List, open.line);
        skip_nl();
        while (!at(Tok::RBrack)) {
          if (at(Tok::KwKey)) {
            Node* kw = keyword_list();
            for (Node* k : kw->kids) l->kids.push_back(k);
            skip_nl();
            if (at(Tok::Comma)) {
              next();
              skip_nl();
            }
            break;
          }
          Node* e = parse_expr(0);
          if (e->kind == NodeKind::BinOp && e->op == Op::Bar) {
            l->kids.push_back(e->kids[0]);
            l->tail = e->kids[1];
            skip_nl();
            break;
          }
          l->kids.push_back(e);
          skip_nl();
          if (at(Tok::Comma)) {
            next();
            skip_nl();
            continue;
          }
          break;
        }
        if (!at(Tok::RBrack)) unexpected(peek());
        next();
        no_do_ = saved;
        openers_.pop_back();
        return l;
      }
      case Tok::LBrace: {
        Token open = next();
        openers_.push_back({"{", open.line});
        int saved = no_do_;
        no_do_ = 0;
        Node* tup = prog_.make(NodeKind::Tuple, open.line);
        skip_nl();
        while (!at(Tok::RBrace)) {
          if (at(Tok::KwKey)) {
            tup->kids.push_back(keyword_list());
            skip_nl();
            break;
          }
          tup->kids.push_back(parse_expr(0));
          skip_nl();
          if (at(Tok::Comma)) {
            next();
            skip_nl();
            continue;
          }
          break;
        }
        if (!at(Tok::RBrace)) unexpected(peek());
        next();
        no_do_ = saved;
        openers_.pop_back();
        return tup;
      }
      case Tok::StructOpen:
      case Tok::MapOpen: {
        Token open = next();
        openers_.push_back({open.t == Tok::StructOpen ? "{" : "%{", open.line});
        int saved = no_do_;
        no_do_ = 0;
        Node* m = prog_.make(NodeKind::Map, open.line);
        if (open.t == Tok::StructOpen) m->mod = intern("Elixir." + open.s);  // %Alias{...}
        skip_nl();
        bool first = true;
        while (!at(Tok::RBrace)) {
          if (at(Tok::KwKey)) {
            Node* kw = keyword_list();
            for (Node* k : kw->kids) {
              m->kids.push_back(k->kids[0]);
              m->kids.push_back(k->kids[1]);
            }
            skip_nl();
            break;
          }
          Node* k = parse_expr(kCapturePrec - 1);  // stops before =>
          if (first && k->kind == NodeKind::BinOp && k->op == Op::Bar) {
            // %{map | k => v, ...}: the right side of | begins the pairs
            m->tail = k->kids[0];
            Node* rest = k->kids[1];
            if (rest->kind == NodeKind::List) {  // keyword form parsed as a list? (not produced)
              unexpected(peek());
            }
            if (!(rest->kind == NodeKind::BinOp && rest->op == Op::Assoc)) unexpected(peek());
            m->kids.push_back(rest->kids[0]);
            m->kids.push_back(rest->kids[1]);
          } else if (k->kind == NodeKind::BinOp && k->op == Op::Assoc) {
            m->kids.push_back(k->kids[0]);
            m->kids.push_back(k->kids[1]);
          } else if (first && at_op("|")) {
            next();
            skip_nl();
            m->tail = k;
            first = false;
            continue;
          } else {
            unexpected(peek());
          }
          first = false;
          skip_nl();
          if (at(Tok::Comma)) {
            next();
            skip_nl();
            continue;
          }
          break;
        }
        if (!at(Tok::RBrace)) unexpected(peek());
        next();
        no_do_ = saved;
        openers_.pop_back();
        return m;
      }
      case Tok::Kw:
        if (t.s == "fn") return parse_fn();
        unexpected(t);
      case Tok::Eof: missing(t);
      default: unexpected(t);
    }
  }

  Node* parse_identifier() {
    Token id = next();
    if (id.s == "__MODULE__") return prog_.make(NodeKind::Module, id.line);
    Atom name = intern(id.s);
    if (at(Tok::LParen) && !peek().space_before) {
      Token open = next();
      Node* c = prog_.make(NodeKind::Call, id.line);
      c->name = name;
      c->kids = paren_args(open);
      if (can_take_do()) do_block(c);
      return finish_call(c);
    }
    if (starts_expr(peek()) && peek().space_before && !is_plain_var_context(id)) {
      Node* c = prog_.make(NodeKind::Call, id.line);
      c->name = name;
      c->kids = noparen_args();
      if (can_take_do()) do_block(c);
      return finish_call(c);
    }
    if (can_take_do()) {
      Node* c = prog_.make(NodeKind::Call, id.line);
      c->name = name;
      do_block(c);
      return finish_call(c);
    }
    Node* v = prog_.make(NodeKind::Var, id.line);
    v->name = name;
    return v;
  }
  bool is_plain_var_context(const Token&) const { return false; }

  Node* parse_postfix(Node* e) {
    while (true) {
      if (at(Tok::Dot)) {
        Token dot = next();
        if (at(Tok::LParen)) {  // fun.(args)
          Token open = next();
          Node* c = prog_.make(NodeKind::DynCall, dot.line);
          c->kids.push_back(e);
          for (Node* a : paren_args(open)) c->kids.push_back(a);
          e = c;
          continue;
        }
        if (at(Tok::Ident) || at(Tok::Kw)) {
          Token f = next();
          Node* c = prog_.make(NodeKind::Remote, f.line);
          c->name = intern(f.s);
          bool module = e->kind == NodeKind::Lit && e->lit.is_atom();
          if (module)
            c->mod = e->lit.as_atom();
          else
            c->tail = e;  // the receiver expression
          if (at(Tok::LParen) && !peek().space_before) {
            Token open = next();
            c->kids = paren_args(open);
            if (can_take_do()) do_block(c);
          } else if (starts_expr(peek()) && peek().space_before) {
            c->kids = noparen_args();
            if (can_take_do()) do_block(c);
          } else {
            c->parens = false;
            if (!module) {  // map.field
              Node* fld = prog_.make(NodeKind::Field, f.line);
              fld->name = c->name;
              fld->kids = {e};
              e = fld;
              continue;
            }
          }
          e = c;
          continue;
        }
        unexpected(peek());
      }
      if (at(Tok::LBrack) && !peek().space_before) {
        Token open = next();
        openers_.push_back({"[", open.line});
        int saved = no_do_;
        no_do_ = 0;
        skip_nl();
        Node* key = parse_expr(0);
        skip_nl();
        if (!at(Tok::RBrack)) unexpected(peek());
        next();
        no_do_ = saved;
        openers_.pop_back();
        Node* a = prog_.make(NodeKind::Access, open.line);
        a->kids = {e, key};
        e = a;
        continue;
      }
      return e;
    }
  }

  // Turns calls of special forms into their nodes.
  /// A try node: `body` with the rescue, catch, else and after sections of `c` (a try, or a def
  /// whose body has them: `def f do ... rescue ... end`).
  Node* make_try(Node* c, Node* body) {
    Node* r = prog_.make(NodeKind::Try, c->line);
    if (body && body->kind == NodeKind::Clauses) bad_form(c, "unexpected -> clauses in try");
    r->kids = {body, section(c, "after")};
    if (r->kids[1] && r->kids[1]->kind == NodeKind::Clauses) bad_form(c, "unexpected -> clauses in after");
    const std::pair<const char*, uint8_t> kinds[] = {{"rescue", 0}, {"catch", 1}, {"else", 2}};
    for (auto [name, kind] : kinds) {
      if (Node* sec = section(c, name)) {
        for (auto cl : clauses_of(c, sec, "try", name)) {
          cl.kind = kind;
          r->clauses.push_back(cl);
        }
      }
    }
    return r;
  }

  Node* section(Node* c, const char* name) {
    for (auto& [s, b] : c->blocks)
      if (s == name) return b;
    // keyword form: last argument [do: x, else: y]
    if (!c->kids.empty()) {
      Node* last = c->kids.back();
      if (last->kind == NodeKind::List && !last->tail) {
        for (Node* kv : last->kids)
          if (kv->kind == NodeKind::Tuple && kv->kids.size() == 2 && kv->kids[0]->kind == NodeKind::Lit &&
              kv->kids[0]->lit.is_atom(intern(name)))
            return kv->kids[1];
      }
    }
    return nullptr;
  }
  bool has_kw_block(Node* c) {
    if (c->kids.empty()) return false;
    Node* last = c->kids.back();
    if (last->kind != NodeKind::List || last->kids.empty()) return false;
    Node* kv = last->kids[0];
    return kv->kind == NodeKind::Tuple && kv->kids.size() == 2 && kv->kids[0]->kind == NodeKind::Lit &&
           kv->kids[0]->lit.is_atom(intern("do"));
  }
  std::vector<Node*> plain_args(Node* c) {
    std::vector<Node*> a = c->kids;
    if (c->blocks.empty() && has_kw_block(c)) a.pop_back();
    return a;
  }
  [[noreturn]] void bad_form(Node* c, const std::string& msg) {
    Token t;
    t.line = c->line;
    t.col = 0;
    ParseFailure f;
    f.err.kind = "CompileError";
    f.err.line = c->line;
    f.err.column = 0;
    f.err.message = msg;
    throw f;
  }
  std::vector<Clause> clauses_of(Node* c, Node* block, const char* what, const char* sec = "do") {
    if (!block) return {};
    if (block->kind != NodeKind::Clauses)
      bad_form(c, std::string("expected -> clauses for :") + sec + " in \"" + what + "\"");
    return block->clauses;
  }

  Node* finish_call(Node* c) {
    std::string_view n = atom_name(c->name);
    bool has_do = !c->blocks.empty() || has_kw_block(c);
    if (n == "case" && has_do) {
      auto args = plain_args(c);
      if (args.size() != 1) bad_form(c, "invalid case: expected one expression");
      Node* r = prog_.make(NodeKind::Case, c->line);
      r->kids = {args[0]};
      r->clauses = clauses_of(c, section(c, "do"), "case");
      return r;
    }
    if (n == "cond" && has_do) {
      Node* r = prog_.make(NodeKind::Cond, c->line);
      r->clauses = clauses_of(c, section(c, "do"), "cond");
      for (auto& cl : r->clauses)
        if (cl.patterns.size() != 1 || cl.guard) bad_form(c, "invalid cond clause");
      return r;
    }
    if ((n == "if" || n == "unless") && has_do) {
      auto args = plain_args(c);
      if (args.size() != 1) bad_form(c, std::string("invalid ") + std::string(n));
      Node* r = prog_.make(NodeKind::If, c->line);
      Node* then = section(c, "do");
      Node* els = section(c, "else");
      if ((then && then->kind == NodeKind::Clauses) || (els && els->kind == NodeKind::Clauses))
        bad_form(c, "unexpected -> clauses in if");
      if (n == "unless") std::swap(then, els);
      r->kids = {args[0], then, els};
      return r;
    }
    if (n == "receive" && has_do) {
      Node* r = prog_.make(NodeKind::Receive, c->line);
      Node* d = section(c, "do");
      if (d && d->kind == NodeKind::Clauses) r->clauses = d->clauses;
      else if (d && !(d->kind == NodeKind::Lit && d->lit.is_atom(atoms::nil))) bad_form(c, "expected -> clauses for :do in \"receive\"");
      Node* a = section(c, "after");
      r->kids = {nullptr, nullptr};
      if (a) {
        if (a->kind != NodeKind::Clauses || a->clauses.size() != 1 || a->clauses[0].patterns.size() != 1)
          bad_form(c, "expected a single -> clause for :after in \"receive\"");
        r->kids = {a->clauses[0].patterns[0], a->clauses[0].body};
      }
      return r;
    }
    if (n == "try" && has_do) return make_try(c, section(c, "do"));
    if (n == "for" && has_do) {
      Node* r = prog_.make(NodeKind::For, c->line);
      for (Node* a : plain_args(c)) {
        if (a->kind == NodeKind::List) continue;  // options such as into: are not supported
        r->kids.push_back(a);
      }
      Node* body = section(c, "do");
      if (!body || body->kind == NodeKind::Clauses) bad_form(c, "invalid for");
      r->kids.push_back(body);
      return r;
    }
    if (n == "defmodule") {
      auto args = plain_args(c);
      Node* body = section(c, "do");
      if (args.size() != 1 || args[0]->kind != NodeKind::Lit || !args[0]->lit.is_atom() || !body)
        bad_form(c, "invalid defmodule");
      Node* r = prog_.make(NodeKind::Defmodule, c->line);
      r->name = args[0]->lit.as_atom();
      if (body->kind == NodeKind::Block) {
        std::vector<Node*> flat;
        for (Node* k : body->kids) {
          if (k->kind == NodeKind::Block && k->op == Op::Default)
            flat.insert(flat.end(), k->kids.begin(), k->kids.end());
          else
            flat.push_back(k);
        }
        body->kids = std::move(flat);
        body->op = Op::None;
      }
      r->kids = {body};
      return r;
    }
    if (n == "def" || n == "defp") {
      auto args = plain_args(c);
      Node* body = section(c, "do");
      if (args.size() != 1) bad_form(c, "invalid " + std::string(n) + ": expected a function head and a do block");
      Node* head = args[0];
      Clause cl;
      cl.line = c->line;
      if (head->kind == NodeKind::BinOp && head->op == Op::When) {
        cl.guard = head->kids[1];
        head = head->kids[0];
      }
      Node* r = prog_.make(NodeKind::Def, c->line);
      r->op = n == "defp" ? Op::Not : Op::None;
      if (head->kind == NodeKind::Var) {
        r->name = head->name;
      } else if (head->kind == NodeKind::Call && head->blocks.empty()) {
        r->name = head->name;
        cl.patterns = head->kids;
      } else {
        bad_form(c, "invalid function head in " + std::string(n));
      }
      r->arity = static_cast<int>(cl.patterns.size());
      std::vector<Node*> wrappers = default_wrappers(r, cl.patterns);
      if (!body) {
        // A function head (`def f(a, b \\ 1)`): only the arities its defaults add.
        if (cl.guard) bad_form(c, "missing :do option in \"" + std::string(n) + "\"");
        Node* g = prog_.make(NodeKind::Block, c->line);
        g->op = Op::Default;
        g->kids = wrappers;
        return g;
      }
      if (body->kind == NodeKind::Clauses) bad_form(c, "unexpected -> clauses in def");
      if (section(c, "rescue") || section(c, "catch") || section(c, "after")) body = make_try(c, body);
      cl.body = body;
      r->clauses.push_back(cl);
      if (wrappers.empty()) return r;
      Node* g = prog_.make(NodeKind::Block, c->line);
      g->op = Op::Default;  // a group of defs, flattened into the module body
      g->kids = wrappers;
      g->kids.push_back(r);
      return g;
    }
    if ((n == "import" || n == "alias" || n == "require" || n == "use") && !c->kids.empty() &&
        c->blocks.empty()) {
      Node* r = prog_.make(NodeKind::Directive, c->line);
      r->name = c->name;
      if (c->kids[0]->kind == NodeKind::Lit && c->kids[0]->lit.is_atom()) r->mod = c->kids[0]->lit.as_atom();
      else r->tail = c->kids[0];  // for the error message
      if ((n == "use" || n == "import" || n == "alias") && c->kids.size() == 2) r->kids = {c->kids[1]};  // use GenServer, restart: :temporary
      return r;
    }
    if (!c->blocks.empty()) {
      // Any other call with a do-block: pass the block as a keyword argument.
      Node* kw = prog_.make(NodeKind::List, c->line);
      for (auto& [s, b] : c->blocks) {
        if (b->kind == NodeKind::Clauses) bad_form(c, "unexpected -> clauses");
        Node* key = prog_.make(NodeKind::Lit, c->line);
        key->lit = Term::atom(s);
        Node* tup = prog_.make(NodeKind::Tuple, c->line);
        tup->kids = {key, b};
        kw->kids.push_back(tup);
      }
      c->kids.push_back(kw);
      c->blocks.clear();
    }
    return c;
  }

  std::vector<Token> t_;
  size_t p_ = 0;
  Program& prog_;
  int no_do_ = 0;
  std::vector<Opener> openers_;
};

// ---- compile: variables, calls, purity ------------------------------------------------------

class Resolver {
 public:
  explicit Resolver(Program& prog) : prog_(prog) {}

  using Scope = std::set<uint32_t>;

  [[noreturn]] void error(int line, std::string msg) {
    ParseFailure f;
    f.err.kind = "CompileError";
    f.err.line = line;
    f.err.column = 0;
    f.err.message = std::move(msg);
    throw f;
  }

  void pattern(Node* n, Scope& sc, Scope& bound_here) {
    switch (n->kind) {
      case NodeKind::Lit:
        expand_lit(n);
        n->pure = true;
        return;
      case NodeKind::Var: {
        n->pure = true;
        std::string_view nm = atom_name(n->name);
        if (nm == "_") return;
        bound_here.insert(n->name.id);
        sc.insert(n->name.id);
        return;
      }
      case NodeKind::Pin:
        if (!sc.count(n->name.id) || bound_here.count(n->name.id))
          error(n->line, "undefined variable ^" + std::string(atom_name(n->name)));
        n->pure = true;
        return;
      case NodeKind::Tuple:
      case NodeKind::List:
        for (Node* k : n->kids) pattern(k, sc, bound_here);
        if (n->tail) pattern(n->tail, sc, bound_here);
        return;
      case NodeKind::Map:
        check_struct(n);
        if (n->tail) error(n->line, "cannot use map update syntax in a pattern");
        for (size_t i = 0; i < n->kids.size(); i += 2) {
          expr(n->kids[i], sc);
          pattern(n->kids[i + 1], sc, bound_here);
        }
        return;
      case NodeKind::Match:
        pattern(n->kids[0], sc, bound_here);
        pattern(n->kids[1], sc, bound_here);
        return;
      case NodeKind::BinOp:
        if (n->op == Op::Concat && n->kids[0]->kind == NodeKind::Lit && n->kids[0]->lit.is_binary()) {
          pattern(n->kids[1], sc, bound_here);
          return;
        }
        if (n->op == Op::ListAdd && n->kids[0]->kind == NodeKind::List) {
          pattern(n->kids[0], sc, bound_here);
          pattern(n->kids[1], sc, bound_here);
          return;
        }
        break;
      case NodeKind::Module:
        return;
      case NodeKind::Attr:
        if (n->kids.empty()) return;
        break;
      default: break;
    }
    if (n->kind == NodeKind::Call && !n->parens && n->kids.empty()) {  // never: vars stay vars here
      n->kind = NodeKind::Var;
      pattern(n, sc, bound_here);
      return;
    }
    error(n->line, "cannot invoke this expression inside a match (only literals, variables, tuples, lists, maps "
                   "and ^pins are allowed in patterns)");
  }

  /// %Alias{}: Elixir expands structs at compile time; the console knows the built-in ones only.
  /// `%Mod{...}`: Mod must be a built-in struct, this module (with defstruct), a module defined
  /// before this one, or one of a shell's earlier inputs; the keys given must be its fields.
  void check_struct(Node* n) {
    if (!n->mod.id) return;
    n->mod = expand_alias(n->mod);
    if (n->mod == intern("Elixir.__MODULE__")) {
      if (!module_) error(n->line, "invalid struct name, __MODULE__ is not available outside a module");
      n->mod = module_->name;
    }
    std::string m(atom_name(n->mod));
    if (m.rfind("Elixir.", 0) == 0) m = m.substr(7);
    const std::vector<Atom>* fields = nullptr;
    if (module_ && n->mod == module_->name && own_struct_) {
      fields = &*own_struct_;
    } else if (auto it = structs_.find(n->mod.id); it != structs_.end()) {
      if (!module_)
        error(n->line, "cannot access struct " + m +
                           ", the struct was not yet defined or the struct is being accessed in the same context that defines it");
      fields = &it->second;
    } else if (auto l = loaded_structs_.find(n->mod.id); l != loaded_structs_.end()) {
      fields = &l->second;
    }
    if (fields) {
      for (size_t i = 0; i < n->kids.size(); i += 2) {
        const Node* k = n->kids[i];
        if (k->kind == NodeKind::Lit && k->lit.is_atom() &&
            std::find(fields->begin(), fields->end(), k->lit.as_atom()) == fields->end()) {
          ParseFailure f;  // elixir raises the KeyError of expanding the struct, without a location
          f.err.kind = "KeyError";
          f.err.line = 0;
          f.err.message = "key :" + std::string(atom_name(k->lit.as_atom())) + " not found";
          throw f;
        }
      }
      return;
    }
    if (m != "Task" && struct_fields(m)) return;
    error(n->line, m + ".__struct__/1 is undefined, cannot expand struct " + m +
                       ". Make sure the struct name is correct. If the struct name exists and is correct but it still "
                       "cannot be found, you likely have cyclic module usage in your code");
  }

  void clause(Clause& c, Scope outer) {
    ImportScope keep(*this);
    Scope bound;
    for (Node* p : c.patterns) pattern(p, outer, bound);
    if (c.guard) {
      expr(c.guard, outer);
      if (!c.guard->pure) error(c.guard->line, "cannot invoke a function that is not allowed in guards");
    }
    if (c.body) expr(c.body, outer);
  }

  void exprs(std::vector<Node*>& v, Scope& sc) {
    for (Node* k : v) expr(k, sc);
  }
  static bool all_pure(const std::vector<Node*>& v) {
    return std::all_of(v.begin(), v.end(), [](Node* k) { return k == nullptr || k->pure; });
  }

  void expr(Node* n, Scope& sc) {
    switch (n->kind) {
      case NodeKind::Lit:
        expand_lit(n);
        n->pure = true;
        return;
      case NodeKind::Module:
        if (module_) n->mod = module_->name;
        n->pure = true;
        return;
      case NodeKind::Var: {
        std::string_view nm = atom_name(n->name);
        if (sc.count(n->name.id)) {
          n->pure = true;
          return;
        }
        if (!nm.empty() && nm[0] == '_') error(n->line, "invalid use of _. \"_\" represents a value to be ignored in a pattern and cannot be used in expressions");
        // An unbound name is a call with no arguments.
        n->kind = NodeKind::Call;
        n->parens = false;
        expr(n, sc);
        return;
      }
      case NodeKind::Pin: error(n->line, "cannot use ^" + std::string(atom_name(n->name)) + " outside of match clauses");
      case NodeKind::Map:
        check_struct(n);
        [[fallthrough]];
      case NodeKind::Str:
      case NodeKind::Tuple:
      case NodeKind::List:
      case NodeKind::UnOp:
      case NodeKind::Field:
      case NodeKind::Access:
        exprs(n->kids, sc);
        if (n->tail) expr(n->tail, sc);
        n->pure = all_pure(n->kids) && (!n->tail || n->tail->pure);
        return;
      case NodeKind::BinOp:
        if (n->op == Op::When || n->op == Op::Bar || n->op == Op::Assoc || n->op == Op::Arrow ||
            n->op == Op::Default)
          error(n->line, "syntax error: unexpected operator in this position");
        exprs(n->kids, sc);
        n->pure = all_pure(n->kids);
        return;
      case NodeKind::Block: {
        ImportScope keep(*this);
        exprs(n->kids, sc);
        n->pure = false;
        return;
      }
      case NodeKind::Match: {
        expr(n->kids[1], sc);
        Scope bound;
        pattern(n->kids[0], sc, bound);
        return;
      }
      case NodeKind::Call: {
        if (atom_name(n->name) == "match?" && n->kids.size() != 2 &&
            !(module_ && module_defs_.count({n->name.id, static_cast<int>(n->kids.size())})))
          error(n->line, "undefined function match?/" + std::to_string(n->kids.size()) + " (there is no such import)");
        if (atom_name(n->name) == "match?" && n->kids.size() == 2 &&
            !(module_ && module_defs_.count({n->name.id, 2}))) {
          // match?(pattern [when guard], expr) is `case expr do pattern [when guard] -> true; _ -> false end`:
          // the pattern's variables do not leak, as in Elixir.
          Node* pat = n->kids[0];
          Node* subject = n->kids[1];
          Clause hit, miss;
          hit.line = miss.line = n->line;
          if (pat->kind == NodeKind::BinOp && pat->op == Op::When) {
            hit.guard = pat->kids[1];
            pat = pat->kids[0];
          }
          hit.patterns = {pat};
          hit.body = prog_.make(NodeKind::Lit, n->line);
          hit.body->lit = Term(atoms::true_);
          Node* any = prog_.make(NodeKind::Var, n->line);
          any->name = intern("_");
          miss.patterns = {any};
          miss.body = prog_.make(NodeKind::Lit, n->line);
          miss.body->lit = Term(atoms::false_);
          n->kind = NodeKind::Case;
          n->kids = {subject};
          n->clauses = {hit, miss};
          expr(n, sc);
          return;
        }
        exprs(n->kids, sc);
        if (module_) n->mod = module_->name;
        int ar = static_cast<int>(n->kids.size());
        bool local = module_ && module_defs_.count({n->name.id, ar});
        if (!local) {
          if (Atom from = imported(n, ar); from.id) {
            n->kind = NodeKind::Remote;
            n->mod = from;
            n->pure = builtin_is_sync(from, n->name, ar) && all_pure(n->kids);
            return;
          }
          if (!find_builtin(kernel_atom(), n->name, ar))
            error(n->line, "undefined function " + std::string(atom_name(n->name)) + "/" + std::to_string(ar) +
                               (module_ ? " (expected " + module_text(module_->name) +
                                              " to define such a function or for it to be imported, but none are available)"
                                        : " (there is no such import)"));
        }
        n->pure = !local && builtin_is_sync(kernel_atom(), n->name, ar) && all_pure(n->kids);
        return;
      }
      case NodeKind::Remote: {
        if (!n->tail) n->mod = expand_alias(n->mod);
        exprs(n->kids, sc);
        if (n->tail) expr(n->tail, sc);
        n->pure = !n->tail && builtin_is_sync(n->mod, n->name, static_cast<int>(n->kids.size())) && all_pure(n->kids);
        return;
      }
      case NodeKind::DynCall: exprs(n->kids, sc); return;
      case NodeKind::Fn:
        for (Clause& c : n->clauses) clause(c, sc);
        n->pure = true;
        return;
      case NodeKind::Case:
        expr(n->kids[0], sc);
        for (Clause& c : n->clauses) clause(c, sc);
        return;
      case NodeKind::Cond:
        for (Clause& c : n->clauses) {
          Scope inner = sc;
          expr(c.patterns[0], inner);
          expr(c.body, inner);
        }
        return;
      case NodeKind::If: {
        expr(n->kids[0], sc);
        for (int i = 1; i < 3; ++i)
          if (n->kids[i]) {
            Scope inner = sc;
            expr(n->kids[i], inner);
          }
        return;
      }
      case NodeKind::Receive:
        for (Clause& c : n->clauses) clause(c, sc);
        if (n->kids[0]) {
          expr(n->kids[0], sc);
          Scope inner = sc;
          expr(n->kids[1], inner);
        }
        return;
      case NodeKind::Try: {
        {
          Scope inner = sc;
          if (n->kids[0]) expr(n->kids[0], inner);
        }
        for (Clause& c : n->clauses) {
          Scope inner = sc;
          Scope bound;
          for (Node*& p : c.patterns) {
            // rescue e in [A, B] / rescue A / rescue e
            if (c.kind == 0 && p->kind == NodeKind::BinOp && p->op == Op::In) {
              pattern(p->kids[0], inner, bound);
              continue;
            }
            if (c.kind == 0 && p->kind == NodeKind::Lit) continue;
            pattern(p, inner, bound);
          }
          if (c.guard) expr(c.guard, inner);
          expr(c.body, inner);
        }
        if (n->kids[1]) {
          Scope inner = sc;
          expr(n->kids[1], inner);
        }
        return;
      }
      case NodeKind::For: {
        Scope inner = sc;
        for (size_t i = 0; i + 1 < n->kids.size(); ++i) {
          Node* k = n->kids[i];
          if (k->kind == NodeKind::BinOp && k->op == Op::Arrow) {
            expr(k->kids[1], inner);
            Scope bound;
            pattern(k->kids[0], inner, bound);
          } else {
            expr(k, inner);
          }
        }
        expr(n->kids.back(), inner);
        return;
      }
      case NodeKind::Defmodule: {
        if (module_) error(n->line, "nested modules are not supported by the console");
        module_ = n;
        module_defs_.clear();
        own_struct_.reset();
        collect_defs(n->kids[0]);
        Scope inner;
        {
          ImportScope keep(*this);
          expr(n->kids[0], inner);
        }
        auto& pub = modules_[n->name.id];
        pub.clear();
        collect_public(n->kids[0], pub);
        if (own_struct_) structs_[n->name.id] = *own_struct_;
        own_struct_.reset();
        module_ = nullptr;
        module_defs_.clear();
        return;
      }
      case NodeKind::Def: {
        if (!module_) error(n->line, "cannot invoke def/2 outside module");
        for (Clause& c : n->clauses) clause(c, Scope{});  // fresh scope
        return;
      }
      case NodeKind::Attr:
        if (module_) n->mod = module_->name;
        if (!n->kids.empty()) expr(n->kids[0], sc);
        n->pure = n->kids.empty();
        return;
      case NodeKind::Capture:
        if (n->mod.id) n->mod = expand_alias(n->mod);
        if (!n->mod.id) {
          if (module_ && module_defs_.count({n->name.id, n->arity})) {
            n->mod = module_->name;
            n->op = Op::Not;  // local
          } else if (Atom from = imported(n, n->arity); from.id) {
            n->mod = from;
          }
        }
        n->pure = true;
        return;
      case NodeKind::CaptureFn: {
        Scope inner = sc;
        expr(n->kids[0], inner);
        n->pure = true;
        return;
      }
      case NodeKind::CaptureArg:
        n->pure = true;
        return;
      case NodeKind::Directive:
        if (atom_name(n->name) == "import" || atom_name(n->name) == "use" || atom_name(n->name) == "require")
          n->mod = expand_alias(n->mod);
        if (atom_name(n->name) == "import") {
          import(n);
          n->kids.clear();
        } else if (atom_name(n->name) == "alias") {
          alias(n);
          n->kids.clear();
        }
        exprs(n->kids, sc);
        n->pure = true;
        return;
      case NodeKind::Clauses: error(n->line, "unexpected -> clauses");
    }
  }

  /// The imports in effect: later entries shadow earlier ones of the same module.
  struct Import {
    Atom mod;
    std::set<std::pair<uint32_t, int>> funs;
  };
  /// Restores the imports and aliases when a lexical scope ends.
  struct ImportScope {
    explicit ImportScope(Resolver& r) : r_(r), imports_(r.imports_), aliases_(r.aliases_) {}
    ~ImportScope() {
      r_.imports_ = std::move(imports_);
      r_.aliases_ = std::move(aliases_);
    }
    Resolver& r_;
    std::vector<Import> imports_;
    std::vector<std::pair<Atom, Atom>> aliases_;
  };

  /// An alias (`Elixir.List.Sub`) with its first segment replaced by what `alias` made it name.
  Atom expand_alias(Atom a) const {
    if (aliases_.empty()) return a;
    std::string_view n = atom_name(a);
    if (n.substr(0, 7) != "Elixir.") return a;
    size_t dot = n.find('.', 7);
    std::string_view first = n.substr(0, dot);
    for (auto it = aliases_.rbegin(); it != aliases_.rend(); ++it)
      if (atom_name(it->first) == first)
        return dot == std::string_view::npos ? it->second
                                             : intern(std::string(atom_name(it->second)) + std::string(n.substr(dot)));
    return a;
  }
  void expand_lit(Node* n) {
    if (n->lit.is_atom()) n->lit = Term(expand_alias(n->lit.as_atom()));
  }

  /// `alias Mod.Sub[, as: Name]`: Sub (or Name) stands for Mod.Sub in the rest of the scope.
  void alias(Node* n) {
    if (!n->mod.id) error(n->line, "invalid argument for alias, expected a compile time atom or alias");
    Atom full = expand_alias(n->mod);
    n->mod = full;
    std::string_view fn = atom_name(full);
    Atom as{};
    if (!n->kids.empty()) {
      Node* opts = n->kids[0];
      for (Node* e : opts->kind == NodeKind::List ? opts->kids : std::vector<Node*>{})
        if (e->kind == NodeKind::Tuple && e->kids.size() == 2 && e->kids[0]->kind == NodeKind::Lit &&
            e->kids[0]->lit.is_atom(intern("as"))) {
          Node* v = e->kids[1];
          if (v->kind != NodeKind::Lit || !v->lit.is_atom() || atom_name(v->lit.as_atom()).substr(0, 7) != "Elixir." ||
              atom_name(v->lit.as_atom()).find('.', 7) != std::string_view::npos)
            error(n->line, "invalid value for option :as, expected a simple alias, got nested alias: " +
                               module_text(v->lit.is_atom() ? v->lit.as_atom() : Atom{}));
          as = v->lit.as_atom();
        }
    }
    if (!as.id) {
      if (fn.substr(0, 7) != "Elixir.") return;  // alias :timer: nothing to shorten
      as = intern("Elixir." + std::string(fn.substr(fn.rfind('.') + 1)));
    }
    aliases_.emplace_back(as, full);
  }

  static std::string module_text(Atom m) {
    std::string_view s = atom_name(m);
    if (s.substr(0, 7) == "Elixir.") return std::string(s.substr(7));
    return ":" + std::string(s);
  }

  /// `import Mod[, only: [f: n, ...] | :functions][, except: [f: n, ...]]`, with Elixir's errors.
  void import(Node* n) {
    if (!n->mod.id)
      error(n->line, "invalid argument for import, expected a compile time atom or alias" +
                         std::string(n->tail && n->tail->kind == NodeKind::Lit ? ", got: " + inspect(n->tail->lit) : ""));
    Atom mod = n->mod;
    // The IEx helpers are Kernel built-ins here (flush/0, pid/3, ...).
    if (mod == kernel_atom() || mod == intern("Elixir.IEx.Helpers")) return;
    std::vector<std::pair<Atom, int>> exports;
    if (auto it = modules_.find(mod.id); it != modules_.end() && !module_)
      error(n->line, "module " + module_text(mod) +
                         " is not loaded but was defined. This happens when you depend on a module in the same "
                         "context in which it is defined. For example:\n\n    defmodule MyApp do\n      defmodule Mod do\n"
                         "      end\n\n      use Mod\n    end\n\nTry defining the module outside the context that uses "
                         "it:\n\n    defmodule MyApp.Mod do\n    end\n\n    defmodule MyApp do\n      use MyApp.Mod\n    end\n\n"
                         "If the module is defined at the top-level and you are trying to use it at the top-level, this "
                         "is not supported by Elixir");
    else if (it != modules_.end())
      exports = it->second;
    else if (auto l = loaded_.find(mod.id); l != loaded_.end())
      exports = l->second;
    else if (builtin_module(mod))
      exports = builtin_exports(mod);
    else
      error(n->line, "module " + module_text(mod) + " is not loaded and could not be found");
    std::set<std::pair<uint32_t, int>> all;
    for (auto& [f, a] : exports) all.insert({f.id, a});
    Import imp{mod, all};
    auto kw_list = [&](Node* v, const char* opt) {
      std::vector<std::pair<Atom, int>> out;
      bool ok = v->kind == NodeKind::List && !v->tail;
      if (ok)
        for (Node* e : v->kids) {
          if (e->kind != NodeKind::Tuple || e->kids.size() != 2 || e->kids[0]->kind != NodeKind::Lit ||
              !e->kids[0]->lit.is_atom() || e->kids[1]->kind != NodeKind::Lit || !e->kids[1]->lit.is_integer()) {
            ok = false;
            break;
          }
          out.emplace_back(e->kids[0]->lit.as_atom(), static_cast<int>(e->kids[1]->lit.as_integer()));
        }
      if (!ok)
        error(n->line, std::string("invalid :") + opt + " option for import, expected a keyword list with integer values");
      return out;
    };
    if (!n->kids.empty()) {
      Node* opts = n->kids[0];
      if (opts->kind != NodeKind::List || opts->tail)
        error(n->line, "invalid options for import, expected a keyword list");
      bool only_list = false, except = false;
      for (Node* e : opts->kids)
        if (e->kind == NodeKind::Tuple && e->kids.size() == 2 && e->kids[0]->kind == NodeKind::Lit) {
          if (e->kids[0]->lit.is_atom(intern("except"))) except = true;
          if (e->kids[0]->lit.is_atom(intern("only")) && e->kids[1]->kind != NodeKind::Lit) only_list = true;
        }
      if (only_list && except)
        error(n->line, ":only and :except can only be given together to import when :only is :functions, :macros, or :sigils");
      for (Node* e : opts->kids) {
        if (e->kind != NodeKind::Tuple || e->kids.size() != 2 || e->kids[0]->kind != NodeKind::Lit ||
            !e->kids[0]->lit.is_atom())
          error(n->line, "invalid options for import, expected a keyword list");
        std::string_view key = atom_name(e->kids[0]->lit.as_atom());
        Node* v = e->kids[1];
        if (key == "only") {
          if (v->kind == NodeKind::Lit && v->lit.is_atom() &&
              (atom_name(v->lit.as_atom()) == "functions" || atom_name(v->lit.as_atom()) == "macros")) {
            if (atom_name(v->lit.as_atom()) == "macros") imp.funs.clear();
            continue;
          }
          imp.funs.clear();
          for (auto& [f, a] : kw_list(v, "only")) {
            if (!all.count({f.id, a}))
              error(n->line, "cannot import " + module_text(mod) + "." + std::string(atom_name(f)) + "/" +
                                 std::to_string(a) + " because it is undefined or private");
            imp.funs.insert({f.id, a});
          }
        } else if (key == "except") {
          for (auto& [f, a] : kw_list(v, "except")) imp.funs.erase({f.id, a});
        } else if (key != "warn") {
          error(n->line, "unsupported option " + std::string(key) + " given to import");
        }
      }
    }
    imports_.push_back(std::move(imp));
  }

  /// The module a call is imported from (none when it is not imported).
  Atom imported(Node* n, int arity) {
    std::set<uint32_t> seen;
    Atom found{};
    for (auto it = imports_.rbegin(); it != imports_.rend(); ++it) {
      if (!seen.insert(it->mod.id).second) continue;
      if (!it->funs.count({n->name.id, arity})) continue;
      if (found.id)
        error(n->line, "function " + std::string(atom_name(n->name)) + "/" + std::to_string(arity) +
                           " imported from both " + module_text(it->mod) + " and " + module_text(found) +
                           ", call is ambiguous");
      found = it->mod;
    }
    return found;
  }

  void collect_public(Node* body, std::vector<std::pair<Atom, int>>& out) {
    if (!body) return;
    if (body->kind == NodeKind::Def) {
      if (body->op != Op::Not) out.emplace_back(body->name, body->arity);
      return;
    }
    if (body->kind == NodeKind::Block)
      for (Node* k : body->kids) collect_public(k, out);
  }

  /// `defstruct fields` in a module body becomes a Directive (kids[0]: the fields); the field
  /// names must be literal (atoms, or keyword keys with default values).
  void collect_struct(Node* n) {
    if (n->kids.size() != 1) error(n->line, "undefined function defstruct/" + std::to_string(n->kids.size()));
    if (own_struct_) {
      ParseFailure f;
      f.err.kind = "ArgumentError";
      f.err.line = 0;
      f.err.message = "defstruct has already been called for " + module_text(module_->name) +
                      ", defstruct can only be called once per module";
      throw f;
    }
    Node* l = n->kids[0];
    std::vector<Atom> fields;
    if (l->kind == NodeKind::Lit && !l->lit.is_list()) {
      ParseFailure f;  // raised while expanding, without a location
      f.err.kind = "ArgumentError";
      f.err.line = 0;
      f.err.message = "struct fields definition must be list, got: " + inspect(l->lit);
      throw f;
    }
    if (l->kind != NodeKind::List || l->tail) error(n->line, "defstruct fields must be a list of atoms or a keyword list");
    for (Node* e : l->kids) {
      if (e->kind == NodeKind::Lit && e->lit.is_atom())
        fields.push_back(e->lit.as_atom());
      else if (e->kind == NodeKind::Tuple && e->kids.size() == 2 && e->kids[0]->kind == NodeKind::Lit &&
               e->kids[0]->lit.is_atom())
        fields.push_back(e->kids[0]->lit.as_atom());
      else
        error(n->line, "defstruct fields must be a list of atoms or a keyword list");
    }
    n->kind = NodeKind::Directive;
    n->name = intern("defstruct");
    own_struct_ = std::move(fields);
  }

  void collect_defs(Node* body) {
    if (!body) return;
    if (body->kind == NodeKind::Call && atom_name(body->name) == "defstruct") {
      collect_struct(body);
      return;
    }
    if (body->kind == NodeKind::Def) {
      module_defs_.insert({body->name.id, body->arity});
      return;
    }
    if (body->kind == NodeKind::Block)
      for (Node* k : body->kids) collect_defs(k);
  }

 private:
  Program& prog_;
  Node* module_ = nullptr;
  std::set<std::pair<uint32_t, int>> module_defs_;
  std::deque<Scope> scopes_;
  std::vector<Import> imports_;
  std::vector<std::pair<Atom, Atom>> aliases_;  // (short alias, module), later ones shadowing
  std::map<uint32_t, std::vector<std::pair<Atom, int>>> modules_;  // public functions of the modules defined so far
  std::map<uint32_t, std::vector<std::pair<Atom, int>>> loaded_;   // ... and of those defined before this program
  std::optional<std::vector<Atom>> own_struct_;                      // the fields of the module being compiled
  std::map<uint32_t, std::vector<Atom>> structs_;                    // struct fields of the modules defined so far
  std::map<uint32_t, std::vector<Atom>> loaded_structs_;             // ... and of those defined before this program

 public:
  void load(const CompileContext& ctx) {
    loaded_ = ctx.modules;
    loaded_structs_ = ctx.structs;
    aliases_ = ctx.aliases;
    for (auto& [m, fs] : ctx.imports) {
      Import imp{m, {}};
      for (auto& [f, a] : fs) imp.funs.insert({f.id, a});
      imports_.push_back(std::move(imp));
    }
  }
  void save(CompileContext& ctx) const {
    ctx.aliases = aliases_;
    ctx.imports.clear();
    for (const Import& imp : imports_) {
      std::vector<std::pair<Atom, int>> fs;
      for (auto& [f, a] : imp.funs) fs.emplace_back(Atom{f}, a);
      ctx.imports.emplace_back(imp.mod, std::move(fs));
    }
  }
};

}  // namespace
}  // namespace detail

ParseOutcome parse_program(std::string_view source, const std::string& file, const std::vector<Atom>& known_vars,
                           CompileContext* ctx) {
  ParseOutcome out;
  auto prog = std::make_shared<Program>();
  prog->file = file;
  try {
    std::vector<detail::Token> toks = detail::tokenize(source);
    detail::Parser p(std::move(toks), *prog);
    prog->top = p.parse_top();
    detail::Resolver r(*prog);
    if (ctx) r.load(*ctx);
    detail::Resolver::Scope sc;
    for (Atom a : known_vars) sc.insert(a.id);
    for (Node* n : prog->top) r.expr(n, sc);
    if (ctx) r.save(*ctx);
  } catch (const detail::ParseFailure& f) {
    out.error = f.err;
    return out;
  }
  out.program = std::move(prog);
  return out;
}

}  // namespace actorscope::console
