// Bulk ingest: 1 % corrupt records are reported exactly, everything else loads.
#include "kron/fleet_ingest.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "kron/fleet.h"
#include "kron/fleet_synth.h"

namespace kron {
namespace {

const TimeZones& Zones() {
  static const TimeZones* zones = TimeZones::LoadSystem()->release();
  return *zones;
}

// Damage record k in one of five ways (brackets stay balanced) and return
// the reason the ingest must give.
std::string Corrupt(size_t k, std::string& json) {
  switch (k % 5) {
    case 0: {
      const size_t at = json.find("\"schedule\"");
      const size_t v = json.find('"', json.find(':', at)) + 1;
      json.replace(v, json.find('"', v) - v, "0 0 * * 7");
      return "spec.schedule: end of range (7) above maximum (6): 7";
    }
    case 1: {
      // Invalid UTF-8 inside a string: simdjson rejects the whole record.
      const size_t at = json.find("\"image\"");
      json.insert(json.find('"', json.find(':', at)) + 1, "\xff");
      return "JSON: The input is not valid UTF-8";
    }
    case 2: {
      const size_t at = json.find("\"name\"");  // metadata.name comes first in metadata
      json.replace(at, 6, "\"nome\"");
      return "metadata.name: required";
    }
    case 3: {
      const size_t at = json.find("\"concurrencyPolicy\"");
      const size_t v = json.find('"', json.find(':', at)) + 1;
      json.replace(v, json.find('"', v) - v, "Sometimes");
      return "spec.concurrencyPolicy: Unsupported value: \"Sometimes\": supported values: "
             "\"Allow\", \"Forbid\", \"Replace\"";
    }
    default: {
      const size_t at = json.find("\"suspend\"");
      const size_t v = json.find_first_of("tf", json.find(':', at));
      json.replace(v, json.find_first_of(",\n}", v) - v, "\"no\"");
      return "spec.suspend: expected boolean";
    }
  }
}

struct Corpus {
  std::string text;
  std::vector<SyntheticCronJob> jobs;
  std::vector<std::pair<size_t, std::string>> bad;  // position, reason prefix
};

Corpus Make(size_t n, bool list) {
  Corpus c;
  SyntheticFleet synth(Zones());
  c.jobs.resize(n);
  if (list) c.text = "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n";
  for (size_t i = 0; i < n; ++i) {
    synth.Get(i, &c.jobs[i]);
    std::string one;
    SyntheticFleet::AppendJson(c.jobs[i], list, &one);
    if (i % 100 == 37) {
      const std::string reason = Corrupt(i / 100, one);
      c.bad.push_back({list ? i : i + 1, reason});
    }
    if (list && i > 0) c.text += ",\n";
    c.text += one;
    if (!list) c.text += "\n";
  }
  if (list) c.text += "\n    ],\n    \"kind\": \"List\",\n    \"metadata\": {}\n}\n";
  return c;
}

void Check(const Corpus& c, bool list) {
  Fleet fleet(Zones());
  absl::StatusOr<IngestReport> report = IngestJson(fleet, c.text);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->format, list ? IngestFormat::kList : IngestFormat::kNdjson);
  EXPECT_EQ(report->records, c.jobs.size());
  ASSERT_EQ(report->errors.size(), c.bad.size());
  for (size_t k = 0; k < c.bad.size(); ++k) {
    EXPECT_EQ(report->errors[k].position, c.bad[k].first);
    const std::string where = list ? absl::StrCat("items[", c.bad[k].first, "]: ")
                                   : absl::StrCat("line ", c.bad[k].first, ": ");
    EXPECT_EQ(report->errors[k].message.substr(0, where.size() + c.bad[k].second.size()),
              where + c.bad[k].second)
        << report->errors[k].message;
  }
  EXPECT_EQ(report->loaded, c.jobs.size() - c.bad.size());
  EXPECT_EQ(fleet.size(), report->loaded);
  std::set<size_t> bad_index;
  for (const auto& [pos, reason] : c.bad) bad_index.insert(list ? pos : pos - 1);
  for (size_t i = 0; i < c.jobs.size(); ++i) {
    const SyntheticCronJob& j = c.jobs[i];
    const CronJobId id = fleet.Find(j.name_space, j.name);
    if (bad_index.count(i)) {
      EXPECT_EQ(id, kNoCronJob);
      continue;
    }
    ASSERT_NE(id, kNoCronJob) << j.name;
    EXPECT_EQ(fleet.suspended(id), j.suspend);
    EXPECT_EQ(fleet.concurrency(id), j.concurrency);
    EXPECT_EQ(fleet.starting_deadline_seconds(id), j.starting_deadline_seconds);
    EXPECT_EQ(fleet.active(id), j.active);
    EXPECT_EQ(fleet.last_schedule_time(id), j.last_schedule_time);
    const std::string spec =
        j.time_zone ? absl::StrCat("TZ=", *j.time_zone, " ", j.schedule) : j.schedule;
    if (j.schedule.rfind("@every", 0) != 0) {  // @every is shared across zones
      EXPECT_EQ(fleet.schedule(id).zone().name(), j.time_zone.value_or("UTC"));
    }
    (void)spec;
  }
}

TEST(FleetIngestTest, ListWithOnePercentCorruptRecords) {
  const Corpus c = Make(10000, /*list=*/true);
  ASSERT_EQ(c.bad.size(), 100u);
  Check(c, true);
}

TEST(FleetIngestTest, NdjsonWithOnePercentCorruptRecords) {
  const Corpus c = Make(10000, /*list=*/false);
  Check(c, false);
}

TEST(FleetIngestTest, GeneratorListLoadsCompletely) {
  SyntheticFleet synth(Zones());
  const std::string list = synth.ListJson(2000);
  Fleet fleet(Zones());
  absl::StatusOr<IngestReport> report = IngestJson(fleet, list);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->records, 2000u);
  EXPECT_EQ(report->loaded, 2000u);
  EXPECT_TRUE(report->errors.empty());
  // Loading the same records again replaces them all.
  report = IngestJson(fleet, synth.Ndjson(2000));
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->replaced, 2000u);
  EXPECT_EQ(fleet.size(), 2000u);
}

TEST(FleetIngestTest, UnterminatedItemLosesOnlyTheRest) {
  const std::string json =
      R"({"items":[{"metadata":{"name":"a","namespace":"n"},"spec":{"schedule":"@daily"}},)"
      R"({"metadata":{"name":"b","namespace":"n"},"spec":{"schedule":"@daily"})";
  Fleet fleet(Zones());
  absl::StatusOr<IngestReport> report = IngestJson(fleet, json);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->loaded, 1u);
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_EQ(report->errors[0].message,
            "items[1]: JSON: unterminated value (the rest of the input is lost)");
}

TEST(FleetIngestTest, FieldsAndNulls) {
  const std::string ndjson =
      R"({"kind":"CronJob","metadata":{"name":"a","namespace":"n","creationTimestamp":"2026-01-01T00:00:00Z"},)"
      R"("spec":{"schedule":"0 9 * * *","timeZone":"Europe/Paris","startingDeadlineSeconds":200,)"
      R"("concurrencyPolicy":"Replace","suspend":true},"status":{"active":[{},{}],"lastScheduleTime":null}})"
      "\n\n"
      R"({"kind":"Job","metadata":{"name":"j"},"spec":{"schedule":"@daily"}})"
      "\n"
      R"({"metadata":{"name":"z"},"spec":{"schedule":"@daily","timeZone":"Mars/Base"}})"
      "\n"
      R"({"metadata":{"name":"t"},"spec":{"schedule":"@daily"}} trailing)"
      "\n";
  Fleet fleet(Zones());
  absl::StatusOr<IngestReport> report = IngestJson(fleet, ndjson);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->format, IngestFormat::kNdjson);
  EXPECT_EQ(report->records, 4u);
  EXPECT_EQ(report->loaded, 1u);
  ASSERT_EQ(report->errors.size(), 3u);
  EXPECT_EQ(report->errors[0].message, "line 3: kind: expected CronJob, got Job");
  EXPECT_EQ(report->errors[1].message, "line 4: spec.timeZone: unknown time zone Mars/Base");
  EXPECT_EQ(report->errors[2].message, "line 5: JSON: trailing content after the object");
  const CronJobId id = fleet.Find("n", "a");
  ASSERT_NE(id, kNoCronJob);
  EXPECT_TRUE(fleet.suspended(id));
  EXPECT_EQ(fleet.concurrency(id), ConcurrencyPolicy::kReplace);
  EXPECT_EQ(fleet.starting_deadline_seconds(id), 200);
  EXPECT_EQ(fleet.active(id), 2);
  EXPECT_FALSE(fleet.last_schedule_time(id).has_value());
  EXPECT_EQ(fleet.schedule_text(fleet.schedule_index(id)), "TZ=Europe/Paris 0 9 * * *");
}

TEST(FleetIngestTest, NotJson) {
  Fleet fleet(Zones());
  EXPECT_FALSE(IngestJson(fleet, "hello").ok());
}

}  // namespace
}  // namespace kron
