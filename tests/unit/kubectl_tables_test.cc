// kubectl's duration formatting, tabwriter layout, describe Events and the
// plan renderings (kron/kubectl_tables.h). Expectations: apimachinery's
// duration_test.go tables (copied as data), Go text/tabwriter's rules
// computed by hand, client-go's event correlation, and golden files under
// tests/golden/plan/ (regenerate with KRON_UPDATE_GOLDEN=1).
#include "kron/kubectl_tables.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kron/validation.h"

namespace kron {
namespace {

using ::testing::ElementsAre;

constexpr absl::Duration kSec = absl::Seconds(1);
constexpr absl::Duration kMin = absl::Minutes(1);
constexpr absl::Duration kHour = absl::Hours(1);
constexpr absl::Duration kMs = absl::Milliseconds(1);
constexpr absl::Duration kNs = absl::Nanoseconds(1);

struct DurationCase {
  absl::Duration d;
  const char* want;
};

TEST(HumanDuration, ApimachineryTable) {
  // TestHumanDuration.
  const DurationCase cases[] = {
      {kSec, "1s"},
      {70 * kSec, "70s"},
      {190 * kSec, "3m10s"},
      {70 * kMin, "70m"},
      {47 * kHour, "47h"},
      {49 * kHour, "2d1h"},
      {(8 * 24 + 2) * kHour, "8d"},
      {(367 * 24) * kHour, "367d"},
      {(365 * 2 * 24 + 25) * kHour, "2y1d"},
      {(365 * 8 * 24 + 2) * kHour, "8y"},
  };
  for (const DurationCase& c : cases) EXPECT_EQ(HumanDuration(c.d), c.want) << c.d;
}

TEST(HumanDuration, ApimachineryBoundaries) {
  // TestHumanDurationBoundaries.
  const DurationCase cases[] = {
      {-2 * kSec, "<invalid>"},
      {-2 * kSec + kNs, "0s"},
      {absl::ZeroDuration(), "0s"},
      {kSec - kMs, "0s"},
      {2 * kMin - kMs, "119s"},
      {2 * kMin, "2m"},
      {2 * kMin + kSec, "2m1s"},
      {10 * kMin - kMs, "9m59s"},
      {10 * kMin, "10m"},
      {10 * kMin + kSec, "10m"},
      {3 * kHour - kMs, "179m"},
      {3 * kHour, "3h"},
      {3 * kHour + kMin, "3h1m"},
      {8 * kHour - kMs, "7h59m"},
      {8 * kHour, "8h"},
      {8 * kHour + 59 * kMin, "8h"},
      {2 * 24 * kHour - kMs, "47h"},
      {2 * 24 * kHour, "2d"},
      {2 * 24 * kHour + kHour, "2d1h"},
      {8 * 24 * kHour - kMs, "7d23h"},
      {8 * 24 * kHour, "8d"},
      {8 * 24 * kHour + 23 * kHour, "8d"},
      {2 * 365 * 24 * kHour - kMs, "729d"},
      {2 * 365 * 24 * kHour, "2y"},
      {2 * 365 * 24 * kHour + 23 * kHour, "2y"},
      {2 * 365 * 24 * kHour + 23 * kHour + 59 * kMin, "2y"},
      {2 * 365 * 24 * kHour + 24 * kHour - kMs, "2y"},
      {2 * 365 * 24 * kHour + 24 * kHour, "2y1d"},
      {3 * 365 * 24 * kHour, "3y"},
      {4 * 365 * 24 * kHour, "4y"},
      {5 * 365 * 24 * kHour, "5y"},
      {6 * 365 * 24 * kHour, "6y"},
      {7 * 365 * 24 * kHour, "7y"},
      {8 * 365 * 24 * kHour - kMs, "7y364d"},
      {8 * 365 * 24 * kHour, "8y"},
      {8 * 365 * 24 * kHour + 364 * 24 * kHour, "8y"},
      {9 * 365 * 24 * kHour, "9y"},
  };
  for (const DurationCase& c : cases) EXPECT_EQ(HumanDuration(c.d), c.want) << c.d;
}

TEST(HumanDuration, SeedValues) {
  EXPECT_EQ(HumanDuration(265 * kSec), "4m25s");
  EXPECT_EQ(HumanDuration(342 * kSec), "5m42s");
  EXPECT_EQ(HumanDuration(6 * kSec), "6s");
}

TEST(ShortHumanDuration, ApimachineryBoundaries) {
  const DurationCase cases[] = {
      {-2 * kSec, "<invalid>"},
      {-2 * kSec + kNs, "0s"},
      {absl::ZeroDuration(), "0s"},
      {kSec - kMs, "0s"},
      {kSec, "1s"},
      {2 * kSec - kMs, "1s"},
      {kMin - kMs, "59s"},
      {kMin, "1m"},
      {2 * kMin - kMs, "1m"},
      {kHour - kMs, "59m"},
      {kHour, "1h"},
      {2 * kHour - kMs, "1h"},
      {24 * kHour - kMs, "23h"},
      {24 * kHour, "1d"},
      {2 * 24 * kHour - kMs, "1d"},
      {365 * 24 * kHour - kMs, "364d"},
      {365 * 24 * kHour, "1y"},
      {2 * 365 * 24 * kHour - kMs, "1y"},
      {2 * 365 * 24 * kHour, "2y"},
  };
  for (const DurationCase& c : cases) EXPECT_EQ(ShortHumanDuration(c.d), c.want) << c.d;
}

TEST(Tabwriter, PadsAllButTheLastCell) {
  // kubectl get: minwidth 6, padding 3. NAME column: max(6, 14 + 3) = 17.
  EXPECT_EQ(TabwriterFormat({{"NAME", "AGE"}, {"cronjob-test01", "6s"}}, 6, 3),
            "NAME             AGE\n"
            "cronjob-test01   6s\n");
  // minwidth wins for narrow columns; empty cells are padded too.
  EXPECT_EQ(TabwriterFormat({{"A", "", "C"}, {"B", "", "D"}}, 6, 3), "A           C\nB           D\n");
  // Widths count code points, not bytes.
  EXPECT_EQ(TabwriterFormat({{"é", "x"}, {"ab", "y"}}, 0, 1), "é  x\nab y\n");
}

TEST(GetTable, EmptyPrintsKubectlsLine) {
  EXPECT_EQ(RenderGetTable(KubectlTable{{"NAME"}, {}}), "No resources found in default namespace.\n");
}

TEST(Json, Quote) {
  EXPECT_EQ(JsonQuote("a\"b\\c\n\t\x01"), "\"a\\\"b\\\\c\\n\\t\\u0001\"");
  EXPECT_EQ(JsonQuote("*/1 * * * *"), "\"*/1 * * * *\"");
  EXPECT_EQ(JsonQuote("é"), "\"é\"");
}

TEST(Rfc1123Z, GoLayout) {
  EXPECT_EQ(FormatRfc1123Z(*ParseInstant("2026-01-01T08:00:00Z")), "Thu, 01 Jan 2026 08:00:00 +0000");
}

// --- describe Events --------------------------------------------------------------

// An event of CronJob/cj; `reason` must be a literal (TimelineEvent keeps a
// view of it), the message is copied into the Timeline's text by Synthetic.
struct SyntheticEvent {
  int64_t s;
  absl::string_view reason;
  std::string message;
};

SyntheticEvent Ev(int64_t s, absl::string_view reason, absl::string_view message) {
  return SyntheticEvent{s, reason, std::string(message)};
}

Timeline Synthetic(const std::vector<SyntheticEvent>& events) {
  Timeline tl;
  for (const SyntheticEvent& e : events) {
    tl.events.push_back(TimelineEvent{e.s * 1000, tl.text.Append("CronJob/cj"), EventType::kNormal,
                                      e.reason, tl.text.Append(e.message), "cronjob-controller"});
  }
  return tl;
}

TEST(DescribeEvents, IdenticalEventsAreCounted) {
  const Timeline tl = Synthetic({Ev(0, "JobAlreadyActive", "m"), Ev(60, "JobAlreadyActive", "m"),
                                 Ev(120, "JobAlreadyActive", "m")});
  const auto events = DescribeEvents(tl, "CronJob/cj", Instant::FromUnixSeconds(180));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].age, "60s (x3 over 3m)");
  EXPECT_EQ(RenderDescribeEvents(events),
            "Events:\n"
            "  Type    Reason            Age               From                Message\n"
            "  ----    ------            ----              ----                -------\n"
            "  Normal  JobAlreadyActive  60s (x3 over 3m)  cronjob-controller  m\n");
}

TEST(DescribeEvents, TenDistinctMessagesAreCombined) {
  std::vector<SyntheticEvent> v;
  for (int i = 0; i < 12; ++i) v.push_back(Ev(60 * i, "SuccessfulCreate", absl::StrCat("Created job j", i)));
  const auto events = DescribeEvents(Synthetic(v), "CronJob/cj", Instant::FromUnixSeconds(720));
  // Nine single events, then one combined event updated three times.
  ASSERT_EQ(events.size(), 10u);
  EXPECT_EQ(events[8].message, "Created job j8");
  EXPECT_EQ(events[9].message, "(combined from similar events): Created job j11");
  EXPECT_EQ(events[9].age, "60s (x3 over 3m)");
}

TEST(DescribeEvents, NoneAndLaterEventsExcluded) {
  const Timeline tl = Synthetic({Ev(100, "SuccessfulCreate", "x")});
  EXPECT_EQ(RenderDescribeEvents(DescribeEvents(tl, "CronJob/cj", Instant::FromUnixSeconds(99))),
            "Events:  <none>\n");
}

// --- Golden plan outputs -----------------------------------------------------------

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct GoldenCase {
  const char* name;
  const char* seed_file;
  const char* from;
  const char* until;
  const char* pods;
  const char* at;  // "" for none
  bool json;
};

TEST(Golden, PlanOutputs) {
  const GoldenCase cases[] = {
      {"job-test01.txt", "job-test01.yml", "2026-01-01T08:00:00Z", "2026-01-01T08:10:00Z", "succeed",
       "2026-01-01T08:05:42Z", false},
      {"job-test01-fail.txt", "job-test01.yml", "2026-01-01T08:00:00Z", "2026-01-01T08:10:00Z", "fail",
       "2026-01-01T08:02:00Z", false},
      {"job-test01.json", "job-test01.yml", "2026-01-01T08:00:00Z", "2026-01-01T08:10:00Z", "succeed",
       "2026-01-01T08:05:42Z", true},
      {"cronjob-test01.txt", "cronjob-test01.yml", "2026-01-01T07:59:30Z", "2026-01-01T08:10:30Z",
       "succeed", "2026-01-01T08:10:30Z", false},
      {"cronjob-test01.json", "cronjob-test01.yml", "2026-01-01T07:59:30Z", "2026-01-01T08:03:00Z",
       "succeed", "2026-01-01T08:03:00Z", true},
      {"cronjob-test01-noat.json", "cronjob-test01.yml", "2026-01-01T07:59:30Z",
       "2026-01-01T08:01:00Z", "succeed", "", true},
  };
  const std::unique_ptr<TimeZones> zones = *TimeZones::LoadSystem();
  const bool update = std::getenv("KRON_UPDATE_GOLDEN") != nullptr;
  for (const GoldenCase& c : cases) {
    const std::string text =
        ReadFile(absl::StrCat(KRON_SOURCE_DIR, "/tests/data/seed/", c.seed_file));
    ValidationOptions vo;
    vo.now = *ParseInstant(c.from);
    const ValidationReport report = ValidateManifestText(text, c.seed_file, *zones, vo);
    PlanOptions o;
    o.from = *ParseInstant(c.from);
    o.until = *ParseInstant(c.until);
    o.pods = *ParsePodOutcomeModel(c.pods);
    o.seed = 0;  // the CLI default
    const Timeline tl = *SimulateTimeline(report.manifests, *zones, o);
    std::optional<Instant> at;
    if (*c.at) at = *ParseInstant(c.at);
    const std::string got = c.json ? RenderPlanJson(tl, at) : RenderPlanText(tl, at);
    const std::string path = absl::StrCat(KRON_SOURCE_DIR, "/tests/golden/plan/", c.name);
    if (update) {
      std::ofstream(path, std::ios::binary) << got;
      continue;
    }
    EXPECT_EQ(got, ReadFile(path)) << c.name << " (KRON_UPDATE_GOLDEN=1 regenerates)";
  }
}

}  // namespace
}  // namespace kron
