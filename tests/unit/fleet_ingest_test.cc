// Bulk ingest: 1 % corrupt records are reported exactly, everything else loads.
#include "kron/fleet_ingest.h"

#include <cstdint>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "kron/fleet.h"
#include "kron/fleet_synth.h"
#include "system_zones.h"

namespace kron {
namespace {

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

// One CronJob as a compact JSON object; `extra` goes into metadata.
std::string Job(absl::string_view name, absl::string_view schedule, absl::string_view extra = "") {
  return absl::StrCat(R"({"metadata":{"name":")", name, R"(","namespace":"n")", extra,
                      R"(},"spec":{"schedule":")", schedule, R"("}})");
}

std::string List(const std::vector<std::string>& items) {
  return absl::StrCat("{\"apiVersion\": \"v1\", \"items\": [\n", absl::StrJoin(items, ",\n"),
                      "\n], \"kind\": \"List\"}\n");
}

// Brackets and quotes inside strings, escaped quotes and backslash runs,
// shifted by one byte per item so that every escape lands on every position
// of the scanner's 64-byte blocks, including a backslash ending one block and
// the quote it escapes starting the next.
TEST(FleetIngestTest, ListScannerStringsAndEscapesAtEveryOffset) {
  std::vector<std::string> items;
  for (int k = 0; k < 140; ++k) {
    const std::string pad(size_t(k), 'x');
    items.push_back(Job(absl::StrCat("j", k), "@daily",
                        absl::StrCat(R"(,"annotations":{"a":")", pad,
                                     R"(\"]}\\","b":"}}\\\\","c":"{[\\\"\\\\\"]"})")));
  }
  Fleet fleet(Zones());
  absl::StatusOr<IngestReport> report = IngestJson(fleet, List(items));
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->records, 140u);
  EXPECT_EQ(report->loaded, 140u);
  EXPECT_TRUE(report->errors.empty()) << report->errors[0].message;
  EXPECT_NE(fleet.Find("n", "j0"), kNoCronJob);
  EXPECT_NE(fleet.Find("n", "j139"), kNoCronJob);
}

// The third item has a backslash outside any string right before a quote.
// Read as an escape, it would flip every string after it and swallow the
// items that follow; the scanner takes such blocks byte by byte, where a
// backslash outside a string is just a bad byte, so only items[2] is lost.
TEST(FleetIngestTest, ListThirdItemWithStrayBackslashIsTheOnlyLoss) {
  std::vector<std::string> items = {Job("a", "@daily"), Job("b", "@hourly"),
                                    R"({"metadata":{"name":"c","namespace":"n"}, \"spec": 1})",
                                    Job("d", "*/5 * * * *"), Job("e", "@daily")};
  Fleet fleet(Zones());
  absl::StatusOr<IngestReport> report = IngestJson(fleet, List(items));
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->records, 5u);
  EXPECT_EQ(report->loaded, 4u);
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_EQ(report->errors[0].position, 2u);
  EXPECT_EQ(report->errors[0].message.substr(0, 16), "items[2]: JSON: ");
  for (const char* name : {"a", "b", "d", "e"}) EXPECT_NE(fleet.Find("n", name), kNoCronJob) << name;
  EXPECT_EQ(fleet.Find("n", "c"), kNoCronJob);
}

TEST(FleetIngestTest, ListTruncatedInsideAStringKeepsWhatCameBefore) {
  std::string json = List({Job("a", "@daily"), Job("b", "@daily"), Job("c", "@daily")});
  json.resize(json.find("\"c\"") + 2);  // ... {"metadata":{"name":"c
  Fleet fleet(Zones());
  absl::StatusOr<IngestReport> report = IngestJson(fleet, json);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->records, 3u);
  EXPECT_EQ(report->loaded, 2u);
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_EQ(report->errors[0].message,
            "items[2]: JSON: unterminated value (the rest of the input is lost)");
}

// NDJSON lines are read as one simdjson document stream per block of lines;
// each document must be exactly its line. Bad lines between good ones.
TEST(FleetIngestTest, NdjsonBadLinesBetweenGoodOnes) {
  const std::string lines[] = {
      Job("a", "@daily"),
      Job("b\xff", "@daily"),                          // 2: invalid UTF-8 (its stream fails)
      Job("l", "@daily") + ",",                        // 3: trailing comma
      Job("c", "@daily"),
      R"({"metadata":{"name":"d","namespace":"n"},"spec":{"schedule":"@daily"})",  // 5: unclosed
      Job("e", "@daily"),
      Job("f", "@daily") + " " + Job("g", "@daily"),   // 7: two objects: the first is read
      Job("h", "0 0 1 2 *"),
      Job("i", "@daily", R"(,"annotations":[)"),       // 9: unbalanced inside
      Job("j", "@daily"),
      Job("k", "@weekly", R"(,"uid":"\u0041")"),       // escapes in a field not read
      Job("m\\u0021", "@daily"),                       // an escaped name: "m!"
      Job("n", "5 4 * * sun"),
  };
  std::string ndjson;
  for (const std::string& line : lines) absl::StrAppend(&ndjson, line, "\r\n");
  Fleet fleet(Zones());
  absl::StatusOr<IngestReport> report = IngestJson(fleet, ndjson);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->format, IngestFormat::kNdjson);
  EXPECT_EQ(report->records, 13u);
  std::vector<size_t> bad;
  for (const IngestError& e : report->errors) bad.push_back(e.position);
  EXPECT_EQ(bad, (std::vector<size_t>{2, 3, 5, 9}));
  ASSERT_EQ(report->errors.size(), 4u);
  EXPECT_EQ(report->errors[0].message, "line 2: JSON: The input is not valid UTF-8");
  EXPECT_EQ(report->errors[1].message, "line 3: JSON: trailing content after the object");
  EXPECT_EQ(report->errors[2].message.substr(0, 14), "line 5: JSON: ");
  EXPECT_EQ(report->errors[3].message.substr(0, 14), "line 9: JSON: ");
  EXPECT_EQ(report->loaded, 9u);
  for (const char* name : {"a", "c", "e", "f", "h", "j", "k", "m!", "n"}) {
    EXPECT_NE(fleet.Find("n", name), kNoCronJob) << name;
  }
  EXPECT_EQ(fleet.Find("n", "g"), kNoCronJob);
  EXPECT_EQ(fleet.Find("n", "d"), kNoCronJob);
}

// A known schedule text must not stand in for the zone check: "TZ=Europe/Paris
// 0 0 * * *" is both Europe/Paris with `0 0 * * *` and a zone named
// "Europe/Paris 0" with `0 * * *`; only the first is a zone.
TEST(FleetIngestTest, KnownScheduleTextDoesNotVouchForAZoneWithASpace) {
  const std::string ndjson =
      R"({"metadata":{"name":"a","namespace":"n"},"spec":{"schedule":"0 0 * * *","timeZone":"Europe/Paris"}})"
      "\n"
      R"({"metadata":{"name":"b","namespace":"n"},"spec":{"schedule":"0 * * *","timeZone":"Europe/Paris 0"}})"
      "\n";
  Fleet fleet(Zones());
  absl::StatusOr<IngestReport> report = IngestJson(fleet, ndjson);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->loaded, 1u);
  ASSERT_EQ(report->errors.size(), 1u);
  EXPECT_EQ(report->errors[0].message,
            "line 2: spec.timeZone: unknown time zone Europe/Paris 0");
}

// Timestamps: the canonical form takes a shortcut, every other RFC 3339
// form and every error goes to ParseInstant.
TEST(FleetIngestTest, TimestampsCanonicalAndOther) {
  struct Case {
    const char* text;
    int64_t unix;  // or INT64_MIN: an error
  };
  const Case cases[] = {
      {"2026-01-01T00:00:00Z", 1767225600},
      {"1970-01-01T00:00:00Z", 0},
      {"2024-02-29T23:59:59Z", 1709251199},
      {"2000-03-01T00:00:00Z", 951868800},
      {"0001-01-01T00:00:00Z", -62135596800},
      {"9999-12-31T23:59:59Z", 253402300799},
      {"2026-01-01T01:00:00+01:00", 1767225600},
      {"2026-01-01T00:00:00.5Z", 1767225600},
      {"2023-02-29T00:00:00Z", INT64_MIN},
      {"2026-13-01T00:00:00Z", INT64_MIN},
      {"2026-01-01T24:00:00Z", INT64_MIN},
      {"2026-01-01 00:00:00Z", INT64_MIN},
  };
  std::string ndjson;
  for (size_t i = 0; i < std::size(cases); ++i) {
    absl::StrAppend(&ndjson, R"({"metadata":{"name":"t)", i,
                    R"(","namespace":"n"},"spec":{"schedule":"@daily"},"status":{"lastScheduleTime":")",
                    cases[i].text, "\"}}\n");
  }
  Fleet fleet(Zones());
  absl::StatusOr<IngestReport> report = IngestJson(fleet, ndjson);
  ASSERT_TRUE(report.ok()) << report.status();
  size_t errors = 0;
  for (size_t i = 0; i < std::size(cases); ++i) {
    const CronJobId id = fleet.Find("n", absl::StrCat("t", i));
    if (cases[i].unix == INT64_MIN) {
      EXPECT_EQ(id, kNoCronJob) << cases[i].text;
      ASSERT_LT(errors, report->errors.size());
      EXPECT_EQ(report->errors[errors].position, i + 1);
      const std::string prefix = absl::StrCat("line ", i + 1, ": status.lastScheduleTime: ");
      EXPECT_EQ(report->errors[errors].message.substr(0, prefix.size()), prefix);
      ++errors;
      continue;
    }
    ASSERT_NE(id, kNoCronJob) << cases[i].text;
    EXPECT_EQ(fleet.last_schedule_time(id), Instant::FromUnixSeconds(cases[i].unix)) << cases[i].text;
  }
  EXPECT_EQ(errors, report->errors.size());
}

// A CronJob with a kubectl-shaped jobTemplate; `jt` replaces its inside.
std::string WithTemplate(absl::string_view name, absl::string_view jt,
                         absl::string_view spec_extra = "") {
  return absl::StrCat(R"({"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":")", name,
                      R"(","namespace":"n"},"spec":{"concurrencyPolicy":"Forbid","jobTemplate":{)",
                      jt, R"(},"schedule":"@hourly")", spec_extra, R"(},"status":{}})");
}

constexpr absl::string_view kTemplate =
    R"("spec":{"template":{"spec":{"containers":[{"command":["/bin/sh","-c","date"],)"
    R"("image":"busybox","name":"job"}],"restartPolicy":"OnFailure"}}})";

// NDJSON lines are read by a plain walk when they are plain, and by simdjson
// otherwise; the outcome must be simdjson's, whichever reads the line. Each
// line is also read as the one item of a List (always simdjson, one document
// per item) and must come out the same. Errors inside the jobTemplate are what
// simdjson reports for them: stage 1 checks the whole record (UTF-8, control
// bytes in strings, closed strings), but On-Demand never looks at the values
// of what it skips, so a bad literal there (`tru`, as a hand-edited manifest
// has it) is not an error, just as it was not before the walk.
TEST(FleetIngestTest, NdjsonFastWalkAgreesWithSimdjson) {
  struct Case {
    std::string line;
    const char* error;  // the reason, or nullptr when the line loads
  };
  const Case cases[] = {
      {WithTemplate("plain", kTemplate), nullptr},
      {WithTemplate("tru-in-template", R"("spec":{"suspend":tru,"parallelism":1})"), nullptr},
      {WithTemplate("nul-in-template", R"("spec":{"x":[nul,fals,01,-]})"), nullptr},
      {WithTemplate("tru-in-suspend", kTemplate, R"(,"suspend":tru)"),
       "spec.suspend: expected boolean"},
      {WithTemplate("missing-comma", R"("spec":{"a":1 "b":2})"), nullptr},  // skipped: not looked at
      {WithTemplate("missing-comma-spec", kTemplate, R"( "suspend":true)"),
       "JSON: The JSON document has an improper structure: missing or superfluous commas, "
       "braces, missing keys, etc."},
      {WithTemplate("escapes", R"("a":"say \"hi\" \\","b":"\u003c/x\u003e")"), nullptr},
      {WithTemplate("backslash-outside", R"("a":"x",\"b":"y")"),
       "JSON: A string is opened, but never closed."},
      {WithTemplate("utf8", "\"a\":\"caf\xc3\xa9\""), nullptr},
      {WithTemplate("bad-utf8", "\"a\":\"caf\xc3\""), "JSON: The input is not valid UTF-8"},
      {WithTemplate("tab-in-string", "\"a\":\"x\ty\""),
       "JSON: Within strings, some characters must be escaped, we found unescaped characters"},
      {WithTemplate("tab-between", "\"a\":\t\"x\""), nullptr},
      {WithTemplate("mixed-brackets", R"("a":[1,{"b":2]})"), nullptr},  // skipped: counted only
      {WithTemplate("suspend-null", kTemplate, R"(,"suspend":null,"timeZone":null)"), nullptr},
      {WithTemplate("deadline", kTemplate, R"(,"startingDeadlineSeconds":-20)"), nullptr},
      {WithTemplate("deadline-zero", kTemplate, R"(,"startingDeadlineSeconds":0)"), nullptr},
      {WithTemplate("deadline-float", kTemplate, R"(,"startingDeadlineSeconds":1.5)"),
       "spec.startingDeadlineSeconds: expected integer"},
      {WithTemplate("name\\u0021", kTemplate), nullptr},
      {WithTemplate("schedule-number", kTemplate, R"(,"schedule":5)"), "spec.schedule: expected string"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    Fleet by_line(Zones()), by_item(Zones());
    absl::StatusOr<IngestReport> line = IngestJson(by_line, absl::StrCat(c.line, "\n"));
    absl::StatusOr<IngestReport> item = IngestJson(by_item, List({c.line}));
    ASSERT_TRUE(line.ok()) << line.status();
    ASSERT_TRUE(item.ok()) << item.status();
    ASSERT_EQ(line->format, IngestFormat::kNdjson);
    ASSERT_EQ(line->records, 1u);
    if (c.error == nullptr) {
      EXPECT_EQ(line->loaded, 1u);
      EXPECT_TRUE(line->errors.empty()) << line->errors[0].message;
    } else {
      EXPECT_EQ(line->loaded, 0u);
      ASSERT_EQ(line->errors.size(), 1u);
      EXPECT_EQ(line->errors[0].message, absl::StrCat("line 1: ", c.error));
    }
    // The same as one document read by simdjson.
    EXPECT_EQ(item->loaded, line->loaded);
    ASSERT_EQ(item->errors.size(), line->errors.size());
    if (!line->errors.empty()) {
      EXPECT_EQ(item->errors[0].message.substr(10), line->errors[0].message.substr(8));
    }
    ASSERT_EQ(by_line.size(), by_item.size());
    for (CronJobId id = 0; id < by_line.id_bound(); ++id) {
      EXPECT_EQ(by_line.name(id), by_item.name(id));
      EXPECT_EQ(by_line.schedule_text(by_line.schedule_index(id)),
                by_item.schedule_text(by_item.schedule_index(id)));
      EXPECT_EQ(by_line.suspended(id), by_item.suspended(id));
      EXPECT_EQ(by_line.concurrency(id), by_item.concurrency(id));
      EXPECT_EQ(by_line.starting_deadline_seconds(id), by_item.starting_deadline_seconds(id));
    }
  }
  // The bad ones among good ones keep their line numbers.
  std::string ndjson;
  for (const Case& c : cases) absl::StrAppend(&ndjson, c.line, "\n");
  Fleet fleet(Zones());
  absl::StatusOr<IngestReport> report = IngestJson(fleet, ndjson);
  ASSERT_TRUE(report.ok()) << report.status();
  std::vector<std::string> errors, expected;
  for (const IngestError& e : report->errors) errors.push_back(e.message);
  size_t good = 0;
  for (size_t i = 0; i < std::size(cases); ++i) {
    if (cases[i].error != nullptr) {
      expected.push_back(absl::StrCat("line ", i + 1, ": ", cases[i].error));
    } else {
      ++good;
    }
  }
  EXPECT_EQ(errors, expected);
  EXPECT_EQ(report->loaded, good);
  EXPECT_NE(fleet.Find("n", "tru-in-template"), kNoCronJob);
  EXPECT_NE(fleet.Find("n", "name!"), kNoCronJob);
  const CronJobId deadline = fleet.Find("n", "deadline");
  ASSERT_NE(deadline, kNoCronJob);
  EXPECT_EQ(fleet.starting_deadline_seconds(deadline), -20);
  EXPECT_EQ(fleet.concurrency(deadline), ConcurrencyPolicy::kForbid);
}

TEST(FleetIngestTest, NotJson) {
  Fleet fleet(Zones());
  EXPECT_FALSE(IngestJson(fleet, "hello").ok());
}

}  // namespace
}  // namespace kron
