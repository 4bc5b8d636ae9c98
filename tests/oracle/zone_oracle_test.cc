// zone_oracle_test — every zone kron lists, compared with Go's time package
// (what robfig/cron uses) through the zonecheck program: offsets at all
// transitions ±1 s from 1850 to 2455 (kron's and Go's own), random instants up
// to year 9999, and time.Date for readings around every transition.
// Zero disagreements are required.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <unistd.h>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "kron/zone.h"

namespace kron {
namespace {

constexpr int64_t kFrom = -3786825600;  // 1850-01-01T00:00:00Z
constexpr int64_t kTo = 15305299200;    // 2455-01-01T00:00:00Z

std::string TempPath(const char* what) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir ? dir : "/tmp") + "/kron_zone_oracle_" + std::to_string(::getpid()) + "_" +
         what;
}

// Runs zonecheck on `input` and returns its output file's path.
std::string RunZonecheck(const std::string& input) {
  const std::string in = TempPath("in"), out = TempPath("out");
  {
    std::ofstream f(in);
    f << input;
  }
  const std::string cmd = std::string(KRON_ZONECHECK) + " < " + in + " > " + out;
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::remove(in.c_str());
  return out;
}

class ZoneOracle : public ::testing::Test {
 protected:
  void SetUp() override {
    auto z = TimeZones::LoadSystem();
    ASSERT_TRUE(z.ok()) << z.status();
    zones_ = *std::move(z);
  }
  std::unique_ptr<TimeZones> zones_;
};

TEST_F(ZoneOracle, EveryZoneAgreesWithGo) {
  std::ostringstream input;
  for (const std::string& name : zones_->names()) {
    auto zone = zones_->Find(name);
    ASSERT_TRUE(zone.ok()) << name << ": " << zone.status();
    input << name;
    for (int64_t t = kFrom; t < kTo;) {
      Zone::Period p = (*zone)->PeriodAt(Instant::FromUnixSeconds(t));
      if (p.end >= kTo) break;
      input << ' ' << p.end;
      t = p.end;
    }
    input << '\n';
  }
  const std::string out = RunZonecheck(input.str());
  std::ifstream f(out);
  std::string line;
  int64_t offsets = 0, dates = 0, bad_offsets = 0, bad_dst = 0, bad_dates = 0, reported = 0;
  std::map<std::string, int> bad_by_zone;
  const Zone* zone = nullptr;
  std::string current;
  while (std::getline(f, line)) {
    std::istringstream ls(line);
    std::string kind, name;
    ls >> kind >> name;
    if (kind == "E") {
      ADD_FAILURE() << "Go cannot load " << name << ":" << line.substr(3 + name.size());
      continue;
    }
    if (name != current) {
      current = name;
      zone = *zones_->Find(name);
    }
    if (kind == "O") {
      int64_t t;
      int32_t off;
      int dst;
      ls >> t >> off >> dst;
      ++offsets;
      Zone::Period p = zone->PeriodAt(Instant::FromUnixSeconds(t));
      if (p.offset != off) {
        ++bad_offsets;
        ++bad_by_zone[name];
        if (reported++ < 30) {
          ADD_FAILURE() << name << " at " << t << " (" << FormatRfc3339Utc(Instant::FromUnixSeconds(t))
                        << "): kron " << p.offset << ", Go " << off;
        }
      } else if (p.is_dst != (dst != 0)) {
        ++bad_dst;
        if (reported++ < 30) {
          ADD_FAILURE() << name << " at " << t << ": kron is_dst " << p.is_dst << ", Go " << dst;
        }
      }
    } else if (kind == "D") {
      int64_t local, unix;
      ls >> local >> unix;
      ++dates;
      const Instant got = zone->FromLocal(LocalSeconds(std::chrono::seconds(local)));
      if (got.unix_seconds() != unix) {
        ++bad_dates;
        ++bad_by_zone[name];
        if (reported++ < 30) {
          ADD_FAILURE() << name << " Date(" << FormatRfc3339Utc(Instant::FromUnixSeconds(local))
                        << " local): kron " << got.unix_seconds() << ", Go " << unix;
        }
      }
    }
  }
  std::remove(out.c_str());
  std::string worst;
  for (const auto& [name, n] : bad_by_zone) worst += name + "=" + std::to_string(n) + " ";
  EXPECT_EQ(bad_offsets, 0) << worst;
  EXPECT_EQ(bad_dst, 0);
  EXPECT_EQ(bad_dates, 0) << worst;
  EXPECT_GT(offsets, 1000000);
  EXPECT_GT(dates, 100000);
  std::printf("zones %zu, offsets checked %lld, time.Date checked %lld\n", zones_->names().size(),
              static_cast<long long>(offsets), static_cast<long long>(dates));
}

// LoadLocation's answers for names that are not in kron's list: errors carry
// Go's texts, and files Go loads (right/..., Factory, odd spellings of a path)
// load in kron too, with the same offsets.
TEST_F(ZoneOracle, NamesOutsideTheListAgreeWithGo) {
  const char* names[] = {"Mars/Base", "../etc/passwd", "America/..", "/etc/localtime",
                         "\\x",        "America",       "Etc",        "America/New_York/x",
                         "UTC",        "Etc/UTC",       "GMT",        "US/Eastern",
                         "utc",        "america/new_york", "zone.tab", "tzdata.zi",
                         "Etc/GMT+5/", "America//New_York", "./UTC", "Factory",
                         "posixrules", "right/UTC", "right/America/New_York"};
  std::string input;
  for (const char* n : names) input += std::string(n) + "\n";
  const std::string out = RunZonecheck(input);
  std::ifstream f(out);
  std::map<std::string, std::string> go_errors;
  std::set<std::string> go_ok;
  std::string line;
  while (std::getline(f, line)) {
    std::istringstream ls(line);
    std::string kind, name;
    ls >> kind >> name;
    if (kind == "E") {
      go_errors[name] = line.substr(3 + name.size());
    } else {
      go_ok.insert(name);
    }
  }
  for (const char* n : names) {
    auto z = zones_->Find(n);
    if (go_errors.count(n)) {
      EXPECT_FALSE(z.ok()) << n;
      EXPECT_EQ(z.status().message(), go_errors[n]) << n;
    } else {
      EXPECT_TRUE(go_ok.count(n)) << n;
      ASSERT_TRUE(z.ok()) << n << ": " << z.status();
    }
  }
  // Offsets of the names Go loaded, at the instants zonecheck chose.
  std::ifstream again(out);
  int64_t checked = 0;
  while (std::getline(again, line)) {
    std::istringstream ls(line);
    std::string kind, name;
    int64_t a, b;
    ls >> kind >> name >> a >> b;
    if (kind == "O") {
      ++checked;
      EXPECT_EQ((*zones_->Find(name))->OffsetAt(Instant::FromUnixSeconds(a)), b) << name << " " << a;
    }
  }
  std::remove(out.c_str());
  EXPECT_GT(checked, 1000);
}

}  // namespace
}  // namespace kron
