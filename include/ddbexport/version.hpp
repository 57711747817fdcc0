#ifndef DDBEXPORT_VERSION_HPP
#define DDBEXPORT_VERSION_HPP

// The single source of the version is meson.build's project(version:); the
// packaging test checks these three against it.
#define DDBEXPORT_VERSION_MAJOR 0
#define DDBEXPORT_VERSION_MINOR 2
#define DDBEXPORT_VERSION_PATCH 0

#define DDBEXPORT_VERSION (DDBEXPORT_VERSION_MAJOR * 10000 + DDBEXPORT_VERSION_MINOR * 100 + DDBEXPORT_VERSION_PATCH)

#endif
