// Parser of the console language: tokens -> syntax tree, the grammar alone (its rewrites are in
// desugar.cpp, the compile step in resolve.cpp). Each parse function carries its grammar rule.
// Over 600 lines: the whole grammar, kept in one file so that its rules read in order.

#include "parse_internal.hpp"

#include <algorithm>

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

  // program := {newline} {expr (newline | ";") {newline}} eof
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

  // interpolation := {expr (newline | ";")}      (the code of a "#{...}", tokenized on its own)
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

  [[noreturn]] void fail(const Token& at, std::string msg) { syntax_error_at(at, std::move(msg)); }
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

  // expr := unary {binop expr}      (precedence climbing over binop()'s table; 'not in' is one operator)
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

  // binop_rhs := '=' expr | '|>' call | '..' expr ['//' unary] | binop expr
  Node* combine(const Token& optok, Op op, Node* lhs, Node* rhs) {
    if (op == Op::Match) {
      Node* m = prog_.make(NodeKind::Match, optok.line);
      m->kids = {lhs, rhs};
      return m;
    }
    if (op == Op::Pipe) return desugar_pipe(prog_, optok, lhs, rhs);
    if (op == Op::Range && peek().t == Tok::Op && peek().s == "//") {
      next();
      skip_nl();
      Node* step = parse_expr(kUnaryPrec);
      return desugar_range_step(prog_, optok.line, lhs, rhs, step);
    }
    Node* b = prog_.make(NodeKind::BinOp, optok.line);
    b->op = op;
    b->kids = {lhs, rhs};
    return b;
  }

  // unary := ('-' | '+' | '!' | '^' | 'not') expr | '&' (operator_capture | expr) | '@' ident [expr] | postfix
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
      return desugar_capture(prog_, op, operand);
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

  // operator_capture := '&' operator '/' int
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
    Op op = unary ? (o.s == "-" ? Op::Neg : o.s == "+" ? Op::Plus : o.s == "!" ? Op::Bang : Op::Not) : info.op;
    return desugar_operator_capture(prog_, amp.line, unary, op, arity);
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

  // paren_args := '(' [expr {',' expr} [',' keywords] | keywords] ')'
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

  // noparen_args := expr {',' expr} [',' keywords] | keywords
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

  // keywords := kw_key expr {',' kw_key expr} [',']
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

  // do_block := 'do' body {('else' | 'after' | 'rescue' | 'catch') body} 'end'
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

  // body := {expr} | clause {clause};  clause := [expr {',' expr} | '(' [expr {',' expr}] ')' ['when' expr]] '->' {expr}
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

  // fn := 'fn' clause {clause} 'end'
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

  // string := '"' {chars | '#{' interpolation '}'} '"'
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

  // primary := number | atom | string | charlist | '&'int | identifier | alias {'.' alias} | '(' {expr} ')' | list | tuple | map
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
      // parens := '(' {expr (newline | ';')} ')'      (a block)
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
      // list := '[' [expr {',' expr} ['|' expr] | keywords] ']'
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
      // tuple := '{' [expr {',' expr} [',' keywords] | keywords] '}'
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
      // map := ('%{' | '%' alias '{') [expr '|'] [expr '=>' expr {',' expr '=>' expr} | keywords] '}'
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

  // identifier := ident ['(' paren_args | noparen_args] [do_block]
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
      return desugar_call(prog_, c);
    }
    if (starts_expr(peek()) && peek().space_before && !is_plain_var_context(id)) {
      Node* c = prog_.make(NodeKind::Call, id.line);
      c->name = name;
      c->kids = noparen_args();
      if (can_take_do()) do_block(c);
      return desugar_call(prog_, c);
    }
    if (can_take_do()) {
      Node* c = prog_.make(NodeKind::Call, id.line);
      c->name = name;
      do_block(c);
      return desugar_call(prog_, c);
    }
    Node* v = prog_.make(NodeKind::Var, id.line);
    v->name = name;
    return v;
  }
  bool is_plain_var_context(const Token&) const { return false; }

  // postfix := primary {'.' '(' paren_args | '.' ident [paren_args | noparen_args] [do_block] | '[' expr ']'}
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

  std::vector<Token> t_;
  size_t p_ = 0;
  Program& prog_;
  int no_do_ = 0;
  std::vector<Opener> openers_;
};

}  // namespace

void syntax_error_at(const Token& at, std::string msg) {
  ParseFailure f;
  f.err.kind = "SyntaxError";
  f.err.line = at.line;
  f.err.column = at.col;
  f.err.message = std::move(msg);
  throw f;
}

std::vector<Node*> parse_top_level(std::vector<Token> toks, Program& prog) {
  Parser p(std::move(toks), prog);
  return p.parse_top();
}

}  // namespace detail
}  // namespace actorscope::console
