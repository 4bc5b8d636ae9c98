// kron/names.h — how Kubernetes names the Jobs and Pods a CronJob creates,
// and the name checks the API server applies.
//
//  * Job name: `<cronjob name>-<scheduled unix seconds / 60>` (Go's integer
//    division, which truncates toward zero) — pkg/controller/cronjob
//    getJobName / getTimeHashInMinutes. cronjob-test01 scheduled at
//    2026-01-01T08:00:00Z gives `cronjob-test01-29454240`.
//  * CronJob names are at most 52 characters (63 minus the 11-character
//    `-<minutes>` suffix) — pkg/apis/batch/validation/validation.go.
//  * Pod names: the Job controller sets GenerateName `<job name>-` (indexed
//    Jobs: `<job name>-<index>-`, pkg/controller/job/indexed_job_utils.go) and
//    the API server appends 5 characters from utilrand's alphabet after
//    cutting the base to 58 characters
//    (k8s.io/apiserver/pkg/storage/names/generate.go,
//    k8s.io/apimachinery/pkg/util/rand/rand.go).
//  * DNS-1123 label (63) and subdomain (253) checks with apimachinery's exact
//    messages (k8s.io/apimachinery/pkg/util/validation/validation.go).
//
// The cluster draws the 5 suffix characters from Go's math/rand; no one can
// predict them. `SeededNameGenerator` produces suffixes of the same shape from
// a documented, reproducible stream (for tests and golden outputs);
// `RandomNameGenerator` draws fresh entropy. Neither reproduces the draws a
// real cluster made (`job-test01-7xf2p` in the seed is just one such draw).
#ifndef KRON_NAMES_H_
#define KRON_NAMES_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "kron/instant.h"

namespace kron {

// --- Job names (pkg/controller/cronjob) -------------------------------------

// getTimeHashInMinutes: scheduledTime.Unix() / 60 with Go's truncating
// division (differs from Instant::unix_minutes() only before 1970).
int64_t TimeHashInMinutes(Instant scheduled);

// getJobName: `<cronjob name>-<TimeHashInMinutes(scheduled)>`.
std::string CronJobJobName(absl::string_view cronjob_name, Instant scheduled);

// --- Name limits and validation ---------------------------------------------

inline constexpr int kDns1123LabelMaxLength = 63;
inline constexpr int kDns1123SubdomainMaxLength = 253;
// pkg/apis/batch/validation: DNS1035LabelMaxLength - 11.
inline constexpr int kMaxCronJobNameLength = 52;
inline constexpr absl::string_view kCronJobNameTooLongMessage =
    "must be no more than 52 characters";
// ValidateObjectMeta's message when neither name nor generateName is set.
inline constexpr absl::string_view kNameRequiredMessage = "name or generateName is required";

// apimachinery's MaxLenError: `must be no more than <n> characters`.
std::string MaxLenError(int length);

// IsDNS1123Label / IsDNS1123Subdomain: the list of problems (empty = valid),
// in apimachinery's order and wording. A string that is a valid subdomain but
// not a label gets `must not contain dots`.
std::vector<std::string> IsDns1123Label(absl::string_view value);
std::vector<std::string> IsDns1123Subdomain(absl::string_view value);

// The `metadata.name` problems the API server reports when a CronJob is
// created (ValidateCronJobCreate): the subdomain checks, then the 52-character
// limit. An empty name yields kNameRequiredMessage only.
std::vector<std::string> ValidateCronJobName(absl::string_view name);

// --- Generated names (k8s.io/apiserver/pkg/storage/names) -------------------

inline constexpr int kMaxNameLength = 63;
inline constexpr int kRandomSuffixLength = 5;
inline constexpr int kMaxGeneratedNameLength = kMaxNameLength - kRandomSuffixLength;  // 58
// utilrand's alphabet: no vowels, no 0/1/3 (avoids words and look-alikes).
inline constexpr absl::string_view kSuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

// GenerateName of a Job's pods: `<job name>-`.
std::string PodGenerateNamePrefix(absl::string_view job_name);
// podGenerateNameWithIndex: `<job name>-<index>-`; when longer than 58 the job
// name is cut so that the `-<index>-` part survives whole.
std::string IndexedPodGenerateNamePrefix(absl::string_view job_name, int index);

// The API server's name for a GenerateName: the base cut to 58 bytes, then
// `suffix` (which should be 5 characters of kSuffixAlphabet).
std::string ApplyGeneratedSuffix(absl::string_view generate_name, absl::string_view suffix);

// Whether `suffix` has the shape the API server produces (5 alphabet chars).
bool IsGeneratedSuffix(absl::string_view suffix);

// Reproducible suffixes. Algorithm (kron's own, stable across releases):
//   state starts at `seed`; each draw is SplitMix64 (state += 0x9E3779B97F4A7C15,
//   then the usual xor-shift-multiply finaliser) shifted right by 1, i.e. a
//   63-bit value, standing in for Go's rand.Int63. As utilrand.String does,
//   each 63-bit value is consumed 5 bits at a time from the low end, at most
//   12 groups per value; a group >= 27 is skipped, otherwise it indexes
//   kSuffixAlphabet.
// It is not Go's math/rand stream, so it never predicts a real cluster's name.
class SeededNameGenerator {
 public:
  explicit SeededNameGenerator(uint64_t seed) : state_(seed) {}
  std::string Suffix();
  std::string GenerateName(absl::string_view generate_name) {
    return ApplyGeneratedSuffix(generate_name, Suffix());
  }

 private:
  uint64_t NextInt63();
  uint64_t state_;
};

// Non-deterministic suffixes (std::random_device). Not thread-safe: use one per thread.
class RandomNameGenerator {
 public:
  RandomNameGenerator();
  std::string Suffix();
  std::string GenerateName(absl::string_view generate_name) {
    return ApplyGeneratedSuffix(generate_name, Suffix());
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace kron

#endif  // KRON_NAMES_H_
