// kron/manifest.h — reading Kubernetes manifests (YAML and JSON) into batch/v1
// Job and CronJob objects, with the API server's defaults.
//
// Three layers, each usable on its own:
//  1. `ReadManifestText`: bytes → documents. YAML (libyaml: multi-document
//     streams, comments, anchors/aliases, `<<` merge keys) and JSON (simdjson:
//     one value, a `List`, NDJSON or concatenated values) become the same small
//     tree (`Node`), every node carrying its 1-based line and column. Plain
//     YAML scalars are typed as sigs.k8s.io/yaml (go-yaml v2, YAML 1.1) types
//     them before Kubernetes sees JSON: `yes`/`on` are booleans, `0x1F` and
//     `0777` integers, `~` null; quoted scalars stay strings. A syntax error
//     in one document is reported (file:line:col, libyaml's or simdjson's
//     words) and the other documents are still read. `kind: List` (and
//     `*List`) documents are expanded into their `items`.
//  2. `DecodeManifest`: a document → a typed `Manifest` (Job or CronJob) as
//     written, or errors: wrong types (`spec.backoffLimit: expected integer,
//     got string`), unsupported kinds/apiVersions, unknown fields (Kubernetes'
//     strict decoding). Every field visited is remembered with its position.
//  3. `ApplyDefaults`: pkg/apis/batch/v1/defaults.go and the pod-spec default
//     restartPolicy Always (pkg/apis/core/v1/defaults.go), as the API server
//     applies them before validation (see kron/validation.h).
//
// No I/O: callers pass the text. Unset optional fields are std::nullopt, so the
// timeline simulation can tell "unset" from "set to the default".
#ifndef KRON_MANIFEST_H_
#define KRON_MANIFEST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "kron/backoff.h"  // kDefaultBackoffLimit
#include "kron/instant.h"

namespace kron {

// 1-based line and column in the source text; 0 when unknown.
struct SourcePos {
  int line = 0;
  int column = 0;
  bool known() const { return line > 0; }
  friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

// The internal document tree every reader produces (the one place YAML and
// JSON meet). Maps keep their entries in source order.
class Node {
 public:
  enum class Type : uint8_t { kNull, kBool, kInt, kFloat, kString, kSeq, kMap };
  struct Entry;

  Type type = Type::kNull;
  SourcePos pos;
  bool boolean = false;     // kBool
  int64_t integer = 0;      // kInt
  double number = 0;        // kFloat
  std::string text;         // kString: the value; other scalars: the source text
  std::vector<Node> items;  // kSeq
  std::vector<Entry> entries;  // kMap

  bool is_map() const { return type == Type::kMap; }
  // The value of `key` in a map (the last one if repeated), or nullptr.
  const Node* Find(absl::string_view key) const;
  // JSON's words for the type: null, boolean, integer, number, string, array, object.
  const char* TypeName() const;
};

struct Node::Entry {
  std::string key;
  SourcePos key_pos;
  Node value;
};

// One document of a stream (one element of a List counts as one document).
struct Document {
  std::string file;
  int index = 0;  // 0-based position in the stream, for messages
  Node root;
};

// A problem found while reading or decoding, at a place in a file.
struct ReadIssue {
  std::string file;
  SourcePos pos;
  std::string message;
};

struct ReadResult {
  std::vector<Document> documents;
  std::vector<ReadIssue> errors;  // syntax errors; other documents still read
};

// Reads YAML or JSON (JSON when the first non-blank byte is `{` or `[`).
// `file` only labels documents and errors ("-" for stdin by convention).
ReadResult ReadManifestText(absl::string_view text, absl::string_view file);

// --- The typed model (batch/v1) ---------------------------------------------

struct ObjectMeta {
  std::string name;
  std::string generate_name;
  std::optional<std::string> namespace_;  // kubectl fills in "default" when unset
  std::vector<std::pair<std::string, std::string>> labels;
  std::vector<std::pair<std::string, std::string>> annotations;
  std::optional<Instant> creation_timestamp;
};

struct Container {
  std::string name;
  std::string image;
  std::vector<std::string> command;
  std::vector<std::string> args;
};

struct PodTemplateSpec {
  ObjectMeta metadata;
  std::string restart_policy;  // "" when unset; ApplyDefaults makes it "Always"
  std::vector<Container> containers;
  bool has_containers_field = false;
};

inline constexpr absl::string_view kNonIndexedCompletion = "NonIndexed";
inline constexpr absl::string_view kIndexedCompletion = "Indexed";

struct JobSpec {
  std::optional<int32_t> parallelism;
  std::optional<int32_t> completions;
  std::optional<std::string> completion_mode;
  std::optional<int32_t> backoff_limit;
  std::optional<int32_t> backoff_limit_per_index;
  std::optional<int32_t> max_failed_indexes;
  std::optional<int64_t> active_deadline_seconds;
  std::optional<int32_t> ttl_seconds_after_finished;
  std::optional<bool> suspend;
  std::optional<bool> manual_selector;
  std::optional<std::string> pod_replacement_policy;
  bool has_selector = false;
  bool has_pod_failure_policy = false;  // rules are not modelled
  bool has_success_policy = false;      // rules are not modelled
  PodTemplateSpec template_;
};

struct Job {
  ObjectMeta metadata;
  JobSpec spec;
};

struct JobTemplateSpec {
  ObjectMeta metadata;
  JobSpec spec;
};

inline constexpr absl::string_view kAllowConcurrent = "Allow";
inline constexpr absl::string_view kForbidConcurrent = "Forbid";
inline constexpr absl::string_view kReplaceConcurrent = "Replace";

struct CronJobSpec {
  std::string schedule;
  std::optional<std::string> time_zone;
  std::optional<int64_t> starting_deadline_seconds;
  std::string concurrency_policy;  // "" when unset; ApplyDefaults makes it "Allow"
  std::optional<bool> suspend;
  std::optional<int32_t> successful_jobs_history_limit;
  std::optional<int32_t> failed_jobs_history_limit;
  JobTemplateSpec job_template;
};

struct CronJob {
  ObjectMeta metadata;
  CronJobSpec spec;
};

// Where each field of a decoded object was written: `spec.schedule`,
// `spec.template.spec.containers[0].name`, ... (the API server's paths).
class FieldPositions {
 public:
  void Set(std::string path, SourcePos pos) { map_[std::move(path)] = pos; }
  // The position of `path`, or of its nearest written ancestor (a missing
  // field is reported where its parent is), or {} when nothing is known.
  SourcePos Find(absl::string_view path) const;

 private:
  absl::flat_hash_map<std::string, SourcePos> map_;
};

enum class ManifestKind : uint8_t { kJob, kCronJob };

struct Manifest {
  std::string file;
  int document_index = 0;
  SourcePos pos;  // the document's first node
  ManifestKind kind = ManifestKind::kJob;
  Job job;          // kJob
  CronJob cronjob;  // kCronJob
  FieldPositions positions;

  const ObjectMeta& metadata() const { return kind == ManifestKind::kJob ? job.metadata : cronjob.metadata; }
  absl::string_view kind_name() const { return kind == ManifestKind::kJob ? "Job" : "CronJob"; }
  // `Job/job-test01`, as findings are labelled.
  std::string label() const;
};

struct DecodeResult {
  std::optional<Manifest> manifest;  // absent when the document cannot be decoded
  // Unsupported kind, wrong types, unknown fields. Type errors leave
  // `manifest` empty (the API server cannot handle the object at all);
  // unknown fields do not (see `unknown_fields`).
  std::vector<ReadIssue> errors;
  // Fields Kubernetes' strict decoding rejects: (path, position).
  std::vector<std::pair<std::string, SourcePos>> unknown_fields;
  bool unsupported_kind = false;
};

DecodeResult DecodeManifest(const Document& document);

// --- Defaults (pkg/apis/batch/v1/defaults.go) -------------------------------

// SetDefaults_Job: completions and parallelism 1 when both unset, parallelism 1,
// backoffLimit 6 (MaxInt32 when backoffLimitPerIndex is set), completionMode
// NonIndexed, suspend false, podReplacementPolicy Failed with a
// podFailurePolicy else TerminatingOrFailed, manualSelector false; and the pod
// spec's restartPolicy Always (SetDefaults_PodSpec).
void ApplyJobDefaults(JobSpec& spec);
// SetDefaults_CronJob: concurrencyPolicy Allow, suspend false, history limits
// 3 and 1. The job template's spec gets only the pod-spec default: the Job
// defaults apply when the controller creates each Job.
void ApplyCronJobDefaults(CronJobSpec& spec);
void ApplyDefaults(Manifest& manifest);

// kDefaultBackoffLimit (6) is defined in kron/backoff.h.
inline constexpr int32_t kDefaultSuccessfulJobsHistoryLimit = 3;
inline constexpr int32_t kDefaultFailedJobsHistoryLimit = 1;

}  // namespace kron

#endif  // KRON_MANIFEST_H_
