#ifndef DDBEXPORT_DDBEXPORT_HPP
#define DDBEXPORT_DDBEXPORT_HPP

/// Umbrella header: the whole library.
#include "ddbexport/config.hpp"
#include "ddbexport/version.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/enums.hpp"
#include "ddbexport/timestamp.hpp"
#include "ddbexport/attribute_value.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/export_description.hpp"
#include "ddbexport/describe_export.hpp"
#include "ddbexport/list_exports.hpp"
#include "ddbexport/continuous_backups.hpp"
#include "ddbexport/service_error.hpp"
#include "ddbexport/error_reading.hpp"
#include "ddbexport/arn.hpp"
#include "ddbexport/member.hpp"
#include "ddbexport/members.hpp"
#include "ddbexport/client_token.hpp"
#include "ddbexport/detail/crc32.hpp"
#include "ddbexport/request_equality.hpp"
#include "ddbexport/validate/validate.hpp"
#include "ddbexport/service/service.hpp"

#include "ddbexport/fwd.hpp"
#include "ddbexport/serialize.hpp"
#include "ddbexport/json/json.hpp"
#include "ddbexport/artifacts/artifacts.hpp"

#endif
