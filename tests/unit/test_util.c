/**
 * @file test_util.c
 * @brief Format checks, encodings and the growable buffer.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "svc/log.h"
#include "svc/util.h"

Test (util, dates)
{
  cr_assert (util_is_date ("2024-02-29"));
  cr_assert (util_is_date ("2000-02-29"));
  cr_assert (! util_is_date ("1900-02-29"));
  cr_assert (! util_is_date ("2024-13-01"));
  cr_assert (! util_is_date ("2024-04-31"));
  cr_assert (! util_is_date ("2024-4-1"));
  cr_assert (! util_is_date ("2024-04-01T00:00:00Z"));
}

Test (util, timestamps_need_a_zone)
{
  cr_assert (util_is_timestamp ("2026-11-22T10:00:00Z"));
  cr_assert (util_is_timestamp ("2026-11-22T10:00:00.123456Z"));
  cr_assert (util_is_timestamp ("2026-11-22T10:00:00-05:30"));
  cr_assert (! util_is_timestamp ("2026-11-22T10:00:00"));
  cr_assert (! util_is_timestamp ("2026-11-22 10:00:00Z"));
  cr_assert (! util_is_timestamp ("2026-11-22T25:00:00Z"));
  cr_assert (! util_is_timestamp ("2026-11-22T10:00:00.Z"));
  cr_assert (! util_is_timestamp ("2026-11-22T10:00:00+0100"));
  /* Offsets PostgreSQL holds (to 15:59), instants of the years 1000 to
     9999 in UTC. */
  cr_assert (util_is_timestamp ("2026-11-22T10:00:00+15:59"));
  cr_assert (! util_is_timestamp ("2026-11-22T10:00:00+16:00"));
  cr_assert (! util_is_timestamp ("2026-11-22T10:00:00-23:59"));
  cr_assert (util_is_timestamp ("1000-01-01T00:00:00Z"));
  cr_assert (! util_is_timestamp ("1000-01-01T00:00:00+01:00"));
  cr_assert (util_is_timestamp ("9999-12-31T23:59:59Z"));
  cr_assert (! util_is_timestamp ("9999-12-31T23:30:00-01:00"));
  cr_assert (! util_is_timestamp ("0999-12-31T23:59:59Z"));
}

Test (util, uuids)
{
  cr_assert (util_is_uuid ("123e4567-e89b-12d3-a456-426614174000"));
  cr_assert (! util_is_uuid ("123e4567e89b12d3a456426614174000"));
  cr_assert (! util_is_uuid ("123e4567-e89b-12d3-a456-42661417400g"));
  cr_assert (! util_is_uuid (NULL));
}

Test (util, utf8)
{
  cr_assert_eq (3, util_utf8_length ("aé€", 6));
  cr_assert_eq (-1, util_utf8_length ("\xc3", 1), "truncated");
  cr_assert_eq (-1, util_utf8_length ("\xc0\xaf", 2), "overlong");
  cr_assert_eq (-1, util_utf8_length ("\xed\xa0\x80", 3), "surrogate");
  cr_assert_eq (1, util_utf8_length ("\xf0\x9f\x98\x80", 4));
}

Test (util, base64url_round_trips_every_length)
{
  uint8_t in[40], out[40];
  char enc[64];

  for (size_t i = 0; i < sizeof (in); i++)
    in[i] = (uint8_t) (i * 37 + 11);
  for (size_t n = 0; n <= sizeof (in); n++)
  {
    util_b64url_encode (in, n, enc);
    cr_assert_null (strpbrk (enc, "+/="));
    cr_assert_eq ((long) n, util_b64url_decode (enc, out, sizeof (out)));
    cr_assert_eq (0, memcmp (in, out, n));
  }
  cr_assert_eq (-1, util_b64url_decode ("ab!c", out, sizeof (out)));
  cr_assert_eq (-1, util_b64url_decode ("AAAA", out, 2), "overflow");
}

Test (util, buffer_caps_and_grows_over_many_chunk_sizes)
{
  static const size_t chunks[] = { 1, 7, 4096 };
  char data[4096];

  memset (data, 'x', sizeof (data));
  for (size_t c = 0; c < 3; c++)
  {
    struct buf b = { 0 };
    size_t total = 0;

    while (total + chunks[c] <= 10000)
    {
      cr_assert_eq (0, buf_append (&b, data, chunks[c], 10000));
      total += chunks[c];
    }
    cr_assert_eq (total, b.len);
    cr_assert_eq ('\0', b.data[b.len]);
    cr_assert_eq (-1, buf_append (&b, data, 10001 - total, 10000),
                  "one byte past the cap is refused");
    cr_assert_eq (0, buf_append (&b, data, 10000 - total, 10000),
                  "exactly the cap is fine");
    buf_free (&b);
    cr_assert_null (b.data);
  }
}

Test (util, hashes_match_known_vectors)
{
  uint8_t sum[32];
  char hex[65];

  util_sha256 ("abc", 3, sum);
  util_hex (sum, 32, hex);
  cr_assert_str_eq (
    hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  util_hmac_sha256 ((const uint8_t *) "key", 3,
                    "The quick brown fox jumps over the lazy dog", 43, sum);
  util_hex (sum, 32, hex);
  cr_assert_str_eq (
    hex, "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  cr_assert (util_ct_equal ("abc", "abc", 3));
  cr_assert (! util_ct_equal ("abc", "abd", 3));
}

Test (util, as_of_is_a_date_or_a_timestamp_of_the_years_1000_to_9999)
{
  char text[40];
  int64_t t;

  cr_assert (util_parse_as_of ("2026-06-30", text, &t));
  cr_assert_str_eq (text, "2026-06-30T23:59:59Z");
  cr_assert (util_parse_as_of ("2026-06-30T12:00:00+02:00", text, &t));
  cr_assert_str_eq (text, "2026-06-30T10:00:00Z");
  cr_assert (util_parse_as_of ("1000-01-01", text, &t));
  cr_assert (! util_parse_as_of ("0013-01-01", text, &t));
  cr_assert (! util_parse_as_of ("0001-01-01", text, &t));
  cr_assert (! util_parse_as_of ("10000-01-01", text, &t));
  cr_assert (! util_parse_as_of ("yesterday", text, &t));
}

Test (util, log_escape_keeps_a_json_string_whole)
{
  char out[128];

  log_escape (out, sizeof (out), "X\",\"injected\":\"1");
  cr_assert_str_eq (out, "X\\\",\\\"injected\\\":\\\"1");
  log_escape (out, sizeof (out), "a\nb\\c");
  cr_assert_str_eq (out, "a\\u000ab\\\\c");
  log_escape (out, sizeof (out), "caf\xc3\xa9 \xff\xc3(");
  cr_assert_str_eq (out, "caf\xc3\xa9 \\ufffd\\ufffd(");
}
