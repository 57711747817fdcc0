#ifndef DDBEXPORT_SERVER_LIFECYCLE_DRIVER_HPP
#define DDBEXPORT_SERVER_LIFECYCLE_DRIVER_HPP

// `--complete-after SECONDS`: an export ends at EndTime = StartTime + SECONDS
// exactly. There is no timer: each request has a turn, and in its turn it
// reads Now, ends every export due by that Now through the library's
// ordinary complete()/fail() (journaled like any other write,
// V-STORE-READONLY), and only then is handled; an export it creates is
// scheduled before the turn ends. Turns are one at a time, so every answer
// given at a Now >= an EndTime, whatever runs beside it, reads that export
// ended (DescribeExport, ListExports, stage K of a replay with CompletedAt =
// EndTime): a read can neither overtake the transition nor miss an export
// created by a request that took its Now earlier. (Ending exports before
// each request on its own leaves both windows open: the creating request
// schedules its export only after the library has inserted it, and a request
// that took its Now later may already have ended what was due by then.)
//
// An export fails when V-FAIL-PREDICT says so, with a V-FAIL-MESSAGE
// message. Otherwise it completes with what the export holds, whether or not
// it is written anywhere (V-LIFE-BILL on top):
// - a full export holds the table's items, one per line of one data file.
//   The server knows only the items of its --state file, which never change
//   while it runs: so the table holds them, unchanged, throughout its
//   point-in-time-recovery window, and an export at any ExportTime has them
//   all. ItemCount is their number, BilledSizeBytes the bytes of the lines
//   written (DYNAMODB_JSON or ION): the table's size as exported;
// - an incremental export holds the changes inside its window, and in that
//   same world nothing changes: no change record, one empty data file (an
//   empty partition, §6.1) in the shared data folder, ItemCount 0, billed the
//   10000000-byte minimum. Writing the items as insert records instead would
//   make every export of a chain "insert" items the full export already had
//   (and an insert is an item absent before the window, §6.3), which is the
//   inconsistency a pipeline test is there to catch.
//
// With `--s3-root`, the export's objects are written first (s3_root.hpp) and
// the transition is stored only once they all are, so an export is never
// COMPLETED without its manifest on disk. When a write fails, the export
// ends FAILED instead, as DynamoDB's does when S3 refuses a write: the host
// drives both transitions (SERVICE.md §4.1) and every observed FailureMessage
// is an S3 error (V-FAIL-CODES), so FailureCode S3AccessDenied with the
// second form of V-FAIL-MESSAGE; the local reason goes to stderr. Objects
// already written stay, as DynamoDB never deletes what it wrote (§2.1).

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/enums.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/service/failure_message.hpp"
#include "ddbexport/service/failure_prediction.hpp"
#include "ddbexport/service/lifecycle.hpp"
#include "ddbexport/service/store.hpp"
#include "ddbexport/timestamp.hpp"
#include "server/export_artifacts.hpp"
#include "server/s3_root.hpp"
#include "server/state.hpp"

namespace ddbexport_server {

namespace detail {

/// A store whose transitions are committed only when `commit(update)`
/// agrees: the hook that writes an export's objects before it is COMPLETED.
template <class Store, class Commit>
class committing_store {
 public:
  committing_store(Store& store, Commit& commit) : store_(&store), commit_(&commit) {}

  template <class F>
  bool find_by_arn(std::string_view arn, F&& f) const {
    return store_->find_by_arn(arn, f);
  }
  template <class F>
  void list(const ddbexport::service::list_query& query, F&& f) const {
    store_->list(query, f);
  }
  template <class Step>
  ddbexport::service::store_write find_or_insert(const ddbexport::service::store_scope& scope,
                                                 std::optional<std::string_view> token, Step&& step) {
    return store_->find_or_insert(scope, token, step);
  }
  template <class Step>
  ddbexport::service::store_write update_status(std::string_view arn, Step&& step) {
    return store_->update_status(arn, [&](const ddbexport::service::export_record& record)
                                          -> std::optional<ddbexport::service::status_update> {
      auto update = step(record);
      if (update && !(*commit_)(*update)) {
        refused_ = true;
        return std::nullopt;
      }
      return update;
    });
  }
  [[nodiscard]] bool refused() const noexcept { return refused_; }

 private:
  Store* store_;
  Commit* commit_;
  bool refused_ = false;
};

}  // namespace detail

template <class Store, class Random>
class lifecycle_driver {
 public:
  /// `objects`: where completed exports are written (--s3-root), or nullptr.
  lifecycle_driver(std::int64_t after_ms, const world& w, Store& store, Random& random, const s3_root* objects,
                   std::ostream& log)
      : after_ms_(after_ms), world_(w), store_(store), random_(random), objects_(objects), log_(log) {}

  /// An export to end at start + SECONDS. Called before serving, or inside a turn.
  void track(std::string export_arn, ddbexport::timestamp start) {
    due_.emplace(ddbexport::to_epoch_ms(start) + after_ms_, std::move(export_arn));
  }

  /// One request's turn: `serve(now, ended)` runs with the Now read in the
  /// turn, once every export due by it has ended (`ended` false when a
  /// transition could not be stored: that export stays due), and may track()
  /// what it creates. Returns what `serve` returns.
  template <class Clock, class Serve>
  decltype(auto) turn(Clock&& clock, Serve&& serve) {
    std::lock_guard lock{turn_mutex_};
    const ddbexport::timestamp now = clock();
    const bool ended = end_due(now);
    return serve(now, ended);
  }

 private:
  /// Ends every export due by `now`; false when a transition could not be stored.
  bool end_due(ddbexport::timestamp now) {
    const auto last = due_.upper_bound(ddbexport::to_epoch_ms(now));
    bool ok = true;
    for (auto it = due_.begin(); it != last;) {
      if (finish(it->second, ddbexport::from_epoch_ms(it->first))) {
        it = due_.erase(it);
      } else {
        ok = false;
        ++it;
      }
    }
    return ok;
  }

  /// What a transition needs of the record, copied out of its views.
  struct ending {
    std::optional<std::string> failure_code;
    std::string failure_message;
    std::string table_arn;
    bool incremental = false;
    ddbexport::export_format format = ddbexport::export_format::dynamodb_json;
  };

  /// One transition; false only when the store refused the write.
  bool finish(const std::string& arn, ddbexport::timestamp end_time) {
    ending e;
    const world_facts facts{&world_};
    const bool found = store_.find_by_arn(arn, [&](const ddbexport::service::export_record& record) {
      const auto& d = record.description;
      e.table_arn = std::string{record.request.table_arn.value_or(std::string_view{})};
      e.incremental = d.incremental_export_specification.has_value() ||
                      (d.export_type && d.export_type->is(ddbexport::export_type::incremental_export));
      if (d.export_format && d.export_format->is(ddbexport::export_format::ion)) e.format = ddbexport::export_format::ion;
      // The prediction's subject views the record: the message is written here.
      const auto prediction = ddbexport::service::predict_failure(record.request, world_.region,
                                                                  std::optional<std::string_view>{world_.account}, &facts);
      if (!prediction) return;
      e.failure_code = std::string{prediction->code()};
      ddbexport::container_output<std::string> out{e.failure_message};
      ddbexport::service::write_failure_message(prediction->cause, prediction->subject, random_, out);
    });
    if (!found) return true;
    if (e.failure_code) return stored(ddbexport::service::fail(store_, arn, end_time, *e.failure_code, e.failure_message));

    std::vector<data_file_content> files(1);
    std::string why;
    if (!fill(files[0], e, why)) return end_failed(arn, end_time, why);
    const auto item_count = static_cast<std::int64_t>(files[0].lines);
    const auto billed = static_cast<std::int64_t>(files[0].content.size());
    if (!objects_) return stored(ddbexport::service::complete(store_, arn, end_time, item_count, billed));

    auto write = [&](const ddbexport::service::status_update& update) {
      const auto objects = export_objects(update.description, files, why);
      if (!objects) return false;
      const std::string_view bucket = update.description.s3_bucket.value_or(std::string_view{});
      for (const auto& o : *objects)
        if (!objects_->put(bucket, o.key, o.bytes, why)) return false;
      return true;
    };
    detail::committing_store<Store, decltype(write)> committing{store_, write};
    const auto problem = ddbexport::service::complete(committing, arn, end_time, item_count, billed);
    if (committing.refused()) return end_failed(arn, end_time, why);
    return stored(problem);
  }

  /// The export's one data file: the table's items for a full export, nothing for an incremental one.
  bool fill(data_file_content& file, const ending& e, std::string& why) {
    random_.fill(file.name_bytes);
    if (e.incremental) return true;
    const auto table = world_.tables.find(e.table_arn);
    if (table == world_.tables.end()) return true;  // restored from a store made with another state file
    std::size_t failed_at = 0;
    const bool spelled = for_each_item_line(*table->second.items, e.format, [&](std::string_view line) {
      file.content.append(line);
      ++file.lines;
    }, failed_at);
    if (!spelled) why = "Items[" + std::to_string(failed_at) + "] cannot be written in this export's format";
    return spelled;
  }

  /// Ends the export FAILED after its objects could not be written.
  bool end_failed(const std::string& arn, ddbexport::timestamp end_time, const std::string& why) {
    log_ << "ddbexport-server: " << arn << ": the export's objects could not be written (" << why
         << "); it ends FAILED with S3AccessDenied\n";
    log_.flush();
    std::string message;
    ddbexport::container_output<std::string> out{message};
    const auto cause = ddbexport::service::failure_cause::access_denied;
    ddbexport::service::write_failure_message(cause, {}, random_, out);
    return stored(ddbexport::service::fail(store_, arn, end_time, ddbexport::service::failure_code(cause), message));
  }

  /// A transition's outcome: an export already ended (replayed from the store) needs nothing.
  static bool stored(const std::optional<ddbexport::service::usage_error>& problem) {
    return !problem || problem->problem != ddbexport::service::usage_problem::store_failed;
  }

  std::int64_t after_ms_;
  const world& world_;
  Store& store_;
  Random& random_;
  const s3_root* objects_;
  std::ostream& log_;
  std::mutex turn_mutex_;
  std::multimap<std::int64_t, std::string> due_;
};

}  // namespace ddbexport_server

#endif
