#ifndef DDBEXPORT_ARTIFACTS_DATA_LINE_HPP
#define DDBEXPORT_ARTIFACTS_DATA_LINE_HPP

/// One line of a data file (ARTIFACTS.md §6.2-§6.6): a full export's item or
/// an incremental export's change record, in DYNAMODB_JSON or ION. The
/// model, its classification (insert, modify, remove, put), the writer of
/// both formats, and the strict reader with the line rules of §7.5.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ddbexport/artifacts/detail/attribute_checks.hpp"
#include "ddbexport/artifacts/detail/attribute_writer.hpp"
#include "ddbexport/artifacts/detail/findings.hpp"
#include "ddbexport/artifacts/detail/ion_reader.hpp"
#include "ddbexport/artifacts/detail/json_document.hpp"
#include "ddbexport/artifacts/limits.hpp"
#include "ddbexport/artifacts/rules.hpp"
#include "ddbexport/attribute_value.hpp"
#include "ddbexport/detail/base64.hpp"
#include "ddbexport/enums.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport::artifacts {

/// A full export's line holds `item`; an incremental one the rest.
/// Attributes keep the order they were written or found in (§6.2).
struct data_line {
  std::span<const attribute_entry> item{};
  std::string_view write_time_micros{};  ///< Metadata.WriteTimestampMicros, decimal digits
  std::span<const attribute_entry> keys{};
  std::optional<std::span<const attribute_entry>> old_image{};
  std::optional<std::span<const attribute_entry>> new_image{};
};

enum class change_kind : std::uint8_t { insert, modify, remove, put };

[[nodiscard]] constexpr std::string_view to_text(change_kind k) noexcept {
  constexpr std::string_view names[] = {"insert", "modify", "remove", "put"};
  return names[static_cast<std::size_t>(k)];
}

/// §6.3's table: what a record is, from the images it holds and the export's
/// view; nothing when the view does not allow that combination (A-LINE-VIEW).
[[nodiscard]] constexpr std::optional<change_kind> classify(bool old_image, bool new_image, export_view_type view) noexcept {
  if (view == export_view_type::new_and_old_images) {
    if (new_image) return old_image ? change_kind::modify : change_kind::insert;
    if (old_image) return change_kind::remove;
    return std::nullopt;
  }
  if (old_image) return std::nullopt;
  return new_image ? change_kind::put : change_kind::remove;
}

[[nodiscard]] constexpr std::optional<change_kind> classify(const data_line& line, export_view_type view) noexcept {
  return classify(line.old_image.has_value(), line.new_image.has_value(), view);
}

/// The top-level members of a line, in the order writers emit them.
enum class line_slot : std::uint8_t { item, metadata, keys, old_image, new_image };
struct line_member {
  std::string_view name;
  line_slot slot;
  bool incremental;  ///< a member of records (else of full exports' lines)
  bool required;
};
inline constexpr std::array<line_member, 5> line_members{{
    {"Item", line_slot::item, false, true},
    {"Metadata", line_slot::metadata, true, true},
    {"Keys", line_slot::keys, true, true},
    {"OldImage", line_slot::old_image, true, false},
    {"NewImage", line_slot::new_image, true, false},
}};
inline constexpr std::string_view write_time_name = "WriteTimestampMicros";

[[nodiscard]] constexpr std::string_view slot_name(line_slot slot) noexcept {
  return line_members[static_cast<std::size_t>(slot)].name;
}

/// The attribute map in a slot, if the line has it (Metadata has none).
[[nodiscard]] constexpr std::optional<std::span<const attribute_entry>> slot_map(const data_line& l, line_slot slot) noexcept {
  switch (slot) {
    case line_slot::item: return l.item;
    case line_slot::keys: return l.keys;
    case line_slot::old_image: return l.old_image;
    case line_slot::new_image: return l.new_image;
    case line_slot::metadata: break;
  }
  return std::nullopt;
}

/// How the lines of an export are spelled.
struct line_format {
  export_format format = export_format::dynamodb_json;
  bool incremental = false;
};

/// The line's bytes with its LF (§6.2, §6.3, §6.6.1, §6.6.6). False when the
/// format cannot spell a value (ION: an unpaired surrogate, a number that is
/// no number text); the output is then incomplete.
template <text_output Out>
bool write_data_line(const data_line& line, const line_format& f, Out& out) {
  const auto write = [&]<class Syntax>(Syntax) {
    out.write(Syntax::line_prefix);
    out.write("{");
    bool ok = true, first = true;
    for (const auto& m : line_members) {
      if (m.incremental != f.incremental) continue;
      const attribute_entry micros{write_time_name, attribute_value::number(line.write_time_micros)};
      const auto map = m.slot == line_slot::metadata ? std::optional{std::span<const attribute_entry>{&micros, 1}}
                                                     : slot_map(line, m.slot);
      if (!map) continue;
      if (!first) out.write(",");
      first = false;
      ok = Syntax::key(out, m.name) && ok;
      ok = detail::write_attribute_map<Syntax>(*map, out) && ok;
    }
    out.write("}\n");
    return ok;
  };
  return f.format == export_format::ion ? write(detail::ion_syntax{}) : write(detail::json_syntax{});
}

/// What the reader needs to judge a line, and where it is (for findings).
struct data_line_context {
  std::string_view key;       ///< the data file's key
  std::uint64_t number = 1;   ///< the line number (§1)
  std::uint64_t offset = 0;   ///< the line's offset in the content
  line_format format{};
  std::optional<export_view_type> view;      ///< incremental: A-LINE-VIEW
  std::optional<std::int64_t> window_from_ms;  ///< incremental: A-INC-WTS, with window_to_ms
  std::optional<std::int64_t> window_to_ms;
  artifact_limits limits{};
};

struct data_line_status {
  bool syntax = false;  ///< passed A-LINE-JSON, A-ION-SYNTAX and A-ION-TYPE
  bool shape = false;   ///< and A-LINE-SHAPE
  bool values = false;  ///< and A-ATTR-NAME and A-AV: the key rules may read it
  std::optional<change_kind> change;
};

/// Storage that always suffices to read a line of `size` bytes: each value
/// keeps a node and stages one while its container is open, and an ION
/// decimal's canonical text can be 130 bytes for a 6-byte token.
[[nodiscard]] constexpr std::size_t line_storage_bytes(std::size_t size) noexcept { return size * 64 + 4096; }

namespace detail {

/// A top-level member as the shape rules see it, whatever the format.
struct top_member {
  std::string_view name;
  std::size_t offset = 0;
  bool object = false;
  std::span<const attribute_entry> map{};
  std::optional<std::string_view> micros;  ///< Metadata of the exact form, its digits
};

[[nodiscard]] constexpr bool is_unsigned_digits(std::string_view s) noexcept {
  if (s.empty() || (s[0] == '0' && s.size() > 1)) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

/// Each AttributeValue member name is looked up, so by length and letters
/// rather than by comparing against every wire name in turn.
[[nodiscard]] constexpr std::optional<attribute_kind> attribute_kind_named(std::string_view name) noexcept {
  switch (name.size()) {
    case 1:
      switch (name[0]) {
        case 'S': return attribute_kind::s;
        case 'N': return attribute_kind::n;
        case 'B': return attribute_kind::b;
        case 'M': return attribute_kind::m;
        case 'L': return attribute_kind::l;
        default: return std::nullopt;
      }
    case 2:
      if (name[1] != 'S') return std::nullopt;
      switch (name[0]) {
        case 'S': return attribute_kind::ss;
        case 'N': return attribute_kind::ns;
        case 'B': return attribute_kind::bs;
        default: return std::nullopt;
      }
    case 4:
      if (name == "NULL") return attribute_kind::null;
      if (name == "BOOL") return attribute_kind::boolean;
      return std::nullopt;
    default: return std::nullopt;
  }
}

/// DYNAMODB_JSON values to AttributeValues, checking what only the JSON
/// spelling can get wrong (§6.4 rules 1, 2 and 6, member types, base64).
template <class Report>
class json_values {
 public:
  json_values(const json_document& doc, json::arena& storage, Report& report) : doc_(doc), storage_(&storage), report_(&report) {}

  /// The members of object `node` as attributes; false after any problem.
  bool map(std::size_t node, std::span<const attribute_entry>& out, value_path& path) {
    auto* entries = storage_->keep_uninitialized<attribute_entry>(doc_[node].count);
    if (entries == nullptr && doc_[node].count != 0) return full(path);
    std::size_t i = 0;
    bool ok = true;
    doc_.for_each_child(node, [&](std::size_t child) {
      auto* e = ::new (static_cast<void*>(entries + i++)) attribute_entry{};
      path.push_name(doc_[child].name);
      ok = name(doc_[child], e->key, path) && value(child, e->value, path) && ok;
      path.pop();
    });
    out = {entries, doc_[node].count};
    return ok;
  }

 private:
  bool problem(const value_path& path, std::string_view why) {
    (*report_)(path.text(), why);
    return false;
  }
  bool full(const value_path& path) { return problem(path, "reader storage exhausted"); }

  /// Text without escapes is a view of the line; decoded text lives in the
  /// document, which the next line reuses, so it is copied out.
  bool keep(std::string_view text, bool escaped, std::string_view& out, const value_path& path) {
    if (!escaped) {
      out = text;
      return true;
    }
    char* data = storage_->keep_text(text.size());
    if (data == nullptr && !text.empty()) return full(path);
    if (!text.empty()) std::memcpy(data, text.data(), text.size());
    out = {data, text.size()};
    return true;
  }
  bool name(const json_node& n, std::string_view& out, const value_path& path) { return keep(n.name, n.name_escaped, out, path); }
  bool text(const json_node& n, std::string_view& out, const value_path& path) { return keep(n.text, n.escaped, out, path); }
  bool bytes(const json_node& n, std::string_view& out, const value_path& path) {
    const auto size = n.kind == json_kind::string ? ddbexport::detail::base64_decoded_size(n.text) : std::nullopt;
    if (!size) return problem(path, "B and BS hold padded standard base64");
    char* data = storage_->keep_text(*size);
    if (data == nullptr && *size != 0) return full(path);
    ddbexport::detail::decode_base64(n.text, data);
    out = {data, *size};
    return true;
  }

  bool value(std::size_t node, attribute_value& out, value_path& path) {
    const json_node& n = doc_[node];
    if (n.kind == json_kind::null_literal) return problem(path, "null is not an AttributeValue");
    if (n.kind != json_kind::object) return problem(path, "an AttributeValue is an object");
    std::size_t members = 0, member = 0;
    std::optional<attribute_kind> kind;
    bool ok = true;
    doc_.for_each_child(node, [&](std::size_t child) {
      ++members;
      member = child;
      kind = attribute_kind_named(doc_[child].name);
      if (!kind) ok = problem(path, "unknown AttributeValue member " + std::string{doc_[child].name}) && ok;
      if (doc_[child].kind == json_kind::null_literal) ok = problem(path, "an AttributeValue member is null") && ok;
    });
    if (!ok) return false;
    if (members != 1) return problem(path, "an AttributeValue has exactly one member");
    out = attribute_value{*kind};
    const json_node& m = doc_[member];
    // A value that could not be read becomes NULL, which §6.4 accepts, so
    // that the checker does not report it a second time (an N read as "" is
    // not a number, a set read as empty is an empty set).
    const auto unread = [&](bool read) {
      if (!read) out = attribute_value{};
      return read;
    };
    const auto wrong = [&](std::string_view expected) {
      return unread(problem(path, std::string{wire_name(*kind)} + " must be " + std::string{expected}));
    };
    switch (*kind) {
      case attribute_kind::s:
      case attribute_kind::n: return m.kind == json_kind::string ? unread(text(m, out.scalar, path)) : wrong("a string");
      case attribute_kind::b: return unread(bytes(m, out.scalar, path));
      case attribute_kind::boolean:
      case attribute_kind::null:
        if (m.kind != json_kind::true_literal && m.kind != json_kind::false_literal) return wrong("true or false");
        out.flag = m.kind == json_kind::true_literal;
        return true;
      case attribute_kind::m: return m.kind == json_kind::object ? map(member, out.map_data, out.map_size, path) : wrong("an object");
      case attribute_kind::l:
      case attribute_kind::ss:
      case attribute_kind::ns:
      case attribute_kind::bs:
        if (m.kind != json_kind::array) return wrong("an array");
        // A list keeps what it read of its elements (each judged on its own); a set is one value.
        return *kind == attribute_kind::l ? array(member, out, path) : unread(array(member, out, path));
    }
    return false;
  }

  bool map(std::size_t node, const attribute_entry*& data, std::size_t& size, value_path& path) {
    std::span<const attribute_entry> entries;
    const bool ok = map(node, entries, path);
    data = entries.data();
    size = entries.size();
    return ok;
  }

  /// L elements are AttributeValues; set elements strings (SS, NS) or base64 (BS).
  bool array(std::size_t node, attribute_value& out, value_path& path) {
    const std::size_t count = doc_[node].count;
    const bool list = out.kind == attribute_kind::l;
    attribute_value* items = list ? storage_->keep_uninitialized<attribute_value>(count) : nullptr;
    std::string_view* elements = list ? nullptr : storage_->keep_uninitialized<std::string_view>(count);
    if (count != 0 && items == nullptr && elements == nullptr) return full(path);
    std::size_t i = 0;
    bool ok = true;
    doc_.for_each_child(node, [&](std::size_t child) {
      path.push_index(i);
      const json_node& e = doc_[child];
      if (list) {
        ok = value(child, *::new (static_cast<void*>(items + i)) attribute_value{}, path) && ok;
      } else {
        auto* element = ::new (static_cast<void*>(elements + i)) std::string_view{};
        if (out.kind == attribute_kind::bs)
          ok = bytes(e, *element, path) && ok;
        else
          ok = (e.kind == json_kind::string ? text(e, *element, path) : problem(path, "a set element must be a string")) && ok;
      }
      path.pop();
      ++i;
    });
    if (list) {
      out.list_data = items;
      out.list_size = count;
    } else {
      out.set = {elements, count};
    }
    return ok;
  }

  const json_document& doc_;
  json::arena* storage_;
  Report* report_;
};

/// The rules of §7.5 from A-LINE-SHAPE on, for either format once decoded.
template <finding_sink Sink>
class line_judge {
 public:
  line_judge(const data_line_context& c, Sink& sink) : c_(c), sink_(&sink) {}

  void report(rule r, std::optional<std::uint64_t> at, std::string_view member, std::initializer_list<message_arg> args,
              std::size_t choice = 0) {
    const std::string n = decimal(c_.number);
    std::vector<message_arg> all{{"key", c_.key}, {"n", n}};
    all.insert(all.end(), args.begin(), args.end());
    finding f{r, severity_in(r, c_.format.incremental), line_path(c_.key, c_.number, member),
              at ? std::optional<std::uint64_t>{c_.offset + *at} : std::nullopt, {}};
    container_output<std::string> o{f.message};
    format_message(r, all, o, choice);
    sink_->accept(std::move(f));
  }

  /// A-LINE-SHAPE; fills the line's slots. False when the shape is wrong.
  bool shape(std::span<const top_member> members, data_line& out) {
    bool ok = true;
    const auto bad = [&](std::string_view m, std::optional<std::size_t> at, std::string_view why) {
      report(rule::line_shape, at, m, {{"m", m}, {"why", why}});
      ok = false;
    };
    std::array<const top_member*, line_members.size()> found{};
    for (const auto& t : members) {
      const line_member* known = nullptr;
      for (const auto& m : line_members)
        if (m.name == t.name && m.incremental == c_.format.incremental) known = &m;
      if (known == nullptr) {
        bad(t.name, t.offset, c_.format.incremental ? "not a member of an incremental record" : "not a member of a full export's line");
        continue;
      }
      found[static_cast<std::size_t>(known->slot)] = &t;
      if (!t.object) bad(t.name, t.offset, "is not an object");
      else if (known->slot == line_slot::metadata && !t.micros)
        bad(t.name, t.offset, "must be exactly {\"WriteTimestampMicros\":{\"N\":\"<digits>\"}}");
      else if (known->slot == line_slot::keys && t.map.empty()) bad(t.name, t.offset, "is empty");
    }
    for (const auto& m : line_members)
      if (m.required && m.incremental == c_.format.incremental && found[static_cast<std::size_t>(m.slot)] == nullptr)
        bad(m.name, std::nullopt, "is missing");
    if (!ok) return false;
    const auto map_in = [&](line_slot s) { return found[static_cast<std::size_t>(s)]->map; };
    const auto optional_map = [&](line_slot s) {
      return found[static_cast<std::size_t>(s)] != nullptr ? std::optional{map_in(s)} : std::nullopt;
    };
    if (!c_.format.incremental) {
      out.item = map_in(line_slot::item);
      return true;
    }
    out.write_time_micros = *found[static_cast<std::size_t>(line_slot::metadata)]->micros;
    out.keys = map_in(line_slot::keys);
    out.old_image = optional_map(line_slot::old_image);
    out.new_image = optional_map(line_slot::new_image);
    return true;
  }

  /// A-LINE-VIEW.
  std::optional<change_kind> view(const data_line& l) {
    if (!c_.format.incremental || !c_.view) return std::nullopt;
    const auto kind = classify(l, *c_.view);
    if (!kind) {
      const std::string_view images = l.old_image && l.new_image ? "OldImage and NewImage"
                                      : l.old_image              ? "OldImage"
                                      : l.new_image              ? "NewImage"
                                                                 : "no image";
      report(rule::line_view, std::nullopt, {}, {{"images", images}, {"view", to_wire(*c_.view)}});
    }
    return kind;
  }

  /// A-ATTR-NAME, one finding per map with a bad top-level name.
  bool names(const data_line& l) {
    bool ok = true;
    for (const auto& m : line_members) {
      const auto map = m.incremental == c_.format.incremental ? slot_map(l, m.slot) : std::nullopt;
      if (!map) continue;
      for (const auto& e : *map)
        if (!valid_attribute_name(e.key)) {
          report(rule::attr_name, std::nullopt, m.name, {{"image", m.name}});
          ok = false;
          break;
        }
    }
    return ok;
  }

  /// §6.4's rules common to both formats (A-AV).
  bool values(const data_line& l) {
    bool ok = true;
    auto av = [&](const std::string& path, std::string_view why) {
      report(rule::av, std::nullopt, path, {{"path", path}, {"why", why}});
      ok = false;
    };
    attribute_checker checker{av};
    value_path path;
    for (const auto& m : line_members) {
      const auto map = m.incremental == c_.format.incremental ? slot_map(l, m.slot) : std::nullopt;
      if (!map) continue;
      path.reset(m.name);
      checker.check_map(*map, path, true);
    }
    return ok;
  }

  /// A-INC-KEYS-IMAGE and A-INC-WTS.
  void record(const data_line& l) {
    if (!c_.format.incremental) return;
    for (line_slot s : {line_slot::old_image, line_slot::new_image}) {
      const auto image = slot_map(l, s);
      if (!image) continue;
      // Names looked up by hash, so a record with many Keys stays linear.
      std::unordered_map<std::string_view, const attribute_value*> by_name;
      by_name.reserve(image->size());
      for (const auto& e : *image) by_name.emplace(e.key, &e.value);
      for (const auto& k : l.keys) {
        const auto match = by_name.find(k.key);
        if (match != by_name.end() && same_value(*match->second, k.value)) continue;
        const std::string at = std::string{slot_name(s)} + "." + std::string{k.key};
        report(rule::inc_keys_image, std::nullopt, at, {{"image", slot_name(s)}, {"name", k.key}});
      }
    }
    if (!c_.window_from_ms || !c_.window_to_ms) return;
    // Digits beyond 19 exceed any bound; the bounds are ms × 1000 (years 0000-9999 fit int64).
    const std::string_view digits = l.write_time_micros;
    const bool huge = digits.size() > 18;
    std::int64_t micros = 0;
    for (char ch : digits.substr(0, huge ? 0 : digits.size())) micros = micros * 10 + (ch - '0');
    const bool before = !huge && micros < *c_.window_from_ms * 1000;
    const bool after = huge || micros >= *c_.window_to_ms * 1000;
    if (before || after)
      report(rule::inc_wts, std::nullopt, slot_name(line_slot::metadata), {{"v", digits}});
  }

 private:
  const data_line_context& c_;
  Sink* sink_;
};

}  // namespace detail

/// Findings of an over-long line (the caller did not keep its bytes).
template <finding_sink Sink>
void report_overlong_line(const data_line_context& c, Sink& sink) {
  detail::line_judge<Sink> judge{c, sink};
  const std::string why = "longer than " + detail::decimal(c.limits.data_line_bytes) + " bytes";
  judge.report(c.format.format == export_format::ion ? rule::ion_syntax : rule::line_json, c.limits.data_line_bytes, {},
               {{"why", why}});
}

/// Reads lines one after another, keeping its working memory (the parsed
/// text, the top-level members) from one line to the next, so a data file's
/// millions of lines cost no allocation each once the largest was seen.
class data_line_reader {
 public:
  /// Reads one line (without its LF) and reports its §7.5 findings to `sink`
  /// in table order. `out` views `line` and `storage`
  /// (line_storage_bytes(line.size()) always suffices).
  template <finding_sink Sink>
  data_line_status read(std::string_view line, data_line& out, json::arena& storage, const data_line_context& c,
                        Sink& sink) {
    out = data_line{};
    data_line_status status;
    detail::line_judge<Sink> judge{c, sink};
    if (line.size() > c.limits.data_line_bytes) {
      report_overlong_line(c, sink);
      return status;
    }
    top_.clear();
    problems_.clear();
    bool converted = true;
    auto note = [&](const std::string& path, std::string_view why) { problems_.emplace_back(path, std::string{why}); };
    if (c.format.format == export_format::ion) {
      detail::ion_line_reader reader{line, storage, c.limits.depth};
      if (!reader.read(fields_)) {
        const auto& p = reader.problem();
        judge.report(p.type ? rule::ion_type : rule::ion_syntax, p.offset, {}, {{"why", p.why}});
        return status;
      }
      for (const auto& f : fields_) {
        detail::top_member t{f.name, f.name_offset, f.value.kind == attribute_kind::m, f.value.map(), std::nullopt};
        const auto map = f.value.map();
        if (t.object && map.size() == 1 && map[0].key == write_time_name && map[0].value.kind == attribute_kind::n &&
            detail::is_unsigned_digits(map[0].value.scalar))
          t.micros = map[0].value.scalar;
        top_.push_back(t);
      }
    } else {
      if (!doc_.parse(line, c.limits.depth)) {
        judge.report(rule::line_json, doc_.problem().offset, {}, {{"why", doc_.problem().why}});
        return status;
      }
      detail::json_values values{doc_, storage, note};
      doc_.for_each_child(0, [&](std::size_t child) {
        const auto& n = doc_[child];
        detail::top_member t{n.name, n.name_offset, n.kind == detail::json_kind::object, {}, std::nullopt};
        if (n.name == slot_name(line_slot::metadata) && t.object && n.count == 1) {
          t.micros = micros_of(child);
        } else if (t.object) {
          path_.reset(n.name);
          converted = values.map(child, t.map, path_) && converted;
        }
        top_.push_back(t);
      });
    }
    status.syntax = true;
    if (!judge.shape(top_, out)) return status;
    status.shape = true;
    status.change = judge.view(out);
    const bool names = judge.names(out);
    for (const auto& problem : problems_)
      judge.report(rule::av, std::nullopt, problem.first, {{"path", problem.first}, {"why", problem.second}});
    const bool values = judge.values(out) && converted;
    status.values = names && values;
    if (status.values) judge.record(out);
    return status;
  }

 private:
  /// Metadata's digits when it is exactly {"WriteTimestampMicros":{"N":"<digits>"}}.
  [[nodiscard]] std::optional<std::string_view> micros_of(std::size_t metadata) const {
    const std::size_t wts = doc_.member(metadata, write_time_name);
    if (wts == detail::json_document::npos || doc_[wts].kind != detail::json_kind::object || doc_[wts].count != 1)
      return std::nullopt;
    const std::size_t number = doc_.member(wts, wire_name(attribute_kind::n));
    if (number == detail::json_document::npos || doc_[number].kind != detail::json_kind::string || doc_[number].escaped ||
        !detail::is_unsigned_digits(doc_[number].text))
      return std::nullopt;
    return doc_[number].text;
  }

  detail::json_document doc_;
  std::vector<detail::ion_field> fields_;
  std::vector<detail::top_member> top_;
  std::vector<std::pair<std::string, std::string>> problems_;
  detail::value_path path_;
};

/// One line with a reader of its own (see data_line_reader).
template <finding_sink Sink>
data_line_status read_data_line(std::string_view line, data_line& out, json::arena& storage, const data_line_context& c,
                                Sink& sink) {
  data_line_reader reader;
  return reader.read(line, out, storage, c, sink);
}

}  // namespace ddbexport::artifacts

#endif
