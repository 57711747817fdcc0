#ifndef DDBEXPORT_SERVER_TABLE_ITEMS_HPP
#define DDBEXPORT_SERVER_TABLE_ITEMS_HPP

// A table's items, from the `"Items"` array of its --state entry: DynamoDB
// JSON items, each judged by the artifacts' strict data-line reader as the
// line `{"Item":<item>}` of a full export (ARTIFACTS.md §6.2, §6.4), so an
// item the server accepts is one it can write and ddbexport-verify accepts.
// Each is kept as its canonical line (write_data_line, with its LF): what a
// DYNAMODB_JSON full export writes as is; an ION export reads it back and
// spells it as Ion (§6.6).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/artifacts/data_line.hpp"
#include "ddbexport/artifacts/rules.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport_server {

namespace art = ddbexport::artifacts;

struct table_items {
  std::vector<std::string> json_lines;  ///< `{"Item":…}` + LF, in the file's order
};

namespace detail {

/// The findings of one line; an error makes the item unusable.
struct item_findings {
  std::vector<art::finding> found;
  void accept(art::finding f) { found.push_back(std::move(f)); }
};

/// Arena bytes that always suffice for a line (art::line_storage_bytes), as
/// the body size owning_arena scales by its own factor.
[[nodiscard]] inline std::size_t arena_body_for_line(std::size_t line_size) {
  return art::line_storage_bytes(line_size) / 32 + 1;
}

/// A state-file item read as line 1 of a DYNAMODB_JSON full export.
[[nodiscard]] inline art::data_line_context item_context() {
  art::data_line_context c;
  c.key = "item";
  return c;
}

}  // namespace detail

/// Reads one item's JSON text (as it stands in the state file) into its
/// canonical DYNAMODB_JSON line; false with the first error's rule and text.
inline bool canonical_item_line(std::string_view item_text, std::string& line, std::string& reason) {
  const std::string wrapped = "{\"Item\":" + std::string{item_text} + "}";
  ddbexport::json::owning_arena storage{detail::arena_body_for_line(wrapped.size())};
  art::data_line parsed;
  detail::item_findings findings;
  const art::data_line_status status = art::read_data_line(wrapped, parsed, storage, detail::item_context(), findings);
  for (const auto& f : findings.found) {
    if (f.severity != art::severity::error) continue;
    // The reader's message starts with the line's place ("item line 1: "); the caller says which item.
    std::string_view message = f.message;
    if (constexpr std::string_view place = "item line 1: "; message.starts_with(place)) message.remove_prefix(place.size());
    reason = std::string{art::info(f.rule).id} + ": " + std::string{message};
    return false;
  }
  if (!status.values) {
    reason = "not a DynamoDB JSON item";
    return false;
  }
  line.clear();
  ddbexport::container_output<std::string> out{line};
  if (!art::write_data_line(parsed, art::line_format{}, out)) {
    reason = "cannot be written as a data line";
    return false;
  }
  return true;
}

/// Calls `each(line)` with each item's line of a full export in `format`;
/// false when one cannot be spelled (ION refuses an unpaired surrogate), with
/// the item's position in `failed_at`.
template <class Each>
bool for_each_item_line(const table_items& items, ddbexport::export_format format, Each&& each, std::size_t& failed_at) {
  art::data_line_reader reader;
  std::string spelled;
  for (std::size_t i = 0; i < items.json_lines.size(); ++i) {
    const std::string& line = items.json_lines[i];
    if (format == ddbexport::export_format::dynamodb_json) {
      each(std::string_view{line});
      continue;
    }
    const std::string_view text{line.data(), line.size() - 1};  // without its LF
    ddbexport::json::owning_arena storage{detail::arena_body_for_line(text.size())};
    art::data_line parsed;
    detail::item_findings findings;
    spelled.clear();
    ddbexport::container_output<std::string> out{spelled};
    if (!reader.read(text, parsed, storage, detail::item_context(), findings).values ||
        !art::write_data_line(parsed, art::line_format{format, false}, out)) {
      failed_at = i;
      return false;
    }
    each(std::string_view{spelled});
  }
  return true;
}

}  // namespace ddbexport_server

#endif
