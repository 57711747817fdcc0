// Adding an output format to ddbexport without touching the library.
//
// A format is a tag type. Specialise ddbexport::encoder_for<Tag, Out> with a
// class built from `Out&` that the library walks through any value in wire
// order (see serialize.hpp). Only fwd.hpp and serialize.hpp are needed.
// This one prints an indented, YAML-like outline; `serialize<outline>(value,
// out)` then works for requests, responses and the PITR context alike.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "ddbexport/output.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/serialize.hpp"

struct outline {};

template <class Out>
struct ddbexport::encoder_for<outline, Out> {
  explicit encoder_for(Out& out) : out_(&out) {}

  void begin_structure(std::string_view member_name, std::string_view shape_name) {
    if (depth_ != 0) line(member_name, "");
    else line(shape_name, "");
    ++depth_;
  }
  void end_structure() { --depth_; }
  // A list of structures (ListExports' ExportSummaries): its name, then each
  // element's members one level deeper, as the structures above.
  void begin_list(std::string_view member_name, std::string_view /*element_shape_name*/) {
    line(member_name, "");
    ++depth_;
  }
  void end_list() { --depth_; }

  void member(std::string_view name, kind_tag<member_kind::string>, std::string_view v) { line(name, quoted(v)); }
  void member(std::string_view name, kind_tag<member_kind::enumeration>, std::string_view v) { line(name, v); }
  void member(std::string_view name, kind_tag<member_kind::timestamp>, timestamp t) {
    time_text_buffer buf{};
    line(name, format_iso8601(t, buf));
  }
  void member(std::string_view name, kind_tag<member_kind::long_integer>, std::int64_t v) { line(name, std::to_string(v)); }
  void member(std::string_view name, kind_tag<member_kind::integer>, std::int32_t v) { line(name, std::to_string(v)); }
  void member(std::string_view name, kind_tag<member_kind::string_map>, std::span<const string_entry> map) {
    line(name, "");
    for (const auto& e : map) line(e.key, quoted(e.value), 1);
  }
  void member(std::string_view name, kind_tag<member_kind::attribute_map>, std::span<const attribute_entry> map) {
    line(name, "");
    for (const auto& e : map) line(e.key, std::string("<") + std::string(wire_name(e.value.kind)) + ">", 1);
  }

 private:
  static std::string quoted(std::string_view v) { return "'" + std::string(v) + "'"; }
  void line(std::string_view name, std::string_view value, int extra = 0) {
    for (int i = 0; i < depth_ + extra; ++i) out_->write("  ");
    out_->write(name);
    out_->write(":");
    if (!value.empty()) {
      out_->write(" ");
      out_->write(value);
    }
    out_->write("\n");
  }
  Out* out_;
  int depth_ = 0;
};

static_assert(ddbexport::output_format<outline, ddbexport::counting_output>, "the plug-in is complete");

int main() {
  using namespace ddbexport;
  const string_entry names[] = {{"#s", "status"}};
  const attribute_entry values[] = {{":done", attribute_value::string("DONE")}};
  const export_request request{
      .table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Music",
      .s3_bucket = "my-bucket",
      .export_type = export_type::incremental_export,
      .incremental_export_specification =
          incremental_export_specification{.export_from_time = from_epoch_seconds(1'700'000'000)},
      .filter_specification = filter_specification{.filter_expression = "#s = :done",
                                                   .expression_attribute_names = names,
                                                   .expression_attribute_values = values},
  };
  std::string text;
  container_output out{text};
  serialize<outline>(request, out);
  std::fputs(text.c_str(), stdout);

  const std::string_view expected =
      "ExportTableToPointInTimeInput:\n"
      "  TableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/Music'\n"
      "  S3Bucket: 'my-bucket'\n"
      "  ExportType: INCREMENTAL_EXPORT\n"
      "  IncrementalExportSpecification:\n"
      "    ExportFromTime: 2023-11-14T22:13:20Z\n"
      "  FilterSpecification:\n"
      "    FilterExpression: '#s = :done'\n"
      "    ExpressionAttributeNames:\n"
      "      #s: 'status'\n"
      "    ExpressionAttributeValues:\n"
      "      :done: <S>\n";
  return text == expected ? 0 : 1;
}
