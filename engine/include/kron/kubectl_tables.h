// kron/kubectl_tables.h — what kubectl would print for a simulated timeline
// (kron/timeline.h) at an instant, and the `kron plan` renderings.
//
//  * HumanDuration / ShortHumanDuration: k8s.io/apimachinery/pkg/util/duration.
//  * `kubectl get` tables with the columns of current kubectl's printers
//    (pkg/printers/internalversion/printers.go):
//      CronJob  NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE
//      Job      NAME STATUS COMPLETIONS DURATION AGE   (STATUS since v1.30)
//      Pod      NAME READY STATUS RESTARTS AGE
//    laid out as kubectl's tabwriter does (minwidth 6, padding 3), rows in
//    name order (the API server lists by key). The seed's older kubectl had
//    no TIMEZONE and no job STATUS column.
//  * `kubectl describe` parts: the Job's `Pods Statuses:` line and the
//    Events table (tabwriter minwidth 0, padding 2; `Type Reason Age From
//    Message`), with client-go's event correlation (identical events counted
//    as `(xN over …)`, ten distinct messages of one reason within ten
//    minutes combined as `(combined from similar events): …`,
//    client-go/tools/record/events_cache.go). Not modelled: the spam filter
//    (25-event burst per object and source, then one per 5 minutes) and the
//    API server's one-hour event TTL.
//  * `kron plan` output: text and JSON (hand-written, stable key order,
//    byte-for-byte reproducible for the WASM port).
#ifndef KRON_KUBECTL_TABLES_H_
#define KRON_KUBECTL_TABLES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "kron/instant.h"
#include "kron/timeline.h"

namespace kron {

// apimachinery duration.HumanDuration: `0s`…`119s`, `2m1s`…`9m59s`,
// `10m`…`179m`, `3h1m`…`7h59m`, `8h`…`47h`, `2d1h`…`7d23h`, `8d`…`729d`,
// `2y1d`…`7y364d`, `8y`…; under -1 s `<invalid>`.
std::string HumanDuration(absl::Duration d);
// duration.ShortHumanDuration: one unit (`59s`, `1m`, `23h`, `364d`, `1y`).
std::string ShortHumanDuration(absl::Duration d);

// Go text/tabwriter (flags 0, pad char ' ') over rows of cells: every cell
// but the last of a row is padded to its column's width = max(minwidth,
// widest cell + padding). Widths count UTF-8 code points. Rows are
// expected to have the same number of cells.
std::string TabwriterFormat(const std::vector<std::vector<std::string>>& rows, int minwidth,
                            int padding);

struct KubectlTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

KubectlTable GetCronJobsTable(const Timeline& tl, Instant at);
KubectlTable GetJobsTable(const Timeline& tl, Instant at);
KubectlTable GetPodsTable(const Timeline& tl, Instant at);

// As kubectl prints it; an empty table prints kubectl's
// `No resources found in default namespace.` line instead.
std::string RenderGetTable(const KubectlTable& table);

// `0 Active (0 Ready) / 1 Succeeded / 0 Failed` (describe job).
std::string PodsStatuses(const JobStateAt& state);

// One row of describe's Events table, after client-go's correlation.
struct DescribedEvent {
  std::string type;
  std::string reason;
  std::string age;  // `5s` or `2m (x3 over 4m)`
  std::string from;
  std::string message;
  int32_t count = 1;
  int64_t first_ms = 0;
  int64_t last_ms = 0;
};

// The events recorded for `object` (`Job/x`) up to and including `at`.
std::vector<DescribedEvent> DescribeEvents(const Timeline& tl, absl::string_view object,
                                           Instant at);
// `Events:  <none>` or `Events:` + the table, as kubectl describe ends.
std::string RenderDescribeEvents(const std::vector<DescribedEvent>& events);

// The describe blocks kron renders: the fields it models, then Events.
std::string DescribeJob(const Timeline& tl, int32_t job, Instant at);
std::string DescribeCronJob(const Timeline& tl, int32_t cronjob, Instant at);

// The objects the plan renderings describe at `at`: the CronJobs created by
// then (`cronjobs`) or the Jobs that exist then, in name order, with their
// index in the timeline.
std::vector<std::pair<std::string, int32_t>> DescribedObjects(const Timeline& tl, Instant at,
                                                              bool cronjobs);

// A table as JSON: {"columns":[…],"rows":[[…],…]}, cells as JsonQuote writes them.
void AppendJsonTable(std::string& out, const KubectlTable& table);

// `kron plan` renderings. `at` adds the tables and describe blocks.
std::string RenderPlanText(const Timeline& tl, std::optional<Instant> at);
std::string RenderPlanJson(const Timeline& tl, std::optional<Instant> at);

// What kubectl shows at `at`, as one JSON object (the playground's view of a
// timeline at an instant):
//   {"at":"<RFC 3339 UTC>","cronjobs":T,"jobs":T,"pods":T,
//    "describe":[{"object":"CronJob/x","text":"…"},…,{"object":"Job/y","text":"…"},…]}
// with each T as AppendJsonTable writes it (GetCronJobsTable / GetJobsTable /
// GetPodsTable at `at`), and one describe entry per DescribedObjects object:
// the CronJobs, then the Jobs, each in name order, with the whole block
// DescribeCronJob / DescribeJob returns minus its trailing newlines. No
// whitespace between tokens, no trailing newline. Unlike RenderPlanJson's
// "tables", describe entries hold the text, not the parsed parts.
std::string RenderTablesJson(const Timeline& tl, Instant at);

// Go's time.RFC1123Z in UTC: `Thu, 01 Jan 2026 08:00:00 +0000`.
std::string FormatRfc1123Z(Instant t);

// JSON string literal with RFC 8259 escaping (`"`, `\`, control characters
// as \uXXXX except \b \f \n \r \t; other bytes verbatim).
std::string JsonQuote(absl::string_view s);
// The same literal appended to `out` (runs that need no escape copied whole).
void AppendJsonQuoted(std::string& out, absl::string_view s);

}  // namespace kron

#endif  // KRON_KUBECTL_TABLES_H_
