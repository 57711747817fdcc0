#ifndef DDBEXPORT_TESTS_DEEP_VALUES_HPP
#define DDBEXPORT_TESTS_DEEP_VALUES_HPP

// AttributeValues nested as deep as a test wants, built without recursion:
// a chain of L (or M) levels, each holding the next, a string at the bottom.

#include <cstddef>
#include <vector>

#include "ddbexport/attribute_value.hpp"

namespace ddbexport::test {

/// Owns a chain of `levels` AttributeValues; `top()` is level 1.
class deep_value {
 public:
  enum class shape { list, map, alternating };

  deep_value(std::size_t levels, shape s) : nodes_(levels), entries_(levels) {
    nodes_[levels - 1] = attribute_value::string("bottom");
    for (std::size_t i = levels - 1; i-- > 0;) {
      const bool as_list = s == shape::list || (s == shape::alternating && i % 2 == 0);
      if (as_list) {
        nodes_[i] = attribute_value::list_of({&nodes_[i + 1], 1});
      } else {
        entries_[i] = attribute_entry{"k", nodes_[i + 1]};
        nodes_[i] = attribute_value::map_of({&entries_[i], 1});
      }
    }
    top_entry_[0] = attribute_entry{":deep", nodes_[0]};
  }
  deep_value(const deep_value&) = delete;
  deep_value& operator=(const deep_value&) = delete;

  [[nodiscard]] const attribute_value& top() const { return nodes_.front(); }
  /// An ExpressionAttributeValues map holding the chain as `:deep`.
  [[nodiscard]] std::span<const attribute_entry> as_values() const { return top_entry_; }

 private:
  std::vector<attribute_value> nodes_;
  std::vector<attribute_entry> entries_;
  attribute_entry top_entry_[1];
};

}  // namespace ddbexport::test

#endif
