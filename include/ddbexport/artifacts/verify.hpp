#ifndef DDBEXPORT_ARTIFACTS_VERIFY_HPP
#define DDBEXPORT_ARTIFACTS_VERIFY_HPP

/// End-to-end verification of a downloaded export (ARTIFACTS.md §8): every
/// A- rule of §7 over a caller-supplied bundle, in §8.3's order, all findings
/// collected, with §8.4's report. No I/O here: the bundle hands over small
/// objects whole and streams each data file's stored bytes (which feed MD5,
/// the ETag and the gzip framing check in one pass) together with the
/// content its inflater produces. Memory stays bounded by the largest line
/// and the files manifest, A-KEY-DUP's memory of keys aside.

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ddbexport/artifacts/data_line.hpp"
#include "ddbexport/artifacts/detail/findings.hpp"
#include "ddbexport/artifacts/detail/iso_time.hpp"
#include "ddbexport/artifacts/detail/lines.hpp"
#include "ddbexport/artifacts/etag.hpp"
#include "ddbexport/artifacts/files_manifest.hpp"
#include "ddbexport/artifacts/gzip.hpp"
#include "ddbexport/artifacts/keys.hpp"
#include "ddbexport/artifacts/layout.hpp"
#include "ddbexport/artifacts/limits.hpp"
#include "ddbexport/artifacts/md5.hpp"
#include "ddbexport/artifacts/report.hpp"
#include "ddbexport/artifacts/rules.hpp"
#include "ddbexport/artifacts/sidecar.hpp"
#include "ddbexport/artifacts/summary.hpp"
#include "ddbexport/arn.hpp"
#include "ddbexport/export_description.hpp"
#include "ddbexport/json/arena.hpp"

namespace ddbexport::artifacts {

/// An ETag as S3 reports it now (quotes allowed), for A-ETAG-CHANGED.
struct observed_etag {
  std::string_view key;
  std::string_view etag;
};

/// §8.2's facts, all optional.
struct verify_context {
  std::optional<std::span<const key_attribute>> key_schema;
  bool track_keys = false;
  const export_description* description = nullptr;
  std::optional<std::span<const observed_etag>> observed_etags;
  std::optional<std::uint64_t> part_size;
  /// An object the bundle lacks is absent from S3 (else: only not supplied).
  bool complete = true;
  artifact_limits limits{};
  /// Line-level findings kept per data file; the rest are dropped, which
  /// never changes `valid` (§8.4 allows a cap).
  std::size_t max_line_findings_per_file = 1000;
};

namespace detail {
class verification;
}

/// What a bundle streams one data file into: its stored bytes in order, the
/// content its raw-deflate inflater makes of the bytes `stored` hands back,
/// and how the inflater ended. A bundle without an inflater feeds the stored
/// bytes and ends with `not_inflated` (or, with content from elsewhere,
/// `content_only`).
class data_file_feed {
 public:
  /// Feeds stored bytes; returns what of them belongs to the deflate stream
  /// (everything after the gzip header), for the inflater.
  std::string_view stored(std::string_view chunk);
  void content(std::string_view chunk);
  void end(const inflate_outcome& outcome);

 private:
  friend class detail::verification;
  explicit data_file_feed(detail::verification& v) noexcept : v_(&v) {}
  detail::verification* v_;
};

/// The caller's objects. `object(key)` gives a small object's bytes (or
/// nothing when absent) as anything a string_view can be made from, kept by
/// the verifier while it needs them; `data_file(key, feed)` streams a data
/// file into `feed` and returns false when it is absent.
template <class B>
concept export_bundle = requires(B& b, std::string_view key, data_file_feed& feed) {
  { b.object(key).has_value() } -> std::convertible_to<bool>;
  { std::string_view{*b.object(key)} };
  { b.data_file(key, feed) } -> std::convertible_to<bool>;
};

/// A bundle that also lists its keys: `keys_under(prefix, f)` calls
/// f(std::string_view) for every key that starts with `prefix`, in byte
/// order. A-OBJ-EXTRA needs it (§8.1).
template <class B>
concept listing_bundle = export_bundle<B> && requires(B& b, std::string_view prefix) {
  b.keys_under(prefix, [](std::string_view) {});
};

namespace detail {

/// Collects findings into the report, in order, and remembers which
/// context-dependent rules could not be evaluated.
class verification {
 public:
  verification(const verify_context& c, std::string_view summary_key, std::function<void(const finding&)> observer)
      : c_(c), summary_key_(summary_key), observer_(std::move(observer)) {}

  verify_report& report() noexcept { return report_; }

  // ---- findings ---------------------------------------------------------------

  void add(finding f) {
    if (observer_) observer_(f);
    (f.severity == severity::error ? report_.violations : report_.warnings).push_back(std::move(f));
  }
  void add(rule r, std::string path, std::optional<std::uint64_t> offset, std::initializer_list<message_arg> args,
           std::size_t choice = 0) {
    add(make_finding(r, incremental_, std::move(path), offset, args, choice));
  }
  void unchecked(rule r) {
    if (std::find(report_.unchecked.begin(), report_.unchecked.end(), r) == report_.unchecked.end())
      report_.unchecked.push_back(r);
  }

  // ---- step 1: the summary ----------------------------------------------------

  void summary_absent() { add(rule::sum_missing, std::string{summary_key_}, std::nullopt, {{"key", summary_key_}}); }

  /// The sidecars of a manifest (§7.2), given a lookup of objects.
  template <class Lookup>
  void sidecars(std::string_view manifest_key, std::string_view manifest, Lookup&& lookup) {
    bool any = false;
    for (const std::string& key : sidecar_keys(manifest_key)) {
      const auto body = lookup(key);
      if (!body) continue;
      any = true;
      const std::string_view text{*body};
      const sidecar_result result = check_sidecar(text, manifest);
      report_.sidecars.push_back({key, result});
      if (result == sidecar_result::malformed) add(rule::sidecar_form, key, std::nullopt, {{"key", key}});
      if (result == sidecar_result::mismatch)
        add(rule::sidecar_mismatch, key, std::nullopt,
            {{"key", key}, {"v", strip_sidecar(text)}, {"manifest key", manifest_key}, {"x", to_base64(md5_of(manifest)).view()}});
    }
    if (any) return;
    if (c_.complete)
      add(rule::sidecar_missing, std::string{manifest_key}, std::nullopt, {{"key", manifest_key}});
    else
      unchecked(rule::sidecar_missing);
  }

  /// A-SUM-JSON to A-SUM-BILL; false when verification stops here.
  bool summary(std::string_view text) {
    summary_storage_.emplace(std::min(text.size(), c_.limits.summary_bytes));
    const summary_read_context rc{summary_key_, c_.limits};
    struct forward {
      verification* v;
      void accept(finding f) { v->add(std::move(f)); }
    } sink{this};
    status_ = read_summary(text, s_, summary_storage_->arena(), rc, sink);
    if (!status_.version) return false;
    incremental_ = s_.incremental();
    folders_ = folders_of_summary(summary_key_, incremental_);
    report_.exported.data_folder = folders_.data_folder;
    report_.exported.version = std::string{s_.version};
    if (usable(&manifest_summary::export_arn)) report_.exported.export_arn = std::string{s_.export_arn};
    if (usable(&manifest_summary::output_format)) report_.exported.output_format = std::string{s_.output_format};
    check_summary(s_, status_, summary_key_, sink);
    return true;
  }

  // ---- step 2: the ExportDescription ------------------------------------------

  void description() {
    const export_description* d = c_.description;
    if (d == nullptr) {
      for (rule r : {rule::desc_status, rule::desc_manifest, rule::desc_field}) unchecked(r);
      return;
    }
    if (!d->export_status || !d->export_status->is(export_status::completed))
      add(rule::desc_status, "ExportDescription.ExportStatus", std::nullopt,
          {{"v", d->export_status ? d->export_status->text() : std::string_view{"absent"}}});
    if (!d->export_manifest || *d->export_manifest != summary_key_)
      add(rule::desc_manifest, "ExportDescription.ExportManifest", std::nullopt,
          {{"v", d->export_manifest ? *d->export_manifest : std::string_view{"absent"}}, {"key", summary_key_}});
    manifest_summary expected;
    const std::uint32_t known = expected_summary(*d, expected, nullptr, false);
    for (std::size_t i = 0; i < summary_member_count; ++i) {
      const summary_row& row = summary_rows[i];
      if (!in_scope(row.scope, incremental_) || (known >> i & 1u) == 0 || (status_.usable >> i & 1u) == 0) continue;
      if (!visit_summary_member(i, [&](const auto& m) { return !(expected.*(m.field) == s_.*(m.field)); })) continue;
      const auto [want, have] =
          visit_summary_member(i, [&](const auto& m) { return std::pair{shown(expected.*(m.field)), shown(s_.*(m.field))}; });
      const bool type_member = i == summary_index(&manifest_summary::version) || i == summary_index(&manifest_summary::export_type);
      const std::string v = type_member ? std::string{incremental_of(*d) ? "INCREMENTAL_EXPORT" : "FULL_EXPORT"} : want;
      add(rule::desc_field, "ExportDescription." + std::string{row.description_member}, std::nullopt,
          {{"Member", row.description_member}, {"v", v}, {"m", row.name}, {"x", have}});
    }
  }

  // ---- step 3: the files manifest ---------------------------------------------

  /// The files manifest's key when step 3 runs at all.
  [[nodiscard]] std::optional<std::string_view> files_key() const {
    if (!usable(&manifest_summary::manifest_files_s3_key)) return std::nullopt;
    return s_.manifest_files_s3_key;
  }

  void files_absent() {
    if (c_.complete)
      add(rule::files_missing, std::string{s_.manifest_files_s3_key}, std::nullopt, {{"key", s_.manifest_files_s3_key}});
    else
      unchecked(rule::files_missing);
  }

  void files(std::string_view text) {
    files_read_ = true;
    files_storage_.emplace(text.size());
    const std::string_view key = s_.manifest_files_s3_key;
    struct forward {
      verification* v;
      void accept(finding f) { v->add(std::move(f)); }
    } sink{this};
    std::unordered_map<std::string_view, std::uint64_t> first_line;
    std::int64_t sum = 0;
    bool sum_overflow = false;
    const auto status = read_files_manifest(text, files_storage_->arena(), files_read_context{key, c_.limits}, sink,
                                            [&](const files_line& line) {
      if (line.data_file_s3_key) listed_.emplace_back(*line.data_file_s3_key);
      if (!line.entry) return;
      const std::string n = decimal(line.number);
      const std::string_view data_key = line.value.data_file_s3_key;
      if (usable(&manifest_summary::output_format) && !is_data_key(data_key)) {
        const auto ext = data_file_extension(format());
        add(rule::files_key, line_path(key, line.number, files_name(&files_entry::data_file_s3_key)), std::nullopt,
            {{"v", data_key}, {"D′", folders_.data_folder}, {"ext", ext}});
      }
      sum_overflow = sum_overflow || line.value.item_count > ddbexport::detail::max_safe_integer - sum;
      if (!sum_overflow) sum += line.value.item_count;
      const auto [it, fresh] = first_line.try_emplace(data_key, line.number);
      if (!fresh) {
        const std::string m = decimal(it->second);
        add(rule::files_dup, line_path(key, line.number), std::nullopt, {{"n", n}, {"m", m}});
        return;
      }
      entries_.push_back({line.value, line.number, line.etag_form});
    });
    files_utf8_ = status.utf8;
    if (status.utf8 && status.json_and_entries && usable(&manifest_summary::item_count) &&
        (sum_overflow || sum != s_.item_count)) {
      const std::string v = decimal(static_cast<std::uint64_t>(s_.item_count));
      const std::string x = sum_overflow ? "more than " + decimal(static_cast<std::uint64_t>(ddbexport::detail::max_safe_integer))
                                        : decimal(static_cast<std::uint64_t>(sum));
      add(rule::files_sum, member_path(summary_key_, summary_name(&manifest_summary::item_count)), std::nullopt,
          {{"v", v}, {"x", x}});
    }
    if (status.entries == 0 && status.utf8 && !status.line_findings && status.json_and_entries)
      add(rule::files_none, std::string{key}, std::nullopt, {});
  }

  // ---- step 4: the data files -------------------------------------------------

  void begin_data_files() {
    if (!c_.observed_etags) unchecked(rule::etag_changed);
    if (!usable(&manifest_summary::output_format)) return;
    // What every line of this export is judged with, decided once.
    data_line_context& lc = line_context_.emplace();
    lc.format = {format(), incremental_};
    lc.limits = c_.limits;
    if (incremental_ && usable(&manifest_summary::output_view))
      lc.view = s_.output_view == to_wire(export_view_type::new_image) ? export_view_type::new_image
                                                                       : export_view_type::new_and_old_images;
    if (incremental_ && usable(&manifest_summary::export_from_time) && usable(&manifest_summary::export_to_time)) {
      lc.window_from_ms = to_epoch_ms(s_.export_from_time);
      lc.window_to_ms = to_epoch_ms(s_.export_to_time);
    }
    if (!c_.key_schema) {
      unchecked(rule::key_missing);
      unchecked(rule::key_type);
      unchecked(incremental_ ? rule::key_extra : rule::key_dup);
    }
    if (!c_.track_keys) unchecked(rule::key_dup);
  }

  struct entry {
    files_entry value;
    std::uint64_t line;
    bool etag_form;
  };
  [[nodiscard]] const std::vector<entry>& entries() const noexcept { return entries_; }

  void data_absent(const entry& e) {
    file_.reset();
    report_.files.push_back({std::string{e.value.data_file_s3_key}, e.value.item_count, std::nullopt,
                             check_result::unverifiable, check_result::unverifiable, etag_reason::missing});
    if (!c_.complete) return unchecked(rule::data_missing);
    const std::string n = decimal(e.line);
    add(rule::data_missing, std::string{e.value.data_file_s3_key}, std::nullopt,
        {{"n", n}, {"key", e.value.data_file_s3_key}});
  }

  /// Starts a data file; the feed given to the bundle drives the rest.
  data_file_feed begin_data(const entry& e) {
    file_ = std::make_unique<file_state>(e, c_);
    return data_file_feed{*this};
  }

  std::string_view stored(std::string_view chunk) {
    file_state& f = *file_;
    f.digests.update(chunk);
    const std::string_view payload = f.gzip.stored(chunk);
    if (!f.header_reported) {
      if (const auto p = f.gzip.header_problem()) {
        f.header_reported = true;
        gzip_finding(*p);
      }
    }
    return payload;
  }

  void content(std::string_view chunk) {
    file_state& f = *file_;
    f.gzip.content(chunk);
    f.content_seen = true;
    if (f.header_reported || f.stopped) return;
    f.lines.feed(chunk, [&](std::string_view bytes, const line_info& info) { line(bytes, info); });
  }

  void end_data(const inflate_outcome& outcome) {
    file_state& f = *file_;
    const bool has_content = outcome.end != inflate_end::not_inflated;
    const auto problem = f.gzip.finish(outcome);
    const bool stream_problem = outcome.end == inflate_end::invalid || outcome.end == inflate_end::truncated;
    // The lines: a last line without LF is read unless the stream broke before it.
    if (has_content && !f.header_reported && !(problem && stream_problem))
      f.lines.finish([&](std::string_view bytes, const line_info& info) { line(bytes, info); });
    if (!has_content) content_unchecked();
    std::optional<std::uint64_t> lines;
    if (problem) {
      if (!f.header_reported) gzip_finding(*problem);
    } else if (has_content) {
      lines = f.counted;
      if (f.counted != static_cast<std::uint64_t>(f.listed.value.item_count)) {
        const std::string x = decimal(f.counted), v = decimal(static_cast<std::uint64_t>(f.listed.value.item_count));
        add(rule::data_count, std::string{f.key()}, std::nullopt, {{"key", f.key()}, {"x", x}, {"v", v}});
      }
    }
    checksums(lines);
    file_.reset();
  }

  // ---- step 5 -----------------------------------------------------------------

  /// Whether A-OBJ-EXTRA runs over the keys under F′ (§7.8); without the
  /// key list, or for a partial bundle, it is unchecked.
  bool begin_extra_objects(bool keys_known) {
    if (!c_.complete || !keys_known) {
      unchecked(rule::obj_extra);
      return false;
    }
    if (!files_read_ || !files_utf8_) return false;
    const std::string& f = folders_.folder;
    auto& allowed = allowed_;
    allowed.clear();
    for (std::string_view name : {started_name, summary_file_name, files_manifest_name}) allowed.push_back(f + std::string{name});
    for (const auto& k : sidecar_keys(f + std::string{summary_file_name})) allowed.push_back(k);
    for (const auto& k : sidecar_keys(f + std::string{files_manifest_name})) allowed.push_back(k);
    allowed.emplace_back(s_.manifest_files_s3_key);
    for (const auto& k : sidecar_keys(s_.manifest_files_s3_key)) allowed.push_back(k);
    for (const auto& k : listed_) allowed.push_back(k);
    std::sort(allowed.begin(), allowed.end());
    return true;
  }

  /// A-OBJ-EXTRA for one key under F′ (the bundle lists them in byte order).
  void extra_object(std::string_view key) {
    if (!std::binary_search(allowed_.begin(), allowed_.end(), key))
      add(rule::obj_extra, std::string{key}, std::nullopt, {{"key", key}});
  }

  void started(std::optional<std::uint64_t> size) {
    if (!size || *size == 0) return;
    const std::string key = folders_.folder + std::string{started_name};
    const std::string n = decimal(*size);
    add(rule::started, key, std::nullopt, {{"n", n}});
  }

  [[nodiscard]] const actual_folders& folders() const noexcept { return folders_; }
  void set_folder(std::string folder) {
    folders_.folder = folder;
    report_.exported.folder = std::move(folder);
  }

 private:
  struct file_state {
    file_state(const entry& e, const verify_context& c)
        : listed(e), digests(c.part_size), lines(c.limits.data_line_bytes) {}
    entry listed;
    stored_digests digests;
    gzip_member_check gzip;
    line_splitter lines;
    bool header_reported = false;
    bool stopped = false;
    bool content_seen = false;
    bool framing_reported = false;
    std::uint64_t counted = 0;
    std::size_t line_errors = 0;
    std::size_t line_warnings = 0;
    [[nodiscard]] std::string_view key() const noexcept { return listed.value.data_file_s3_key; }
  };

  template <class Field>
  [[nodiscard]] bool usable(Field manifest_summary::*field) const noexcept {
    return status_.is_usable(field);
  }
  [[nodiscard]] export_format format() const noexcept {
    return s_.output_format == to_wire(export_format::ion) ? export_format::ion : export_format::dynamodb_json;
  }
  [[nodiscard]] static bool incremental_of(const export_description& d) noexcept {
    return d.export_type ? d.export_type->is(export_type::incremental_export) : d.incremental_export_specification.has_value();
  }

  [[nodiscard]] bool is_data_key(std::string_view key) const {
    const std::string_view folder = folders_.data_folder;
    const std::string_view ext = data_file_extension(format());
    return key.size() == folder.size() + data_file_name_size + ext.size() && key.substr(0, folder.size()) == folder &&
           is_data_file_name(key.substr(folder.size(), data_file_name_size)) && key.substr(key.size() - ext.size()) == ext;
  }

  template <class Value>
  static std::string shown(const Value& v) {
    if constexpr (std::is_same_v<Value, std::string_view>) {
      return std::string{v};
    } else if constexpr (std::is_same_v<Value, std::optional<std::string_view>>) {
      return v ? std::string{*v} : std::string{"null"};
    } else if constexpr (std::is_same_v<Value, timestamp>) {
      const auto text = format_iso_ms(to_epoch_ms(v));
      return text ? std::string{text->data(), text->size()} : std::to_string(to_epoch_ms(v)) + " ms";
    } else {
      return std::to_string(v);
    }
  }

  void gzip_finding(const gzip_problem& p) {
    file_->stopped = true;
    add(rule::gzip, std::string{file_->key()}, p.offset, {{"key", file_->key()}, {"why", p.why}});
  }

  /// A data file without content: the content rules its facts allow are unchecked (§8.2).
  void content_unchecked() {
    unchecked(rule::data_frame);
    unchecked(rule::data_count);
    if (!usable(&manifest_summary::output_format)) return;
    const bool ion = format() == export_format::ion;
    for (rule r : {ion ? rule::ion_syntax : rule::line_json, ion ? rule::ion_type : rule::line_json, rule::line_shape})
      unchecked(r);
    if (incremental_) unchecked(rule::line_view);
    unchecked(rule::attr_name);
    unchecked(rule::av);
    if (incremental_) {
      unchecked(rule::inc_keys_image);
      unchecked(rule::inc_wts);
    }
    if (c_.key_schema) {
      unchecked(rule::key_missing);
      unchecked(rule::key_type);
      if (incremental_) unchecked(rule::key_extra);
    }
    if (c_.track_keys && (incremental_ || c_.key_schema)) unchecked(rule::key_dup);
  }

  /// A finding about a line: errors and warnings each kept up to the cap per
  /// file. The cap is at least one, so a dropped error never changes `valid`.
  void line_finding(finding f) {
    std::size_t& kept = f.severity == severity::error ? file_->line_errors : file_->line_warnings;
    if (kept >= std::max<std::size_t>(1, c_.max_line_findings_per_file)) return;
    ++kept;
    add(std::move(f));
  }

  void line(std::string_view bytes, const line_info& info) {
    file_state& f = *file_;
    if (f.stopped) return;
    if (!info.blank) ++f.counted;
    std::string_view framing;
    std::uint64_t at = info.offset;
    if (info.blank) framing = "blank line";
    else if (!info.utf8) framing = "not UTF-8", at = info.bad_utf8_offset;
    else if (info.has_cr) framing = "holds a CR", at = info.cr_offset;
    else if (!info.terminated) framing = "the content does not end with LF", at = info.offset + info.size;
    if (!framing.empty() && !f.framing_reported) {
      f.framing_reported = true;
      const std::string n = decimal(info.number);
      line_finding(make_finding(rule::data_frame, incremental_, line_path(f.key(), info.number), at,
                                {{"key", f.key()}, {"n", n}, {"why", framing}}));
    }
    if (info.blank || !info.utf8 || !line_context_) return;
    data_line_context lc = *line_context_;
    lc.key = f.key();
    lc.number = info.number;
    lc.offset = info.offset;
    struct forward {
      verification* v;
      void accept(finding found) { v->line_finding(std::move(found)); }
    } sink{this};
    if (!info.complete) return report_overlong_line(lc, sink);
    const std::size_t need = line_storage_bytes(bytes.size());
    if (line_buffer_.size() < need) line_buffer_.resize(need);
    json::arena storage{std::span<std::byte>{line_buffer_.data(), need}};
    data_line parsed;
    const auto status = line_reader_.read(bytes, parsed, storage, lc, sink);
    if (!status.values) return;
    bool keys_ok = true;
    if (c_.key_schema) keys_ok = check_keys(parsed, *c_.key_schema, lc, sink);
    if (c_.track_keys && (incremental_ || (c_.key_schema && keys_ok)))
      check_duplicate_key(keys_, parsed, c_.key_schema.value_or(std::span<const key_attribute>{}), lc, sink);
  }

  /// A-DATA-MD5, A-DATA-ETAG / A-ETAG-UNVERIFIABLE, A-ETAG-CHANGED, and the file's result.
  void checksums(std::optional<std::uint64_t> lines) {
    file_state& f = *file_;
    const files_entry& e = f.listed.value;
    const std::string key{f.key()};
    file_result result{key, e.item_count, lines, check_result::mismatch, check_result::unverifiable, etag_reason::none};
    const auto md5 = to_base64(f.digests.whole());
    if (md5.view() == e.md5_checksum)
      result.md5 = check_result::verified;
    else
      add(rule::data_md5, key, std::nullopt, {{"key", key}, {"x", md5.view()}, {"v", e.md5_checksum}});
    const sse_kind sse = !usable(&manifest_summary::s3_sse_algorithm) ? sse_kind::unknown
                         : s_.s3_sse_algorithm == to_wire(s3_sse_algorithm::kms) ? sse_kind::kms
                                                                                  : sse_kind::s3_managed;
    const etag_verdict etag = check_etag(e.etag, sse, f.digests);
    result.etag = etag.result;
    result.reason = etag.reason;
    if (etag.result == check_result::mismatch)
      add(rule::data_etag, key, std::nullopt, {{"key", key}, {"x", etag.computed}, {"v", e.etag}});
    if (etag.reason == etag_reason::kms || etag.reason == etag_reason::parts)
      add(rule::etag_unverifiable, key, std::nullopt, {{"key", key}, {"v", e.etag}, {"reason", to_text(etag.reason)}});
    if (c_.observed_etags) {
      if (observed_.empty())
        for (const auto& o : *c_.observed_etags) observed_.emplace(o.key, o.etag);
      if (const auto o = observed_.find(key); o != observed_.end() && strip_etag_quotes(o->second) != strip_etag_quotes(e.etag))
        add(rule::etag_changed, key, std::nullopt,
            {{"key", key}, {"x", strip_etag_quotes(o->second)}, {"v", strip_etag_quotes(e.etag)}});
    }
    report_.files.push_back(std::move(result));
  }

  friend class ddbexport::artifacts::data_file_feed;

  const verify_context& c_;
  std::string_view summary_key_;
  std::function<void(const finding&)> observer_;
  verify_report report_;
  manifest_summary s_;
  summary_status status_;
  bool incremental_ = false;
  actual_folders folders_;
  std::optional<text_storage> summary_storage_;
  std::optional<text_storage> files_storage_;
  bool files_read_ = false;
  bool files_utf8_ = false;
  std::vector<std::string> listed_;
  std::vector<std::string> allowed_;
  std::unordered_map<std::string_view, std::string_view> observed_;  // ObservedETags by key, built at first use
  std::vector<entry> entries_;
  std::unique_ptr<file_state> file_;
  std::vector<std::byte> line_buffer_;
  data_line_reader line_reader_;
  std::optional<data_line_context> line_context_;
  key_tracker keys_;
};

}  // namespace detail

inline std::string_view data_file_feed::stored(std::string_view chunk) { return v_->stored(chunk); }
inline void data_file_feed::content(std::string_view chunk) { v_->content(chunk); }
inline void data_file_feed::end(const inflate_outcome& outcome) { v_->end_data(outcome); }

/// Verifies the export whose summary is at `summary_key` (§8.3), reporting
/// each finding to `observer` as it is met (if given) and returning the
/// whole report (§8.4).
template <export_bundle Bundle>
verify_report verify_export(std::string_view summary_key, Bundle& bundle, const verify_context& context,
                            std::function<void(const finding&)> observer = {}) {
  detail::verification v{context, summary_key, std::move(observer)};
  v.set_folder(folders_of_summary(summary_key, false).folder);
  const auto lookup = [&](std::string_view key) { return bundle.object(key); };
  // Step 1.
  const auto summary = bundle.object(summary_key);
  if (!summary) {
    v.summary_absent();
    return std::move(v.report());
  }
  const std::string_view summary_text{*summary};
  v.sidecars(summary_key, summary_text, lookup);
  if (!v.summary(summary_text)) return std::move(v.report());
  // Step 2.
  v.description();
  // Step 3.
  if (const auto files_key = v.files_key()) {
    const auto files = bundle.object(*files_key);
    if (!files) {
      v.files_absent();
    } else {
      const std::string_view files_text{*files};
      v.sidecars(*files_key, files_text, lookup);
      v.files(files_text);
      // Step 4.
      v.begin_data_files();
      for (const auto& e : v.entries()) {
        data_file_feed feed = v.begin_data(e);
        if (!bundle.data_file(e.value.data_file_s3_key, feed)) v.data_absent(e);
      }
    }
  }
  // Step 5.
  if constexpr (listing_bundle<Bundle>) {
    if (v.begin_extra_objects(true))
      bundle.keys_under(v.folders().folder, [&](std::string_view key) { v.extra_object(key); });
  } else {
    v.begin_extra_objects(false);
  }
  const std::string started_key = v.folders().folder + std::string{started_name};
  if (const auto started = bundle.object(started_key)) v.started(std::string_view{*started}.size());
  return std::move(v.report());
}

/// The export to verify: its summary's key and the bundle holding it.
template <export_bundle Bundle>
struct export_at {
  std::string_view summary_key;
  Bundle& bundle;
};

/// The library's validator form, validate(subject, context, sink): each
/// finding goes to `sink` as it is met, and the whole §8.4 report is returned
/// (its own shape: ARTIFACTS.md's rules are not the request rules of
/// validation_result).
template <export_bundle Bundle, finding_sink Sink>
verify_report validate(const export_at<Bundle>& subject, const verify_context& context, Sink& sink) {
  return verify_export(subject.summary_key, subject.bundle, context, [&](const finding& f) { sink.accept(finding{f}); });
}

}  // namespace ddbexport::artifacts

#endif
