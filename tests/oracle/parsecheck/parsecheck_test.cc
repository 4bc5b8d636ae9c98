// Differential test: kron::ParseStandard against robfig/cron v3.0.1's
// ParseStandard (the Go oracle in main.go), over a few thousand generated
// specs — odd whitespace (ASCII, Unicode spaces, look-alikes that are not
// spaces, invalid UTF-8), huge and signed numbers, names in any case, ranges
// and steps of every shape, descriptors, @every durations, TZ= prefixes.
//
// For each spec the two must agree: the same bit sets, star bits and zone,
// the same @every delay, or the same error text (kron must also give an
// error span). Where robfig panics, kron must return an error.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "kron/schedule.h"
#include "kron/zone.h"

#ifndef KRON_PARSECHECK_ORACLE
#error "KRON_PARSECHECK_ORACLE must name the Go oracle binary"
#endif

namespace kron {
namespace {

constexpr uint64_t kStar = uint64_t{1} << 63;

class SpecGenerator {
 public:
  explicit SpecGenerator(uint64_t seed) : rng_(seed) {}

  std::string Spec() {
    std::string prefix;
    if (Chance(25)) prefix = ZonePrefix();
    std::string body;
    if (Chance(15)) {
      body = Descriptor();
    } else if (Chance(60)) {
      // Mostly valid: values near each field's bounds, names, steps.
      for (int i = 0; i < 5; ++i) {
        if (i > 0) body += Chance(90) ? " " : Separator();
        body += CleanField(i);
      }
    } else {
      int count = 5;
      if (Chance(15)) count = static_cast<int>(Below(8));
      for (int i = 0; i < count; ++i) {
        if (i > 0) body += Separator();
        body += Field(i);
      }
    }
    if (Chance(10)) body = Separator() + body;
    if (Chance(10)) body += Separator();
    return prefix + body;
  }

 private:
  uint64_t Below(uint64_t n) { return rng_() % n; }
  bool Chance(int percent) { return Below(100) < static_cast<uint64_t>(percent); }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }

  std::string Separator() {
    static const std::string kSeps[] = {
        "\t", "\n", "\v", "\f", "\r", "  ", " \t ",
        "\xC2\x85", "\xC2\xA0", "\xE1\x9A\x80", "\xE2\x80\x80", "\xE2\x80\x8A", "\xE2\x80\xA8",
        "\xE2\x80\xA9", "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80",
        // Not spaces in Go: zero-width space, BOM, Mongolian vowel separator,
        // a lone lead byte, an invalid byte, a NUL.
        "\xE2\x80\x8B", "\xEF\xBB\xBF", "\xE1\xA0\x8E", "\xC2", "\xFF", std::string("\0", 1)};
    if (Chance(75)) return " ";
    return Pick(kSeps);
  }

  std::string Number() {
    static const char* const kNumbers[] = {
        "0", "1", "2", "5", "6", "7", "12", "13", "23", "24", "30", "31", "32", "59", "60", "99",
        "007", "+5", "+0", "-0", "", "-1", "+", "-", "1_0", "0x5", "5x", "1e3", " 5",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "18446744073709551615", "18446744073709551616", "99999999999999999999",
        "99999999999999999999x", "9999999999999999999x", "000000000000000000000000000005",
        "4294967296", "4294967297", "64", "65", "63", "128"};
    if (Chance(50)) return std::to_string(Below(72));
    return Pick(kNumbers);
  }

  std::string Name() {
    static const char* const kNames[] = {
        "jan", "JAN", "Feb", "mar", "APR", "may", "Jun", "jul", "AUG", "sep", "Oct", "nov", "DEC",
        "sun", "MON", "tue", "Wed", "THU", "fri", "Sat", "FR\xC4\xB0", "\xC5\xBFun", "janu", "ja",
        "xyz", "jan\xE2\x80\x8B", "J\xC3\x81N", "SUN\xFF"};
    return Pick(kNames);
  }

  std::string Atom() {
    switch (Below(10)) {
      case 0: case 1: return "*";
      case 2: return "?";
      case 3: case 4: return Name();
      default: return Number();
    }
  }

  std::string Item() {
    switch (Below(12)) {
      case 0: case 1: case 2: return Atom();
      case 3: case 4: return Atom() + "-" + Atom();
      case 5: case 6: return Atom() + "/" + Number();
      case 7: return Atom() + "-" + Atom() + "/" + Number();
      case 8: {
        std::string s = Atom();
        const int n = static_cast<int>(Below(4));
        for (int i = 0; i < n; ++i) s += (Chance(50) ? "-" : "/") + Atom();
        return s;
      }
      case 9: {
        static const char* const kStarForms[] = {"*/1", "*/01", "*/+1", "?/1", "*/2", "*-5",
                                                 "*-x-y", "?-?", "*/0", "*/-1", "**", "*?"};
        return Pick(kStarForms);
      }
      default: {
        // A plausible value for some field.
        static const int kMax[] = {59, 23, 31, 12, 6};
        const int hi = kMax[Below(5)];
        const uint64_t a = Below(hi + 2), b = Below(hi + 2);
        std::string s = std::to_string(a) + "-" + std::to_string(b);
        if (Chance(40)) s += "/" + std::to_string(Below(8));
        return s;
      }
    }
  }

  // A value of field `i` (minute, hour, dom, month, dow), rarely one past a bound.
  std::string Value(int i, bool allow_names) {
    static const int kLo[] = {0, 0, 1, 1, 0};
    static const int kHi[] = {59, 23, 31, 12, 6};
    static const char* const kMonths[] = {"jan", "FEB", "Mar", "apr", "MAY", "jun",
                                          "Jul", "aug", "SEP", "oct", "Nov", "dec"};
    static const char* const kDays[] = {"sun", "MON", "Tue", "wed", "THU", "Fri", "sat"};
    if (allow_names && i == 3 && Chance(30)) return kMonths[Below(12)];
    if (allow_names && i == 4 && Chance(30)) return kDays[Below(7)];
    int v = kLo[i] + static_cast<int>(Below(kHi[i] - kLo[i] + 1));
    if (Below(1000) < 15) v = kLo[i] - 1;
    if (Below(1000) < 15) v = kHi[i] + 1;
    return std::to_string(v);
  }

  // lo-hi, usually in order (names and numbers mixed).
  std::string Range(int i) {
    std::string a = Value(i, true), b = Value(i, true);
    if (Chance(85) && Order(i, a) > Order(i, b)) std::swap(a, b);
    return a + "-" + b;
  }
  static int Order(int i, const std::string& v) {
    static const char* const kNames[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                         "sep", "oct", "nov", "dec"};
    static const char* const kDays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    if (v.empty() || (v[0] >= '0' && v[0] <= '9') || v[0] == '-') return std::stoi(v);
    const std::string lower = absl::AsciiStrToLower(v);
    if (i == 3) {
      for (int k = 0; k < 12; ++k) if (lower == kNames[k]) return k + 1;
    }
    for (int k = 0; k < 7; ++k) if (lower == kDays[k]) return k;
    return 0;
  }

  std::string CleanItem(int i) {
    switch (Below(9)) {
      case 0: return Chance(80) ? "*" : "?";
      case 1: return "*/" + std::to_string(1 + Below(Chance(90) ? 12 : 70));
      case 2: case 3: return Value(i, true);
      case 4: case 5: return Range(i);
      case 6: return Value(i, true) + "/" + std::to_string(1 + Below(10));
      case 7: return Range(i) + "/" + std::to_string(Below(10));
      default: return Chance(50) ? "*" : Value(i, false);
    }
  }

  std::string CleanField(int i) {
    std::string f = CleanItem(i);
    for (int n = static_cast<int>(Below(Chance(70) ? 1 : 4)); n > 0; --n) f += "," + CleanItem(i);
    return f;
  }

  std::string Field(int) {
    if (Chance(3)) return Chance(50) ? "," : ",,";
    std::string f;
    const int n = 1 + static_cast<int>(Below(3));
    for (int i = 0; i < n; ++i) {
      if (i > 0) f += Chance(10) ? ",," : ",";
      f += Item();
    }
    if (Chance(5)) f = "," + f;
    if (Chance(5)) f += ",";
    return f;
  }

  std::string Duration() {
    static const char* const kFixed[] = {
        "5m", "1h30m", "1.5h", "-1h", "+1h", "0", "-0", "500ms", "1us", "1\xC2\xB5s", "1\xCE\xBCs",
        ".5s", "1.s", ".s", "", "5", "5x", "1h 2m", "9223372036854775807ns",
        "9223372036854775808ns", "-9223372036854775808ns", "2562047h", "2562048h", "1e3s",
        "0.0000000001s", "1.9999999999s", "0.123456789012345678901234567890h", "5\xC2\xB5",
        " 5m", "5m ", "\xFFs"};
    if (Chance(40)) return Pick(kFixed);
    static const char* const kUnits[] = {"ns", "us", "\xC2\xB5s", "\xCE\xBCs", "ms", "s", "m",
                                         "h", "", "x", "S", "H", "sec", "h\xC2\xA0"};
    std::string d;
    if (Chance(15)) d += Chance(50) ? "-" : "+";
    const int parts = 1 + static_cast<int>(Below(3));
    for (int i = 0; i < parts; ++i) {
      const int digits = static_cast<int>(Below(Chance(10) ? 25 : 5));
      for (int k = 0; k < digits; ++k) d += static_cast<char>('0' + Below(10));
      if (Chance(25)) {
        d += '.';
        const int frac = static_cast<int>(Below(Chance(10) ? 25 : 4));
        for (int k = 0; k < frac; ++k) d += static_cast<char>('0' + Below(10));
      }
      d += Pick(kUnits);
    }
    return d;
  }

  std::string Descriptor() {
    static const char* const kDescriptors[] = {
        "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly",
        "@every", "@reboot", "@DAILY", "@daily ", "@ every 5m", "@every\t5m", "@", "@@daily",
        "@daily\xC2\xA0", "@every 5m\xC2\xA0"};
    if (Chance(55)) return "@every " + Duration();
    return Pick(kDescriptors);
  }

  std::string ZonePrefix() {
    static const char* const kZones[] = {
        "UTC", "", "Local", "Asia/Tokyo", "America/New_York", "Europe/Berlin",
        "Australia/Lord_Howe", "Etc/GMT+5", "US/Pacific", "Asia/Kolkata", "Europe/London",
        "Mars/Base", "utc", "../etc", "/etc/localtime", "Asia/Tokyo\t", "Asia\\Tokyo",
        "Europe/Berlin\xC2\xA0", "America/Sao_Paulo", "Pacific/Chatham"};
    static const char* const kKeys[] = {"TZ=", "CRON_TZ=", "TZ=", "CRON_TZ=", "tz=", "TZ =",
                                        "CRON_TZ=TZ="};
    static const char* const kAfter[] = {" ", " ", " ", "  ", " \t", "\t", ""};
    return std::string(Pick(kKeys)) + Pick(kZones) + Pick(kAfter);
  }

  std::mt19937_64 rng_;
};

// Specs worth pinning whatever the generator does.
const char* const kFixedSpecs[] = {
    "", " ", "* * * * *", "* * * *", "5 j * * *", "@every Xm", "@unrecognized", "TZ=UTC",
    "CRON_TZ=", "TZ= ", "TZ= * * * * *", "TZ=Local @daily", "TZ=UTC  @midnight",
    "CRON_TZ=Asia/Tokyo 0 5 * * *", "TZ=America/New_York 15/0 * * * *", "0 0 * * FR\xC4\xB0",
    "0 0 * * SAT-SUN", "0-59/9223372036854775807 * * * *", "*/9223372036854775808 * * * *",
    "0 0 , * ,", "*-5 * * * *", "@every 0", "@every -5m", "@every 2562047h",
    "0 0 1 1 *\xE3\x80\x80", "\xE3\x80\x80" "0 0 1 1 *", "TZ=UTC\t0 0 * * *",
};

// The location name robfig reads from a TZ=/CRON_TZ= prefix: spec[eq+1:i].
std::string SpecZoneName(const std::string& spec) {
  const size_t space = spec.find(' ');
  const size_t eq = spec.find('=');
  if (space == std::string::npos || eq == std::string::npos || eq >= space) return "";
  return spec.substr(eq + 1, space - eq - 1);
}

struct Mismatch {
  std::string spec, robfig, kron;
};

std::string Describe(const absl::StatusOr<Schedule>& s) {
  if (!s.ok()) return "error: " + std::string(s.status().message());
  std::ostringstream out;
  if (s->kind() == Schedule::Kind::kEvery) {
    out << "every " << s->every_seconds() << "s";
  } else {
    const CronFields& f = s->fields();
    out << std::hex << "cron " << f.minute << " " << f.hour << " " << f.dom << " " << f.month << " "
        << +f.dow << " stars " << f.dom_star << f.dow_star;
  }
  out << " zone " << s->zone().name();
  return out.str();
}

TEST(ParseCheck, KronParsesLikeRobfig) {
  absl::StatusOr<std::unique_ptr<TimeZones>> zones_or = TimeZones::LoadSystem();
  ASSERT_TRUE(zones_or.ok()) << zones_or.status();
  const TimeZones& zones = **zones_or;

  std::vector<std::string> specs(std::begin(kFixedSpecs), std::end(kFixedSpecs));
  SpecGenerator gen(0x6b726f6e);  // fixed seed: the same specs every run
  while (specs.size() < 10000) specs.push_back(gen.Spec());

  const std::string input_path = testing::TempDir() + "/parsecheck_input.hex";
  {
    std::ofstream in(input_path, std::ios::binary);
    for (const std::string& spec : specs) in << absl::BytesToHexString(spec) << "\n";
  }
  const std::string command = std::string(KRON_PARSECHECK_ORACLE) + " < " + input_path;
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr) << command;
  std::string output;
  char buf[1 << 16];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) output.append(buf, n);
  ASSERT_EQ(pclose(pipe), 0) << command;
  std::remove(input_path.c_str());

  std::vector<std::string> lines = absl::StrSplit(output, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), specs.size());

  std::vector<Mismatch> mismatches;
  std::vector<Mismatch> zone_text_differences;
  std::map<std::string, int> outcomes;
  std::map<std::string, int> panics;
  for (size_t i = 0; i < specs.size(); ++i) {
    const std::string& spec = specs[i];
    const std::vector<std::string> word = absl::StrSplit(lines[i], ' ');
    const absl::StatusOr<Schedule> got = ParseStandard(spec, zones);
    bool same = false;
    std::string robfig = lines[i];
    const std::string& kind = word[0];
    ++outcomes[kind];
    if (kind == "CRON" && word.size() == 7) {
      uint64_t v[5];
      for (int k = 0; k < 5; ++k) ASSERT_TRUE(absl::SimpleHexAtoi(word[1 + k], &v[k])) << lines[i];
      const std::string loc = absl::HexStringToBytes(word[6]);
      robfig = "cron " + lines[i].substr(5) + " zone " + loc;
      if (got.ok() && got->kind() == Schedule::Kind::kCron) {
        const CronFields& f = got->fields();
        // robfig keeps a star bit in every field; only the day fields' one matters.
        same = f.minute == (v[0] & ~kStar) && f.hour == (v[1] & ~kStar) &&
               f.dom == (v[2] & ~kStar) && f.month == (v[3] & ~kStar) &&
               f.dow == (v[4] & ~kStar) && f.dom_star == ((v[2] & kStar) != 0) &&
               f.dow_star == ((v[4] & kStar) != 0);
        // No prefix (time.Local) and TZ=Local are the controller's zone: UTC in kron.
        const bool zone_same = loc == "Local"
                                   ? (&got->zone() == &zones.utc() || got->zone().name() == "UTC" ||
                                      got->zone().name() == "Local")
                                   : got->zone().name() == loc;
        same = same && zone_same;
      }
    } else if (kind == "EVERY" && word.size() == 2) {
      int64_t ns = 0;
      ASSERT_TRUE(absl::SimpleAtoi(word[1], &ns)) << lines[i];
      robfig = "every " + word[1] + "ns";
      same = got.ok() && got->kind() == Schedule::Kind::kEvery &&
             got->every_seconds() * 1'000'000'000 == ns;
    } else if ((kind == "ERR" || kind == "PANIC") && word.size() == 2) {
      const std::string text = absl::HexStringToBytes(word[1]);
      robfig = (kind == "ERR" ? "error: " : "panic: ") + text;
      if (kind == "PANIC") ++panics[text];
      if (!got.ok()) {
        const std::optional<SourceSpan> span = ScheduleErrorSpan(got.status());
        const bool span_ok = span && span->begin >= 0 && span->begin <= span->end &&
                             span->end <= static_cast<int>(spec.size());
        same = span_ok && (kind == "PANIC" || got.status().message() == text);
        // Errors from the zone lookup itself (Go's time.LoadLocation reading
        // the file system: "invalid argument" for a NUL in the name, "is a
        // directory", ...) are TimeZones::Find's business, not the parser's:
        // both must reject the same location name; the texts are listed.
        constexpr absl::string_view kBadLocation = "provided bad location ";
        if (!same && span_ok && absl::StartsWith(text, kBadLocation) &&
            absl::StartsWith(got.status().message(), kBadLocation)) {
          const std::string name = SpecZoneName(spec);
          const std::string head = std::string(kBadLocation) + name + ": ";
          if (absl::StartsWith(text, head) && absl::StartsWith(got.status().message(), head)) {
            zone_text_differences.push_back({spec, robfig, Describe(got)});
            continue;
          }
        }
      }
    } else {
      FAIL() << "unreadable oracle line: " << lines[i];
    }
    if (!same) mismatches.push_back({spec, robfig, Describe(got)});
  }

  for (const auto& [kind, n] : outcomes) std::printf("robfig %s: %d\n", kind.c_str(), n);
  for (const auto& [text, n] : panics) std::printf("robfig panicked %dx: %s\n", n, text.c_str());
  for (const Mismatch& m : zone_text_differences) {
    std::printf("zone lookup text differs (TimeZones::Find vs Go's LoadLocation): spec %s\n  robfig: %s\n  kron:   %s\n",
                absl::CHexEscape(m.spec).c_str(), absl::CHexEscape(m.robfig).c_str(),
                absl::CHexEscape(m.kron).c_str());
  }
  for (size_t k = 0; k < mismatches.size() && k < 25; ++k) {
    const Mismatch& m = mismatches[k];
    ADD_FAILURE() << "spec " << absl::CHexEscape(m.spec) << "\n  robfig: " << absl::CHexEscape(m.robfig)
                  << "\n  kron:   " << absl::CHexEscape(m.kron);
  }
  EXPECT_EQ(mismatches.size(), 0u) << "of " << specs.size() << " specs";
}

}  // namespace
}  // namespace kron
