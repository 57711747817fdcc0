// Must not compile: an output-format plug-in without begin_list/end_list is
// no shape_encoder, and the walk refuses it up front, naming the concept.
// With DDBEXPORT_COMPILE_FAIL_CONTROL the two members are there.
#include <cstdint>
#include <span>
#include <string_view>

#include "ddbexport/request.hpp"
#include "ddbexport/serialize.hpp"

namespace {
using namespace ddbexport;

struct plug_in {
  void begin_structure(std::string_view, std::string_view) {}
  void end_structure() {}
#ifdef DDBEXPORT_COMPILE_FAIL_CONTROL
  void begin_list(std::string_view, std::string_view) {}
  void end_list() {}
#endif
  template <member_kind K, class V>
  void member(std::string_view, kind_tag<K>, const V&) {}
};

[[maybe_unused]] void use() {
  plug_in encoder;
  encode(export_request{}, encoder);
}
}  // namespace
