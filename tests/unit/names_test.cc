// Job/Pod naming and DNS-1123 validation (kron/names.h).
// Expectations: the seed document, apimachinery's message texts, and
// hand-computed cases.
#include "kron/names.h"

#include <set>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kron {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kLabelRegexMsg[] =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
    "must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex "
    "used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
constexpr char kSubdomainRegexMsg[] =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
    "'.', and must start and end with an alphanumeric character (e.g. 'example.com', regex "
    "used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

// The label message built the way apimachinery's RegexError joins examples:
// "'my-name', " + " or " + "'123-abc', ".
std::string LabelMsg() {
  return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
         "and must start and end with an alphanumeric character (e.g. 'my-name',  or "
         "'123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
}

TEST(JobName, SeedCronJobTest01) {
  // 2026-01-01T08:00:00Z = 1767254400 s = 29454240 min.
  Instant t = Instant::FromUnixSeconds(1767254400);
  EXPECT_EQ(CronJobJobName("cronjob-test01", t), "cronjob-test01-29454240");
  EXPECT_EQ(CronJobJobName("cronjob-test01", t + 60), "cronjob-test01-29454241");
  EXPECT_EQ(TimeHashInMinutes(t), 29454240);
}

TEST(JobName, SecondsWithinTheMinuteDoNotChangeTheName) {
  Instant t = Instant::FromUnixSeconds(1767254400 + 59);
  EXPECT_EQ(CronJobJobName("cj", t), "cj-29454240");
}

TEST(JobName, GoTruncatingDivisionBeforeEpoch) {
  // Go: -61 / 60 == -1 (toward zero), unlike a floor (-2).
  EXPECT_EQ(TimeHashInMinutes(Instant::FromUnixSeconds(-61)), -1);
  EXPECT_EQ(TimeHashInMinutes(Instant::FromUnixSeconds(-59)), 0);
  EXPECT_EQ(CronJobJobName("old", Instant::FromUnixSeconds(-120)), "old--2");
}

TEST(JobName, MaxLengthCronJobNameGivesSixtyThreeCharacterJob) {
  std::string name(kMaxCronJobNameLength, 'a');
  // 10 digits of minutes until year 20989; today 8 digits, so always <= 63.
  std::string job = CronJobJobName(name, Instant::FromUnixSeconds(1767254400));
  EXPECT_EQ(job.size(), 52u + 1 + 8);
  EXPECT_THAT(IsDns1123Subdomain(job), IsEmpty());
}

TEST(Validation, MessagesMatchApimachinery) {
  EXPECT_EQ(LabelMsg(), kLabelRegexMsg);
  EXPECT_EQ(MaxLenError(63), "must be no more than 63 characters");
  EXPECT_EQ(MaxLenError(253), "must be no more than 253 characters");
}

struct LabelCase {
  const char* value;
  std::vector<std::string> errors;
};

TEST(Validation, Dns1123Label) {
  const std::string long64(64, 'a');
  const std::string upper64 = std::string(63, 'a') + "A";
  const std::vector<LabelCase> cases = {
      {"my-name", {}},
      {"123-abc", {}},
      {"a", {}},
      {"0", {}},
      {"", {LabelMsg()}},
      {"-abc", {LabelMsg()}},
      {"abc-", {LabelMsg()}},
      {"ABC", {LabelMsg()}},
      {"a_b", {LabelMsg()}},
      {"a.b", {"must not contain dots"}},
      {"example.com", {"must not contain dots"}},
      {long64.c_str(), {"must be no more than 63 characters"}},
      {upper64.c_str(), {"must be no more than 63 characters", LabelMsg()}},
  };
  for (const LabelCase& c : cases) {
    EXPECT_EQ(IsDns1123Label(c.value), c.errors) << "value: " << c.value;
  }
  EXPECT_THAT(IsDns1123Label(std::string(63, 'z')), IsEmpty());
}

TEST(Validation, Dns1123Subdomain) {
  EXPECT_THAT(IsDns1123Subdomain("example.com"), IsEmpty());
  EXPECT_THAT(IsDns1123Subdomain("cronjob-test01"), IsEmpty());
  EXPECT_THAT(IsDns1123Subdomain("a.b.c-d.e1"), IsEmpty());
  EXPECT_THAT(IsDns1123Subdomain(""), ElementsAre(kSubdomainRegexMsg));
  EXPECT_THAT(IsDns1123Subdomain("a..b"), ElementsAre(kSubdomainRegexMsg));
  EXPECT_THAT(IsDns1123Subdomain(".a"), ElementsAre(kSubdomainRegexMsg));
  EXPECT_THAT(IsDns1123Subdomain("a."), ElementsAre(kSubdomainRegexMsg));
  EXPECT_THAT(IsDns1123Subdomain("a-.b"), ElementsAre(kSubdomainRegexMsg));
  EXPECT_THAT(IsDns1123Subdomain("Cron"), ElementsAre(kSubdomainRegexMsg));
  EXPECT_THAT(IsDns1123Subdomain(std::string(253, 'a')), IsEmpty());
  EXPECT_THAT(IsDns1123Subdomain(std::string(254, 'a')),
              ElementsAre("must be no more than 253 characters"));
  EXPECT_THAT(IsDns1123Subdomain(std::string(254, 'a') + "_"),
              ElementsAre("must be no more than 253 characters", kSubdomainRegexMsg));
}

TEST(Validation, CronJobName) {
  EXPECT_THAT(ValidateCronJobName("cronjob-test01"), IsEmpty());
  EXPECT_THAT(ValidateCronJobName(std::string(52, 'c')), IsEmpty());
  EXPECT_THAT(ValidateCronJobName(std::string(53, 'c')),
              ElementsAre("must be no more than 52 characters"));
  EXPECT_THAT(ValidateCronJobName("My_CronJob"), ElementsAre(kSubdomainRegexMsg));
  EXPECT_THAT(ValidateCronJobName(""), ElementsAre("name or generateName is required"));
  // Dots are allowed in CronJob names (subdomain rules).
  EXPECT_THAT(ValidateCronJobName("nightly.backup"), IsEmpty());
  EXPECT_THAT(ValidateCronJobName(std::string(260, 'x')),
              ElementsAre("must be no more than 253 characters",
                          "must be no more than 52 characters"));
}

TEST(GeneratedNames, PodNamesFromSeed) {
  EXPECT_EQ(PodGenerateNamePrefix("job-test01"), "job-test01-");
  EXPECT_EQ(ApplyGeneratedSuffix(PodGenerateNamePrefix("job-test01"), "7xf2p"),
            "job-test01-7xf2p");
  EXPECT_EQ(ApplyGeneratedSuffix(PodGenerateNamePrefix("cronjob-test01-29454240"), "mrjbc"),
            "cronjob-test01-29454240-mrjbc");
  // The seed's suffixes all come from utilrand's alphabet.
  for (const char* s : {"7xf2p", "mrjbc", "z7qbj"}) EXPECT_TRUE(IsGeneratedSuffix(s)) << s;
}

TEST(GeneratedNames, SuffixAlphabet) {
  EXPECT_EQ(kSuffixAlphabet.size(), 27u);
  EXPECT_FALSE(IsGeneratedSuffix("abcde"));  // vowel
  EXPECT_FALSE(IsGeneratedSuffix("bcd01"));  // 0 and 1 excluded
  EXPECT_FALSE(IsGeneratedSuffix("bcd3f"));  // 3 excluded
  EXPECT_FALSE(IsGeneratedSuffix("bcdf"));   // length
  EXPECT_FALSE(IsGeneratedSuffix("BCDFG"));
  EXPECT_TRUE(IsGeneratedSuffix("bbbbb"));
  EXPECT_TRUE(IsGeneratedSuffix("99999"));
}

TEST(GeneratedNames, BaseCutToFiftyEightBytes) {
  EXPECT_EQ(kMaxGeneratedNameLength, 58);
  std::string base(70, 'j');
  std::string name = ApplyGeneratedSuffix(base, "bcdfg");
  EXPECT_EQ(name.size(), 63u);
  EXPECT_EQ(name, std::string(58, 'j') + "bcdfg");
  // Exactly 58 is kept whole.
  EXPECT_EQ(ApplyGeneratedSuffix(std::string(58, 'k'), "bcdfg"), std::string(58, 'k') + "bcdfg");
  // A 58-character job name loses its trailing dash: `<57 chars>` + suffix.
  std::string job(58, 'q');
  EXPECT_EQ(ApplyGeneratedSuffix(PodGenerateNamePrefix(job), "bcdfg"), job + "bcdfg");
}

TEST(GeneratedNames, IndexedJobPrefix) {
  EXPECT_EQ(IndexedPodGenerateNamePrefix("myjob", 0), "myjob-0-");
  EXPECT_EQ(IndexedPodGenerateNamePrefix("myjob", 12), "myjob-12-");
  // 60-character job name, index 12: "-12-" is kept, the name cut to 54.
  std::string job(60, 'a');
  std::string p = IndexedPodGenerateNamePrefix(job, 12);
  EXPECT_EQ(p, std::string(54, 'a') + "-12-");
  EXPECT_EQ(p.size(), 58u);
  // 54 + "-3-" = 57 <= 58: unchanged.
  EXPECT_EQ(IndexedPodGenerateNamePrefix(std::string(54, 'b'), 3), std::string(54, 'b') + "-3-");
  // 56 + "-3-" = 59 > 58: cut to 55.
  EXPECT_EQ(IndexedPodGenerateNamePrefix(std::string(56, 'b'), 3), std::string(55, 'b') + "-3-");
}

TEST(GeneratedNames, SeededGeneratorIsReproducible) {
  // Golden values computed independently (a Python transcription of the
  // algorithm documented in names.h).
  SeededNameGenerator g0(0);
  EXPECT_EQ(g0.Suffix(), "6587x");
  EXPECT_EQ(g0.Suffix(), "96q8r");
  EXPECT_EQ(g0.Suffix(), "k4lmb");
  EXPECT_EQ(g0.Suffix(), "5kvqx");
  SeededNameGenerator g42(42);
  EXPECT_EQ(g42.GenerateName("job-test01-"), "job-test01-n9rpp");
  EXPECT_EQ(g42.Suffix(), "cgjzq");

  SeededNameGenerator a(7), b(7);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(a.Suffix(), b.Suffix());
}

TEST(GeneratedNames, GeneratorsProduceValidSuffixes) {
  SeededNameGenerator seeded(123);
  RandomNameGenerator random;
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string s = seeded.Suffix();
    EXPECT_TRUE(IsGeneratedSuffix(s)) << s;
    seen.insert(s);
    std::string r = random.Suffix();
    EXPECT_TRUE(IsGeneratedSuffix(r)) << r;
    std::string n = random.GenerateName("cronjob-test01-29454240-");
    EXPECT_EQ(n.size(), 29u);
    EXPECT_THAT(IsDns1123Label(n), IsEmpty());
  }
  // 27^5 ≈ 14.3 M possibilities: 200 draws essentially never collide.
  EXPECT_GT(seen.size(), 195u);
}

}  // namespace
}  // namespace kron
