// describe.cc — English sentences for compiled schedules (see kron/describe.h).
// Everything here reads the CronFields bit sets; robfig's matching rules are
// in robfig/cron v3 spec.go (Next, dayMatches).
#include "kron/describe.h"

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "digits.h"
#include "kron/fire_times.h"

namespace kron {
namespace {

constexpr const char* kMonthNames[] = {"",     "January", "February",  "March",   "April",
                                       "May",  "June",    "July",      "August",  "September",
                                       "October", "November", "December"};
constexpr const char* kDayNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                     "Thursday", "Friday", "Saturday"};

bool Has(uint64_t bits, int v) { return (bits >> v & 1) != 0; }

uint64_t Range(int lo, int hi) {
  uint64_t bits = 0;
  for (int v = lo; v <= hi; ++v) bits |= uint64_t{1} << v;
  return bits;
}

int Count(uint64_t bits) { return __builtin_popcountll(bits); }
int Lowest(uint64_t bits) { return __builtin_ctzll(bits); }
int Highest(uint64_t bits) { return 63 - __builtin_clzll(bits); }

// One piece of a field: `first` alone (count 1), a run (step 1) or an
// arithmetic progression first, first+step, …, last.
struct Segment {
  int first, last, step, count;
};

// Splits a bit set into segments, lowest first. A progression is taken only
// when it has at least three values and no other value of the set lies inside
// it, so "from a through b" never hides a value. Without `progressions` only
// runs are collapsed (names read better listed: "January, April and July").
std::vector<Segment> Segments(uint64_t bits, bool progressions) {
  std::vector<Segment> out;
  while (bits != 0) {
    const int v = Lowest(bits);
    const uint64_t rest = bits & ~(uint64_t{1} << v);
    Segment seg{v, v, 1, 1};
    if (rest != 0) {
      const int w = Lowest(rest);
      const int step = w - v;
      if (step == 1 || progressions) {
        int last = w, count = 2;
        while (last + step < 64 && Has(bits, last + step) &&
               (bits & Range(last + 1, last + step - 1)) == 0) {
          last += step;
          ++count;
        }
        if (count >= 3) seg = Segment{v, last, step, count};
      }
    }
    bits &= ~Range(seg.first, seg.last);
    out.push_back(seg);
  }
  return out;
}

bool AllSingles(const std::vector<Segment>& segs) {
  for (const Segment& s : segs) {
    if (s.count != 1) return false;
  }
  return true;
}

std::string Ordinal(int n) {
  const char* suffix = "th";
  if (n % 100 < 11 || n % 100 > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return absl::StrCat(n, suffix);
}

// "a", "a and b", "a, b and c".
std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

// A numeric field (minute, hour, day of month).
struct NumericField {
  const char* noun;    // "minute"
  int min, max;
  int cycle;           // a step dividing this, from `min` to the end, needs no range; 0: always say it
  const char* suffix;  // after the values: " of the month"
};
constexpr NumericField kMinuteField{"minute", 0, 59, 60, ""};
constexpr NumericField kHourField{"hour", 0, 23, 24, ""};
constexpr NumericField kDomField{"day", 1, 31, 0, " of the month"};

std::string SegmentText(const Segment& s) {
  if (s.count == 1) return absl::StrCat(s.first);
  if (s.step == 1) return absl::StrCat(s.first, " through ", s.last);
  return absl::StrCat("every ", Ordinal(s.step), " from ", s.first, " through ", s.last);
}

// "every hour", "every 6th hour", "every 5th hour from 0 through 20",
// "every hour from 9 through 17", "hour 9", "hour 0, 9 through 17 and 22".
std::string FieldPhrase(uint64_t bits, const NumericField& f) {
  if (bits == Range(f.min, f.max)) return absl::StrCat("every ", f.noun, f.suffix);
  const std::vector<Segment> segs = Segments(bits, /*progressions=*/true);
  if (segs.size() == 1 && segs[0].count > 1) {
    const Segment& s = segs[0];
    if (s.step > 1) {
      if (f.cycle != 0 && s.first == f.min && f.cycle % s.step == 0 && s.last + s.step > f.max) {
        return absl::StrCat("every ", Ordinal(s.step), " ", f.noun, f.suffix);
      }
      return absl::StrCat("every ", Ordinal(s.step), " ", f.noun, f.suffix, " from ", s.first,
                          " through ", s.last);
    }
    if (f.suffix[0] == '\0') {
      return absl::StrCat("every ", f.noun, " from ", s.first, " through ", s.last);
    }
  }
  std::vector<std::string> items;
  for (const Segment& s : segs) items.push_back(SegmentText(s));
  return absl::StrCat(f.noun, " ", JoinList(items), f.suffix);
}

// Month or weekday names, runs collapsed: "Monday through Friday",
// "January, April, July and October".
std::string NamePhrase(uint64_t bits, const char* const* names) {
  std::vector<std::string> items;
  for (const Segment& s : Segments(bits, /*progressions=*/false)) {
    items.push_back(s.count == 1 ? std::string(names[s.first])
                                 : absl::StrCat(names[s.first], " through ", names[s.last]));
  }
  return JoinList(items);
}


// The N of `*/N` minutes when N divides the hour (the minutes 0, N, 2N, … —
// a steady cadence); 0 otherwise.
int MinuteCadence(uint64_t minutes) {
  for (int n : {2, 3, 4, 5, 6, 10, 12, 15, 20, 30}) {
    uint64_t want = 0;
    for (int m = 0; m < 60; m += n) want |= uint64_t{1} << m;
    if (minutes == want) return n;
  }
  return 0;
}

// The time-of-day part: "Every 5 minutes", "At 02:30", "At minute 0 past
// every 6th hour", "Every minute from 09:00 through 17:59".
std::string TimeOfDay(uint64_t minutes, uint64_t hours) {
  const bool every_minute = minutes == Range(0, 59);
  const int cadence = MinuteCadence(minutes);
  if (hours == Range(0, 23)) {
    if (every_minute) return "Every minute";
    if (cadence != 0) return absl::StrCat("Every ", cadence, " minutes");
    return absl::StrCat("At ", FieldPhrase(minutes, kMinuteField), " past every hour");
  }
  const std::vector<Segment> msegs = Segments(minutes, true);
  const std::vector<Segment> hsegs = Segments(hours, true);
  if (!every_minute && AllSingles(msegs) && AllSingles(hsegs) &&
      msegs.size() * hsegs.size() <= 4) {
    std::vector<std::string> times;
    for (const Segment& h : hsegs) {
      for (const Segment& m : msegs) times.push_back(internal::FormatClock(h.first, m.first));
    }
    return absl::StrCat("At ", JoinList(times));
  }
  // One block of consecutive hours: say the clock times it spans.
  const int first_hour = Lowest(hours), last_hour = Highest(hours);
  if (hours == Range(first_hour, last_hour) && (every_minute || cadence != 0)) {
    const std::string span = absl::StrCat(" from ", internal::FormatClock(first_hour, 0), " through ",
                                          internal::FormatClock(last_hour, Highest(minutes)));
    if (every_minute) return absl::StrCat("Every minute", span);
    return absl::StrCat("Every ", cadence, " minutes", span);
  }
  const std::string hour_phrase = FieldPhrase(hours, kHourField);
  if (every_minute) return absl::StrCat("Every minute past ", hour_phrase);
  if (cadence != 0) return absl::StrCat("Every ", cadence, " minutes past ", hour_phrase);
  return absl::StrCat("At ", FieldPhrase(minutes, kMinuteField), " past ", hour_phrase);
}

// "day 1 and 15 of the month", "every 2nd day of the month from 1 through 31".
std::string DomPhrase(uint64_t dom) { return FieldPhrase(dom, kDomField); }

// The CronFields masked to their ranges (Schedule::Cron takes any bits).
struct Masked {
  uint64_t minute, hour, dom, month, dow;
};
Masked Mask(const CronFields& f) {
  return {f.minute & Range(0, 59), f.hour & Range(0, 23), f.dom & Range(1, 31),
          f.month & Range(1, 12), f.dow & Range(0, 6)};
}

// Go's Duration.String for whole seconds, without its trailing zero parts:
// "1m30s", "1h", "1h30m", "1h0m5s".
std::string Duration(int64_t seconds) {
  const int64_t h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
  std::string out;
  if (h > 0) absl::StrAppend(&out, h, "h");
  if (m > 0 || (h > 0 && s > 0)) absl::StrAppend(&out, m, "m");
  if (s > 0 || out.empty()) absl::StrAppend(&out, s, "s");
  return out;
}

bool IsUtc(const Zone& zone) { return zone.name() == "UTC"; }

}  // namespace

DayMatch DayMatching(const Schedule& schedule) {
  if (schedule.kind() == Schedule::Kind::kEvery) return DayMatch::kAnd;
  return schedule.fields().days_and() ? DayMatch::kAnd : DayMatch::kOr;
}

std::string DescribeSchedule(const Schedule& schedule, const DescribeOptions& options) {
  const Zone& zone = schedule.zone();
  const bool name_zone = options.name_utc || !IsUtc(zone);
  if (schedule.kind() == Schedule::Kind::kEvery) {
    // constantdelay.go: Next is the previous time plus the delay; no zone involved.
    return absl::StrCat("Every ", Duration(schedule.every_seconds()),
                        ", counted from the previous run (not aligned to the clock",
                        IsUtc(zone) ? "" : absl::StrCat("; the zone ", zone.name(), " has no effect"),
                        ")");
  }
  const CronFields& f = schedule.fields();
  const Masked b = Mask(f);
  const bool days_and = f.days_and();

  // A field that selects nothing (robfig accepts `,`): nothing else matters.
  const char* empty = nullptr;
  if (b.minute == 0) empty = "the minute field selects no value";
  else if (b.hour == 0) empty = "the hour field selects no value";
  else if (b.month == 0) empty = "the month field selects no value";
  else if (days_and && f.dow_star && b.dom == 0) empty = "the day-of-month field selects no value";
  else if (days_and && !f.dow_star && b.dow == 0) empty = "the day-of-week field selects no value";
  else if (!days_and && b.dom == 0 && b.dow == 0) empty = "neither day field selects a value";
  if (empty != nullptr) return absl::StrCat("Never fires: ", empty);

  std::string out = TimeOfDay(b.minute, b.hour);
  const bool all_months = b.month == Range(1, 12);
  const std::string months = all_months ? "" : NamePhrase(b.month, kMonthNames);

  // The day clause. With the star bit on a field that field is the whole
  // range, so only the other one restricts (AND); otherwise robfig ORs.
  std::string days;
  if (days_and) {
    if (!f.dom_star && b.dom != Range(1, 31)) {
      // One day of one month reads as a date: "on February 30".
      if (Count(b.dom) == 1 && Count(b.month) == 1) {
        absl::StrAppend(&out, " on ", kMonthNames[Lowest(b.month)], " ", Lowest(b.dom));
        if (name_zone) absl::StrAppend(&out, ", in ", zone.name());
        if (!CanEverFire(schedule)) out += " \xE2\x80\x94 never fires";
        return out;
      }
      days = absl::StrCat("on ", DomPhrase(b.dom));
    } else if (!f.dow_star && b.dow != Range(0, 6)) {
      days = absl::StrCat("on ", NamePhrase(b.dow, kDayNames));
    }
  } else if (b.dom == 0) {
    days = absl::StrCat("on ", NamePhrase(b.dow, kDayNames));
  } else if (b.dow == 0) {
    days = absl::StrCat("on ", DomPhrase(b.dom));
  } else {
    days = absl::StrCat("on ", DomPhrase(b.dom), ", or on ", NamePhrase(b.dow, kDayNames));
    if (b.dom == Range(1, 31) || b.dow == Range(0, 6)) days += " (that is, every day)";
  }

  if (!days_and && !days.empty() && !months.empty()) {
    // Months first, so the OR plainly covers both day fields.
    absl::StrAppend(&out, ", in ", months, ", ", days);
  } else {
    if (!days.empty()) absl::StrAppend(&out, ", ", days);
    if (!months.empty()) absl::StrAppend(&out, ", in ", months);
  }
  if (name_zone) absl::StrAppend(&out, ", in ", zone.name());
  if (!CanEverFire(schedule)) out += " \xE2\x80\x94 never fires";
  return out;
}

std::string ExplainDayMatching(const Schedule& schedule) {
  if (schedule.kind() == Schedule::Kind::kEvery) {
    return "An @every schedule does not look at days: it fires a fixed interval after the "
           "previous run.";
  }
  const CronFields& f = schedule.fields();
  const Masked b = Mask(f);
  if (f.dom_star && f.dow_star) {
    return "Neither day field is restricted (both are *, ? or */1), so every day matches.";
  }
  if (f.days_and()) {
    const bool dom_restricts = f.dow_star;
    return absl::StrCat(
        "The ", dom_restricts ? "day-of-week" : "day-of-month",
        " field is unrestricted (*, ? or */1), so robfig/cron requires both fields to match and "
        "only the ",
        dom_restricts ? "day of month" : "day of week",
        " decides (it would OR them only if neither field had such an item).");
  }
  // Vixie cron (entry.c) marks a field unrestricted when its text starts with
  // `*`, so `*/2` there keeps the AND; robfig's star bit is dropped by any
  // step above 1 (parser.go getRange), and a `*` item anywhere sets it.
  auto star_step = [](uint64_t bits, int min, int max) {
    const std::vector<Segment> segs = Segments(bits, true);
    return segs.size() == 1 && segs[0].first == min && segs[0].step > 1 &&
           segs[0].last + segs[0].step > max;
  };
  std::string out =
      "Both day fields are restricted, so robfig/cron fires on a day when EITHER the day of month "
      "OR the day of week matches";
  if (star_step(b.dom, 1, 31) || star_step(b.dow, 0, 6)) {
    absl::StrAppend(&out,
                    " (if a field was written */N, note that Vixie cron, which treats any field "
                    "starting with * as unrestricted, would require BOTH to match; robfig counts "
                    "only *, ? and */1 as unrestricted)");
  } else {
    absl::StrAppend(&out,
                    " (Vixie cron ORs here too; only *, ? and */1 make a field unrestricted, so "
                    "1-31 or 0-6 counts as a restriction)");
  }
  if (b.dom == Range(1, 31) || b.dow == Range(0, 6)) {
    absl::StrAppend(&out, ", and since one field already covers every day, every day matches");
  }
  out += ".";
  return out;
}

}  // namespace kron
