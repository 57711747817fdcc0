#ifndef DDBEXPORT_ARTIFACTS_ARTIFACTS_HPP
#define DDBEXPORT_ARTIFACTS_ARTIFACTS_HPP

/// Umbrella header of what an export leaves on S3 (ARTIFACTS.md): manifests,
/// sidecars, data lines in both formats, layout, MD5 and ETags, gzip framing,
/// verification and the ImportTable bridge.
#include "ddbexport/artifacts/rules.hpp"
#include "ddbexport/artifacts/limits.hpp"
#include "ddbexport/artifacts/md5.hpp"
#include "ddbexport/artifacts/etag.hpp"
#include "ddbexport/artifacts/sidecar.hpp"
#include "ddbexport/artifacts/gzip.hpp"
#include "ddbexport/artifacts/layout.hpp"
#include "ddbexport/artifacts/number.hpp"
#include "ddbexport/artifacts/summary.hpp"
#include "ddbexport/artifacts/files_manifest.hpp"
#include "ddbexport/artifacts/data_line.hpp"
#include "ddbexport/artifacts/keys.hpp"
#include "ddbexport/artifacts/report.hpp"
#include "ddbexport/artifacts/verify.hpp"
#include "ddbexport/artifacts/memory_bundle.hpp"
#include "ddbexport/artifacts/import.hpp"
#include "ddbexport/artifacts/export_writer.hpp"

#endif
