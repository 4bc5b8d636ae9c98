// zone_table_test — TimeZones::FromTable(ExportTable()) must be the system tz
// database again: the same names, version, every zone period for period (the
// independent expectation is LoadSystem's answer, itself tested against Go in
// zone_test and the zone oracle), and Go's error texts for the same names.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "kron/zone.h"

namespace kron {
namespace {

class ZoneTableTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto system = TimeZones::LoadSystem();
    ASSERT_TRUE(system.ok()) << system.status();
    system_ = system->release();
    auto table = system_->ExportTable();
    ASSERT_TRUE(table.ok()) << table.status();
    table_bytes_ = new std::string(*table);
    auto from = TimeZones::FromTable(*table);
    ASSERT_TRUE(from.ok()) << from.status();
    table_ = from->release();
  }
  static const TimeZones* system_;
  static const TimeZones* table_;
  static const std::string* table_bytes_;
};
const TimeZones* ZoneTableTest::system_ = nullptr;
const TimeZones* ZoneTableTest::table_ = nullptr;
const std::string* ZoneTableTest::table_bytes_ = nullptr;

// Every period from before the first transition to the year 2600.
std::vector<Zone::Period> Periods(const Zone& z) {
  std::vector<Zone::Period> out;
  int64_t t = -62135596800;  // 0001-01-01
  while (t < 20000000000) {  // 2603
    Zone::Period p = z.PeriodAt(Instant::FromUnixSeconds(t));
    out.push_back(p);
    if (p.end <= t) break;
    t = p.end;
  }
  return out;
}

void ExpectSameZone(const TimeZones& want, const TimeZones& got, const std::string& name) {
  auto w = want.Find(name);
  auto g = got.Find(name);
  ASSERT_EQ(w.ok(), g.ok()) << name << ": " << w.status() << " vs " << g.status();
  if (!w.ok()) {
    EXPECT_EQ(w.status(), g.status()) << name;
    return;
  }
  EXPECT_EQ((*g)->name(), (*w)->name());
  const std::vector<Zone::Period> pw = Periods(**w), pg = Periods(**g);
  ASSERT_EQ(pw.size(), pg.size()) << name;
  for (size_t i = 0; i < pw.size(); ++i) {
    EXPECT_EQ(pw[i].start, pg[i].start) << name << " period " << i;
    EXPECT_EQ(pw[i].end, pg[i].end) << name << " period " << i;
    EXPECT_EQ(pw[i].offset, pg[i].offset) << name << " period " << i;
    EXPECT_EQ(pw[i].is_dst, pg[i].is_dst) << name << " period " << i;
    if (pw[i].start != pg[i].start || pw[i].offset != pg[i].offset) return;
  }
}

TEST_F(ZoneTableTest, SameNamesAndVersion) {
  EXPECT_EQ(table_->names(), system_->names());
  EXPECT_EQ(table_->version(), system_->version());
  EXPECT_GT(table_->names().size(), 300u);
}

TEST_F(ZoneTableTest, EveryZoneIdentical) {
  for (const std::string& name : system_->names()) ExpectSameZone(*system_, *table_, name);
}

TEST_F(ZoneTableTest, UnlistedNamesGoLoads) {
  for (const char* name : {"Factory", "posixrules", "America//New_York", "./Europe/Berlin"}) {
    ExpectSameZone(*system_, *table_, name);
  }
}

TEST_F(ZoneTableTest, GoErrorTexts) {
  for (const char* name : {"America", "America/", "UTC/x", "Europe/Berlin/", "zone.tab", "tzdata.zi",
                           "Mars/Base", "right", "Europe/Nowhere", "../etc/passwd", "/etc/x",
                           "UTC", "Local", ""}) {
    ExpectSameZone(*system_, *table_, name);
  }
  EXPECT_EQ(table_->Find("America").status().message(), "is a directory");
  EXPECT_EQ(table_->Find("UTC/x").status().message(), "not a directory");
  EXPECT_EQ(table_->Find("zone.tab").status().message(), "malformed time zone information");
  EXPECT_EQ(table_->Find("Mars/Base").status().message(), "unknown time zone Mars/Base");
}

TEST_F(ZoneTableTest, ReExportIsTheSameTable) {
  auto again = table_->ExportTable();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *table_bytes_);
}

TEST_F(ZoneTableTest, RejectsOtherBytes) {
  EXPECT_FALSE(TimeZones::FromTable("").ok());
  EXPECT_FALSE(TimeZones::FromTable("TZif2").ok());
  EXPECT_FALSE(TimeZones::FromTable(table_bytes_->substr(0, table_bytes_->size() / 2)).ok());
}

}  // namespace
}  // namespace kron
