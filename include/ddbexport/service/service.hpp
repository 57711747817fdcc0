#ifndef DDBEXPORT_SERVICE_SERVICE_HPP
#define DDBEXPORT_SERVICE_SERVICE_HPP

/// Umbrella of the answering side (SERVICE.md): the service core that turns
/// an HTTP request into its complete answer, the store contract and an
/// owning in-memory store, the lifecycle, and async failure prediction.
#include "ddbexport/service/random.hpp"
#include "ddbexport/service/context.hpp"
#include "ddbexport/service/usage_error.hpp"
#include "ddbexport/service/store.hpp"
#include "ddbexport/service/memory_store.hpp"
#include "ddbexport/service/http.hpp"
#include "ddbexport/service/error_body.hpp"
#include "ddbexport/service/horizon.hpp"
#include "ddbexport/service/next_token.hpp"
#include "ddbexport/service/new_export.hpp"
#include "ddbexport/service/export_table.hpp"
#include "ddbexport/service/describe_export.hpp"
#include "ddbexport/service/list_exports.hpp"
#include "ddbexport/service/handle.hpp"
#include "ddbexport/service/lifecycle.hpp"
#include "ddbexport/service/failure_message.hpp"
#include "ddbexport/service/failure_prediction.hpp"

#endif
