#ifndef DDBEXPORT_VALIDATE_VALIDATE_HPP
#define DDBEXPORT_VALIDATE_VALIDATE_HPP

/// Umbrella of the validation layer: rules, diagnostics and sinks, messages,
/// contexts and results, and the validators: `validate(subject, context, sink)`
/// for requests, responses, error bodies and the inputs of DescribeExport and
/// ListExports. Needs no JSON.
#include "ddbexport/validate/rules.hpp"
#include "ddbexport/validate/limits.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/sinks.hpp"
#include "ddbexport/validate/result.hpp"
#include "ddbexport/validate/messages.hpp"
#include "ddbexport/validate/context.hpp"
#include "ddbexport/validate/answer.hpp"
#include "ddbexport/validate/request.hpp"
#include "ddbexport/validate/response.hpp"
#include "ddbexport/validate/error_body.hpp"
#include "ddbexport/validate/inputs.hpp"

#endif
