// The hot path's own day-number conversion against date::year_month_day.
#include "../../engine/src/civil.h"

#include "gtest/gtest.h"

namespace kron::internal {
namespace {

TEST(CivilTest, CivilFromDaysAgreesWithDateOverTenThousandYears) {
  // From 0000-03-01 (the first day the hot path handles) to year 10183.
  for (int64_t d = -kDaysFrom0000March1; d < 3000000; ++d) {
    const YearMonthDay a = CivilFromDays(d);
    const date::year_month_day b{date::local_days{date::days{d}}};
    ASSERT_EQ(a.year, int(b.year())) << d;
    ASSERT_EQ(a.month, int(unsigned(b.month()))) << d;
    ASSERT_EQ(a.day, int(unsigned(b.day()))) << d;
  }
}

TEST(CivilTest, SplitLocalFloorsBeforeTheEpoch) {
  const CivilFields c = SplitLocal(MakeLocal(-1));  // 1969-12-31T23:59:59, a Wednesday
  EXPECT_EQ(c.year, 1969);
  EXPECT_EQ(c.month, 12);
  EXPECT_EQ(c.day, 31);
  EXPECT_EQ(c.hour, 23);
  EXPECT_EQ(c.minute, 59);
  EXPECT_EQ(c.second, 59);
  EXPECT_EQ(c.weekday, 3);
}

TEST(CivilTest, CivilToLocalCarriesLikeGoTimeDate) {
  // time.Date(2026, 13, 32, 0, 0, 0, 0, UTC) is 2027-02-01.
  EXPECT_EQ(LocalCount(CivilToLocal(2026, 13, 32, 0, 0, 0)), 1801440000);
  EXPECT_EQ(LocalCount(CivilToLocal(2026, 0, 1, 0, 0, 0)), 1764547200);  // 2025-12-01
}

}  // namespace
}  // namespace kron::internal
