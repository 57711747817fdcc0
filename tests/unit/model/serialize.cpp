// The serializer hook of serialize.hpp, exercised by two formats that are not
// JSON: a key=value debug printer, and a small binary encoder with its decoder
// (built on with_member_named) that round-trips a request.
#include "ddbexport/serialize.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/json/writer.hpp"

using namespace ddbexport;

namespace {

struct key_value_format {};
struct binary_format {};

// ---- key=value -------------------------------------------------------------

template <class Out>
class key_value_encoder {
 public:
  explicit key_value_encoder(Out& out) : out_(&out) {}
  void begin_structure(std::string_view name, std::string_view) { prefix_.push_back(name); }
  void end_structure() { prefix_.pop_back(); }
  // List elements are numbered by nothing here: each one repeats the list's name.
  void begin_list(std::string_view name, std::string_view) { prefix_.push_back(name); }
  void end_list() { prefix_.pop_back(); }
  void member(std::string_view name, kind_tag<member_kind::string>, std::string_view v) { line(name, v); }
  void member(std::string_view name, kind_tag<member_kind::enumeration>, std::string_view v) { line(name, v); }
  void member(std::string_view name, kind_tag<member_kind::timestamp>, timestamp t) {
    line(name, std::to_string(to_epoch_ms(t)) + "ms");
  }
  void member(std::string_view name, kind_tag<member_kind::long_integer>, std::int64_t v) { line(name, std::to_string(v)); }
  void member(std::string_view name, kind_tag<member_kind::integer>, std::int32_t v) { line(name, std::to_string(v)); }
  void member(std::string_view name, kind_tag<member_kind::string_map>, std::span<const string_entry> map) {
    for (const auto& e : map) line(std::string(name) + "[" + std::string(e.key) + "]", e.value);
  }
  void member(std::string_view name, kind_tag<member_kind::attribute_map>, std::span<const attribute_entry> map) {
    for (const auto& e : map) line(std::string(name) + "[" + std::string(e.key) + "]", wire_name(e.value.kind));
  }

 private:
  void line(std::string_view name, std::string_view value) {
    for (auto p : prefix_)
      if (!p.empty()) {
        out_->write(p);
        out_->write(".");
      }
    out_->write(name);
    out_->write("=");
    out_->write(value);
    out_->write("\n");
  }
  Out* out_;
  std::vector<std::string_view> prefix_;
};

// ---- binary ------------------------------------------------------------------

template <class Out>
class binary_encoder {
 public:
  explicit binary_encoder(Out& out) : out_(&out) {}
  void begin_structure(std::string_view name, std::string_view) {
    tag('S');
    text(name);
  }
  void end_structure() { tag('E'); }
  void begin_list(std::string_view name, std::string_view) {
    tag('A');
    text(name);
  }
  void end_list() { tag('E'); }
  void member(std::string_view name, kind_tag<member_kind::string>, std::string_view v) { head('s', name), text(v); }
  void member(std::string_view name, kind_tag<member_kind::enumeration>, std::string_view v) { head('e', name), text(v); }
  void member(std::string_view name, kind_tag<member_kind::timestamp>, timestamp t) { head('t', name), number(to_epoch_ms(t)); }
  void member(std::string_view name, kind_tag<member_kind::long_integer>, std::int64_t v) { head('l', name), number(v); }
  void member(std::string_view name, kind_tag<member_kind::integer>, std::int32_t v) { head('i', name), number(v); }
  void member(std::string_view name, kind_tag<member_kind::string_map>, std::span<const string_entry> map) {
    head('n', name);
    number(static_cast<std::int64_t>(map.size()));
    for (const auto& e : map) text(e.key), text(e.value);
  }
  void member(std::string_view name, kind_tag<member_kind::attribute_map>, std::span<const attribute_entry> map) {
    head('a', name);
    entries(map);
  }

 private:
  void tag(char c) { out_->write(std::string_view{&c, 1}); }
  void head(char c, std::string_view name) { tag(c), text(name); }
  void number(std::int64_t v) {
    char bytes[8];
    std::memcpy(bytes, &v, 8);
    out_->write(std::string_view{bytes, 8});
  }
  void text(std::string_view s) {
    number(static_cast<std::int64_t>(s.size()));
    out_->write(s);
  }
  void entries(std::span<const attribute_entry> map) {
    number(static_cast<std::int64_t>(map.size()));
    for (const auto& e : map) text(e.key), value(e.value);
  }
  void value(const attribute_value& v) {
    tag(static_cast<char>(v.kind));
    switch (v.kind) {
      case attribute_kind::s:
      case attribute_kind::n:
      case attribute_kind::b: text(v.scalar); break;
      case attribute_kind::ss:
      case attribute_kind::ns:
      case attribute_kind::bs:
        number(static_cast<std::int64_t>(v.set.size()));
        for (auto s : v.set) text(s);
        break;
      case attribute_kind::m: entries(v.map()); break;
      case attribute_kind::l:
        number(static_cast<std::int64_t>(v.list_size));
        for (const auto& item : v.list()) value(item);
        break;
      case attribute_kind::null:
      case attribute_kind::boolean: tag(v.flag ? 1 : 0); break;
    }
  }
  Out* out_;
};

/// Lands each value through with_member_named; owns the arrays it builds.
class binary_decoder {
 public:
  explicit binary_decoder(std::string_view in) : in_(in) {}

  template <class T>
  void read(T& out) {
    REQUIRE(tag() == 'S');
    CHECK(text().empty());
    structure(out);
    CHECK(pos_ == in_.size());
  }

 private:
  template <class T>
  void structure(T& out) {
    while (in_[pos_] != 'E') {
      const char kind = tag();
      const std::string_view name = text();
      const bool known = with_member_named(out, name, [&](std::string_view, auto& member) { land(kind, member); });
      REQUIRE(known);
    }
    ++pos_;
  }

  template <class V>
  void land(char kind, std::optional<V>& member) {
    constexpr member_kind k = member_kind_v<std::optional<V>>;
    if constexpr (k == member_kind::structure) {
      REQUIRE(kind == 'S');
      member.emplace();
      structure(*member);
    } else if constexpr (k == member_kind::string) {
      member = text();
    } else if constexpr (k == member_kind::enumeration) {
      member = V::from_text(text());
    } else if constexpr (k == member_kind::timestamp) {
      member = from_epoch_ms(number());
    } else if constexpr (k == member_kind::long_integer) {
      member = number();
    } else if constexpr (k == member_kind::integer) {
      member = static_cast<std::int32_t>(number());
    } else if constexpr (k == member_kind::string_map) {
      auto& map = names_.emplace_back(static_cast<std::size_t>(number()));
      for (auto& e : map) e.key = text(), e.value = text();
      member = std::span<const string_entry>{map};
    } else if constexpr (k == member_kind::attribute_map) {
      member = entries();
    }
  }

  std::span<const attribute_entry> entries() {
    auto& map = entries_.emplace_back(static_cast<std::size_t>(number()));
    for (auto& e : map) e.key = text(), e.value = value();
    return map;
  }
  attribute_value value() {
    attribute_value v;
    v.kind = static_cast<attribute_kind>(tag());
    switch (v.kind) {
      case attribute_kind::s:
      case attribute_kind::n:
      case attribute_kind::b: v.scalar = text(); break;
      case attribute_kind::ss:
      case attribute_kind::ns:
      case attribute_kind::bs: {
        auto& set = sets_.emplace_back(static_cast<std::size_t>(number()));
        for (auto& s : set) s = text();
        v.set = set;
        break;
      }
      case attribute_kind::m: {
        const auto map = entries();
        v.map_data = map.data();
        v.map_size = map.size();
        break;
      }
      case attribute_kind::l: {
        auto& list = lists_.emplace_back(static_cast<std::size_t>(number()));
        for (auto& item : list) item = value();
        v.list_data = list.data();
        v.list_size = list.size();
        break;
      }
      case attribute_kind::null:
      case attribute_kind::boolean: v.flag = tag() != 0; break;
    }
    return v;
  }

  char tag() { return in_[pos_++]; }
  std::int64_t number() {
    std::int64_t v = 0;
    std::memcpy(&v, in_.data() + pos_, 8);
    pos_ += 8;
    return v;
  }
  std::string_view text() {
    const auto size = static_cast<std::size_t>(number());
    const auto s = in_.substr(pos_, size);
    pos_ += size;
    return s;
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  std::deque<std::vector<string_entry>> names_;
  std::deque<std::vector<attribute_entry>> entries_;
  std::deque<std::vector<attribute_value>> lists_;
  std::deque<std::vector<std::string_view>> sets_;
};

constexpr std::string_view bytes{"\x00\xff", 2};
constexpr std::string_view strings[] = {"a", "\xed\xa0\x80"};
constexpr attribute_value list_items[] = {attribute_value::binary(bytes), attribute_value::boolean(false)};
constexpr attribute_entry inner[] = {{"k", attribute_value::list_of(list_items)}};
constexpr attribute_entry values[] = {{":m", attribute_value::map_of(inner)},
                                      {":ss", attribute_value::set_of(attribute_kind::ss, strings)},
                                      {":n", attribute_value::null()}};
constexpr string_entry names[] = {{"#b", "x"}, {"1", "y"}};

const export_request rich{
    .table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/T",
    .s3_bucket = "bucket",
    .export_time = from_epoch_ms(-1500),
    .client_token = "",
    .s3_sse_algorithm = s3_sse_algorithm_value::from_text("aws:kms"),
    .export_type = export_type::incremental_export,
    .incremental_export_specification =
        incremental_export_specification{.export_from_time = from_epoch_ms(1), .export_view_type = export_view_type::new_image},
    .filter_specification = filter_specification{.key_condition_expression = "k",
                                                 .expression_attribute_names = names,
                                                 .expression_attribute_values = values},
};

std::string as_json(const export_request& r) {
  std::string text;
  container_output out{text};
  json::write_request(r, out);
  return text;
}

}  // namespace

template <class Out>
struct ddbexport::encoder_for<key_value_format, Out> : key_value_encoder<Out> {
  using key_value_encoder<Out>::key_value_encoder;
};
template <class Out>
struct ddbexport::encoder_for<binary_format, Out> : binary_encoder<Out> {
  using binary_encoder<Out>::binary_encoder;
};

namespace {
struct missing_integer {
  void begin_structure(std::string_view, std::string_view);
  void end_structure();
  void begin_list(std::string_view, std::string_view);
  void end_list();
  template <member_kind K, class V>
    requires(K != member_kind::integer)
  void member(std::string_view, kind_tag<K>, const V&);
};
}  // namespace

static_assert(output_format<json::format, buffer_output>);
static_assert(output_format<key_value_format, counting_output>);
static_assert(!shape_encoder<missing_integer>);
static_assert(!shape_encoder<int>);
static_assert(find_member<export_request>("FilterSpecification") == 11);
static_assert(find_member<export_request>("filterSpecification") == no_member);
static_assert(find_member<export_description>("ItemCount") == 18);
static_assert(find_member<export_description>("") == no_member);
static_assert(find_member<export_description>("AVeryLongNameThatIsNoMemberOfAnyShape") == no_member);

TEST_CASE("serialize: the JSON writer is a plug-in like any other") {
  std::string via_hook;
  container_output out{via_hook};
  serialize<json::format>(rich, out);
  CHECK(via_hook == as_json(rich));
}

TEST_CASE("serialize: a key=value printer sees members in wire order") {
  std::string text;
  container_output out{text};
  serialize<key_value_format>(rich, out);
  CHECK(text ==
        "TableArn=arn:aws:dynamodb:us-east-1:123456789012:table/T\n"
        "S3Bucket=bucket\n"
        "ExportTime=-1500ms\n"
        "ClientToken=\n"
        "S3SseAlgorithm=aws:kms\n"
        "ExportType=INCREMENTAL_EXPORT\n"
        "IncrementalExportSpecification.ExportFromTime=1ms\n"
        "IncrementalExportSpecification.ExportViewType=NEW_IMAGE\n"
        "FilterSpecification.KeyConditionExpression=k\n"
        "FilterSpecification.ExpressionAttributeNames[#b]=x\n"
        "FilterSpecification.ExpressionAttributeNames[1]=y\n"
        "FilterSpecification.ExpressionAttributeValues[:m]=M\n"
        "FilterSpecification.ExpressionAttributeValues[:ss]=SS\n"
        "FilterSpecification.ExpressionAttributeValues[:n]=NULL\n");
}

TEST_CASE("serialize: a binary format round-trips a request through with_member_named") {
  std::string encoded;
  container_output out{encoded};
  serialize<binary_format>(rich, out);
  binary_decoder decoder{encoded};
  export_request decoded;
  decoder.read(decoded);
  CHECK(as_json(decoded) == as_json(rich));

  std::string empty;
  container_output empty_out{empty};
  serialize<binary_format>(export_request{}, empty_out);
  CHECK(empty.size() == 1 + 8 + 1);  // 'S', the empty name, 'E'
}

TEST_CASE("serialize: responses and context shapes go through the same hook") {
  const export_response response{.export_description = export_description{.item_count = 7, .filter_specification = filter_specification{}}};
  std::string text;
  container_output out{text};
  serialize<key_value_format>(response, out);
  CHECK(text == "ExportDescription.ItemCount=7\n");
  const continuous_backups_description context{
      .point_in_time_recovery_description = point_in_time_recovery_description{.recovery_period_in_days = 35}};
  text.clear();
  serialize<key_value_format>(context, out);
  CHECK(text == "PointInTimeRecoveryDescription.RecoveryPeriodInDays=35\n");
}
