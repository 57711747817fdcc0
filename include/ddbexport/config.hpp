#ifndef DDBEXPORT_CONFIG_HPP
#define DDBEXPORT_CONFIG_HPP

/// Users may inject their own configuration header before anything else is read.
#ifdef DDBEXPORT_USER_CONFIG_HEADER
#include DDBEXPORT_USER_CONFIG_HEADER
#endif

#include "ddbexport/version.hpp"

#if __cplusplus < 202002L && !defined(_MSVC_LANG)
#error "ddbexport needs C++20"
#endif

#endif
