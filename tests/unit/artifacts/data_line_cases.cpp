// Data lines case by case (ARTIFACTS.md §6.3, §6.4, §7.5): each AttributeValue
// member with each wrong JSON type, every arena size below what a line needs,
// the line limit in both formats, Metadata's exact form in both formats, the
// A-LINE-VIEW message for each set of images, and A-INC-WTS at its bounds.
#include <doctest/doctest.h>

#include "ddbexport/artifacts/data_line.hpp"
#include "line_read.hpp"

namespace {
using namespace ddbexport::artifacts;
using artifacts_test::collect;
using ddbexport::attribute_kind;
using ddbexport::export_format;

using artifacts_test::line_read;

data_line_context context(export_format f = export_format::dynamodb_json, bool incremental = false) {
  data_line_context c;
  c.key = "k";
  c.number = 3;
  c.offset = 100;
  c.format = {f, incremental};
  return c;
}

std::string item_with(std::string_view av) { return "{\"Item\":{\"pk\":{\"S\":\"x\"},\"v\":" + std::string{av} + "}}"; }

/// The JSON type a member's value must have, and one valid value of it.
struct member_type {
  std::string_view json_type;  ///< "string", "boolean", "object", "array"
  std::string_view valid;
};
member_type type_of(attribute_kind k) {
  switch (k) {
    case attribute_kind::s: return {"string", "\"a\""};
    case attribute_kind::n: return {"string", "\"1\""};
    case attribute_kind::b: return {"string", "\"AAE=\""};
    case attribute_kind::boolean: return {"boolean", "false"};
    case attribute_kind::null: return {"boolean", "true"};
    case attribute_kind::m: return {"object", "{}"};
    case attribute_kind::l: return {"array", "[]"};
    case attribute_kind::ss: return {"array", "[\"a\"]"};
    case attribute_kind::ns: return {"array", "[\"1\"]"};
    case attribute_kind::bs: return {"array", "[\"AAE=\"]"};
  }
  return {};
}

TEST_CASE("A-AV: every AttributeValue member with every JSON type it must not have") {
  const std::array<std::pair<std::string_view, std::string_view>, 6> values{{
      {"string", "\"AAE=\""}, {"number", "1"}, {"boolean", "true"}, {"null", "null"}, {"object", "{}"}, {"array", "[]"}}};
  int kinds = 0;
  for (std::uint8_t i = 0; i <= static_cast<std::uint8_t>(attribute_kind::boolean); ++i, ++kinds) {
    const auto k = static_cast<attribute_kind>(i);
    const std::string name{wire_name(k)};
    const member_type t = type_of(k);
    CAPTURE(name);
    {
      line_read ok{item_with("{\"" + name + "\":" + std::string{t.valid} + "}"), context()};
      CHECK_MESSAGE(ok.findings.all.empty(), ok.findings.dump());
      CHECK(ok.status.values);
      REQUIRE(ok.line.item.size() == 2);
      CHECK(ok.line.item[1].value.kind == k);
    }
    for (const auto& one : values) {
      const std::string_view json_type = one.first, value = one.second;  // CAPTURE's lambda takes no structured binding
      if (json_type == t.json_type) continue;
      CAPTURE(value);
      line_read r{item_with("{\"" + name + "\":" + std::string{value} + "}"), context()};
      CHECK_MESSAGE(r.findings.all.size() == 1, r.findings.dump());
      REQUIRE(!r.findings.all.empty());
      const finding& f = r.findings.all[0];
      CHECK(id(f.rule) == std::string{"A-AV"});
      CHECK(f.path == "k:3#Item.v");
      const std::string why = json_type == "null"         ? "an AttributeValue member is null"
                              : k == attribute_kind::b     ? "B and BS hold padded standard base64"
                              : t.json_type == "string"    ? name + " must be a string"
                              : t.json_type == "boolean"   ? name + " must be true or false"
                                                           : name + " must be an " + std::string{t.json_type};
      CHECK(f.message == "k line 3: Item.v: " + why);
      CHECK_FALSE(r.status.values);
      CHECK(r.status.shape);
    }
    // Set elements: strings only (BS: base64 strings).
    if (k == attribute_kind::ss || k == attribute_kind::ns || k == attribute_kind::bs) {
      line_read r{item_with("{\"" + name + "\":[1]}"), context()};
      CHECK(r.findings.ids() == std::set<std::string>{"A-AV"});
      CHECK(r.findings.all.at(0).path == "k:3#Item.v[0]");
    }
  }
  CHECK(kinds == 10);
  // Regression: a value not read was judged again as its empty default ("not a number", "an empty set").
  line_read set{item_with("{\"NS\":[\"1\",2]}"), context()};
  CHECK(set.findings.dump() == "A-AV k:3#Item.v[1]: k line 3: Item.v[1]: a set element must be a string\n");
  line_read list{item_with("{\"L\":[{\"N\":1},{\"SS\":[]},{\"S\":\"a\"}]}"), context()};
  CHECK(list.findings.dump() ==
        "A-AV k:3#Item.v[0]: k line 3: Item.v[0]: N must be a string\n"
        "A-AV k:3#Item.v[1]: k line 3: Item.v[1]: an empty set\n");  // a list's other elements are still judged
  // An unknown member and a null one in the same value: both said.
  line_read both{item_with("{\"X\":1,\"S\":null}"), context()};
  CHECK(both.findings.all.size() == 2);
  line_read two{item_with("{\"S\":\"a\",\"BOOL\":true}"), context()};
  CHECK(two.findings.all.at(0).message == "k line 3: Item.v: an AttributeValue has exactly one member");
}

TEST_CASE("A-AV A-ION-SYNTAX: every arena smaller than the line needs is reported, never overrun") {
  const std::string json = "{\"Item\":{\"p\\u006b\":{\"S\":\"\\u0078\"},\"b\":{\"B\":\"AAE=\"},\"l\":{\"L\":[{\"S\":\"a\"},{\"NULL\":true}]},"
                           "\"ss\":{\"SS\":[\"a\\n\"]},\"bs\":{\"BS\":[\"AAE=\"]},\"m\":{\"M\":{\"k\\t\":{\"N\":\"1\"}}},\"e\":{\"L\":[]}}}";
  line_read full{json, context()};
  REQUIRE_MESSAGE(full.findings.all.empty(), full.findings.dump());
  std::string ion;
  ddbexport::container_output<std::string> o{ion};
  REQUIRE(write_data_line(full.line, {export_format::ion, false}, o));
  ion.pop_back();
  for (const export_format f : {export_format::dynamodb_json, export_format::ion}) {
    const std::string& text = f == export_format::ion ? ion : json;
    CAPTURE(text);
    std::size_t enough = 0;
    while (!line_read{text, context(f), enough}.findings.all.empty()) ++enough;
    CHECK(enough > 0);
    CHECK(enough <= line_storage_bytes(text.size()));
    for (std::size_t bytes = 0; bytes < enough; ++bytes) {
      CAPTURE(bytes);
      line_read r{text, context(f), bytes};
      CHECK_FALSE(r.status.values);
      CHECK(r.findings.dump().find("storage exhausted") != std::string::npos);
    }
  }
}

TEST_CASE("A-LINE-JSON A-ION-SYNTAX: a line over the data line limit is not parsed") {
  const std::string json = item_with("{\"S\":\"a\"}");
  const std::string ion = "$ion_1_0 {Item:{pk:\"x\",v:\"a\"}}";
  for (const auto& [f, text, rule_id] : {std::tuple{export_format::dynamodb_json, json, "A-LINE-JSON"},
                                         std::tuple{export_format::ion, ion, "A-ION-SYNTAX"}}) {
    data_line_context c = context(f);
    c.limits.data_line_bytes = text.size();
    line_read at{text, c};
    CHECK_MESSAGE(at.findings.all.empty(), at.findings.dump());
    c.limits.data_line_bytes = text.size() - 1;
    line_read over{text, c};
    REQUIRE(over.findings.all.size() == 1);
    CHECK(id(over.findings.all[0].rule) == std::string{rule_id});
    CHECK(over.findings.all[0].offset == 100 + text.size() - 1);
    CHECK(over.findings.all[0].message.ends_with("longer than " + std::to_string(text.size() - 1) + " bytes"));
    CHECK_FALSE(over.status.syntax);
  }
}

TEST_CASE("A-LINE-SHAPE: Metadata is exactly one WriteTimestampMicros of unsigned digits, in both formats") {
  const std::string keys = ",\"Keys\":{\"pk\":{\"S\":\"x\"}}";
  const auto json_record = [&](std::string_view metadata) { return "{\"Metadata\":" + std::string{metadata} + keys + "}"; };
  CHECK(line_read{json_record("{\"WriteTimestampMicros\":{\"N\":\"0\"}}"), context(export_format::dynamodb_json, true)}
            .findings.all.empty());
  for (std::string_view metadata :
       {"1", "{}", "[]", "{\"WriteTimestampMicros\":\"1\"}", "{\"WriteTimestampMicros\":{\"N\":\"1\",\"S\":\"1\"}}",
        "{\"WriteTimestampMicros\":{\"N\":1}}", "{\"WriteTimestampMicros\":{\"N\":\"\\u0031\"}}",
        "{\"WriteTimestampMicros\":{\"N\":\"\"}}", "{\"WriteTimestampMicros\":{\"N\":\"1a\"}}",
        "{\"WriteTimestampMicros\":{\"N\":\"-1\"}}", "{\"WriteTimestampMicros\":{\"N\":\"1.0\"}}",
        "{\"writeTimestampMicros\":{\"N\":\"1\"}}", "{\"WriteTimestampMicros\":{}}"}) {
    CAPTURE(metadata);
    line_read r{json_record(metadata), context(export_format::dynamodb_json, true)};
    CHECK(r.findings.ids() == std::set<std::string>{"A-LINE-SHAPE"});
    CHECK(r.findings.all.at(0).path == "k:3#Metadata");
    CHECK_FALSE(r.status.shape);
  }
  const auto ion_record = [](std::string_view metadata) {
    return "$ion_1_0 {Metadata:" + std::string{metadata} + ",Keys:{pk:\"x\"}}";
  };
  CHECK(line_read{ion_record("{WriteTimestampMicros:7.}"), context(export_format::ion, true)}.findings.all.empty());
  for (std::string_view metadata : {"{WriteTimestampMicros:\"7\"}", "{WriteTimestampMicros:7.5}", "{WriteTimestampMicros:-7.}",
                                    "{WriteTimestampMicros:7.,X:1.}", "{}", "7.", "{X:7.}", "[7.]", "{WriteTimestampMicros:{N:\"7\"}}"}) {
    CAPTURE(metadata);
    line_read r{ion_record(metadata), context(export_format::ion, true)};
    CHECK_MESSAGE(r.findings.ids() == std::set<std::string>{"A-LINE-SHAPE"}, r.findings.dump());
  }
}

TEST_CASE("A-LINE-VIEW: the message names the images present and the view") {
  using ddbexport::export_view_type;
  const std::string head = "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1\"}},\"Keys\":{\"pk\":{\"S\":\"x\"}}";
  const std::string old_image = ",\"OldImage\":{\"pk\":{\"S\":\"x\"}}", new_image = ",\"NewImage\":{\"pk\":{\"S\":\"x\"}}";
  const std::array<std::tuple<std::string, export_view_type, std::string_view>, 3> refused{{
      {head + "}", export_view_type::new_and_old_images, "no image"},
      {head + old_image + new_image + "}", export_view_type::new_image, "OldImage and NewImage"},
      {head + old_image + "}", export_view_type::new_image, "OldImage"},
  }};
  for (const auto& [line, view, images] : refused) {
    data_line_context c = context(export_format::dynamodb_json, true);
    c.view = view;
    line_read r{line, c};
    REQUIRE(r.findings.all.size() == 1);
    CHECK(r.findings.all[0].message ==
          "k line 3: a record with " + std::string{images} + " is not allowed in a " + std::string{ddbexport::to_wire(view)} + " export");
    CHECK_FALSE(r.status.change.has_value());
    CHECK(r.status.values);  // A-LINE-VIEW does not stop the value rules
  }
  data_line_context c = context(export_format::dynamodb_json, true);
  c.view = export_view_type::new_image;
  CHECK(line_read{head + new_image + "}", c}.status.change == change_kind::put);
  c.view.reset();  // without the view the record is not classified
  line_read unknown{head + "}", c};
  CHECK(unknown.findings.all.empty());
  CHECK_FALSE(unknown.status.change.has_value());
}

TEST_CASE("A-INC-WTS: the window is half-open in µs; digits beyond any bound; one bound alone is not a window") {
  const auto record = [](std::string_view micros) {
    return "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"" + std::string{micros} +
           "\"}},\"Keys\":{\"pk\":{\"S\":\"x\"}}}";
  };
  data_line_context c = context(export_format::dynamodb_json, true);
  c.window_from_ms = 1000;
  c.window_to_ms = 2000;
  for (const auto& one :
       {std::pair{"1000000", false}, std::pair{"999999", true}, std::pair{"1999999", false}, std::pair{"2000000", true},
        std::pair{"0", true}, std::pair{"999999999999999999", true}, std::pair{"1000000000000000000", true},
        std::pair{"99999999999999999999999", true}}) {
    const std::string_view micros = one.first;
    const bool outside = one.second;
    CAPTURE(micros);
    line_read r{record(micros), c};
    CHECK(r.findings.ids() == (outside ? std::set<std::string>{"A-INC-WTS"} : std::set<std::string>{}));
    if (outside) {
      CHECK(r.findings.all.at(0).path == "k:3#Metadata");
      CHECK(r.findings.all.at(0).severity == severity::warning);
      CHECK(r.findings.all.at(0).message == "k line 3: write time " + std::string{micros} + " µs lies outside the export window");
    }
  }
  c.window_to_ms.reset();
  CHECK(line_read{record("0"), c}.findings.all.empty());
  c.window_to_ms = 2000;
  c.window_from_ms.reset();
  CHECK(line_read{record("0"), c}.findings.all.empty());
}
}  // namespace
