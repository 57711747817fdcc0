#ifndef DDBEXPORT_JSON_DETAIL_PARSER_HPP
#define DDBEXPORT_JSON_DETAIL_PARSER_HPP

/// The strict reader's engine: one pass over the body, driven by the name
/// tables of members.hpp. Recursion follows the JSON nesting and is cut off at
/// the depth limit before it goes deeper, so the C++ stack stays bounded.
/// The first problem ends the read; being a single left-to-right pass, that
/// is the first stage-D violation in body text order.

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

#include "ddbexport/attribute_value.hpp"
#include "ddbexport/detail/base64.hpp"
#include "ddbexport/detail/number.hpp"
#include "ddbexport/enums.hpp"
#include "ddbexport/error_reading.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/json/detail/lexer.hpp"
#include "ddbexport/json/detail/type_messages.hpp"
#include "ddbexport/json/limits.hpp"
#include "ddbexport/member.hpp"
#include "ddbexport/timestamp.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport::detail {

/// Warnings, type-erased so one parser serves every sink type.
struct warning_channel {
  void* sink = nullptr;
  bool (*accept)(void*, const diagnostic&) = nullptr;
  bool stopped = false;

  void report(const diagnostic& d) {
    if (accept != nullptr && !stopped && !accept(sink, d)) stopped = true;
  }
};

template <diagnostic_sink Sink>
[[nodiscard]] warning_channel channel_for(Sink& sink) noexcept {
  return {&sink, [](void* s, const diagnostic& d) -> bool { return static_cast<bool>(static_cast<Sink*>(s)->accept(d)); }};
}

/// The members of an error body that WIRE.md §7 reads (error_members).
struct error_body_fields {
  std::optional<std::string_view> type;          ///< `__type`
  std::optional<std::string_view> code;          ///< first `code` in any letter case
  std::optional<std::string_view> message;       ///< `message`
  std::optional<std::string_view> upper_message; ///< `Message`
};

[[nodiscard]] constexpr bool equals_ignoring_ascii_case(std::string_view a, std::string_view lower) noexcept {
  if (a.size() != lower.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char c = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (c != lower[i]) return false;
  }
  return true;
}

/// The member of an AttributeValue called `name` (WIRE.md §3), from wire_name().
[[nodiscard]] constexpr std::optional<attribute_kind> attribute_kind_named(std::string_view name) noexcept {
  for (std::size_t k = 0; k < attribute_kind_count; ++k)
    if (wire_name(static_cast<attribute_kind>(k)) == name) return static_cast<attribute_kind>(k);
  return std::nullopt;
}

consteval std::size_t digit_count(std::size_t v) {
  std::size_t n = 1;
  for (; v >= 10; v /= 10) ++n;
  return n;
}

/// `lead`, the decimal `Value`, `tail`, built at compile time: the W-LIMIT
/// texts of the default limits quote the constants themselves.
template <std::size_t Value, std::size_t A, std::size_t B>
consteval auto text_with_number(const char (&lead)[A], const char (&tail)[B]) {
  std::array<char, A - 1 + digit_count(Value) + B - 1> text{};
  std::size_t at = 0;
  for (std::size_t i = 0; i + 1 < A; ++i) text[at++] = lead[i];
  for (std::size_t v = Value, i = digit_count(Value); i > 0; v /= 10) text[at + --i] = static_cast<char>('0' + v % 10);
  at += digit_count(Value);
  for (std::size_t i = 0; i + 1 < B; ++i) text[at++] = tail[i];
  return text;
}
inline constexpr auto default_body_limit_text = text_with_number<json::default_max_body_bytes>("body larger than ", " bytes");
inline constexpr auto default_depth_limit_text = text_with_number<json::default_max_depth>("nesting deeper than ", "");

template <std::size_t N>
constexpr std::string_view view_of(const std::array<char, N>& text) noexcept {
  return {text.data(), N};
}

/// Names already seen in one object that is not a known shape (a map, or an
/// unknown member's value). Small objects are checked against the last few
/// names on the C++ stack; larger ones move into the parser's hash index, so
/// duplicate detection stays linear for any number of keys.
struct object_keys {
  static constexpr std::size_t inline_capacity = 8;
  std::array<std::string_view, inline_capacity> names{};
  std::uint32_t count = 0;
  std::uint32_t id = 0;  ///< nonzero once the names live in the hash index
};

class json_parser {
 public:
  json_parser(std::string_view body, json::arena& storage, const json::read_limits& limits, warning_channel warnings,
              bool request_mode) noexcept
      : body_(body),
        storage_(&storage),
        max_body_bytes_(limits.max_body_bytes < json::max_supported_body_bytes ? limits.max_body_bytes
                                                                               : json::max_supported_body_bytes),
        max_depth_(limits.max_depth < json::max_supported_depth ? limits.max_depth : json::max_supported_depth),
        warnings_(warnings),
        request_mode_(request_mode) {}

  [[nodiscard]] const diagnostic& error() const noexcept { return error_; }

  /// A whole body holding one object of shape T.
  template <class T>
  bool read_document(T& out) {
    if (!read_prelude()) return false;
    if (!read_structure(out, field_path{})) return false;
    return read_epilogue();
  }

  /// A whole error body: any object, of which four members matter.
  bool read_error_document(error_body_fields& out) {
    if (!read_prelude()) return false;
    if (!read_error_object(out)) return false;
    return read_epilogue();
  }

 private:
  enum class step : std::uint8_t { failed, more, done };

  // 16 bytes: a name is never longer than the body, whose size the reader caps at 4 GiB.
  struct key_slot {
    const char* data;
    std::uint32_t size;
    std::uint32_t object;  // 0 = empty slot
  };

  // ---- diagnostics ---------------------------------------------------------

  bool fail(rule_id rule, std::size_t offset, const field_path& path, std::string_view detail,
            std::string_view subject = {}, std::int64_t number = 0) noexcept {
    error_ = diagnostic{.rule = rule, .path = path, .subject = subject, .detail = detail, .number = number, .offset = offset};
    return false;
  }
  bool fail_lex(lex_error e, std::size_t offset, const field_path& path) noexcept {
    return fail(rule_id::w_json, offset, path, describe(e));
  }
  bool out_of_storage(std::size_t offset, const field_path& path) noexcept {
    return fail(rule_id::w_limit, offset, path, "reader storage exhausted",
                {}, static_cast<std::int64_t>(storage_->capacity()));
  }
  bool duplicate(std::size_t offset, const field_path& path, std::string_view name) noexcept {
    return fail(rule_id::w_dupkey, offset, path, "member appears more than once", name);
  }
  void warn(rule_id rule, std::size_t offset, const field_path& path, std::string_view subject,
            std::string_view detail = {}, std::int64_t number = 0) {
    warnings_.report(
        diagnostic{.rule = rule, .path = path, .subject = subject, .detail = detail, .number = number, .offset = offset});
  }

  // ---- tokens --------------------------------------------------------------

  [[nodiscard]] bool at(char c) const noexcept { return pos_ < body_.size() && body_[pos_] == c; }
  [[nodiscard]] bool at_number() const noexcept {
    return pos_ < body_.size() && (body_[pos_] == '-' || (body_[pos_] >= '0' && body_[pos_] <= '9'));
  }
  void skip_whitespace() noexcept {
    while (pos_ < body_.size() && is_json_whitespace(body_[pos_])) ++pos_;
  }

  bool read_prelude() {
    if (body_.size() > max_body_bytes_)
      return fail(rule_id::w_limit, max_body_bytes_, {},
                  max_body_bytes_ == json::default_max_body_bytes ? view_of(default_body_limit_text)
                                                                 : "body larger than the size limit",
                  {}, static_cast<std::int64_t>(max_body_bytes_));
    if (body_.substr(0, 3) == "\xEF\xBB\xBF") return fail(rule_id::w_json, 0, {}, "byte order mark");
    skip_whitespace();
    if (pos_ >= body_.size()) return fail(rule_id::w_json, pos_, {}, "empty body");
    if (body_[pos_] != '{') return fail(rule_id::w_json, pos_, {}, "top level is not an object");
    return true;
  }
  bool read_epilogue() {
    skip_whitespace();
    if (pos_ != body_.size()) return fail(rule_id::w_json, pos_, {}, "trailing characters after the value");
    return true;
  }

  bool enter(const field_path& path) noexcept {
    if (depth_ >= max_depth_)
      return fail(rule_id::w_limit, pos_, path,
                  max_depth_ == json::default_max_depth ? view_of(default_depth_limit_text)
                                                         : "nesting deeper than the depth limit",
                  {},
                  static_cast<std::int64_t>(max_depth_));
    ++depth_;
    ++pos_;
    skip_whitespace();
    return true;
  }

  /// After an element: `,` (more follow) or the closing bracket.
  step next(char closer, const field_path& path) noexcept {
    skip_whitespace();
    if (pos_ >= body_.size()) {
      fail_lex(lex_error::unexpected_end, pos_, path);
      return step::failed;
    }
    if (body_[pos_] == ',') {
      ++pos_;
      skip_whitespace();
      return step::more;
    }
    if (body_[pos_] == closer) {
      ++pos_;
      --depth_;
      return step::done;
    }
    fail(rule_id::w_json, pos_, path, closer == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
    return step::failed;
  }
  /// An empty container: consumes the closer.
  bool closes(char closer) noexcept {
    if (!at(closer)) return false;
    ++pos_;
    --depth_;
    return true;
  }

  bool expect_literal(std::string_view word, const field_path& path) noexcept {
    const std::size_t start = pos_;
    if (scan_literal(body_, pos_, word) != lex_error::none) return fail_lex(lex_error::invalid_literal, start, path);
    return true;
  }

  /// A string value: a view of the body, or (with escapes) decoded into the
  /// arena as its latest text block, which `decoded` reports.
  bool read_string(std::string_view& out, const field_path& path, bool* decoded = nullptr) noexcept {
    string_token token;
    std::size_t end = pos_;
    if (const auto e = scan_string(body_, end, token); e != lex_error::none) return fail_lex(e, end, path);
    if (decoded != nullptr) *decoded = token.escaped;
    if (!token.escaped) {
      out = body_.substr(token.begin, token.end - token.begin);
    } else {
      const std::size_t bound = decoded_size_bound(token);
      char* text = storage_->keep_text(bound);
      if (text == nullptr) return out_of_storage(pos_, path);
      const std::size_t size = decode_string(body_, token, text);
      storage_->shrink_text(text, bound, size);
      out = {text, size};
    }
    pos_ = end;
    return true;
  }

  bool read_number(number_token& token, const field_path& path) noexcept {
    std::size_t end = pos_;
    if (const auto e = scan_number(body_, end, token); e != lex_error::none) return fail_lex(e, end, path);
    pos_ = end;
    return true;
  }

  /// A member name, the colon and the whitespace after it.
  bool read_key(std::string_view& key, std::size_t& key_at, const field_path& path) noexcept {
    if (pos_ >= body_.size()) return fail_lex(lex_error::unexpected_end, pos_, path);
    if (body_[pos_] != '"') return fail(rule_id::w_json, pos_, path, "expected a member name");
    key_at = pos_;
    if (!read_string(key, path)) return false;
    skip_whitespace();
    if (pos_ >= body_.size()) return fail_lex(lex_error::unexpected_end, pos_, path);
    if (body_[pos_] != ':') return fail(rule_id::w_json, pos_, path, "expected ':'");
    ++pos_;
    skip_whitespace();
    return true;
  }

  /// The value here has the wrong JSON type for where it is. A malformed
  /// scalar is a JSON error first; a well-formed one gets its Coral text.
  bool wrong_type(const type_messages& m, const field_path& path) noexcept {
    const std::size_t start = pos_;
    if (start >= body_.size()) return fail_lex(lex_error::unexpected_end, start, path);
    switch (body_[start]) {
      case '"': return fail(rule_id::w_type, start, path, m.string_value);
      case '[': return fail(rule_id::w_type, start, path, m.array_value);
      case '{': return fail(rule_id::w_type, start, path, m.object_value);
      case 't': return expect_literal("true", path) && fail(rule_id::w_type, start, path, m.true_value);
      case 'f': return expect_literal("false", path) && fail(rule_id::w_type, start, path, m.false_value);
      case 'n': return expect_literal("null", path) && fail(rule_id::w_type, start, path, m.null_value);
      default: break;
    }
    if (!at_number()) return fail(rule_id::w_json, start, path, "unexpected character");
    number_token token;
    if (!read_number(token, path)) return false;
    return fail(rule_id::w_type, start, path, token.integral ? m.number_value : m.decimal_value);
  }

  // ---- duplicate keys ------------------------------------------------------

  [[nodiscard]] static std::uint64_t hash_key(std::uint32_t object, std::string_view key) noexcept {
    std::uint64_t h = 0xcbf29ce484222325ull ^ (static_cast<std::uint64_t>(object) * 0x9E3779B97F4A7C15ull);
    for (char c : key) {
      h ^= static_cast<std::uint8_t>(c);
      h *= 0x100000001b3ull;
    }
    // FNV-1a alone leaves the low bits (the slot) too alike for names that
    // differ only in their last characters ("#a17", "#a18"): mix them in.
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ull;
    return h ^ (h >> 32);
  }

  /// Grows by doubling in the arena's kept side (old tables stay behind as
  /// garbage, at most the size of the last one), kept at most half full so
  /// probe runs stay short.
  bool grow_key_index() noexcept {
    const std::size_t capacity = key_mask_ == 0 ? 64 : (key_mask_ + 1) * 2;
    key_slot* table = storage_->keep_uninitialized<key_slot>(capacity);
    if (table == nullptr) return false;
    for (std::size_t i = 0; i < capacity; ++i) ::new (static_cast<void*>(table + i)) key_slot{nullptr, 0, 0};
    key_slot* const old = key_slots_;
    const std::size_t old_capacity = key_mask_ == 0 ? 0 : key_mask_ + 1;
    key_slots_ = table;
    key_mask_ = capacity - 1;
    for (std::size_t i = 0; i < old_capacity; ++i)
      if (old[i].object != 0) place(old[i]);
    return true;
  }

  void place(const key_slot& entry) noexcept {
    std::size_t i = hash_key(entry.object, {entry.data, entry.size}) & key_mask_;
    while (key_slots_[i].object != 0) i = (i + 1) & key_mask_;
    key_slots_[i] = entry;
  }

  /// Adds `key` to `object`'s names; false when it is already there or the
  /// arena is full (`full` tells which).
  bool index_insert(std::uint32_t object, std::string_view key, bool& full) noexcept {
    full = false;
    if ((key_count_ + 1) * 2 > key_mask_ + 1 && !grow_key_index()) {
      full = true;
      return false;
    }
    for (std::size_t i = hash_key(object, key) & key_mask_;; i = (i + 1) & key_mask_) {
      key_slot& slot = key_slots_[i];
      if (slot.object == 0) {
        slot = key_slot{key.data(), static_cast<std::uint32_t>(key.size()), object};
        ++key_count_;
        return true;
      }
      // The slot stays 16 bytes (storage_bytes_for counts on it), so there is
      // no stored hash to compare; the names of one map are mostly the same
      // length and differ at the end ("#a17", "#a18"): the last byte decides first.
      if (slot.object == object && slot.size == key.size() && (key.empty() || slot.data[slot.size - 1] == key.back()) &&
          std::string_view{slot.data, slot.size} == key)
        return false;
    }
  }

  bool note_key(object_keys& keys, std::string_view key, std::size_t key_at, const field_path& path) noexcept {
    bool full = false;
    if (keys.id == 0) {
      for (std::size_t i = 0; i < keys.count; ++i)
        if (keys.names[i] == key) return duplicate(key_at, path, key);
      if (keys.count < object_keys::inline_capacity) {
        keys.names[keys.count++] = key;
        return true;
      }
      keys.id = ++next_object_id_;
      for (auto name : keys.names)
        if (!index_insert(keys.id, name, full)) return out_of_storage(key_at, path);
    }
    if (!index_insert(keys.id, key, full)) return full ? out_of_storage(key_at, path) : duplicate(key_at, path, key);
    return true;
  }

  // ---- containers ---------------------------------------------------------------

  /// The one walk over an object: brackets, depth, names and separators.
  /// `on_member(key, key_at)` is called with the reader at the member's value
  /// and must consume it; returning false ends the read.
  template <class OnMember>
  bool read_object(const field_path& path, OnMember&& on_member) {
    if (!enter(path)) return false;
    if (closes('}')) return true;
    for (;;) {
      std::string_view key;
      std::size_t key_at = 0;
      if (!read_key(key, key_at, path)) return false;
      if (!on_member(key, key_at)) return false;
      const step s = next('}', path);
      if (s != step::more) return s == step::done;
    }
  }

  /// The one walk over an array; `on_element()` consumes each element.
  template <class OnElement>
  bool read_array(const field_path& path, OnElement&& on_element) {
    if (!enter(path)) return false;
    if (closes(']')) return true;
    for (;;) {
      if (!on_element()) return false;
      const step s = next(']', path);
      if (s != step::more) return s == step::done;
    }
  }

  /// Elements the value keeps, in the arena: staged while their container
  /// is open (its size is not known yet), moved to the kept side in one array
  /// when it closes.
  template <class T>
  class kept_elements {
   public:
    explicit kept_elements(json_parser& parser) noexcept : parser_(&parser), mark_(parser.storage_->stage_mark()) {}
    /// Stages one element; a full arena is W-LIMIT at `offset`, `path`.
    bool keep(const T& item, std::size_t offset, const field_path& path) noexcept {
      if (!parser_->storage_->stage(item)) return parser_->out_of_storage(offset, path);
      ++count_;
      return true;
    }
    /// After the container closed: the array (into a span, or a member that
    /// holds one), or W-LIMIT.
    template <class Out>
    bool finish(Out& out, const field_path& path) noexcept {
      bool kept = true;
      const T* items = parser_->storage_->template keep_staged<T>(mark_, count_, kept);
      out = std::span<const T>{items, count_};
      return kept || parser_->out_of_storage(parser_->pos_, path);
    }

   private:
    json_parser* parser_;
    std::byte* mark_;
    std::size_t count_ = 0;
  };

  // ---- skipping unknown members ---------------------------------------------

  /// Validates and skips any value: well-formed, within the depth limit, no
  /// duplicate names, exactly as strict as for known members.
  bool skip_value(const field_path& path) noexcept {
    if (pos_ >= body_.size()) return fail_lex(lex_error::unexpected_end, pos_, path);
    switch (body_[pos_]) {
      case '{': {
        object_keys keys;
        return read_object(path, [&](std::string_view key, std::size_t key_at) {
          const field_path member_path = path.child(key);
          return note_key(keys, key, key_at, member_path) && skip_value(member_path);
        });
      }
      case '[': return read_array(path, [&] { return skip_value(path); });
      case '"': {
        string_token token;
        std::size_t end = pos_;
        if (const auto e = scan_string(body_, end, token); e != lex_error::none) return fail_lex(e, end, path);
        pos_ = end;
        return true;
      }
      case 't': return expect_literal("true", path);
      case 'f': return expect_literal("false", path);
      case 'n': return expect_literal("null", path);
      default: break;
    }
    if (!at_number()) return fail(rule_id::w_json, pos_, path, "unexpected character");
    number_token token;
    return read_number(token, path);
  }

  // ---- shapes ----------------------------------------------------------------

  template <class T>
  bool read_structure(T& out, const field_path& path) {
    static_assert(member_count<T> <= 64);
    std::uint64_t seen = 0;
    object_keys unknown;
    return read_object(path, [&](std::string_view key, std::size_t key_at) {
      const std::size_t index = find_member<T>(key);
      if (index == no_member) {
        const field_path member_path = path.child(key);
        if (!note_key(unknown, key, key_at, member_path)) return false;
        // R-DESC-EXTRA: responses drop unknown members without a word.
        if (request_mode_) warn(rule_id::w_unknown, key_at, member_path, key);
        return skip_value(member_path);
      }
      const std::uint64_t bit = std::uint64_t{1} << index;
      if ((seen & bit) != 0) return duplicate(key_at, path.child(key), key);
      seen |= bit;
      bool ok = true;
      with_member_at(out, index, [&](std::string_view name, auto& member) { ok = read_member(member, path.child(name)); });
      return ok;
    });
  }

  /// `null` means absent, for every member kind.
  template <class V>
  bool read_member(std::optional<V>& member, const field_path& path) {
    if (at('n')) {
      if (!expect_literal("null", path)) return false;
      member.reset();
      return true;
    }
    return read_value(member, path);
  }

  bool read_value(std::optional<std::string_view>& member, const field_path& path) {
    if (!at('"')) return wrong_type(string_messages, path);
    std::string_view text;
    if (!read_string(text, path)) return false;
    member = text;
    return true;
  }

  template <class E>
  bool read_value(std::optional<open_enum<E>>& member, const field_path& path) {
    if (!at('"')) return wrong_type(string_messages, path);
    std::string_view text;
    if (!read_string(text, path)) return false;
    member = open_enum<E>::from_text(text);
    return true;
  }

  bool read_value(std::optional<timestamp>& member, const field_path& path) {
    if (!at_number()) return wrong_type(timestamp_messages, path);
    const std::size_t start = pos_;
    number_token token;
    if (!read_number(token, path)) return false;
    const auto ms = epoch_ms_from_json_number(token.text);
    if (!ms)
      return fail(rule_id::w_time, start, path, token.integral ? number_time_range_text : decimal_time_range_text,
                  token.text);
    member = from_epoch_ms(*ms);
    if (request_mode_ && has_sub_millisecond_digits(token.text))
      warn(rule_id::r_et_gran, start, path, token.text, {}, *ms);
    return true;
  }

  /// Longs (WIRE.md §5.4: within ±(2^53 - 1), as the SDK holds them in
  /// doubles) and integers (int32). An integer literal is taken exactly. A
  /// number with `.`, `e` or `E` is refused, but in an Integer of an input,
  /// which Coral rounds to binary64 and floors (SERVICE.md §6); the SDK
  /// refuses it in outputs (its expectInt32). Out of range is NUMBER_VALUE.
  template <class Int>
    requires(std::is_same_v<Int, std::int64_t> || std::is_same_v<Int, std::int32_t>)
  bool read_value(std::optional<Int>& member, const field_path& path) {
    constexpr bool is_long = std::is_same_v<Int, std::int64_t>;
    const type_messages& m = is_long ? long_messages : integer_messages;
    constexpr std::int64_t max = is_long ? max_safe_integer : std::numeric_limits<std::int32_t>::max();
    constexpr std::int64_t min = is_long ? -max_safe_integer : std::numeric_limits<std::int32_t>::min();
    if (!at_number()) return wrong_type(m, path);
    const std::size_t start = pos_;
    number_token token;
    if (!read_number(token, path)) return false;
    const bool floors = !is_long && request_mode_;
    if (!token.integral && !floors) return fail(rule_id::w_type, start, path, m.decimal_value, token.text);
    const auto value = token.integral ? parse_json_integer(token.text, -min) : floor_json_number(token.text);
    if (!value || *value < min || *value > max) return fail(rule_id::w_type, start, path, m.number_value, token.text);
    member = static_cast<Int>(*value);
    return true;
  }

  template <class S>
    requires described_shape<S>
  bool read_value(std::optional<S>& member, const field_path& path) {
    if (!at('{')) return wrong_type(structure_messages<S>::value, path);
    member.emplace();
    return read_structure(*member, path);
  }

  /// A list of structures, kept in the arena. Null elements are dropped, as
  /// the SDK's deserializers drop them from non-sparse lists.
  template <class S>
    requires described_shape<S>
  bool read_value(std::optional<std::span<const S>>& member, const field_path& path) {
    if (!at('[')) return wrong_type(structure_messages<S>::list, path);
    kept_elements<S> items{*this};
    return read_array(path, [&] {
             if (at('n')) return expect_literal("null", path);
             if (!at('{')) return wrong_type(structure_messages<S>::value, path);
             S item{};
             return read_structure(item, path) && items.keep(item, pos_, path);
           }) &&
           items.finish(member, path);
  }

  bool read_value(std::optional<std::span<const string_entry>>& member, const field_path& path) {
    if (!at('{')) return wrong_type(name_map_messages, path);
    object_keys keys;
    kept_elements<string_entry> entries{*this};
    return read_object(path, [&](std::string_view key, std::size_t key_at) {
             const field_path entry_path = path.with_key(key);
             if (!note_key(keys, key, key_at, entry_path)) return false;
             if (at('n')) return expect_literal("null", entry_path);
             if (!at('"')) return wrong_type(string_messages, entry_path);
             string_entry entry{key, {}};
             return read_string(entry.value, entry_path) && entries.keep(entry, key_at, entry_path);
           }) &&
           entries.finish(member, path);
  }

  bool read_value(std::optional<std::span<const attribute_entry>>& member, const field_path& path) {
    if (!at('{')) return wrong_type(value_map_messages, path);
    return read_attribute_map(member, path, true);
  }

  // ---- AttributeValues (WIRE.md §5.5) --------------------------------------

  /// An object of AttributeValues: ExpressionAttributeValues (where `null`
  /// entries are absent) or an `M` (where they are malformed).
  template <class Out>
  bool read_attribute_map(Out& map, const field_path& path, bool null_is_absent) {
    object_keys keys;
    kept_elements<attribute_entry> entries{*this};
    return read_object(path, [&](std::string_view key, std::size_t key_at) {
             // Inside nested values the path keeps the top-level entry's key: a
             // field_path holds one key, and that one names the expression value.
             const field_path entry_path = path.has_key() ? path : path.with_key(key);
             if (!note_key(keys, key, key_at, entry_path)) return false;
             if (null_is_absent && at('n')) return expect_literal("null", entry_path);
             if (!at('{')) return wrong_type(attribute_entry_messages, entry_path);
             attribute_entry entry{key, {}};
             return read_attribute_value(entry.value, entry_path) && entries.keep(entry, key_at, entry_path);
           }) &&
           entries.finish(map, path);
  }

  bool malformed(std::size_t offset, const field_path& path) noexcept {
    return fail(rule_id::w_type, offset, path, malformed_attribute_text);
  }

  /// One AttributeValue object: exactly one non-null member of the ten.
  bool read_attribute_value(attribute_value& out, const field_path& path) {
    const std::size_t open_at = pos_;
    bool have = false;
    std::uint32_t seen = 0;
    const bool ok = read_object(path, [&](std::string_view key, std::size_t key_at) {
      const auto kind = attribute_kind_named(key);
      if (!kind) return malformed(key_at, path);
      const std::uint32_t bit = 1u << static_cast<unsigned>(*kind);
      if ((seen & bit) != 0) return duplicate(key_at, path, key);
      seen |= bit;
      if (at('n')) return expect_literal("null", path);
      if (have) return malformed(key_at, path);
      have = true;
      out = attribute_value{};
      out.kind = *kind;
      return read_attribute_member(out, path);
    });
    return ok && (have || malformed(open_at, path));
  }

  bool read_attribute_member(attribute_value& out, const field_path& path) {
    switch (out.kind) {
      case attribute_kind::s:
      case attribute_kind::n:
        if (!at('"')) return wrong_type(malformed_attribute_messages, path);
        return read_string(out.scalar, path);
      case attribute_kind::b:
        if (!at('"')) return wrong_type(malformed_attribute_messages, path);
        return read_binary(out.scalar, path);
      case attribute_kind::ss:
      case attribute_kind::ns:
      case attribute_kind::bs:
        if (!at('[')) return wrong_type(malformed_attribute_messages, path);
        return read_attribute_set(out, path);
      case attribute_kind::m: {
        if (!at('{')) return wrong_type(malformed_attribute_messages, path);
        std::span<const attribute_entry> entries;
        if (!read_attribute_map(entries, path, false)) return false;
        out = attribute_value::map_of(entries);
        return true;
      }
      case attribute_kind::l:
        if (!at('[')) return wrong_type(malformed_attribute_messages, path);
        return read_attribute_list(out, path);
      case attribute_kind::null:
      case attribute_kind::boolean:
        if (at('t')) {
          out.flag = true;
          return expect_literal("true", path);
        }
        if (at('f')) {
          out.flag = false;
          return expect_literal("false", path);
        }
        return wrong_type(malformed_attribute_messages, path);
    }
    return malformed(pos_, path);
  }

  /// Padded standard base64, decoded to bytes (WIRE.md §5.5).
  bool read_binary(std::string_view& bytes, const field_path& path) {
    const std::size_t start = pos_;
    std::string_view text;
    bool in_arena = false;
    if (!read_string(text, path, &in_arena)) return false;
    const auto size = base64_decoded_size(text);
    if (!size) return malformed(start, path);
    char* out = nullptr;
    if (!in_arena) {
      out = storage_->keep_text(*size);
      if (out == nullptr) return out_of_storage(start, path);
    } else {
      // Unescaped into the arena just now: decode in place and give back the rest.
      out = const_cast<char*>(text.data());
      storage_->shrink_text(out, text.size(), *size);
    }
    decode_base64(text, out);
    bytes = {out, *size};
    return true;
  }

  bool read_attribute_set(attribute_value& out, const field_path& path) {
    const bool binary = out.kind == attribute_kind::bs;
    kept_elements<std::string_view> items{*this};
    return read_array(path, [&] {
             std::string_view item;
             if (!at('"')) return wrong_type(malformed_attribute_messages, path);
             return (binary ? read_binary(item, path) : read_string(item, path)) && items.keep(item, pos_, path);
           }) &&
           items.finish(out.set, path);
  }

  bool read_attribute_list(attribute_value& out, const field_path& path) {
    kept_elements<attribute_value> items{*this};
    std::span<const attribute_value> list;
    const bool ok = read_array(path, [&] {
                      attribute_value item;
                      if (!at('{')) return wrong_type(attribute_entry_messages, path);
                      return read_attribute_value(item, path) && items.keep(item, pos_, path);
                    }) &&
                    items.finish(list, path);
    out = attribute_value::list_of(list);
    return ok;
  }

  // ---- error bodies (WIRE.md §7) ---------------------------------------------

  /// A nullable string member of an error body; false on a wrong type.
  bool read_error_string(std::optional<std::string_view>& member, const field_path& path) {
    if (at('n')) return expect_literal("null", path);
    if (!at('"')) return wrong_type(string_messages, path);
    std::string_view text;
    if (!read_string(text, path)) return false;
    member = text;
    return true;
  }

  bool read_error_object(error_body_fields& out) {
    const field_path root{};
    object_keys keys;
    return read_object(root, [&](std::string_view key, std::size_t key_at) {
      const field_path path = root.child(key);
      if (!note_key(keys, key, key_at, path)) return false;
      if (key == error_members::type) return read_error_string(out.type, path);
      if (key == error_members::message) return read_error_string(out.message, path);
      if (key == error_members::upper_message) return read_error_string(out.upper_message, path);
      if (!out.code && equals_ignoring_ascii_case(key, error_members::code)) return read_error_string(out.code, path);
      return skip_value(path);
    });
  }

  std::string_view body_;
  json::arena* storage_;
  std::size_t max_body_bytes_;
  std::size_t max_depth_;
  warning_channel warnings_;
  bool request_mode_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;
  key_slot* key_slots_ = nullptr;
  std::size_t key_mask_ = 0;
  std::size_t key_count_ = 0;
  std::uint32_t next_object_id_ = 0;
  diagnostic error_{};
};

}  // namespace ddbexport::detail

#endif
