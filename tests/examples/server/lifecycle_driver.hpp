#ifndef DDBEXPORT_SERVER_LIFECYCLE_DRIVER_HPP
#define DDBEXPORT_SERVER_LIFECYCLE_DRIVER_HPP

// `--complete-after SECONDS`: an export ends at EndTime = StartTime + SECONDS
// exactly. There is no timer: before the server hands a request to the
// library, it ends every export that is due by that request's Now, through
// the library's ordinary complete()/fail() (journaled like any other write,
// V-STORE-READONLY). It fails the export when V-FAIL-PREDICT says so, with a
// V-FAIL-MESSAGE message; otherwise it completes it with ItemCount 0 and the
// minimum billing (V-LIFE-BILL turns a given 0 into 10000000 for an
// incremental export).
//
// A hook for later (`--s3-root`, writing an export's artifacts): the place is
// finish(), after the transition has been stored.

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/output.hpp"
#include "ddbexport/service/failure_message.hpp"
#include "ddbexport/service/failure_prediction.hpp"
#include "ddbexport/service/lifecycle.hpp"
#include "ddbexport/service/store.hpp"
#include "ddbexport/timestamp.hpp"
#include "server/state.hpp"

namespace ddbexport_server {

template <class Store, class Random>
class lifecycle_driver {
 public:
  lifecycle_driver(std::int64_t after_ms, const world& w, Store& store, Random& random)
      : after_ms_(after_ms), world_(w), store_(store), random_(random) {}

  /// An export to end at start + SECONDS.
  void track(std::string export_arn, ddbexport::timestamp start) {
    std::lock_guard lock{queue_mutex_};
    due_.emplace(ddbexport::to_epoch_ms(start) + after_ms_, std::move(export_arn));
  }

  /// Ends every export due by `now`; false when a transition could not be
  /// stored (it stays due). One caller at a time, so that no request is
  /// answered at a Now past an EndTime while that export is still being ended.
  bool end_due(ddbexport::timestamp now) {
    std::lock_guard drive{drive_mutex_};
    std::vector<std::pair<std::int64_t, std::string>> batch;
    {
      std::lock_guard lock{queue_mutex_};
      const auto last = due_.upper_bound(ddbexport::to_epoch_ms(now));
      for (auto it = due_.begin(); it != last; ++it) batch.emplace_back(it->first, std::move(it->second));
      due_.erase(due_.begin(), last);
    }
    bool ok = true;
    for (auto& [end_ms, arn] : batch) {
      if (finish(arn, ddbexport::from_epoch_ms(end_ms))) continue;
      ok = false;
      track_end(end_ms, std::move(arn));
    }
    return ok;
  }

 private:
  void track_end(std::int64_t end_ms, std::string arn) {
    std::lock_guard lock{queue_mutex_};
    due_.emplace(end_ms, std::move(arn));
  }

  /// One transition; false only when the store refused the write.
  bool finish(const std::string& arn, ddbexport::timestamp end_time) {
    std::optional<std::string> code;
    std::string message;
    const world_facts facts{&world_};
    const bool found = store_.find_by_arn(arn, [&](const ddbexport::service::export_record& record) {
      // The prediction's subject views the record: the message is written here.
      const auto prediction = ddbexport::service::predict_failure(record.request, world_.region,
                                                                  std::optional<std::string_view>{world_.account}, &facts);
      if (!prediction) return;
      code = std::string{prediction->code()};
      ddbexport::container_output<std::string> out{message};
      ddbexport::service::write_failure_message(prediction->cause, prediction->subject, random_, out);
    });
    if (!found) return true;
    const auto problem = code ? ddbexport::service::fail(store_, arn, end_time, *code, message)
                              : ddbexport::service::complete(store_, arn, end_time, 0, 0);
    // An export already ended (replayed from the store) needs nothing.
    return !problem || problem->problem != ddbexport::service::usage_problem::store_failed;
  }

  std::int64_t after_ms_;
  const world& world_;
  Store& store_;
  Random& random_;
  std::mutex drive_mutex_;
  std::mutex queue_mutex_;
  std::multimap<std::int64_t, std::string> due_;
};

}  // namespace ddbexport_server

#endif
