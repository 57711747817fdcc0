// Reader -> writer -> reader, for requests and success responses: what was
// read writes a body that reads back to an equal value (field by field), and
// writing that value again gives the same bytes. Also: the written body is
// compact single-line JSON, and counting_output predicts its size.
//
// One exception, from the SDK itself: a millisecond time beyond ±2^51 ms
// with a fraction may read back 1 ms off (Math.round(x * 1000), WIRE.md
// §5.3). For a value holding such a time the target checks that the re-read
// time is what the SDK reads (property/equality.hpp's sdk_time_echo) instead
// of exact equality.

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "property/equality.hpp"

using namespace ddbexport;

namespace {

bool stable(const export_request& r) { return test::times_survive_echo(r); }
bool stable(const export_response& r) { return test::times_survive_echo(r); }
bool stable(const continuous_backups_description& c) {
  const auto& p = c.point_in_time_recovery_description;
  return !p || (test::time_survives_echo(p->earliest_restorable_date_time) &&
                test::time_survives_echo(p->latest_restorable_date_time));
}

template <class T, class Read, class Write, class Same>
void roundtrip(std::string_view body, Read read, Write write, Same same) {
  json::owning_arena storage{body.size()};
  T first;
  if (!read(body, first, storage).ok()) return;
  const std::string once = fuzz::write_to_string([&](auto& out) { write(first, out); });
  counting_output counter;
  write(first, counter);
  DDBEXPORT_FUZZ_CHECK(counter.size() == once.size());
  DDBEXPORT_FUZZ_CHECK(!once.empty() && once.front() == '{' && once.back() == '}');
  DDBEXPORT_FUZZ_CHECK(once.find_first_of("\r\n") == std::string::npos);

  json::owning_arena again_storage{once.size()};
  T second;
  const json::read_result r = read(once, second, again_storage);
  if (!r.ok()) {
    std::fprintf(stderr, "re-read failed: %.*s\n", static_cast<int>(to_string(r.error->rule).size()),
                 to_string(r.error->rule).data());
  }
  DDBEXPORT_FUZZ_CHECK(r.ok());
  if (!stable(first)) {
    // Written again, the drifted value still reads back (its times are in range).
    const std::string again = fuzz::write_to_string([&](auto& out) { write(second, out); });
    json::owning_arena third_storage{again.size()};
    T third;
    DDBEXPORT_FUZZ_CHECK(read(again, third, third_storage).ok());
    return;
  }
  DDBEXPORT_FUZZ_CHECK(same(first, second));
  const std::string twice = fuzz::write_to_string([&](auto& out) { write(second, out); });
  DDBEXPORT_FUZZ_CHECK(once == twice);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body = fuzz::as_text(data, size);
  roundtrip<export_request>(
      body,
      [](std::string_view b, export_request& v, json::arena& a) { return json::read_request(b, v, a, fuzz::fuzz_limits); },
      [](const export_request& v, auto& out) { json::write_request(v, out); }, test::same_request);
  roundtrip<export_response>(
      body,
      [](std::string_view b, export_response& v, json::arena& a) { return json::read_response(b, v, a, fuzz::fuzz_limits); },
      [](const export_response& v, auto& out) { json::write_response(v, out); }, test::same_response);
  roundtrip<continuous_backups_description>(
      body,
      [](std::string_view b, continuous_backups_description& v, json::arena& a) {
        return json::read_continuous_backups(b, v, a, fuzz::fuzz_limits);
      },
      [](const continuous_backups_description& v, auto& out) { json::write_continuous_backups(v, out); },
      [](const continuous_backups_description& x, const continuous_backups_description& y) {
        const auto& p = x.point_in_time_recovery_description;
        const auto& q = y.point_in_time_recovery_description;
        return x.continuous_backups_status == y.continuous_backups_status && p.has_value() == q.has_value() &&
               (!p || (p->point_in_time_recovery_status == q->point_in_time_recovery_status &&
                       p->recovery_period_in_days == q->recovery_period_in_days &&
                       p->earliest_restorable_date_time == q->earliest_restorable_date_time &&
                       p->latest_restorable_date_time == q->latest_restorable_date_time));
      });
  return 0;
}
