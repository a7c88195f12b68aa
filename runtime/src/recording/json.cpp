#include "json.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace actorscope::json {

const Value* Value::get(std::string_view key) const {
  if (type != Type::Object) return nullptr;
  for (const auto& [k, v] : obj)
    if (k == key) return &v;
  return nullptr;
}

namespace {

struct Parser {
  std::string_view s;
  size_t pos = 0;
  std::string err;
  int depth = 0;

  bool fail(std::string msg) {
    if (!err.empty()) return false;
    size_t line = 1, col = 1;
    for (size_t k = 0; k < pos && k < s.size(); ++k) {
      if (s[k] == '\n') ++line, col = 1;
      else ++col;
    }
    const bool multiline = s.find('\n') != std::string_view::npos;
    err = (multiline ? "line " + std::to_string(line) + ", column " : std::string("column ")) + std::to_string(col) +
          ": " + std::move(msg);
    return false;
  }
  void ws() {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\r' || s[pos] == '\n')) ++pos;
  }
  bool literal(std::string_view word) {
    if (s.substr(pos, word.size()) != word) return fail("unexpected character");
    pos += word.size();
    return true;
  }
  static void put_utf8(std::string& o, uint32_t c) {
    if (c < 0x80) {
      o += char(c);
    } else if (c < 0x800) {
      o += char(0xC0 | (c >> 6));
      o += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      o += char(0xE0 | (c >> 12));
      o += char(0x80 | ((c >> 6) & 0x3F));
      o += char(0x80 | (c & 0x3F));
    } else {
      o += char(0xF0 | (c >> 18));
      o += char(0x80 | ((c >> 12) & 0x3F));
      o += char(0x80 | ((c >> 6) & 0x3F));
      o += char(0x80 | (c & 0x3F));
    }
  }
  bool hex4(uint32_t& c) {
    if (pos + 4 > s.size()) return fail("truncated \\u escape");
    c = 0;
    for (int k = 0; k < 4; ++k) {
      char h = s[pos++];
      c <<= 4;
      if (h >= '0' && h <= '9') c |= uint32_t(h - '0');
      else if (h >= 'a' && h <= 'f') c |= uint32_t(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') c |= uint32_t(h - 'A' + 10);
      else return fail("bad \\u escape");
    }
    return true;
  }
  bool string(std::string& o) {
    ++pos;  // opening quote
    for (;;) {
      if (pos >= s.size()) return fail("unterminated string");
      char c = s[pos++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return fail("control character in string");
      if (c != '\\') {
        o += c;
        continue;
      }
      if (pos >= s.size()) return fail("unterminated string");
      char e = s[pos++];
      switch (e) {
        case '"': o += '"'; break;
        case '\\': o += '\\'; break;
        case '/': o += '/'; break;
        case 'b': o += '\b'; break;
        case 'f': o += '\f'; break;
        case 'n': o += '\n'; break;
        case 'r': o += '\r'; break;
        case 't': o += '\t'; break;
        case 'u': {
          uint32_t c1 = 0;
          if (!hex4(c1)) return false;
          if (c1 >= 0xD800 && c1 < 0xDC00 && pos + 1 < s.size() && s[pos] == '\\' && s[pos + 1] == 'u') {
            pos += 2;
            uint32_t c2 = 0;
            if (!hex4(c2)) return false;
            if (c2 >= 0xDC00 && c2 < 0xE000) c1 = 0x10000 + ((c1 - 0xD800) << 10) + (c2 - 0xDC00);
          }
          put_utf8(o, c1);
          break;
        }
        default: return fail("bad escape");
      }
    }
  }
  bool number(Value& v) {
    size_t start = pos;
    if (s[pos] == '-') ++pos;
    bool digits = false, frac = false;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos, digits = true;
    if (pos < s.size() && s[pos] == '.') {
      frac = true;
      ++pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    }
    if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
      frac = true;
      ++pos;
      if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) ++pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    }
    if (!digits) return fail("bad number");
    std::string text(s.substr(start, pos - start));
    v.type = Value::Type::Number;
    v.num = std::strtod(text.c_str(), nullptr);
    if (!frac) {
      errno = 0;
      long long i = std::strtoll(text.c_str(), nullptr, 10);
      if (errno == 0) {
        v.integral = true;
        v.i = i;
      }
    }
    return true;
  }
  bool value(Value& v) {
    ws();
    if (pos >= s.size()) return fail("unexpected end of line");
    if (++depth > 200) return fail("nested too deeply");
    bool ok = true;
    char c = s[pos];
    if (c == '{') {
      v.type = Value::Type::Object;
      ++pos;
      ws();
      if (pos < s.size() && s[pos] == '}') {
        ++pos;
      } else {
        for (;;) {
          ws();
          if (pos >= s.size()) { ok = fail("unexpected end of line"); break; }
          if (s[pos] != '"') { ok = fail("expected a member name"); break; }
          std::string key;
          if (!string(key)) { ok = false; break; }
          ws();
          if (pos >= s.size() || s[pos] != ':') { ok = pos >= s.size() ? fail("unexpected end of line") : fail("expected ':'"); break; }
          ++pos;
          Value m;
          if (!value(m)) { ok = false; break; }
          v.obj.emplace_back(std::move(key), std::move(m));
          ws();
          if (pos < s.size() && s[pos] == ',') { ++pos; continue; }
          if (pos < s.size() && s[pos] == '}') { ++pos; break; }
          ok = pos >= s.size() ? fail("unexpected end of line") : fail("expected ',' or '}'");
          break;
        }
      }
    } else if (c == '[') {
      v.type = Value::Type::Array;
      ++pos;
      ws();
      if (pos < s.size() && s[pos] == ']') {
        ++pos;
      } else {
        for (;;) {
          Value m;
          if (!value(m)) { ok = false; break; }
          v.arr.push_back(std::move(m));
          ws();
          if (pos < s.size() && s[pos] == ',') { ++pos; continue; }
          if (pos < s.size() && s[pos] == ']') { ++pos; break; }
          ok = pos >= s.size() ? fail("unexpected end of line") : fail("expected ',' or ']'");
          break;
        }
      }
    } else if (c == '"') {
      v.type = Value::Type::String;
      ok = string(v.str);
    } else if (c == 't') {
      v.type = Value::Type::Bool;
      v.b = true;
      ok = literal("true");
    } else if (c == 'f') {
      v.type = Value::Type::Bool;
      ok = literal("false");
    } else if (c == 'n') {
      ok = literal("null");
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      ok = number(v);
    } else {
      ok = fail("unexpected character");
    }
    --depth;
    return ok;
  }
};

void dump_to(const Value& v, std::string& o) {
  switch (v.type) {
    case Value::Type::Null: o += "null"; break;
    case Value::Type::Bool: o += v.b ? "true" : "false"; break;
    case Value::Type::Number:
      if (v.integral) {
        o += std::to_string(v.i);
      } else {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", v.num);
        o += buf;
      }
      break;
    case Value::Type::String: append_quoted(o, v.str); break;
    case Value::Type::Array:
      o += '[';
      for (size_t k = 0; k < v.arr.size(); ++k) {
        if (k) o += ',';
        dump_to(v.arr[k], o);
      }
      o += ']';
      break;
    case Value::Type::Object:
      o += '{';
      for (size_t k = 0; k < v.obj.size(); ++k) {
        if (k) o += ',';
        append_quoted(o, v.obj[k].first);
        o += ':';
        dump_to(v.obj[k].second, o);
      }
      o += '}';
      break;
  }
}

}  // namespace

bool parse(std::string_view text, Value& out, std::string& error) {
  Parser p;
  p.s = text;
  out = Value{};
  if (!p.value(out)) {
    error = p.err;
    return false;
  }
  p.ws();
  if (p.pos != text.size()) {
    p.fail("unexpected text after the value");
    error = p.err;
    return false;
  }
  return true;
}

std::string dump(const Value& v, size_t max_len) {
  std::string o;
  dump_to(v, o);
  if (o.size() > max_len) o = o.substr(0, max_len) + "...";
  return o;
}

void append_quoted(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

std::string quote(std::string_view s) {
  std::string o;
  append_quoted(o, s);
  return o;
}

}  // namespace actorscope::json
