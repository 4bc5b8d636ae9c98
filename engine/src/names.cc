// Job and Pod naming, and apimachinery's DNS-1123 name checks. See kron/names.h.
#include "kron/names.h"

#include "absl/strings/str_cat.h"
#include "str_concat.h"

namespace kron {
namespace {

// k8s.io/apimachinery/pkg/util/validation/validation.go (message texts are facts).
constexpr absl::string_view kLabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
constexpr absl::string_view kSubdomainFmt =
    "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
constexpr absl::string_view kLabelErrMsg =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
    "and must start and end with an alphanumeric character";
constexpr absl::string_view kSubdomainErrMsg =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "
    "or '.', and must start and end with an alphanumeric character";

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$
bool MatchesLabel(absl::string_view s) {
  if (s.empty() || !IsAlnum(s.front()) || !IsAlnum(s.back())) return false;
  for (char c : s) {
    if (!IsAlnum(c) && c != '-') return false;
  }
  return true;
}

// Labels joined by single dots.
bool MatchesSubdomain(absl::string_view s) {
  size_t start = 0;
  while (true) {
    size_t dot = s.find('.', start);
    absl::string_view part =
        s.substr(start, dot == absl::string_view::npos ? absl::string_view::npos : dot - start);
    if (!MatchesLabel(part)) return false;
    if (dot == absl::string_view::npos) return true;
    start = dot + 1;
  }
}

// apimachinery's RegexError with examples.
std::string RegexError(absl::string_view msg, absl::string_view fmt,
                       std::initializer_list<absl::string_view> examples) {
  std::string out = absl::StrCat(msg, " (e.g. ");
  bool first = true;
  for (absl::string_view e : examples) {
    if (!first) absl::StrAppend(&out, " or ");
    first = false;
    absl::StrAppend(&out, "'", e, "', ");
  }
  absl::StrAppend(&out, "regex used for validation is '", fmt, "')");
  return out;
}

std::string SuffixFromInt63(uint64_t (*next)(void*), void* ctx) {
  // utilrand.String's consumption scheme: 5 bits per character from the low
  // end of a 63-bit value, 12 characters per value, rejecting indexes >= 27.
  constexpr int kBits = 5;
  constexpr uint64_t kMask = (1u << kBits) - 1;
  constexpr int kPerValue = 63 / kBits;
  std::string out(kRandomSuffixLength, ' ');
  uint64_t value = next(ctx);
  int remaining = kPerValue;
  for (int i = 0; i < kRandomSuffixLength;) {
    if (remaining == 0) {
      value = next(ctx);
      remaining = kPerValue;
    }
    uint64_t idx = value & kMask;
    if (idx < kSuffixAlphabet.size()) out[i++] = kSuffixAlphabet[idx];
    value >>= kBits;
    --remaining;
  }
  return out;
}

}  // namespace

int64_t TimeHashInMinutes(Instant scheduled) {
  // Go's `/` truncates toward zero (C++ does the same).
  return scheduled.unix_seconds() / 60;
}

std::string CronJobJobName(absl::string_view cronjob_name, Instant scheduled) {
  return Concat({cronjob_name, "-", absl::AlphaNum(TimeHashInMinutes(scheduled)).Piece()});
}

std::string MaxLenError(int length) {
  return absl::StrCat("must be no more than ", length, " characters");
}

std::vector<std::string> IsDns1123Label(absl::string_view value) {
  std::vector<std::string> errs;
  if (value.size() > static_cast<size_t>(kDns1123LabelMaxLength)) {
    errs.push_back(MaxLenError(kDns1123LabelMaxLength));
  }
  if (!MatchesLabel(value)) {
    if (MatchesSubdomain(value)) {
      errs.push_back("must not contain dots");
    } else {
      errs.push_back(RegexError(kLabelErrMsg, kLabelFmt, {"my-name", "123-abc"}));
    }
  }
  return errs;
}

std::vector<std::string> IsDns1123Subdomain(absl::string_view value) {
  std::vector<std::string> errs;
  if (value.size() > static_cast<size_t>(kDns1123SubdomainMaxLength)) {
    errs.push_back(MaxLenError(kDns1123SubdomainMaxLength));
  }
  if (!MatchesSubdomain(value)) {
    errs.push_back(RegexError(kSubdomainErrMsg, kSubdomainFmt, {"example.com"}));
  }
  return errs;
}

std::vector<std::string> ValidateCronJobName(absl::string_view name) {
  // ValidateObjectMeta (NameIsDNSSubdomain), then ValidateCronJobCreate's
  // length check — pkg/apis/batch/validation/validation.go.
  if (name.empty()) return {std::string(kNameRequiredMessage)};
  std::vector<std::string> errs = IsDns1123Subdomain(name);
  if (name.size() > static_cast<size_t>(kMaxCronJobNameLength)) {
    errs.emplace_back(kCronJobNameTooLongMessage);
  }
  return errs;
}

std::string PodGenerateNamePrefix(absl::string_view job_name) {
  return Concat({job_name, "-"});
}

std::string IndexedPodGenerateNamePrefix(absl::string_view job_name, int index) {
  // pkg/controller/job/indexed_job_utils.go podGenerateNameWithIndex.
  std::string append_index = absl::StrCat("-", index, "-");
  std::string prefix = absl::StrCat(job_name, append_index);
  if (prefix.size() > static_cast<size_t>(kMaxGeneratedNameLength)) {
    size_t keep = kMaxGeneratedNameLength - append_index.size();
    prefix = absl::StrCat(prefix.substr(0, keep), append_index);
  }
  return prefix;
}

std::string ApplyGeneratedSuffix(absl::string_view generate_name, absl::string_view suffix) {
  // k8s.io/apiserver/pkg/storage/names/generate.go: cut in bytes, as Go slices strings.
  if (generate_name.size() > static_cast<size_t>(kMaxGeneratedNameLength)) {
    generate_name = generate_name.substr(0, kMaxGeneratedNameLength);
  }
  return Concat({generate_name, suffix});
}

bool IsGeneratedSuffix(absl::string_view suffix) {
  if (suffix.size() != static_cast<size_t>(kRandomSuffixLength)) return false;
  for (char c : suffix) {
    if (kSuffixAlphabet.find(c) == absl::string_view::npos) return false;
  }
  return true;
}

uint64_t SeededNameGenerator::NextInt63() {
  // SplitMix64 (Steele, Lea & Flood), top 63 bits.
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return z >> 1;
}

std::string SeededNameGenerator::Suffix() {
  return SuffixFromInt63(
      [](void* self) { return static_cast<SeededNameGenerator*>(self)->NextInt63(); }, this);
}

RandomNameGenerator::RandomNameGenerator() {
  std::random_device rd;
  std::seed_seq seq{rd(), rd(), rd(), rd()};
  engine_.seed(seq);
}

std::string RandomNameGenerator::Suffix() {
  return SuffixFromInt63(
      [](void* self) { return static_cast<RandomNameGenerator*>(self)->engine_() >> 1; }, this);
}

}  // namespace kron
