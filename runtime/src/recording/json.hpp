#pragma once
// A small JSON value, parser and string escaper for the trace format and fault plans.
// Private to the runtime library.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace actorscope::json {

struct Value {
  enum class Type : uint8_t { Null, Bool, Number, String, Array, Object };
  Type type = Type::Null;
  bool b = false;
  double num = 0;
  bool integral = false;  // the number was written without fraction or exponent
  int64_t i = 0;          // its value when integral
  std::string str;
  std::vector<Value> arr;
  std::vector<std::pair<std::string, Value>> obj;  // in file order

  bool is_null() const { return type == Type::Null; }
  bool is_string() const { return type == Type::String; }
  bool is_array() const { return type == Type::Array; }
  bool is_object() const { return type == Type::Object; }
  bool is_int() const { return type == Type::Number && integral; }
  /// The member called `key`, or nullptr.
  const Value* get(std::string_view key) const;
};

/// Parses one JSON text. On failure returns false and sets `error` ("column C: ...").
bool parse(std::string_view text, Value& out, std::string& error);

/// The JSON text of a value, compact (for error messages: "got \"x\"").
std::string dump(const Value& v, size_t max_len = 60);

/// `"..."` with JSON escapes.
std::string quote(std::string_view s);
void append_quoted(std::string& out, std::string_view s);

}  // namespace actorscope::json
