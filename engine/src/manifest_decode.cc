// Document → typed batch/v1 Job or CronJob, and the API server's defaults.
//
// Decoding follows what the API server's JSON decoder accepts for these Go
// types (k8s.io/api/batch/v1/types.go): `null` leaves a pointer field unset,
// integers must be JSON numbers (an integral float such as 3.0 is accepted, as
// encoding/json accepts 3), strings must be strings (kubectl sends `name: 123`
// as a number, and the server refuses it). With `kubectl apply`'s default
// field validation (Strict), unknown fields are errors: `strict decoding
// error: unknown field "spec.backoffLimt"`. kron checks unknown fields where
// it knows the complete field list (object, metadata, Job and CronJob specs,
// job and pod templates) and not inside pod specs.
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "kron/instant.h"
#include "kron/manifest.h"

namespace kron {
namespace {

constexpr std::initializer_list<absl::string_view> kObjectFields = {"apiVersion", "kind", "metadata",
                                                                    "spec", "status"};
// k8s.io/apimachinery/pkg/apis/meta/v1 ObjectMeta.
constexpr std::initializer_list<absl::string_view> kMetaFields = {
    "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
    "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels",
    "annotations", "ownerReferences", "finalizers", "managedFields"};
// k8s.io/api/batch/v1 JobSpec.
constexpr std::initializer_list<absl::string_view> kJobSpecFields = {
    "parallelism", "completions", "activeDeadlineSeconds", "podFailurePolicy", "successPolicy",
    "backoffLimit", "backoffLimitPerIndex", "maxFailedIndexes", "selector", "manualSelector",
    "template", "ttlSecondsAfterFinished", "completionMode", "suspend", "podReplacementPolicy",
    "managedBy"};
// k8s.io/api/batch/v1 CronJobSpec.
constexpr std::initializer_list<absl::string_view> kCronJobSpecFields = {
    "schedule", "timeZone", "startingDeadlineSeconds", "concurrencyPolicy", "suspend",
    "jobTemplate", "successfulJobsHistoryLimit", "failedJobsHistoryLimit"};
constexpr std::initializer_list<absl::string_view> kTemplateFields = {"metadata", "spec"};

bool Contains(std::initializer_list<absl::string_view> list, absl::string_view key) {
  for (absl::string_view k : list)
    if (k == key) return true;
  return false;
}

class Decoder {
 public:
  Decoder(const Document& doc, DecodeResult& out, FieldPositions& positions)
      : doc_(doc), out_(out), positions_(positions) {}

  void TypeError(const std::string& path, const Node& n, absl::string_view expected) {
    out_.errors.push_back({doc_.file, n.pos,
                           absl::StrCat(path, ": expected ", expected, ", got ", n.TypeName())});
  }

  // Visits the entries of a map node, recording positions and flagging
  // unknown fields when `known` is given.
  template <typename Fn>
  bool Map(const Node& n, const std::string& path, const std::initializer_list<absl::string_view>* known,
           Fn&& fn) {
    if (n.type == Node::Type::kNull) return false;
    if (!n.is_map()) {
      TypeError(path, n, "object");
      return false;
    }
    for (const Node::Entry& e : n.entries) {
      const std::string child = path.empty() ? e.key : absl::StrCat(path, ".", e.key);
      positions_.Set(child, e.key_pos);
      if (known && !Contains(*known, e.key)) {
        out_.unknown_fields.emplace_back(child, e.key_pos);
        continue;
      }
      fn(e.key, e.value, child);
    }
    return true;
  }

  template <typename Int>
  void Integer(const Node& n, const std::string& path, std::optional<Int>& out) {
    if (n.type == Node::Type::kNull) return;
    constexpr bool k32 = sizeof(Int) == 4;
    int64_t v;
    if (n.type == Node::Type::kInt) {
      v = n.integer;
    } else if (n.type == Node::Type::kFloat && std::isfinite(n.number) &&
               n.number == std::trunc(n.number) && std::fabs(n.number) < 9.2e18) {
      v = static_cast<int64_t>(n.number);
    } else if (n.type == Node::Type::kFloat && std::isfinite(n.number)) {
      out_.errors.push_back({doc_.file, n.pos,
                             absl::StrCat(path, ": expected integer, got number ", n.text)});
      return;
    } else {
      TypeError(path, n, "integer");
      return;
    }
    if (k32 && (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max())) {
      out_.errors.push_back({doc_.file, n.pos,
                             absl::StrCat(path, ": expected int32, got ", n.text, " (out of range)")});
      return;
    }
    out = static_cast<Int>(v);
  }

  void Bool(const Node& n, const std::string& path, std::optional<bool>& out) {
    if (n.type == Node::Type::kNull) return;
    if (n.type != Node::Type::kBool) return TypeError(path, n, "boolean");
    out = n.boolean;
  }

  void String(const Node& n, const std::string& path, std::string& out) {
    if (n.type == Node::Type::kNull) return;
    if (n.type != Node::Type::kString) return TypeError(path, n, "string");
    out = n.text;
  }

  void String(const Node& n, const std::string& path, std::optional<std::string>& out) {
    if (n.type == Node::Type::kNull) return;
    if (n.type != Node::Type::kString) return TypeError(path, n, "string");
    out = n.text;
  }

  void StringList(const Node& n, const std::string& path, std::vector<std::string>& out) {
    if (n.type == Node::Type::kNull) return;
    if (n.type != Node::Type::kSeq) return TypeError(path, n, "array");
    for (size_t i = 0; i < n.items.size(); ++i) {
      const std::string p = absl::StrCat(path, "[", i, "]");
      positions_.Set(p, n.items[i].pos);
      std::string s;
      String(n.items[i], p, s);
      out.push_back(std::move(s));
    }
  }

  void StringMap(const Node& n, const std::string& path,
                 std::vector<std::pair<std::string, std::string>>& out) {
    Map(n, path, nullptr, [&](const std::string& key, const Node& v, const std::string& p) {
      std::string s;
      String(v, p, s);
      out.emplace_back(key, std::move(s));
    });
  }

  void Meta(const Node& n, const std::string& path, ObjectMeta& m) {
    Map(n, path, &kMetaFields, [&](const std::string& key, const Node& v, const std::string& p) {
      if (key == "name") String(v, p, m.name);
      else if (key == "generateName") String(v, p, m.generate_name);
      else if (key == "namespace") String(v, p, m.namespace_);
      else if (key == "labels") StringMap(v, p, m.labels);
      else if (key == "annotations") StringMap(v, p, m.annotations);
      else if (key == "creationTimestamp") {
        std::optional<std::string> text;
        String(v, p, text);
        if (text) {
          absl::StatusOr<Instant> t = ParseInstant(*text);
          if (t.ok()) m.creation_timestamp = *t;
          else
            out_.errors.push_back({doc_.file, v.pos,
                                   absl::StrCat(p, ": ", t.status().message())});
        }
      }
    });
  }

  void PodSpec(const Node& n, const std::string& path, PodTemplateSpec& t) {
    Map(n, path, nullptr, [&](const std::string& key, const Node& v, const std::string& p) {
      if (key == "restartPolicy") {
        String(v, p, t.restart_policy);
      } else if (key == "containers") {
        t.has_containers_field = true;
        if (v.type == Node::Type::kNull) return;
        if (v.type != Node::Type::kSeq) return TypeError(p, v, "array");
        for (size_t i = 0; i < v.items.size(); ++i) {
          const std::string cp = absl::StrCat(p, "[", i, "]");
          positions_.Set(cp, v.items[i].pos);
          Container c;
          Map(v.items[i], cp, nullptr, [&](const std::string& k, const Node& cv, const std::string& fp) {
            if (k == "name") String(cv, fp, c.name);
            else if (k == "image") String(cv, fp, c.image);
            else if (k == "command") StringList(cv, fp, c.command);
            else if (k == "args") StringList(cv, fp, c.args);
          });
          t.containers.push_back(std::move(c));
        }
      }
    });
  }

  void Template(const Node& n, const std::string& path, PodTemplateSpec& t) {
    Map(n, path, &kTemplateFields, [&](const std::string& key, const Node& v, const std::string& p) {
      if (key == "metadata") Meta(v, p, t.metadata);
      else if (key == "spec") PodSpec(v, p, t);
    });
  }

  void JobSpecFields(const Node& n, const std::string& path, JobSpec& s) {
    Map(n, path, &kJobSpecFields, [&](const std::string& key, const Node& v, const std::string& p) {
      if (key == "parallelism") Integer(v, p, s.parallelism);
      else if (key == "completions") Integer(v, p, s.completions);
      else if (key == "completionMode") String(v, p, s.completion_mode);
      else if (key == "backoffLimit") Integer(v, p, s.backoff_limit);
      else if (key == "backoffLimitPerIndex") Integer(v, p, s.backoff_limit_per_index);
      else if (key == "maxFailedIndexes") Integer(v, p, s.max_failed_indexes);
      else if (key == "activeDeadlineSeconds") Integer(v, p, s.active_deadline_seconds);
      else if (key == "ttlSecondsAfterFinished") Integer(v, p, s.ttl_seconds_after_finished);
      else if (key == "suspend") Bool(v, p, s.suspend);
      else if (key == "manualSelector") Bool(v, p, s.manual_selector);
      else if (key == "podReplacementPolicy") String(v, p, s.pod_replacement_policy);
      else if (key == "selector") s.has_selector = v.type != Node::Type::kNull;
      else if (key == "podFailurePolicy") s.has_pod_failure_policy = v.type != Node::Type::kNull;
      else if (key == "successPolicy") s.has_success_policy = v.type != Node::Type::kNull;
      else if (key == "template") Template(v, p, s.template_);
    });
  }

  void CronJobSpecFields(const Node& n, const std::string& path, CronJobSpec& s) {
    Map(n, path, &kCronJobSpecFields, [&](const std::string& key, const Node& v, const std::string& p) {
      if (key == "schedule") String(v, p, s.schedule);
      else if (key == "timeZone") String(v, p, s.time_zone);
      else if (key == "startingDeadlineSeconds") Integer(v, p, s.starting_deadline_seconds);
      else if (key == "concurrencyPolicy") String(v, p, s.concurrency_policy);
      else if (key == "suspend") Bool(v, p, s.suspend);
      else if (key == "successfulJobsHistoryLimit") Integer(v, p, s.successful_jobs_history_limit);
      else if (key == "failedJobsHistoryLimit") Integer(v, p, s.failed_jobs_history_limit);
      else if (key == "jobTemplate") {
        Map(v, p, &kTemplateFields, [&](const std::string& k, const Node& tv, const std::string& tp) {
          if (k == "metadata") Meta(tv, tp, s.job_template.metadata);
          else if (k == "spec") JobSpecFields(tv, tp, s.job_template.spec);
        });
      }
    });
  }

 private:
  const Document& doc_;
  DecodeResult& out_;
  FieldPositions& positions_;
};

}  // namespace

DecodeResult DecodeManifest(const Document& document) {
  DecodeResult result;
  const Node& root = document.root;
  if (!root.is_map()) {
    result.errors.push_back({document.file, root.pos,
                             absl::StrCat("a manifest must be an object, got ", root.TypeName())});
    return result;
  }
  const Node* kind = root.Find("kind");
  const Node* api_version = root.Find("apiVersion");
  if (!kind || kind->type != Node::Type::kString || kind->text.empty()) {
    // kubectl: `error validating data: kind not set`.
    result.errors.push_back({document.file, kind ? kind->pos : root.pos, "kind not set"});
    return result;
  }
  if (!api_version || api_version->type != Node::Type::kString || api_version->text.empty()) {
    result.errors.push_back({document.file, root.pos, "apiVersion not set"});
    return result;
  }
  const bool is_job = kind->text == "Job";
  const bool is_cronjob = kind->text == "CronJob";
  if ((!is_job && !is_cronjob) || api_version->text != "batch/v1") {
    result.unsupported_kind = true;
    std::string what = (is_job || is_cronjob)
                           ? absl::StrCat("apiVersion ", api_version->text, " of kind ", kind->text)
                           : absl::StrCat("kind ", kind->text);
    result.errors.push_back({document.file, kind->pos,
                             absl::StrCat(what, " is not supported by kron (only batch/v1 Job and CronJob)")});
    return result;
  }

  Manifest m;
  m.file = document.file;
  m.document_index = document.index;
  m.pos = root.pos;
  m.kind = is_job ? ManifestKind::kJob : ManifestKind::kCronJob;
  Decoder d(document, result, m.positions);
  d.Map(root, "", &kObjectFields, [&](const std::string& key, const Node& v, const std::string& p) {
    if (key == "metadata") d.Meta(v, p, is_job ? m.job.metadata : m.cronjob.metadata);
    else if (key == "spec") {
      if (is_job) d.JobSpecFields(v, p, m.job.spec);
      else d.CronJobSpecFields(v, p, m.cronjob.spec);
    }
  });
  if (result.errors.empty()) result.manifest = std::move(m);
  return result;
}

// pkg/apis/batch/v1/defaults.go SetDefaults_Job, and SetDefaults_PodSpec's
// restartPolicy (pkg/apis/core/v1/defaults.go).
void ApplyJobDefaults(JobSpec& s) {
  if (!s.completions && !s.parallelism) {
    s.completions = 1;
    s.parallelism = 1;
  }
  if (!s.parallelism) s.parallelism = 1;
  if (!s.backoff_limit)
    s.backoff_limit = s.backoff_limit_per_index ? std::numeric_limits<int32_t>::max() : kDefaultBackoffLimit;
  if (!s.completion_mode) s.completion_mode = std::string(kNonIndexedCompletion);
  if (!s.suspend) s.suspend = false;
  if (!s.pod_replacement_policy)
    s.pod_replacement_policy = s.has_pod_failure_policy ? "Failed" : "TerminatingOrFailed";
  if (!s.manual_selector) s.manual_selector = false;
  if (s.template_.restart_policy.empty()) s.template_.restart_policy = "Always";
}

// SetDefaults_CronJob.
void ApplyCronJobDefaults(CronJobSpec& s) {
  if (s.concurrency_policy.empty()) s.concurrency_policy = std::string(kAllowConcurrent);
  if (!s.suspend) s.suspend = false;
  if (!s.successful_jobs_history_limit) s.successful_jobs_history_limit = kDefaultSuccessfulJobsHistoryLimit;
  if (!s.failed_jobs_history_limit) s.failed_jobs_history_limit = kDefaultFailedJobsHistoryLimit;
  PodTemplateSpec& pod = s.job_template.spec.template_;
  if (pod.restart_policy.empty()) pod.restart_policy = "Always";
}

void ApplyDefaults(Manifest& m) {
  if (m.kind == ManifestKind::kJob) {
    ApplyJobDefaults(m.job.spec);
    // SetDefaults_Job: the Job takes its template's labels when it has none.
    if (m.job.metadata.labels.empty()) m.job.metadata.labels = m.job.spec.template_.metadata.labels;
  } else {
    ApplyCronJobDefaults(m.cronjob.spec);
  }
}

}  // namespace kron
