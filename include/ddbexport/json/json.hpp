#ifndef DDBEXPORT_JSON_JSON_HPP
#define DDBEXPORT_JSON_JSON_HPP

/// The built-in AWS JSON 1.0 format: `json::read`, `json::write`, error bodies.
#include "ddbexport/json/limits.hpp"
#include "ddbexport/json/result.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/json/error_body.hpp"
#include "ddbexport/json/reader.hpp"
#include "ddbexport/json/writer.hpp"

#endif
