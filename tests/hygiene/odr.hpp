#ifndef DDBEXPORT_TESTS_HYGIENE_ODR_HPP
#define DDBEXPORT_TESTS_HYGIENE_ODR_HPP

#include <string>

#include <ddbexport/request.hpp>

std::string odr_write_a(const ddbexport::export_request& request);
std::string odr_write_b(const ddbexport::export_request& request);
bool odr_valid_a(const ddbexport::export_request& request);
bool odr_valid_b(const ddbexport::export_request& request);

#endif
