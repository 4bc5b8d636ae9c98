// instant.cc — RFC 3339 formatting and parsing of instants.
#include "kron/instant.h"

#include <cstdlib>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "digits.h"

namespace kron {
namespace {

using internal::PutPadded;

struct Civil {
  int64_t year;
  int month, day, hour, minute, second;
};

Civil ToCivil(int64_t unix) {
  const date::sys_seconds s{std::chrono::seconds(unix)};
  const date::sys_days d = date::floor<date::days>(s);
  const date::year_month_day ymd(d);
  const int64_t rem = (s - d).count();
  return Civil{int{ymd.year()}, static_cast<int>(unsigned{ymd.month()}),
               static_cast<int>(unsigned{ymd.day()}), static_cast<int>(rem / 3600),
               static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60)};
}

// Two digits of `v` (0–99) at `p`.
char* Put2(char* p, int v) {
  p[0] = char('0' + v / 10);
  p[1] = char('0' + v % 10);
  return p + 2;
}

absl::Status ParseError(absl::string_view text, size_t pos, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("cannot parse instant \"", text, "\" at position ",
                                                 pos, ": ", what));
}

}  // namespace

std::string FormatRfc3339Utc(Instant t) { return FormatRfc3339(t, 0); }

std::string FormatRfc3339(Instant t, int32_t utc_offset_seconds) {
  // Built in a buffer and allocated once: the timeline formats one per Job
  // (the scheduled-timestamp annotation).
  const Civil c = ToCivil(t.unix_seconds() + utc_offset_seconds);
  char buf[64];
  // Go prints years outside 0000–9999 with as many digits as needed (and a
  // sign when negative); kron instants from users stay within 0001–9999.
  char* p = buf;
  if (c.year >= 0 && c.year <= 9999) {
    p = Put2(Put2(p, int(c.year / 100)), int(c.year % 100));
  } else {
    p = PutPadded(p, c.year, 1);
  }
  *p++ = '-';
  p = Put2(p, c.month);
  *p++ = '-';
  p = Put2(p, c.day);
  *p++ = 'T';
  p = Put2(p, c.hour);
  *p++ = ':';
  p = Put2(p, c.minute);
  *p++ = ':';
  p = Put2(p, c.second);
  if (utc_offset_seconds == 0) {
    *p++ = 'Z';
  } else {
    // Go's time.RFC3339 layout "Z07:00": hours and minutes only, seconds of
    // an odd offset (such as LMT) are not printed.
    const int32_t a = std::abs(utc_offset_seconds);
    *p++ = utc_offset_seconds < 0 ? '-' : '+';
    p = Put2(p, a / 3600);  // |offset| < 100 h
    *p++ = ':';
    p = Put2(p, a / 60 % 60);
  }
  return std::string(buf, size_t(p - buf));
}

absl::StatusOr<Instant> ParseInstant(absl::string_view text) {
  size_t pos = 0;
  auto digits = [&](int n, int& out, absl::string_view what) -> absl::Status {
    int v = 0;
    for (int i = 0; i < n; ++i) {
      if (pos >= text.size() || text[pos] < '0' || text[pos] > '9') {
        return ParseError(text, pos, absl::StrCat("expected ", n, "-digit ", what));
      }
      v = v * 10 + (text[pos++] - '0');
    }
    out = v;
    return absl::OkStatus();
  };
  auto expect = [&](char c) -> absl::Status {
    if (pos >= text.size() || text[pos] != c) {
      return ParseError(text, pos, absl::StrCat("expected '", std::string(1, c), "'"));
    }
    ++pos;
    return absl::OkStatus();
  };

  if (!text.empty() && text[0] == '@') {
    // @<unix seconds>, possibly negative.
    pos = 1;
    bool neg = false;
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) neg = text[pos++] == '-';
    if (pos >= text.size()) return ParseError(text, pos, "expected unix seconds");
    int64_t v = 0;
    for (; pos < text.size(); ++pos) {
      const char c = text[pos];
      if (c < '0' || c > '9') return ParseError(text, pos, "expected a digit");
      v = v * 10 + (c - '0');
      if (v > -kMinUnixSeconds) return ParseError(text, 1, "unix seconds out of range");
    }
    if (neg) v = -v;
    if (v < kMinUnixSeconds || v > kMaxUnixSeconds) {
      return ParseError(text, 1, "out of range (years 0001 to 9999)");
    }
    return Instant::FromUnixSeconds(v);
  }

  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  absl::Status st;
  if (!(st = digits(4, year, "year")).ok()) return st;
  if (year < 1) return ParseError(text, 0, "year out of range (0001 to 9999)");
  if (!(st = expect('-')).ok()) return st;
  const size_t month_pos = pos;
  if (!(st = digits(2, month, "month")).ok()) return st;
  if (month < 1 || month > 12) return ParseError(text, month_pos, "month out of range");
  if (!(st = expect('-')).ok()) return st;
  const size_t day_pos = pos;
  if (!(st = digits(2, day, "day")).ok()) return st;
  const date::year_month_day ymd{date::year{year}, date::month(static_cast<unsigned>(month)),
                                 date::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return ParseError(text, day_pos, "day out of range");
  if (pos < text.size() && (text[pos] == 't')) {
    ++pos;  // RFC 3339 allows a lower-case t
  } else if (!(st = expect('T')).ok()) {
    return st;
  }
  const size_t hour_pos = pos;
  if (!(st = digits(2, hour, "hour")).ok()) return st;
  if (hour > 23) return ParseError(text, hour_pos, "hour out of range");
  if (!(st = expect(':')).ok()) return st;
  const size_t minute_pos = pos;
  if (!(st = digits(2, minute, "minute")).ok()) return st;
  if (minute > 59) return ParseError(text, minute_pos, "minute out of range");
  if (!(st = expect(':')).ok()) return st;
  const size_t second_pos = pos;
  if (!(st = digits(2, second, "second")).ok()) return st;
  if (second > 59) return ParseError(text, second_pos, "second out of range");
  if (pos < text.size() && text[pos] == '.') {
    // Fractions of a second are dropped, as the controller works in seconds.
    ++pos;
    const size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start) return ParseError(text, pos, "expected digits after '.'");
  }
  if (pos >= text.size()) return ParseError(text, pos, "expected 'Z' or a UTC offset");
  int32_t offset = 0;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    const bool neg = text[pos++] == '-';
    int oh = 0, om = 0;
    const size_t oh_pos = pos;
    if (!(st = digits(2, oh, "offset hour")).ok()) return st;
    if (oh > 23) return ParseError(text, oh_pos, "offset hour out of range");
    if (!(st = expect(':')).ok()) return st;
    const size_t om_pos = pos;
    if (!(st = digits(2, om, "offset minute")).ok()) return st;
    if (om > 59) return ParseError(text, om_pos, "offset minute out of range");
    offset = (oh * 3600 + om * 60) * (neg ? -1 : 1);
  } else {
    return ParseError(text, pos, "expected 'Z' or a UTC offset");
  }
  if (pos != text.size()) return ParseError(text, pos, "unexpected text after the instant");
  const int64_t days = date::sys_days(ymd).time_since_epoch().count();
  const int64_t unix = days * 86400 + hour * 3600 + minute * 60 + second - offset;
  if (unix < kMinUnixSeconds || unix > kMaxUnixSeconds) {
    return ParseError(text, 0, "out of range (0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z)");
  }
  return Instant::FromUnixSeconds(unix);
}

}  // namespace kron
