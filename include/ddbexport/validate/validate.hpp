#ifndef DDBEXPORT_VALIDATE_VALIDATE_HPP
#define DDBEXPORT_VALIDATE_VALIDATE_HPP

/// Umbrella of the validation layer: rules, diagnostics and sinks, messages,
/// the context, and the validators of requests and responses. Needs no JSON.
#include "ddbexport/validate/rules.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/messages.hpp"
#include "ddbexport/validate/context.hpp"
#include "ddbexport/validate/request.hpp"
#include "ddbexport/validate/response.hpp"

#endif
