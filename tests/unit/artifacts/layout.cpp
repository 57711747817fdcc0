// Keys (§2), sidecars (§5.2), ETags (§5.3) and gzip framing (§6.1).
#include <doctest/doctest.h>

#include "ddbexport/artifacts/etag.hpp"
#include "ddbexport/artifacts/gzip.hpp"
#include "ddbexport/artifacts/layout.hpp"
#include "ddbexport/artifacts/sidecar.hpp"
#include "support.hpp"
#include "zlib_support.hpp"

namespace {
using namespace ddbexport::artifacts;

TEST_CASE("A-SUM-FOLDER A-FILES-KEY: the layout of §2 and the prefix join J") {
  CHECK(prefix_join(std::nullopt) == "");
  CHECK(prefix_join("exports") == "exports/");
  CHECK(prefix_join("exports/") == "exports/");
  CHECK(prefix_join("/lead") == "/lead/");
  const auto full = layout_of(std::string_view{"exports/"}, "01777886127318-458ecad7", false);
  CHECK(full.summary_key() == "exports/AWSDynamoDB/01777886127318-458ecad7/manifest-summary.json");
  CHECK(full.data_folder == "exports/AWSDynamoDB/01777886127318-458ecad7/data/");
  CHECK(full.started_key() == "exports/AWSDynamoDB/01777886127318-458ecad7/_started");
  const auto incremental = layout_of(std::string_view{"exports"}, "01777890641000-39fa3cc5", true);
  CHECK(incremental.files_manifest_key() == "exports/AWSDynamoDB/01777890641000-39fa3cc5/manifest-files.json");
  CHECK(incremental.data_file_key("guclbnspewnigurnjmn4hs5ocq", ddbexport::export_format::dynamodb_json) ==
        "exports/AWSDynamoDB/data/guclbnspewnigurnjmn4hs5ocq.json.gz");
  const auto none = layout_of(std::nullopt, "01777887663057-ffb1ca5d", false);
  CHECK(none.data_file_key("x", ddbexport::export_format::ion) == "AWSDynamoDB/01777887663057-ffb1ca5d/data/x.ion.gz");
  const auto f = folders_of_summary("exports/AWSDynamoDB/01777890641000-39fa3cc5/manifest-summary.json", true);
  CHECK(f.folder == "exports/AWSDynamoDB/01777890641000-39fa3cc5/");
  CHECK(f.root == "exports/AWSDynamoDB/");
  CHECK(f.data_folder == "exports/AWSDynamoDB/data/");
  CHECK(folders_of_summary("manifest-summary.json", true).data_folder == "data/");
  CHECK(sidecar_keys("a/manifest-files.json")[1] == "a/manifest-files.checksum");
  CHECK(sidecar_keys("a/files")[0] == "a/files.md5");
}

TEST_CASE("A-FILES-KEY: data file names are lowercase base32 of 16 random bytes") {
  std::uint8_t bytes[16] = {};
  const auto zero = data_file_name(std::span<const std::uint8_t, 16>{bytes});
  CHECK(std::string_view{zero.data(), zero.size()} == "aaaaaaaaaaaaaaaaaaaaaaaaaa");
  for (auto& b : bytes) b = 0xFF;
  const auto ones = data_file_name(std::span<const std::uint8_t, 16>{bytes});
  CHECK(std::string_view{ones.data(), ones.size()} == "77777777777777777777777774");  // the last digit carries 3 bits
  CHECK(is_data_file_name(std::string_view{ones.data(), ones.size()}));
  CHECK_FALSE(is_data_file_name("7777777777777777777777777Y"));
  CHECK_FALSE(is_data_file_name("777777777777777777777777y"));
  CHECK_FALSE(is_data_file_name("1777777777777777777777777y"));
}

TEST_CASE("A-SIDECAR-FORM A-SIDECAR-MISMATCH: sidecar bodies") {
  std::string body;
  ddbexport::container_output<std::string> o{body};
  write_sidecar("{}", o);
  CHECK(body.size() == 24);
  CHECK(check_sidecar(body, "{}") == sidecar_result::verified);
  CHECK(check_sidecar(" \t" + body + "\r\n", "{}") == sidecar_result::verified);
  CHECK(check_sidecar(body, "{} ") == sidecar_result::mismatch);
  CHECK(check_sidecar(body.substr(0, 23), "{}") == sidecar_result::malformed);
  CHECK(check_sidecar(body + "x", "{}") == sidecar_result::malformed);
}

TEST_CASE("A-ETAG-FORM A-DATA-ETAG: forms, quotes, single-part, one-part and multipart") {
  CHECK(strip_etag_quotes("\"abc\"") == "abc");
  CHECK(strip_etag_quotes("\"\"abc\"\"") == "\"abc\"");
  CHECK(strip_etag_quotes("\"abc") == "\"abc");
  const std::string hex(32, 'a');
  CHECK(parse_etag(hex)->parts == 0);
  CHECK(parse_etag(hex + "-1")->parts == 1);
  CHECK(parse_etag(hex + "-10000")->parts == 10000);
  for (std::string bad : {hex + "-0", hex + "-10001", hex + "-01", hex + "-", hex + "x", hex.substr(1), std::string(32, 'A')})
    CHECK_MESSAGE(!parse_etag(bad), bad);
  // The empty partition's ETag, as every golden manifest records it.
  CHECK(one_part_etag(md5_of(empty_gzip_member)) == "7deb4078f238dd87d6af0538152c04e9-1");
  // 5 bytes in parts of 2: ⌈5/2⌉ = 3 parts, fed in any chunking.
  stored_digests d{2};
  d.update("ab");
  d.update("cde");
  CHECK(d.parts() == 3);
  md5 of;
  for (std::string_view part : {"ab", "cd", "e"}) of.update(digest_bytes(md5_of(part)).view());
  CHECK(*d.multipart_etag() == multipart_etag_text(of.finish(), 3));
  CHECK(check_etag(*d.multipart_etag(), sse_kind::s3_managed, d).result == check_result::verified);
  CHECK(check_etag(to_hex(md5_of("abcde")).view(), sse_kind::s3_managed, d).result == check_result::verified);
  CHECK(check_etag("\"" + one_part_etag(md5_of("abcde")) + "\"", sse_kind::s3_managed, d).result == check_result::verified);
  CHECK(check_etag(one_part_etag(md5_of("abcdf")), sse_kind::s3_managed, d).result == check_result::mismatch);
  CHECK(check_etag(one_part_etag(md5_of("abcde")), sse_kind::kms, d).reason == etag_reason::kms);
  CHECK(check_etag("x", sse_kind::s3_managed, d).reason == etag_reason::form);
  stored_digests none;
  none.update("abcde");
  CHECK(check_etag(*d.multipart_etag(), sse_kind::s3_managed, none).reason == etag_reason::parts);
}

std::string stored_gzip(std::string_view content) {
  std::string out;
  ddbexport::container_output<std::string> o{out};
  write_gzip_stored(content, o);
  return out;
}

TEST_CASE("A-GZIP: the writer's stored blocks and the 20-byte empty member; zlib reads them") {
  CHECK(stored_gzip("") == empty_gzip_member);
  for (std::size_t size : {1u, 65535u, 65536u, 200000u}) {
    std::string content(size, 'x');
    for (std::size_t i = 0; i < size; ++i) content[i] = static_cast<char>('a' + i % 26);
    const std::string gz = stored_gzip(content);
    CAPTURE(size);
    CHECK(gz.substr(0, 10) == gzip_header);
    CHECK(gz.size() == 10 + (size + 65534) / 65535 * 5 + size + 8);
    CHECK(artifacts_test::gunzip(gz) == content);
    gzip_member_check check;
    CHECK(check.stored(gz) == std::string_view{gz}.substr(10));
    check.content(content);
    CHECK_FALSE(check.finish({inflate_end::complete, gz.size() - 18}));
    CHECK_FALSE(check.finish({inflate_end::content_only, 0}));
    CHECK(check.finish({inflate_end::complete, gz.size() - 19})->why == std::string_view{"bytes follow the trailer"});
  }
}

TEST_CASE("A-GZIP: the header, byte by byte") {
  const auto problem = [](std::string bytes) {
    gzip_member_check c;
    for (char b : bytes) (void)c.stored(std::string_view{&b, 1});
    const auto p = c.finish({inflate_end::not_inflated, 0});
    return p ? std::string{p->why} : std::string{};
  };
  CHECK(problem("") == "the object is empty");
  CHECK(problem("\x1f\x8c") == "it does not start with 1f 8b");
  CHECK(problem(std::string{"\x1f\x8b\x07", 3}) == "the compression method is not deflate");
  CHECK(problem(std::string{"\x1f\x8b\x08\x80", 4}) == "reserved flag bits are set");
  CHECK(problem(std::string{"\x1f\x8b\x08\x08\0\0\0\0\0\xffname", 14}) == "the header is cut short");
  CHECK(problem(std::string{empty_gzip_member}) == "");
}
}  // namespace
