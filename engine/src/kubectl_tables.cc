// kubectl's printers, describe's Events and the `kron plan` renderings.
// See kron/kubectl_tables.h.
#include "kron/kubectl_tables.h"

#include <algorithm>
#include <cstring>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "date/date.h"
#include "digits.h"

namespace kron {
namespace {

// translateTimestampSince: metav1.Time keeps whole seconds, so the object's
// timestamp is truncated before it is subtracted from `at`.
std::string Since(int64_t stamp_ms, Instant at) {
  return HumanDuration(absl::Seconds(at.unix_seconds() - FloorToSeconds(stamp_ms)));
}

// a == b, last bytes first: the timeline's object names share long
// prefixes (`Job/<cronjob>-2945…`) and differ at the end.
bool SameObject(absl::string_view a, absl::string_view b) {
  return a.size() == b.size() &&
         (a.empty() || (a.back() == b.back() && std::memcmp(a.data(), b.data(), a.size()) == 0));
}

size_t DisplayWidth(absl::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;  // count UTF-8 lead bytes
  return n;
}

}  // namespace

std::string HumanDuration(absl::Duration d) {
  // duration.go HumanDuration, on Go's int64 nanoseconds.
  const int64_t ns = absl::ToInt64Nanoseconds(d);
  const int64_t seconds = ns / 1'000'000'000;  // int(d.Seconds()) truncates toward zero
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return absl::StrCat(seconds, "s");
  const int64_t minutes = ns / 60'000'000'000;
  if (minutes < 10) {
    const int64_t s = seconds % 60;
    return s == 0 ? absl::StrCat(minutes, "m") : absl::StrCat(minutes, "m", s, "s");
  }
  if (minutes < 60 * 3) return absl::StrCat(minutes, "m");
  const int64_t hours = ns / 3'600'000'000'000;
  if (hours < 8) {
    const int64_t m = minutes % 60;
    return m == 0 ? absl::StrCat(hours, "h") : absl::StrCat(hours, "h", m, "m");
  }
  if (hours < 48) return absl::StrCat(hours, "h");
  if (hours < 24 * 8) {
    const int64_t h = hours % 24;
    return h == 0 ? absl::StrCat(hours / 24, "d") : absl::StrCat(hours / 24, "d", h, "h");
  }
  if (hours < 24 * 365 * 2) return absl::StrCat(hours / 24, "d");
  if (hours < 24 * 365 * 8) {
    const int64_t dy = (hours / 24) % 365;
    return dy == 0 ? absl::StrCat(hours / 24 / 365, "y")
                   : absl::StrCat(hours / 24 / 365, "y", dy, "d");
  }
  return absl::StrCat(hours / 24 / 365, "y");
}

std::string ShortHumanDuration(absl::Duration d) {
  const int64_t ns = absl::ToInt64Nanoseconds(d);
  const int64_t seconds = ns / 1'000'000'000;
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60) return absl::StrCat(seconds, "s");
  const int64_t minutes = ns / 60'000'000'000;
  if (minutes < 60) return absl::StrCat(minutes, "m");
  const int64_t hours = ns / 3'600'000'000'000;
  if (hours < 24) return absl::StrCat(hours, "h");
  if (hours < 24 * 365) return absl::StrCat(hours / 24, "d");
  // int(d.Hours()/24/365): float division, truncated.
  return absl::StrCat(int64_t(double(ns) / 3.6e12 / 24 / 365), "y");
}

std::string TabwriterFormat(const std::vector<std::vector<std::string>>& rows, int minwidth,
                            int padding) {
  std::vector<size_t> width;
  for (const auto& row : rows) {
    for (size_t i = 0; i + 1 < row.size(); ++i) {
      if (width.size() <= i) width.resize(i + 1, size_t(minwidth));
      width[i] = std::max(width[i], DisplayWidth(row[i]) + size_t(padding));
    }
  }
  std::string out;
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      out += row[i];
      if (i + 1 < row.size()) out.append(width[i] - DisplayWidth(row[i]), ' ');
    }
    out += '\n';
  }
  return out;
}

std::string FormatRfc1123Z(Instant t) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const date::sys_seconds s{std::chrono::seconds(t.unix_seconds())};
  const date::sys_days day = date::floor<date::days>(s);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> hms{s - day};
  std::string out = absl::StrCat(kDays[date::weekday{day}.c_encoding()], ", ");
  internal::AppendPadded(out, unsigned(ymd.day()), 2);
  absl::StrAppend(&out, " ", kMonths[unsigned(ymd.month()) - 1], " ");
  internal::AppendPadded(out, int(ymd.year()), 4);
  out.push_back(' ');
  absl::StrAppend(&out, internal::FormatClock(int(hms.hours().count()), int(hms.minutes().count())), ":");
  internal::AppendPadded(out, int(hms.seconds().count()), 2);
  out += " +0000";
  return out;
}

// --- kubectl get ---------------------------------------------------------------

namespace {

template <typename T>
void SortRowsByName(std::vector<std::pair<std::string, T>>& v) {
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
}

KubectlTable Sorted(KubectlTable t) {
  std::stable_sort(t.rows.begin(), t.rows.end(),
                   [](const auto& a, const auto& b) { return a[0] < b[0]; });
  return t;
}

}  // namespace

KubectlTable GetCronJobsTable(const Timeline& tl, Instant at) {
  // printCronJob.
  KubectlTable t{{"NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"}, {}};
  const int64_t at_ms = at.unix_seconds() * 1000;
  for (size_t c = 0; c < tl.cronjobs.size(); ++c) {
    const PlannedCronJob& cj = tl.cronjobs[c];
    if (cj.created_ms > at_ms) continue;
    const CronJobStateAt s = CronJobStateAtTime(tl, int32_t(c), at_ms);
    t.rows.push_back({cj.name, cj.schedule, cj.time_zone.value_or("<none>"),
                      cj.suspend ? "True" : "False", absl::StrCat(s.active),
                      s.last_schedule ? Since(s.last_schedule->unix_seconds() * 1000, at) : "<none>",
                      Since(cj.created_ms, at)});
  }
  return Sorted(std::move(t));
}

KubectlTable GetJobsTable(const Timeline& tl, Instant at) {
  // printJob (with the STATUS column of kubectl >= 1.30).
  KubectlTable t{{"NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"}, {}};
  const int64_t at_ms = at.unix_seconds() * 1000;
  for (size_t j = 0; j < tl.jobs.size(); ++j) {
    const PlannedJob& job = tl.jobs[j];
    const JobStateAt s = JobStateAtTime(tl, int32_t(j), at_ms);
    if (!s.exists) continue;
    std::string completions;
    if (job.completions) {
      completions = absl::StrCat(s.succeeded, "/", *job.completions);
    } else if (job.parallelism > 1) {
      completions = absl::StrCat(s.succeeded, "/1 of ", job.parallelism);
    } else {
      completions = absl::StrCat(s.succeeded, "/1");
    }
    std::string duration;
    if (job.start_ms && *job.start_ms <= at_ms) {
      // Only Complete sets completionTime; a failed Job's duration keeps growing.
      const bool complete = s.status == "Complete";
      const int64_t end_s = complete ? FloorToSeconds(job.finished_ms) : at.unix_seconds();
      duration = HumanDuration(absl::Seconds(end_s - FloorToSeconds(*job.start_ms)));
    }
    t.rows.push_back({job.name, s.status, completions, duration, Since(job.created_ms, at)});
  }
  return Sorted(std::move(t));
}

KubectlTable GetPodsTable(const Timeline& tl, Instant at) {
  // printPod.
  KubectlTable t{{"NAME", "READY", "STATUS", "RESTARTS", "AGE"}, {}};
  const int64_t at_ms = at.unix_seconds() * 1000;
  for (size_t p = 0; p < tl.pods.size(); ++p) {
    const PodStateAt s = PodStateAtTime(tl, int32_t(p), at_ms);
    if (!s.exists) continue;
    std::string restarts = absl::StrCat(s.restarts);
    if (s.restarts != 0 && s.last_restart_ms) {
      restarts = absl::StrCat(s.restarts, " (", Since(*s.last_restart_ms, at), " ago)");
    }
    t.rows.push_back({tl.pods[p].name, s.ready, s.status, restarts, Since(tl.pods[p].created_ms, at)});
  }
  return Sorted(std::move(t));
}

std::string RenderGetTable(const KubectlTable& table) {
  if (table.rows.empty()) return "No resources found in default namespace.\n";
  std::vector<std::vector<std::string>> rows;
  rows.reserve(table.rows.size() + 1);
  rows.push_back(table.columns);
  rows.insert(rows.end(), table.rows.begin(), table.rows.end());
  // k8s.io/cli-runtime/pkg/printers GetNewTabWriter: minwidth 6, padding 3.
  return TabwriterFormat(rows, 6, 3);
}

std::string PodsStatuses(const JobStateAt& s) {
  return absl::StrCat(s.active, " Active (", s.ready, " Ready) / ", s.succeeded, " Succeeded / ",
                      s.failed, " Failed");
}

// --- describe: Events ------------------------------------------------------------

std::vector<DescribedEvent> DescribeEvents(const Timeline& tl, absl::string_view object,
                                           Instant at) {
  // client-go tools/record/events_cache.go EventCorrelator: EventAggregator
  // (10 distinct messages per source/object/type/reason within 600 s since
  // the last one → combined), then eventLogger (same key → count + 1, latest
  // message and time). Every key is a view into `tl` (reason and source are
  // static, messages live in the events): nothing is allocated per event.
  struct Aggregate {
    absl::string_view source;
    EventType type;
    absl::string_view reason;
    // aggregateRecord.localKeys: the distinct messages since the record
    // (re)started, in order (never more than 9 after an insert).
    std::vector<absl::string_view> local_keys;
    int64_t last_s = INT64_MIN / 2;
    // eventLogger's rows of this aggregate: by message, and the combined one.
    absl::flat_hash_map<absl::string_view, size_t> rows;
    size_t combined_row = SIZE_MAX;
  };
  struct Row {
    size_t aggregate;
    bool combined;
    absl::string_view message;  // the latest
    int32_t count;
    int64_t first_ms, last_ms;
  };
  std::vector<Aggregate> aggregates;  // a handful per object: scanned linearly
  std::vector<Row> rows;
  const int64_t at_ms = at.unix_seconds() * 1000;
  for (const TimelineEvent& e : tl.events) {
    if (e.time_ms > at_ms) break;
    if (!SameObject(e.object, object)) continue;
    const int64_t now_s = FloorToSeconds(e.time_ms);
    size_t a = 0;
    while (a < aggregates.size() && !(aggregates[a].type == e.type &&
                                      aggregates[a].source == e.source &&
                                      aggregates[a].reason == e.reason)) {
      ++a;
    }
    if (a == aggregates.size()) {
      aggregates.emplace_back();
      aggregates[a].source = e.source;
      aggregates[a].type = e.type;
      aggregates[a].reason = e.reason;
      aggregates[a].local_keys.reserve(10);
    }
    Aggregate& rec = aggregates[a];
    if (now_s - rec.last_s > 600) rec.local_keys.clear();
    const absl::string_view message = e.message;
    auto pos = std::lower_bound(rec.local_keys.begin(), rec.local_keys.end(), message);
    if (pos == rec.local_keys.end() || *pos != message) rec.local_keys.insert(pos, message);
    rec.last_s = now_s;
    bool combined = false;
    if (rec.local_keys.size() >= 10) {
      // PopAny: kron takes the smallest key (a sets.String's first in order).
      rec.local_keys.erase(rec.local_keys.begin());
      combined = true;
    }
    size_t* row = nullptr;
    if (combined) {
      row = &rec.combined_row;
    } else {
      row = &rec.rows.try_emplace(message, SIZE_MAX).first->second;
    }
    if (*row != SIZE_MAX) {
      Row& r = rows[*row];
      ++r.count;
      r.last_ms = e.time_ms;
      r.message = message;
      continue;
    }
    *row = rows.size();
    rows.push_back(Row{a, combined, message, 1, e.time_ms, e.time_ms});
  }
  // SortableEvents: by lastTimestamp (kron keeps recording order for ties).
  std::stable_sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
    return FloorToSeconds(x.last_ms) < FloorToSeconds(y.last_ms);
  });
  std::vector<DescribedEvent> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    const Aggregate& g = aggregates[r.aggregate];
    DescribedEvent& d = out.emplace_back();
    d.type = std::string(EventTypeName(g.type));
    d.reason = std::string(g.reason);
    d.age = r.count > 1 ? absl::StrCat(Since(r.last_ms, at), " (x", r.count, " over ",
                                       Since(r.first_ms, at), ")")
                        : Since(r.first_ms, at);
    d.from = std::string(g.source);
    d.message = r.combined ? absl::StrCat("(combined from similar events): ", r.message)
                           : std::string(r.message);
    d.count = r.count;
    d.first_ms = r.first_ms;
    d.last_ms = r.last_ms;
  }
  return out;
}

std::string RenderDescribeEvents(const std::vector<DescribedEvent>& events) {
  if (events.empty()) return TabwriterFormat({{"Events:", "<none>"}}, 0, 2);
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"  Type", "Reason", "Age", "From", "Message"});
  rows.push_back({"  ----", "------", "----", "----", "-------"});
  for (const DescribedEvent& e : events) {
    rows.push_back({absl::StrCat("  ", e.type), e.reason, e.age, e.from, e.message});
  }
  // describe's tabbedString: tabwriter minwidth 0, tabwidth 8, padding 2.
  return absl::StrCat("Events:\n", TabwriterFormat(rows, 0, 2));
}

std::string DescribeJob(const Timeline& tl, int32_t j, Instant at) {
  const PlannedJob& job = tl.jobs[size_t(j)];
  const int64_t at_ms = at.unix_seconds() * 1000;
  const JobStateAt s = JobStateAtTime(tl, j, at_ms);
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"Name:", job.name});
  rows.push_back({"Namespace:", "default"});
  rows.push_back({"Parallelism:", absl::StrCat(job.parallelism)});
  rows.push_back({"Completions:", job.completions ? absl::StrCat(*job.completions) : "<unset>"});
  rows.push_back({"Completion Mode:", job.indexed ? "Indexed" : "NonIndexed"});
  rows.push_back({"Suspend:", job.suspended ? "true" : "false"});
  rows.push_back({"Backoff Limit:", absl::StrCat(job.backoff_limit)});
  if (job.start_ms && *job.start_ms <= at_ms) {
    rows.push_back({"Start Time:", FormatRfc1123Z(Instant::FromUnixSeconds(FloorToSeconds(*job.start_ms)))});
    if (s.status == "Complete") {
      rows.push_back({"Completed At:",
                      FormatRfc1123Z(Instant::FromUnixSeconds(FloorToSeconds(job.finished_ms)))});
      rows.push_back({"Duration:", HumanDuration(absl::Seconds(FloorToSeconds(job.finished_ms) -
                                                               FloorToSeconds(*job.start_ms)))});
    }
  }
  if (job.active_deadline_seconds) {
    rows.push_back({"Active Deadline Seconds:", absl::StrCat(*job.active_deadline_seconds, "s")});
  }
  rows.push_back({"Pods Statuses:", PodsStatuses(s)});
  std::string out = TabwriterFormat(rows, 0, 2);
  absl::StrAppend(&out, RenderDescribeEvents(DescribeEvents(tl, absl::StrCat("Job/", job.name), at)));
  return out;
}

std::string DescribeCronJob(const Timeline& tl, int32_t c, Instant at) {
  const PlannedCronJob& cj = tl.cronjobs[size_t(c)];
  const CronJobStateAt s = CronJobStateAtTime(tl, c, at.unix_seconds() * 1000);
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"Name:", cj.name});
  rows.push_back({"Namespace:", "default"});
  rows.push_back({"Schedule:", cj.schedule});
  rows.push_back({"Suspend:", cj.suspend ? "True" : "False"});
  rows.push_back({"Successful Job History Limit:", absl::StrCat(cj.successful_jobs_history_limit)});
  rows.push_back({"Failed Job History Limit:", absl::StrCat(cj.failed_jobs_history_limit)});
  rows.push_back({"Last Schedule Time:",
                  s.last_schedule ? FormatRfc1123Z(*s.last_schedule) : "<unset>"});
  std::vector<std::string> names;
  for (int32_t j : s.active_jobs) names.push_back(tl.jobs[size_t(j)].name);
  rows.push_back({"Active Jobs:", names.empty() ? "<none>" : absl::StrJoin(names, ", ")});
  std::string out = TabwriterFormat(rows, 0, 2);
  absl::StrAppend(&out,
                  RenderDescribeEvents(DescribeEvents(tl, absl::StrCat("CronJob/", cj.name), at)));
  return out;
}

// --- kron plan ----------------------------------------------------------------------

void AppendJsonQuoted(std::string& out, absl::string_view s) {
  out += '"';
  size_t run = 0;  // start of the pending unescaped bytes
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += "0123456789abcdef"[c >> 4];
        out += "0123456789abcdef"[c & 15];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

std::string JsonQuote(absl::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  AppendJsonQuoted(out, s);
  return out;
}

namespace {

absl::string_view TrimNewlines(absl::string_view s) {
  while (!s.empty() && s.back() == '\n') s.remove_suffix(1);
  return s;
}

std::string EventTime(const TimelineEvent& e) {
  return FormatRfc3339Utc(Instant::FromUnixSeconds(FloorToSeconds(e.time_ms)));
}

void AppendJsonDescribe(std::string& out, absl::string_view object,
                        const std::optional<std::string>& pods_statuses,
                        const std::vector<DescribedEvent>& events) {
  absl::StrAppend(&out, "{\"object\":", JsonQuote(object));
  if (pods_statuses) absl::StrAppend(&out, ",\"podsStatuses\":", JsonQuote(*pods_statuses));
  out += ",\"events\":[";
  for (size_t i = 0; i < events.size(); ++i) {
    const DescribedEvent& e = events[i];
    if (i) out += ',';
    absl::StrAppend(&out, "{\"type\":", JsonQuote(e.type), ",\"reason\":", JsonQuote(e.reason),
                    ",\"age\":", JsonQuote(e.age), ",\"from\":", JsonQuote(e.from),
                    ",\"message\":", JsonQuote(e.message), "}");
  }
  out += "]}";
}

}  // namespace

std::vector<std::pair<std::string, int32_t>> DescribedObjects(const Timeline& tl, Instant at,
                                                              bool cronjobs) {
  std::vector<std::pair<std::string, int32_t>> v;
  const int64_t at_ms = at.unix_seconds() * 1000;
  if (cronjobs) {
    for (size_t c = 0; c < tl.cronjobs.size(); ++c) {
      if (tl.cronjobs[c].created_ms <= at_ms) v.emplace_back(tl.cronjobs[c].name, int32_t(c));
    }
  } else {
    for (size_t j = 0; j < tl.jobs.size(); ++j) {
      if (JobStateAtTime(tl, int32_t(j), at_ms).exists) v.emplace_back(tl.jobs[j].name, int32_t(j));
    }
  }
  SortRowsByName(v);
  return v;
}

void AppendJsonTable(std::string& out, const KubectlTable& t) {
  out += "{\"columns\":[";
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (i) out += ',';
    AppendJsonQuoted(out, t.columns[i]);
  }
  out += "],\"rows\":[";
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (r) out += ',';
    out += '[';
    for (size_t i = 0; i < t.rows[r].size(); ++i) {
      if (i) out += ',';
      AppendJsonQuoted(out, t.rows[r][i]);
    }
    out += ']';
  }
  out += "]}";
}

std::string RenderPlanText(const Timeline& tl, std::optional<Instant> at) {
  std::string out;
  if (tl.events.empty()) {
    out += "No events in the window.\n";
  } else {
    std::vector<std::vector<std::string>> rows;
    rows.reserve(tl.events.size() + 1);
    rows.push_back({"TIME", "OBJECT", "TYPE", "REASON", "MESSAGE", "SOURCE"});
    for (const TimelineEvent& e : tl.events) {
      rows.push_back({EventTime(e), std::string(e.object), std::string(EventTypeName(e.type)),
                      std::string(e.reason), std::string(e.message), std::string(e.source)});
    }
    out += TabwriterFormat(rows, 0, 3);
  }
  for (const std::string& note : tl.notes) absl::StrAppend(&out, "note: ", note, "\n");
  if (!at) return out;
  const std::string when = FormatRfc3339Utc(*at);
  absl::StrAppend(&out, "\n$ kubectl get cronjobs   # at ", when, "\n",
                  RenderGetTable(GetCronJobsTable(tl, *at)));
  absl::StrAppend(&out, "\n$ kubectl get jobs   # at ", when, "\n",
                  RenderGetTable(GetJobsTable(tl, *at)));
  absl::StrAppend(&out, "\n$ kubectl get pods   # at ", when, "\n",
                  RenderGetTable(GetPodsTable(tl, *at)));
  for (const auto& [name, c] : DescribedObjects(tl, *at, true)) {
    absl::StrAppend(&out, "\n$ kubectl describe cronjob ", name, "   # at ", when, "\n",
                    DescribeCronJob(tl, c, *at));
  }
  for (const auto& [name, j] : DescribedObjects(tl, *at, false)) {
    absl::StrAppend(&out, "\n$ kubectl describe job ", name, "   # at ", when, "\n",
                    DescribeJob(tl, j, *at));
  }
  return out;
}

std::string RenderTablesJson(const Timeline& tl, Instant at) {
  std::string out = absl::StrCat("{\"at\":", JsonQuote(FormatRfc3339Utc(at)), ",\"cronjobs\":");
  AppendJsonTable(out, GetCronJobsTable(tl, at));
  out += ",\"jobs\":";
  AppendJsonTable(out, GetJobsTable(tl, at));
  out += ",\"pods\":";
  AppendJsonTable(out, GetPodsTable(tl, at));
  // CronJobs first, as RenderPlanText.
  out += ",\"describe\":[";
  bool first = true;
  auto entry = [&](absl::string_view kind, absl::string_view name, const std::string& text) {
    out += first ? "{\"object\":" : ",{\"object\":";
    AppendJsonQuoted(out, absl::StrCat(kind, "/", name));
    out += ",\"text\":";
    AppendJsonQuoted(out, TrimNewlines(text));
    out += '}';
    first = false;
  };
  for (const auto& [name, c] : DescribedObjects(tl, at, true)) entry("CronJob", name, DescribeCronJob(tl, c, at));
  for (const auto& [name, j] : DescribedObjects(tl, at, false)) entry("Job", name, DescribeJob(tl, j, at));
  out += "]}";
  return out;
}

std::string RenderPlanJson(const Timeline& tl, std::optional<Instant> at) {
  std::string out = "{\"events\":[";
  for (size_t i = 0; i < tl.events.size(); ++i) {
    const TimelineEvent& e = tl.events[i];
    absl::StrAppend(&out, i ? ",\n" : "\n", "{\"time\":", JsonQuote(EventTime(e)),
                    ",\"object\":", JsonQuote(e.object), ",\"type\":",
                    JsonQuote(EventTypeName(e.type)), ",\"reason\":", JsonQuote(e.reason),
                    ",\"message\":", JsonQuote(e.message), ",\"source\":", JsonQuote(e.source),
                    "}");
  }
  out += tl.events.empty() ? "],\n\"tables\":" : "\n],\n\"tables\":";
  if (!at) {
    out += "null";
  } else {
    absl::StrAppend(&out, "{\"at\":", JsonQuote(FormatRfc3339Utc(*at)), ",\n\"cronjobs\":");
    AppendJsonTable(out, GetCronJobsTable(tl, *at));
    out += ",\n\"jobs\":";
    AppendJsonTable(out, GetJobsTable(tl, *at));
    out += ",\n\"pods\":";
    AppendJsonTable(out, GetPodsTable(tl, *at));
    out += ",\n\"describe\":[";
    bool first = true;
    for (const auto& [name, c] : DescribedObjects(tl, *at, true)) {
      out += first ? "\n" : ",\n";
      first = false;
      const std::string object = absl::StrCat("CronJob/", name);
      AppendJsonDescribe(out, object, std::nullopt, DescribeEvents(tl, object, *at));
    }
    for (const auto& [name, j] : DescribedObjects(tl, *at, false)) {
      out += first ? "\n" : ",\n";
      first = false;
      const std::string object = absl::StrCat("Job/", name);
      AppendJsonDescribe(out, object,
                         PodsStatuses(JobStateAtTime(tl, j, at->unix_seconds() * 1000)),
                         DescribeEvents(tl, object, *at));
    }
    out += first ? "]}" : "\n]}";
  }
  out += ",\n\"notes\":[";
  for (size_t i = 0; i < tl.notes.size(); ++i) {
    if (i) out += ',';
    out += JsonQuote(tl.notes[i]);
  }
  out += "]}\n";
  return out;
}

}  // namespace kron
